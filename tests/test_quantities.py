"""The ``quantities`` stage: money, percentages, ratios, tonnes and counts in base units."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.doc import Doc
from bilat.extract.quantities import find_quantities
from bilat.extract.times import find_times
from bilat.pipeline import build_pipeline


def _quantities(text: str):
    doc = Doc(id="q", text=text, published=date(2026, 2, 27))
    doc.times, doc.entities = find_times(doc)
    return find_quantities(doc)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "approx"),
    [
        ("Оборот составил $107,7 млн за год.", "$107,7 млн", 107_700_000, "USD", False),
        (
            "Инвестиции достигли 1,6 млрд долларов.",
            "1,6 млрд долларов",
            1_600_000_000,
            "USD",
            False,
        ),
        (
            "Экспорт превысил более 203 млн долларов.",
            "более 203 млн долларов",
            203_000_000,
            "USD",
            True,
        ),
        (
            "Поставки на 313,6 млн долл. США выросли.",
            "313,6 млн долл. США",
            313_600_000,
            "USD",
            False,
        ),
        ("Фонд выделит 5 трлн тенге.", "5 трлн тенге", 5e12, "KZT", False),
        ("Стоимость — 10 млрд рублей.", "10 млрд рублей", 1e10, "RUB", False),
        ("Грант в 2,5 млн евро получен.", "2,5 млн евро", 2_500_000, "EUR", False),
        ("Штраф составил 1 200 000 рублей.", "1 200 000 рублей", 1_200_000, "RUB", False),
        ("Штраф составил 15\u00a0000 рублей.", "15\u00a0000 рублей", 15_000, "RUB", False),
        (
            "Сделка на 100 млн гонконгских долларов.",
            "100 млн гонконгских долларов",
            1e8,
            "HKD",
            False,
        ),
        ("Кредит в 300 млн юаней выдан.", "300 млн юаней", 3e8, "CNY", False),
        ("Рост составил 7,6% за год.", "7,6%", 7.6, "pct", False),
        ("Цены выросли на 5,5 процента.", "5,5 процента", 5.5, "pct", False),
        ("Акции упали более чем на 40 %.", "более чем на 40 %", 40, "pct", True),
        ("Доля выросла на 1,2 п.п. за год.", "1,2 п.п.", 1.2, "pp", False),
        ("Объём вырос в 1,5 раза.", "1,5 раза", 1.5, "times", False),
        ("Выпуск вырос вдвое.", "вдвое", 2, "times", False),
        ("Отгружено 40,4 тыс. тонн зерна.", "40,4 тыс. тонн", 40_400, "t", False),
        ("Добыто 2 млн т угля.", "2 млн т", 2_000_000, "t", False),
        ("Там работают порядка 60 компаний.", "порядка 60 компаний", 60, "count", True),
        ("Открыто 20 предприятий.", "20 предприятий", 20, "count", False),
        (
            "Рынок делят четыре крупных производителя.",
            "четыре крупных производителя",
            4,
            "count",
            False,
        ),
    ],
)
def test_quantity_patterns(text, span, value, unit, approx):
    quantities = _quantities(text)
    assert [(q.text, q.unit, q.approx) for q in quantities] == [(span, unit, approx)]
    assert quantities[0].value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Было $2,5 и $3,1 млрд за год.", [("$2,5", 2.5e9, "USD"), ("$3,1 млрд", 3.1e9, "USD")]),
        ("Было 1,2 или 1,5 млн долларов.", [("1,2", 1.2e6, "USD"), ("1,5 млн долларов", 1.5e6, "USD")]),
        ("Собрали 40 и 45 тыс. тонн.", [("40", 4e4, "t"), ("45 тыс. тонн", 4.5e4, "t")]),
        # a scale word of its own, the unit shared
        ("Было 100 млн и 98 млн долларов.", [("100 млн", 1e8, "USD"), ("98 млн долларов", 9.8e7, "USD")]),
        ("Было 2 млрд или 900 млн долларов.", [("2 млрд", 2e9, "USD"), ("900 млн долларов", 9e8, "USD")]),
        # no scale word to share, or no "и"/"или": each amount as written
        ("Было $2,5 и $3,1.", [("$2,5", 2.5, "USD"), ("$3,1", 3.1, "USD")]),
        ("В 2024 и 2025 годах было 3 млн долларов.", [("3 млн долларов", 3e6, "USD")]),
        ("Выросло на 5 и 7,5%.", [("7,5%", 7.5, "pct")]),
    ],
)
def test_coordinated_numbers_share_the_scale(text, expected):
    got = [(q.text, q.value, q.unit) for q in _quantities(text)]
    assert [(t, pytest.approx(v), u) for t, v, u in expected] == got


@pytest.mark.parametrize(
    "text",
    [
        "Форум прошёл 22 - 24 апреля 2026 года.",
        "За 11 месяцев 2024 года всё изменилось.",
        "Два раза в год проходят встречи.",
        "Один из министров выступил.",
        "В 2025 году открыли завод.",
        "Ему исполнилось 64 года.",
    ],
)
def test_no_quantity_in_dates_and_non_counts(text):
    assert _quantities(text) == []


def test_stage_adds_money_and_percent_entities_with_exact_offsets():
    text = "В 2025 году экспорт достиг $1,2 млрд, что на 15% больше. Там работают 30 компаний."
    doc = build_pipeline(["segment", "times", "quantities"])(Doc(id="s", text=text))
    assert [(q.unit, q.value) for q in doc.quantities] == [
        ("USD", 1.2e9),
        ("pct", 15.0),
        ("count", 30.0),
    ]
    ents = [(e.type, e.text) for e in doc.entities if e.type in ("MONEY", "PERCENT")]
    assert ents == [("MONEY", "$1,2 млрд"), ("PERCENT", "15%")]
    for item in [*doc.quantities, *doc.entities]:
        assert doc.text[item.start : item.end] == item.text


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 .,%$€ \u00a0-млнрдтысдоларвбекпцйчоз\n")),
        max_size=120,
    )
)
def test_never_crashes_and_offsets_are_exact(text):
    for q in _quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.text.strip() == q.text
        assert q.value == q.value  # not NaN
