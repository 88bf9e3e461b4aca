"""Exports of the knowledge tables: round trips, CAMEO TSV and PLOVER JSON."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from bilat.cli.main import cli
from bilat.export.tables import read_table, table_rows
from bilat.store import kb_schema as k
from test_kb_store import engine, other_doc, promise_doc, report_doc, store  # noqa: F401


@pytest.fixture
def db(engine):  # noqa: F811
    store(engine, promise_doc(), report_doc(), other_doc())
    return engine


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv"])
def test_exported_tables_read_back_equal_to_the_database(db, tmp_path, fmt):
    out = CliRunner().invoke(cli, ["export", "--format", fmt, "--out", str(tmp_path), "--db", str(db.url)])
    assert out.exit_code == 0, out.output
    for table in k.KB_TABLES:
        held = table_rows(db, table)
        assert read_table(tmp_path / f"{table.name}.{fmt}", table) == held, table.name
    assert table_rows(db, k.kb_commitments)[0]["evidence"]  # nested JSON went through too


def test_cameo_tsv_has_gdelt_like_columns(db, tmp_path):
    out = CliRunner().invoke(cli, ["export", "--format", "cameo-tsv", "--out", str(tmp_path), "--db", str(db.url)])
    assert out.exit_code == 0, out.output
    with (tmp_path / "events.cameo.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    by_pair = {(r["Actor1CountryCode"], r["Actor2CountryCode"]): r for r in rows}
    kz_ru = by_pair[("KAZ", "RUS")]
    assert (kz_ru["SQLDATE"], kz_ru["EventCode"], kz_ru["EventRootCode"], kz_ru["QuadClass"]) == ("20250301", "040", "04", "1")
    assert float(kz_ru["GoldsteinScale"]) == 1.0
    assert (kz_ru["NumMentions"], kz_ru["NumArticles"]) == ("2", "2")
    assert kz_ru["SOURCEURL"] == "https://x.test/" + "a" * 16 and kz_ru["Quote"] == "Встреча министров прошла в Астане"
    assert ("RUS", "TUR") in by_pair


def test_plover_json(db, tmp_path):
    out = CliRunner().invoke(cli, ["export", "--format", "plover-json", "--out", str(tmp_path), "--db", str(db.url)])
    assert out.exit_code == 0, out.output
    events = json.loads((tmp_path / "events.plover.json").read_text(encoding="utf-8"))
    first = next(e for e in events if e["actor"]["country"] == "KAZ")
    assert (first["event_type"], first["event_mode"], first["recipient"]["country"]) == ("CONSULT", "meet", "RUS")
    assert [s["doc_id"] for s in first["sources"]] == ["a" * 16, "b" * 16]
