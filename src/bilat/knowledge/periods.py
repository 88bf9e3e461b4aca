"""Periods and dates as the records write them: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1, YYYY-Q3, A/B."""

from __future__ import annotations

import re
from datetime import date

_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def previous_period(period: str) -> str | None:
    """The period a year-on-year change compares with: the same span one year earlier."""
    if "/" in period:
        parts = [previous_period(p) for p in period.split("/")]
        return None if None in parts else "/".join(parts)  # type: ignore[arg-type]
    m = re.match(r"^(\d{4})(.*)$", period)
    if not m:
        return None
    return f"{int(m.group(1)) - 1}{m.group(2)}"


def period_end(period: str | None) -> date | None:
    """The last day a period or date covers (for 'is this due date past?')."""
    if not period:
        return None
    if "/" in period:
        return period_end(period.split("/")[-1])
    if m := _DAY.match(period):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _MONTH.match(period):
        year, month = int(m[1]), int(m[2])
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    if m := _QUARTER.match(period):
        return period_end(f"{m[1]}-{int(m[2]) * 3:02d}")
    if m := _HALF.match(period):
        return period_end(f"{m[1]}-{int(m[2]) * 6:02d}")
    if m := _YEAR.match(period):
        return date(int(m[1]), 12, 31)
    return None


def period_start(period: str | None) -> date | None:
    if not period:
        return None
    if "/" in period:
        return period_start(period.split("/")[0])
    if m := _DAY.match(period):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _MONTH.match(period):
        return date(int(m[1]), int(m[2]), 1)
    if m := _QUARTER.match(period):
        return date(int(m[1]), (int(m[2]) - 1) * 3 + 1, 1)
    if m := _HALF.match(period):
        return date(int(m[1]), (int(m[2]) - 1) * 6 + 1, 1)
    if m := _YEAR.match(period):
        return date(int(m[1]), 1, 1)
    return None


def dates_agree(a: str | None, b: str | None) -> bool:
    """Two dates agree when one is a prefix of the other (same day, month or year)."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def more_precise(a: str | None, b: str | None) -> str | None:
    if not a:
        return b
    if not b:
        return a
    return a if len(a) >= len(b) else b
