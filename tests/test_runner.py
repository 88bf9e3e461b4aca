"""The ingest runner: idempotent batches, duplicates, near-duplicate stories, rejects, extraction."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from bilat.errors import InputRejected
from bilat.ingest.article import RawArticle
from bilat.ingest.runner import ingest, ingest_items
from bilat.ingest.stories import THRESHOLD, StoryIndex, shingles, signature, similarity
from bilat.store import schema as s
from bilat.store.engine import open_engine
from bilat.store.queries import table_counts

VISIT = (
    "Президент Узбекистана прибыл с государственным визитом в Анкару, где провел переговоры с "
    "турецким лидером. Стороны обсудили расширение торговли, строительство логистического центра "
    "и совместные проекты в текстильной промышленности. По итогам встречи подписаны соглашения "
    "о взаимной защите инвестиций и о сотрудничестве в области образования. Лидеры договорились "
    "довести товарооборот до пяти миллиардов долларов в ближайшие годы."
)
# reprints: an agency line added, one word changed, punctuation and case changed
VISIT_REPRINTS = (
    VISIT + " Об этом сообщает пресс-служба.",
    VISIT.replace("ближайшие", "предстоящие"),
    VISIT.upper().replace(".", " !"),
)
FLIGHTS = (
    "Авиакомпания открыла прямой рейс между Алматы и Будапештом. Полеты будут выполняться дважды "
    "в неделю на самолетах среднего класса, билеты уже поступили в продажу. Представители "
    "аэропорта отметили, что новый маршрут поможет туристам и деловым путешественникам."
)
HARVEST = (
    "Министерство сельского хозяйства сообщило о рекордном урожае пшеницы в северных регионах. "
    "Фермеры собрали на треть больше зерна, чем годом ранее, а экспорт муки в соседние страны "
    "увеличился. Эксперты связывают рост с благоприятной погодой и новыми сортами семян."
)
SUMMIT_OTHER = (
    "Президент Узбекистана прибыл с рабочим визитом в Берлин, где встретился с канцлером. "
    "Обсуждались поставки оборудования для энергетики, подготовка специалистов в немецких "
    "университетах и открытие представительства торговой палаты в Ташкенте."
)


def article(name: str, text: str, **meta) -> RawArticle:
    return RawArticle(origin=f"in/{name}", name=name, text=text, **meta)


def corpus() -> list[RawArticle]:
    arts = [article("visit.txt", VISIT, published=date(2025, 5, 6), title="Визит в Анкару")]
    arts += [article(f"reprint{i}.txt", t) for i, t in enumerate(VISIT_REPRINTS)]
    arts += [article("flights.txt", FLIGHTS), article("harvest.txt", HARVEST),
             article("berlin.txt", SUMMIT_OTHER)]  # fmt: skip
    return arts


@pytest.fixture
def engine(db_url):
    eng = open_engine(db_url)
    yield eng
    eng.dispose()


def story_sizes(engine) -> list[int]:
    d = s.documents
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(sa.func.count()).select_from(d).group_by(d.c.story_id)
        ).scalars()
        return sorted(rows, reverse=True)


@pytest.mark.parametrize("text", VISIT_REPRINTS)
def test_reprints_are_similar(text):
    assert similarity(signature(VISIT), signature(text)) >= THRESHOLD


@pytest.mark.parametrize("text", [FLIGHTS, HARVEST, SUMMIT_OTHER])
def test_different_articles_are_not(text):
    assert similarity(signature(VISIT), signature(text)) < 0.3


def test_shingles_ignore_case_punctuation_and_yo():
    assert shingles("Ещё один день, ОДИН ДЕНЬ!") == shingles("еще один день один день")
    assert shingles("Два слова") == {"два слова".encode()}


def test_story_index_joins_the_most_similar_story():
    index = StoryIndex()
    assert index.assign("v", signature(VISIT)).new_story
    assert index.assign("f", signature(FLIGHTS)).new_story
    joined = index.assign("r", signature(VISIT_REPRINTS[0]))
    assert (joined.story_id, joined.new_story, joined.similar_to) == ("v", False, "v")


def test_ingest_groups_reprints_and_is_idempotent(engine):
    first = ingest_items(corpus(), engine, extract=False, batch_size=3)
    assert (first.read, first.new, first.duplicates) == (7, 7, 0)
    assert (first.stories, first.near_duplicates, first.stories_with_reprints) == (4, 3, 1)
    assert story_sizes(engine) == [4, 1, 1, 1]
    before = table_counts(engine)
    again = ingest_items(corpus(), engine, extract=False, batch_size=3)
    assert (again.read, again.new, again.duplicates, again.stories) == (7, 0, 7, 0)
    assert table_counts(engine) == before


def test_later_ingest_groups_with_stored_documents(engine):
    ingest_items(corpus()[:1], engine, extract=False)
    later = ingest_items([article("late.txt", VISIT + " Подробности позже.")], engine, extract=False)
    assert (later.new, later.stories, later.near_duplicates) == (1, 0, 1)
    with engine.connect() as conn:
        stories = set(conn.execute(sa.select(s.documents.c.story_id)).scalars())
    assert len(stories) == 1


def test_repeats_within_one_run_are_stored_once(engine):
    arts = [article("a.txt", FLIGHTS), article("copy/a.txt", FLIGHTS), article("b.txt", HARVEST)]
    summary = ingest_items(arts, engine, extract=False)
    assert (summary.read, summary.new, summary.duplicates) == (3, 2, 1)


def test_rejects_are_reported_and_logged_once(engine):
    items = [
        InputRejected("in/empty.txt", "the file is empty", "empty"),
        article("flights.txt", FLIGHTS),
        InputRejected("in/feed.jsonl", "line 2 is not valid JSON", "malformed_json", line=2),
    ]
    summary = ingest_items(items, engine, extract=False)
    assert (summary.new, summary.rejected) == (1, 2)
    assert [(r.origin, r.line, r.reason_code) for r in summary.rejects] == [
        ("in/empty.txt", None, "empty"), ("in/feed.jsonl", 2, "malformed_json")]  # fmt: skip
    again = ingest_items(items, engine, extract=False)
    assert again.rejected == 2
    assert table_counts(engine)["rejects"] == 2


@pytest.fixture
def segment_only(monkeypatch):
    """Extraction through the real entry point, with the one stage whose output is settled."""
    from bilat.extract import api
    from bilat.pipeline import build_pipeline

    monkeypatch.setattr(api, "default_pipeline", lambda: build_pipeline(["segment"]))


def test_extraction_rows_are_stored_with_the_document(engine, segment_only):
    summary = ingest_items([article("visit.txt", VISIT, published=date(2025, 5, 6))], engine)
    assert summary.new == 1 and summary.extraction_failures == []
    with engine.connect() as conn:
        record = conn.execute(sa.select(s.extractions.c.record)).scalar_one()
    assert record["published"] == "2025-05-06"
    assert record["doc"] == summary_id(engine)


def summary_id(engine) -> str:
    with engine.connect() as conn:
        return conn.execute(sa.select(s.documents.c.id)).scalar_one()


def test_failed_extraction_stores_the_document_without_facts(engine, segment_only, monkeypatch):
    from bilat.extract import api

    real = api.extract

    def extract(doc_id, text, **meta):
        if "Авиакомпания" in text:
            raise ValueError("broken article")
        return real(doc_id, text, **meta)

    monkeypatch.setattr(api, "extract", extract)
    summary = ingest_items([article("f.txt", FLIGHTS), article("h.txt", HARVEST)], engine)
    assert summary.new == 2
    assert [(f.origin, f.error) for f in summary.extraction_failures] == [
        ("in/f.txt", "ValueError: broken article")]  # fmt: skip
    counts = table_counts(engine)
    assert (counts["documents"], counts["extractions"]) == (2, 1)


def test_ingest_from_a_folder(tmp_path, db_url):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate([VISIT, FLIGHTS, HARVEST]):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    first = ingest([folder], db_url, extract=False, progress=False)
    assert (first.new, first.rejected) == (3, 1)
    again = ingest([folder], db_url, extract=False, progress=False)
    assert (again.new, again.duplicates) == (0, 3)
