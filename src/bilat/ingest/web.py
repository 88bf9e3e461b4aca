"""Articles from web formats: HTML pages (trafilatura) and RSS/Atom feeds (feedparser)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

from bilat.errors import REJECT_NO_TEXT, InputRejected

from .article import RawArticle
from .assemble import make_article
from .dates import parse_date

# tags whose start or end breaks a line when HTML is turned into text
BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table section article header footer "
    "figure figcaption pre hr dd dt".split()
)
# tags whose content is never text
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
# a string holding any of these tags is HTML, not plain text
_HTML_TAG = re.compile(
    r"<(?:p|br|div|span|a|strong|em|b|i|li|ul|ol|h[1-6]|img|figure)\b[^>]*>", re.I
)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html)\b", re.I)
# date search of trafilatura: metadata only, no guessing from the page's other dates
DATE_EXTRACTION = {"extensive_search": False, "original_date": True}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Text of an HTML fragment, one line per block element, entities resolved."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(lines)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_TAG.search(text))


def sniff_markup(text: str) -> str | None:
    """``"feed"`` or ``"html"`` for text that starts like one, else None."""
    head = text.lstrip()[:2048]
    if not head.startswith("<"):
        return None
    if _FEED_ROOT.search(head):
        return "feed"
    if _HTML_ROOT.search(head):
        return "html"
    return None


def html_article(html: str, *, name: str, origin: str) -> RawArticle | InputRejected:
    """The main text and metadata (title, date, site name, URL) of one HTML page."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=DATE_EXTRACTION,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return InputRejected(origin, "no main text found in the HTML page", REJECT_NO_TEXT)
    return make_article(
        origin=origin,
        name=name,
        text=text,
        title=doc.title,
        url=doc.url,
        source=doc.sitename,
        published=doc.date,
    )


def is_feed(parsed) -> bool:
    """feedparser names the version of every RSS or Atom dialect it recognises."""
    return bool(parsed.get("version"))


def _entry_text(entry) -> str:
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        if value.strip():
            return html_to_text(value) if looks_like_html(value) else value
    summary = entry.get("summary") or entry.get("description") or ""
    return html_to_text(summary) if looks_like_html(summary) else summary


def feed_articles(text: str, *, name: str, origin: str) -> Iterator[RawArticle | InputRejected]:
    """One article per entry of an RSS or Atom feed (entry content, else its summary)."""
    import feedparser

    parsed = feedparser.parse(text)
    if not is_feed(parsed):
        yield InputRejected(origin, "not an RSS or Atom feed", REJECT_NO_TEXT)
        return
    if not parsed.entries:
        yield InputRejected(origin, "the feed has no entries", REJECT_NO_TEXT)
        return
    for number, entry in enumerate(parsed.entries, start=1):
        entry_origin = f"{origin}#{number}"
        body = _entry_text(entry)
        if not body.strip():
            yield InputRejected(
                entry_origin, "feed entry without content or summary", REJECT_NO_TEXT
            )
            continue
        source = (entry.get("source") or {}).get("title")
        yield make_article(
            origin=entry_origin,
            name=f"{name}#{number}",
            text=body,
            title=entry.get("title"),
            url=entry.get("link"),
            source=source,
            # the date as written (local to the outlet) before feedparser's UTC struct
            published=parse_date(entry.get("published"))
            or parse_date(entry.get("updated"))
            or entry.get("published_parsed")
            or entry.get("updated_parsed"),
        )
