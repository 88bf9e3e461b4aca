"""`bilat ingest`, `bilat docs` and `bilat show` on a real folder and database."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from bilat.cli import docs_cmd, ingest_cmd, show_cmd

TEXTS = {
    "visit.txt": " date 2025-04-02 Премьер-министр Грузии прибыл в Ереван для переговоров "
    "о транзите грузов и энергетике. Стороны договорились расширить железнодорожное сообщение.",
    "wheat.txt": " date 2024-11-20 Экспорт пшеницы из Казахстана в Афганистан вырос на 15 процентов, "
    "сообщили в министерстве торговли.",
    "forum.txt": "В Баку прошел бизнес-форум, на котором компании двух стран подписали "
    "контракты на поставку оборудования.",
}


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "news"
    path.mkdir()
    for name, text in TEXTS.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'cli.db'}"


def invoke(command, *args: str):
    return CliRunner().invoke(command, list(args), catch_exceptions=False)


def ingest_json(folder, db, *extra: str) -> tuple[int, dict]:
    result = invoke(ingest_cmd.command, str(folder), "--db", db, "--no-extract", "--json", *extra)
    return result.exit_code, json.loads(result.output)


def test_ingest_then_rerun_adds_nothing(folder, db):
    code, first = ingest_json(folder, db)
    assert code == 0 and (first["read"], first["new"], first["rejected"]) == (3, 3, 0)
    code, again = ingest_json(folder, db)
    assert code == 0 and (again["new"], again["duplicates"]) == (0, 3)


def test_rejected_input_gives_exit_3_and_names_it(folder, db):
    (folder / "blank.txt").write_text("   \n", encoding="utf-8")
    result = invoke(ingest_cmd.command, str(folder), "--db", db, "--no-extract", "--quiet")
    assert result.exit_code == 3
    assert "rejected 1 inputs" in result.output
    assert "blank.txt" in result.output and "read 3 articles: 3 new" in result.output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["/no/such/path"], 2, "does not exist"),
        ([], 2, "Missing argument"),
        (["{folder}", "--db", "mysql://u@h/db"], 1, "bad database URL 'mysql://u@h/db'"),
        (["{folder}", "--max-bytes", "0"], 2, "--max-bytes"),
    ],
)
def test_ingest_errors(folder, args, code, message):
    args = [a.replace("{folder}", str(folder)) for a in args]
    result = CliRunner().invoke(ingest_cmd.command, args)
    assert result.exit_code == code
    assert message in result.output


def test_docs_table_json_csv(folder, db):
    ingest_json(folder, db)
    table = invoke(docs_cmd.command, "--db", db)
    assert table.exit_code == 0
    assert "2025-04-02" in table.output and "2024-11-20" in table.output
    listed = json.loads(invoke(docs_cmd.command, "--db", db, "--format", "json").output)
    assert [d["published"] for d in listed] == ["2025-04-02", "2024-11-20", None]
    as_csv = invoke(docs_cmd.command, "--db", db, "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    assert [r["id"] for r in rows] == [d["id"] for d in listed]


@pytest.mark.parametrize(
    ("args", "count"),
    [
        (["--search", "пшеницы"], 1),
        (["--search", "оборудования контракты"], 1),
        (["--search", "Антарктида"], 0),
        (["--since", "2025-01-01"], 1),
        (["--limit", "2"], 2),
        (["--limit", "0"], 3),
    ],
)
def test_docs_filters(folder, db, args, count):
    ingest_json(folder, db)
    result = invoke(docs_cmd.command, "--db", db, "--format", "json", *args)
    assert len(json.loads(result.output)) == count


def test_docs_bad_date_is_usage_error(db):
    result = CliRunner().invoke(docs_cmd.command, ["--db", db, "--since", "yesterday"])
    assert result.exit_code == 2 and "--since" in result.output


def test_show_text_and_json(folder, db):
    ingest_json(folder, db)
    found = invoke(docs_cmd.command, "--db", db, "--format", "json", "--search", "пшеницы")
    listed = json.loads(found.output)
    doc_id = listed[0]["id"]
    shown = json.loads(invoke(show_cmd.command, doc_id, "--db", db, "--format", "json").output)
    assert shown["id"] == doc_id and shown["published"] == "2024-11-20"
    assert shown["text"].startswith("Экспорт пшеницы") and shown["record"] is None
    text = invoke(show_cmd.command, doc_id[:6], "--db", db)
    assert text.exit_code == 0
    assert doc_id in text.output and "no extracted facts" in text.output


def test_show_unknown_id(folder, db):
    ingest_json(folder, db)
    result = CliRunner().invoke(show_cmd.command, ["0123456789abcdef", "--db", db])
    assert result.exit_code == 1
    assert "no document with id '0123456789abcdef'" in result.output


@pytest.mark.parametrize("command", [ingest_cmd.command, docs_cmd.command, show_cmd.command])
def test_help_has_purpose_and_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert f"bilat {command.name}" in result.output and "Example" in result.output
    assert len(command.get_short_help_str(limit=200)) > 10


def test_ingest_help_documents_exit_codes():
    output = invoke(ingest_cmd.command, "--help").output
    for line in ("0  every input was read", "2  usage error", "3  some inputs were rejected"):
        assert line in output
