"""The knowledge tables: cross-document facts per country pair, kept up to date by ingest.

Every row carries its ``pair`` ("KZ-RS", codes sorted), so one pair's knowledge is replaced as a
whole when a new document touches it (see :mod:`bilat.store.kb`). Dates are ISO strings of the
precision the sources give (YYYY, YYYY-MM, YYYY-MM-DD, periods such as 2025-H1).
"""

from __future__ import annotations

import sqlalchemy as sa

from .schema import DOC_ID, metadata

PAIR = sa.String(8)
DATE_TEXT = sa.String(40)
KB_ID = sa.String(16)


def _pair() -> sa.Column:
    return sa.Column("pair", PAIR, primary_key=True)


# the documents of a pair (both countries in the document's dyad) and their effective dates
kb_pair_docs = sa.Table(
    "kb_pair_docs",
    metadata,
    _pair(),
    sa.Column("doc_id", DOC_ID, primary_key=True),
    sa.Column("effective_date", DATE_TEXT),
    sa.Index("ix_kb_pair_docs_doc", "doc_id"),
)

kb_persons = sa.Table(
    "kb_persons",
    metadata,
    _pair(),
    sa.Column("id", KB_ID, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("country", sa.String(8)),
    sa.Column("mentions", sa.JSON, nullable=False),
    sa.Column("ambiguous_with", sa.JSON, nullable=False),
)

kb_person_docs = sa.Table(
    "kb_person_docs",
    metadata,
    _pair(),
    sa.Column("person_id", KB_ID, primary_key=True),
    sa.Column("doc_id", DOC_ID, primary_key=True),
    sa.Index("ix_kb_person_docs_doc", "doc_id"),  # the people of one document
)

kb_roles = sa.Table(
    "kb_roles",
    metadata,
    _pair(),
    sa.Column("person_id", KB_ID, primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("role", sa.Text),
    sa.Column("organization", sa.Text),
    sa.Column("country", sa.String(8)),
    sa.Column("first_seen", DATE_TEXT),
    sa.Column("last_seen", DATE_TEXT),
    sa.Column("sources", sa.JSON, nullable=False),  # document ids
)

kb_events = sa.Table(
    "kb_events",
    metadata,
    _pair(),
    sa.Column("id", KB_ID, primary_key=True),
    sa.Column("type", sa.String(40), nullable=False),
    sa.Column("date", DATE_TEXT),
    sa.Column("place", sa.Text),
    sa.Column("countries", sa.JSON, nullable=False),
    sa.Column("persons", sa.JSON, nullable=False),
    sa.Column("cameo", sa.String(8)),
    sa.Column("plover", sa.String(40)),
    sa.Column("reports", sa.Integer, nullable=False),  # sources merged into this event
    sa.Index("ix_kb_events_pair_date", "pair", "date"),
)

kb_event_sources = sa.Table(
    "kb_event_sources",
    metadata,
    _pair(),
    sa.Column("event_id", KB_ID, primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("doc_id", DOC_ID, nullable=False),
    sa.Column("published", DATE_TEXT),
    sa.Column("date", DATE_TEXT),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)

kb_series_points = sa.Table(
    "kb_series_points",
    metadata,
    _pair(),
    sa.Column("kind", sa.String(40), primary_key=True),
    sa.Column("scope", sa.String(200), primary_key=True),
    sa.Column("unit", sa.String(16), primary_key=True),
    sa.Column("period", DATE_TEXT, primary_key=True),
    sa.Column("countries", sa.JSON, nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("change_pct", sa.Float),
    sa.Column("derived_from", sa.Text),  # set for a figure implied by a stated change
    sa.Column("sources", sa.JSON, nullable=False),  # [{doc, published, quote, start, end}]
    sa.Column("alternatives", sa.JSON, nullable=False),  # conflicting figures, same shape + value
)

kb_commitments = sa.Table(
    "kb_commitment_status",
    metadata,
    _pair(),
    sa.Column("doc_id", DOC_ID, primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("made", DATE_TEXT),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("kind", sa.String(40)),
    sa.Column("due", DATE_TEXT),
    sa.Column("parties", sa.JSON, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # as of the pair's newest document
    sa.Column("evidence", sa.JSON, nullable=False),  # [{doc, quote, start, end, date}]
)

kb_commitment_history = sa.Table(
    "kb_commitment_history",
    metadata,
    _pair(),
    sa.Column("doc_id", DOC_ID, primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("as_of", DATE_TEXT),
    sa.Column("status", sa.String(16), nullable=False),
)

# one row per pair with knowledge: when it was last recomputed (readers key their caches on it);
# not in KB_TABLES, whose rows are a pure function of the records
kb_pairs = sa.Table(
    "kb_pairs",
    metadata,
    _pair(),
    sa.Column("documents", sa.Integer, nullable=False),
    sa.Column("refreshed_at", sa.DateTime(timezone=True), nullable=False),
)

KB_TABLES: tuple[sa.Table, ...] = (
    kb_pair_docs,
    kb_persons,
    kb_person_docs,
    kb_roles,
    kb_events,
    kb_event_sources,
    kb_series_points,
    kb_commitments,
    kb_commitment_history,
)
