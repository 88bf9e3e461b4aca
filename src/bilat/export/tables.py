"""The knowledge tables as files, one per table, and read back (for round-trip checks).

JSONL keeps every value as the database returns it. Parquet and CSV store JSON columns (lists,
objects) as JSON text; :func:`read_table` decodes them again, so every format reads back equal
to the database rows.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..store import kb_schema as k

TABLE_FORMATS = ("csv", "jsonl", "parquet")
EXTENSIONS = {"csv": "csv", "jsonl": "jsonl", "parquet": "parquet"}


def _arrow_type(column: sa.Column) -> pa.DataType:
    kind = column.type
    if isinstance(kind, sa.Integer):
        return pa.int64()
    if isinstance(kind, sa.Float):
        return pa.float64()
    return pa.string()  # text, dates as ISO text, JSON as JSON text


def _json_columns(table: sa.Table) -> set[str]:
    return {c.name for c in table.columns if isinstance(c.type, sa.JSON)}


def table_rows(engine: Engine, table: sa.Table) -> list[dict]:
    """Every row of ``table`` in primary-key order, as the database holds it."""
    with engine.connect() as conn:
        query = sa.select(table).order_by(*table.primary_key.columns)
        return [dict(r) for r in conn.execute(query).mappings()]


def _encode(row: dict, json_cols: set[str]) -> dict:
    return {k_: json.dumps(v, ensure_ascii=False) if k_ in json_cols else v for k_, v in row.items()}


def write_table(rows: list[dict], table: sa.Table, fmt: str, folder: Path) -> Path:
    path = folder / f"{table.name}.{EXTENSIONS[fmt]}"
    json_cols = _json_columns(table)
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=[c.name for c in table.columns])
            writer.writeheader()
            writer.writerows(_encode(r, json_cols) for r in rows)
    else:
        schema = pa.schema([pa.field(c.name, _arrow_type(c)) for c in table.columns])
        encoded = [_encode(r, json_cols) for r in rows]
        pq.write_table(pa.Table.from_pylist(encoded, schema=schema), path)
    return path


def read_table(path: Path, table: sa.Table) -> list[dict]:
    """Rows of an exported file, decoded to the values the database held."""
    json_cols = _json_columns(table)
    fmt = path.suffix.lstrip(".")
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if fmt == "parquet":
        raw = pq.read_table(path).to_pylist()
    else:
        with path.open(encoding="utf-8", newline="") as fh:
            raw = [_from_csv(r, table) for r in csv.DictReader(fh)]
    return [{k_: json.loads(v) if k_ in json_cols and v is not None else v for k_, v in r.items()} for r in raw]


def _from_csv(row: dict, table: sa.Table) -> dict:
    out = {}
    for c in table.columns:
        value = row[c.name]
        if value == "" and c.nullable and not isinstance(c.type, sa.JSON):
            out[c.name] = None
        elif isinstance(c.type, sa.Integer):
            out[c.name] = int(value)
        elif isinstance(c.type, sa.Float):
            out[c.name] = float(value)
        else:
            out[c.name] = value
    return out


def export_tables(engine: Engine, fmt: str, folder: Path) -> list[tuple[Path, int]]:
    """Write every knowledge table to ``folder``; returns (file, rows) per table."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in k.KB_TABLES:
        rows = table_rows(engine, table)
        written.append((write_table(rows, table, fmt, folder), len(rows)))
    return written
