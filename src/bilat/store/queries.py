"""Reading the store: document listings, one document with its facts, story members."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..errors import StoreError
from . import schema as s
from .fts import matching_ids


class UnknownDocument(StoreError):
    """No stored document has the given id (or id prefix)."""

    code = "E202"


@dataclass(slots=True)
class DocumentSummary:
    id: str
    published: date | None
    source: str | None
    title: str | None
    story_id: str | None
    name: str = ""

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "title": self.title,
            "story_id": self.story_id,
            "name": self.name,
        }


@dataclass(slots=True)
class StoredDocument:
    id: str
    name: str
    origin: str
    url: str | None
    title: str | None
    source: str | None
    published: date | None
    text: str
    story_id: str | None
    ingested_at: str
    story_members: list[str] = field(default_factory=list)  # other documents of its story
    record: dict | None = None  # the extraction record, None when not extracted

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "origin": self.origin,
            "url": self.url,
            "title": self.title,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "story_id": self.story_id,
            "story_members": self.story_members,
            "ingested_at": self.ingested_at,
            "text": self.text,
            "record": self.record,
        }


def list_documents(
    engine: Engine,
    *,
    search: str | None = None,
    since: date | None = None,
    limit: int | None = 50,
) -> list[DocumentSummary]:
    """Stored documents, newest first (undated last), optionally matching ``search``."""
    d = s.documents
    query = sa.select(d.c.id, d.c.published, d.c.source, d.c.title, d.c.story_id, d.c.name)
    with engine.connect() as conn:
        if search:
            query = query.where(matching_ids(conn, search))
        if since is not None:
            query = query.where(d.c.published >= since)
        query = query.order_by(d.c.published.desc().nulls_last(), d.c.id)
        if limit is not None:
            query = query.limit(limit)
        return [DocumentSummary(*row) for row in conn.execute(query)]


def resolve_id(engine: Engine, doc_id: str) -> str:
    """The full id of the document whose id is ``doc_id``, or whose name (file name) is, or
    the one document whose id starts with ``doc_id``."""
    d = s.documents
    with engine.connect() as conn:
        if conn.execute(sa.select(d.c.id).where(d.c.id == doc_id)).first():
            return doc_id
        named = list(conn.execute(sa.select(d.c.id).where(d.c.name == doc_id).limit(2)).scalars())
        if len(named) == 1:
            return named[0]
        pattern = doc_id.replace("\\", "").replace("%", "").replace("_", "") + "%"
        found = list(conn.execute(sa.select(d.c.id).where(d.c.id.like(pattern)).limit(3)).scalars())
    if len(found) == 1 and len(doc_id) >= 4:
        return found[0]
    if len(found) > 1 or len(named) > 1:
        found = found if len(found) > 1 else named
        raise UnknownDocument(f"document id {doc_id!r} matches several documents: {', '.join(found)}")
    raise UnknownDocument(f"no document with id {doc_id!r} (list them with `bilat docs`)")


def get_document(engine: Engine, doc_id: str) -> StoredDocument:
    """One stored document with its extraction record; raises UnknownDocument."""
    full_id = resolve_id(engine, doc_id)
    d, x = s.documents, s.extractions
    with engine.connect() as conn:
        row = conn.execute(sa.select(d).where(d.c.id == full_id)).mappings().one()
        record = conn.execute(sa.select(x.c.record).where(x.c.doc_id == full_id)).scalar()
        members: list[str] = []
        if row["story_id"]:
            members = list(
                conn.execute(
                    sa.select(d.c.id)
                    .where(d.c.story_id == row["story_id"], d.c.id != full_id)
                    .order_by(d.c.id)
                ).scalars()
            )
    return StoredDocument(
        id=row["id"], name=row["name"], origin=row["origin"], url=row["url"],
        title=row["title"], source=row["source"], published=row["published"],
        text=row["text"], story_id=row["story_id"],
        ingested_at=row["ingested_at"].isoformat() if row["ingested_at"] else "",
        story_members=members, record=record,
    )  # fmt: skip


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows in every table (for checks and reports)."""
    with engine.connect() as conn:
        return {
            t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            for t in s.metadata.sorted_tables
        }
