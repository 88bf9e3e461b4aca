"""Turning what a reader found into a RawArticle: clean the text, fill in date and outlet."""

from __future__ import annotations

import re
from datetime import date

from bilat.errors import REJECT_NO_TEXT, InputRejected

from .article import RawArticle
from .cleaning import clean_text
from .dates import date_from_url, parse_date
from .sources import detect_source

_URL_SCHEME = re.compile(r"https?://", re.IGNORECASE)


def _clean_meta(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("href")
    if isinstance(value, list | tuple):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None
    text = " ".join(str(value).split())
    return text or None


def clean_url(value: object) -> str | None:
    """The URL, repaired when a scraper glued a base URL in front of an absolute one
    (``https://a.comhttps://a.com/x`` -> ``https://a.com/x``)."""
    url = _clean_meta(value)
    if url is None:
        return None
    # glued: a scheme right after a host or path character; "?p=http://..." (AMP) is a parameter
    glued = [m.start() for m in _URL_SCHEME.finditer(url) if m.start() and url[m.start() - 1].isalnum()]
    return url[glued[-1] :] if glued else url


def make_article(
    *,
    origin: str,
    name: str,
    text: str,
    title: object = None,
    url: object = None,
    source: object = None,
    published: object = None,
    line: int | None = None,
) -> RawArticle | InputRejected:
    """A RawArticle with cleaned text, or the rejection of an input without text.

    ``published`` comes from metadata, else from the URL; ``source`` from metadata, else
    :func:`bilat.ingest.sources.detect_source` (text cue or URL host). Nothing is invented.
    """
    if not text or not text.strip():
        return InputRejected(origin, "no article text", REJECT_NO_TEXT, line)
    cleaned = clean_text(text)
    if not cleaned:
        return InputRejected(origin, "nothing but boilerplate in the text", REJECT_NO_TEXT, line)
    url_text = clean_url(url)
    day: date | None = parse_date(published) or date_from_url(url_text)
    outlet = _clean_meta(source) or detect_source(cleaned, url_text)
    return RawArticle(
        origin=origin,
        name=name,
        text=cleaned,
        title=_clean_meta(title),
        url=url_text,
        source=outlet,
        published=day,
    )
