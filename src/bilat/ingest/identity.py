"""Stable article ids: a content hash of the cleaned text and the URL."""

from __future__ import annotations

import hashlib
import re
import unicodedata

ARTICLE_ID_LENGTH = 16
_SPACES = re.compile(r"\s+")


def normalise_for_id(text: str) -> str:
    """NFC, whitespace runs as one space, stripped: layout changes keep the id."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str, url: str | None) -> str:
    """First ``ARTICLE_ID_LENGTH`` hex digits of sha256(normalised text, NUL, url).

    The same input read twice gets the same id; one text printed under two URLs gets two.
    """
    key = normalise_for_id(text) + "\x00" + (url or "").strip()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:ARTICLE_ID_LENGTH]
