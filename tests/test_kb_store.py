"""Knowledge tables in the store: incremental refresh by country pair, as-of reads, ingest hook."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from bilat.ingest.article import RawArticle
from bilat.ingest.runner import ingest_items
from bilat.ingest.stories import signature, to_bytes
from bilat.store import kb_schema as k
from bilat.store.engine import open_engine
from bilat.store.kb import refresh, refresh_all
from bilat.store.kb_read import Snapshot
from bilat.store.writer import Batch, NewDocument, write_batch

PROMISE = "Стороны договорились открыть генеральное консульство в Казани. Встреча министров прошла в Астане."
REPORT = "В Казани было открыто генеральное консульство Казахстана. Министры встретились в Астане."
OTHER = "Президент Турции Реджеп Эрдоган провел переговоры с российской делегацией в Анкаре."


def span(text: str, part: str) -> dict:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def record(doc: str, text: str, published: str | None, countries=("KZ", "RU"), events=(), commitments=(),
           persons=(), indicators=()) -> dict:  # fmt: skip
    return {"doc": doc, "published": published, "title": None, "source": "Test", "url": f"https://x.test/{doc}",
            "countries": sorted(countries), "persons": list(persons), "events": list(events),
            "indicators": list(indicators), "commitments": list(commitments), "sectors": ["diplomacy"],
            "entities": [], "warnings": []}  # fmt: skip


def meeting(text: str, quote: str, when: str | None, countries=("KZ", "RU")) -> dict:
    return {"type": "meeting", "date": when, "countries": sorted(countries), "place": "Астана",
            "persons": [], "cameo": "040", "plover": "CONSULT", "evidence": span(text, quote)}  # fmt: skip


def person(text: str, name: str, mention: str, country: str, role: str) -> dict:
    return {"name": name, "country": country, "role": role, "organization": None, "patronymic": None,
            "mentions": [span(text, mention)]}  # fmt: skip


def promise_doc() -> tuple[str, dict]:
    quote = "Стороны договорились открыть генеральное консульство в Казани"
    com = {"kind": "agreed", "due": "2025", "parties": ["KZ", "RU"], "action": "открыть генеральное консульство",
           "evidence": span(PROMISE, quote)}  # fmt: skip
    rec = record("a" * 16, PROMISE, "2025-03-01", events=[meeting(PROMISE, "Встреча министров прошла в Астане", "2025-03-01")],
                 commitments=[com])  # fmt: skip
    return PROMISE, rec


def report_doc() -> tuple[str, dict]:
    rec = record("b" * 16, REPORT, "2026-01-15", events=[meeting(REPORT, "Министры встретились в Астане", "2025-03-01")])
    return REPORT, rec


def other_doc() -> tuple[str, dict]:
    return OTHER, record("c" * 16, OTHER, "2026-01-20", countries=("RU", "TR"),
                         events=[meeting(OTHER, OTHER, "2026-01-20", ("RU", "TR"))],
                         persons=[person(OTHER, "Реджеп Эрдоган", "Реджеп Эрдоган", "TR", "президент")])  # fmt: skip


def store(engine, *docs: tuple[str, dict], refresh_after: bool = True) -> list[str]:
    batch = Batch()
    for text, rec in docs:
        batch.documents.append(NewDocument(
            id=rec["doc"], name=f"{rec['doc'][:3]}.txt", origin="test", text=text, story_id=rec["doc"],
            signature=to_bytes(signature(text)), url=rec["url"], source=rec["source"],
            published=date.fromisoformat(rec["published"]) if rec["published"] else None, record=rec,
        ))  # fmt: skip
        batch.new_stories.append(rec["doc"])
    with engine.begin() as conn:
        write_batch(conn, batch)
    return refresh(engine, [rec["doc"] for _, rec in docs]) if refresh_after else []


@pytest.fixture
def engine(tmp_path):
    engine = open_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    yield engine
    engine.dispose()


def rows(engine, table) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(table)).mappings()]


def snapshot(engine, as_of=None, pairs=("KZ-RU",)) -> dict:
    with engine.connect() as conn:
        snap = Snapshot(conn, list(pairs), as_of)
        return {"events": snap.events(), "commitments": snap.commitments(), "docs": snap.visible_docs}


def test_a_later_report_fulfils_the_commitment_and_joins_the_event(engine):
    assert store(engine, promise_doc()) == ["KZ-RU"]
    (com,) = snapshot(engine)["commitments"]
    assert com["status"] == "pending"  # as of the newest document, 2025-03-01
    assert store(engine, report_doc()) == ["KZ-RU"]
    now = snapshot(engine)
    (com,) = now["commitments"]
    assert com["status"] == "fulfilled"
    assert [e["doc"] for e in com["evidence"]] == ["b" * 16]
    assert [(h["as_of"], h["status"]) for h in rows(engine, k.kb_commitment_history)] == [
        ("2025-03-01", "pending"), ("2026-01-01", "overdue"), ("2026-01-15", "fulfilled")]  # fmt: skip
    (event,) = now["events"]
    assert event["docs"] == ["a" * 16, "b" * 16] and event["reports"] == 2


@pytest.mark.parametrize(
    "as_of, status, reports",
    [(date(2025, 6, 1), "pending", 1), (date(2026, 1, 10), "overdue", 1), (date(2026, 2, 1), "fulfilled", 2)],
)
def test_status_and_sources_as_of_a_date(engine, as_of, status, reports):
    store(engine, promise_doc(), report_doc())
    snap = snapshot(engine, as_of)
    assert [c["status"] for c in snap["commitments"]] == [status]
    assert [e["reports"] for e in snap["events"]] == [reports]


def test_only_the_touched_pairs_are_recomputed(engine):
    store(engine, promise_doc())
    before = rows(engine, k.kb_pair_docs)
    assert store(engine, other_doc()) == ["RU-TR"]
    after = rows(engine, k.kb_pair_docs)
    assert [r for r in after if r["pair"] == "KZ-RU"] == before
    assert {r["pair"] for r in rows(engine, k.kb_events)} == {"KZ-RU", "RU-TR"}


def test_documents_stored_without_a_refresh_are_caught_up(engine):
    store(engine, promise_doc(), refresh_after=False)
    assert rows(engine, k.kb_pair_docs) == []
    assert refresh(engine, []) == ["KZ-RU"]
    assert len(rows(engine, k.kb_commitments)) == 1


def test_refresh_all_rebuilds_the_same_rows(engine):
    store(engine, promise_doc(), report_doc(), other_doc())
    first = {t.name: sorted(map(repr, rows(engine, t))) for t in k.KB_TABLES}
    assert refresh_all(engine) == ["KZ-RU", "RU-TR"]
    assert {t.name: sorted(map(repr, rows(engine, t))) for t in k.KB_TABLES} == first


def test_ingest_refreshes_the_pairs_of_each_batch(engine):
    text = ("Премьер-министр Казахстана провел переговоры с президентом Сербии в Белграде. "
            "Стороны обсудили торговлю между Казахстаном и Сербией.")  # fmt: skip
    arts = [RawArticle(origin="in/1.txt", name="1.txt", text=text, published=date(2026, 1, 5))]
    summary = ingest_items(arts, engine, batch_size=1)
    assert summary.new == 1
    assert {(r["pair"], r["effective_date"]) for r in rows(engine, k.kb_pair_docs)} == {("KZ-RS", "2026-01-05")}
