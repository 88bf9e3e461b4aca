"""Word lists of the ``quantities`` stage (src/bilat/data/units.json), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..datafiles import read_json
from .time_lexicon import norm

UNITS_FILE = "units.json"


@dataclass(frozen=True)
class QuantityLexicon:
    scales: dict[str, float]  # "млн" -> 1e6
    currency_words: dict[str, str]  # stem -> ISO code
    currency_exact: dict[str, tuple[str, ...]]  # stem -> the only endings it may take
    currency_adjectives: dict[str, str]  # "гонконгск" -> "HKD"
    currency_symbols: dict[str, str]  # "$" -> "USD"
    tonne_words: tuple[str, ...]
    percent_words: tuple[str, ...]
    point_words: tuple[str, ...]
    times_words: tuple[str, ...]
    times_adverbs: dict[str, float]
    approx_words: tuple[str, ...]
    number_words: dict[str, float]  # lemma -> value
    count_excluded: frozenset[str]  # lemmas

    def currency(self, word: str) -> str | None:
        """ISO code of a currency word ("долларов", "руб.", "тенге"), else None."""
        word = norm(word)
        for stem in sorted(self.currency_words, key=len, reverse=True):
            if word.startswith(stem):
                ending = word[len(stem) :]
                allowed = self.currency_exact.get(stem)
                if allowed is not None and ending not in allowed:
                    continue
                if allowed is None and ending and not ending.isalpha():
                    continue
                return self.currency_words[stem]
        return None

    def currency_adjective(self, word: str) -> str | None:
        word = norm(word)
        for stem, code in self.currency_adjectives.items():
            if word.startswith(stem):
                return code
        return None


def _public(table: dict) -> dict:
    return {k: v for k, v in table.items() if not k.startswith("_")}


@cache
def lexicon() -> QuantityLexicon:
    data = read_json(UNITS_FILE)
    return QuantityLexicon(
        scales={k: float(v) for k, v in data["scales"].items()},
        currency_words=_public(data["currency_words"]),
        currency_exact={k: tuple(v) for k, v in _public(data["currency_exact"]).items()},
        currency_adjectives=_public(data["currency_adjectives"]),
        currency_symbols=data["currency_symbols"],
        tonne_words=tuple(data["tonne_words"]),
        percent_words=tuple(data["percent_words"]),
        point_words=tuple(data["point_words"]),
        times_words=tuple(data["times_words"]),
        times_adverbs={k: float(v) for k, v in data["times_adverbs"].items()},
        approx_words=tuple(dict.fromkeys(data["approx_words"])),
        number_words={k: float(v) for k, v in _public(data["number_words"]).items()},
        count_excluded=frozenset(data["count_excluded_lemmas"]["words"]),
    )
