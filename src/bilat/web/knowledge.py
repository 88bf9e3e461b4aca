"""Knowledge across documents for the web app, read from the knowledge tables and cached.

The dossier is :func:`bilat.store.kb_dossier.read_dossier`, exactly what ``bilat dossier`` prints:
capped in SQL by default, everything (``bilat dossier --full``) on request; the listings are :mod:`bilat.store.kb_pages`, paged in SQL. Nothing here reads extraction records:
the tables are recomputed per country pair when documents arrive (:mod:`bilat.store.kb`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from ..knowledge.dossier import DOSSIER_CAPS
from ..store import kb_pages
from ..store.kb import pair_key
from ..store.kb_dossier import read_dossier
from ..store.kb_read import ensure_pair
from .cache import KnowledgeCache

Pair = tuple[str, str]
T = TypeVar("T")


class Knowledge:
    def __init__(self, cache: KnowledgeCache) -> None:
        self.cache = cache
        self.engine = cache.engine

    def _read(self, key: tuple, read: Callable[..., T]) -> T:
        """``read(conn)``, cached under ``key`` until the database changes."""

        def build() -> T:
            with self.engine.connect() as conn:
                return read(conn)

        return self.cache.get(key, build)

    def _pairs(self, pair: Pair | None) -> list[str] | None:
        if pair is None:
            return None
        key = pair_key(pair)
        ensure_pair(self.engine, key)  # documents stored before the knowledge tables existed
        return [key]

    def dossier(self, pair: Pair, as_of: date | None = None, full: bool = False) -> dict:
        """The pair's dossier: each long section cut to the newest rows (with its total), or all."""
        caps = None if full else DOSSIER_CAPS
        return self.cache.get(("dossier", pair, as_of, full), lambda: read_dossier(self.engine, pair, as_of, caps))

    def persons(self, pair: Pair | None, q: str | None, country: str | None, limit: int, offset: int) -> dict:
        pairs = self._pairs(pair)
        everyone = self._read(("people", pair), lambda c: kb_pages.people(c, pairs))
        chosen = kb_pages.select_people(everyone, q, country)
        items = self._read(("persons", pair, q, country, limit, offset),
                           lambda c: kb_pages.fill(c, chosen[offset : offset + limit], pairs))  # fmt: skip
        return _page(kb_pages.Page(len(chosen), items), limit, offset)

    def person(self, person_id: str) -> dict | None:
        """The person over every pair, with the events that name them."""

        def read(conn) -> dict | None:
            found = kb_pages.person(conn, person_id)
            if found is None:
                return None
            return found | {"events": person_events(kb_pages.person_event_candidates(conn, person_id), found)}

        return self._read(("person", person_id), read)

    def events(self, pair: Pair | None, type_: str | None, since: date | None, until: date | None,
               limit: int, offset: int) -> dict:  # fmt: skip
        pairs = self._pairs(pair)
        found = self._read(("events", pair, type_, since, until, limit, offset),
                           lambda c: kb_pages.events_page(c, pairs, type_=type_, since=since, until=until,
                                                          limit=limit, offset=offset))  # fmt: skip
        return _page(found, limit, offset)

    def indicators(self, pair: Pair | None, kind: str | None, limit: int, offset: int) -> dict:
        pairs = self._pairs(pair)
        found = self._read(("indicators", pair, kind, limit, offset),
                           lambda c: kb_pages.series_page(c, pairs, kind=kind, limit=limit, offset=offset))  # fmt: skip
        return _page(found, limit, offset)

    def commitments(self, pair: Pair, status: str | None, limit: int, offset: int) -> dict:
        key = self._pairs(pair)[0]  # type: ignore[index]
        found = self._read(("commitments", pair, status, limit, offset),
                           lambda c: kb_pages.commitments_page(c, key, status=status, limit=limit, offset=offset))  # fmt: skip
        return _page(found, limit, offset)

    def document_people(self, doc_id: str) -> dict[str, str]:
        """Name -> person id for the people resolved in one document."""
        with self.engine.connect() as conn:
            return kb_pages.document_people(conn, doc_id)


def _page(found: kb_pages.Page, limit: int, offset: int) -> dict:
    return {"total": found.total, "limit": limit, "offset": offset, "items": found.items}


def person_events(events: list[dict], person: dict) -> list[dict]:
    """Events naming the person: by a name they are mentioned with, or by their surname in an
    article where they are mentioned."""
    names = {person["name"].casefold(), *(m.casefold() for m in person.get("mentions", []))}
    surname = person["name"].split()[-1].casefold() if person["name"].split() else ""
    docs = set(person["docs"])
    out = []
    for e in events:
        named = {p.casefold() for p in e.get("persons", [])}
        if named & names or (
            surname and docs & set(e["docs"]) and any(surname in n for n in named)
        ):
            out.append(e)
    return out
