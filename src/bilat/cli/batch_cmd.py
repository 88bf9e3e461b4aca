"""``bilat batch``: extract articles on a Dask cluster into Parquet datasets (no database)."""

from __future__ import annotations

import click
from rich.console import Console
from rich.markup import escape

from ..batch.partitioning import DEFAULT_PARTITION_SIZE
from ..batch.run import BatchSummary, run_batch
from ..ingest.runner import DEFAULT_MAX_BYTES
from .report import run_and_report

EPILOG = """\b
Output (under --out): documents, entities, persons, events, indicators, commitments and
rejects, each a Parquet dataset partitioned by published_month=YYYY-MM (or unknown).
A rerun skips the partitions already written; load the result with bilat load.

\b
Exit codes:
  0  every partition was written
  1  the cluster could not be started or reached
  3  some partitions failed; the others were written (run again to retry them)

\b
Example:
  bilat batch ../shared/corpora/ru_news --out out/ --workers 2
  bilat batch news.zip --out out/ --scheduler tcp://10.0.0.5:8786 && bilat load out/
"""


def _mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


def _print_summary(summary: BatchSummary, console: Console) -> None:
    console.print(
        f"partitions: {summary.partitions} planned, {summary.processed} written, "
        f"{summary.skipped} already written, {len(summary.failed)} failed"
    )
    console.print(
        f"documents: {summary.documents} extracted, {summary.extraction_failures} extraction "
        f"failures, {summary.rejected} inputs rejected, {summary.repeated} repeats skipped"
    )
    if summary.workers:
        peaks = ", ".join(_mib(v) for v in summary.peak_rss_bytes.values())
        console.print(f"{summary.workers} workers, {summary.seconds:.1f} s; peak memory: {peaks}")
    for fail in summary.failed:
        console.print(f"  failed: {escape(fail.partition)}: {escape(fail.error)}")


@click.command("batch", epilog=EPILOG,
               short_help="Extract articles on a Dask cluster into Parquet datasets.")  # fmt: skip
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Output folder for the Parquet datasets.")  # fmt: skip
@click.option("--scheduler", metavar="ADDRESS", help="Join this Dask scheduler (tcp://HOST:8786).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Start a local cluster of N single-threaded worker processes (default 1).")
@click.option("--partition-size", type=click.IntRange(min=1), default=DEFAULT_PARTITION_SIZE,
              show_default=True, help="JSONL lines (or whole files) per partition.")  # fmt: skip
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Reject any input larger than this.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def command(paths, out, scheduler, workers, partition_size, max_bytes, as_json) -> None:
    """Extract every article in PATH... on a Dask cluster into Parquet datasets under --out.

    The same extraction as bilat ingest, spread over partitions of the inputs (files, JSONL
    line ranges, zip members); each worker loads the models once.
    """
    if scheduler and workers:
        raise click.UsageError("give --scheduler or --workers, not both")
    run_and_report(
        lambda: run_batch(paths, out, scheduler=scheduler, workers=workers,
                          partition_size=partition_size, max_bytes=max_bytes),
        _print_summary, as_json, partial=lambda summary: bool(summary.failed),
    )  # fmt: skip
