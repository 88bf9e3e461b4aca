"""A pair's dossier with each long section capped in SQL: only the newest rows of a section are
read (see :class:`bilat.knowledge.dossier.DossierCaps`), with the section's total.

The dossier has the shape of :func:`bilat.store.kb_read.dossier_from_kb` (which reads all of
it), plus ``totals``: how many events, persons, commitments per status and sources there are in
all. In a capped dossier an event's ``reports`` counts all its reports while ``sources`` quotes
the first few, a person's ``documents`` counts all their documents while ``docs`` lists the
newest few, and a commitment's ``evidence_total`` counts its follow-through reports while
``evidence`` quotes the first few. Headline figures are over everything.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..knowledge.dossier import DOSSIER_CAPS, DossierCaps
from . import kb_schema as k
from . import schema as s
from .kb import pair_codes, pair_key
from .kb_lists import (
    CHUNK,
    Filters,
    commitment_rows,
    count,
    newest_date,
    person_list,
    point_list,
    status_column,
    visible,
    visible_sources,
    with_status,
)
from .kb_read import (
    dossier_from_kb,
    ensure_pair,
    event_items,
    headline,
    plain,
    series_items,
)


def read_dossier(engine: Engine, pair: Iterable[str], as_of: date | None = None,
                 caps: DossierCaps | None = DOSSIER_CAPS) -> dict:  # fmt: skip
    """The pair's dossier, each long section cut to ``caps`` (None: everything)."""
    if caps is None:
        return dossier_from_kb(engine, pair, as_of)
    key = pair_key(pair)
    ensure_pair(engine, key)
    f = Filters(pairs=[key], as_of=as_of)
    with engine.connect() as conn:
        d = k.kb_pair_docs
        documents = count(conn, sa.select(d.c.doc_id).where(d.c.pair == key, *visible(d.c.effective_date, f.limit)))
        newest = newest_date(conn, [key], f.limit)
        events, event_totals = _events(conn, f, caps)
        persons = person_list(conn, f, caps.persons, docs_cap=caps.person_docs)
        series = series_items(point_list(conn, f, None).items, lambda _doc: True)
        sectors = _sectors(conn, f)
        commitments, by_status = _commitments(conn, f, caps, f.limit or newest)
        sources = _sources(conn, f, caps.sources)
        cited = {x["doc"] for e in events for x in e["sources"]} | {x["doc"] for x in sources}
        cited |= {c["doc"] for c in commitments} | {x["doc"] for c in commitments for x in c["evidence"]}
        cited |= {x["doc"] for sr in series for p in sr["points"] for x in p["sources"]}
        names = _names(conn, cited)
    head = headline([], series, [])
    head.update(events=event_totals["events"], event_reports=event_totals["reports"],
                latest_event=event_totals["latest"], commitments=by_status)  # fmt: skip
    return {
        "pair": list(pair_codes(key)),
        "as_of": f.limit or newest,
        "documents": documents,
        "events": events,
        "persons": persons.items,
        "indicators": series,
        "sectors": sectors,
        "commitments": commitments,
        "sources": sources,
        "headline": head,
        "doc_names": names,
        "totals": {"events": event_totals["events"], "persons": persons.total,
                   "commitments": by_status, "sources": documents},  # fmt: skip
    }


def _events(conn: Connection, f: Filters, caps: DossierCaps) -> tuple[list[dict], dict]:
    """The newest events (undated last), each with its first reports and how many it has."""
    e = k.kb_events
    src = visible_sources(f).subquery()
    per_event = sa.select(src.c.event_id, sa.func.count().label("found")).group_by(src.c.event_id).subquery()
    on = sa.and_(e.c.pair == f.pairs[0], e.c.id == per_event.c.event_id)  # type: ignore[index]
    totals = conn.execute(sa.select(sa.func.count(), sa.func.sum(per_event.c.found), sa.func.max(e.c.date))
                          .select_from(e.join(per_event, on))).one()  # fmt: skip
    query = sa.select(e, per_event.c.found).join(per_event, on)
    newest = query.order_by(e.c.date.is_(None), e.c.date.desc(), e.c.type, e.c.id).limit(caps.events)
    rows = [plain(r) for r in conn.execute(newest).mappings()]
    found = {r["id"]: r.pop("found") for r in rows}
    rank = sa.func.row_number().over(partition_by=src.c.event_id, order_by=src.c.n).label("rank")
    sources: list[dict] = []
    ids = sorted(found)
    for i in range(0, len(ids), CHUNK):
        ranked = sa.select(src, rank).where(src.c.event_id.in_(ids[i : i + CHUNK])).subquery()
        query = sa.select(ranked).where(ranked.c.rank <= caps.event_reports)
        sources += (plain(r) for r in conn.execute(query).mappings())
    sources.sort(key=lambda x: (x["event_id"], x["n"]))
    items = [item | {"reports": found[item["id"]]} for item in event_items(rows, sources, lambda _doc: True)]
    items.sort(key=lambda x: (x["date"] is None, x["date"] or "", x["type"], x["id"]))
    return items, {"events": totals[0], "reports": int(totals[1] or 0), "latest": totals[2]}


def _commitments(conn: Connection, f: Filters, caps: DossierCaps, day: str | None) -> tuple[list[dict], dict]:
    """The newest commitments of each status (by date made), and how many each status has."""
    t = k.kb_commitments
    status = status_column(f, day).label("status_now")
    mine = [t.c.pair == f.pairs[0], *visible(t.c.made, f.limit)]  # type: ignore[index]
    judged = sa.select(status).where(*mine).subquery()
    by_status = {st: n for st, n in conn.execute(
        sa.select(judged.c.status_now, sa.func.count()).group_by(judged.c.status_now))}  # fmt: skip
    keys: list[tuple] = []
    order = (t.c.made.desc().nulls_last(), t.c.doc_id.desc(), t.c.n.desc())  # an index walk
    for st in sorted(by_status):
        query = sa.select(t.c.pair, t.c.doc_id, t.c.n).where(*mine, status == st)
        keys += (tuple(r) for r in conn.execute(query.order_by(*order).limit(caps.commitments)))
    items = with_status(conn, commitment_rows(conn, keys), day, f.limit)
    for c in items:
        c["evidence_total"] = len(c["evidence"])
        c["evidence"] = c["evidence"][: caps.evidence]
    items.sort(key=lambda c: (c["due"] is None, c["due"] or "", c["made"] or "", c["doc_id"], c["n"]))
    return items, by_status


def _sources(conn: Connection, f: Filters, cap: int) -> list[dict]:
    """The newest documents of the pair, oldest first (undated first, as the full list has)."""
    d, doc = k.kb_pair_docs, s.documents
    query = (sa.select(d.c.doc_id, d.c.effective_date, doc.c.name, doc.c.published, doc.c.title,
                       doc.c.source, doc.c.url)
             .join(doc, doc.c.id == d.c.doc_id)
             .where(d.c.pair == f.pairs[0], *visible(d.c.effective_date, f.limit))  # type: ignore[index]
             .order_by(d.c.effective_date.desc().nulls_last(), d.c.doc_id.desc())
             .limit(cap))  # fmt: skip
    out = [{"doc": r["doc_id"], "name": r["name"],
            "published": r["published"].isoformat() if r["published"] else r["effective_date"],
            "title": r["title"], "source": r["source"], "url": r["url"]}
           for r in conn.execute(query).mappings()]  # fmt: skip
    out.sort(key=lambda x: (x["published"] or "", x["doc"]))
    return out


def _sectors(conn: Connection, f: Filters) -> dict[str, dict[str, int]]:
    """Documents per sector and month (counted in SQL over all the pair's documents)."""
    d, sec = k.kb_pair_docs, s.sectors
    month = sa.func.substr(sa.func.coalesce(d.c.effective_date, "undated"), 1, 7)
    query = (sa.select(sec.c.sector, month, sa.func.count())
             .join(d, d.c.doc_id == sec.c.doc_id)
             .where(d.c.pair == f.pairs[0], *visible(d.c.effective_date, f.limit))  # type: ignore[index]
             .group_by(sec.c.sector, month))  # fmt: skip
    counts: dict[str, Counter] = defaultdict(Counter)
    for sector, when, n in conn.execute(query):
        counts[sector][when] += n
    return {name: dict(sorted(c.items())) for name, c in sorted(counts.items())}


def _names(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    doc = s.documents
    ids = sorted(ids)
    out: dict[str, str] = {}
    for i in range(0, len(ids), CHUNK):
        query = sa.select(doc.c.id, doc.c.name).where(doc.c.id.in_(ids[i : i + CHUNK]))
        out.update((doc_id, name) for doc_id, name in conn.execute(query))
    return out
