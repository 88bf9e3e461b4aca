"""The web app's JSON API and pages through FastAPI's TestClient, on a temporary database
holding our own short articles (one of them hostile HTML) and, when present, the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from bilat.ingest.runner import ingest  # noqa: E402
from bilat.web.app import create_app  # noqa: E402
from bilat.web.highlight import Span, parse_key, segments  # noqa: E402

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"
TOKEN = "test-token-123"
HOSTILE = (
    "date 2025-03-10 Министр иностранных дел России Сергей Лавров 5 марта провёл в Ташкенте "
    "переговоры с министром иностранных дел Узбекистана Бахтиёром Саидовым. "
    "<script>alert('xss')</script> Россия и Узбекистан договорились в 2026 году открыть в "
    "Ташкенте торговый дом России. <img src=x onerror=alert(1)> По итогам 2024 года "
    "товарооборот между Россией и Узбекистаном вырос на 12% и составил 11,5 млрд долларов.\n"
)
FOLLOW_UP = (
    "date 2027-03-01 В феврале 2027 года в Ташкенте был открыт торговый дом России, сообщило "
    "посольство России в Узбекистане. Президент Узбекистана Шавкат Мирзиёев 12 февраля посетил "
    "Москву с официальным визитом и провел переговоры с президентом России Владимиром Путиным.\n"
)


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "follow_up.txt").write_text(FOLLOW_UP, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    base = tmp_path_factory.mktemp("web")
    url = f"sqlite:///{base / 'web.db'}"
    paths = [write_articles(base / "articles")] + ([SEEDS] if SEEDS.is_dir() else [])
    summary = ingest(paths, url, progress=False)
    assert summary.new >= 2 and not summary.extraction_failures
    return url


@pytest.fixture(scope="module")
def client(db_url) -> TestClient:
    return TestClient(create_app(db_url, token=TOKEN, max_file_bytes=50_000),
                      raise_server_exceptions=False)  # fmt: skip


@pytest.fixture(scope="module")
def hostile_id(client) -> str:
    found = client.get("/api/search", params={"q": "onerror"}).json()["documents"]
    assert len(found) == 1
    return found[0]["id"]


def needs_seeds():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")


@pytest.mark.parametrize("path", ["/", "/documents", "/search?q=Узбекистан", "/docs", "/upload",
                                  "/pairs/RU-UZ", "/pairs/uz-ru"])  # fmt: skip
def test_pages_render(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    assert "Traceback" not in r.text


def test_every_asset_is_local(client, hostile_id):
    for path in ("/", "/pairs/RU-UZ", f"/documents/{hostile_id}", "/docs"):
        html = client.get(path).text
        for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not ref.startswith(("http:", "https:", "//")), (path, ref)
        for ref in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
            assert client.get(ref).status_code == 200, ref
    csp = client.get("/").headers["content-security-policy"]
    assert "default-src 'self'" in csp and "http" not in csp


def test_document_page_escapes_article_text(client, hostile_id):
    html = client.get(f"/documents/{hostile_id}").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("path", ["/search?q=<script>alert(1)</script>",
                                  "/documents?q=\"><img src=x onerror=alert(1)>",
                                  "/api/search?q=<script>"])  # fmt: skip
def test_user_input_is_escaped(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text and "<img src=x onerror" not in r.text


def test_document_page_marks_every_fact_and_a_requested_span(client, hostile_id):
    doc = client.get(f"/api/documents/{hostile_id}").json()
    record, text = doc["record"], doc["text"]
    facts = record["events"] + record["indicators"] + record["commitments"]
    assert facts
    html = client.get(f"/documents/{hostile_id}", params={"hl": "0-8"}).text
    for f in facts:
        ev = f["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert f'id="ev-{ev["start"]}-{ev["end"]}"' in html
    assert 'id="ev-0-8"' in html


@pytest.mark.parametrize("hl", ["5-2", "0-999999", "x-y", "-1-3"])
def test_out_of_range_highlight_is_ignored(client, hostile_id, hl):
    r = client.get(f"/documents/{hostile_id}", params={"hl": hl})
    assert r.status_code == 200 and f'id="ev-{hl}"' not in r.text


def test_documents_pagination_and_filters(client):
    everything = client.get("/api/documents", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) >= 2
    first = client.get("/api/documents", params={"limit": 1, "offset": 0}).json()
    second = client.get("/api/documents", params={"limit": 1, "offset": 1}).json()
    assert first["items"][0]["id"] == everything["items"][0]["id"]
    assert second["items"][0]["id"] == everything["items"][1]["id"]
    pair = client.get("/api/documents", params={"pair": "UZ-RU"}).json()
    assert pair["total"] == 2
    dated = client.get("/api/documents", params={"since": "2027-01-01", "until": "2027-12-31"})
    assert [d["published"] for d in dated.json()["items"]] == ["2027-03-01"]


def test_search_finds_articles_and_facts(client):
    r = client.get("/api/search", params={"q": "товарооборот"}).json()
    assert r["total"] >= 1
    assert all("товарооборот" in f["quote"].casefold() for f in r["facts"])
    assert any(f["kind"] == "indicator" for f in r["facts"])
    doc = client.get(f"/api/documents/{r['facts'][0]['doc']}").json()
    f = r["facts"][0]
    assert doc["text"][f["start"] : f["end"]] == f["quote"]


def test_pairs_ranked_with_country_volumes(client):
    r = client.get("/api/pairs").json()
    slugs = [p["slug"] for p in r["items"]]
    assert "RU-UZ" in slugs
    ru_uz = r["items"][slugs.index("RU-UZ")]
    assert ru_uz["documents"] == 2 and ru_uz["latest"] == "2027-03-01"
    assert {c["code"] for c in r["countries"]} >= {"RU", "UZ"}


def test_dossier_evidence_points_into_documents(client):
    d = client.get("/api/pairs/RU-UZ/dossier").json()
    assert d["pair"] == ["RU", "UZ"] and d["documents"] == 2
    assert d["events"]
    for e in d["events"]:
        for s in e["sources"]:
            text = client.get(f"/api/documents/{s['doc']}").json()["text"]
            assert text[s["start"] : s["end"]] == s["quote"]


@pytest.mark.parametrize("path,key,wanted", [
    ("/api/events?pair=RU-UZ&type=meeting", "type", "meeting"),
    ("/api/events?pair=RU-UZ&since=2027-01-01", None, None),
    ("/api/commitments?pair=RU-UZ&status=pending", "status", "pending"),
    ("/api/indicators?pair=RU-UZ&kind=trade", "kind", "trade"),
])  # fmt: skip
def test_filters(client, path, key, wanted):
    r = client.get(path)
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    if key:
        assert all(i[key] == wanted for i in items)
    if "since=2027" in path:
        assert items and all((i["date"] or "") >= "2027" for i in items)


def test_persons_and_person_page(client):
    people = client.get("/api/persons", params={"q": "лавров"}).json()["items"]
    assert [p["name"] for p in people] == ["Сергей Лавров"]
    person = client.get(f"/api/persons/{people[0]['id']}").json()
    assert person["country"] == "RU" and person["docs"]
    page = client.get(f"/persons/{people[0]['id']}")
    assert page.status_code == 200 and "Сергей Лавров" in page.text


@pytest.mark.parametrize("path,status", [
    ("/api/documents/ffffffffffff", 404), ("/documents/nope", 404), ("/api/persons/p0", 404),
    ("/pairs/XX", 400), ("/api/pairs/RU-RU/dossier", 400), ("/api/events?limit=0", 422),
    ("/api/documents?since=yesterday", 422), ("/api/commitments", 422), ("/no/such/page", 404),
    ("/api/commitments?pair=RU-UZ&status=lost", 422),
])  # fmt: skip
def test_errors_are_problem_details(client, path, status):
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["status"] == status and body["title"] and body["detail"]
    assert "Traceback" not in r.text and 'File "' not in r.text


def test_writes_refused_without_configured_token(db_url):
    anonymous = TestClient(create_app(db_url, token=""))
    r = anonymous.post("/api/documents", data={"text": "Текст"},
                       headers={"Authorization": "Bearer anything"})  # fmt: skip
    assert r.status_code == 403
    assert r.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("headers,status", [
    ({}, 401), ({"Authorization": "Bearer wrong"}, 403), ({"Authorization": f"Basic {TOKEN}"}, 401),
])  # fmt: skip
def test_writes_need_the_token(client, headers, status):
    r = client.post("/api/documents", data={"text": "Россия и Китай подписали соглашение."},
                    headers=headers)  # fmt: skip
    assert r.status_code == status and r.json()["status"] == status


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_upload_pasted_text_is_stored_and_escaped(client):
    r = client.post("/api/documents", headers=AUTH, data={
        "text": "Президент Казахстана Касым-Жомарт Токаев 3 апреля посетил Ташкент с визитом.",
        "title": "<img src=x onerror=alert(2)> визит", "published": "2025-04-04", "extract": "false",
    })  # fmt: skip
    assert r.status_code == 201, r.text
    doc_id = r.json()["documents"][0]["id"]
    assert r.json()["documents"][0]["url"] == f"/documents/{doc_id}"
    stored = client.get(f"/api/documents/{doc_id}").json()
    assert stored["published"] == "2025-04-04" and stored["title"].startswith("<img")
    for path in (f"/documents/{doc_id}", "/documents"):
        html = client.get(path).text
        assert "<img src=x onerror" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    again = client.post("/api/documents", headers=AUTH, data={
        "text": "Президент Казахстана Касым-Жомарт Токаев 3 апреля посетил Ташкент с визитом.",
        "extract": "false"})  # fmt: skip
    assert again.status_code == 200 and again.json()["duplicates"] == 1


@pytest.mark.parametrize("name,data,reason", [
    ("blob.bin", bytes(range(256)) * 4, "binary"),
    ("big.txt", "Текст статьи. ".encode() * 5000, "oversized"),
    ("empty.txt", b"   \n", "empty"),
    ("broken.json", b'{"title": "x", ', "malformed_json"),
])  # fmt: skip
def test_upload_rejections_follow_ingest_rules(client, name, data, reason):
    r = client.post("/api/documents", headers=AUTH, files={"files": (name, data)},
                    data={"extract": "false"})  # fmt: skip
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    rejects = r.json()["rejects"]
    assert [x["reason_code"] for x in rejects] == [reason]
    assert rejects[0]["origin"].startswith("upload:") and "/tmp" not in rejects[0]["origin"]


def test_upload_file_with_path_in_name(client):
    body = "Министр экономики Армении 2 июня провел переговоры в Ереване с послом Франции."
    r = client.post("/api/documents", headers=AUTH, data={"extract": "false"},
                    files={"files": ("../../etc/passwd.txt", body.encode())})  # fmt: skip
    assert r.status_code == 201
    assert r.json()["documents"][0]["origin"] == "upload:passwd.txt"


def test_upload_needs_content_and_body_limit(db_url):
    small = TestClient(create_app(db_url, token=TOKEN, max_body_bytes=2_000))
    assert small.post("/api/documents", headers=AUTH, data={"text": " "}).status_code == 400
    r = small.post("/api/documents", headers=AUTH, data={"text": "я" * 5_000})
    assert r.status_code == 413 and r.json()["status"] == 413


def test_openapi_lists_the_api(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/documents", "/api/persons", "/api/events", "/api/indicators",
            "/api/commitments", "/api/pairs", "/api/search",
            "/api/pairs/{pair}/dossier"} <= set(spec["paths"])  # fmt: skip
    assert "/api/documents" in client.get("/docs").text


def test_seed_pair_dashboard(client):
    needs_seeds()
    d = client.get("/api/pairs/KZ-RS/dossier").json()
    assert d["documents"] >= 4 and d["events"] and d["indicators"] and d["commitments"]
    html = client.get("/pairs/KZ-RS").text
    assert html.count('class="chart"') >= 1 + len(d["indicators"])
    statuses = {c["status"] for c in d["commitments"]}
    for s in statuses:
        assert f'class="column {s}"' in html


@pytest.mark.parametrize("text,spans,pieces", [
    ("abcdef", [], ["abcdef"]),
    ("abcdef", [Span(1, 4, "event", "x")], ["a", "bcd", "ef"]),
    ("abcdef", [Span(0, 6, "event", "x"), Span(2, 3, "person", "p")], ["ab", "c", "def"]),
    ("abcdef", [Span(0, 3, "event", "x"), Span(2, 5, "indicator", "y")], ["ab", "c", "de", "f"]),
])  # fmt: skip
def test_segments_cut_at_span_boundaries(text, spans, pieces):
    got = segments(text, spans)
    assert [s.text for s in got] == pieces
    assert "".join(s.text for s in got) == text


@pytest.mark.parametrize("value,expected", [
    ("2-5", (2, 5)), ("5-2", None), ("0-11", None), ("a-b", None), (None, None), ("3", None),
])  # fmt: skip
def test_parse_key(value, expected):
    span = parse_key(value, 10)
    assert (span and (span.start, span.end)) == expected or (span is None and expected is None)
