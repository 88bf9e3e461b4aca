"""Regular-expression rules of the ``times`` stage, one named constant per rule.

Every rule matches case-insensitively over the raw document text, so match offsets are
document offsets. ``RULES_LOWER`` are the same rules for lower-case text, each behind a gate
(``GATES``): a month name, a year, "назад" that every match holds, so that a rule is run only
on the lines around its gate (:mod:`bilat.extract.gates`). A leading preposition ("в", "с", "на", "по", "за", "к", "до",
"через") is part of the span, as in NEREL's DATE annotation ("в 2018 году", "с 16 апреля").
Group names: ``d``/``m``/``y`` day, month, year (``1``/``2`` suffixes in ranges), ``ry``
a relative year ("этого года"), ``n`` a count, ``unit`` a unit word, ``edge`` "начале"/"конце".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .gates import gated_finditer
from .time_lexicon import alternation, lexicon

_L = lexicon()

LEFT = r"(?<![\w.,\-/])"
RIGHT = r"(?![\w])"
DASH = r"\s*[-–—]\s*"
THROUGH = rf"(?:{DASH}|\s+(?:по|до)\s+)"
DAY_THROUGH = rf"(?:{DASH}|\s+(?:по|до|на)\s+)"  # "в ночь с 3 на 4 июня"
PREP = r"(?:(?:в|во|с|со|на|по|к|ко|до|за|через)\s+)?"
PREP_REQUIRED = r"(?:в|во|с|со|на|по|к|ко|до|за|от)\s+"
EDGE = r"(?:(?P<edge>начал[еаоу]|конц[еау]|середин[еыу]|(?:перв|втор)(?:ой|ую)\s+половин[еуы])\s+)?"
MONTH_WORDS = alternation(list(_L.months))
WEEKDAY_WORDS = alternation(list(_L.weekdays))
WEEKDAY_ACCUSATIVE = alternation(
    ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"]
)
SEASON_WORDS = alternation(list(_L.seasons))
DAY_WORDS = alternation(list(_L.day_words))
MODIFIER_STEMS = alternation(list(_L.period_modifiers))
YEAR_SUFFIX = r"(?:-?(?:го|м|й))?"
YEAR_WORD = (
    r"\s*(?:год(?:а|у|ом|е|ы|ов|ах|ами)?(?![\w])|гг?(?![\w]))"  # "г." keeps its dot out, as NEREL
)
DURATION_UNIT_WORDS = (
    r"(?:год|года|лет|месяц|месяца|месяцев|неделю|недели|недель|неделя|день|дня|дней|сутки|суток"
    r"|десятилетие|десятилетия|десятилетий)"
)
SPAN_UNIT_WORDS = DURATION_UNIT_WORDS[:-1] + r"|час|часа|часов)"
COUNT = r"(?:\d+(?:[.,]\d+)?|[а-яё]+)"
ORDINAL = r"(?:(?:перв|втор|трет|четв[её]рт)[а-яё]*|[1-4](?:-?(?:й|м|го|ом|е|ое))?|iv|i{1,3})"


def day(group: str) -> str:
    return rf"(?P<{group}>[12]\d|3[01]|0?[1-9])(?!\d)(?:-?(?:го|е|ое))?"


def month(group: str) -> str:
    return rf"(?P<{group}>{MONTH_WORDS})(?![\w])"


def year(group: str) -> str:
    return rf"(?P<{group}>(?:1[6-9]|20)\d\d)(?!\d)"


def year_part(group: str, rel_group: str) -> str:
    """An optional year after a day or month: "2026 года", "2026", "этого года"."""
    return (
        rf"(?:\s+{year(group)}{YEAR_SUFFIX}(?:{YEAR_WORD})?"
        rf"|\s+(?P<{rel_group}>{MODIFIER_STEMS})[а-яё]*\s+год[а-яё]*)?"
    )


LEAD = rf"(?:(?:(?:в|во)\s+)?{WEEKDAY_WORDS},?\s+|{DAY_WORDS},\s+|{PREP_REQUIRED})?"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def lower_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same rule for text already in lower case: without IGNORECASE, sre can skip the
    alternatives of a branch by their first letter, which makes the rules about twice as fast."""
    return re.compile(pattern.pattern)


# "27.02.2026", "27.02.2026 г."
DATE_NUMERIC = _rx(
    LEFT
    + PREP
    + r"(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:1[6-9]|20)\d\d)(?!\d)"
    + rf"(?:{YEAR_WORD})?"
)
# "2026-02-27"
DATE_ISO = _rx(LEFT + r"(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d\w])")
# "22 - 24 апреля 2026 года", "с 1 по 3 марта", "с 16 апреля по 19 мая 2019 года"
DAY_RANGE = _rx(
    LEFT
    + PREP
    + day("d1")
    + rf"(?:\s+{month('m1')})?(?:\s+{year('y1')}(?:{YEAR_WORD})?)?"
    + DAY_THROUGH
    + day("d2")
    + r"\s+"
    + month("m2")
    + year_part("y2", "ry")
)
# "в январе-ноябре 2024 года", "с января по ноябрь"
MONTH_RANGE = _rx(LEFT + PREP + EDGE + month("m1") + THROUGH + month("m2") + year_part("y", "ry"))
# "в 2024-2025 годах", "с 1994 по 2000 годы"
YEAR_RANGE = _rx(
    LEFT
    + PREP
    + year("y1")
    + r"(?:-?(?:х|е|го))?"
    + THROUGH
    + year("y2")
    + YEAR_SUFFIX
    + rf"(?:{YEAR_WORD})?"
)
# "за 11 месяцев 2024 года", "за первые девять месяцев"
MONTHS_COUNT = _rx(
    LEFT
    + r"(?:за|в)\s+(?:(?P<last>первые|последние)\s+)?(?P<n>"
    + COUNT
    + r")\s+месяц[а-яё]*"
    + year_part("y", "ry")
    + RIGHT
)
# "в первом полугодии 2025 года", "во втором квартале 2025", "в III квартале"
HALF_QUARTER = _rx(
    LEFT
    + PREP
    + r"(?P<ord>"
    + ORDINAL
    + r")\s+(?P<unit>полугоди[а-яё]*|квартал[а-яё]*)"
    + year_part("y", "ry")
    + RIGHT
)
# "27 февраля 2026 года", "в среду, 29 апреля", "26 февраля"
DAY_MONTH = _rx(LEFT + LEAD + day("d") + r"\s+" + month("m") + year_part("y", "ry"))
# "в феврале 2026 года", "в конце марта этого года" (the year is required: see MONTH_ONLY)
MONTH_YEAR = _rx(
    LEFT
    + PREP
    + EDGE
    + month("m")
    + rf"(?:\s+{year('y')}{YEAR_SUFFIX}(?:{YEAR_WORD})?|\s+(?P<ry>{MODIFIER_STEMS})[а-яё]*\s+год[а-яё]*)"
)
# "в феврале", "до конца мая" (a preposition is required: "Мая" alone may be a name)
MONTH_ONLY = _rx(LEFT + PREP_REQUIRED + EDGE + month("m"))
# "весной 2012 года"
SEASON = _rx(
    LEFT
    + PREP
    + EDGE
    + rf"(?P<season>{SEASON_WORDS})"
    + rf"(?:\s+{year('y')}{YEAR_SUFFIX}(?:{YEAR_WORD})?|\s+(?P<ry>{MODIFIER_STEMS})[а-яё]*\s+год[а-яё]*)"
)
# "в 1960-е годы", "в конце 1980-х"
DECADE = _rx(
    LEFT + PREP + EDGE + r"(?P<dec>(?:1[6-9]|20)\d0)-?(?:е|х|ые|ых)(?:\s+год(?:ы|ах|ов))?" + RIGHT
)
# "в 2026 году", "2025 г.", "по итогам 2025 года" (the year word is required)
YEAR_WITH_WORD = _rx(LEFT + PREP + EDGE + year("y") + YEAR_SUFFIX + YEAR_WORD)
# "в 2014." (a bare year after a preposition, before punctuation or "и")
YEAR_BARE = _rx(LEFT + PREP_REQUIRED + EDGE + year("y") + r"(?=\s*(?:[.,;:!?)»\"—–]|\s+и\s|$))")
# "в 2017-м", "к 2020-му", "до конца 2018-го" (a year with a hyphenated ordinal ending, no year word)
YEAR_ORDINAL = _rx(LEFT + PREP + EDGE + year("y") + r"-(?:го|м|му|й)(?![\w])")
# "вчера", "сегодня", "на сегодняшний день"
RELATIVE_DAY = _rx(LEFT + PREP + rf"(?P<w>{DAY_WORDS})(?:\s+(?:дн[яюе]|день))?" + RIGHT)
# "в прошлом году", "на прошлой неделе", "в начале этого года", "прошлого месяца"
RELATIVE_PERIOD = _rx(
    LEFT
    + PREP
    + EDGE
    + rf"(?P<mod>{MODIFIER_STEMS})[а-яё]*\s+(?P<unit>год|месяц|недел|квартал|полугод)[а-яё]*"
    + RIGHT
)
# "два года назад", "неделю назад", "несколько лет тому назад"
AGO = _rx(LEFT + rf"(?:(?P<n>{COUNT})\s+)?(?P<unit>{SPAN_UNIT_WORDS})\s+(?:тому\s+)?назад" + RIGHT)
# "через два года", "через неделю"
LATER = _rx(LEFT + rf"через\s+(?:(?P<n>{COUNT})\s+)?(?P<unit>{SPAN_UNIT_WORDS})" + RIGHT)
# "в четверг", "в прошлую пятницу", "запланирована на среду"
WEEKDAY = _rx(
    LEFT
    + rf"(?P<prep>в|во|на)\s+(?:(?P<mod>{MODIFIER_STEMS})[а-яё]*\s+)?(?P<wd>{WEEKDAY_ACCUSATIVE})"
    + RIGHT
)
# "на следующий день", "в том же году": anchored to another event, value None
ANAPHORIC = _rx(LEFT + alternation(list(_L.anaphoric)) + RIGHT)
# durations ("в течение трёх лет", "10 суток"): DATE entities in NEREL's sense, no TimeExpr
DURATION_PREFIX = (
    r"(?P<prefix>(?:(?:за|в\s+течени[еи]|на\s+протяжении|спустя|на)\s+)?"
    r"(?:(?:последни[еийх]+|около|почти|примерно|более|больше|свыше|не\s+более|немногим\s+более)\s+)?)"
)
DURATION = _rx(
    LEFT
    + DURATION_PREFIX
    + rf"(?P<n>{COUNT})\s+(?P<unit>{DURATION_UNIT_WORDS})"
    + rf"(?:\s+(?:и\s+)?{COUNT}\s+{DURATION_UNIT_WORDS})?"
    + RIGHT
)
# "в настоящее время", "на днях": DATE entities in NEREL's sense, no TimeExpr
VAGUE = _rx(LEFT + alternation(list(_L.vague)) + RIGHT)
# "(1984)": a year alone in brackets, as after a title or a name
YEAR_BRACKETED = _rx(r"(?<=\()" + year("y") + r"(?=\))")

# "до конца года", "к концу месяца": the current year or month, named by its end alone
PERIOD_END = _rx(LEFT + r"(?:до|к)\s+конц[ау]\s+(?P<unit>год|месяц)(?:а|у)?" + RIGHT)
# rule name -> (pattern, kind); on overlap the longest match wins, then the earlier rule
RULES: dict[str, tuple[re.Pattern[str], str]] = {
    "date_numeric": (DATE_NUMERIC, "date"),
    "date_iso": (DATE_ISO, "date"),
    "day_range": (DAY_RANGE, "range"),
    "month_range": (MONTH_RANGE, "range"),
    "year_range": (YEAR_RANGE, "range"),
    "months_count": (MONTHS_COUNT, "period"),
    "half_quarter": (HALF_QUARTER, "period"),
    "day_month": (DAY_MONTH, "date"),
    "month_year": (MONTH_YEAR, "date"),
    "season": (SEASON, "period"),
    "decade": (DECADE, "period"),
    "year_with_word": (YEAR_WITH_WORD, "date"),
    "year_bare": (YEAR_BARE, "date"),
    "year_ordinal": (YEAR_ORDINAL, "date"),
    "month_only": (MONTH_ONLY, "date"),
    "relative_period": (RELATIVE_PERIOD, "date"),
    "relative_day": (RELATIVE_DAY, "date"),
    "period_end": (PERIOD_END, "date"),
    "ago": (AGO, "date"),
    "later": (LATER, "date"),
    "weekday": (WEEKDAY, "date"),
    "anaphoric": (ANAPHORIC, "date"),
    "year_bracketed": (YEAR_BRACKETED, "date"),
    "duration": (DURATION, "duration"),
    "vague": (VAGUE, "duration"),
}

# What every match of a rule holds somewhere (a month name, a year, "назад"): the rule is run
# only on the lines around it. Over lower-case text, like the rules it gates.
_MONTH = MONTH_WORDS
_YEAR = r"(?:1[6-9]|20)\d\d(?!\d)"
GATES: dict[str, str] = {
    "date_numeric": r"\d\.[01]?\d\." + _YEAR,
    "date_iso": r"(?:1[6-9]|20)\d\d-[01]\d-[0-3]\d",
    "day_range": _MONTH,
    "month_range": _MONTH,
    "year_range": _YEAR,
    "months_count": "месяц",
    "half_quarter": "полугоди|квартал",
    "day_month": _MONTH,
    "month_year": _MONTH,
    "season": SEASON_WORDS,
    "decade": r"(?:1[6-9]|20)\d0-?(?:е|х|ые|ых)",
    "year_with_word": _YEAR,
    "year_bare": _YEAR,
    "year_ordinal": _YEAR,
    "month_only": _MONTH,
    "relative_day": DAY_WORDS,
    "period_end": "конц",
    "ago": "назад",
    "later": "через",
    "weekday": WEEKDAY_ACCUSATIVE,
    "anaphoric": alternation(list(_L.anaphoric)),
    "vague": alternation(list(_L.vague)),
    "relative_period": "год|месяц|недел|квартал|полугод",
    "duration": "год|лет|месяц|недел|день|дня|дней|сутк|суток|десятилет",
    "year_bracketed": r"\(",
}
_GATES = {gate: re.compile(gate) for gate in set(GATES.values())}


class GatedRule:
    """A rule over lower-case text run only where its gate occurs (see ``GATES``)."""

    __slots__ = ("pattern", "gate")

    def __init__(self, pattern: re.Pattern[str], gate: str | None) -> None:
        self.pattern = pattern
        self.gate = _GATES[gate] if gate is not None else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return gated_finditer(self.pattern, self.gate, text)


RULES_LOWER: dict[str, GatedRule] = {
    name: GatedRule(lower_case(p), GATES.get(name)) for name, (p, _) in RULES.items()
}
