"""bilat batch: partition planning, Dask run equal to in-process extraction, resume, rejects."""

from __future__ import annotations

import io
import itertools
import json
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from bilat.batch import parquet_io as pio
from bilat.batch import worker
from bilat.batch.partitioning import (
    KIND_LINES,
    count_lines,
    plan_partitions,
    read_partition,
    scan_lines,
)
from bilat.batch.run import run_batch
from bilat.errors import InputRejected
from bilat.eval.run import iter_records
from bilat.ingest.readers import iter_inputs

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
RU_NEWS_ZIP = SHARED / "corpora" / "ru_news" / "ng_0.jsonlines.zip"
RU_NEWS_SAMPLE = 25
MAX_BYTES = 20_000_000

# our own short articles, for tests that need no shared data
OWN_ARTICLES = [
    {"id": "a1", "title": "Переговоры", "date": "2025-03-04",
     "content": "Министр иностранных дел Казахстана провел переговоры с коллегой из Турции."},
    {"id": "a2", "content": "Товарооборот между Россией и Китаем вырос на десять процентов."},
    {"id": "a3", "date": "2024-11-20",
     "content": "Правительство Узбекистана подписало соглашение о строительстве завода."},
]  # fmt: skip


def _jsonl(records: list[dict], extra: list[bytes] = ()) -> bytes:
    lines = [json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records]
    for at, line in enumerate(extra):  # bad lines spread among the good ones
        lines.insert(1 + 2 * at, line)
    return b"".join(lines)


@pytest.fixture
def own_inputs(tmp_path: Path) -> list[str]:
    """A zip with a JSONL member and text members, a bare JSONL file, and a text folder."""
    bad = [b"{not json\n", b"\n", b'"a string"\n']
    with zipfile.ZipFile(tmp_path / "news.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("feed/items.jsonl", _jsonl(OWN_ARTICLES * 2, bad))
        z.writestr("one.txt", "date 2025-01-02 Посол Японии вручил верительные грамоты.")
        z.writestr("empty.txt", "")
    (tmp_path / "more.jsonl").write_bytes(_jsonl(OWN_ARTICLES[:2], bad[:1]).rstrip(b"\n"))
    folder = tmp_path / "texts"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Делегация Монголии посетила Сеул в {n + 1} раз.")
    return [str(tmp_path / "news.zip"), str(tmp_path / "more.jsonl"), str(folder)]


def _item_key(item) -> tuple:
    if isinstance(item, InputRejected):
        return ("rejected", item.source, item.line, item.reason_code)
    return ("article", item.origin, item.name, item.text, item.url, item.published)


@pytest.mark.parametrize("size", [1, 2, 3, 5, 100])
def test_partitions_read_back_exactly_what_the_readers_read(own_inputs, size):
    expected = [_item_key(i) for i in iter_inputs(own_inputs, max_bytes=MAX_BYTES)]
    plan = plan_partitions(own_inputs, size)
    got = [_item_key(i) for part in plan for i in read_partition(part, MAX_BYTES)]
    assert got == expected
    assert [p.index for p in plan] == list(range(len(plan)))
    assert len({p.key for p in plan}) == len(plan)


@pytest.mark.parametrize(
    "data, lines",
    [(b"", 0), (b"a", 1), (b"a\n", 1), (b"a\nb", 2), (b"\n\n\n", 3), (b"x" * 3_000_000 + b"\ny", 2)],
)
def test_count_lines_counts_like_readline(data, lines):
    assert count_lines(io.BytesIO(data)) == lines
    assert count_lines(io.BytesIO(data)) == len(io.BytesIO(data).readlines())


@pytest.mark.parametrize("every", [1, 2, 3, 7])
def test_scan_offsets_start_every_partition(every):
    lines = [b"{}\n", b"\n", b"x" * 50 + b"\n", b"y\n", b"z"]
    data = b"".join(lines)
    total, offsets = scan_lines(io.BytesIO(data), every)
    starts = [sum(len(x) for x in lines[:i]) for i in range(0, len(lines), every)]
    assert (total, offsets) == (len(lines), starts)


def _written_records(out: Path) -> dict[str, dict]:
    """Records from the documents dataset, keyed (and ``doc`` named) by the article's name."""
    records = {}
    for path in sorted((out / "documents").rglob("*.parquet")):
        for row in pq.read_table(path).to_pylist():
            if row["record"] is not None:
                records[row["name"]] = {**json.loads(row["record"]), "doc": row["name"]}
    return records


@pytest.fixture(scope="module")
def shared_inputs(tmp_path_factory) -> list[str]:
    if not SEEDS.is_dir() or not RU_NEWS_ZIP.exists():
        pytest.skip("shared seeds or ru_news corpus not found")
    folder = tmp_path_factory.mktemp("inputs")
    with zipfile.ZipFile(RU_NEWS_ZIP) as src, src.open(src.namelist()[0]) as stream:
        lines = list(itertools.islice(stream, RU_NEWS_SAMPLE))
    lines.insert(7, b'{"title": "broken line",\n')
    with zipfile.ZipFile(folder / "ru_news_sample.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("sample.jsonlines", b"".join(lines))
    return [str(SEEDS), str(folder / "ru_news_sample.zip")]


@pytest.fixture(scope="module")
def cluster_run(shared_inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("batch") / "out"
    summary = run_batch(shared_inputs, out, workers=2, partition_size=8, max_bytes=MAX_BYTES)
    return out, summary


def test_two_worker_cluster_gives_the_in_process_records(shared_inputs, cluster_run):
    out, summary = cluster_run
    expected = {
        r["doc"]: r for r in iter_records(shared_inputs, max_bytes=MAX_BYTES) if isinstance(r, dict)
    }
    assert summary.workers == 2 and not summary.failed
    assert summary.documents == len(expected) == 5 + RU_NEWS_SAMPLE
    assert summary.rejected == 1
    assert len(summary.peak_rss_bytes) == 2
    got = _written_records(out)
    assert sorted(got) == sorted(expected)
    for name, record in expected.items():
        assert got[name] == json.loads(json.dumps(record, ensure_ascii=False)), name


def test_outputs_are_month_partitioned_parquet_datasets(cluster_run):
    out, _ = cluster_run
    for dataset in ("documents", "entities", "persons", "rejects"):
        months = {p.name for p in (out / dataset).iterdir()}
        assert months and all(m.startswith("published_month=") for m in months), dataset
    rejects = pq.read_table(out / "rejects" / "published_month=unknown").to_pylist()
    assert [(r["stage"], r["reason_code"], r["line"]) for r in rejects] == [
        ("read", "malformed_json", 8)
    ]
    docs = pq.read_table(out / "documents").to_pylist()
    for doc in docs:
        month = doc["published"].strftime("%Y-%m") if doc["published"] else "unknown"
        assert (out / "documents" / f"published_month={month}").is_dir()
    assert not any((out / pio.TMP_DIR).rglob("*.parquet"))


def test_rerun_skips_written_partitions_and_redoes_unmarked_ones(shared_inputs, cluster_run):
    out, first = cluster_run
    again = run_batch(shared_inputs, out, workers=1, partition_size=8)
    assert (again.skipped, again.processed, again.workers) == (first.partitions, 0, 0)
    # a partition whose marker is missing (a run killed after its files) is done again
    key = pio.completed_keys(out)[-1]
    pio.marker_path(out, key).unlink()
    assert key not in pio.completed_keys(out)
    plan = [p for p in plan_partitions(shared_inputs, 8) if p.key == key]
    stats = worker.process_partition(plan[0], str(out), MAX_BYTES)
    assert not stats["skipped"] and pio.is_done(out, key)
    assert worker.process_partition(plan[0], str(out), MAX_BYTES)["skipped"]


def test_a_failing_document_becomes_a_reject_row(own_inputs, tmp_path, monkeypatch):
    real = worker.extract_record

    def flaky(doc_id, art):
        if "Турции" in art.text:
            raise ValueError("stage blew up")
        return real(doc_id, art)

    monkeypatch.setattr(worker, "extract_record", flaky)
    part = next(p for p in plan_partitions(own_inputs[:1], 100) if p.kind == KIND_LINES)
    stats = worker.process_partition(part, str(tmp_path / "out"), MAX_BYTES)
    assert (stats["documents"], stats["extraction_failures"], stats["repeated"]) == (3, 1, 3)
    tables = next(pio.iter_completed(tmp_path / "out"))
    failed = [r for r in tables.rejects.to_pylist() if r["stage"] == "extract"]
    assert [(r["reason_code"], r["reason"]) for r in failed] == [
        ("extraction_failed", "ValueError: stage blew up")
    ]
    docs = {d["doc_id"]: d for d in tables.documents.to_pylist()}
    assert docs[failed[0]["doc_id"]]["record"] is None
    assert sum(d["record"] is not None for d in docs.values()) == 2
    assert [r["reason_code"] for r in tables.rejects.to_pylist() if r["stage"] == "read"] == [
        "malformed_json", "malformed_json"
    ]  # fmt: skip


def test_partitions_of_an_earlier_run_over_other_inputs_come_first(own_inputs, tmp_path):
    from bilat.batch.run import plan_batch

    out = tmp_path / "out"
    keys = []
    for inputs in (own_inputs[2:], own_inputs[:1]):  # a later run over inputs named earlier
        plan = plan_batch(inputs, out, 2)
        for part in plan:
            worker.process_partition(part, str(out), MAX_BYTES)
        keys.append([p.key for p in plan])
    assert pio.completed_keys(out) == keys[0] + keys[1]
    assert [p["key"] for p in pio.read_plan(out)] == keys[1]


def test_batch_command_takes_a_scheduler_or_workers_not_both(own_inputs, tmp_path):
    from click.testing import CliRunner

    from bilat.cli.main import cli

    args = ["batch", *own_inputs, "--out", str(tmp_path / "o"), "--workers", "2",
            "--scheduler", "tcp://127.0.0.1:8786"]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "not both" in result.output
    assert not (tmp_path / "o").exists()
