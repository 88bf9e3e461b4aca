"""What a Dask worker runs: read one partition, extract every article, write its Parquet files.

The pipeline (models included) is built once per worker process, by :class:`WarmPipeline` when
the worker starts and otherwise on first use (``default_pipeline`` is cached per process). One
article whose extraction fails becomes a reject row (stage ``extract``) and its document is
kept without a record, as ``bilat ingest`` keeps it; it never fails its partition.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import json
import resource
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pyarrow as pa
from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import InputRejected
from ..ingest.article import RawArticle
from ..ingest.identity import article_id
from ..ingest.stories import signature, to_bytes
from ..store import schema as s
from ..store.writer import record_rows
from . import parquet_io as pio
from .partitioning import Partition, read_partition

STAGE_READ = "read"
STAGE_EXTRACT = "extract"
REJECT_EXTRACTION_FAILED = "extraction_failed"

# extraction tables (store schema) written as Parquet datasets of the same name
FACT_DATASETS = {s.entities: "entities", s.persons: "persons", s.events: "events",
                 s.indicators: "indicators", s.commitments: "commitments"}  # fmt: skip


class WarmPipeline(WorkerPlugin):
    """Builds the extraction pipeline (and loads its models) once, when a worker starts."""

    name = "bilat-warm-pipeline"

    def setup(self, worker) -> None:
        use_system_allocator()
        warm_up()


# a short text of our own whose extraction loads every model the stages use lazily
WARM_UP_TEXT = "Президент Казахстана 5 марта 2024 года провел переговоры в Пекине о поставках зерна."


def warm_up() -> None:
    """Build the pipeline and run it once, so that models load before the first partition."""
    from ..extract.api import extract

    extract("warm-up", WARM_UP_TEXT)


def extract_record(doc_id: str, art: RawArticle) -> tuple[dict, str]:
    """The extraction record of one article, as ``bilat ingest`` stores it, and its report
    sentences for the knowledge refresh (JSON, see ``bilat.knowledge.followthrough``), analysed
    here from the pipeline's tokens so that ``bilat load`` need not segment the text again."""
    from ..extract.api import extract
    from ..knowledge.followthrough import dump_report_sentences, report_sentences_of_doc
    from ..record import to_record

    doc = extract(doc_id, art.text, published=art.published, title=art.title, url=art.url,
                  source=art.source)  # fmt: skip
    record = to_record(doc)
    return record, dump_report_sentences(report_sentences_of_doc(record, doc))


def fact_rows(doc_id: str, record: dict) -> dict[str, list[dict]]:
    """Rows of the fact datasets for one record, column names as in the store schema."""
    rows = record_rows(doc_id, record, datetime.now(UTC))
    mentions: dict[int, list[dict]] = defaultdict(list)
    for m in rows[s.person_mentions]:
        mentions[m["person_n"]].append({"start": m["start"], "end": m["end"], "text": m["text"]})
    out = {name: rows[table] for table, name in FACT_DATASETS.items()}
    for p in out["persons"]:
        p["mentions"] = mentions.get(p["n"], [])
    return out


def _reject_row(key: str, pos: int, item: InputRejected) -> dict:
    return {"part": key, "pos": pos, "stage": STAGE_READ, "origin": item.source, "line": item.line,
            "reason_code": item.reason_code, "reason": item.reason, "doc_id": None}  # fmt: skip


def use_system_allocator() -> None:
    """Arrow buffers from the C allocator, whose freed memory ``release_memory`` hands back
    (Arrow's own pool keeps what it freed for later tables: a worker's memory would grow)."""
    pa.set_memory_pool(pa.system_memory_pool())


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None elsewhere (looked up once per process)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def release_memory() -> None:
    """After a partition is written: collect its rows and give the freed heap back to the
    system (glibc keeps it otherwise, and a long-running worker's size creeps up)."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def process_partition(part: Partition, out: str, max_bytes: int) -> dict:
    """Read, extract and write one partition; returns its counts (also kept in its marker)."""
    out_dir = Path(out)
    key = part.key
    done = pio.read_marker(out_dir, key)
    if done is not None:  # finished by an earlier attempt
        return {**done, "skipped": True}
    began, cpu = time.perf_counter(), _cpu_seconds()
    rows: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    stats = {"partition": part.describe(), "index": part.index, "plan": part.as_dict(),
             "documents": 0, "rejected": 0,
             "extraction_failures": 0, "repeated": 0}  # fmt: skip
    seen: set[str] = set()
    for pos, item in enumerate(read_partition(part, max_bytes)):
        if isinstance(item, InputRejected):
            rows["rejects"][pio.UNKNOWN_MONTH].append(_reject_row(key, pos, item))
            stats["rejected"] += 1
            continue
        doc_id = article_id(item.text, item.url)
        if doc_id in seen:  # the loader would drop it: no need to extract it twice
            stats["repeated"] += 1
            continue
        seen.add(doc_id)
        month = pio.month_of(item.published)
        base = {"part": key, "pos": pos, "doc_id": doc_id}
        doc = {**base, "name": item.name, "origin": item.origin, "url": item.url,
               "title": item.title, "source": item.source, "published": item.published,
               "text": item.text, "signature": to_bytes(signature(item.text))}  # fmt: skip
        try:
            record, report_sentences = extract_record(doc_id, item)
            facts = fact_rows(doc_id, record)
            record_json = json.dumps(record, ensure_ascii=False)
        except Exception as err:  # one bad article must not fail its partition
            rows["rejects"][month].append(
                {**base, "stage": STAGE_EXTRACT, "origin": item.origin, "line": None,
                 "reason_code": REJECT_EXTRACTION_FAILED,
                 "reason": f"{type(err).__name__}: {err}"}
            )  # fmt: skip
            stats["extraction_failures"] += 1
            record, facts, record_json = None, {}, None
        if record is not None:
            doc.update(countries=record.get("countries") or [], sectors=record.get("sectors") or [],
                       record=record_json, report_sentences=report_sentences)  # fmt: skip
        rows["documents"][month].append(doc)
        stats["documents"] += 1
        for dataset, fact_list in facts.items():
            rows[dataset][month].extend({**base, **r} for r in fact_list)
    stats["seconds"] = round(time.perf_counter() - began, 3)
    stats["cpu_seconds"] = round(_cpu_seconds() - cpu, 3)
    stats["peak_rss_bytes"] = _peak_rss_bytes()
    stats["files"] = pio.write_partition(out_dir, key, rows, stats)
    del rows
    release_memory()
    return {**stats, "key": key, "skipped": False}
