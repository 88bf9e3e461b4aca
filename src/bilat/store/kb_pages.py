"""Paged listings of the knowledge tables (the web API): filtered, ordered and cut to one page in
SQL, then only that page's sources, points, histories or roles are read.

They list what :class:`bilat.store.kb_read.Snapshot` reads with no as-of date, in the same shapes
and order. Events, series and commitments are listed per pair, as ``bilat events|indicators|
commitments`` list them. A person is listed once per id over the pairs asked for (all pairs when
none): documents, mentions and role spells are the union over those pairs, the name and country
those of the pair with most of the person's documents.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import kb_schema as k
from .kb_read import commitment_item, commitment_query, event_items, plain, series_items


@dataclass(frozen=True, slots=True)
class Page:
    total: int
    items: list[dict]


def _visible(_doc: str) -> bool:
    return True  # with no as-of date every document of a pair counts


def _of_pairs(column: sa.ColumnElement, pairs: list[str] | None) -> sa.ColumnElement:
    return sa.true() if pairs is None else column.in_(pairs)


def _count(conn: Connection, query: sa.Select) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()


def date_window(column: sa.ColumnElement, since: date | None, until: date | None) -> list:
    """A date (YYYY, YYYY-MM or YYYY-MM-DD) that can fall within [since, until]: compared with
    the bounds cut to its own precision; an undated fact never matches a window."""
    if since is None and until is None:
        return []
    conds = [column.isnot(None), column != ""]
    if since is not None:
        conds.append(column >= sa.func.substr(sa.literal(since.isoformat()), 1, sa.func.length(column)))
    if until is not None:
        conds.append(column <= sa.func.substr(sa.literal(until.isoformat()), 1, sa.func.length(column)))
    return conds


def events_page(conn: Connection, pairs: list[str] | None, *, type_: str | None = None,
                since: date | None = None, until: date | None = None,
                limit: int, offset: int) -> Page:  # fmt: skip
    """Events by date (undated last), then type and id."""
    e = k.kb_events
    query = sa.select(e).where(_of_pairs(e.c.pair, pairs), *date_window(e.c.date, since, until))
    if type_:
        query = query.where(e.c.type == type_)
    total = _count(conn, query)
    order = (e.c.date.is_(None), sa.func.coalesce(e.c.date, ""), e.c.type, e.c.id, e.c.pair)
    rows = [plain(r) for r in conn.execute(query.order_by(*order).limit(limit).offset(offset)).mappings()]
    return Page(total, _with_sources(conn, rows))


def _with_sources(conn: Connection, events: list[dict]) -> list[dict]:
    if not events:
        return []
    t = k.kb_event_sources
    query = sa.select(t).where(t.c.pair.in_({e["pair"] for e in events}),
                               t.c.event_id.in_({e["id"] for e in events}))  # fmt: skip
    sources = conn.execute(query.order_by(t.c.pair, t.c.event_id, t.c.n)).mappings()
    return event_items(events, (plain(r) for r in sources), _visible)


def series_page(conn: Connection, pairs: list[str] | None, *, kind: str | None = None,
                limit: int, offset: int) -> Page:  # fmt: skip
    """Indicator series by (pair, kind, scope, unit), each with all its points by period."""
    t = k.kb_series_points
    keys = sa.select(t.c.pair, t.c.kind, t.c.scope, t.c.unit).where(_of_pairs(t.c.pair, pairs)).distinct()
    if kind:
        keys = keys.where(t.c.kind == kind)
    total = _count(conn, keys)
    page = keys.order_by(t.c.pair, t.c.kind, t.c.scope, t.c.unit).limit(limit).offset(offset)
    wanted = {tuple(row) for row in conn.execute(page)}
    if not wanted:
        return Page(total, [])
    query = sa.select(t).where(t.c.pair.in_({w[0] for w in wanted}), t.c.kind.in_({w[1] for w in wanted}))
    points = [plain(p) for p in conn.execute(query.order_by(t.c.period)).mappings()
              if (p["pair"], p["kind"], p["scope"], p["unit"]) in wanted]  # fmt: skip
    return Page(total, series_items(points, _visible))


def commitments_page(conn: Connection, pair: str, *, status: str | None = None,
                     limit: int, offset: int) -> Page:  # fmt: skip
    """One pair's commitments by due date (none last), date made, document and position, with
    their status as of the pair's newest document."""
    t, h, d = k.kb_commitments, k.kb_commitment_history, k.kb_pair_docs
    query = commitment_query().where(t.c.pair == pair)
    if status:
        query = query.where(t.c.status == status)
    total = _count(conn, query)
    order = (t.c.due.is_(None), sa.func.coalesce(t.c.due, ""), sa.func.coalesce(t.c.made, ""), t.c.doc_id, t.c.n)
    rows = [plain(r) for r in conn.execute(query.order_by(*order).limit(limit).offset(offset)).mappings()]
    if not rows:
        return Page(total, [])
    newest = conn.execute(sa.select(sa.func.max(d.c.effective_date)).where(d.c.pair == pair)).scalar()
    history: dict[tuple, list[tuple]] = defaultdict(list)
    steps = sa.select(h).where(h.c.pair == pair, h.c.doc_id.in_({r["doc_id"] for r in rows}))
    for x in conn.execute(steps.order_by(h.c.seq)).mappings():
        history[(x["doc_id"], x["n"])].append((x["as_of"], x["status"]))
    return Page(total, [commitment_item(r, history[(r["doc_id"], r["n"])], newest, _visible) for r in rows])


def people(conn: Connection, pairs: list[str] | None, person_id: str | None = None) -> list[dict]:
    """Persons merged by id (no documents or roles yet), with ``documents``: how many."""
    p, pd = k.kb_persons, k.kb_person_docs
    where = [_of_pairs(pd.c.pair, pairs)] + ([pd.c.person_id == person_id] if person_id else [])
    per_pair = {(pair, pid): n for pair, pid, n in conn.execute(
        sa.select(pd.c.pair, pd.c.person_id, sa.func.count()).where(*where).group_by(pd.c.pair, pd.c.person_id))}  # fmt: skip
    documents = {pid: n for pid, n in conn.execute(
        sa.select(pd.c.person_id, sa.func.count(sa.distinct(pd.c.doc_id))).where(*where).group_by(pd.c.person_id))}  # fmt: skip
    query = sa.select(p.c.pair, p.c.id, p.c.name, p.c.country, p.c.mentions, p.c.ambiguous_with)
    query = query.where(_of_pairs(p.c.pair, pairs), *([p.c.id == person_id] if person_id else []))
    rows: dict[str, list] = defaultdict(list)
    for r in conn.execute(query).mappings():
        if per_pair.get((r["pair"], r["id"])):
            rows[r["id"]].append(r)
    out = []
    for pid, found in rows.items():
        found.sort(key=lambda r: (-per_pair[(r["pair"], pid)], r["pair"]))
        out.append({"id": pid, "name": found[0]["name"], "country": found[0]["country"],
                    "documents": documents[pid], "mentions": _union(r["mentions"] for r in found),
                    "ambiguous_with": _union(r["ambiguous_with"] for r in found),
                    "pairs": sorted(r["pair"] for r in found)})  # fmt: skip
    return out


def _union(lists: Iterable[list[str]]) -> list[str]:
    out: list[str] = []
    for items in lists:
        out += [x for x in items if x not in out]
    return out


def fill(conn: Connection, chosen: list[dict], pairs: list[str] | None) -> list[dict]:
    """Each person with ``docs`` (sorted ids) and ``roles`` (spells merged over the pairs)."""
    if not chosen:
        return []
    pd, r = k.kb_person_docs, k.kb_roles
    ids = {p["id"] for p in chosen}
    docs: dict[str, set[str]] = defaultdict(set)
    for pid, doc in conn.execute(sa.select(pd.c.person_id, pd.c.doc_id).where(pd.c.person_id.in_(ids),
                                                                              _of_pairs(pd.c.pair, pairs))):  # fmt: skip
        docs[pid].add(doc)
    spells: dict[str, dict[tuple, dict]] = defaultdict(dict)
    query = sa.select(r).where(r.c.person_id.in_(ids), _of_pairs(r.c.pair, pairs)).order_by(r.c.pair, r.c.n)
    for row in conn.execute(query).mappings():
        key = (row["role"], row["organization"], row["country"])
        spell = spells[row["person_id"]].get(key)
        if spell is None:
            spells[row["person_id"]][key] = {"role": row["role"], "organization": row["organization"],
                                             "country": row["country"], "first_seen": row["first_seen"],
                                             "last_seen": row["last_seen"], "sources": list(row["sources"])}  # fmt: skip
            continue
        spell["first_seen"] = min(filter(None, [spell["first_seen"], row["first_seen"]]), default=None)
        spell["last_seen"] = max(filter(None, [spell["last_seen"], row["last_seen"]]), default=None)
        spell["sources"] += [d for d in row["sources"] if d not in spell["sources"]]
    out = []
    for p in chosen:
        roles = sorted(spells[p["id"]].values(), key=lambda s: s["first_seen"] or "9999")
        out.append({key: v for key, v in p.items() if key != "documents"}
                   | {"docs": sorted(docs[p["id"]]), "roles": roles})  # fmt: skip
    return out


def select_people(everyone: list[dict], q: str | None, country: str | None) -> list[dict]:
    """The :func:`people` matching ``q`` (part of the name or of a mention, ignoring case) and
    ``country``, by number of documents (most first), then name."""
    found = everyone
    if q:
        needle = q.casefold()
        found = [p for p in found if needle in p["name"].casefold()
                 or any(needle in m.casefold() for m in p["mentions"])]  # fmt: skip
    if country:
        found = [p for p in found if p["country"] == country.upper()]
    return sorted(found, key=lambda p: (-p["documents"], p["name"], p["id"]))


def person(conn: Connection, person_id: str) -> dict | None:
    """One person over every pair they are known in."""
    found = fill(conn, people(conn, None, person_id), None)
    return found[0] if found else None


def person_event_candidates(conn: Connection, person_id: str) -> list[dict]:
    """Events (once per id, by date) reported in a document where the person is mentioned,
    in the pairs the person is known in."""
    pd, es, e = k.kb_person_docs, k.kb_event_sources, k.kb_events
    mine = sa.select(pd.c.pair, pd.c.doc_id).where(pd.c.person_id == person_id).subquery()
    keys = (sa.select(es.c.pair, es.c.event_id)
            .join(mine, sa.and_(mine.c.pair == es.c.pair, mine.c.doc_id == es.c.doc_id))
            .distinct().subquery())  # fmt: skip
    on = sa.and_(keys.c.pair == e.c.pair, keys.c.event_id == e.c.id)
    events = [plain(r) for r in conn.execute(sa.select(e).join(keys, on).order_by(e.c.pair, e.c.id)).mappings()]
    on = sa.and_(keys.c.pair == es.c.pair, keys.c.event_id == es.c.event_id)
    sources = conn.execute(sa.select(es).join(keys, on).order_by(es.c.pair, es.c.event_id, es.c.n)).mappings()
    seen: set[str] = set()
    out = []
    for item in event_items(events, (plain(r) for r in sources), _visible):
        if item["id"] not in seen:
            seen.add(item["id"])
            out.append(item)
    out.sort(key=lambda x: (x["date"] is None, x["date"] or "", x["type"], x["id"]))
    return out


def document_people(conn: Connection, doc_id: str) -> dict[str, str]:
    """Name -> person id for the persons the knowledge tables link to one document."""
    p, pd = k.kb_persons, k.kb_person_docs
    query = (sa.select(p.c.name, p.c.id).join(pd, sa.and_(pd.c.pair == p.c.pair, pd.c.person_id == p.c.id))
             .where(pd.c.doc_id == doc_id).distinct())  # fmt: skip
    return {name: pid for name, pid in conn.execute(query.order_by(p.c.name, p.c.id))}
