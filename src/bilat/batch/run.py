"""Running a batch on a Dask cluster: plan, skip finished partitions, map, collect counts."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import BatchError
from ..ingest.runner import DEFAULT_MAX_BYTES
from . import parquet_io as pio
from .partitioning import DEFAULT_PARTITION_SIZE, Partition, plan_partitions
from .worker import WarmPipeline, process_partition

DEFAULT_RETRIES = 2  # a partition whose worker died is tried this many more times


@dataclass(slots=True)
class FailedPartition:
    key: str
    partition: str
    error: str


@dataclass(slots=True)
class BatchSummary:
    partitions: int = 0  # in the plan
    skipped: int = 0  # finished by an earlier run
    processed: int = 0  # finished by this run
    documents: int = 0
    rejected: int = 0
    extraction_failures: int = 0
    repeated: int = 0
    seconds: float = 0.0  # the whole run, cluster start included
    compute_seconds: float = 0.0  # from the first partition sent to the last one finished
    cpu_seconds: float = 0.0  # CPU time of the workers on this run's partitions
    workers: int = 0
    peak_rss_bytes: dict[str, int] = field(default_factory=dict)  # worker address -> bytes
    failed: list[FailedPartition] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


@contextmanager
def open_client(scheduler: str | None, workers: int | None):
    """A client of the cluster at ``scheduler``, or of a local one with ``workers`` processes."""
    from distributed import Client, LocalCluster

    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
            cluster = None
        else:
            cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=":0")  # fmt: skip
            client = Client(cluster)
    except (OSError, TimeoutError) as err:
        raise BatchError(f"cannot start or reach the Dask scheduler: {err}") from err
    try:
        client.register_plugin(WarmPipeline())
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _peak_by_worker(client) -> dict[str, int]:
    from .worker import _peak_rss_bytes

    return dict(client.run(_peak_rss_bytes))


def plan_batch(paths: Iterable[str], out: Path, partition_size: int) -> list[Partition]:
    """Partitions of ``paths`` (made absolute, for workers elsewhere), saved as the plan of
    ``out``: its order is the reading order the loader follows."""
    plan = plan_partitions([str(Path(p).absolute()) for p in paths], partition_size)
    pio.write_plan(out, [p.as_dict() for p in plan])
    return plan


def run_batch(
    paths: Iterable[str],
    out: str | Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    retries: int = DEFAULT_RETRIES,
    on_partition: Callable[[dict], None] | None = None,
) -> BatchSummary:
    """Extract every article under ``paths`` into Parquet datasets under ``out``."""
    from distributed import as_completed

    out_dir = Path(out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    plan = plan_batch(paths, out_dir, partition_size)
    summary = BatchSummary(partitions=len(plan))
    todo: list[Partition] = []
    for part in plan:
        if pio.is_done(out_dir, part.key):
            summary.skipped += 1
        else:
            todo.append(part)
    if todo:
        with open_client(scheduler, workers) as client:
            summary.workers = len(client.scheduler_info()["workers"])
            sent = time.perf_counter()
            futures = {
                client.submit(process_partition, part, str(out_dir), max_bytes, retries=retries,
                              pure=False, key=f"bilat-partition-{part.key}"): part
                for part in todo
            }  # fmt: skip
            for future in as_completed(futures):
                part = futures[future]
                try:
                    stats = future.result()
                except Exception as err:  # a partition that failed every retry
                    summary.failed.append(
                        FailedPartition(part.key, part.describe(), f"{type(err).__name__}: {err}")
                    )
                    continue
                _count(summary, stats)
                if on_partition is not None:
                    on_partition(stats)
            summary.compute_seconds = round(time.perf_counter() - sent, 3)
            summary.peak_rss_bytes = _peak_by_worker(client)
    summary.seconds = round(time.perf_counter() - began, 3)
    return summary


def _count(summary: BatchSummary, stats: dict) -> None:
    if stats.get("skipped"):
        summary.skipped += 1
        return
    summary.processed += 1
    for name in ("documents", "rejected", "extraction_failures", "repeated", "cpu_seconds"):
        setattr(summary, name, getattr(summary, name) + stats.get(name, 0))
