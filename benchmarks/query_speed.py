"""Query speed on a corpus loaded K times over: the dossier and the list queries, SQLite and
PostgreSQL.

Copies the Parquet output of ``bilat batch`` K times with synthetic ids (see
query_speed_data.py), bulk-loads it with the loader of ``bilat load`` (knowledge refresh
included) into SQLite and into PostgreSQL (a throwaway cluster, or --pg URL), then times warm,
repeated runs of what the CLI runs: ``bilat dossier`` (read from the knowledge tables, each long
section capped in SQL, and rendered as Markdown; ``--full-dossier`` also times ``--full``) for
the three busiest pairs, ``bilat docs`` (first page, and full-text search), ``bilat
events|persons|indicators|commitments`` (their first page of 50, paged in SQL, with the total)
with the busiest pair and with no pair, and ``--offset`` deep into the busiest pair's
commitments. Terminal output (rich tables) and process start-up are not timed.

    .venv/bin/python benchmarks/query_speed.py /tmp/ru_parquet [--copies 10] [--json]
        [--backends sqlite,postgres] [--pg URL] [--baseline-version 7] [--explain] [--db URL]
        [--full-dossier]

--baseline-version N loads into a schema migrated only up to version N, measures, then applies
the newer migrations (their time is reported) and measures again: before/after for new indexes.
--explain prints the query plan (SQLite: EXPLAIN QUERY PLAN, PostgreSQL: EXPLAIN ANALYZE) of
the slowest statements of each query (for SQLite the time shown is the statement's first step:
a sort happens there, rows read through an index later). --db URL measures a database that is
already loaded (before/after when migrations are pending) instead of copying and loading.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import sqlalchemy as sa  # noqa: E402
from query_speed_data import TempPostgres, database_bytes, replicate  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from bilat.cli.facts_cmd import DEFAULT_LIMIT, list_rows  # noqa: E402
from bilat.knowledge.dossier import DOSSIER_CAPS  # noqa: E402
from bilat.knowledge.followthrough import ReportSentences  # noqa: E402
from bilat.knowledge.render_md import render_markdown  # noqa: E402
from bilat.store import bulk  # noqa: E402
from bilat.store.engine import open_engine  # noqa: E402
from bilat.store.kb import pair_codes  # noqa: E402
from bilat.store.kb_dossier import read_dossier  # noqa: E402
from bilat.store.kb_lists import Filters  # noqa: E402
from bilat.store.kb_schema import kb_pair_docs  # noqa: E402
from bilat.store.migrations import MIGRATIONS, applied_versions, migrate  # noqa: E402
from bilat.store.queries import list_documents  # noqa: E402
from bilat.store.schema import documents  # noqa: E402

SEARCH_TERMS = ("Россия", "санкции", "переговоры")
DOCS_PAGE = 50  # bilat docs --limit default
FACT_LISTS = ("events", "persons", "indicators", "commitments")
DEEP_OFFSET = 10_000  # bilat commitments --pair A-B --offset 10000


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100), linear between the nearest ranks."""
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def busiest_pairs(engine: Engine, n: int = 3) -> list[str]:
    t = kb_pair_docs
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(t.c.pair, sa.func.count().label("docs")).group_by(t.c.pair)
            .order_by(sa.desc("docs"), t.c.pair).limit(n)
        )  # fmt: skip
        return [r[0] for r in rows]


def _dossier(engine: Engine, key: str, full: bool = False) -> Callable[[], int]:
    def run() -> int:
        d = read_dossier(engine, pair_codes(key), None, None if full else DOSSIER_CAPS)
        render_markdown(d)
        return d["documents"]

    return run


def _docs(engine: Engine, search: str | None) -> Callable[[], int]:
    return lambda: len(list_documents(engine, search=search, limit=DOCS_PAGE))


def _facts(engine: Engine, name: str, pairs: list[str] | None, offset: int = 0) -> Callable[[], int]:
    """One page of ``bilat NAME`` (the default 50 rows) and its total; returns the total."""

    def run() -> int:
        with engine.connect() as conn:
            total, _rows = list_rows(conn, name, Filters(pairs=pairs), DEFAULT_LIMIT, offset)
            return total

    return run


def queries(
    engine: Engine, pairs: list[str], terms: tuple[str, ...], full_dossier: bool = False
) -> dict[str, Callable[[], int]]:
    """Name -> a call that runs the query as the CLI does and returns its row count (for the
    fact lists: how many rows match; one page of them is read)."""
    out = {f"dossier {key}": _dossier(engine, key) for key in pairs}
    if full_dossier:
        out |= {f"dossier {key} --full": _dossier(engine, key, True) for key in pairs}
    out["docs (first page)"] = _docs(engine, None)
    for term in terms:
        out[f"docs --search {term}"] = _docs(engine, term)
    for name in FACT_LISTS:
        if pairs:
            out[f"{name} --pair {pairs[0]}"] = _facts(engine, name, [pairs[0]])
        out[f"{name} (all pairs)"] = _facts(engine, name, None)
    if pairs:
        out[f"commitments --pair {pairs[0]} --offset {DEEP_OFFSET}"] = _facts(engine, "commitments", [pairs[0]], DEEP_OFFSET)
    return out


def measure(run: Callable[[], int], repeat: int, warmup: int, max_seconds: float) -> dict:
    """Warm-up runs, then up to ``repeat`` timed runs (at least 5, or fewer past max_seconds)."""
    rows = 0
    for _ in range(warmup):
        rows = run()
    times: list[float] = []
    began = time.perf_counter()
    while len(times) < repeat and (len(times) < 5 or time.perf_counter() - began < max_seconds):
        t0 = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - t0)
    return {"rows": rows, "n": len(times), "p50_ms": round(percentile(times, 50) * 1000, 2),
            "p95_ms": round(percentile(times, 95) * 1000, 2)}  # fmt: skip


class StatementLog:
    """The SQL statements an engine runs (with parameters and wall time), while enabled."""

    def __init__(self, engine: Engine) -> None:
        self.entries: list[tuple[float, str, object]] = []
        self.on = False
        sa.event.listen(engine, "before_cursor_execute", self._before)
        sa.event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn, cursor, statement, parameters, context, executemany) -> None:
        conn.info["qs_t0"] = time.perf_counter()

    def _after(self, conn, cursor, statement, parameters, context, executemany) -> None:
        if self.on and not executemany:
            self.entries.append((time.perf_counter() - conn.info["qs_t0"], statement, parameters))


def explain(engine: Engine, log: StatementLog, run: Callable[[], int], top: int = 3) -> list[dict]:
    """The plans of the ``top`` slowest statements of one run of a query."""
    log.entries, log.on = [], True
    try:
        run()
    finally:
        log.on = False
    prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN ANALYZE "
    out = []
    for seconds, statement, params in sorted(log.entries, key=lambda e: -e[0])[:top]:
        with engine.connect() as conn:
            plan = conn.exec_driver_sql(prefix + statement, params).all()
        lines = [str(row[-1]) for row in plan]
        out.append({"ms": round(seconds * 1000, 2), "sql": " ".join(statement.split())[:300],
                    "plan": lines})  # fmt: skip
    return out


def timed_load(engine: Engine, folder: Path) -> dict:
    """``bilat load``'s bulk load; the post-load hooks (knowledge refresh) timed apart."""
    hook_seconds = [0.0]
    hooks = list(bulk.POST_LOAD_HOOKS)

    def timed(hook: bulk.PostLoadHook) -> bulk.PostLoadHook:
        def run(eng: Engine, ids: list[str], reports: ReportSentences) -> None:
            t0 = time.perf_counter()
            hook(eng, ids, reports)
            hook_seconds[0] += time.perf_counter() - t0

        return run

    bulk.POST_LOAD_HOOKS[:] = [timed(h) for h in hooks]
    t0 = time.perf_counter()
    try:
        summary = bulk.load_parquet(folder, engine)
    finally:
        bulk.POST_LOAD_HOOKS[:] = hooks
    total = time.perf_counter() - t0
    return {"documents": summary.documents_in_db, "new": summary.new, "load_s": round(total - hook_seconds[0], 2),
            "refresh_s": round(hook_seconds[0], 2), "total_s": round(total, 2)}  # fmt: skip


def run_backend(name: str, url: str, folder: Path | None, args: argparse.Namespace) -> dict:
    """Load ``folder`` (unless None: measure the database as it is), measure; when migrations
    are pending, measure before and after applying them."""
    engine = open_engine(url, migrate_schema=False)
    try:
        result: dict = {"backend": name, "server": _server_version(engine)}
        if folder is not None:
            migrate(engine, upto=args.baseline_version)
            print(f"[{name}] loading {folder} ...", file=sys.stderr)
            result["load"] = timed_load(engine, folder)
            if name == "postgres":  # what autovacuum does soon after a bulk load (statistics,
                # and the GIN full-text index's pending list merged into the index)
                with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.exec_driver_sql("VACUUM ANALYZE")
        result["documents"] = _count_documents(engine)
        result["size_before_mb"] = round(database_bytes(engine) / 2**20, 1)
        pairs = busiest_pairs(engine)
        result["pairs"] = pairs
        pending = sorted({m.version for m in MIGRATIONS} - set(applied_versions(engine)))
        phases = ["before", "after"] if pending else ["after"]
        log = StatementLog(engine) if args.explain else None
        for phase in phases:
            if phase == "after" and pending:
                t0 = time.perf_counter()
                result["migrations"] = migrate(engine)
                result["migrate_s"] = round(time.perf_counter() - t0, 2)
                result["size_after_mb"] = round(database_bytes(engine) / 2**20, 1)
            measured: dict = {}
            for qname, run in queries(engine, pairs, tuple(args.search), args.full_dossier).items():
                print(f"[{name}] {phase}: {qname}", file=sys.stderr)
                measured[qname] = measure(run, args.repeat, args.warmup, args.max_seconds)
                if log is not None:
                    measured[qname]["explain"] = explain(engine, log, run)
            result[phase] = measured
        return result
    finally:
        engine.dispose()


def _count_documents(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()


def _server_version(engine: Engine) -> str:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            return "SQLite " + conn.exec_driver_sql("SELECT sqlite_version()").scalar_one()
        return conn.exec_driver_sql("SHOW server_version").scalar_one().split()[0]


def machine() -> dict:
    import os

    mem = next(
        (int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0
    )
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())  # fmt: skip
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem / 2**20, 1),
            "python": platform.python_version(), "sqlalchemy": sa.__version__,
            "load_average": [round(x, 2) for x in os.getloadavg()]}  # fmt: skip


def print_report(report: dict) -> None:
    m = report["machine"]
    print(f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, Python {m['python']}, "
          f"load average {m['load_average']}")  # fmt: skip
    if report.get("input"):
        print(f"input: {report['input']} x {report['copies']} copies")
    for r in report["backends"]:
        ld = r.get("load")
        print(f"\n{r['backend']} ({r['server']}): {r['documents']} documents, size {r['size_before_mb']} MB"
              + (f"; load {ld['load_s']} s + knowledge refresh {ld['refresh_s']} s" if ld else "")
              + (f"; migrations {r['migrations']} {r['migrate_s']} s, size after "
                 f"{r['size_after_mb']} MB" if "before" in r else ""))  # fmt: skip
        phases = [p for p in ("before", "after") if p in r]
        label = {"before": " before", "after": " after"} if len(phases) > 1 else {"after": ""}
        head = "| query | rows | n |" + "".join(
            f" p50{label[p]} ms | p95{label[p]} ms |" for p in phases
        )
        print(head)
        print("|" + "---|" * (head.count("|") - 1))
        for qname, res in r[phases[-1]].items():
            cells = "".join(f" {r[p][qname]['p50_ms']} | {r[p][qname]['p95_ms']} |" for p in phases)
            print(f"| {qname} | {res['rows']} | {res['n']} |{cells}")
        for phase in phases:
            for qname, res in r[phase].items():
                for st in res.get("explain", []):
                    print(f"\n[{phase}] {qname}: {st['ms']} ms  {st['sql']}")
                    for line in st["plan"]:
                        print(f"    {line}")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("parquet", type=Path, nargs="?", help="Output folder of bilat batch.")
    ap.add_argument(
        "--db", metavar="URL", help="Measure this loaded database instead (no copy, no load)."
    )
    ap.add_argument("--copies", type=int, default=10, help="Load the corpus this many times over.")
    ap.add_argument("--backends", default="sqlite,postgres", help="sqlite, postgres or both.")
    ap.add_argument(
        "--pg", metavar="URL", help="An empty PostgreSQL database (default: a temporary cluster)."
    )
    ap.add_argument("--work-dir", type=Path, help="Keep the copies and the SQLite file here.")
    ap.add_argument("--repeat", type=int, default=30, help="Timed runs per query.")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument(
        "--max-seconds", type=float, default=20.0, help="Stop repeating a query after this."
    )
    ap.add_argument(
        "--baseline-version",
        type=int,
        choices=[m.version for m in MIGRATIONS],
        help="Measure at this schema version first, then migrate and measure again.",
    )
    ap.add_argument("--search", nargs="*", default=list(SEARCH_TERMS), metavar="WORD")
    ap.add_argument(
        "--explain", action="store_true", help="Print the plans of the slowest statements."
    )
    ap.add_argument(
        "--full-dossier", action="store_true", help="Also time bilat dossier --full (slow)."
    )
    ap.add_argument("--json", action="store_true", help="Print the report as JSON.")
    args = ap.parse_args()
    if args.db:
        name = "sqlite" if args.db.startswith("sqlite") else "postgres"
        report = {"machine": machine(), "backends": [run_backend(name, args.db, None, args)]}
    elif args.parquet is None:
        ap.error("give the bilat batch output folder, or --db URL")
    else:
        report = load_and_measure(args)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_report(report)


def load_and_measure(args: argparse.Namespace) -> dict:
    """Copy the input K times, then load and measure each backend."""
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="bilat-qs-"))
    work.mkdir(parents=True, exist_ok=True)
    copies = work / "parquet"
    shutil.rmtree(copies, ignore_errors=True)
    t0 = time.perf_counter()
    partitions = replicate(args.parquet, copies, args.copies)
    report = {"machine": machine(), "input": str(args.parquet), "copies": args.copies,
              "partitions": partitions, "copy_s": round(time.perf_counter() - t0, 2),
              "backends": []}  # fmt: skip
    pg = None
    try:
        for name in args.backends.split(","):
            if name == "sqlite":
                db = work / "query_speed.db"
                for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                    p.unlink(missing_ok=True)
                url = f"sqlite:///{db}"
            elif name == "postgres":
                if args.pg:
                    url = args.pg
                else:
                    pg = TempPostgres()
                    url = pg.start()
            else:
                raise SystemExit(f"error: unknown backend {name!r}")
            report["backends"].append(run_backend(name, url, copies, args))
    finally:
        if pg is not None:
            pg.close()
        if args.work_dir is None:
            shutil.rmtree(work, ignore_errors=True)
    return report


if __name__ == "__main__":
    main()
