"""One call from an article to a filled Doc: the pipeline built once per process."""

from __future__ import annotations

import importlib.util
from datetime import date
from functools import cache

from ..doc import Doc
from ..pipeline import STAGE_MODULES, STAGE_ORDER, Pipeline, build_pipeline


def _available(names: tuple[str, ...]) -> list[str]:
    # TODO(lead): drop this filter once every stage module exists.
    return [n for n in names if importlib.util.find_spec(STAGE_MODULES[n]) is not None]


@cache
def default_pipeline() -> Pipeline:
    return build_pipeline(_available(STAGE_ORDER))


def extract(
    doc_id: str,
    text: str,
    *,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Doc:
    """Run the full pipeline over one article's stored text."""
    doc = Doc(id=doc_id, text=text, published=published, title=title, url=url, source=source)
    return default_pipeline()(doc)
