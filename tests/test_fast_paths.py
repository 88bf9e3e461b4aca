"""The fast paths give what the plain ones give: rules are skipped by their gates only where
they could not match."""

from __future__ import annotations

import re

import pytest

from bilat.extract.gates import gated_finditer
from bilat.extract.quantities import RULES as QUANTITY_RULES
from bilat.extract.quantity_patterns import GATES as QUANTITY_GATES
from bilat.extract.time_patterns import GATES, RULES_LOWER

TRICKY = [
    "",
    "  ",
    "Привет, мир!",
    "В 2024-2025 годах рост составил 3,5% (в 1,5 раза), т.е. 1/2 плана.",
    "Смайлы :-) ;) =((( и ?! ... -- ** yahoo! Yahoo!",
    "кто-то, из-за, северо-западный, a_b, 12_34, 3.14, 1,5, 7/8, 1\\2",
    "ΔP Δσ mβж Σ-1 «Турецкий поток» — “цитата” ‘x’ № 5 … ‑ – — −",
    "USD/RUB 90.5; e-mail: test@example.com; 10:30; 25.02.2026 г.",
]
GATED_TEXTS = TRICKY + [
    "27.02.2026 г. и 2026-02-27; с 1 по 3 марта 2025 года; в январе-ноябре 2024 года",
    "в 2024-2025 годах, за 11 месяцев 2024 года, в первом полугодии 2025 года, в III квартале",
    "в среду, 29 апреля; в феврале 2026 года; весной 2012 года; в 1960-е годы; в 2014.",
    "к 2020-му, вчера, в прошлом году, два года назад, через неделю, в четверг",
    "на следующий день, в настоящее время, на днях, (1984), в течение трёх лет",
    "рост на 5,5 процента, 1,2 п.п., на два процентных пункта, 7,6%, пять процентов",
    # rules run only on the lines around their gates: matches on, beside and across lines
    "Абзац без дат.\nВ январе 2025 года\nтоварооборот вырос на 5%.\nЕщё абзац.\n\nИ ещё "
    "один.\nС 1 по 3\nмарта 2025 года прошли переговоры.\nНа 7,5\nпроцента больше.",
    "\n\n2025\n\n\nвчера\nв\nянваре\n\nчерез\nнеделю\n(1984)\n5 %\n",
]


@pytest.mark.parametrize("text", GATED_TEXTS)
def test_time_rules_match_only_behind_their_gates(text):
    low = text.lower()
    for name, rule in RULES_LOWER.items():
        if rule.pattern.search(low) and name in GATES:
            assert re.search(GATES[name], low), name
        assert [m.span() for m in rule.finditer(low)] == [
            m.span() for m in rule.pattern.finditer(low)
        ]


@pytest.mark.parametrize("text", GATED_TEXTS)
def test_quantity_rules_match_only_behind_their_gates(text):
    for name, gate in QUANTITY_GATES.items():
        pattern = QUANTITY_RULES[name][0]
        if pattern.search(text):
            assert gate.search(text), name
        assert [m.span() for m in gated_finditer(pattern, gate, text)] == [
            m.span() for m in pattern.finditer(text)
        ]
