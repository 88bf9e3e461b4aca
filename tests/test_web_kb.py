"""The web app reads cross-document knowledge from the knowledge tables: its dossier is the CLI's,
its listings are the tables' rows paged in SQL, and its cache follows every write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

import sqlalchemy as sa  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from bilat.cli import dossier_cmd  # noqa: E402
from bilat.ingest.runner import ingest  # noqa: E402
from bilat.store import kb_schema as k  # noqa: E402
from bilat.store.engine import open_engine  # noqa: E402
from bilat.store.kb_read import Snapshot  # noqa: E402
from bilat.web import cache as web_cache  # noqa: E402
from bilat.web.app import create_app  # noqa: E402

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"
TOKEN = "kb-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLES = {
    "visit.txt": (
        "date 2025-03-10 Министр иностранных дел России Сергей Лавров 5 марта провёл в Ташкенте "
        "переговоры с министром иностранных дел Узбекистана Бахтиёром Саидовым. Россия и "
        "Узбекистан договорились в 2026 году открыть в Самарканде российский культурный центр. "
        "По итогам 2024 года товарооборот между Россией и Узбекистаном вырос на 9% и составил "
        "10,2 млрд долларов.\n"
    ),
    "opened.txt": (
        "date 2027-02-20 В январе 2027 года в Самарканде был открыт российский культурный центр, "
        "сообщило посольство России в Узбекистане. Президент Узбекистана Шавкат Мирзиёев 10 февраля "
        "посетил Москву и провел переговоры с президентом России Владимиром Путиным.\n"
    ),
    "astana.txt": (
        "date 2025-05-20 Министр иностранных дел России Сергей Лавров 19 мая провёл в Астане "
        "переговоры с министром иностранных дел Казахстана Муратом Нуртлеу. Россия и Казахстан "
        "договорились до конца 2025 года подписать соглашение о сотрудничестве в энергетике.\n"
    ),
}


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_db(base: Path, with_seeds: bool) -> str:
    url = f"sqlite:///{base / 'kb.db'}"
    paths = [write_articles(base / "articles")] + ([SEEDS] if with_seeds and SEEDS.is_dir() else [])
    summary = ingest(paths, url, progress=False)
    assert summary.new >= 3 and not summary.extraction_failures
    return url


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    return make_db(tmp_path_factory.mktemp("webkb"), with_seeds=True)


@pytest.fixture(scope="module")
def client(db_url) -> TestClient:
    return TestClient(create_app(db_url, token=TOKEN), raise_server_exceptions=False)


PAIRS = ["RU-UZ", "KZ-RU"] + (["KZ-RS"] if SEEDS.is_dir() else [])


def as_json(value):
    return json.loads(json.dumps(value, ensure_ascii=False))


def snapshot(db_url: str, pairs: list[str] | None):
    engine = open_engine(db_url)
    try:
        with engine.connect() as conn:
            snap = Snapshot(conn, pairs, None)
            return as_json({"events": snap.events(), "persons": snap.persons(),
                            "indicators": snap.indicators(), "commitments": snap.commitments()})  # fmt: skip
    finally:
        engine.dispose()


def everything(client, path: str, size: int = 2, **params) -> tuple[int, list]:
    """Every item of a listing, read page by page."""
    items, total, offset = [], None, 0
    while total is None or offset < total:
        body = client.get(path, params={**params, "limit": size, "offset": offset}).json()
        total = body["total"]
        assert body["limit"] == size and body["offset"] == offset and len(body["items"]) <= size
        items += body["items"]
        offset += size
    return total, items


@pytest.mark.parametrize("pair", PAIRS)
@pytest.mark.parametrize("as_of", [None, "2025-12-31"])
@pytest.mark.parametrize("full", [False, True])
def test_dossier_is_the_clis(client, db_url, pair, as_of, full):
    a, b = pair.split("-")
    args = [a, b, "--format", "json", "--db", db_url] + (["--as-of", as_of] if as_of else [])
    result = CliRunner().invoke(dossier_cmd.command, args + (["--full"] if full else []), catch_exceptions=False)
    params = ({"as_of": as_of} if as_of else {}) | ({"full": "true"} if full else {})
    if result.exit_code:  # nothing about the pair up to that date
        assert as_of and client.get(f"/api/pairs/{pair}/dossier", params=params).json()["documents"] == 0
        return
    web = client.get(f"/api/pairs/{pair}/dossier", params=params)
    assert web.status_code == 200
    assert web.json() == json.loads(result.output)


@pytest.mark.parametrize("pair", PAIRS)
def test_pair_listings_are_the_knowledge_rows_paged(client, db_url, pair):
    kb = snapshot(db_url, [pair])
    for path, kind in (("/api/events", "events"), ("/api/indicators", "indicators"),
                       ("/api/commitments", "commitments")):  # fmt: skip
        total, items = everything(client, path, pair=pair)
        assert total == len(kb[kind]) and items == kb[kind], kind
    total, people = everything(client, "/api/persons", pair=pair)
    assert total == len(kb["persons"])
    want = {p["id"]: (p["name"], p["docs"], p["roles"]) for p in kb["persons"]}
    assert {p["id"]: (p["name"], p["docs"], p["roles"]) for p in people} == want
    assert [len(p["docs"]) for p in people] == sorted((len(p["docs"]) for p in people), reverse=True)


def test_commitments_open_their_documents_at_the_promise(client):
    items = client.get("/api/commitments", params={"pair": "RU-UZ"}).json()["items"]
    assert items
    for c in items:
        text = client.get(f"/api/documents/{c['doc']}").json()["text"]
        assert text[c["start"] : c["end"]] == c["quote"]
        for e in c["evidence"]:
            assert client.get(f"/api/documents/{e['doc']}").json()["text"][e["start"] : e["end"]] == e["quote"]
    assert "fulfilled" in {c["status"] for c in items}
    fulfilled = client.get("/api/commitments", params={"pair": "RU-UZ", "status": "fulfilled"}).json()
    assert fulfilled["total"] == sum(c["status"] == "fulfilled" for c in items)
    assert all(c["evidence"] for c in fulfilled["items"])


def test_event_filters_match_the_rows(client, db_url):
    kb = snapshot(db_url, None)["events"]
    since, until = "2025-04-01", "2026-12-31"

    def within(day):  # a date of any precision that can fall within the window
        return bool(day) and since[: len(day)] <= day <= until[: len(day)]

    total, items = everything(client, "/api/events", size=3, since=since, until=until)
    assert total == len(items) == sum(within(e["date"]) for e in kb)
    assert {(e["pair"], e["id"]) for e in items} == {(e["pair"], e["id"]) for e in kb if within(e["date"])}
    meetings = client.get("/api/events", params={"type": "meeting", "limit": 500}).json()
    assert meetings["total"] == sum(e["type"] == "meeting" for e in kb) > 0


def test_person_across_pairs(client, db_url):
    lavrov = client.get("/api/persons", params={"q": "лавров"}).json()["items"]
    assert [p["name"] for p in lavrov] == ["Сергей Лавров"]
    assert {"RU-UZ", "KZ-RU"} <= set(lavrov[0]["pairs"])
    rows = [p for p in snapshot(db_url, None)["persons"] if p["id"] == lavrov[0]["id"]]
    assert lavrov[0]["docs"] == sorted({d for p in rows for d in p["docs"]})
    person = client.get(f"/api/persons/{lavrov[0]['id']}").json()
    assert person["docs"] == lavrov[0]["docs"] and person["events"]
    assert {e["pair"] for e in person["events"]} <= set(person["pairs"])
    assert all(set(e["docs"]) & set(person["docs"]) for e in person["events"])
    assert client.get("/api/persons", params={"country": "KZ", "limit": 500}).json()["items"]
    page = client.get("/documents/" + person["docs"][0]).text
    assert f'href="/persons/{person["id"]}"' in page


@pytest.fixture
def own_db(tmp_path) -> str:
    return make_db(tmp_path, with_seeds=False)


def test_pages_show_what_the_tables_hold(own_db, monkeypatch):
    monkeypatch.setattr(web_cache, "VERSION_TTL_S", 0.0)  # re-read the version on every request
    client = TestClient(create_app(own_db, token=TOKEN))
    before = client.get("/api/pairs/RU-UZ/dossier").json()
    assert before["events"] and "Тестоград" not in client.get("/pairs/RU-UZ").text
    engine = open_engine(own_db)
    with engine.begin() as conn:  # a change written straight into the tables, then stamped
        conn.execute(sa.update(k.kb_events).where(k.kb_events.c.pair == "RU-UZ").values(place="Тестоград"))
        conn.execute(sa.update(k.kb_pairs).where(k.kb_pairs.c.pair == "RU-UZ")
                     .values(refreshed_at=sa.func.current_timestamp()))  # fmt: skip
    engine.dispose()
    after = client.get("/api/pairs/RU-UZ/dossier").json()
    assert {e["place"] for e in after["events"]} == {"Тестоград"}
    assert "Тестоград" in client.get("/pairs/RU-UZ").text
    listed = client.get("/api/events", params={"pair": "RU-UZ"}).json()["items"]
    assert {e["place"] for e in listed} == {"Тестоград"}


def test_version_is_read_at_most_once_per_ttl(own_db, monkeypatch):
    reads = []
    real = web_cache.db_version
    monkeypatch.setattr(web_cache, "db_version", lambda engine: reads.append(1) or real(engine))
    client = TestClient(create_app(own_db, token=TOKEN))
    for _ in range(5):
        assert client.get("/api/pairs/RU-UZ/dossier").status_code == 200
    assert len(reads) == 1  # the five requests fall inside one VERSION_TTL_S
    monkeypatch.setattr(web_cache, "VERSION_TTL_S", 0.0)
    client.get("/api/pairs/RU-UZ/dossier")
    assert len(reads) == 2


def test_upload_refreshes_what_the_pages_show(own_db):
    client = TestClient(create_app(own_db, token=TOKEN))
    before = client.get("/api/pairs/RU-UZ/dossier").json()
    events = client.get("/api/events", params={"pair": "RU-UZ"}).json()["total"]
    text = ("Премьер-министр России Михаил Мишустин 14 марта 2027 года посетил Ташкент и провел "
            "переговоры с президентом Узбекистана Шавкатом Мирзиёевым.")  # fmt: skip
    r = client.post("/api/documents", headers=AUTH, data={"text": text, "published": "2027-03-15"})
    assert r.status_code == 201, r.text
    after = client.get("/api/pairs/RU-UZ/dossier").json()
    assert after["documents"] == before["documents"] + 1
    assert r.json()["documents"][0]["id"] in {s["doc"] for s in after["sources"]}
    assert client.get("/api/events", params={"pair": "RU-UZ"}).json()["total"] > events
    assert client.get("/api/persons", params={"q": "мишустин"}).json()["total"] == 1


def test_pair_page_reads_the_capped_dossier(db_url, monkeypatch):
    """With caps of one row the page shows one row of each long list and the full totals."""
    from bilat.knowledge.dossier import DossierCaps
    from bilat.web import knowledge, pages

    one = DossierCaps(events=1, event_reports=1, persons=1, person_docs=1, commitments=1, evidence=1, sources=1)
    monkeypatch.setattr(knowledge, "DOSSIER_CAPS", one)
    for name in ("PAIR_PAGE_EVENTS", "PAIR_PAGE_CARDS", "PAIR_PAGE_SOURCES", "PAIR_PAGE_PERSONS",
                 "EVENT_REPORTS_SHOWN"):  # fmt: skip
        monkeypatch.setattr(pages, name, 1)
    client = TestClient(create_app(db_url, token=TOKEN), raise_server_exceptions=False)
    pair = "RU-UZ"  # two visits, two documents
    full = client.get(f"/api/pairs/{pair}/dossier", params={"full": "true"}).json()
    capped = client.get(f"/api/pairs/{pair}/dossier").json()
    assert len(capped["events"]) == 1 < len(full["events"]) == capped["totals"]["events"]
    html = client.get(f"/pairs/{pair}").text
    assert f"The newest 1 of {len(full['events'])} events" in html
    assert html.count('<tr>\n      <td>') == 1  # one event row
    assert f"The newest 1 of {full['documents']} documents" in html
    for status in ("overdue", "pending", "fulfilled"):
        n = sum(c["status"] == status for c in full["commitments"])
        assert f'{status} <span class="count">{n}</span>' in html
