"""Numbers as written in Russian news: "107,7", "1 200 000", "27.5", "двух", "двадцать пять"."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .folding import WORD_CACHE_SIZE
from .folding import fold as norm
from .models import parse
from .quantity_lexicon import lexicon

# a written number: digit groups split by (non-breaking) spaces, then a decimal part
DIGITS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_GROUP_SPACES = re.compile(r"[ \u00a0\u202f]")
_DOTTED_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3}){2,}$")


def parse_digits(text: str) -> float | None:
    """``"107,7"`` -> 107.7, ``"1 200"`` -> 1200.0, ``"1.200.000"`` -> 1200000.0."""
    text = _GROUP_SPACES.sub("", text.strip())
    if _DOTTED_THOUSANDS.match(text):
        text = text.replace(".", "")
    text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


@cache
def _stems() -> frozenset[str]:
    """First two letters of every number word: a cheap filter before morphology."""
    return frozenset(word[:2] for word in lexicon().number_words)


@cache
def number_word_starts() -> frozenset[str]:
    """The first two letters of every number word as they may be written (any case, ё or е):
    a word starting otherwise has no value, whatever its case."""
    out = set()
    for stem in _stems():
        firsts = {stem[0], stem[0].upper()} | ({"ё", "Ё"} if stem[0] == "е" else set())
        seconds = {stem[1], stem[1].upper()} | ({"ё", "Ё"} if stem[1] == "е" else set())
        out |= {a + b for a in firsts for b in seconds}
    return frozenset(out)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_value(word: str) -> float | None:
    """Value of one spelled-out number word in any case ("двух" -> 2), else None."""
    table = lexicon().number_words
    low = norm(word)
    if low in table:
        return table[low]
    if len(low) < 3 or low[:2] not in _stems():
        return None
    for p in parse(low):
        if p.tag.POS in ("NUMR", "ADJF", None) or "Coll" in p.tag:
            lemma = norm(p.normal_form)
            if lemma in table and (p.tag.POS == "NUMR" or lemma in ("один", "одна")):
                return table[lemma]
    return None


def words_value(words: list[str]) -> float | None:
    """Value of a spelled-out number of several words ("двадцать пять" -> 25), else None.

    Words must add up from larger to smaller parts (hundreds, tens, units)."""
    total = 0.0
    last = None
    for word in words:
        value = word_value(word)
        if (
            value is None
            or (last is not None and value >= last)
            or (last is not None and last < 20)
        ):
            return None
        total += value
        last = value
    return total if words else None


def number_value(text: str) -> float | None:
    """Digits or one or more number words."""
    text = text.strip()
    if text[:1].isdigit():
        return parse_digits(text)
    return words_value(text.split())
