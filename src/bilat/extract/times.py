"""Stage ``times``: dates, ranges and periods (``doc.times``) and DATE entities.

Rules are the regexes of :mod:`time_patterns`; this module turns a match into a value:
``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-H1``, ``YYYY-Q2`` or an ISO interval
``A/B``. Dates without a year and relative expressions ("вчера", "в прошлом году") are
anchored on ``doc.published`` (see :mod:`time_resolve`); with no publication date their
value is None. Durations ("в течение трёх лет") become DATE entities only, as in NEREL.
A week ("на прошлой неделе") is the interval from its Monday to its Sunday.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..doc import Doc, Entity, TimeExpr
from ..pipeline import stage
from . import time_resolve as tr
from .number_words import number_value
from .time_eve import governs_a_noun
from .time_lexicon import lexicon, norm
from .time_patterns import RULES, RULES_LOWER

SCHEDULED_PREPOSITION = "на"  # "назначена на среду": a weekday something is set for
_NIGHT_BEFORE = re.compile(r"ночь\s*$", re.IGNORECASE)  # "в ночь на среду": no schedule


@dataclass(frozen=True)
class Found:
    """What a rule made of a match; ``start`` moves the span's start when set."""

    value: str | None
    relative: bool = False
    start: int | None = None


class Context:
    """The document a match lies in, with the tense of its sentence looked up lazily."""

    def __init__(self, doc: Doc, match: re.Match[str]) -> None:
        self.doc = doc
        self.published: date | None = doc.published
        self.match = match
        self._tense: str | None | bool = False

    @property
    def tense(self) -> str | None:
        if self._tense is False:
            self._tense = tr.tense_at(self.doc, self.match.start(), self.match.end())
        return self._tense  # type: ignore[return-value]


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _year(
    m: re.Match[str], ctx: Context, y: str = "y", ry: str = "ry"
) -> tuple[int | None, bool, bool]:
    """(year, relative, stated): the year written out, or one relative to publication."""
    if _group(m, y):
        return int(m.group(y)), False, True
    if _group(m, ry):
        offset = lexicon().modifier(m.group(ry))
        if ctx.published is None or offset is None:
            return None, True, True
        return ctx.published.year + offset, True, True
    return None, True, False


def _count(text: str | None) -> float | None:
    if text is None:
        return None
    low = norm(text)
    if low in lexicon().vague_counts:
        return None
    return number_value(low)


def _ymd(year: int, month: int, day: int) -> str | None:
    d = tr.safe_date(year, month, day)
    return d.isoformat() if d else None


def date_numeric(m: re.Match[str], ctx: Context) -> Found | None:
    value = _ymd(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return Found(value) if value else None


def day_range(m: re.Match[str], ctx: Context) -> Found | None:
    lex = lexicon()
    m2, d2 = lex.month(m.group("m2")), int(m.group("d2"))
    m1 = lex.month(m.group("m1")) if _group(m, "m1") else m2
    d1 = int(m.group("d1"))
    year, relative, stated = _year(m, ctx, "y2")
    if _group(m, "y1"):
        y1 = int(m.group("y1"))
        year = year if stated else y1
        stated = True
    if not stated and ctx.published is not None:
        end = tr.day_month(m2, d2, ctx.published, ctx.tense)
        year = end.year if end else None
    if year is None:
        return Found(None, relative)
    y1 = int(m.group("y1")) if _group(m, "y1") else (year - 1 if m1 > m2 else year)
    first, last = _ymd(y1, m1, d1), _ymd(year, m2, d2)
    if not first or not last or first > last:
        return None
    return Found(f"{first}/{last}", relative)


def month_range(m: re.Match[str], ctx: Context) -> Found | None:
    lex = lexicon()
    m1, m2 = lex.month(m.group("m1")), lex.month(m.group("m2"))
    year, relative, stated = _year(m, ctx)
    if not stated and ctx.published is not None:
        year = tr.period_year((m1, 1), (m2, 1), ctx.published, ctx.tense) if m1 <= m2 else None
    if year is None:
        return Found(None, relative)
    y1 = year - 1 if m1 > m2 else year
    return Found(f"{tr.iso_month(y1, m1)}/{tr.iso_month(year, m2)}", relative)


def year_range(m: re.Match[str], ctx: Context) -> Found | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    return Found(f"{y1:04d}/{y2:04d}") if y1 < y2 else None


def months_count(m: re.Match[str], ctx: Context) -> Found | None:
    n = _count(m.group("n"))
    if n is None or not n.is_integer() or not 1 <= n <= 12:
        return None
    n = int(n)
    if (_group(m, "last") or "").lower() == "последние":
        return Found(None, True)
    year, relative, stated = _year(m, ctx)
    if not stated and ctx.published is not None:
        year = tr.period_year((1, 1), (n, 1), ctx.published, tr.PAST)
    if year is None:
        return Found(None, relative)
    return Found(f"{year:04d}" if n == 12 else f"{year:04d}-01/{tr.iso_month(year, n)}", relative)


def half_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    number = lexicon().ordinal(m.group("ord"))
    half = norm(m.group("unit")).startswith("полугод")
    if number is None or (half and number > 2):
        return None
    months = 6 if half else 3
    first, last = (number - 1) * months + 1, number * months
    year, relative, stated = _year(m, ctx)
    if not stated and ctx.published is not None:
        year = tr.period_year((first, 1), (last, 1), ctx.published, ctx.tense)
    if year is None:
        return Found(None, relative)
    return Found(f"{year:04d}-{'H' if half else 'Q'}{number}", relative)


def day_month(m: re.Match[str], ctx: Context) -> Found | None:
    month, day = lexicon().month(m.group("m")), int(m.group("d"))
    year, relative, stated = _year(m, ctx)
    if stated:
        if year is None:
            return Found(None, relative)
        value = _ymd(year, month, day)
        return Found(value, relative) if value else None
    if tr.safe_date(2024, month, day) is None:
        return None
    if ctx.published is None:
        return Found(None, True)
    found = tr.day_month(month, day, ctx.published, ctx.tense)
    return Found(found.isoformat() if found else None, True)


def month_year(m: re.Match[str], ctx: Context) -> Found | None:
    month = lexicon().month(m.group("m"))
    year, relative, stated = _year(m, ctx)
    if not stated and ctx.published is not None:
        year = tr.month_year(month, ctx.published, ctx.tense)
    if year is None:
        return Found(None, True)
    return Found(tr.iso_month(year, month), relative)


def season(m: re.Match[str], ctx: Context) -> Found | None:
    months = lexicon().seasons[norm(m.group("season"))]
    year, relative, _ = _year(m, ctx)
    if year is None:
        return Found(None, relative)
    if months is None:
        return Found(f"{year:04d}", relative)
    return Found(f"{tr.iso_month(year, months[0])}/{tr.iso_month(year, months[1])}", relative)


def decade(m: re.Match[str], ctx: Context) -> Found | None:
    first = int(m.group("dec"))
    return Found(f"{first:04d}/{first + 9:04d}")


def year_only(m: re.Match[str], ctx: Context) -> Found | None:
    return Found(m.group("y"))


def relative_day(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.published is None:
        return Found(None, True)
    return Found(tr.shift(ctx.published, "day", lexicon().day_words[norm(m.group("w"))]), True)


def relative_period(m: re.Match[str], ctx: Context) -> Found | None:
    lex = lexicon()
    offset, unit = lex.modifier(m.group("mod")), lex.period_unit(m.group("unit"))
    if offset is None or unit is None:
        return None
    pub = ctx.published
    if pub is None:
        return Found(None, True)
    if unit == "week":
        return Found(tr.week(pub, offset), True)
    if unit == "quarter":
        year, quarter = divmod((pub.month - 1) // 3 + offset, 4)
        return Found(f"{pub.year + year:04d}-Q{quarter + 1}", True)
    if unit == "half":
        year, half = divmod((pub.month - 1) // 6 + offset, 2)
        return Found(f"{pub.year + year:04d}-H{half + 1}", True)
    return Found(tr.shift(pub, unit, offset), True)


def period_end(m: re.Match[str], ctx: Context) -> Found | None:
    """ "до конца года", "к концу месяца": the publication's own year or month."""
    unit = lexicon().period_unit(m.group("unit"))
    if unit is None:
        return None
    if ctx.published is None:
        return Found(None, True)
    return Found(tr.shift(ctx.published, unit, 0), True)


def _moved(m: re.Match[str], ctx: Context, sign: int) -> Found | None:
    unit = lexicon().span_unit(m.group("unit"))
    n_text = _group(m, "n")
    start = None
    amount: float | None = 1.0
    if n_text is not None:
        amount = _count(n_text)
        if amount is None and norm(n_text) not in lexicon().vague_counts:
            start = m.start("unit")  # the word before is no count: leave it out
            amount = 1.0
    if ctx.published is None or amount is None or unit is None or not amount.is_integer():
        return Found(None, True, start)
    return Found(tr.shift(ctx.published, unit, sign * int(amount)), True, start)


def ago(m: re.Match[str], ctx: Context) -> Found | None:
    return _moved(m, ctx, -1)


def later(m: re.Match[str], ctx: Context) -> Found | None:
    return _moved(m, ctx, 1)


def weekday(m: re.Match[str], ctx: Context) -> Found | None:
    lex = lexicon()
    day = lex.weekdays[norm(m.group("wd"))]
    weeks = lex.modifier(m.group("mod")) if _group(m, "mod") else None
    if ctx.published is None:
        return Found(None, True)
    tense = ctx.tense
    if norm(m.group("prep")) == SCHEDULED_PREPOSITION and not _NIGHT_BEFORE.search(
        m.string, max(0, m.start() - 8), m.start()
    ):
        tense = tr.FUTURE
    return Found(tr.weekday(day, ctx.published, weeks, tense).isoformat(), True)


def anaphoric(m: re.Match[str], ctx: Context) -> Found | None:
    """No anchor but the event named before, except "Накануне" used as an adverb: the day
    before publication ("Накануне министры провели переговоры", not "накануне визита")."""
    days = lexicon().eve_words.get(norm(m.group(0).strip()))
    if days is None or ctx.published is None or governs_a_noun(ctx.doc, m.string, m.end()):
        return Found(None, True)
    return Found(tr.shift(ctx.published, "day", days), True)


_WORDS_BEFORE = re.compile(r"([А-Яа-яЁё]+)[\s,]*$")


def duration(m: re.Match[str], ctx: Context) -> Found | None:
    """A stretch of time; "N лет" with no preposition after an age cue is an age, not a date."""
    lex = lexicon()
    n = m.group("n")
    if not (n[:1].isdigit() or norm(n) in lex.vague_counts or _count(n) is not None):
        return None
    if lex.span_unit(m.group("unit")) == "year" and not m.group("prefix"):
        before = _WORDS_BEFORE.search(m.string, max(0, m.start() - 40), m.start())
        if n[:1].isdigit() or (before and norm(before.group(1)) in lex.age_cues):
            return None
    return Found(None)


HANDLERS: dict[str, Callable[[re.Match[str], Context], Found | None]] = {
    "date_numeric": date_numeric,
    "date_iso": date_numeric,
    "day_range": day_range,
    "month_range": month_range,
    "year_range": year_range,
    "months_count": months_count,
    "half_quarter": half_quarter,
    "day_month": day_month,
    "month_year": month_year,
    "season": season,
    "decade": decade,
    "year_with_word": year_only,
    "year_bare": year_only,
    "year_ordinal": year_only,
    "month_only": month_year,
    "relative_period": relative_period,
    "relative_day": relative_day,
    "period_end": period_end,
    "ago": ago,
    "later": later,
    "weekday": weekday,
    "anaphoric": anaphoric,
    "year_bracketed": year_only,
    "duration": duration,
    "vague": anaphoric,
}


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    order: int
    kind: str
    found: Found


def _candidates(doc: Doc) -> list[Candidate]:
    out = []
    low = doc.text.lower()
    same_offsets = len(low) == len(doc.text)  # lower() may lengthen a few letters ("İ")
    for order, (name, (pattern, kind)) in enumerate(RULES.items()):
        matches = RULES_LOWER[name].finditer(low) if same_offsets else pattern.finditer(doc.text)
        for m in matches:
            found = HANDLERS[name](m, Context(doc, m))
            if found is None:
                continue
            start = found.start if found.start is not None else m.start()
            end = m.end()
            while end > start and doc.text[end - 1].isspace():
                end -= 1
            if end > start:
                out.append(Candidate(start, end, order, kind, found))
    return out


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then rule order; drop any that overlaps one already kept."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)


def find_times(doc: Doc) -> tuple[list[TimeExpr], list[Entity]]:
    times, entities = [], []
    for c in _select(_candidates(doc)):
        text = doc.text[c.start : c.end]
        entities.append(Entity("DATE", c.start, c.end, text, c.found.value or ""))
        if c.kind != "duration":
            times.append(TimeExpr(c.start, c.end, text, c.found.value, c.kind, c.found.relative))
    return times, entities


@stage("times", requires=("text", "published", "sentences"), provides=("times",))
def times(doc: Doc) -> Doc:
    doc.times, entities = find_times(doc)
    doc.entities = [e for e in doc.entities if e.type != "DATE"] + entities
    return doc
