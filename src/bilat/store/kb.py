"""Keeping the knowledge tables up to date: recompute the country pairs new documents touch.

:func:`refresh` runs after each ingest batch is committed, in its own transaction. A pair is
recomputed as a whole from every stored record of the pair (person resolution, event merging,
indicator series, commitment follow-through), so the result never depends on the order the
documents arrived in. Documents stored without a refresh (an ingest stopped between its batch
commit and the refresh) are caught up by the next refresh.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict
from datetime import UTC, date, datetime
from itertools import combinations

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..knowledge.dossier import pair_records
from ..knowledge.events import merge_events
from ..knowledge.followthrough import ReportSentences, effective_date, follow_through, status_at
from ..knowledge.load import load_records
from ..knowledge.persons import resolve_persons
from ..knowledge.series import build_series
from . import kb_schema as k
from . import schema as s

FOREVER = date(9999, 12, 31)  # follow-through history is computed once, read as of any date


def pair_key(pair: Iterable[str]) -> str:
    return "-".join(sorted(c.upper() for c in pair))


def pair_codes(key: str) -> tuple[str, str]:
    a, b = key.split("-")
    return a, b


def _pairs_of(conn: Connection, doc_ids: list[str]) -> set[str]:
    codes: dict[str, set[str]] = {}
    dc = s.doc_countries
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i : i + 500]
        for doc_id, code in conn.execute(sa.select(dc.c.doc_id, dc.c.code).where(dc.c.doc_id.in_(chunk))):
            codes.setdefault(doc_id, set()).add(code)
    return {pair_key(p) for cs in codes.values() for p in combinations(sorted(cs), 2)}


def stale_documents(conn: Connection) -> list[str]:
    """Documents of two or more countries whose pairs the knowledge tables do not cover yet."""
    dc = s.doc_countries
    multi = sa.select(dc.c.doc_id).group_by(dc.c.doc_id).having(sa.func.count() >= 2)
    covered = sa.select(k.kb_pair_docs.c.doc_id)
    return list(conn.execute(multi.except_(covered)).scalars())


def refresh(engine: Engine, doc_ids: Iterable[str] = (), reports: ReportSentences | None = None) -> list[str]:
    """Recompute the pairs touched by ``doc_ids`` (and by any stale document); returns the pairs.
    ``reports`` may hold documents' report sentences analysed earlier (``bilat batch``)."""
    with engine.connect() as conn:
        ids = sorted(set(doc_ids) | set(stale_documents(conn)))
        pairs = sorted(_pairs_of(conn, ids))
    reports = ReportSentences() if reports is None else reports  # a document's sentences are analysed once for all its pairs
    for key in pairs:
        refresh_pair(engine, key, reports)
    return pairs


def refresh_all(engine: Engine) -> list[str]:
    """Recompute every pair from scratch (after a bulk load, or to rebuild the tables)."""
    with engine.connect() as conn:
        ids = list(conn.execute(sa.select(s.extractions.c.doc_id)).scalars())
        pairs = sorted(_pairs_of(conn, ids))
    with engine.begin() as conn:
        for table in (k.kb_pairs, *reversed(k.KB_TABLES)):
            conn.execute(sa.delete(table))
    reports = ReportSentences()
    for key in pairs:
        refresh_pair(engine, key, reports)
    return pairs


def refresh_pair(engine: Engine, key: str, reports: ReportSentences | None = None) -> None:
    """Replace one pair's knowledge rows, in one transaction (stamped in ``kb_pairs``);
    ``reports`` keeps analysed documents for the next pairs."""
    pair = pair_codes(key)
    records, texts = load_records(engine, pair)
    rows = pair_rows(records, texts, pair, reports)
    documents = len(rows["kb_pair_docs"])
    with engine.begin() as conn:
        for table in (k.kb_pairs, *reversed(k.KB_TABLES)):
            conn.execute(sa.delete(table).where(table.c.pair == key))
        for table in k.KB_TABLES:
            if rows[table.name]:
                conn.execute(sa.insert(table), rows[table.name])
        if documents:
            conn.execute(sa.insert(k.kb_pairs).values(pair=key, documents=documents,
                                                      refreshed_at=datetime.now(UTC)))  # fmt: skip


def pair_rows(records: list[Mapping], texts: Mapping[str, str], pair: tuple[str, str],
              reports: ReportSentences | None = None) -> dict[str, list[dict]]:  # fmt: skip
    """The knowledge rows of one pair, by table name, from the pair's extraction records."""
    key = pair_key(pair)
    wanted = set(pair)
    recs = pair_records(records, pair)
    rows: dict[str, list[dict]] = {t.name: [] for t in k.KB_TABLES}
    dates = {r["doc"]: effective_date(r) for r in recs}
    for doc, when in sorted(dates.items()):
        rows["kb_pair_docs"].append({"pair": key, "doc_id": doc, "effective_date": when})

    for p in resolve_persons(recs):
        if p.country not in wanted and p.country is not None:
            continue
        rows["kb_persons"].append({"pair": key, "id": p.id, "name": p.name, "country": p.country,
                                   "mentions": p.mentions, "ambiguous_with": p.ambiguous_with})  # fmt: skip
        rows["kb_person_docs"] += [{"pair": key, "person_id": p.id, "doc_id": d} for d in p.docs]
        for n, r in enumerate(p.roles):
            rows["kb_roles"].append({"pair": key, "person_id": p.id, "n": n, **asdict(r)})

    for e in merge_events(recs):
        if not wanted <= set(e.countries):
            continue
        rows["kb_events"].append({"pair": key, "id": e.id, "type": e.type, "date": e.date,
                                  "place": e.place, "countries": list(e.countries),
                                  "persons": e.persons, "cameo": e.cameo, "plover": e.plover,
                                  "reports": len(e.sources)})  # fmt: skip
        for n, src in enumerate(e.sources):
            rows["kb_event_sources"].append({"pair": key, "event_id": e.id, "n": n, "doc_id": src.doc,
                                             "published": src.published, "date": src.date,
                                             "quote": src.quote, "start": src.start, "end": src.end})  # fmt: skip

    for series in build_series(recs):
        if set(series.countries) != wanted:
            continue
        for p in series.points:
            rows["kb_series_points"].append(
                {"pair": key, "kind": series.kind, "scope": series.scope or "", "unit": series.unit,
                 "period": p.period, "countries": list(series.countries), "value": p.value,
                 "change_pct": p.change_pct, "derived_from": p.derived_from,
                 "sources": [asdict(x) for x in p.sources],
                 "alternatives": [{"value": a.value, "sources": [asdict(x) for x in a.sources]}
                                  for a in p.alternatives]}
            )  # fmt: skip

    newest = max(filter(None, dates.values()), default=None)
    for c in follow_through(recs, texts, FOREVER, reports):
        if c.parties and not wanted & set(c.parties):
            continue
        history = c.history
        rows["kb_commitment_status"].append(
            {"pair": key, "doc_id": c.doc, "n": c.n, "made": dates.get(c.doc), "quote": c.quote,
             "kind": c.kind, "due": c.due, "parties": c.parties,
             "status": status_at(history, newest or FOREVER.isoformat()),
             "evidence": [asdict(e) for e in c.evidence]}
        )  # fmt: skip
        for seq, (when, status) in enumerate(history):
            rows["kb_commitment_history"].append(
                {"pair": key, "doc_id": c.doc, "n": c.n, "seq": seq, "as_of": when, "status": status}
            )
    return rows
