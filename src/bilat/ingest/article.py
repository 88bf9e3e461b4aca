"""What every reader yields: one raw article, before cleaning and storing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(slots=True)
class RawArticle:
    """One article as read from its input.

    ``origin`` names where it came from, for messages: a path, ``archive.zip!member``,
    or ``file.jsonl:LINE``. ``name`` is the record's ``doc`` id in ``bilat extract``:
    the file name, or the JSONL ``id`` when there is one.
    """

    origin: str
    name: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
