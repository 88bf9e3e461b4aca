"""Report sentences analysed by ``bilat batch`` from the pipeline's tokens are the ones the
knowledge refresh analyses from the text: on real news, on a huge text, through JSON."""

from __future__ import annotations

import itertools
import json
import zipfile
from pathlib import Path

import pytest

from bilat.extract import inspect as inspect_stage
from bilat.extract.api import extract
from bilat.knowledge import followthrough
from bilat.knowledge.followthrough import (
    ReportSentences,
    _load_report_sentences,
    dump_report_sentences,
    report_sentences,
    report_sentences_of_doc,
)
from bilat.record import to_record

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
RU_NEWS_ZIP = SHARED / "corpora" / "ru_news" / "russia_today_5.jsonlines.zip"


def _both(doc_id: str, text: str):
    doc = extract(doc_id, text)
    rec = to_record(doc)
    return rec, report_sentences_of_doc(rec, doc), report_sentences(rec, text)


def test_equal_on_real_news():
    if not RU_NEWS_ZIP.exists():
        pytest.skip("ru_news corpus not found")
    with zipfile.ZipFile(RU_NEWS_ZIP) as z, z.open(z.namelist()[0]) as stream:
        texts = [json.loads(line)["content"] or "" for line in itertools.islice(stream, 40)]
    sentences = promises = 0
    for n, text in enumerate(texts):
        rec, from_doc, from_text = _both(f"d{n}", text)
        assert from_doc == from_text, n
        assert _load_report_sentences(dump_report_sentences(from_doc)) == from_doc
        sentences += len(from_doc)
        promises += len(rec["commitments"])
    assert sentences > 300 and promises > 0  # the documents' own promises are left out


def test_own_promise_is_left_out():
    text = "Стороны договорились провести следующее заседание комиссии в 2027 году в Астане. Переговоры прошли в Минске."
    rec, from_doc, from_text = _both("p", text)
    assert rec["commitments"] and from_doc == from_text
    assert [text[s.start : s.stop] for s in from_doc] == ["Переговоры прошли в Минске."]


def test_huge_text_is_analysed_whole(monkeypatch):
    # the pipeline analyses only the head of a huge text (made small here to keep the test quick)
    monkeypatch.setattr(inspect_stage, "MAX_ANALYSED_CHARS", 500)
    monkeypatch.setattr(followthrough, "MAX_ANALYSED_CHARS", 500)
    text = "Министры обсудили строительство завода в Ташкенте. " * 40
    rec, from_doc, from_text = _both("huge", text)
    assert extract("huge", text).warnings
    assert from_doc == from_text
    assert from_doc[-1].stop == len(text.rstrip())


def test_stored_sentences_are_used_and_others_analysed():
    text = "Министры обсудили строительство завода в Ташкенте."
    rec = {"doc": "a", "commitments": []}
    stored = dump_report_sentences(report_sentences(rec, text))
    reports = ReportSentences(analysed={"a": stored})
    assert reports.of(rec, "") == report_sentences(rec, text)  # from storage: the text is not read
    assert reports.of({"doc": "b", "commitments": []}, text) == report_sentences(rec, text)
