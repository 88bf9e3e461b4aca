"""Ingest: read inputs, skip what is stored, group reprints, extract, store in batches.

Each batch (documents, their extraction rows, story assignments, signatures and rejects) is
written in one transaction, so an interrupted ingest leaves whole batches only, and a rerun
stores exactly what a clean run would have. Ingesting the same input twice adds nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..errors import InputRejected
from ..store import schema as s
from ..store.engine import open_engine
from ..store.kb import refresh as refresh_knowledge
from ..store.writer import Batch, NewDocument, RejectRow, existing_ids, write_batch
from .article import RawArticle
from .stories import StoryIndex, signature, to_bytes

DEFAULT_BATCH_SIZE = 200
DEFAULT_MAX_BYTES = 20_000_000
PROGRESS_MIN_ITEMS = 50  # show the progress bar once this many inputs have been read


@dataclass(slots=True)
class ExtractionFailure:
    doc_id: str
    origin: str
    error: str


@dataclass(slots=True)
class IngestSummary:
    read: int = 0  # articles read (rejected inputs not counted)
    new: int = 0  # documents stored by this run
    duplicates: int = 0  # articles already stored, or read twice in this run
    near_duplicates: int = 0  # new documents grouped into an existing story
    stories: int = 0  # new stories started by this run
    rejected: int = 0
    rejects: list[RejectRow] = field(default_factory=list)
    extraction_failures: list[ExtractionFailure] = field(default_factory=list)
    stories_with_reprints: int = 0  # stories in the database with two or more documents
    documents_in_db: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


ProgressFn = Callable[[IngestSummary], None]


def _extract_record(doc: NewDocument) -> dict:
    from ..extract.api import extract
    from ..record import to_record

    filled = extract(doc.id, doc.text, published=doc.published, title=doc.title,
                     url=doc.url, source=doc.source)  # fmt: skip
    return to_record(filled)


class _Ingester:
    def __init__(self, engine: Engine, *, extract: bool, batch_size: int) -> None:
        self.engine = engine
        self.extract = extract
        self.batch_size = batch_size
        self.summary = IngestSummary()
        self.seen: set[str] = set()
        self.pending: list[tuple[str, RawArticle]] = []
        self.pending_rejects: list[RejectRow] = []
        self.extracted: list[str] = []  # new documents whose pairs the knowledge tables lack
        with engine.connect() as conn:
            self.index = StoryIndex.load(conn)
        if extract:  # a pipeline that cannot be built stops the ingest before it starts
            from ..extract.api import default_pipeline

            default_pipeline()

    def add(self, item: RawArticle | InputRejected, article_id: Callable[[str, str | None], str]):
        if isinstance(item, InputRejected):
            reject = RejectRow(item.source, item.line, item.reason_code, item.reason)
            self.summary.rejected += 1
            self.summary.rejects.append(reject)
            self.pending_rejects.append(reject)
        else:
            self.summary.read += 1
            doc_id = article_id(item.text, item.url)
            if doc_id in self.seen:
                self.summary.duplicates += 1
            else:
                self.seen.add(doc_id)
                self.pending.append((doc_id, item))
        if len(self.pending) + len(self.pending_rejects) >= self.batch_size:
            self.flush()

    def _prepare(self, doc_id: str, art: RawArticle, batch: Batch) -> None:
        sig = signature(art.text)
        story = self.index.assign(doc_id, sig)
        if story.new_story:
            batch.new_stories.append(story.story_id)
            self.summary.stories += 1
        else:
            self.summary.near_duplicates += 1
        doc = NewDocument(
            id=doc_id, name=art.name, origin=art.origin, text=art.text, story_id=story.story_id,
            signature=to_bytes(sig), url=art.url, title=art.title, source=art.source,
            published=art.published,
        )  # fmt: skip
        if self.extract:
            try:
                doc.record = _extract_record(doc)
            except Exception as err:  # one bad article must not stop a long ingest
                self.summary.extraction_failures.append(
                    ExtractionFailure(doc_id, art.origin, f"{type(err).__name__}: {err}")
                )
        batch.documents.append(doc)

    def flush(self) -> None:
        if not self.pending and not self.pending_rejects:
            return
        with self.engine.connect() as conn:
            stored = existing_ids(conn, [doc_id for doc_id, _ in self.pending])
        batch = Batch(rejects=self.pending_rejects)
        for doc_id, art in self.pending:
            if doc_id in stored:
                self.summary.duplicates += 1
            else:
                self._prepare(doc_id, art, batch)
        with self.engine.begin() as conn:
            write_batch(conn, batch)
        self.extracted += [d.id for d in batch.documents if d.record is not None]
        self.summary.new += len(batch.documents)
        self.pending = []
        self.pending_rejects = []

    def finish(self) -> IngestSummary:
        self.flush()
        # each touched pair once, after all batches; a run killed before this point leaves its
        # documents "stale", and the next refresh picks them up
        refresh_knowledge(self.engine, self.extracted)
        d = s.documents
        with self.engine.connect() as conn:
            self.summary.documents_in_db = conn.execute(
                sa.select(sa.func.count()).select_from(d)
            ).scalar_one()
            sizes = (
                sa.select(d.c.story_id)
                .group_by(d.c.story_id)
                .having(sa.func.count() > 1)
                .subquery()
            )
            self.summary.stories_with_reprints = conn.execute(
                sa.select(sa.func.count()).select_from(sizes)
            ).scalar_one()
        return self.summary


def ingest_items(
    items: Iterable[RawArticle | InputRejected],
    engine: Engine,
    *,
    extract: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_progress: ProgressFn | None = None,
) -> IngestSummary:
    """Store ``items`` (what the readers yield) in ``engine``'s database."""
    from .readers import article_id

    ingester = _Ingester(engine, extract=extract, batch_size=max(1, batch_size))
    for item in items:
        ingester.add(item, article_id)
        if on_progress is not None:
            on_progress(ingester.summary)
    return ingester.finish()


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[ProgressFn | None]:
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = None

    def update(summary: IngestSummary) -> None:
        nonlocal task
        seen = summary.read + summary.rejected
        if seen < PROGRESS_MIN_ITEMS:
            return
        if task is None:
            progress.start()
            task = progress.add_task("")
        progress.update(
            task,
            description=f"read {summary.read}, stored {summary.new}, "
            f"duplicates {summary.duplicates}, rejected {summary.rejected}",
        )

    try:
        yield update
    finally:
        progress.stop()


def ingest(
    paths: Iterable[str],
    db_url: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    extract: bool = True,
    progress: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> IngestSummary:
    """Read every article under ``paths`` and store it in the database at ``db_url``."""
    from .readers import iter_inputs

    engine = open_engine(db_url)
    try:
        with _progress_bar(progress) as on_progress:
            items = iter_inputs([str(p) for p in paths], max_bytes=max_bytes)
            return ingest_items(
                items, engine, extract=extract, batch_size=batch_size, on_progress=on_progress
            )
    finally:
        engine.dispose()
