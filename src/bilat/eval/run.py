"""Inputs to extraction records, shared by ``bilat extract`` and ``bilat eval``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputRejected, UsageError
from ..ingest.article import RawArticle


def record_for(article: RawArticle) -> dict:
    """Run the full pipeline over one raw article; its record's ``doc`` is ``article.name``."""
    from ..extract.api import extract
    from ..record import to_record

    doc = extract(
        article.name,
        article.text,
        published=article.published,
        title=article.title,
        url=article.url,
        source=article.source,
    )
    return to_record(doc)


def iter_articles(
    paths: Iterable[Path | str], *, max_bytes: int | None = None
) -> Iterator[RawArticle | InputRejected]:
    """Articles and rejections, read exactly as ``bilat ingest`` reads them."""
    from ..ingest.readers import iter_inputs
    from ..ingest.runner import DEFAULT_MAX_BYTES

    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    yield from iter_inputs([str(p) for p in paths], max_bytes=limit)


def iter_records(
    paths: Iterable[Path | str], *, max_bytes: int | None = None
) -> Iterator[dict | InputRejected]:
    """One extraction record per readable article, or the rejection, in input order."""
    for item in iter_articles(paths, max_bytes=max_bytes):
        yield item if isinstance(item, InputRejected) else record_for(item)


def load_jsonl(path: Path | str) -> list[dict]:
    """Records from a JSONL file (gold or predictions); blank lines are skipped."""
    records = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                raise UsageError(f"{path}:{number}: not a JSON record ({err.msg})") from err
            if not isinstance(rec, dict) or "doc" not in rec:
                raise UsageError(f"{path}:{number}: a record must be a JSON object with a 'doc'")
            records.append(rec)
    return records
