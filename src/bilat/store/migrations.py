"""Named, versioned schema migrations, each applied once, in order, in its own transaction.

``schema_migrations`` records what has been applied. Never edit a migration that has shipped:
add a new one at the end of ``MIGRATIONS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..errors import MigrationError
from . import kb_schema
from . import schema as s

FTS_TABLE = "documents_fts"


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _create(*tables: sa.Table) -> Callable[[Connection], None]:
    def apply(conn: Connection) -> None:
        for table in tables:
            table.create(conn)

    return apply


_SQLITE_FTS = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, text, content='documents', "
    "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    f"CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text) "
    "VALUES ('delete', old.rowid, old.title, old.text); END",
    f"CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text) "
    "VALUES ('delete', old.rowid, old.title, old.text); "
    f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
)


def pg_text_config(conn: Connection) -> str:
    """``russian`` when the server has it, else ``simple``."""
    found = conn.exec_driver_sql("SELECT 1 FROM pg_ts_config WHERE cfgname = 'russian'").first()
    return "russian" if found else "simple"


def _fulltext(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for sql in _SQLITE_FTS:
            conn.exec_driver_sql(sql)
    elif conn.dialect.name == "postgresql":
        config = pg_text_config(conn)
        conn.exec_driver_sql(
            "ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('{config}'::regconfig, coalesce(title, '') || ' ' || text)) STORED"
        )
        conn.exec_driver_sql("CREATE INDEX ix_documents_tsv ON documents USING gin (tsv)")
    else:
        raise MigrationError(f"full-text search is not supported on {conn.dialect.name}")


def _kb_pairs(conn: Connection) -> None:
    kb_schema.kb_pairs.create(conn)
    for index in kb_schema.kb_person_docs.indexes:  # a fresh database got it in migration 5
        index.create(conn, checkfirst=True)


# Indexes the listing queries walk in their ORDER BY (found with benchmarks/query_speed.py):
# (name, table, SQLite columns, PostgreSQL columns). SQLite sorts NULL first, so its DESC
# already puts NULLs last, as ``published DESC NULLS LAST`` asks.
_LISTING_INDEXES = (
    ("ix_documents_published_desc_id", "documents", "published DESC, id",
     "published DESC NULLS LAST, id"),
    ("ix_kb_person_docs_pair_doc", "kb_person_docs", "pair, doc_id, person_id",
     "pair, doc_id, person_id"),
    ("ix_kb_persons_pair_name", "kb_persons", "pair, name", "pair, name"),
    ("ix_kb_commitment_status_pair_made", "kb_commitment_status", "pair, made, doc_id, n",
     "pair, made, doc_id, n"),
)  # fmt: skip


def _create_indexes(*indexes: tuple[str, str, str, str]) -> Callable[[Connection], None]:
    def apply(conn: Connection) -> None:
        for name, table, sqlite_cols, pg_cols in indexes:
            cols = sqlite_cols if conn.dialect.name == "sqlite" else pg_cols
            conn.exec_driver_sql(f"CREATE INDEX {name} ON {table} ({cols})")

    return apply


# Indexes for the capped dossier (benchmarks/query_speed.py): the newest commitments of one
# status and the newest documents of a pair are read by walking them, without reading (and
# sorting) every row of the pair.
_DOSSIER_INDEXES = (
    ("ix_kb_commitment_status_pair_status_made", "kb_commitment_status",
     "pair, status, made DESC, doc_id DESC, n DESC",
     "pair, status, made DESC NULLS LAST, doc_id DESC, n DESC"),
    ("ix_kb_pair_docs_pair_date", "kb_pair_docs", "pair, effective_date DESC, doc_id DESC",
     "pair, effective_date DESC NULLS LAST, doc_id DESC"),
)  # fmt: skip


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "create_documents_stories_rejects", _create(s.stories, s.documents, s.rejects)),
    Migration(
        2,
        "create_extraction_tables",
        _create(*s.EXTRACTION_TABLES),
    ),
    Migration(3, "create_minhashes", _create(s.minhashes)),
    Migration(4, "create_fulltext_index", _fulltext),
    Migration(5, "create_knowledge_tables", _create(*kb_schema.KB_TABLES)),
    Migration(6, "create_kb_pairs_and_person_docs_index", _kb_pairs),
    Migration(7, "create_listing_indexes", _create_indexes(*_LISTING_INDEXES)),
    Migration(8, "create_dossier_indexes", _create_indexes(*_DOSSIER_INDEXES)),
)


def applied_versions(engine: Engine) -> list[int]:
    with engine.begin() as conn:
        s.schema_migrations.create(conn, checkfirst=True)
        rows = conn.execute(sa.select(s.schema_migrations.c.version)).scalars()
        return sorted(rows)


def migrate(engine: Engine, *, upto: int | None = None) -> list[str]:
    """Apply every pending migration (up to version ``upto``); returns the names applied."""
    done = set(applied_versions(engine))
    known = {m.version for m in MIGRATIONS}
    unknown = sorted(done - known)
    if unknown:
        raise MigrationError(
            f"the database has schema version {max(unknown)}, newer than this bilat knows "
            f"({max(known)}); upgrade bilat"
        )
    applied = []
    for mig in MIGRATIONS:
        if mig.version in done or (upto is not None and mig.version > upto):
            continue
        try:
            with engine.begin() as conn:
                mig.apply(conn)
                conn.execute(
                    sa.insert(s.schema_migrations).values(
                        version=mig.version, name=mig.name, applied_at=datetime.now(UTC)
                    )
                )
        except sa.exc.SQLAlchemyError as err:
            raise MigrationError(f"migration {mig.version} {mig.name!r} failed: {err}") from err
        applied.append(mig.name)
    return applied
