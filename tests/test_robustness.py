"""Bad input never crashes the pipeline: a valid (possibly empty) record and a warning."""

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bilat.errors import (
    WARN_EMPTY,
    WARN_MARKUP,
    WARN_NO_SENTENCES,
    WARN_NOT_RUSSIAN,
    WARN_TRUNCATED,
)
from bilat.extract.api import extract
from bilat.extract.inspect import MAX_ANALYSED_CHARS
from bilat.record import to_record

RUSSIAN_PARAGRAPH = (
    "Министр иностранных дел Армении Арарат Мирзоян провел переговоры в Москве с российским "
    "коллегой. Стороны подписали меморандум о сотрудничестве в сфере образования. "
    "В 2025 году товарооборот между странами вырос на 5,2% и составил $3,1 млрд.\n\n"
)


def _check_record(doc) -> dict:
    record = to_record(doc)
    json.dumps(record, ensure_ascii=False)  # JSON-ready
    for part in ("events", "indicators", "commitments"):
        for item in record[part]:
            ev = item["evidence"]
            assert doc.text[ev["start"] : ev["end"]] == ev["text"]
    for person in record["persons"]:
        for m in person["mentions"]:
            assert doc.text[m["start"] : m["end"]] == m["text"]
    for ent in record["entities"]:
        assert doc.text[ent["start"] : ent["end"]] == ent["text"]
    return record


@pytest.mark.parametrize(
    "text, warning",
    [
        ("", WARN_EMPTY),
        ("   \n\n  ", WARN_EMPTY),
        ("The foreign ministers of Armenia and Russia met in Moscow on Tuesday to discuss trade.", WARN_NOT_RUSSIAN),
        ("1234 5678 — 99 %% ### 2025", WARN_NO_SENTENCES),
        ("<div class='x'><p>Президент <b>Сербии</b> прибыл в Москву.</p>&nbsp;</div>", WARN_MARKUP),
    ],
)
def test_bad_text_gives_a_record_and_a_warning(text, warning):
    doc = extract("bad", text)
    record = _check_record(doc)
    assert any(w.startswith(warning) for w in record["warnings"]), record["warnings"]


def test_huge_article_is_analysed_up_to_the_limit_with_a_warning():
    text = RUSSIAN_PARAGRAPH * (5_000_000 // len(RUSSIAN_PARAGRAPH) + 1)
    assert len(text) > 5_000_000
    doc = extract("huge", text, published=None)
    record = _check_record(doc)
    assert doc.text == text  # the stored text is untouched
    assert any(w.startswith(WARN_TRUNCATED) for w in record["warnings"])
    assert record["countries"] == ["AM", "RU"]
    assert all(e["evidence"]["end"] <= MAX_ANALYSED_CHARS for e in record["events"])


def test_clean_russian_text_gets_no_warning():
    record = _check_record(extract("ok", RUSSIAN_PARAGRAPH))
    assert record["warnings"] == []
    assert record["countries"] == ["AM", "RU"]


NEWSY = st.sampled_from(
    ["Президент", "Казахстана", "Сербии", "визит", "в", "2025", "году", "$107,7", "млн", "на",
     "7,6%", "договорились", "открыть", "вчера", "«", "»", "—", ".", ",", "\n\n", "РК", "22 - 24",
     "апреля", "Иван", "Петров", "заявил", "<b>", "&amp;", "ё", "🙂", "\x00", "\u200b"]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NEWSY, max_size=60).map(" ".join), st.dates() | st.none())
def test_pipeline_never_crashes_on_newsy_noise(text, published):
    _check_record(extract("fuzz", text, published=published))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
@example("𗀀 Тангутский знак")  # a letter with no Unicode name broke pymorphy3's shape check
def test_pipeline_never_crashes_on_arbitrary_text(text):
    _check_record(extract("fuzz", text))
