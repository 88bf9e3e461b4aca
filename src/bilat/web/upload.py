"""Ingest from the browser: uploaded files and pasted text go through the ``ingest`` readers.

Files are written to a private temporary folder and read by ``iter_inputs``, so formats, size
limits and rejection reasons are exactly those of ``bilat ingest``; pasted text is assembled by
``make_article`` like a plain text file.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from sqlalchemy.engine import Engine

from ..errors import InputRejected
from ..ingest.article import RawArticle
from ..ingest.assemble import make_article
from ..ingest.readers import article_id, iter_inputs
from ..ingest.runner import IngestSummary, ingest_items

UPLOAD_ORIGIN = "upload:"
PASTE_NAME = "pasted.txt"
_UNSAFE_NAME = re.compile(r"[^\w.\-]+", re.UNICODE)
MAX_NAME = 120


@dataclass(slots=True)
class Upload:
    name: str
    data: bytes


def safe_name(name: str | None, n: int) -> str:
    """The file's base name, reduced to word characters, dots and dashes (never a path)."""
    base = PurePath((name or "").replace("\\", "/")).name
    base = _UNSAFE_NAME.sub("_", base).lstrip(".")[:MAX_NAME]
    return base or f"upload-{n}.txt"


def _relabel(item: RawArticle | InputRejected, folder: str) -> RawArticle | InputRejected:
    """Origins as ``upload:NAME`` (never the temporary folder's path)."""
    private = re.compile(re.escape(folder) + r"/\d+/")
    if isinstance(item, InputRejected):
        return InputRejected(private.sub(UPLOAD_ORIGIN, item.source), item.reason,
                             item.reason_code, item.line)  # fmt: skip
    item.origin = private.sub(UPLOAD_ORIGIN, item.origin)
    return item


def _file_items(files: list[Upload], max_bytes: int) -> Iterator[RawArticle | InputRejected]:
    with tempfile.TemporaryDirectory(prefix="bilat-upload-") as folder:
        paths = []
        for n, upload in enumerate(files):
            path = Path(folder) / f"{n:03d}" / safe_name(upload.name, n)
            path.parent.mkdir()
            path.write_bytes(upload.data)
            paths.append(path)
        for item in iter_inputs(paths, max_bytes=max_bytes):
            yield _relabel(item, folder)


def pasted_item(text: str, *, title: str | None, published: str | None,
                source: str | None) -> RawArticle | InputRejected:  # fmt: skip
    return make_article(origin=UPLOAD_ORIGIN + PASTE_NAME, name=PASTE_NAME, text=text,
                        title=title, published=published, source=source)  # fmt: skip


def ingest_upload(
    engine: Engine,
    files: list[Upload],
    pasted: RawArticle | InputRejected | None,
    *,
    max_bytes: int,
    extract: bool = True,
) -> tuple[IngestSummary, list[dict]]:
    """The ingest summary and, for every article read, its name, origin and document id."""
    read: list[dict] = []

    def items():
        sources = [pasted] if pasted is not None else []
        for item in (*sources, *_file_items(files, max_bytes)):
            if isinstance(item, RawArticle):
                read.append({"id": article_id(item.text, item.url), "name": item.name,
                             "origin": item.origin, "title": item.title})  # fmt: skip
            yield item

    summary = ingest_items(items(), engine, extract=extract)
    return summary, read
