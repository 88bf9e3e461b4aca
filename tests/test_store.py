"""The store: migrations, batch writes of documents and facts, full-text search, queries."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from bilat.doc import Commitment, Doc, Entity, Event, Indicator, Person, SectorMention, Span
from bilat.errors import MigrationError, StoreError
from bilat.record import to_record
from bilat.store import schema as s
from bilat.store.engine import open_engine, resolve_db_url
from bilat.store.migrations import MIGRATIONS, migrate
from bilat.store.queries import UnknownDocument, get_document, list_documents, table_counts
from bilat.store.writer import Batch, NewDocument, RejectRow, write_batch

TEXT_A = (
    "Министр иностранных дел Казахстана Арман Ибраев встретился в Белграде с сербским коллегой. "
    "Стороны подписали меморандум о сотрудничестве в сфере энергетики."
)
TEXT_B = "Товарооборот между странами вырос на 12 процентов и превысил 300 млн долларов."


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece), piece)


def sample_record(doc_id: str = "a" * 16) -> dict:
    doc = Doc(id=doc_id, text=TEXT_A, published=date(2025, 3, 4), title="Встреча в Белграде")
    doc.countries = ["RS", "KZ"]
    doc.entities = [Entity("PERSON", 35, 47, "Арман Ибраев", "Арман Ибраев")]
    doc.persons = [Person("Арман Ибраев", role="министр иностранных дел", country="KZ",
                          mentions=[_span(TEXT_A, "Арман Ибраев")])]  # fmt: skip
    sentence2 = _span(TEXT_A, "Стороны подписали меморандум о сотрудничестве в сфере энергетики.")
    doc.events = [Event("agreement", "2025-03-04", ["RS", "KZ"], "Белград", ["Арман Ибраев"],
                        sentence2, cameo="057", plover="SUPPORT")]  # fmt: skip
    doc.indicators = [Indicator("trade", "total", ["KZ", "RS"], "2024", 3e8, "USD", 12.0, sentence2)]
    doc.commitments = [Commitment("planned", "2026", ["KZ", "RS"], sentence2, action="build")]
    doc.sectors = [SectorMention("energy", sentence2), SectorMention("energy", sentence2)]
    return to_record(doc)


def new_doc(doc_id: str, text: str, *, record: dict | None = None, **meta) -> NewDocument:
    return NewDocument(id=doc_id, name=f"{doc_id}.txt", origin=f"in/{doc_id}.txt", text=text,
                       story_id=doc_id, signature=b"\0" * 8, record=record, **meta)  # fmt: skip


def store(engine, *docs: NewDocument, rejects: tuple[RejectRow, ...] = ()) -> None:
    batch = Batch(list(docs), [d.story_id for d in docs], list(rejects))
    with engine.begin() as conn:
        write_batch(conn, batch)


@pytest.fixture
def engine(db_url):
    eng = open_engine(db_url)
    yield eng
    eng.dispose()


def schema_snapshot(engine) -> dict:
    """Tables, columns, keys, indexes (and SQLite triggers) as comparable plain data."""
    insp = sa.inspect(engine)
    snap = {}
    for table in sorted(insp.get_table_names()):
        snap[table] = {
            "columns": [(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(table)],
            "pk": insp.get_pk_constraint(table)["constrained_columns"],
            "fks": sorted(str(sorted(fk.items())) for fk in insp.get_foreign_keys(table)),
            "indexes": sorted((i["name"], tuple(i["column_names"])) for i in insp.get_indexes(table)),
        }
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            snap["_triggers"] = sorted(
                conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type='trigger'")
            )
    return snap


def test_fresh_database_has_every_table_and_migration(engine):
    names = set(sa.inspect(engine).get_table_names())
    assert {t.name for t in s.metadata.sorted_tables} <= names
    with engine.connect() as conn:
        applied = conn.execute(sa.select(s.schema_migrations.c.name)).scalars().all()
    assert sorted(applied) == sorted(m.name for m in MIGRATIONS)
    assert migrate(engine) == []  # applying again does nothing


def test_upgraded_database_agrees_with_fresh_one(db_url, postgres_or_sqlite_second_url):
    old = open_engine(db_url, migrate_schema=False)
    assert migrate(old, upto=3) == [m.name for m in MIGRATIONS[:3]]
    store(old, new_doc("b" * 16, TEXT_B, title="Товарооборот"))  # stored before the FTS migration
    assert migrate(old) == [m.name for m in MIGRATIONS[3:]]
    fresh = open_engine(postgres_or_sqlite_second_url)
    assert schema_snapshot(old) == schema_snapshot(fresh)
    # the row stored before the index existed is searchable after the upgrade
    assert [d.id for d in list_documents(old, search="товарооборот")] == ["b" * 16]
    old.dispose()
    fresh.dispose()


def _plan_of_listing(engine) -> str:
    """The query plan of ``bilat docs``' listing query (first page), as the server gives it."""
    seen: list[tuple[str, object]] = []

    def keep(conn, cursor, statement, parameters, context, executemany) -> None:
        if "ORDER BY documents.published" in statement:
            seen.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", keep)
    try:
        list_documents(engine)
    finally:
        sa.event.remove(engine, "before_cursor_execute", keep)
    statement, params = seen[0]
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
        else:  # the table is tiny: make the planner show whether the index can serve the order
            conn.exec_driver_sql("SET enable_seqscan = off")
            conn.exec_driver_sql("SET enable_sort = off")
            rows = conn.exec_driver_sql("EXPLAIN " + statement, params).all()
    return "\n".join(str(r[-1]) for r in rows)


def test_listing_and_dossier_indexes_migrations_apply_to_an_existing_database(db_url):
    from bilat.store.kb import refresh
    from bilat.store.kb_dossier import read_dossier
    from bilat.store.kb_read import dossier_from_kb

    old = open_engine(db_url, migrate_schema=False)
    migrate(old, upto=6)
    store(old, new_doc("a" * 16, TEXT_A, record=sample_record("a" * 16), published=date(2025, 3, 4)),
          new_doc("b" * 16, TEXT_B, published=None),
          new_doc("c" * 16, TEXT_A + " Ещё.", record=sample_record("c" * 16), published=date(2025, 3, 4)))  # fmt: skip
    refresh(old, ["a" * 16, "c" * 16])
    listed = [d.id for d in list_documents(old)]
    dossier = dossier_from_kb(old, ("KZ", "RS"))
    capped = read_dossier(old, ("KZ", "RS"))
    assert "ix_documents_published_desc_id" not in _plan_of_listing(old)

    assert migrate(old) == ["create_listing_indexes", "create_dossier_indexes"]
    indexes = {t: {i["name"] for i in sa.inspect(old).get_indexes(t)}
               for t in ("documents", "kb_person_docs", "kb_persons", "kb_commitment_status", "kb_pair_docs")}  # fmt: skip
    assert "ix_kb_commitment_status_pair_status_made" in indexes["kb_commitment_status"]
    assert "ix_kb_pair_docs_pair_date" in indexes["kb_pair_docs"]
    assert "ix_documents_published_desc_id" in indexes["documents"]
    assert "ix_kb_person_docs_pair_doc" in indexes["kb_person_docs"]
    assert "ix_kb_persons_pair_name" in indexes["kb_persons"]
    assert "ix_kb_commitment_status_pair_made" in indexes["kb_commitment_status"]
    # the rows stored before the migration are listed in the same order, through the new index
    assert listed == ["a" * 16, "c" * 16, "b" * 16]
    assert [d.id for d in list_documents(old)] == listed
    plan = _plan_of_listing(old)
    assert "ix_documents_published_desc_id" in plan
    assert "TEMP B-TREE" not in plan and "Sort" not in plan
    assert dossier_from_kb(old, ("KZ", "RS")) == dossier
    assert read_dossier(old, ("KZ", "RS")) == capped
    old.dispose()


@pytest.fixture
def postgres_or_sqlite_second_url(db_url, tmp_path, request):
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'second.db'}"
    return request.getfixturevalue("postgres_cluster").create_database()


def test_newer_schema_is_refused(engine):
    with engine.begin() as conn:
        conn.execute(sa.insert(s.schema_migrations).values(
            version=999, name="from_the_future", applied_at=sa.func.now()))  # fmt: skip
    with pytest.raises(MigrationError, match="newer than this bilat"):
        migrate(engine)


def test_batch_stores_document_and_every_fact_with_evidence(engine):
    record = sample_record("a" * 16)
    store(engine, new_doc("a" * 16, TEXT_A, record=record, published=date(2025, 3, 4)))
    counts = table_counts(engine)
    expected = {"documents": 1, "stories": 1, "minhashes": 1, "extractions": 1,
                "doc_countries": 2, "entities": 1, "persons": 1, "person_mentions": 1,
                "events": 1, "indicators": 1, "commitments": 1, "sectors": 1}  # fmt: skip
    assert {k: counts[k] for k in expected} == expected
    with engine.connect() as conn:
        ev = conn.execute(sa.select(s.events)).mappings().one()
        mention = conn.execute(sa.select(s.person_mentions)).mappings().one()
        ind = conn.execute(sa.select(s.indicators)).mappings().one()
    assert TEXT_A[ev["ev_start"] : ev["ev_end"]] == ev["ev_text"]
    assert ev["countries"] == ["KZ", "RS"] and ev["cameo"] == "057"
    assert TEXT_A[mention["start"] : mention["end"]] == "Арман Ибраев"
    assert (ind["value"], ind["unit"], ind["change_pct"]) == (3e8, "USD", 12.0)
    assert get_document(engine, "a" * 16).record == record


def test_failed_batch_leaves_nothing(engine):
    bad = sample_record("c" * 16)
    bad["events"][0]["type"] = None  # violates NOT NULL, after the document row was written
    with pytest.raises(sa.exc.IntegrityError):
        store(engine, new_doc("c" * 16, TEXT_A, record=bad))
    counts = table_counts(engine)
    assert counts.pop("schema_migrations") == len(MIGRATIONS)
    assert set(counts.values()) == {0}


def test_same_reject_is_logged_once(engine):
    rej = RejectRow("in/broken.jsonl", 3, "malformed_json", "line 3 is not valid JSON")
    store(engine, rejects=(rej, rej))
    store(engine, rejects=(rej, RejectRow("in/empty.txt", None, "empty", "the file is empty")))
    store(engine, rejects=(RejectRow("in/empty.txt", None, "empty", "the file is empty"),))
    assert table_counts(engine)["rejects"] == 2


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("меморандум", ["a" * 16]),
        ("Товарооборот", ["b" * 16]),
        ("странами вырос", ["b" * 16]),
        ("Белграде", ["a" * 16]),
        ("Белград", ["a" * 16]),  # another form of the word
        ("подписанный меморандумы", ["a" * 16]),
        ("Товароо*", ["b" * 16]),
        ("Токио", []),
    ],
)
def test_full_text_search(engine, search, expected):
    store(engine, new_doc("a" * 16, TEXT_A, published=date(2025, 3, 4)),
          new_doc("b" * 16, TEXT_B, published=date(2024, 1, 9)))  # fmt: skip
    assert [d.id for d in list_documents(engine, search=search)] == expected


def test_listing_order_since_and_limit(engine):
    store(engine, new_doc("a" * 16, TEXT_A, published=date(2025, 3, 4)),
          new_doc("b" * 16, TEXT_B, published=date(2024, 1, 9)),
          new_doc("d" * 16, TEXT_B + " Ещё.", published=None))  # fmt: skip
    assert [d.id for d in list_documents(engine)] == ["a" * 16, "b" * 16, "d" * 16]
    assert [d.id for d in list_documents(engine, since=date(2025, 1, 1))] == ["a" * 16]
    assert len(list_documents(engine, limit=2)) == 2


@pytest.mark.parametrize(
    ("query", "found"), [("a" * 16, "a" * 16), ("aaaa", "a" * 16), ("ab" + "0" * 14 + ".txt", "ab" + "0" * 14)]
)
def test_get_document_by_id_or_prefix(engine, query, found):
    store(engine, new_doc("a" * 16, TEXT_A), new_doc("ab" + "0" * 14, TEXT_B))
    assert get_document(engine, query).id == found


@pytest.mark.parametrize("query", ["ffffffffffffffff", "a", "nonsense"])
def test_get_unknown_document(engine, query):
    store(engine, new_doc("a" * 16, TEXT_A), new_doc("ab" + "0" * 14, TEXT_B))
    with pytest.raises(UnknownDocument, match="no document with id|several documents"):
        get_document(engine, query)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://x@localhost/db", "not supported"),
        ("not a url", "bad database URL"),
        ("sqlite:////no/such/folder/x.db", "does not exist"),
    ],
)
def test_bad_database_url(url, message):
    with pytest.raises(StoreError, match=message):
        open_engine(url)


@pytest.mark.parametrize(
    ("given", "env", "expected"),
    [
        ("sqlite:///a.db", "sqlite:///env.db", "sqlite:///a.db"),
        (None, "sqlite:///env.db", "sqlite:///env.db"),
        (None, None, "sqlite:///bilat.db"),
        ("postgresql://u@h/db", None, "postgresql+psycopg://u@h/db"),
    ],
)
def test_resolve_db_url(monkeypatch, given, env, expected):
    if env is None:
        monkeypatch.delenv("BILAT_DB", raising=False)
    else:
        monkeypatch.setenv("BILAT_DB", env)
    assert resolve_db_url(given) == expected


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    eng = open_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with eng.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    eng.dispose()
