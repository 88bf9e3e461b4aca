"""End to end at scale: ru_news -> Parquet (bilat batch) -> SQLite (bilat load) -> a dossier.

Times each step on a sample, then projects to 1 million articles on N workers from the
measured per-document costs (extraction: worker CPU seconds, i.e. dedicated cores; the load
steps: wall seconds): extraction scales with workers (at the parallel efficiency
measured here when more than one worker ran), while the load, story grouping and the
knowledge refresh run in one process and do not.

    .venv/bin/python benchmarks/end_to_end.py [--limit 200] [--workers 2] [--project 1,8,32,128] [--json]

The projection is linear in the document count: it ignores the story index and the knowledge
pairs growing with the database, so it is a lower bound for the load steps.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import sqlalchemy as sa  # noqa: E402
from query_speed import timed_load  # noqa: E402
from scaling import DEFAULT_CORPUS, DEFAULT_PARTITION_SIZE, sample_corpus  # noqa: E402

from bilat.batch.run import run_batch  # noqa: E402
from bilat.knowledge.render_md import render_markdown  # noqa: E402
from bilat.store.engine import open_engine  # noqa: E402
from bilat.store.kb import pair_codes  # noqa: E402
from bilat.store.kb_read import dossier_from_kb  # noqa: E402
from bilat.store.kb_schema import kb_pair_docs  # noqa: E402

TARGET_DOCS = 1_000_000


def _timed(func, *args, **kwargs):
    began = time.perf_counter()
    result = func(*args, **kwargs)
    return result, round(time.perf_counter() - began, 3)


def _busiest_pair(engine) -> str | None:
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(kb_pair_docs.c.pair, sa.func.count().label("n"))
            .group_by(kb_pair_docs.c.pair)
            .order_by(sa.desc("n"), kb_pair_docs.c.pair)
            .limit(1)
        ).first()
    return row[0] if row else None


def measure(inputs: list[str], workers: int, partition_size: int, folder: Path) -> dict:
    out = folder / "parquet"
    batch = run_batch(inputs, out, workers=workers, partition_size=partition_size)
    engine = open_engine(f"sqlite:///{folder / 'bench.db'}")
    loaded = timed_load(engine, out)  # bilat load, its knowledge refresh timed apart
    load_s, refresh_s = loaded["load_s"], loaded["refresh_s"]
    pair = _busiest_pair(engine)
    dossier_s, pages = 0.0, 0
    if pair is not None:
        dossier, dossier_s = _timed(dossier_from_kb, engine, pair_codes(pair))
        pages = len(render_markdown(dossier))
    engine.dispose()
    docs = batch.documents
    return {
        "documents": docs,
        "workers": workers,
        "batch_wall_s": batch.seconds,
        "batch_compute_s": batch.compute_seconds,
        "cluster_start_s": round(batch.seconds - batch.compute_seconds, 2),
        "load_s": load_s,
        "knowledge_refresh_s": refresh_s,
        "dossier_pair": pair,
        "dossier_s": dossier_s,
        "dossier_markdown_chars": pages,
        "total_wall_s": round(batch.seconds + load_s + refresh_s + dossier_s, 2),
        "stored": loaded["new"],
        # per-document costs: extraction in worker CPU seconds (what a dedicated core spends;
        # wall time on a shared machine is higher), the rest in wall seconds of one process
        "extract_worker_s_per_doc": round(batch.cpu_seconds / docs, 4),
        "extract_wall_worker_s_per_doc": round(batch.compute_seconds * workers / docs, 4),
        "load_s_per_doc": round(load_s / docs, 5),
        "refresh_s_per_doc": round(refresh_s / docs, 5),
        "peak_rss_mb_per_worker": sorted(round(v / 2**20) for v in batch.peak_rss_bytes.values()),
    }


def project(m: dict, counts: list[int], efficiency: float) -> list[dict]:
    rows = []
    for n in counts:
        eff = 1.0 if n == 1 else efficiency
        extract_h = TARGET_DOCS * m["extract_worker_s_per_doc"] / (n * eff) / 3600
        load_h = TARGET_DOCS * m["load_s_per_doc"] / 3600
        refresh_h = TARGET_DOCS * m["refresh_s_per_doc"] / 3600
        rows.append({"workers": n, "extract_h": round(extract_h, 2), "load_h": round(load_h, 2),
                     "refresh_h": round(refresh_h, 2),
                     "total_h": round(extract_h + load_h + refresh_h, 2)})  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200, help="articles (0: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=DEFAULT_PARTITION_SIZE)
    parser.add_argument("--project", default="1,8,32,128", help="worker counts to project to")
    parser.add_argument("--efficiency", type=float, default=0.9,
                        help="parallel efficiency assumed for the projection (see scaling.py)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"no ru_news corpus at {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="bilat-e2e-") as tmp:
        folder = Path(tmp)
        inputs = sample_corpus(args.corpus, args.limit or None, folder)
        m = measure(inputs, args.workers, args.partition_size, folder)
    rows = project(m, [int(n) for n in args.project.split(",")], args.efficiency)
    result = {"measured": m, "efficiency_assumed": args.efficiency, "projection_1m": rows}
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"ru_news, {m['documents']} articles, {m['workers']} workers")
    for label, key in [("batch (cluster start + extraction)", "batch_wall_s"),
                       ("  of which cluster start + model load", "cluster_start_s"),
                       ("load into SQLite", "load_s"), ("knowledge refresh", "knowledge_refresh_s"),
                       ("dossier of " + str(m["dossier_pair"]), "dossier_s"),
                       ("total", "total_wall_s")]:  # fmt: skip
        print(f"  {label:<40} {m[key]:>9.2f} s")
    print(f"per document: extraction {m['extract_worker_s_per_doc']:.3f} worker CPU s "
          f"({m['extract_wall_worker_s_per_doc']:.3f} worker wall s here), load "
          f"{m['load_s_per_doc'] * 1000:.1f} ms, knowledge refresh {m['refresh_s_per_doc'] * 1000:.1f} ms")
    print(f"peak memory per worker: {', '.join(str(p) for p in m['peak_rss_mb_per_worker'])} MB")
    print(f"\nprojection to {TARGET_DOCS:,} articles (efficiency {args.efficiency}):")
    print(f"{'workers':>7} {'extract h':>10} {'load h':>8} {'refresh h':>10} {'total h':>8}")
    for r in rows:
        print(f"{r['workers']:>7} {r['extract_h']:>10.2f} {r['load_h']:>8.2f} "
              f"{r['refresh_h']:>10.2f} {r['total_h']:>8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
