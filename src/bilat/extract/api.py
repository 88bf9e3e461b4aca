"""One call from an article to a filled Doc: the pipeline built once per process."""

from __future__ import annotations

from datetime import date
from functools import cache

from ..doc import Doc
from ..pipeline import STAGE_ORDER, Pipeline, build_pipeline


@cache
def default_pipeline() -> Pipeline:
    return build_pipeline(STAGE_ORDER)


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
    doc = default_pipeline()(doc)
    doc.text = text  # "inspect" may analyse only the head of a huge text; offsets stay valid
    return doc
