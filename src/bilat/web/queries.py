"""Database reads for the web app: document listings, pair activity and full-text search.

Every query is built with SQLAlchemy Core (bound parameters only); full-text matching goes
through ``store.fts`` so SQLite and PostgreSQL behave as in ``bilat docs``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..knowledge.names import country_name
from ..store import schema as s
from ..store.fts import matching_ids

RECENT_DAYS = 90  # "recent activity": documents this close to the newest one
SNIPPET_CHARS = 90
FACT_SEARCH_DOCS = 200  # facts are searched in at most this many matching documents
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DocFilter:
    q: str | None = None
    since: date | None = None
    until: date | None = None
    pair: tuple[str, str] | None = None
    source: str | None = None


def _filtered(query: sa.Select, conn, f: DocFilter) -> sa.Select:
    d = s.documents
    if f.q:
        query = query.where(matching_ids(conn, f.q))
    if f.since:
        query = query.where(d.c.published >= f.since)
    if f.until:
        query = query.where(d.c.published <= f.until)
    if f.source:
        query = query.where(d.c.source == f.source)
    for code in f.pair or ():
        dc = s.doc_countries.alias(f"dc_{code.lower()}")
        query = query.where(
            sa.exists().where(dc.c.doc_id == d.c.id, dc.c.code == code)
        )
    return query


def list_documents(engine: Engine, f: DocFilter, limit: int, offset: int) -> tuple[int, list[dict]]:
    """(total matching, one page of summaries), newest first."""
    d = s.documents
    with engine.connect() as conn:
        total = conn.execute(
            _filtered(sa.select(sa.func.count()).select_from(d), conn, f)
        ).scalar_one()
        query = _filtered(
            sa.select(d.c.id, d.c.published, d.c.source, d.c.title, d.c.story_id), conn, f
        )
        query = query.order_by(d.c.published.desc().nulls_last(), d.c.id).limit(limit).offset(offset)
        rows = conn.execute(query).mappings().all()
    return total, [_summary(r) for r in rows]


def _summary(row) -> dict:
    return {
        "id": row["id"],
        "published": row["published"].isoformat() if row["published"] else None,
        "source": row["source"],
        "title": row["title"],
        "story_id": row["story_id"],
    }


def snippet(text: str, words: list[str], width: int = SNIPPET_CHARS) -> str:
    """A window of ``text`` around the first query word found (the opening when none is)."""
    low = text.casefold()
    hits = [i for i in (low.find(w) for w in words) if i >= 0]
    at = min(hits) if hits else 0
    start = max(0, at - width)
    end = min(len(text), at + width)
    out = " ".join(text[start:end].split())
    return ("…" if start else "") + out + ("…" if end < len(text) else "")


def stems(q: str) -> list[str]:
    """Casefolded query words cut to a stem-like prefix, so inflected forms still match."""
    out = []
    for word in _WORD.findall(q.casefold()):
        out.append(word if len(word) <= 4 else word[: max(4, len(word) - 2)])
    return out


def search(engine: Engine, q: str, limit: int, offset: int) -> dict:
    """Documents matching ``q`` (with snippets) and the facts in them whose evidence matches."""
    d = s.documents
    words = stems(q)
    f = DocFilter(q=q)
    with engine.connect() as conn:
        # one full-text evaluation: every matching id, newest first; then the page's rows
        ids = list(conn.execute(
            _filtered(sa.select(d.c.id), conn, f).order_by(d.c.published.desc().nulls_last(), d.c.id)
        ).scalars())  # fmt: skip
        total, wanted = len(ids), ids[offset : offset + limit]
        by_id = {r["id"]: r for r in conn.execute(
            sa.select(d.c.id, d.c.published, d.c.source, d.c.title, d.c.story_id, d.c.text)
            .where(d.c.id.in_(wanted))
        ).mappings()}  # fmt: skip
        rows = [by_id[i] for i in wanted if i in by_id]
        facts = _matching_facts(conn, ids[:FACT_SEARCH_DOCS], words) if words else []
    docs = [_summary(r) | {"snippet": snippet(r["text"], words)} for r in rows]
    return {"query": q, "total": total, "limit": limit, "offset": offset, "documents": docs,
            "facts": facts}  # fmt: skip


def _matching_facts(conn, ids: list[str], words: list[str]) -> list[dict]:
    if not ids:
        return []
    found = []
    for kind, table, label in (
        ("event", s.events, s.events.c.type),
        ("indicator", s.indicators, s.indicators.c.kind),
        ("commitment", s.commitments, s.commitments.c.kind),
    ):
        query = sa.select(
            table.c.doc_id, table.c.n, label.label("label"), table.c.ev_start, table.c.ev_end,
            table.c.ev_text,
        ).where(table.c.doc_id.in_(ids), table.c.ev_start.isnot(None))  # fmt: skip
        for row in conn.execute(query).mappings():
            text = (row["ev_text"] or "").casefold()
            if all(w in text for w in words):
                found.append({"kind": kind, "label": row["label"], "doc": row["doc_id"],
                              "start": row["ev_start"], "end": row["ev_end"],
                              "quote": row["ev_text"]})  # fmt: skip
    found.sort(key=lambda f: (f["doc"], f["start"]))
    return found


def country_activity(engine: Engine) -> dict:
    """Country pairs ranked by recent activity, and countries with their event volume."""
    d, dc, ev = s.documents, s.doc_countries, s.events
    a, b = dc.alias("a"), dc.alias("b")
    with engine.connect() as conn:
        newest = conn.execute(sa.select(sa.func.max(d.c.published))).scalar()
        pair_rows = conn.execute(
            sa.select(a.c.code, b.c.code, d.c.id, d.c.published)
            .join(b, sa.and_(a.c.doc_id == b.c.doc_id, a.c.code < b.c.code))
            .join(d, d.c.id == a.c.doc_id)
        ).all()
        event_rows = conn.execute(sa.select(ev.c.countries)).scalars().all()
    recent_from = (newest - timedelta(days=RECENT_DAYS)).isoformat() if newest else None
    docs: Counter = Counter()
    recent: Counter = Counter()
    latest: dict[tuple, str] = {}
    for code_a, code_b, _doc, published in pair_rows:
        key = (code_a, code_b)
        docs[key] += 1
        when = published.isoformat() if published else None
        if when and recent_from and when >= recent_from:
            recent[key] += 1
        if when and when > latest.get(key, ""):
            latest[key] = when
    events_by_pair: Counter = Counter()
    volume: Counter = Counter()
    for countries in event_rows:
        codes = sorted(set(countries or []))
        volume.update(codes)
        for i, x in enumerate(codes):
            for y in codes[i + 1 :]:
                events_by_pair[(x, y)] += 1
    pairs = [
        {"pair": list(k), "slug": f"{k[0]}-{k[1]}",
         "names": [country_name(k[0]), country_name(k[1])],
         "documents": n, "recent_documents": recent[k], "events": events_by_pair[k],
         "latest": latest.get(k)}  # fmt: skip
        for k, n in docs.items()
    ]
    pairs.sort(key=lambda p: (-p["recent_documents"], -p["documents"], -p["events"], p["slug"]))
    codes = set(volume) | {c for p in pairs for c in p["pair"]}
    countries = sorted(
        ({"code": c, "name": country_name(c), "events": volume[c]} for c in codes),
        key=lambda c: (-c["events"], c["code"]),
    )
    return {"newest": newest.isoformat() if newest else None, "recent_days": RECENT_DAYS,
            "pairs": pairs, "countries": countries}  # fmt: skip
