"""Cross-document knowledge on hand-made extraction records."""

from datetime import date

import pytest

from bilat.knowledge.events import merge_events
from bilat.knowledge.followthrough import follow_through
from bilat.knowledge.periods import period_end, previous_period
from bilat.knowledge.persons import resolve_persons
from bilat.knowledge.series import build_series


def ev(text: str, start: int = 0) -> dict:
    return {"start": start, "end": start + len(text), "text": text}


def person(name, country=None, role=None, mentions=()):
    return {"name": name, "country": country, "role": role, "mentions": [ev(m) for m in mentions]}


@pytest.mark.parametrize(
    "period, previous, end",
    [
        ("2025", "2024", date(2025, 12, 31)),
        ("2025-H1", "2024-H1", date(2025, 6, 30)),
        ("2025-Q3", "2024-Q3", date(2025, 9, 30)),
        ("2024-02", "2023-02", date(2024, 2, 29)),
        ("2024-01/2024-11", "2023-01/2023-11", date(2024, 11, 30)),
    ],
)
def test_periods(period, previous, end):
    assert previous_period(period) == previous
    assert period_end(period) == end


def test_same_person_across_cases_surnames_and_initials():
    records = [
        {"doc": "a", "published": "2026-01-10", "persons": [person("Сергей Лавров", "RU", "министр иностранных дел", ["Сергея Лаврова"])]},
        {"doc": "b", "published": "2026-02-01", "persons": [person("Лавров", "RU", None, ["Лавров"])]},
        {"doc": "c", "published": "2026-03-01", "persons": [person("С. Лавров", None, "глава мид", ["С. Лавров"])]},
    ]
    people = resolve_persons(records)
    assert len(people) == 1
    assert people[0].docs == ["a", "b", "c"]
    assert people[0].name == "Сергей Лавров"
    roles = [(r.role, r.first_seen) for r in people[0].roles]
    assert roles == [("министр иностранных дел", "2026-01-10"), ("глава мид", "2026-03-01")]


def test_two_people_sharing_a_surname_are_not_merged_and_surname_alone_is_ambiguous():
    records = [
        {"doc": "a", "published": None, "persons": [person("Анна Иванова", "RU"), person("Мария Иванова", "RU")]},
        {"doc": "b", "published": None, "persons": [person("Иванова", "RU")]},
    ]
    people = resolve_persons(records)
    names = sorted(p.name for p in people)
    assert names == ["Анна Иванова", "Иванова", "Мария Иванова"]
    alone = next(p for p in people if p.name == "Иванова")
    assert len(alone.ambiguous_with) == 2


def event(etype, date_, persons=(), place=None, countries=("KZ", "RS"), quote="x"):
    return {"type": etype, "date": date_, "countries": list(countries), "place": place,
            "persons": list(persons), "evidence": ev(quote), "cameo": "040", "plover": "CONSULT"}


def test_reports_of_one_meeting_merge_and_keep_all_sources():
    records = [
        {"doc": "a", "published": "2026-02-27", "events": [event("meeting", "2026-02-27", ["Президент А"])]},
        {"doc": "b", "published": None, "events": [event("meeting", None, ["Президент А"])]},
        {"doc": "c", "published": "2026-02-28", "events": [event("meeting", "2026-02", ["Президент А"])]},
        {"doc": "d", "published": "2026-05-01", "events": [event("meeting", "2026-04-30", ["Министр Б"])]},
    ]
    merged = merge_events(records)
    assert [(e.date, e.docs) for e in merged] == [("2026-02-27", ["a", "b", "c"]), ("2026-04-30", ["d"])]


def test_events_of_one_document_or_different_places_stay_apart():
    records = [
        {"doc": "a", "published": None, "events": [event("visit", None, ["X"], "Белград"), event("visit", None, ["X"], "Белград")]},
        {"doc": "b", "published": None, "events": [event("visit", None, ["X"], "Астана")]},
    ]
    assert len(merge_events(records)) == 3


def indicator(value, period, change=None, quote="q"):
    return {"kind": "trade", "scope": "total", "countries": ["KZ", "RS"], "period": period,
            "value": value, "unit": "USD", "change_pct": change, "evidence": ev(quote)}


def test_series_counts_a_figure_once_flags_conflicts_and_derives_previous_year():
    records = [
        {"doc": "a", "published": "2026-01-01", "indicators": [indicator(107_700_000, "2025", 7.6)]},
        {"doc": "b", "published": "2026-01-02", "indicators": [indicator(107_750_000, "2025")]},
        {"doc": "c", "published": "2026-01-03", "indicators": [indicator(90_000_000, "2023"), indicator(95_000_000, "2023")]},
    ]
    (series,) = build_series(records)
    points = {p.period: p for p in series.points}
    assert len(points["2025"].sources) == 2
    assert points["2024"].value == 100_092_937
    assert points["2024"].derived_from == "2025 value and +7.6% change"
    assert points["2023"].conflicting


def commitment(text, due, start=0, action=""):
    return {"kind": "proposed", "due": due, "parties": ["KZ", "RS"], "action": action, "evidence": ev(text, start)}


def test_follow_through_fulfilled_overdue_pending():
    promise_text = (
        "Казахстан предложил открыть торговый дом в Белграде. "
        "Стороны договорились провести форум предпринимателей в 2025 году. "
        "Министры договорились построить мост через реку в 2030 году."
    )
    sents = promise_text.split(". ")
    starts = [promise_text.index(s) for s in sents]
    later_text = "В сентябре в Белграде был открыт торговый дом Казахстана. Погода была хорошей."
    records = [
        {"doc": "a", "published": "2025-03-01", "events": [], "commitments": [
            commitment(sents[0], None, starts[0]),
            commitment(sents[1], "2025", starts[1]),
            commitment(sents[2], "2030", starts[2]),
        ]},
        {"doc": "b", "published": "2026-02-01", "events": [], "commitments": []},
    ]
    result = follow_through(records, {"a": promise_text, "b": later_text}, as_of=date(2026, 2, 28))
    statuses = [(r.status, [e.doc for e in r.evidence]) for r in result]
    assert statuses == [("fulfilled", ["b"]), ("overdue", []), ("pending", [])]
    assert result[1].history == [("2025-03-01", "pending"), ("2026-01-01", "overdue")]


def test_follow_through_ignores_earlier_documents_and_future_plans():
    text_a = "Стороны договорились открыть консульство в Казани."
    text_b = "Консульство в Казани планируется открыть в следующем году."
    records = [
        {"doc": "a", "published": "2025-03-01", "events": [], "commitments": [commitment(text_a, None)]},
        {"doc": "b", "published": "2025-04-01", "events": [], "commitments": []},
    ]
    (result,) = follow_through(records, {"a": text_a, "b": text_b}, as_of=date(2026, 1, 1))
    assert result.status == "pending"


def test_two_events_of_one_type_in_one_sentence_get_distinct_ids():
    records = [
        {"doc": "a", "published": None, "events": [
            event("meeting", "2026-01-10", ["X"], countries=("KZ", "RS"), quote="s"),
            event("meeting", "2026-01-10", ["Y"], countries=("KZ", "RS"), quote="s"),
        ]},
    ]
    merged = merge_events(records)
    assert len(merged) == 2
    assert len({e.id for e in merged}) == 2
