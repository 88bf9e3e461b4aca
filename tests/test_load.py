"""bilat load: Parquet from bilat batch stored as bilat ingest stores the same inputs."""

from __future__ import annotations

import itertools
import json
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from bilat.batch import parquet_io as pio
from bilat.batch.run import plan_batch
from bilat.batch.worker import process_partition
from bilat.cli.main import cli
from bilat.errors import StoreError
from bilat.ingest.runner import ingest
from bilat.store import bulk
from bilat.store import schema as s
from bilat.store.bulk import load_parquet
from bilat.store.engine import open_engine
from bilat.store.kb_schema import KB_TABLES

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "004_3a69e06fae4e0300.txt"
RU_NEWS_ZIP = SHARED / "corpora" / "ru_news" / "russia_today_7.jsonlines.zip"
RU_NEWS_SAMPLE = 6
MAX_BYTES = 20_000_000
# appended to a copy of an article to make a reprint (a near-duplicate with its own id)
REPRINT_TAIL = " Об этом сообщили журналисты агентства."


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """A seed, a ru_news sample with a reprint, a repeat and a broken line, as zip and JSONL."""
    if not SEED.exists() or not RU_NEWS_ZIP.exists():
        pytest.skip("shared seeds or ru_news corpus not found")
    folder = tmp_path_factory.mktemp("load_inputs")
    with zipfile.ZipFile(RU_NEWS_ZIP) as src, src.open(src.namelist()[0]) as stream:
        lines = list(itertools.islice(stream, RU_NEWS_SAMPLE))
    reprint = json.loads(lines[1])
    reprint["content"] += REPRINT_TAIL
    reprint["url"] = (reprint.get("url") or "") + "?reprint"
    with zipfile.ZipFile(folder / "sample.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.jsonlines", b"".join(lines[:4]) + b"{broken\n")
        z.writestr("b.jsonlines", b"".join(lines[4:]) + lines[0])
    (folder / "reprint.jsonl").write_text(json.dumps(reprint, ensure_ascii=False) + "\n")
    return [str(SEED), str(folder / "sample.zip"), str(folder / "reprint.jsonl")]


@pytest.fixture(scope="module")
def batch_out(inputs, tmp_path_factory) -> Path:
    """The batch output, written by the worker function partition by partition."""
    out = tmp_path_factory.mktemp("load_batch") / "out"
    for part in plan_batch(inputs, out, 3):
        process_partition(part, str(out), MAX_BYTES)
    return out


@pytest.fixture(scope="module")
def ingested(inputs, tmp_path_factory) -> dict:
    url = f"sqlite:///{tmp_path_factory.mktemp('ingest') / 'ingest.db'}"
    summary = ingest(inputs, url, max_bytes=MAX_BYTES, progress=False, batch_size=4)
    assert summary.near_duplicates == 1 and summary.duplicates == 1
    return dump(url)


def dump(url: str) -> dict[str, list]:
    """Every stored row that does not hold a timestamp or a serial id, sorted."""
    engine = open_engine(url)
    d, r = s.documents, s.rejects
    queries = {
        "documents": sa.select(d.c.id, d.c.name, d.c.origin, d.c.url, d.c.title, d.c.source,
                               d.c.published, d.c.text, d.c.story_id),  # fmt: skip
        "stories": sa.select(s.stories.c.id),
        "minhashes": sa.select(s.minhashes),
        "rejects": sa.select(r.c.origin, r.c.line, r.c.reason_code, r.c.reason),
        "records": sa.select(s.extractions.c.doc_id, s.extractions.c.record),
        **{t.name: sa.select(t) for t in s.EXTRACTION_TABLES[1:]},
        **{t.name: sa.select(t) for t in KB_TABLES},
    }
    with engine.connect() as conn:
        out = {
            name: sorted(json.dumps(list(row), ensure_ascii=False, default=str, sort_keys=True)
                         for row in conn.execute(q))  # fmt: skip
            for name, q in queries.items()
        }
    engine.dispose()
    return out


def test_load_stores_what_ingest_stores(batch_out, ingested, db_url):
    engine = open_engine(db_url)
    summary = load_parquet(batch_out, engine, batch_size=3)
    engine.dispose()
    assert (summary.new, summary.near_duplicates, summary.duplicates) == (
        1 + RU_NEWS_SAMPLE + 1, 1, 1
    )
    loaded = dump(db_url)
    assert set(loaded) == set(ingested)
    for table, rows in ingested.items():
        assert loaded[table] == rows, table
    assert len(loaded["rejects"]) == 1 and len(loaded["records"]) == 1 + RU_NEWS_SAMPLE + 1


def test_loading_again_adds_nothing(batch_out, tmp_path):
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    engine = open_engine(url)
    first = load_parquet(batch_out, engine)
    before = dump(url)
    second = load_parquet(batch_out, engine)
    engine.dispose()
    assert first.new > 0 and second.new == 0 and second.rejects_logged == 0
    assert dump(url) == before


def test_only_marked_partitions_are_loaded(batch_out, tmp_path):
    """Files of a partition without its marker (an interrupted run) are not loaded."""
    import shutil

    out = tmp_path / "out"
    shutil.copytree(batch_out, out)
    dropped = pio.completed_keys(out)[0]
    files = pio.read_marker(out, dropped)["files"]
    pio.marker_path(out, dropped).unlink()
    engine = open_engine(f"sqlite:///{tmp_path / 'partial.db'}")
    summary = load_parquet(out, engine)
    engine.dispose()
    full = sum(pio.read_marker(batch_out, k)["documents"] for k in pio.completed_keys(batch_out))
    lost = pio.read_marker(batch_out, dropped)["documents"]
    assert any(f.startswith("documents/") for f in files) and lost > 0
    assert summary.read == full - lost


def test_post_load_hooks_get_the_new_documents(batch_out, tmp_path, monkeypatch):
    seen: list[list[str]] = []
    monkeypatch.setattr(bulk, "POST_LOAD_HOOKS", [lambda engine, ids, reports: seen.append(ids)])
    engine = open_engine(f"sqlite:///{tmp_path / 'hooks.db'}")
    summary = load_parquet(batch_out, engine)
    engine.dispose()
    assert len(seen) == 1 and len(seen[0]) == summary.new == len(set(seen[0]))


def test_knowledge_is_refreshed_after_a_load(batch_out, ingested):
    assert bulk.POST_LOAD_HOOKS == [bulk.refresh_knowledge]
    assert any(ingested[t.name] for t in KB_TABLES)


def test_load_of_a_folder_without_batch_output_fails(tmp_path):
    engine = open_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(StoreError, match="no completed bilat batch partitions"):
        load_parquet(tmp_path, engine)
    engine.dispose()


def test_load_command_prints_a_summary(batch_out, tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(cli, ["load", str(batch_out), "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["new"] == 1 + RU_NEWS_SAMPLE + 1
