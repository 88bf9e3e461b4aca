"""Calendar arithmetic for the ``times`` stage: anchoring partial and relative dates.

A date without a year takes the year that puts it nearest the publication date; in a
past-tense sentence the nearest one not after it, in a future-tense one the nearest one
not before it. A week ("на прошлой неделе") is the ISO interval Monday/Sunday.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..doc import Doc
from .models import parse

PAST, FUTURE = "past", "future"
_WORD = re.compile(r"[А-Яа-яЁё]+")
# how far around a time expression verbs are looked for when the doc has no sentences
_WINDOW = 150


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _pick(candidates: list[tuple[date, date, object]], published: date, tense: str | None):
    """Among (first day, last day, value) candidates, the one the tense and nearness pick."""
    if tense == PAST:
        past = [c for c in candidates if c[0] <= published]
        if past:
            return max(past, key=lambda c: c[0])[2]
    if tense == FUTURE:
        future = [c for c in candidates if c[1] >= published]
        if future:
            return min(future, key=lambda c: c[0])[2]

    def distance(c):
        if c[0] <= published <= c[1]:
            return 0
        return min(abs((c[0] - published).days), abs((c[1] - published).days))

    return min(candidates, key=distance)[2]


def day_month(month: int, day: int, published: date, tense: str | None) -> date | None:
    """A day and month without a year, given the year nearest ``published``."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        day_date = safe_date(year, month, day)
        if day_date:
            candidates.append((day_date, day_date, day_date))
    if not candidates:
        return None
    return _pick(candidates, published, tense)  # type: ignore[return-value]


def month_year(month: int, published: date, tense: str | None) -> int:
    """The year of a month named without one."""
    candidates = [
        (date(y, month, 1), month_end(y, month), y)
        for y in (published.year - 1, published.year, published.year + 1)
    ]
    return _pick(candidates, published, tense)  # type: ignore[return-value]


def period_year(
    first: tuple[int, int], last: tuple[int, int], published: date, tense: str | None
) -> int:
    """The year of a period (months ``first``..``last`` of one year) named without one."""
    candidates = [
        (date(y, first[0], first[1]), date(y, last[0], last[1]), y)
        for y in (published.year - 1, published.year, published.year + 1)
    ]
    if tense is None:
        tense = PAST  # news report periods that have begun
    return _pick(candidates, published, tense)  # type: ignore[return-value]


def week(published: date, weeks: int) -> str:
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=weeks)
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def weekday(day: int, published: date, weeks: int | None, tense: str | None) -> date:
    """The date of a weekday ("в четверг"): in the week ``weeks`` away when a modifier says
    so, else the nearest one before (past or no tense) or after (future) the publication."""
    if weeks is not None:
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=weeks)
        return monday + timedelta(days=day)
    delta = (day - published.weekday()) % 7
    if tense == FUTURE:
        return published + timedelta(days=delta)
    return published - timedelta(days=(published.weekday() - day) % 7)


def shift(published: date, unit: str, amount: int) -> str | None:
    """The publication date moved by ``amount`` units, at the unit's precision."""
    if unit == "year":
        return f"{published.year + amount:04d}"
    if unit == "decade":
        return f"{published.year + 10 * amount:04d}"
    if unit == "month":
        return iso_month(*add_months(published.year, published.month, amount))
    if unit == "week":
        return (published + timedelta(weeks=amount)).isoformat()
    if unit == "day":
        return (published + timedelta(days=amount)).isoformat()
    if unit == "hour":
        return (published + timedelta(hours=amount)).isoformat()
    return None


def _verb_tense(word: str) -> str | None:
    for p in parse(word)[:1]:
        if p.tag.POS == "VERB":
            if p.tag.tense == "past":
                return PAST
            if p.tag.tense == "futr":
                return FUTURE
    return None


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the verb nearest the span within its sentence; None when there is none."""
    sent = doc.sentence_at(start)
    if sent is not None:
        lo, hi = sent.start, sent.end
    else:
        lo, hi = max(0, start - _WINDOW), min(len(doc.text), end + _WINDOW)
    best: tuple[int, str] | None = None
    for m in _WORD.finditer(doc.text, lo, hi):
        if start <= m.start() < end:
            continue
        tense = _verb_tense(m.group())
        if tense is None:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None
