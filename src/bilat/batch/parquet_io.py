"""The Parquet output of ``bilat batch``: schemas, month partitions, atomic writes, markers.

Layout under the output folder::

    plan.json                                   partitions of the last run, in reading order
    done/<key>.json                             marker: input partition <key> is complete
    <dataset>/published_month=2026-02/part-<key>.parquet
    <dataset>/published_month=unknown/part-<key>.parquet

Every file of one input partition is first written under ``tmp/<key>/`` and then renamed into
place; its marker is written last (also by rename), so files without a marker are leftovers
of an interrupted run: readers go by the markers and a rerun rewrites them.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

PLAN_FILE = "plan.json"
DONE_DIR = "done"
TMP_DIR = "tmp"
MONTH_COLUMN = "published_month"
UNKNOWN_MONTH = "unknown"

_S = pa.string()
_I = pa.int32()
_F = pa.float64()
_LIST = pa.list_(pa.string())
_EVIDENCE = [("ev_start", _I), ("ev_end", _I), ("ev_text", _S)]
_KEY = [("part", _S), ("pos", _I), ("doc_id", _S)]

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        _KEY + [("name", _S), ("origin", _S), ("url", _S), ("title", _S), ("source", _S),
                ("published", pa.date32()), ("text", _S), ("signature", pa.binary()),
                ("countries", _LIST), ("sectors", _LIST), ("record", _S),
                ("report_sentences", _S)]
    ),  # fmt: skip
    "entities": pa.schema(
        _KEY + [("n", _I), ("type", _S), ("text", _S), ("normal", _S), ("start", _I), ("end", _I)]
    ),
    "persons": pa.schema(
        _KEY + [("n", _I), ("name", _S), ("country", _S), ("role", _S), ("organization", _S),
                ("patronymic", _S),
                ("mentions", pa.list_(pa.struct([("start", _I), ("end", _I), ("text", _S)])))]
    ),  # fmt: skip
    "events": pa.schema(
        _KEY + [("n", _I), ("type", _S), ("date", _S), ("countries", _LIST), ("place", _S),
                ("persons", _LIST), ("cameo", _S), ("plover", _S)] + _EVIDENCE
    ),  # fmt: skip
    "indicators": pa.schema(
        _KEY + [("n", _I), ("kind", _S), ("scope", _S), ("countries", _LIST), ("period", _S),
                ("value", _F), ("unit", _S), ("change_pct", _F)] + _EVIDENCE
    ),  # fmt: skip
    "commitments": pa.schema(
        _KEY + [("n", _I), ("kind", _S), ("due", _S), ("parties", _LIST), ("action", _S)]
        + _EVIDENCE
    ),
    # stage "read": the input could not be read (as bilat ingest logs it);
    # stage "extract": the article was read but extraction failed (its document has no record)
    "rejects": pa.schema(
        [("part", _S), ("pos", _I), ("stage", _S), ("origin", _S), ("line", _I),
         ("reason_code", _S), ("reason", _S), ("doc_id", _S)]
    ),  # fmt: skip
}
DATASETS = tuple(SCHEMAS)


def month_of(published) -> str:
    """``YYYY-MM`` of a date, or ``unknown``."""
    return published.strftime("%Y-%m") if published is not None else UNKNOWN_MONTH


def table_of(dataset: str, rows: list[dict]) -> pa.Table:
    schema = SCHEMAS[dataset]
    return pa.Table.from_pylist(
        [{name: row.get(name) for name in schema.names} for row in rows], schema=schema
    )


def data_file(out: Path, dataset: str, month: str, key: str) -> Path:
    return out / dataset / f"{MONTH_COLUMN}={month}" / f"part-{key}.parquet"


def marker_path(out: Path, key: str) -> Path:
    return out / DONE_DIR / f"{key}.json"


def is_done(out: Path, key: str) -> bool:
    return marker_path(out, key).exists()


def _write_json_atomically(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def write_partition(
    out: Path, key: str, rows: dict[str, dict[str, list[dict]]], stats: dict
) -> list[str]:
    """Write one input partition's rows (``dataset -> month -> rows``) and then its marker.

    Returns the files written, relative to ``out``."""
    staging = out / TMP_DIR / f"{key}.{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staged: list[tuple[Path, Path]] = []
    for dataset, by_month in rows.items():
        for month, month_rows in sorted(by_month.items()):
            if not month_rows:
                continue
            final = data_file(out, dataset, month, key)
            tmp = staging / final.relative_to(out)
            tmp.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(table_of(dataset, month_rows), tmp)
            staged.append((tmp, final))
    for tmp, final in staged:
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, final)
    shutil.rmtree(staging, ignore_errors=True)
    files = sorted(str(final.relative_to(out)) for _, final in staged)
    _write_json_atomically(marker_path(out, key), {**stats, "key": key, "files": files})
    return files


def write_plan(out: Path, partitions: list[dict]) -> None:
    _write_json_atomically(out / PLAN_FILE, {"partitions": partitions})


def read_plan(out: Path) -> list[dict]:
    path = out / PLAN_FILE
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["partitions"]


def read_marker(out: Path, key: str) -> dict | None:
    path = marker_path(out, key)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _input_order(marker: dict) -> tuple:
    part = marker.get("plan") or {}
    return (part.get("path", ""), part.get("member") or "", part.get("start", 0),
            part.get("names") or [], marker.get("key", ""))  # fmt: skip


def completed_keys(out: Path) -> list[str]:
    """Every input partition with a marker, in reading order: those of earlier runs over other
    inputs first (by input name and line), then those of the last run's plan in its order."""
    done = {p.stem for p in (out / DONE_DIR).glob("*.json")} if (out / DONE_DIR).is_dir() else set()
    planned = [p["key"] for p in read_plan(out) if p["key"] in done]
    others = [read_marker(out, k) or {"key": k} for k in done - set(planned)]
    return [m["key"] for m in sorted(others, key=_input_order)] + planned


@dataclass(slots=True)
class PartitionTables:
    """The tables of one completed input partition, rows sorted by reading position."""

    key: str
    documents: pa.Table
    rejects: pa.Table


def _read_dataset(out: Path, files: list[str], dataset: str) -> pa.Table:
    tables = [
        pq.read_table(out / f, schema=SCHEMAS[dataset])
        for f in files
        if Path(f).parts[0] == dataset
    ]
    if not tables:
        return SCHEMAS[dataset].empty_table()
    return pa.concat_tables(tables).sort_by("pos")


def iter_completed(out: Path) -> Iterator[PartitionTables]:
    """Documents and rejects of every completed input partition, in reading order."""
    for key in completed_keys(out):
        marker = read_marker(out, key) or {"files": []}
        files = marker["files"]
        yield PartitionTables(
            key, _read_dataset(out, files, "documents"), _read_dataset(out, files, "rejects")
        )
