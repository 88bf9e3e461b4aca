"""Read the shared ru_news corpus (zipped JSONL: title, url, content, keywords[, summary]) in place.

Used by the speed benchmark and by the ru_news gold, whose records name articles by url: the
article text is always read from the archives at run time, never copied.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

_URL_DATE = re.compile(r"/(\d{4})/(\d{2})/(\d{2})/|/(\d{4})-(\d{2})-(\d{2})/")


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    url: str
    title: str
    content: str
    archive: str

    @property
    def published(self) -> date | None:
        """The publication date the url carries (ng.ru and rt.com both put it there), if any."""
        m = _URL_DATE.search(self.url)
        if not m:
            return None
        y, mo, d = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
        try:
            return date(y, mo, d)
        except ValueError:
            return None


def iter_corpus(
    corpus_dir: Path | str, *, urls: Iterable[str] | None = None, limit: int | None = None
) -> Iterator[CorpusArticle]:
    """Articles of every ``*.zip`` under ``corpus_dir`` in name order, optionally only ``urls``."""
    wanted = set(urls) if urls is not None else None
    seen = 0
    for archive in sorted(Path(corpus_dir).glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for member in zf.namelist():
                with zf.open(member) as fh:
                    for line in fh:
                        if not line.strip():
                            continue
                        row = json.loads(line)
                        url = row.get("url") or ""
                        if wanted is not None and url not in wanted:
                            continue
                        content = row.get("content") or ""
                        if not content.strip():
                            continue
                        yield CorpusArticle(url, row.get("title") or "", content, archive.name)
                        seen += 1
                        if limit is not None and seen >= limit:
                            return
                        if wanted is not None and seen >= len(wanted):
                            return
