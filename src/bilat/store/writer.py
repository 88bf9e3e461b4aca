"""Writing one batch (documents, their facts, stories, signatures, rejects) in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as s


@dataclass(slots=True)
class NewDocument:
    """A document ready to store: its row, MinHash signature, story and extraction record."""

    id: str
    name: str
    origin: str
    text: str
    story_id: str
    signature: bytes
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None
    record: dict | None = None


@dataclass(frozen=True, slots=True)
class RejectRow:
    origin: str
    line: int | None
    reason_code: str
    reason: str


@dataclass(slots=True)
class Batch:
    documents: list[NewDocument] = field(default_factory=list)
    new_stories: list[str] = field(default_factory=list)
    rejects: list[RejectRow] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.documents) + len(self.rejects)


def _evidence(ev: dict | None) -> dict:
    ev = ev or {}
    return {"ev_start": ev.get("start"), "ev_end": ev.get("end"), "ev_text": ev.get("text")}


def record_rows(doc_id: str, record: dict, now: datetime) -> dict[sa.Table, list[dict]]:
    """The rows of every extraction table for one record made by ``bilat.record.to_record``."""
    rows: dict[sa.Table, list[dict]] = {t: [] for t in s.EXTRACTION_TABLES}
    rows[s.extractions].append({"doc_id": doc_id, "record": record, "extracted_at": now})
    for code in sorted(set(record.get("countries") or [])):
        rows[s.doc_countries].append({"doc_id": doc_id, "code": code})
    for n, e in enumerate(record.get("entities") or []):
        rows[s.entities].append(
            {"doc_id": doc_id, "n": n, "type": e["type"], "text": e["text"],
             "normal": e.get("normal"), "start": e["start"], "end": e["end"]}
        )  # fmt: skip
    for n, p in enumerate(record.get("persons") or []):
        rows[s.persons].append(
            {"doc_id": doc_id, "n": n, "name": p["name"], "country": p.get("country"),
             "role": p.get("role"), "organization": p.get("organization"),
             "patronymic": p.get("patronymic")}
        )  # fmt: skip
        for m, mention in enumerate(p.get("mentions") or []):
            rows[s.person_mentions].append(
                {"doc_id": doc_id, "person_n": n, "n": m, "start": mention["start"],
                 "end": mention["end"], "text": mention["text"]}
            )  # fmt: skip
    for n, e in enumerate(record.get("events") or []):
        rows[s.events].append(
            {"doc_id": doc_id, "n": n, "type": e["type"], "date": e.get("date"),
             "countries": list(e.get("countries") or []), "place": e.get("place"),
             "persons": list(e.get("persons") or []), "cameo": e.get("cameo"),
             "plover": e.get("plover"), **_evidence(e.get("evidence"))}
        )  # fmt: skip
    for n, i in enumerate(record.get("indicators") or []):
        rows[s.indicators].append(
            {"doc_id": doc_id, "n": n, "kind": i["kind"], "scope": i.get("scope"),
             "countries": list(i.get("countries") or []), "period": i.get("period"),
             "value": i.get("value"), "unit": i.get("unit"), "change_pct": i.get("change_pct"),
             **_evidence(i.get("evidence"))}
        )  # fmt: skip
    for n, c in enumerate(record.get("commitments") or []):
        rows[s.commitments].append(
            {"doc_id": doc_id, "n": n, "kind": c.get("kind"), "due": c.get("due"),
             "parties": list(c.get("parties") or []), "action": c.get("action"),
             **_evidence(c.get("evidence"))}
        )  # fmt: skip
    for sector in sorted(set(record.get("sectors") or [])):
        rows[s.sectors].append({"doc_id": doc_id, "sector": sector})
    return rows


def _new_rejects(conn: Connection, rejects: list[RejectRow]) -> list[RejectRow]:
    """The rejects not yet logged (same input, line and reason), without repeats."""
    if not rejects:
        return []
    origins = sorted({r.origin for r in rejects})
    t = s.rejects
    stored = {
        (row.origin, row.line, row.reason_code)
        for row in conn.execute(
            sa.select(t.c.origin, t.c.line, t.c.reason_code).where(t.c.origin.in_(origins))
        )
    }
    fresh = []
    for r in rejects:
        key = (r.origin, r.line, r.reason_code)
        if key not in stored:
            stored.add(key)
            fresh.append(r)
    return fresh


def replace_extraction(conn: Connection, doc_id: str, record: dict) -> None:
    """Drop a document's stored facts and store ``record`` instead (for re-extraction)."""
    for table in reversed(s.EXTRACTION_TABLES):
        conn.execute(sa.delete(table).where(table.c.doc_id == doc_id))
    for table, rows in record_rows(doc_id, record, datetime.now(UTC)).items():
        if rows:
            conn.execute(sa.insert(table), rows)


def write_batch(conn: Connection, batch: Batch) -> int:
    """Insert everything in ``batch`` on ``conn`` (the caller holds the transaction).

    Returns the number of reject rows logged."""
    now = datetime.now(UTC)
    if batch.new_stories:
        conn.execute(sa.insert(s.stories), [{"id": i, "created_at": now} for i in batch.new_stories])
    if batch.documents:
        conn.execute(
            sa.insert(s.documents),
            [
                {"id": d.id, "name": d.name, "origin": d.origin, "url": d.url, "title": d.title,
                 "source": d.source, "published": d.published, "text": d.text,
                 "story_id": d.story_id, "ingested_at": now}
                for d in batch.documents
            ],
        )  # fmt: skip
        conn.execute(
            sa.insert(s.minhashes),
            [{"doc_id": d.id, "signature": d.signature} for d in batch.documents],
        )
        rows: dict[sa.Table, list[dict]] = {t: [] for t in s.EXTRACTION_TABLES}
        for d in batch.documents:
            if d.record is not None:
                for table, more in record_rows(d.id, d.record, now).items():
                    rows[table].extend(more)
        for table in s.EXTRACTION_TABLES:
            if rows[table]:
                conn.execute(sa.insert(table), rows[table])
    fresh = _new_rejects(conn, batch.rejects)
    if fresh:
        conn.execute(
            sa.insert(s.rejects),
            [{"origin": r.origin, "line": r.line, "reason_code": r.reason_code,
              "reason": r.reason, "at": now} for r in fresh],
        )  # fmt: skip
    return len(fresh)


def existing_ids(conn: Connection, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    t = s.documents
    return set(conn.execute(sa.select(t.c.id).where(t.c.id.in_(ids))).scalars())
