"""Full-text search over documents: SQLite FTS5 or PostgreSQL tsvector (see migrations.py)."""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as s
from .migrations import FTS_TABLE, pg_text_config

_WORD_RE = re.compile(r"\w+\*?")
_CYRILLIC_RE = re.compile(r"[а-яё]", re.IGNORECASE)
MAX_FORMS = 60  # inflected forms searched for one Russian word


def word_forms(word: str) -> list[str]:
    """Every inflected form of a Russian word (the FTS5 index has no stemmer), the word first."""
    from ..extract.models import parse

    forms = {word.lower()}
    for p in parse(word)[:3]:
        forms.update(f.word for f in p.lexeme)
    return [word.lower(), *sorted(forms - {word.lower()})][:MAX_FORMS]


def fts5_query(text: str) -> str:
    """``text`` as an FTS5 query: every word must occur, in any inflected form for Russian
    words; ``word*`` matches a prefix."""
    terms = []
    for word in _WORD_RE.findall(text):
        if word.endswith("*"):
            terms.append(f'"{word.rstrip("*")}"*')
        elif _CYRILLIC_RE.search(word):
            terms.append("(" + " OR ".join(f'"{f}"' for f in word_forms(word)) + ")")
        else:
            terms.append(f'"{word}"')
    return " AND ".join(terms)


def tsquery_text(text: str) -> str:
    """``text`` as a PostgreSQL tsquery: every word (stemmed by the server) must occur;
    ``word*`` matches a prefix."""
    return " & ".join(
        w.rstrip("*") + (":*" if w.endswith("*") else "") for w in _WORD_RE.findall(text)
    )


def matching_ids(conn: Connection, text: str) -> sa.ColumnElement[bool]:
    """A condition on ``documents.id`` true for documents matching ``text``."""
    d = s.documents
    if conn.dialect.name == "sqlite":
        query = fts5_query(text)
        if not query:
            return sa.false()
        rowids = sa.text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q").bindparams(
            q=query
        )
        return sa.literal_column("documents.rowid").in_(rowids.columns(sa.column("rowid")))
    query = tsquery_text(text)
    if not query:
        return sa.false()
    config = pg_text_config(conn)
    tsquery = sa.func.to_tsquery(sa.literal_column(f"'{config}'::regconfig"), query)
    return sa.literal_column("documents.tsv").op("@@")(tsquery) & d.c.id.isnot(None)
