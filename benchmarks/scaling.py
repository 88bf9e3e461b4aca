"""Scaling of ``bilat batch``: the same ru_news articles on a local Dask cluster of 1 and 2 workers.

Each run starts a fresh LocalCluster of single-threaded worker processes, warms the models on
every worker, and extracts the articles into Parquet under a temporary folder. docs/s is
documents over compute time (first partition sent to last partition written: cluster start and
model loading excluded; both are printed); speed-up is against the first worker count. Peak
memory is each worker process's maximum resident set size (getrusage in the worker).

    .venv/bin/python benchmarks/scaling.py [--limit 200] [--workers 1,2] [--partition-size 25] [--json]

On a machine shared with other work, wall-clock speed-up measures the contention too: compare
docs/cpu-s (documents per second of worker CPU time) across runs to see the per-worker cost.

With --limit, the sample takes the first lines of every ru_news archive in turn, so that both
outlets are in it; without it, all 9,204 articles are processed (hours on a 2-core machine).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from bilat.batch.run import run_batch  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "ru_news"
DEFAULT_PARTITION_SIZE = 25


def sample_corpus(corpus: Path, limit: int | None, folder: Path) -> list[str]:
    """The corpus archives, or a zip of the first ``limit`` articles spread over them."""
    archives = sorted(corpus.glob("*.zip"))
    if limit is None:
        return [str(a) for a in archives]
    per_archive = math.ceil(limit / len(archives))
    left = limit
    target = folder / f"ru_news_{limit}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for archive in archives:
            with zipfile.ZipFile(archive) as src:
                for member in src.namelist():
                    take = min(per_archive, left)
                    lines = []
                    with src.open(member) as stream:
                        for line in stream:
                            if len(lines) >= take:
                                break
                            if line.strip():
                                lines.append(line)
                    if lines:
                        out.writestr(member, b"".join(lines))
                    left -= len(lines)
            if left <= 0:
                break
    return [str(target)]


def run_once(inputs: list[str], workers: int, partition_size: int, folder: Path) -> dict:
    summary = run_batch(inputs, folder / f"out_{workers}", workers=workers,
                        partition_size=partition_size)  # fmt: skip
    peaks = sorted(summary.peak_rss_bytes.values())
    return {
        "workers": workers,
        "documents": summary.documents,
        "partitions": summary.partitions,
        "failed_partitions": len(summary.failed),
        "wall_s": summary.seconds,
        "compute_s": summary.compute_seconds,
        "startup_s": round(summary.seconds - summary.compute_seconds, 2),
        "docs_per_s": round(summary.documents / summary.compute_seconds, 3),
        "worker_cpu_s": round(summary.cpu_seconds, 1),
        "docs_per_cpu_s": round(summary.documents / summary.cpu_seconds, 3),
        "peak_rss_mb_per_worker": [round(p / 2**20, 1) for p in peaks],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="articles (default: all)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare")
    parser.add_argument("--partition-size", type=int, default=DEFAULT_PARTITION_SIZE)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"no ru_news corpus at {args.corpus}")
    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="bilat-scaling-") as tmp:
        folder = Path(tmp)
        inputs = sample_corpus(args.corpus, args.limit, folder)
        runs = [run_once(inputs, n, args.partition_size, folder) for n in counts]
    base = runs[0]["docs_per_s"] / runs[0]["workers"]
    for run in runs:
        run["speedup"] = round(run["docs_per_s"] / runs[0]["docs_per_s"], 2)
        run["efficiency"] = round(run["docs_per_s"] / (base * run["workers"]), 2)
    result = {"corpus": str(args.corpus), "limit": args.limit, "runs": runs}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"ru_news, {runs[0]['documents']} articles, partition size {args.partition_size}")
    print(f"{'workers':>7} {'docs':>6} {'compute s':>9} {'startup s':>9} {'docs/s':>7} "
          f"{'speed-up':>8} {'effic.':>6} {'docs/cpu-s':>10}  peak MB per worker")  # fmt: skip
    for r in runs:
        print(f"{r['workers']:>7} {r['documents']:>6} {r['compute_s']:>9.1f} {r['startup_s']:>9.1f} "
              f"{r['docs_per_s']:>7.2f} {r['speedup']:>8.2f} {r['efficiency']:>6.2f} "
              f"{r['docs_per_cpu_s']:>10.2f}  "
              f"{', '.join(str(p) for p in r['peak_rss_mb_per_worker'])}")  # fmt: skip
    print("docs/cpu-s: documents per second of worker CPU time, which other load on the "
          "machine does not change; docs/s and speed-up are wall-clock.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
