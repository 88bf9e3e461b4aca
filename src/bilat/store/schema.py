"""The tables, as SQLAlchemy Core metadata. Migrations (migrations.py) create them.

Extraction rows are keyed by ``(doc_id, n)``: ``n`` is the item's position in the record, so a
document's facts are written, replaced and compared as a whole, with no surrogate ids.
Evidence is kept as character offsets into ``documents.text`` plus the quoted text.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

DOC_ID = sa.String(32)

schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

# A story groups reprints and near-duplicates; its id is the id of its first document.
stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", DOC_ID, primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", DOC_ID, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("story_id", DOC_ID, sa.ForeignKey("stories.id"), index=True),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_documents_published", "published"),
)

# MinHash signatures (128 uint64 as bytes): the near-duplicate index is rebuilt from these.
minhashes = sa.Table(
    "minhashes",
    metadata,
    sa.Column("doc_id", DOC_ID, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("signature", sa.LargeBinary, nullable=False),
)

rejects = sa.Table(
    "rejects",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("line", sa.Integer),
    sa.Column("reason_code", sa.String(40), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)


def _doc_fk() -> sa.Column:
    return sa.Column(
        "doc_id", DOC_ID, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )


def _n() -> sa.Column:
    return sa.Column("n", sa.Integer, primary_key=True, autoincrement=False)


def _evidence() -> list[sa.Column]:
    return [
        sa.Column("ev_start", sa.Integer),
        sa.Column("ev_end", sa.Integer),
        sa.Column("ev_text", sa.Text),
    ]


extractions = sa.Table(
    "extractions",
    metadata,
    _doc_fk(),
    sa.Column("record", sa.JSON, nullable=False),
    sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
)

doc_countries = sa.Table(
    "doc_countries",
    metadata,
    _doc_fk(),
    sa.Column("code", sa.String(8), primary_key=True),
)

entities = sa.Table(
    "entities",
    metadata,
    _doc_fk(),
    _n(),
    sa.Column("type", sa.String(40), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("normal", sa.Text),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)

persons = sa.Table(
    "persons",
    metadata,
    _doc_fk(),
    _n(),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("country", sa.String(8)),
    sa.Column("role", sa.Text),
    sa.Column("organization", sa.Text),
    sa.Column("patronymic", sa.Text),
    sa.Index("ix_persons_name", "name"),
)

person_mentions = sa.Table(
    "person_mentions",
    metadata,
    _doc_fk(),
    sa.Column("person_n", sa.Integer, primary_key=True, autoincrement=False),
    _n(),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.ForeignKeyConstraint(
        ["doc_id", "person_n"], ["persons.doc_id", "persons.n"], ondelete="CASCADE"
    ),
)

events = sa.Table(
    "events",
    metadata,
    _doc_fk(),
    _n(),
    sa.Column("type", sa.String(40), nullable=False),
    sa.Column("date", sa.String(40)),
    sa.Column("countries", sa.JSON, nullable=False),
    sa.Column("place", sa.Text),
    sa.Column("persons", sa.JSON, nullable=False),
    sa.Column("cameo", sa.String(8)),
    sa.Column("plover", sa.String(40)),
    *_evidence(),
)

indicators = sa.Table(
    "indicators",
    metadata,
    _doc_fk(),
    _n(),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("scope", sa.Text),
    sa.Column("countries", sa.JSON, nullable=False),
    sa.Column("period", sa.String(40)),
    sa.Column("value", sa.Float),
    sa.Column("unit", sa.String(16)),
    sa.Column("change_pct", sa.Float),
    *_evidence(),
)

commitments = sa.Table(
    "commitments",
    metadata,
    _doc_fk(),
    _n(),
    sa.Column("kind", sa.String(40)),
    sa.Column("due", sa.String(40)),
    sa.Column("parties", sa.JSON, nullable=False),
    sa.Column("action", sa.Text),
    *_evidence(),
)

sectors = sa.Table(
    "sectors",
    metadata,
    _doc_fk(),
    sa.Column("sector", sa.String(40), primary_key=True),
)

# every table filled from a document's extraction record, children after parents
EXTRACTION_TABLES: tuple[sa.Table, ...] = (
    extractions,
    doc_countries,
    entities,
    persons,
    person_mentions,
    events,
    indicators,
    commitments,
    sectors,
)
