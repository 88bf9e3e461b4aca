"""The dashboard in real headless Chromium (Debian's, driven by Playwright): pages load with no
console errors and no request leaving the server, charts and the network are drawn, and a fact
clicked anywhere opens its document with the evidence highlighted. Screenshots: artifacts/web/."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

from bilat.ingest.runner import ingest  # noqa: E402
from bilat.web.app import create_app  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]
SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"
SHOTS = Path(__file__).parents[1] / "artifacts" / "web"
ARTICLE = (
    "date 2025-03-10 Министр иностранных дел России Сергей Лавров 5 марта провёл в Ташкенте "
    "переговоры с министром иностранных дел Узбекистана Бахтиёром Саидовым. "
    "<script>alert('xss')</script> <img src=x onerror=alert(1)> По итогам 2024 года "
    "товарооборот между Россией и Узбекистаном вырос на 12% и составил 11,5 млрд долларов.\n"
)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    (folder / "articles").mkdir()
    (folder / "articles" / "hostile.txt").write_text(ARTICLE, encoding="utf-8")
    url = f"sqlite:///{folder / 'web.db'}"
    ingest([folder / "articles"] + ([SEEDS] if SEEDS.is_dir() else []), url, progress=False)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url, token=""), host="127.0.0.1",
                                           port=port, log_level="warning"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


class Watch:
    """Console errors, uncaught exceptions and requests to anywhere but the server."""

    def __init__(self, page, base: str) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:"))
                else self.outside.append(r.url))  # fmt: skip
        page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.watch = Watch(pg, base_url)
    yield pg
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _pair(base_url) -> str:
    return "KZ-RS" if SEEDS.is_dir() else "RU-UZ"


def test_home_draws_pairs_and_network(page, base_url):
    page.goto(base_url + "/")
    page.wait_for_selector("#network svg line.edge")
    assert page.locator("table.pairs tbody tr").count() >= 1
    assert page.locator("#network .node circle").count() >= 2
    shot(page, "home")
    page.fill(".bigsearch input[name=q]", "товарооборот")
    page.click(".bigsearch button")
    page.wait_for_selector(".hit")
    shot(page, "search")
    assert not page.watch.errors and not page.watch.outside


def test_pair_dashboard_charts_and_fact_click(page, base_url):
    page.goto(f"{base_url}/pairs/{_pair(base_url)}")
    page.wait_for_selector(".chart .main-svg")
    assert page.locator(".chart .main-svg").count() >= 1
    assert page.locator(".board .column").count() == 3
    shot(page, "pair")
    link = page.locator("#timeline-section a.fact").first
    href = link.get_attribute("href")
    key = href.split("#ev-")[1]
    link.click()
    page.wait_for_url(f"**#ev-{key}")
    target = page.locator("#text mark.ev-target").first
    target.wait_for()
    assert key in target.get_attribute("data-ev").split()
    assert target.is_visible() and _in_viewport(page, target)
    shot(page, "document-from-pair")
    assert not page.watch.errors and not page.watch.outside


def test_document_page_highlights_clicked_fact_and_escapes(page, base_url):
    page.goto(base_url + "/search?q=onerror")
    page.click(".hit a")
    page.wait_for_selector("#text")
    assert "<script>alert('xss')</script>" in page.inner_text("#text")
    facts = page.locator("aside a.fact")
    assert facts.count() >= 1
    last = facts.nth(facts.count() - 1)
    key = last.get_attribute("data-ev")
    last.click()
    marks = page.locator(f'#text mark.ev-target[data-ev~="{key}"]')
    marks.first.wait_for()
    assert page.locator("#text mark.ev-target").count() == marks.count()
    start, end = map(int, key.split("-"))
    assert "".join(marks.all_inner_texts()) == page.inner_text("#text")[start:end]
    shot(page, "document")
    assert not page.watch.errors and not page.watch.outside


def test_person_page(page, base_url):
    page.goto(base_url + "/search?q=onerror")
    page.click(".hit a")
    page.click("aside .people a")
    page.wait_for_selector("h1")
    assert page.locator("table").count() >= 2
    shot(page, "person")
    assert not page.watch.errors and not page.watch.outside


def _in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and 0 <= box["y"] < height
