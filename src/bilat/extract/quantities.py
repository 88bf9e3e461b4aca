"""Stage ``quantities``: numbers with units (``doc.quantities``) and MONEY/PERCENT entities.

Values are in base units: "$107,7 млн" is 107700000 USD, "40,4 тыс. тонн" is 40400 t,
"в 1,5 раза" is 1.5 times, "порядка 60 компаний" is 60 count (approx). Units: ISO currency
codes (USD, EUR, KZT, RUB, CNY, ...), ``t``, ``count``, ``pct``, ``pp`` (percentage
points) and ``times``. Numbers inside dates found by the ``times`` stage are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..doc import Doc, Entity, Quantity
from ..pipeline import stage
from . import quantity_patterns as qp
from .gates import gated_finditer
from .models import parse
from .number_words import number_word_starts, parse_digits, word_value, words_value
from .quantity_lexicon import lexicon
from .time_lexicon import norm

ENTITY_TYPES = {"pct": "PERCENT", "pp": "PERCENT"}
NON_MONEY_UNITS = {"t", "count", "pct", "pp", "times"}
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")
# adjectives allowed between a number and its counted noun ("четыре крупных производителя")
MAX_ADJECTIVES = 2
# spelled-out numbers below this are not taken as counts ("один из", "одна сторона")
MIN_SPELLED_COUNT = 2
COORDINATION_REACH = 24  # characters before a scaled amount searched for a number joined to it


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: float
    unit: str
    scale: float = 1.0  # the scale word's factor ("млрд": 1e9), which a coordinated number shares


def _scale_of(m: re.Match[str]) -> float:
    scale = m.groupdict().get("scale")
    return lexicon().scales.get(norm(scale), 1.0) if scale else 1.0


def _scaled(m: re.Match[str]) -> float | None:
    value = parse_digits(m.group("num"))
    if value is None:
        return None
    scale = m.group("scale")
    if scale:
        value *= lexicon().scales.get(norm(scale), 1.0)
    return round(value, 6)


def _number(m: re.Match[str]) -> tuple[int, float] | None:
    """(start, value) of the digits or of the longest run of number words ending the group."""
    if m.groupdict().get("num"):
        value = parse_digits(m.group("num"))
        return (m.start("num"), value) if value is not None else None
    words = list(re.finditer(r"[а-яё]+", m.group("words"), re.IGNORECASE))
    for i in range(len(words)):
        value = words_value([w.group() for w in words[i:]])
        if value is not None:
            return m.start("words") + words[i].start(), value
    return None


def money_symbol(m: re.Match[str]) -> Found | None:
    value = _scaled(m)
    code = lexicon().currency_symbols[m.group("sym")]
    return Found(m.start(), m.end(), value, code, _scale_of(m)) if value is not None else None


def money_word(m: re.Match[str]) -> Found | None:
    lex = lexicon()
    cur, end = m.group("cur"), m.end("cur")
    code = lex.currency_symbols.get(cur) or lex.currency(cur)
    if code is None and cur.endswith("."):
        code = lex.currency(cur[:-1])
    if cur.endswith("."):
        end -= 1  # "руб.", "долл.": NEREL leaves the abbreviation's dot out
    if code is None:
        return None
    if m.group("adj"):
        code = lex.currency_adjective(m.group("adj"))
        if code is None:
            return None
    if m.group("usa"):
        end = m.end("usa")
    value = _scaled(m)
    return Found(m.start(), end, value, code, _scale_of(m)) if value is not None else None


def _with_unit(unit: str) -> Callable[[re.Match[str]], Found | None]:
    def handler(m: re.Match[str]) -> Found | None:
        number = _number(m)
        if number is None:
            return None
        return Found(number[0], m.end("unit"), number[1], unit)

    return handler


def times_adverb(m: re.Match[str]) -> Found | None:
    return Found(m.start(), m.end(), lexicon().times_adverbs[norm(m.group("adverb"))], "times")


def tonnes(m: re.Match[str]) -> Found | None:
    value = _scaled(m)
    return Found(m.start(), m.end("unit"), value, "t", _scale_of(m)) if value is not None else None


def _counted_noun_end(text: str, pos: int) -> int | None:
    """End of the noun a number counts, starting at ``pos`` (adjectives may come first)."""
    excluded = lexicon().count_excluded
    prev_end = pos
    for i, w in enumerate(_WORD.finditer(text, pos)):
        if i > MAX_ADJECTIVES or text[prev_end : w.start()].strip():
            return None
        prev_end = w.end()
        parses = parse(w.group().lower())
        if not parses:
            return None
        best = parses[0]
        if best.tag.POS == "NOUN":
            if norm(best.normal_form) in excluded or "Geox" in best.tag or "Name" in best.tag:
                return None
            return w.end()
        if best.tag.POS not in ("ADJF", "PRTF"):
            return None
    return None


def count(m: re.Match[str]) -> Found | None:
    value = _scaled(m)
    end = _counted_noun_end(m.string, m.end())
    if value is None or end is None:
        return None
    return Found(m.start(), end, value, "count")


RULES: dict[str, tuple[re.Pattern[str], Callable[[re.Match[str]], Found | None]]] = {
    "money_symbol_first": (qp.MONEY_SYMBOL_FIRST, money_symbol),
    "money_word_after": (qp.MONEY_WORD_AFTER, money_word),
    "percent": (qp.PERCENT, _with_unit("pct")),
    "points": (qp.POINTS, _with_unit("pp")),
    "times": (qp.TIMES, _with_unit("times")),
    "times_adverb": (qp.TIMES_ADVERB, times_adverb),
    "tonnes": (qp.TONNES, tonnes),
    "count": (qp.COUNT, count),
}


def _spelled_counts(text: str) -> list[Found]:
    """Counts written in words: "четыре крупных производителя" (runs of up to three number
    words with only spaces between them, each run followed by the noun it counts)."""
    out = []
    words = list(_WORD.finditer(text))
    openers = number_word_starts()
    values = [word_value(w) if w[:2] in openers else None for w in map(re.Match.group, words)]
    starts = [k for k, v in enumerate(values) if v is not None]
    n, k = len(words), 0
    while k < len(starts):
        i = j = starts[k]
        while j < n and j - i < 3 and values[j] is not None:
            if j > i and text[words[j - 1].end() : words[j].start()].strip():
                break
            j += 1
        value = words_value([w.group() for w in words[i:j]])
        end = _counted_noun_end(text, words[j - 1].end())
        if value is not None and value >= MIN_SPELLED_COUNT and end is not None:
            out.append(Found(words[i].start(), end, value, "count"))
        while k < len(starts) and starts[k] < j:
            k += 1
    return out


def _hedge_start(text: str, start: int) -> int | None:
    """Start of a hedge ("более", "около", "более чем на") right before ``start``."""
    lo = max(0, start - 30)
    m = qp.APPROX_BEFORE.search(text[lo:start])
    return lo + m.start() if m else None


def find_quantities(doc: Doc) -> list[Quantity]:
    taken = [(t.start, t.end) for t in doc.times]
    taken += [(e.start, e.end) for e in doc.entities if e.type == "DATE"]
    found: list[tuple[int, Found]] = []
    for order, (name, (pattern, handler)) in enumerate(RULES.items()):
        for m in gated_finditer(pattern, qp.GATES.get(name), doc.text):
            f = handler(m)
            if f is not None and f.end > f.start:
                found.append((order, f))
    found += [(len(RULES), f) for f in _spelled_counts(doc.text)]
    kept: list[Found] = []
    # money and percentages before counts, then the longest
    for _, f in sorted(found, key=lambda of: (of[0], -(of[1].end - of[1].start), of[1].start)):
        if any(f.start < e and s < f.end for s, e in taken):
            continue
        kept.append(f)
        taken.append((f.start, f.end))
    kept = _coordinated(doc.text, kept, taken)
    out = []
    for f in kept:
        hedge = _hedge_start(doc.text, f.start)
        start = f.start if hedge is None or _overlaps(hedge, f.start, taken) else hedge
        out.append(
            Quantity(start, f.end, doc.text[start : f.end], f.value, f.unit, hedge is not None)
        )
    return out


def _coordinated(text: str, kept: list[Found], taken: list[tuple[int, int]]) -> list[Found]:
    """ "$3,9 и $3,8 млрд", "1,2 и 1,5 млрд долларов": a number joined by "и"/"или" to an
    amount with a scale word shares its scale and unit (sorted by start)."""
    by_span = {(f.start, f.end): f for f in kept}
    for f in sorted(kept, key=lambda f: f.start):
        if f.scale == 1.0 or f.unit in NON_MONEY_UNITS - {"t"}:
            continue
        lo = max(0, f.start - COORDINATION_REACH)
        m = qp.COORDINATED_BEFORE.search(text[lo : f.start])
        if m is None or (m.group("sym") and qp.currency_of(m.group("sym")) != f.unit):
            continue
        value = parse_digits(m.group("num"))
        own = m.group("scale")
        start, end = lo + m.start(), lo + (m.end("scale") if own else m.end("num"))
        if value is None:
            continue
        scale = _scale_of(m) if own else f.scale
        plain = by_span.get((start, end))  # read already, without a unit ("$3,9", "100 млн")
        if plain is not None and (plain.scale == 1.0 or own) and plain.unit in (f.unit, "count"):
            by_span[(start, end)] = Found(start, end, round(value * scale, 6), f.unit, scale)
        elif plain is None and not _overlaps(start, end, taken):
            by_span[(start, end)] = Found(start, end, round(value * scale, 6), f.unit, scale)
            taken.append((start, end))
    return sorted(by_span.values(), key=lambda f: f.start)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


@stage("quantities", requires=("text", "times"), provides=("quantities",))
def quantities(doc: Doc) -> Doc:
    doc.quantities = find_quantities(doc)
    entities = []
    for q in doc.quantities:
        kind = ENTITY_TYPES.get(q.unit) or ("MONEY" if q.unit not in NON_MONEY_UNITS else None)
        if kind:
            entities.append(Entity(kind, q.start, q.end, q.text, f"{q.value:g} {q.unit}"))
    doc.entities = [e for e in doc.entities if e.type not in ("MONEY", "PERCENT")] + entities
    return doc
