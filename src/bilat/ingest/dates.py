"""Publication dates from metadata values and URLs. A date is found or None, never guessed."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

# publication years accepted as real (a URL path like /1234/56/78/ is not a date)
MIN_YEAR = 1990
MAX_YEAR = 2100

# /2017-04-18/ , /2017/04/18/ , /2017_04_18/ and /20170418/ as whole path segments
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)(?P<sep>[-/_]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?=[/_.\-]|$)"
)
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_DOTTED = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_EPOCH = re.compile(r"^\s*\d{9,13}\s*$")


def make_date(year: int, month: int, day: int) -> date | None:
    """A valid date within ``MIN_YEAR``..``MAX_YEAR``, else None."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_from_url(url: str | None) -> date | None:
    """The date written in a URL path (``/2017-04-18/``, ``/2017/04/18/``), else None."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url.strip(), flags=re.IGNORECASE)
    for m in _URL_DATE.finditer(path):
        found = make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if found:
            return found
    return None


def _from_number(value: float) -> date | None:
    seconds = value / 1000 if value > 1e11 else value
    try:
        found = datetime.fromtimestamp(seconds, tz=UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return make_date(found.year, found.month, found.day)


def parse_date(value: object) -> date | None:
    """A publication date from a metadata value: ISO 8601, RFC 822, dd.mm.yyyy, epoch
    seconds or milliseconds, ``date``/``datetime`` or ``time.struct_time``; else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return make_date(value.year, value.month, value.day)
    if isinstance(value, date):
        return make_date(value.year, value.month, value.day)
    if isinstance(value, time.struct_time):
        return make_date(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float):
        return _from_number(float(value))
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if m := _ISO_PREFIX.match(text):
        return make_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DOTTED.match(text):
        return make_date(int(m[3]), int(m[2]), int(m[1]))
    if _EPOCH.match(text):
        return _from_number(float(text))
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return make_date(parsed.year, parsed.month, parsed.day) if parsed else None
