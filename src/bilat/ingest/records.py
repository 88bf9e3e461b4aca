"""Articles from JSON records: JSONL streams (one article a line) and JSON documents."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import BinaryIO

from bilat.errors import (
    REJECT_MALFORMED_JSON,
    REJECT_NO_TEXT,
    REJECT_OVERSIZED,
    REJECT_UNDECODABLE,
    InputRejected,
)

from .article import RawArticle
from .assemble import make_article
from .encoding import NotText, decode_bytes
from .web import html_to_text, looks_like_html

# field names accepted for each part of an article, in order of preference (any case)
ID_FIELDS = ("id", "_id", "doc_id", "doc", "uid", "guid")
URL_FIELDS = ("url", "link", "href", "canonical_url", "source_url")
TITLE_FIELDS = ("title", "headline", "header")
TEXT_FIELDS = (
    "text",
    "content",
    "body",
    "article",
    "full_text",
    "fulltext",
    "maintext",
    "article_text",
    "content_text",
)
LEAD_FIELDS = ("summary", "lead", "description", "abstract", "annotation", "snippet")
DATE_FIELDS = (
    "date",
    "published",
    "pubdate",
    "pub_date",
    "published_at",
    "publishedat",
    "publish_date",
    "date_published",
    "datepublished",
    "datetime",
    "created_at",
    "timestamp",
    "time",
)
SOURCE_FIELDS = (
    "source",
    "outlet",
    "site",
    "sitename",
    "site_name",
    "publisher",
    "media",
    "source_name",
)
# lists under these keys of a JSON document are lists of articles
ARTICLE_LIST_FIELDS = ("articles", "items", "entries", "data", "documents", "docs")
# a JSONL line is read in pieces of this size while skipping an oversized one
SKIP_CHUNK = 1 << 20


def _field(record: dict, names: tuple[str, ...]) -> object:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: object) -> str:
    if isinstance(value, list):
        value = "\n\n".join(v for v in value if isinstance(v, str))
    if not isinstance(value, str):
        return ""
    return html_to_text(value) if looks_like_html(value) else value


def _squash(text: str) -> str:
    return " ".join(text.split()).rstrip(".… ")


def record_text(record: dict) -> str:
    """The article text of a record; its lead (summary) goes first when the text lacks it."""
    body = _as_text(_field(record, TEXT_FIELDS))
    lead = _as_text(_field(record, LEAD_FIELDS))
    if not body.strip():
        return lead
    if lead.strip() and _squash(lead) not in " ".join(body.split()):
        return f"{lead.strip()}\n\n{body}"
    return body


def record_article(
    record: object, *, origin: str, default_name: str, line: int | None
) -> RawArticle | InputRejected:
    """One article from one JSON object; ``name`` is its id field, else ``default_name``."""
    if not isinstance(record, dict):
        kind = type(record).__name__
        return InputRejected(
            origin, f"expected a JSON object, got {kind}", REJECT_MALFORMED_JSON, line
        )
    text = record_text(record)
    if not text.strip():
        return InputRejected(origin, "record has no text field with text", REJECT_NO_TEXT, line)
    record_id = _field(record, ID_FIELDS)
    name = str(record_id).strip() if isinstance(record_id, str | int) else ""
    return make_article(
        origin=f"{origin}:{line}" if line is not None else origin,
        name=name or default_name,
        text=text,
        title=_field(record, TITLE_FIELDS),
        url=_field(record, URL_FIELDS),
        source=_field(record, SOURCE_FIELDS),
        published=_field(record, DATE_FIELDS),
        line=line,
    )


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(raw).text


def iter_jsonl(
    stream: BinaryIO, *, origin: str, file_name: str, max_bytes: int
) -> Iterator[RawArticle | InputRejected]:
    """Articles of a JSONL stream, read line by line; blank lines are skipped."""
    number = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (rest := stream.readline(SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield InputRejected(
                origin, f"line longer than {max_bytes} bytes", REJECT_OVERSIZED, number
            )
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        try:
            line = _decode_line(raw)
        except NotText as err:
            yield InputRejected(
                origin, f"cannot decode the line: {err}", REJECT_UNDECODABLE, number
            )
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputRejected(origin, f"malformed JSON: {err.msg}", REJECT_MALFORMED_JSON, number)
            continue
        yield record_article(
            record, origin=origin, default_name=f"{file_name}:{number}", line=number
        )


def json_articles(
    data: object, *, origin: str, file_name: str
) -> Iterator[RawArticle | InputRejected]:
    """Articles of a parsed JSON document: one object, a list, or a list under ``articles``."""
    if isinstance(data, dict):
        listed = _field(data, ARTICLE_LIST_FIELDS)
        if isinstance(listed, list) and not record_text(data).strip():
            data = listed
    if isinstance(data, dict):
        yield record_article(data, origin=origin, default_name=file_name, line=None)
        return
    if not isinstance(data, list):
        yield InputRejected(
            origin, "JSON holds neither an object nor a list", REJECT_MALFORMED_JSON
        )
        return
    for number, item in enumerate(data, start=1):
        yield record_article(
            item, origin=f"{origin}#{number}", default_name=f"{file_name}#{number}", line=None
        )
