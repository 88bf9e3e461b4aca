"""The pair dossier and the fact commands, read from the knowledge tables."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from bilat.cli.main import cli
from bilat.errors import UsageError
from bilat.knowledge.names import country_code, parse_pair
from bilat.knowledge.render_html import render_html
from bilat.knowledge.render_md import render_markdown
from bilat.store.kb_read import dossier_from_kb
from test_kb_store import engine, other_doc, promise_doc, report_doc, store  # noqa: F401


@pytest.mark.parametrize(
    "text, code",
    [("kz", "KZ"), ("RS", "RS"), ("KAZ", "KZ"), ("Казахстан", "KZ"), ("сербия", "RS"), ("Сербии", "RS"),
     ("США", "US"), ("Serbia", "RS"), ("Russia", "RU"), ("turkey", "TR"), ("Türkiye", "TR")],
)  # fmt: skip
def test_country_names_and_codes(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["xx", "Атлантида", ""])
def test_unknown_country_is_a_usage_error(text):
    with pytest.raises(UsageError):
        country_code(text)


def test_pair_spellings():
    assert parse_pair("kz-rs") == parse_pair("Казахстан-Сербия") == parse_pair("KZ,RS") == ("KZ", "RS")


@pytest.fixture
def db(engine):  # noqa: F811
    store(engine, promise_doc(), report_doc(), other_doc())
    return engine


def test_dossier_has_every_part_with_sources(db):
    d = dossier_from_kb(db, ("RU", "KZ"))
    assert d["pair"] == ["KZ", "RU"] and d["as_of"] == "2026-01-15" and d["documents"] == 2
    assert d["headline"]["events"] == 1 and d["headline"]["event_reports"] == 2
    assert d["headline"]["commitments"] == {"fulfilled": 1}
    (com,) = d["commitments"]
    assert com["evidence"][0]["quote"].startswith("В Казани было открыто")
    md = render_markdown(d)
    assert "## Timeline of events" in md and "done: `bbb.txt`" in md
    html = render_html(d)
    assert "Kazakhstan – Russia" in html and "bbb.txt" in html and "<script" not in html


def test_dossier_as_of_before_the_report(db):
    d = dossier_from_kb(db, ("KZ", "RU"), date_(2025, 12, 1))
    assert d["documents"] == 1 and [c["status"] for c in d["commitments"]] == ["pending"]


def date_(*args):
    from datetime import date

    return date(*args)


@pytest.mark.parametrize("a, b", [("Казахстан", "Россия"), ("kz", "ru"), ("RU", "KZ")])
def test_dossier_command_takes_names_or_codes(db, a, b):
    url = str(db.url)
    out = CliRunner().invoke(cli, ["dossier", a, b, "--format", "json", "--db", url])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["pair"] == ["KZ", "RU"]


def test_dossier_command_reports_an_unknown_country(db):
    out = CliRunner().invoke(cli, ["dossier", "kz", "Атлантида", "--db", str(db.url)])
    assert out.exit_code == 1 and "unknown country" in out.output


@pytest.mark.parametrize(
    "args, expected",
    [
        (["events", "--pair", "KZ-RU"], [("KZ-RU", "meeting")]),
        (["events", "--since", "2026-01-01"], [("RU-TR", "meeting")]),
        (["commitments", "--status", "fulfilled"], [("KZ-RU", "fulfilled")]),
        (["commitments", "--as-of", "2025-12-01"], [("KZ-RU", "pending")]),
        (["commitments", "--status", "overdue"], []),
    ],
)
def test_fact_commands_filter(db, args, expected):
    out = CliRunner().invoke(cli, [*args, "--format", "json", "--db", str(db.url)])
    assert out.exit_code == 0, out.output
    found = json.loads(out.output)
    assert [(r["pair"], r.get("type") or r.get("status")) for r in found] == expected


def test_persons_command_csv(db):
    out = CliRunner().invoke(cli, ["persons", "--format", "csv", "--db", str(db.url)])
    assert out.exit_code == 0, out.output
    header, row = out.output.splitlines()
    assert header.startswith("pair,id,name") and row.startswith("RU-TR,") and "Реджеп Эрдоган" in row
