"""Inputs of the query-speed benchmark: a ``bilat batch`` output copied K times over with
synthetic ids, a throwaway PostgreSQL cluster, database sizes.

Copy 0 keeps the original ids; copy ``c`` >= 1 suffixes every document id with ``-c`` and every
URL with ``#copy-c`` (in the Parquet columns and in the stored extraction record), so the loader
sees distinct documents with the same texts and facts. Partitions are written copy by copy (the
whole corpus, then the whole corpus again, ...), in the source's reading order.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bilat.batch.parquet_io import (
    SCHEMAS,
    completed_keys,
    marker_path,
    read_marker,
    read_plan,
    write_plan,
)

PG_BIN_GLOB = "usr/lib/postgresql/*/bin"
PG_OS_USER = "postgres"  # runs the cluster when the benchmark runs as root


def _suffix(column: pa.ChunkedArray, suffix: str) -> pa.ChunkedArray:
    return pc.binary_join_element_wise(column, pa.scalar(suffix), "")


def _copy_table(table: pa.Table, dataset: str, copy: int, key: str) -> pa.Table:
    """The rows of ``table`` as copy ``copy`` (new partition ``key``)."""
    cols = {name: table[name] for name in table.column_names}
    cols["part"] = pa.chunked_array([pa.array([key] * len(table), pa.string())])
    if copy:
        cols["doc_id"] = _suffix(cols["doc_id"], f"-{copy}")
        if dataset == "documents":
            cols["url"] = _suffix(cols["url"], f"#copy-{copy}")
            records = []
            for doc_id, url, text in zip(
                cols["doc_id"].to_pylist(),
                cols["url"].to_pylist(),
                cols["record"].to_pylist(),
                strict=True,
            ):
                if text is None:
                    records.append(None)
                    continue
                record = json.loads(text)
                record["doc"], record["url"] = doc_id, url
                records.append(json.dumps(record, ensure_ascii=False))
            cols["record"] = pa.chunked_array([pa.array(records, pa.string())])
    return pa.table([cols[name] for name in table.column_names], schema=SCHEMAS[dataset])


def replicate(src: Path, dst: Path, copies: int) -> int:
    """Write ``copies`` copies of every completed partition of ``src`` into ``dst`` (a new
    folder); returns the number of partitions written."""
    keys = completed_keys(src)
    if not keys:
        raise SystemExit(f"error: {src} holds no completed bilat batch partitions")
    plan_of = {p["key"]: p for p in read_plan(src)}
    plan: list[dict] = []
    for copy in range(copies):
        for key in keys:
            marker = read_marker(src, key) or {"files": []}
            new_key = key if copy == 0 else f"{key}-{copy}"
            files = []
            for name in marker["files"]:
                dataset = Path(name).parts[0]
                target = Path(name.replace(f"part-{key}.parquet", f"part-{new_key}.parquet"))
                table = pq.read_table(src / name, schema=SCHEMAS[dataset])
                (dst / target).parent.mkdir(parents=True, exist_ok=True)
                pq.write_table(_copy_table(table, dataset, copy, new_key), dst / target)
                files.append(str(target))
            entry = {**(marker.get("plan") or plan_of.get(key) or {}), "key": new_key}
            done = marker_path(dst, new_key)
            done.parent.mkdir(parents=True, exist_ok=True)
            done.write_text(json.dumps({**marker, "key": new_key, "plan": entry, "files": files}))
            plan.append(entry)
    write_plan(dst, plan)
    return len(plan)


def database_bytes(engine: Engine) -> int:
    """Size of the database on disk (SQLite: the file after a WAL checkpoint)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            path = engine.url.database
            return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))
        return conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar_one()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TempPostgres:
    """A PostgreSQL cluster in a temporary folder, removed by :meth:`close`."""

    def __init__(self) -> None:
        bindirs = [p for p in Path("/").glob(PG_BIN_GLOB) if (p / "initdb").exists()]
        if not bindirs:
            raise SystemExit(
                "error: no PostgreSQL binaries under /usr/lib/postgresql; give --pg URL"
            )
        self.bindir = max(bindirs, key=lambda p: int(p.parent.name))
        self.base = Path(tempfile.mkdtemp(prefix="bilat-qs-pg-"))
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.started = False

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bindir / tool), *args]
        if self.as_root:
            cmd = ["runuser", "-u", PG_OS_USER, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=self.base)
        if done.returncode:
            raise SystemExit(f"error: {tool} failed: {done.stderr or done.stdout}")

    def start(self) -> str:
        """Start the cluster; returns the URL of a new, empty database."""
        if self.as_root:
            shutil.chown(self.base, user=PG_OS_USER)
        self._run("initdb", "-D", str(self.base / "data"), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "-D", str(self.base / "data"), "-o", options,
                  "-l", str(self.base / "server.log"), "-w", "start")  # fmt: skip
        self.started = True
        name = f"bilat_qs_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(
            f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres",
            isolation_level="AUTOCOMMIT",
        )
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
        admin.dispose()
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def close(self) -> None:
        try:
            if self.started:
                self._run("pg_ctl", "-D", str(self.base / "data"), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)
