"""Word lists of the ``times`` stage (src/bilat/data/months.json, relative_dates.json), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..datafiles import read_json
from .folding import fold as norm


def alternation(words: list[str] | set[str]) -> str:
    """A regex alternation of ``words``, longest first, ``е`` also matching ``ё``."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        parts.append(re.escape(word).replace("е", "[её]"))
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class TimeLexicon:
    months: dict[str, int]  # word form -> 1..12
    weekdays: dict[str, int]  # word form -> 0 (Monday) .. 6
    seasons: dict[str, tuple[int, int] | None]  # word form -> (first month, last month)
    ordinals: dict[str, int]  # ordinal stem or numeral -> 1..4
    day_words: dict[str, int]  # "вчера" -> -1
    period_modifiers: dict[str, int]  # "прошл" -> -1
    period_units: dict[str, str]  # "недел" -> "week"
    span_units: dict[str, str]  # "лет" -> "year"
    vague_counts: frozenset[str]
    anaphoric: tuple[str, ...]
    eve_words: dict[str, int]  # "накануне" used as an adverb -> -1 (days from publication)
    vague: tuple[str, ...]  # "на днях": no anchor, no value, entity only
    age_cues: frozenset[str]  # words before "N лет" that make it an age

    def month(self, word: str) -> int:
        return self.months[norm(word)]

    def ordinal(self, word: str) -> int | None:
        word = norm(word).rstrip(".")
        word = re.sub(r"-?(?:й|м|го|е|ом|ое|ая|ый)$", "", word) if word[:1].isdigit() else word
        if word in self.ordinals:
            return self.ordinals[word]
        for stem, value in self.ordinals.items():
            if stem.isalpha() and not stem.isascii() and word.startswith(stem):
                return value
        return None

    @staticmethod
    def _by_stem(table: dict, word: str):
        word = norm(word)
        for stem in sorted(table, key=len, reverse=True):
            if word.startswith(stem):
                return table[stem]
        return None

    def modifier(self, word: str) -> int | None:
        return self._by_stem(self.period_modifiers, word)

    def period_unit(self, word: str) -> str | None:
        return self._by_stem(self.period_units, word)

    def span_unit(self, word: str) -> str | None:
        return self._by_stem(self.span_units, word)


def _public(table: dict) -> dict:
    return {k: v for k, v in table.items() if not k.startswith("_")}


@cache
def lexicon() -> TimeLexicon:
    cal = read_json("months.json")
    rel = read_json("relative_dates.json")
    months = {form: int(n) for n, forms in cal["months"].items() for form in forms}
    weekdays = {form: int(n) for n, forms in cal["weekdays"].items() for form in forms}
    seasons: dict[str, tuple[int, int] | None] = {}
    for entry in _public(cal["seasons"]).values():
        span = tuple(entry["months"]) if entry["months"] else None
        for form in entry["forms"]:
            seasons[form] = span  # type: ignore[assignment]
    return TimeLexicon(
        months=months,
        weekdays=weekdays,
        seasons=seasons,
        ordinals=_public(cal["ordinals"]),
        day_words=_public(rel["day_words"]),
        period_modifiers=_public(rel["period_modifiers"]),
        period_units=_public(rel["period_units"]),
        span_units=_public(rel["span_units"]),
        vague_counts=frozenset(rel["vague_counts"]),
        anaphoric=tuple(rel["anaphoric"]),
        eve_words=_public(rel.get("eve_words", {})),
        vague=tuple(rel["vague"]),
        age_cues=frozenset(rel["age_cues"]),
    )
