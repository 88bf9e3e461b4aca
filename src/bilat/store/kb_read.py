"""Reading the knowledge tables: a pair's dossier and fact listings, optionally as of a date.

As of a date, only documents whose effective date is on or before it count (undated ones always
do): sources from later documents are dropped, facts left without sources disappear, and each
commitment's status is read from its status history.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..knowledge.followthrough import status_at
from . import kb_schema as k
from . import schema as s
from .kb import pair_codes, pair_key, refresh_pair

STATUSES = ("fulfilled", "pending", "overdue")


def plain(row: Mapping) -> dict:
    """A row as a dict keyed by plain ``str`` (SQLAlchemy's column names are a ``str`` subclass,
    which makes the web app's JSON encoding many times slower)."""
    return {str(key): value for key, value in row.items()}


def _rows(conn: Connection, table: sa.Table, pairs: list[str] | None, *order) -> list[dict]:
    query = sa.select(table)
    if pairs is not None:
        query = query.where(table.c.pair.in_(pairs))
    return [plain(r) for r in conn.execute(query.order_by(*order)).mappings()]


def _visible(when: str | None, limit: str | None) -> bool:
    return limit is None or when is None or when <= limit


class Snapshot:
    """The knowledge rows of some pairs (all, when ``pairs`` is None), as of ``as_of``."""

    def __init__(self, conn: Connection, pairs: list[str] | None, as_of: date | None) -> None:
        self.limit = as_of.isoformat() if as_of else None
        docs = _rows(conn, k.kb_pair_docs, pairs, k.kb_pair_docs.c.doc_id)
        self.doc_dates = {d["doc_id"]: d["effective_date"] for d in docs}
        self.pair_docs: dict[str, list[str]] = defaultdict(list)
        for d in docs:
            if _visible(d["effective_date"], self.limit):
                self.pair_docs[d["pair"]].append(d["doc_id"])
        self.visible_docs = {doc for ids in self.pair_docs.values() for doc in ids}
        self.newest = max((self.doc_dates[d] or "" for d in self.visible_docs), default="") or None
        self.conn, self.pairs = conn, pairs

    def ok(self, doc: str) -> bool:
        return doc in self.visible_docs

    def events(self) -> list[dict]:
        t = k.kb_event_sources
        sources = _rows(self.conn, t, self.pairs, t.c.pair, t.c.event_id, t.c.n)
        events = _rows(self.conn, k.kb_events, self.pairs, k.kb_events.c.date, k.kb_events.c.id)
        out = event_items(events, sources, self.ok)
        out.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["type"], e["id"]))  # undated last
        return out

    def persons(self) -> list[dict]:
        docs: dict[tuple, list[str]] = defaultdict(list)
        for row in _rows(self.conn, k.kb_person_docs, self.pairs, k.kb_person_docs.c.doc_id):
            if self.ok(row["doc_id"]):
                docs[(row["pair"], row["person_id"])].append(row["doc_id"])
        roles: dict[tuple, list[dict]] = defaultdict(list)
        for r in _rows(self.conn, k.kb_roles, self.pairs, k.kb_roles.c.n):
            kept = [d for d in r["sources"] if self.ok(d)]
            if kept:
                roles[(r["pair"], r["person_id"])].append(
                    {"role": r["role"], "organization": r["organization"], "country": r["country"],
                     "first_seen": r["first_seen"], "last_seen": r["last_seen"], "sources": kept}
                )  # fmt: skip
        out = []
        for p in _rows(self.conn, k.kb_persons, self.pairs, k.kb_persons.c.name):
            key = (p["pair"], p["id"])
            if docs.get(key):
                out.append({**p, "docs": docs[key], "roles": roles.get(key, [])})
        out.sort(key=lambda p: (-len(p["docs"]), p["name"]))
        return out

    def indicators(self) -> list[dict]:
        """Series (kind, scope, unit) of points, as the dossier shows them."""
        t = k.kb_series_points
        return series_items(_rows(self.conn, t, self.pairs, t.c.period), self.ok)

    def commitments(self) -> list[dict]:
        history: dict[tuple, list[tuple]] = defaultdict(list)
        t = k.kb_commitment_history
        for h in _rows(self.conn, t, self.pairs, t.c.seq):
            history[(h["pair"], h["doc_id"], h["n"])].append((h["as_of"], h["status"]))
        t = k.kb_commitments
        query = commitment_query()
        if self.pairs is not None:
            query = query.where(t.c.pair.in_(self.pairs))
        rows = self.conn.execute(query.order_by(t.c.made, t.c.doc_id, t.c.n)).mappings()
        out = [commitment_item(plain(c), history.get((c["pair"], c["doc_id"], c["n"]), []),
                               self.limit or self.newest, self.ok)
               for c in rows if self.ok(c["doc_id"])]  # fmt: skip
        out.sort(key=lambda c: (c["due"] is None, c["due"] or "", c["made"] or "", c["doc_id"], c["n"]))
        return out

    def sectors(self) -> dict[str, dict[str, int]]:
        counts: dict[str, Counter] = defaultdict(Counter)
        if not self.visible_docs:
            return {}
        t = s.sectors
        ids = sorted(self.visible_docs)
        for i in range(0, len(ids), 500):
            for doc_id, sector in self.conn.execute(sa.select(t.c.doc_id, t.c.sector).where(t.c.doc_id.in_(ids[i : i + 500]))):
                counts[sector][(self.doc_dates.get(doc_id) or "undated")[:7]] += 1
        return {name: dict(sorted(c.items())) for name, c in sorted(counts.items())}

    def sources(self) -> list[dict]:
        d = s.documents
        ids = sorted(self.visible_docs)
        out = []
        for i in range(0, len(ids), 500):
            query = sa.select(d.c.id, d.c.name, d.c.published, d.c.title, d.c.source, d.c.url).where(d.c.id.in_(ids[i : i + 500]))
            for row in self.conn.execute(query).mappings():
                out.append({"doc": row["id"], "name": row["name"],
                            "published": row["published"].isoformat() if row["published"] else self.doc_dates.get(row["id"]),
                            "title": row["title"], "source": row["source"], "url": row["url"]})  # fmt: skip
        out.sort(key=lambda x: (x["published"] or "", x["doc"]))
        return out


def event_items(events: Iterable[dict], sources: Iterable[dict], ok: Callable[[str], bool]) -> list[dict]:
    """Event rows with their visible sources (``kb_event_sources`` rows, in order); an event
    left without one is dropped."""
    found: dict[tuple, list[dict]] = defaultdict(list)
    for src in sources:
        if ok(src["doc_id"]):
            found[(src["pair"], src["event_id"])].append(
                {"doc": src["doc_id"], "published": src["published"], "date": src["date"],
                 "quote": src["quote"], "start": src["start"], "end": src["end"]}
            )  # fmt: skip
    out = []
    for e in events:
        kept = found.get((e["pair"], e["id"]))
        if kept:
            out.append({**e, "sources": kept, "docs": sorted({x["doc"] for x in kept}), "reports": len(kept)})
    return out


def series_items(points: Iterable[dict], ok: Callable[[str], bool]) -> list[dict]:
    """``kb_series_points`` rows (by period) grouped into series, ordered by (pair, kind, scope,
    unit); points with no visible source are dropped."""
    series: dict[tuple, dict] = {}
    for p in points:
        kept = [x for x in p["sources"] if ok(x["doc"])]
        if not kept:
            continue
        alts = [a for a in p["alternatives"] if any(ok(x["doc"]) for x in a["sources"])]
        key = (p["pair"], p["kind"], p["scope"], p["unit"])
        entry = series.setdefault(key, {"pair": p["pair"], "kind": p["kind"], "scope": p["scope"],
                                        "countries": p["countries"], "unit": p["unit"], "points": []})  # fmt: skip
        entry["points"].append(
            {"period": p["period"], "value": p["value"], "unit": p["unit"],
             "change_pct": p["change_pct"], "derived_from": p["derived_from"], "sources": kept,
             "alternatives": [{"value": a["value"], "unit": p["unit"], "sources": a["sources"]}
                              for a in alts]}
        )  # fmt: skip
    return [series[key] for key in sorted(series)]


def commitment_query() -> sa.Select:
    """Commitment rows with where the promise stands in its document (``start``, ``end``)."""
    t, c = k.kb_commitments, s.commitments
    located = sa.and_(c.c.doc_id == t.c.doc_id, c.c.n == t.c.n)
    return sa.select(t, c.c.ev_start.label("start"), c.c.ev_end.label("end")).outerjoin(c, located)


def commitment_item(row: dict, history: list[tuple], limit: str | None, ok: Callable[[str], bool]) -> dict:
    """A commitment as of ``limit`` (its status read from its history; evidence only once
    fulfilled, from visible documents)."""
    status = status_at(history, limit) if limit else row["status"]
    evidence = [e for e in row["evidence"] if ok(e["doc"])] if status == "fulfilled" else []
    shown = [(w, st) for w, st in history if limit is None or w is None or w <= limit]
    return {**row, "doc": row["doc_id"], "status": status, "evidence": evidence, "history": shown}


def ensure_pair(engine: Engine, key: str) -> None:
    """Compute a pair's knowledge if its documents were stored but never resolved."""
    with engine.connect() as conn:
        known = conn.execute(sa.select(k.kb_pair_docs.c.doc_id).where(k.kb_pair_docs.c.pair == key).limit(1)).first()
    if known is None:
        refresh_pair(engine, key)


def dossier_from_kb(engine: Engine, pair: Iterable[str], as_of: date | None = None) -> dict:
    """The pair's dossier (the shape :func:`bilat.knowledge.dossier.build_dossier` returns)."""
    key = pair_key(pair)
    ensure_pair(engine, key)
    with engine.connect() as conn:
        snap = Snapshot(conn, [key], as_of)
        events, commitments = snap.events(), snap.commitments()
        series = snap.indicators()
        d = {
            "pair": list(pair_codes(key)),
            "as_of": as_of.isoformat() if as_of else snap.newest,
            "documents": len(snap.visible_docs),
            "events": events,
            "persons": snap.persons(),
            "indicators": series,
            "sectors": snap.sectors(),
            "commitments": commitments,
            "sources": snap.sources(),
        }
    d["headline"] = headline(events, series, commitments)
    d["doc_names"] = {x["doc"]: x["name"] for x in d["sources"]}
    return d


def headline(events: list[dict], series: list[dict], commitments: list[dict]) -> dict:
    latest_trade = None
    for s_ in series:
        if s_["kind"] == "trade" and s_["scope"] == "total":
            real = [p for p in s_["points"] if not p["derived_from"]]
            if real:
                p = max(real, key=lambda p: p["period"])
                latest_trade = {"period": p["period"], "value": p["value"], "unit": p["unit"],
                                "change_pct": p["change_pct"]}  # fmt: skip
    dated = [e["date"] for e in events if e["date"]]
    return {
        "events": len(events),
        "event_reports": sum(len(e["sources"]) for e in events),
        "latest_event": max(dated) if dated else None,
        "latest_trade": latest_trade,
        "commitments": dict(Counter(c["status"] for c in commitments)),
    }
