"""The fact listings of ``bilat events|persons|indicators|commitments``, paged in SQL.

Each listing filters, counts and orders its rows in SQL and reads one page (``limit`` None: all
of them); only that page's sources, documents, roles or status histories are read next. The
items have the shapes and the order of :class:`bilat.store.kb_read.Snapshot`'s lists, with the
same filters: ``since``/``until`` keep facts whose date or period can fall within the window,
``as_of`` keeps only documents whose effective date is on or before it (undated ones always
count) and reads each commitment's status on that date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import kb_schema as k
from .kb_pages import Page
from .kb_read import commitment_item, commitment_query, event_items, plain

CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True, slots=True)
class Filters:
    """What a listing keeps: ``pairs`` (None: all), a date window, a type (event type,
    indicator kind, commitment kind, or a word of a person's role), a commitment status, and
    the date the knowledge is read as of."""

    pairs: list[str] | None = None
    since: date | None = None
    until: date | None = None
    type: str | None = None
    status: str | None = None
    as_of: date | None = None

    @property
    def limit(self) -> str | None:
        return self.as_of.isoformat() if self.as_of else None


def of_pairs(column: sa.ColumnElement, pairs: list[str] | None) -> list:
    return [] if pairs is None else [column.in_(pairs)]


def count(conn: Connection, query: sa.Select) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()


def shown(conn: Connection, query: sa.Select, limit: int | None, offset: int) -> list[dict]:
    return [plain(r) for r in conn.execute(query.limit(limit).offset(offset)).mappings()]


def visible(column: sa.ColumnElement, limit: str | None) -> list:
    """A document's effective date counts as of ``limit`` (undated: always)."""
    return [] if limit is None else [sa.or_(column.is_(None), column <= limit)]


def doc_dates(conn: Connection, ids: Iterable[str]) -> dict[str, str | None]:
    """Effective date of each document (the same in every pair it belongs to)."""
    d = k.kb_pair_docs
    ids = sorted(set(ids))
    out: dict[str, str | None] = {}
    for i in range(0, len(ids), CHUNK):
        query = sa.select(d.c.doc_id, d.c.effective_date).where(d.c.doc_id.in_(ids[i : i + CHUNK]))
        out.update((doc, when) for doc, when in conn.execute(query))
    return out


def visibility(conn: Connection, ids: Iterable[str], limit: str | None):
    """``ok(doc)``: whether a document counts as of ``limit``."""
    if limit is None:
        return lambda _doc: True
    dates = doc_dates(conn, ids)
    return lambda doc: doc in dates and (dates[doc] is None or dates[doc] <= limit)


# --- dates and periods --------------------------------------------------------------------


def _text(expr) -> sa.ColumnElement:
    return sa.type_coerce(expr, sa.String)


def _by_digit(digit: sa.ColumnElement, values: dict[str, str]) -> sa.ColumnElement:
    return sa.case(*((digit == key, value) for key, value in values.items()), else_=None)


_Q_START = {"1": "-01-01", "2": "-04-01", "3": "-07-01", "4": "-10-01"}
_Q_END = {"1": "-03-31", "2": "-06-31", "3": "-09-31", "4": "-12-31"}  # "-06-31": any day of June is before it
_H_START = {"1": "-01-01", "2": "-07-01"}
_H_END = {"1": "-06-31", "2": "-12-31"}


def _bound(x: sa.ColumnElement, first: bool) -> sa.ColumnElement:
    """The first (or last) day a date or period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn)
    covers, as an ISO string that compares right with real days; NULL when unreadable."""
    x = _text(x)
    year, digit, length = sa.func.substr(x, 1, 4), sa.func.substr(x, 7, 1), sa.func.length(x)
    return _text(sa.case(
        (length == 4, x.concat("-01-01" if first else "-12-31")),
        (x.like("____-Q_"), year.concat(_by_digit(digit, _Q_START if first else _Q_END))),
        (x.like("____-H_"), year.concat(_by_digit(digit, _H_START if first else _H_END))),
        (length == 7, x.concat("-01" if first else "-31")),
        (length == 10, x),
        else_=None,
    ))  # fmt: skip


def window(conn: Connection, column: sa.ColumnElement, since: date | None, until: date | None) -> list:
    """A date or period (``A/B`` spans from A to B) that overlaps [since, until]; an undated or
    unreadable one never does (as :func:`bilat.knowledge.periods.period_start` reads them)."""
    if since is None and until is None:
        return []
    column = _text(column)
    slash = sa.func.instr(column, "/") if conn.dialect.name == "sqlite" else sa.func.strpos(column, "/")
    first = sa.case((slash > 0, sa.func.substr(column, 1, slash - 1)), else_=column)
    last = sa.case((slash > 0, sa.func.substr(column, slash + 1)), else_=column)
    start, end = _bound(first, True), _bound(last, False)
    conds = [column.isnot(None), start.isnot(None), end.isnot(None)]
    if since is not None:
        conds.append(end >= since.isoformat())
    if until is not None:
        conds.append(start <= until.isoformat())
    return conds


# --- events ---------------------------------------------------------------------------------


def visible_sources(f: Filters) -> sa.Select:
    """Event sources from documents that count as of ``f.as_of``."""
    es, d = k.kb_event_sources, k.kb_pair_docs
    query = sa.select(es).where(*of_pairs(es.c.pair, f.pairs))
    if f.limit is None:
        return query
    on = sa.and_(d.c.pair == es.c.pair, d.c.doc_id == es.c.doc_id)
    return query.join(d, on).where(*visible(d.c.effective_date, f.limit))


def event_list(conn: Connection, f: Filters, limit: int | None, offset: int = 0) -> Page:
    """Events by date (undated last), type and id, each with its sources as of the date."""
    e, es = k.kb_events, k.kb_event_sources
    query = sa.select(e).where(*of_pairs(e.c.pair, f.pairs), *window(conn, e.c.date, f.since, f.until))
    if f.type:
        query = query.where(e.c.type == f.type)
    if f.limit is not None:
        src = visible_sources(f).subquery()
        query = query.where(sa.exists().where(src.c.pair == e.c.pair, src.c.event_id == e.c.id))
    total = count(conn, query)
    order = (e.c.date.is_(None), sa.func.coalesce(e.c.date, ""), e.c.type, e.c.id, e.c.pair)
    rows = shown(conn, query.order_by(*order), limit, offset)
    if not rows:
        return Page(total, [])
    sources: list[dict] = []
    for pair, ids in _group(rows, "pair", "id").items():
        for i in range(0, len(ids), CHUNK):
            q = sa.select(es).where(es.c.pair == pair, es.c.event_id.in_(ids[i : i + CHUNK]))
            sources += (plain(r) for r in conn.execute(q).mappings())
    sources.sort(key=lambda x: (x["pair"], x["event_id"], x["n"]))
    ok = visibility(conn, (x["doc_id"] for x in sources), f.limit)
    return Page(total, event_items(rows, sources, ok))


def _group(rows: list[dict], key: str, value: str) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for r in rows:
        out[r[key]].append(r[value])
    return out


# --- persons --------------------------------------------------------------------------------


def person_docs(f: Filters, window_conds: list | None = None) -> sa.Subquery:
    """(pair, person_id, n): each person's documents that count as of the date; with
    ``window_conds`` (on the documents' effective date) only persons with such a document."""
    pd, d = k.kb_person_docs, k.kb_pair_docs
    query = sa.select(pd.c.pair, pd.c.person_id, sa.func.count().label("n")).where(*of_pairs(pd.c.pair, f.pairs))
    if f.limit is not None or window_conds:
        query = query.join(d, sa.and_(d.c.pair == pd.c.pair, d.c.doc_id == pd.c.doc_id))
        query = query.where(*visible(d.c.effective_date, f.limit))
    query = query.group_by(pd.c.pair, pd.c.person_id)
    if window_conds:
        query = query.having(sa.func.sum(sa.case((sa.and_(*window_conds), 1), else_=0)) > 0)
    return query.subquery()


def person_list(conn: Connection, f: Filters, limit: int | None, offset: int = 0,
                docs_cap: int | None = None) -> Page:  # fmt: skip
    """Persons of each pair by number of documents (most first), then name; ``f.type`` is a
    word of one of their roles. With ``docs_cap`` (the capped dossier) each person's ``docs``
    are only the newest ones and ``documents`` counts all."""
    p, r = k.kb_persons, k.kb_roles
    conds = window(conn, k.kb_pair_docs.c.effective_date, f.since, f.until)
    docs = person_docs(f, conds)
    query = sa.select(p, docs.c.n).join(docs, sa.and_(docs.c.pair == p.c.pair, docs.c.person_id == p.c.id))
    if f.type:
        role = [r.c.pair == p.c.pair, r.c.person_id == p.c.id,
                sa.func.lower(r.c.role).contains(f.type.lower(), autoescape=True)]  # fmt: skip
        if f.limit is not None:
            role.append(_role_seen(r, f.limit))
        query = query.where(sa.exists().where(*role))
    # the total comes with the page (one grouping of the documents, not two)
    query = query.add_columns(sa.func.count().over().label("total"))
    rows = shown(conn, query.order_by(docs.c.n.desc(), p.c.name, p.c.pair, p.c.id), limit, offset)
    total = rows[0]["total"] if rows else count(conn, query)
    return Page(total, fill_persons(conn, rows, f.limit, docs_cap))


def _newest_docs(pair: str, ids: list[str], limit: str | None, cap: int) -> sa.Select:
    """(person_id, doc_id) of the newest ``cap`` documents of each person that count."""
    pd, d = k.kb_person_docs, k.kb_pair_docs
    rank = sa.func.row_number().over(partition_by=pd.c.person_id,
                                     order_by=(d.c.effective_date.desc().nulls_last(), pd.c.doc_id.desc()))  # fmt: skip
    ranked = (sa.select(pd.c.person_id, pd.c.doc_id, rank.label("rank"))
              .join(d, sa.and_(d.c.pair == pd.c.pair, d.c.doc_id == pd.c.doc_id))
              .where(pd.c.pair == pair, pd.c.person_id.in_(ids), *visible(d.c.effective_date, limit))
              .subquery())  # fmt: skip
    return sa.select(ranked.c.person_id, ranked.c.doc_id).where(ranked.c.rank <= cap)


def _role_seen(r: sa.Table, limit: str) -> sa.ColumnElement:
    """A role spell one of whose source documents counts as of ``limit``."""
    pd, d = k.kb_person_docs, k.kb_pair_docs
    quoted = sa.literal('"').concat(pd.c.doc_id).concat('"')
    return sa.exists().where(
        pd.c.pair == r.c.pair, pd.c.person_id == r.c.person_id,
        d.c.pair == pd.c.pair, d.c.doc_id == pd.c.doc_id, *visible(d.c.effective_date, limit),
        sa.cast(r.c.sources, sa.Text).contains(quoted),
    )  # fmt: skip


def fill_persons(conn: Connection, rows: list[dict], limit: str | None, docs_cap: int | None = None) -> list[dict]:
    """Person rows with ``docs`` (documents that count, by id) and ``roles`` (spells with a
    source that counts), as :meth:`Snapshot.persons` gives them; with ``docs_cap``, ``docs``
    holds the newest ``docs_cap`` (by id) and ``documents`` counts them all."""
    pd, r = k.kb_person_docs, k.kb_roles
    docs: dict[tuple, list[str]] = defaultdict(list)
    roles: dict[tuple, list[dict]] = defaultdict(list)
    for pair, ids in _group(rows, "pair", "id").items():
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i : i + CHUNK]
            q = _newest_docs(pair, chunk, limit, docs_cap) if docs_cap is not None else (
                sa.select(pd.c.person_id, pd.c.doc_id).where(pd.c.pair == pair, pd.c.person_id.in_(chunk)))  # fmt: skip
            for pid, doc in conn.execute(q.order_by(q.selected_columns.doc_id)):
                docs[(pair, pid)].append(doc)
            q = sa.select(r).where(r.c.pair == pair, r.c.person_id.in_(chunk)).order_by(r.c.n)
            for row in conn.execute(q).mappings():
                roles[(pair, row["person_id"])].append(plain(row))
    seen = {d for ds in docs.values() for d in ds} | {d for rs in roles.values() for x in rs for d in x["sources"]}
    ok = visibility(conn, seen, limit)
    out = []
    for p in rows:
        key = (p["pair"], p["id"])
        spells = []
        for x in roles[key]:
            kept = [d for d in x["sources"] if ok(d)]
            if kept:
                spells.append({"role": x["role"], "organization": x["organization"], "country": x["country"],
                               "first_seen": x["first_seen"], "last_seen": x["last_seen"], "sources": kept})  # fmt: skip
        person = {name: v for name, v in p.items() if name not in ("n", "total")}
        out.append(person | {"docs": [d for d in docs[key] if ok(d)], "roles": spells}
                   | ({"documents": p["n"]} if docs_cap is not None else {}))
    return out


# --- indicators -----------------------------------------------------------------------------


def point_list(conn: Connection, f: Filters, limit: int | None, offset: int = 0) -> Page:
    """Indicator points by (pair, kind, scope, unit) and period, each keeping only the sources
    (and conflicting figures) that count as of the date; points left without one are dropped.
    Indicator tables are small: as of a date the points are filtered before the page is cut."""
    t = k.kb_series_points
    query = sa.select(t).where(*of_pairs(t.c.pair, f.pairs), *window(conn, t.c.period, f.since, f.until))
    if f.type:
        query = query.where(t.c.kind == f.type)
    query = query.order_by(t.c.pair, t.c.kind, t.c.scope, t.c.unit, t.c.period)
    if f.limit is None:
        return Page(count(conn, query), shown(conn, query, limit, offset))
    points = shown(conn, query, None, 0)
    docs = {x["doc"] for p in points for x in p["sources"]}
    docs |= {x["doc"] for p in points for a in p["alternatives"] for x in a["sources"]}
    ok = visibility(conn, docs, f.limit)
    kept = []
    for p in points:
        sources = [x for x in p["sources"] if ok(x["doc"])]
        if sources:
            alts = [a for a in p["alternatives"] if any(ok(x["doc"]) for x in a["sources"])]
            kept.append(p | {"sources": sources, "alternatives": alts})
    end = None if limit is None else offset + limit
    return Page(len(kept), kept[offset:end])


# --- commitments ----------------------------------------------------------------------------


def newest_date(conn: Connection, pairs: list[str] | None, limit: str | None = None) -> str | None:
    """The newest effective date of the pairs' documents that count as of ``limit``."""
    d = k.kb_pair_docs
    query = sa.select(sa.func.max(d.c.effective_date)).where(*of_pairs(d.c.pair, pairs),
                                                               *visible(d.c.effective_date, limit))  # fmt: skip
    return conn.execute(query).scalar()


def status_on(day: str) -> sa.ColumnElement:
    """A commitment's status on ``day``, read from its history (as :func:`status_at` does)."""
    t, h = k.kb_commitments, k.kb_commitment_history
    last = (sa.select(h.c.status)
            .where(h.c.pair == t.c.pair, h.c.doc_id == t.c.doc_id, h.c.n == t.c.n,
                   sa.or_(h.c.as_of.is_(None), h.c.as_of <= day))
            .order_by(h.c.seq.desc()).limit(1).scalar_subquery())  # fmt: skip
    return sa.func.coalesce(last, "pending")


def status_column(f: Filters, day: str | None) -> sa.ColumnElement:
    """The stored status is the one as of the pair's newest document: right for one pair and
    no as-of date; otherwise the status is read from the history on ``day``."""
    if f.as_of is None and f.pairs is not None and len(f.pairs) == 1:
        return k.kb_commitments.c.status
    return status_on(day or "9999-12-31")


def commitment_list(conn: Connection, f: Filters, limit: int | None, offset: int = 0) -> Page:
    """Commitments by due date (none last), date made, document and position, with their status
    on ``f.as_of`` (default: the newest document of the pairs listed)."""
    t = k.kb_commitments
    day = f.limit or newest_date(conn, f.pairs)
    keys = sa.select(t.c.pair, t.c.doc_id, t.c.n).where(*of_pairs(t.c.pair, f.pairs), *visible(t.c.made, f.limit))
    keys = keys.where(*window(conn, sa.func.coalesce(t.c.made, t.c.due), f.since, f.until))
    if f.type:
        keys = keys.where(t.c.kind == f.type)
    if f.status:
        keys = keys.where(status_column(f, day) == f.status)
    total = count(conn, keys)
    order = (t.c.due.is_(None), sa.func.coalesce(t.c.due, ""), sa.func.coalesce(t.c.made, ""),
             t.c.doc_id, t.c.n, t.c.pair)  # fmt: skip
    # the page's keys first, then their rows: sorting whole rows would copy every promise's
    # follow-through evidence (large JSON) into the sorter
    page = [tuple(r) for r in conn.execute(keys.order_by(*order).limit(limit).offset(offset))]
    return Page(total, with_status(conn, commitment_rows(conn, page), day, f.limit))


def commitment_rows(conn: Connection, keys: list[tuple]) -> list[dict]:
    """The commitment rows (:func:`commitment_query`) of (pair, doc_id, n) keys, in their order."""
    t = k.kb_commitments
    wanted = set(keys)
    found: dict[tuple, dict] = {}
    for pair, docs in _group([{"pair": p, "doc": d} for p, d, _n in keys], "pair", "doc").items():
        docs = sorted(set(docs))
        for i in range(0, len(docs), CHUNK):  # by primary key (a row-value IN list is scanned)
            query = commitment_query().where(t.c.pair == pair, t.c.doc_id.in_(docs[i : i + CHUNK]))
            for r in conn.execute(query).mappings():
                if (r["pair"], r["doc_id"], r["n"]) in wanted:
                    found[(r["pair"], r["doc_id"], r["n"])] = plain(r)
    return [found[key] for key in keys]


def with_status(conn: Connection, rows: list[dict], day: str | None, limit: str | None) -> list[dict]:
    """Commitment rows as :func:`commitment_item` gives them: status on ``day``, evidence from
    documents that count as of ``limit``."""
    h = k.kb_commitment_history
    history: dict[tuple, list[tuple]] = defaultdict(list)
    for pair, docs in _group(rows, "pair", "doc_id").items():
        docs = sorted(set(docs))
        for i in range(0, len(docs), CHUNK):
            q = sa.select(h).where(h.c.pair == pair, h.c.doc_id.in_(docs[i : i + CHUNK])).order_by(h.c.seq)
            for x in conn.execute(q).mappings():
                history[(pair, x["doc_id"], x["n"])].append((x["as_of"], x["status"]))
    ok = visibility(conn, (e["doc"] for r in rows for e in r["evidence"]), limit)
    return [commitment_item(r, history[(r["pair"], r["doc_id"], r["n"])], day, ok) for r in rows]
