"""Bulk load of ``bilat batch`` Parquet output into the store, as ``bilat ingest`` would store it.

Documents are taken in reading order (the batch plan's partition order, then position), and go
through the same steps as the ingest runner: a document already stored or seen earlier in the
load is a duplicate; a new one joins a story through :class:`bilat.ingest.stories.StoryIndex`
(from the MinHash signature the worker computed); its extraction record is stored by
:func:`bilat.store.writer.write_batch`. Each batch is one transaction, so a load stopped half
way leaves whole batches, and loading again adds only what is missing.

Read rejects are logged as ingest logs them. Extraction failures (reject stage ``extract``) are
counted and listed, and their documents are stored without facts, as ingest stores them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..errors import StoreError
from ..ingest.stories import StoryIndex, from_bytes
from ..knowledge.followthrough import ReportSentences
from . import schema as s
from .writer import Batch, NewDocument, RejectRow, existing_ids, write_batch

DEFAULT_LOAD_BATCH_SIZE = 500


def refresh_knowledge(engine: Engine, doc_ids: list[str], reports: ReportSentences | None = None) -> None:
    """Cross-document resolution (bilat.knowledge) of the country pairs the new documents touch,
    once for the whole load (ingest runs it after each batch: the result is the same).
    ``reports`` holds the report sentences the batch workers analysed."""
    from .kb import refresh

    refresh(engine, doc_ids, reports)


# Run after a load, in order, with the engine, the ids of the documents stored with a record,
# and the report sentences analysed by the batch workers (for the knowledge refresh).
PostLoadHook = Callable[[Engine, list[str], ReportSentences], None]
POST_LOAD_HOOKS: list[PostLoadHook] = [refresh_knowledge]


@dataclass(slots=True)
class LoadSummary:
    partitions: int = 0
    read: int = 0  # document rows read from Parquet
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    stories: int = 0
    rejects_logged: int = 0
    extraction_failures: list[dict] = field(default_factory=list)
    documents_in_db: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


class _Loader:
    def __init__(self, engine: Engine, batch_size: int) -> None:
        self.engine = engine
        self.batch_size = batch_size
        self.summary = LoadSummary()
        self.seen: set[str] = set()
        self.pending: list[dict] = []
        self.pending_rejects: list[RejectRow] = []
        self.stored_ids: list[str] = []
        self.report_sentences: dict[str, str] = {}  # document id -> as the worker analysed them
        with engine.connect() as conn:
            self.index = StoryIndex.load(conn)

    def add_partition(self, documents: pa.Table, rejects: pa.Table) -> None:
        self.summary.partitions += 1
        for rej in rejects.to_pylist():
            if rej["stage"] == "read":
                self.pending_rejects.append(
                    RejectRow(rej["origin"], rej["line"], rej["reason_code"], rej["reason"])
                )
            else:
                self.summary.extraction_failures.append(
                    {"doc_id": rej["doc_id"], "origin": rej["origin"], "error": rej["reason"]}
                )
        for batch in documents.to_batches(max_chunksize=self.batch_size):
            for doc in batch.to_pylist():
                self.summary.read += 1
                if doc["doc_id"] in self.seen:
                    self.summary.duplicates += 1
                    continue
                self.seen.add(doc["doc_id"])
                analysed = doc.pop("report_sentences", None)
                if analysed is not None:
                    self.report_sentences[doc["doc_id"]] = analysed
                self.pending.append(doc)
                if len(self.pending) + len(self.pending_rejects) >= self.batch_size:
                    self.flush()

    def _new_document(self, doc: dict, batch: Batch) -> None:
        sig = from_bytes(doc["signature"])
        story = self.index.assign(doc["doc_id"], sig)
        if story.new_story:
            batch.new_stories.append(story.story_id)
            self.summary.stories += 1
        else:
            self.summary.near_duplicates += 1
        batch.documents.append(
            NewDocument(
                id=doc["doc_id"], name=doc["name"], origin=doc["origin"], text=doc["text"],
                story_id=story.story_id, signature=doc["signature"], url=doc["url"],
                title=doc["title"], source=doc["source"], published=doc["published"],
                record=json.loads(doc["record"]) if doc["record"] is not None else None,
            )  # fmt: skip
        )

    def flush(self) -> None:
        if not self.pending and not self.pending_rejects:
            return
        with self.engine.connect() as conn:
            stored = existing_ids(conn, [d["doc_id"] for d in self.pending])
        batch = Batch(rejects=self.pending_rejects)
        for doc in self.pending:
            if doc["doc_id"] in stored:
                self.summary.duplicates += 1
            else:
                self._new_document(doc, batch)
        with self.engine.begin() as conn:
            self.summary.rejects_logged += write_batch(conn, batch)
        self.summary.new += len(batch.documents)
        self.stored_ids.extend(d.id for d in batch.documents if d.record is not None)
        self.pending = []
        self.pending_rejects = []

    def finish(self) -> LoadSummary:
        self.flush()
        with self.engine.connect() as conn:
            self.summary.documents_in_db = conn.execute(
                sa.select(sa.func.count()).select_from(s.documents)
            ).scalar_one()
        return self.summary


def load_parquet(
    out: str | Path,
    engine: Engine,
    *,
    batch_size: int = DEFAULT_LOAD_BATCH_SIZE,
    run_hooks: bool = True,
) -> LoadSummary:
    """Store every completed partition of the batch output folder ``out`` in ``engine``."""
    from ..batch.parquet_io import completed_keys, iter_completed

    out_dir = Path(out)
    if not completed_keys(out_dir):
        raise StoreError(f"{out_dir} holds no completed bilat batch partitions")
    loader = _Loader(engine, max(1, batch_size))
    for part in iter_completed(out_dir):
        loader.add_partition(part.documents, part.rejects)
    summary = loader.finish()
    if run_hooks:
        # only documents stored by this load: one stored earlier keeps its own record
        analysed = {d: loader.report_sentences[d] for d in loader.stored_ids if d in loader.report_sentences}
        reports = ReportSentences(analysed=analysed)
        for hook in POST_LOAD_HOOKS:
            hook(engine, loader.stored_ids, reports)
    return summary
