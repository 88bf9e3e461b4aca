"""Parameters shared by the API and the pages: country pairs, dates, pagination."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import Query

from .problems import Problem

_CODE = re.compile(r"^[A-Za-z]{2}$")
MAX_LIMIT = 500
DEFAULT_LIMIT = 50

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many items first.")]
PairParam = Annotated[
    str | None,
    Query(description="Country pair as two ISO 3166 alpha-2 codes, e.g. KZ-RS.",
          max_length=5, examples=["KZ-RS"]),  # fmt: skip
]
Since = Annotated[date | None, Query(description="On or after this day (YYYY-MM-DD).")]
Until = Annotated[date | None, Query(description="On or before this day (YYYY-MM-DD).")]


def parse_pair(value: str | None) -> tuple[str, str] | None:
    """``KZ-RS`` (any order, any case) as ``("KZ", "RS")``; a problem (400) when malformed."""
    if value is None or value == "":
        return None
    a, sep, b = value.partition("-")
    if not sep or not _CODE.match(a) or not _CODE.match(b) or a.upper() == b.upper():
        raise Problem(400, "a pair is two different two-letter country codes, e.g. KZ-RS")
    return tuple(sorted((a.upper(), b.upper())))  # type: ignore[return-value]


def page(items: list, limit: int, offset: int) -> dict:
    return {"total": len(items), "limit": limit, "offset": offset,
            "items": items[offset : offset + limit]}  # fmt: skip

