"""The scorer, rule by rule, on hand-made records."""

from __future__ import annotations

import pytest

from bilat.eval.scoring import (
    PartScore,
    commitment_matches,
    date_agrees,
    event_matches,
    indicator_matches,
    max_matching,
    person_matches,
    score,
)

EVENT = {"type": "visit", "date": "2025-08", "countries": ["KZ", "RS"]}
INDICATOR = {"kind": "trade", "scope": "total", "countries": ["KZ", "RS"], "period": "2025",
             "value": 107_700_000, "unit": "USD", "change_pct": 7.6}
EXPORT = {"kind": "export", "scope": "grain", "countries": ["KZ", "KG"], "period": None,
          "value": 40_400, "unit": "t", "change_pct": None}
QUOTE = "стороны договорились открыть прямой рейс"


@pytest.mark.parametrize(
    ("gold", "pred", "agrees"),
    [
        (None, None, True),
        (None, "2025-08-01", True),
        ("2025", "2025", True),
        ("2025", "2025-08-01", True),
        ("2025-08", "2025-08-14", True),
        ("2025-08", "2025", False),
        ("2025-08", None, False),
        ("2025-08-14", "2025-08-15", False),
        ("2024", "2025", False),
    ],
)
def test_date_agrees_at_gold_precision(gold, pred, agrees):
    assert date_agrees(gold, pred) is agrees


@pytest.mark.parametrize(
    ("pred", "matches"),
    [
        (dict(EVENT), True),
        ({**EVENT, "countries": ["RS", "KZ"]}, True),
        ({**EVENT, "date": "2025-08-14"}, True),
        ({**EVENT, "type": "meeting"}, False),
        ({**EVENT, "countries": ["KZ"]}, False),
        ({**EVENT, "countries": ["KZ", "RS", "RU"]}, False),
        ({**EVENT, "date": "2025"}, False),
        ({**EVENT, "date": None}, False),
    ],
)
def test_event_rules(pred, matches):
    assert event_matches(EVENT, pred) is matches


def test_event_gold_null_date_accepts_any():
    assert event_matches({**EVENT, "date": None}, {**EVENT, "date": "1999-01-01"})


@pytest.mark.parametrize(
    ("gold", "pred", "matches"),
    [
        (INDICATOR, dict(INDICATOR), True),
        (INDICATOR, {**INDICATOR, "countries": ["RS", "KZ"]}, True),  # trade: a set
        (INDICATOR, {**INDICATOR, "value": 108_700_000}, True),  # 0.93% off
        (INDICATOR, {**INDICATOR, "value": 109_000_000}, False),  # 1.2% off
        (INDICATOR, {**INDICATOR, "kind": "export"}, False),
        (INDICATOR, {**INDICATOR, "scope": "agriculture"}, False),
        (INDICATOR, {**INDICATOR, "unit": "EUR"}, False),
        (INDICATOR, {**INDICATOR, "value": None}, False),
        (INDICATOR, {**INDICATOR, "period": "2024", "change_pct": None}, True),  # secondary only
        (EXPORT, dict(EXPORT), True),
        (EXPORT, {**EXPORT, "countries": ["KG", "KZ"]}, False),  # export: direction matters
    ],
)
def test_indicator_rules(gold, pred, matches):
    assert indicator_matches(gold, pred) is matches


@pytest.mark.parametrize(
    ("gold_due", "text", "due", "matches"),
    [
        (None, "Кроме того, " + QUOTE + " до конца года.", None, True),  # contains the quote
        (None, QUOTE, "2026", True),  # gold null due accepts any
        (None, "договорились открыть прямой рейс", None, True),  # inside, 32 chars
        (None, "открыть прямой", None, False),  # inside, but under 20 chars
        (None, "Стороны  договорились открыть прямой рейс", None, True),  # case and spaces
        (None, "стороны обсудили открытие рейса", None, False),
        ("2026", QUOTE, "2026-04", True),
        ("2026-04", QUOTE, "2026", False),
        ("2026", QUOTE, None, False),
    ],
)
def test_commitment_rules(gold_due, text, due, matches):
    gold = {"quote": QUOTE, "due": gold_due}
    pred = {"due": due, "evidence": {"start": 0, "end": len(text), "text": text}}
    assert commitment_matches(gold, pred) is matches


@pytest.mark.parametrize(
    ("gold", "pred", "matches"),
    [
        ("Серик Жумангарин", "серик жумангарин", True),
        ("Пётр Иванов", "Петр Иванов", True),
        ("Пётр  Иванов", "Петр Иванов", True),
        ("Пётр Иванов", "Иванов", False),
        ("Пётр Иванов", "Пётр Иванова", False),
    ],
)
def test_person_rules(gold, pred, matches):
    assert person_matches({"name": gold}, {"name": pred}) is matches


def test_matching_is_maximum_not_greedy():
    # gold 0 accepts both predictions, gold 1 only the first: a greedy pass pairing gold 0 with
    # prediction 0 would leave gold 1 unmatched.
    gold = [{"type": "visit", "date": None, "countries": ["KZ", "RS"]},
            {"type": "visit", "date": "2025-08", "countries": ["KZ", "RS"]}]
    pred = [{"type": "visit", "date": "2025-08-01", "countries": ["KZ", "RS"]},
            {"type": "visit", "date": "2024-01-01", "countries": ["KZ", "RS"]}]
    assert max_matching(gold, pred, event_matches) == {0: 1, 1: 0}


def test_one_prediction_matches_one_gold():
    gold = [dict(EVENT), dict(EVENT)]
    report = score([{"doc": "a", "events": gold}], [{"doc": "a", "events": [dict(EVENT)]}])
    assert (report.parts["events"].tp, report.parts["events"].fp,
            report.parts["events"].fn) == (1, 0, 1)


@pytest.mark.parametrize(
    ("counts", "precision", "recall", "f1"),
    [
        ((0, 0, 0), 1.0, 1.0, 1.0),  # nothing to find, nothing found
        ((0, 0, 3), 0.0, 0.0, 0.0),  # nothing predicted
        ((0, 2, 0), 0.0, 0.0, 0.0),  # nothing to find, something predicted
        ((1, 1, 2), 0.5, 1 / 3, 0.4),
        ((4, 0, 0), 1.0, 1.0, 1.0),
    ],
)
def test_precision_recall_f1(counts, precision, recall, f1):
    s = PartScore(*counts)
    assert (s.precision, s.recall) == pytest.approx((precision, recall))
    assert s.f1 == pytest.approx(f1)


GOLD_DOC = {
    "doc": "a.txt", "countries": ["KZ", "RS"], "sectors": ["trade", "energy"],
    "persons": [{"name": "Пётр Иванов", "country": "RU"}, {"name": "Анна Ли", "country": "KZ"}],
    "events": [dict(EVENT)], "indicators": [dict(INDICATOR), dict(EXPORT)],
    "commitments": [{"quote": QUOTE, "due": None}],
}


def test_gold_scored_against_itself_is_perfect():
    report = score([GOLD_DOC], [GOLD_DOC])
    assert report.mean_f1 == 1.0
    assert all(r.value == 1.0 for r in report.secondary.values())
    assert report.docs[0].clean


def test_micro_average_sums_counts_over_documents():
    second = {"doc": "b.txt", "countries": ["KG", "KZ"], "sectors": ["water"]}
    pred = [{"doc": "a.txt", "countries": ["KZ", "RS"], "sectors": ["trade"]},
            {"doc": "b.txt", "countries": ["KZ"], "sectors": ["water", "energy"]}]
    report = score([GOLD_DOC, second], pred)
    c, s = report.parts["countries"], report.parts["sectors"]
    assert (c.tp, c.fp, c.fn) == (3, 0, 1)
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert c.recall == pytest.approx(0.75)


def test_missing_document_counts_as_all_misses_and_extra_is_unscored():
    report = score([GOLD_DOC], [{"doc": "other.txt", "countries": ["US"]}])
    assert report.docs[0].missing_doc
    assert report.unscored == ["other.txt"]
    assert all(report.parts[p].tp == 0 and report.parts[p].fp == 0 for p in report.parts)
    assert report.parts["indicators"].fn == 2
    assert report.mean_f1 == 0.0


def test_secondary_figures_and_diff():
    pred = {**GOLD_DOC,
            "persons": [{"name": "Петр Иванов", "country": "KZ"}, {"name": "Олег Ким"}],
            "indicators": [{**INDICATOR, "period": "2024", "change_pct": 7.65}],
            "commitments": [{"due": None, "evidence": {"text": "обсудили погоду"}}]}
    report = score([GOLD_DOC], [pred])
    assert report.secondary["person_country"].value == 0.0
    assert report.secondary["indicator_period"].value == 0.0
    assert report.secondary["indicator_change_pct"].value == 1.0
    diff = report.docs[0]
    assert diff.misses["persons"] == ["Анна Ли (KZ, None)"]
    assert diff.false_hits["persons"] == ["Олег Ким (None, None)"]
    assert len(diff.misses["indicators"]) == 1 and "export/grain" in diff.misses["indicators"][0]
    assert diff.false_hits["commitments"] == ["«обсудили погоду» due=None"]
    assert any("period 2024, gold 2025" in line for line in diff.wrong_secondary)
    assert report.as_dict(diff=True)["diff"][0]["doc"] == "a.txt"
