"""Reading articles from files, folders and .zip archives.

:func:`iter_inputs` walks its paths in a deterministic order and yields one
:class:`RawArticle` per article, or an :class:`InputRejected` per input that cannot be
read; a bad input never stops the others. Formats, by file name ending:

* ``.txt`` and unknown endings: plain text, optionally opening with ``date YYYY-MM-DD``
  (HTML or a feed is recognised by its first tag);
* ``.jsonl``, ``.jsonlines``, ``.ndjson``: one JSON article a line, streamed;
* ``.json``: one article, a list of them, or JSON lines;
* ``.html``, ``.htm``: one page (main text and metadata by trafilatura);
* ``.rss``, ``.atom``, ``.xml``: a feed, one article per entry;
* ``.zip``: every member by the same rules, folders inside included, streamed.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from bilat.errors import (
    REJECT_BAD_ARCHIVE,
    REJECT_BINARY,
    REJECT_EMPTY,
    REJECT_MALFORMED_JSON,
    REJECT_OVERSIZED,
    REJECT_UNDECODABLE,
    REJECT_UNREADABLE,
    InputRejected,
)

from .article import RawArticle
from .assemble import make_article
from .encoding import NotText, decode_bytes
from .identity import article_id
from .records import iter_jsonl, json_articles
from .web import feed_articles, html_article, sniff_markup

__all__ = ["DEFAULT_MAX_BYTES", "Item", "article_id", "iter_inputs"]

# inputs larger than this (a file, an archive member, a JSONL line) are rejected
DEFAULT_MAX_BYTES = 20_000_000

JSONL_SUFFIXES = frozenset({".jsonl", ".jsonlines", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
ZIP_SUFFIXES = frozenset({".zip"})
# archive members never read: folders made by macOS archivers
SKIPPED_MEMBER_DIRS = frozenset({"__MACOSX"})

# "date 2025-08-08 " opening a plain text file, the text going on on the same line
DATE_HEADER = re.compile(r"\A\ufeff?\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)

Item = RawArticle | InputRejected


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _suffix(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item]:
    """Articles and rejections of every input under ``paths``, in a deterministic order.

    Folders are walked recursively in sorted order, hidden files and folders skipped; a
    path named explicitly is read even when hidden.
    """
    for path in paths:
        yield from _iter_path(Path(path), max_bytes)


def _iter_path(path: Path, max_bytes: int) -> Iterator[Item]:
    if path.is_dir():
        yield from _walk(path, max_bytes)
    else:
        yield from _read_file(path, max_bytes)


def _walk(folder: Path, max_bytes: int) -> Iterator[Item]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield InputRejected(
            str(folder), f"cannot list the folder: {err.strerror}", REJECT_UNREADABLE
        )
        return
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, max_bytes)
        else:
            yield from _read_file(path, max_bytes)


def _read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    origin = str(path)
    suffix = _suffix(path.name)
    try:
        if suffix in ZIP_SUFFIXES:
            yield from _read_zip_file(path, max_bytes)
            return
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                yield from iter_jsonl(
                    stream, origin=origin, file_name=path.name, max_bytes=max_bytes
                )
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield _oversized(origin, size, max_bytes)
            return
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as err:
        yield InputRejected(
            origin, f"cannot read the file: {err.strerror or err}", REJECT_UNREADABLE
        )
        return
    yield from _read_bytes(data, name=path.name, origin=origin, max_bytes=max_bytes)


def _oversized(origin: str, size: int, max_bytes: int) -> InputRejected:
    return InputRejected(
        origin, f"{size} bytes, more than the limit of {max_bytes}", REJECT_OVERSIZED
    )


def _read_zip_file(path: Path, max_bytes: int) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as err:
        yield InputRejected(str(path), f"not a readable zip archive: {err}", REJECT_BAD_ARCHIVE)
        return
    with archive:
        yield from _read_archive(archive, str(path), max_bytes)


def _member_skipped(member: str) -> bool:
    parts = PurePosixPath(member).parts
    return any(_is_hidden(p) or p in SKIPPED_MEMBER_DIRS for p in parts)


def _read_archive(archive: zipfile.ZipFile, origin: str, max_bytes: int) -> Iterator[Item]:
    members = sorted(
        (
            info
            for info in archive.infolist()
            if not info.is_dir() and not _member_skipped(info.filename)
        ),
        key=lambda info: info.filename,
    )
    for info in members:
        member_origin = f"{origin}!{info.filename}"
        try:
            yield from _read_member(archive, info, member_origin, max_bytes)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as err:
            yield InputRejected(member_origin, f"corrupt archive member: {err}", REJECT_BAD_ARCHIVE)
        except (RuntimeError, OSError) as err:
            yield InputRejected(
                member_origin, f"cannot read the archive member: {err}", REJECT_UNREADABLE
            )


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, origin: str, max_bytes: int
) -> Iterator[Item]:
    name = PurePosixPath(info.filename).name
    suffix = _suffix(name)
    if suffix in JSONL_SUFFIXES:
        with archive.open(info) as stream:
            yield from iter_jsonl(stream, origin=origin, file_name=name, max_bytes=max_bytes)
        return
    if info.file_size > max_bytes:
        yield _oversized(origin, info.file_size, max_bytes)
        return
    with archive.open(info) as stream:
        data = stream.read(max_bytes + 1)
    if suffix in ZIP_SUFFIXES:
        try:
            inner = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, EOFError) as err:
            yield InputRejected(origin, f"not a readable zip archive: {err}", REJECT_BAD_ARCHIVE)
            return
        with inner:
            yield from _read_archive(inner, origin, max_bytes)
        return
    yield from _read_bytes(data, name=name, origin=origin, max_bytes=max_bytes)


def _read_bytes(data: bytes, *, name: str, origin: str, max_bytes: int) -> Iterator[Item]:
    """Articles of one whole input held in memory (at most ``max_bytes`` long)."""
    if len(data) > max_bytes:
        yield _oversized(origin, len(data), max_bytes)
        return
    if not data.strip():
        yield InputRejected(origin, "the input is empty", REJECT_EMPTY)
        return
    try:
        text = decode_bytes(data).text
    except NotText as err:
        code = REJECT_BINARY if err.binary else REJECT_UNDECODABLE
        yield InputRejected(origin, str(err), code)
        return
    if not text.strip():
        yield InputRejected(origin, "the input is empty", REJECT_EMPTY)
        return
    suffix = _suffix(name)
    kind = sniff_markup(text)
    if suffix in JSON_SUFFIXES:
        yield from _read_json(data, text, name=name, origin=origin, max_bytes=max_bytes)
    elif suffix in HTML_SUFFIXES or (kind == "html" and suffix not in FEED_SUFFIXES):
        yield html_article(text, name=name, origin=origin)
    elif suffix in FEED_SUFFIXES or kind == "feed":
        yield from feed_articles(text, name=name, origin=origin)
    else:
        yield plain_text_article(text, name=name, origin=origin)


def _read_json(data: bytes, text: str, *, name: str, origin: str, max_bytes: int) -> Iterator[Item]:
    """A JSON document, or JSON lines under a ``.json`` name."""
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as err:
        if len([line for line in text.splitlines() if line.strip()]) > 1:
            yield from iter_jsonl(
                io.BytesIO(data), origin=origin, file_name=name, max_bytes=max_bytes
            )
        else:
            yield InputRejected(
                origin, f"malformed JSON: {err.msg}", REJECT_MALFORMED_JSON, err.lineno
            )
        return
    yield from json_articles(parsed, origin=origin, file_name=name)


def split_date_header(text: str) -> tuple[str | None, str]:
    """``(YYYY-MM-DD or None, rest)`` of a text opening with ``date YYYY-MM-DD``."""
    m = DATE_HEADER.match(text)
    if not m:
        return None, text
    return m[1], text[m.end() :]


def plain_text_article(text: str, *, name: str, origin: str) -> Item:
    """One article from plain text; an opening ``date YYYY-MM-DD`` gives its date."""
    header_date, body = split_date_header(text)
    return make_article(origin=origin, name=name, text=body, published=header_date)
