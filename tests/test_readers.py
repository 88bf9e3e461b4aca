"""Reading inputs: every format, encoding detection, metadata and every rejection reason."""

from __future__ import annotations

import io
import json
import os
import zipfile
from datetime import date
from pathlib import Path

import pytest

from bilat.errors import (
    REJECT_BAD_ARCHIVE,
    REJECT_BINARY,
    REJECT_EMPTY,
    REJECT_MALFORMED_JSON,
    REJECT_NO_TEXT,
    REJECT_OVERSIZED,
    REJECT_UNDECODABLE,
    REJECT_UNREADABLE,
    InputRejected,
)
from bilat.ingest.article import RawArticle
from bilat.ingest.dates import date_from_url, parse_date
from bilat.ingest.encoding import NotText, decode_bytes
from bilat.ingest.readers import article_id, iter_inputs
from bilat.ingest.sources import detect_source

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SHARED = Path(__file__).parents[1].parent / "shared"

SHORT_TEXTS = [
    "Ёж",
    "Привет, мир!",
    "Москва и Астана подписали соглашение.",
    "Торговля выросла на 5%.",
    'Министр заявил: "Сотрудничество расширится" - и уехал.',
    "ВИЗИТ ПРЕЗИДЕНТА в Белград завершён",
]


def read_all(*paths, **kwargs) -> tuple[list[RawArticle], list[InputRejected]]:
    items = list(iter_inputs([str(p) for p in paths], **kwargs))
    articles = [i for i in items if isinstance(i, RawArticle)]
    rejects = [i for i in items if isinstance(i, InputRejected)]
    assert len(articles) + len(rejects) == len(items)
    return articles, rejects


def only(path, **kwargs) -> RawArticle | InputRejected:
    items = list(iter_inputs([str(path)], **kwargs))
    assert len(items) == 1, items
    return items[0]


# --- formats ---------------------------------------------------------------------------


def test_fixture_folder_in_sorted_order_without_hidden_files():
    items = list(iter_inputs([FIXTURES]))
    origins = [i.origin if isinstance(i, RawArticle) else i.source for i in items]
    rel = [o.replace(str(FIXTURES) + os.sep, "") for o in origins]
    assert rel == [
        "articles.jsonl:1",
        "articles.jsonl:2",
        "articles.jsonl:4",
        "articles.jsonl",
        "articles.jsonl",
        "articles.jsonl:7",
        "dated.txt",
        "feed.atom#1",
        "feed.rss#1",
        "feed.rss#2",
        "nested/undated.txt",
        "page.html",
    ]
    assert not any(".hidden" in o for o in origins)


def test_plain_text_with_date_header_is_dated_cleaned_and_sourced():
    art = only(FIXTURES / "dated.txt")
    assert art.name == "dated.txt"
    assert art.published == date(2024, 3, 15)
    assert art.source == "Example.kz"
    assert art.text.startswith("Министр иностранных дел провёл переговоры")
    assert "date" not in art.text[:10]
    assert "Фото" not in art.text and "Рассказать друзьям" not in art.text
    assert "Читайте также" not in art.text
    assert "её объём вырос на 7%." in art.text
    assert "\n\n\n" not in art.text and not art.text.endswith(" ")


def test_plain_text_without_header_has_no_date():
    art = only(FIXTURES / "nested" / "undated.txt")
    assert art.published is None
    assert art.source == "Пример-Пресс"
    assert art.origin == str(FIXTURES / "nested" / "undated.txt")


@pytest.mark.parametrize(
    ("line", "name", "title", "url", "source", "published", "text_start"),
    [
        (1, "a-1", "Переговоры в столице", "https://www.example.ru/world/2021/06/02/talks.html",
         "example.ru", date(2021, 6, 2), "Президенты обсудили"),
        (2, "articles.jsonl:2", "Визит премьера", "https://example.com/news/2020-11-30/visit",
         "Пример ТВ", date(2020, 11, 30), "Премьер-министр прибыл"),
        (4, "articles.jsonl:4", None, None, None, date(2019, 2, 11), "Министры договорились"),
        (7, "articles.jsonl:7", None, None, None, None, "Лид: стороны договорились"),
    ],
)  # fmt: skip
def test_jsonl_field_names(line, name, title, url, source, published, text_start):
    articles, _ = read_all(FIXTURES / "articles.jsonl")
    by_origin = {a.origin: a for a in articles}
    art = by_origin[f"{FIXTURES / 'articles.jsonl'}:{line}"]
    assert (art.name, art.title, art.url, art.source, art.published) == (
        name, title, url, source, published,
    )  # fmt: skip
    assert art.text.startswith(text_start)


def test_jsonl_lead_goes_before_the_text():
    articles, _ = read_all(FIXTURES / "articles.jsonl")
    art = articles[-1]
    assert art.text == "Лид: стороны договорились о поставках зерна.\n\nПоставки начнутся весной."


def test_jsonl_bad_lines_are_rejected_with_their_line_numbers():
    _, rejects = read_all(FIXTURES / "articles.jsonl")
    assert [(r.reason_code, r.line) for r in rejects] == [
        (REJECT_NO_TEXT, 5),
        (REJECT_MALFORMED_JSON, 6),
    ]
    assert all(r.source == str(FIXTURES / "articles.jsonl") for r in rejects)


def test_html_page_main_text_and_metadata():
    art = only(FIXTURES / "page.html")
    assert art.title == "Министры обсудили транзит грузов"
    assert art.published == date(2023, 5, 17)
    assert art.source == "Пример Новости"
    assert art.url == "https://news.example.kz/politics/transit-talks"
    assert "рабочую группу" in art.text
    assert "Главная" not in art.text and "Все права защищены" not in art.text


def test_rss_feed_one_article_per_entry_html_stripped():
    articles, rejects = read_all(FIXTURES / "feed.rss")
    assert len(articles) == 1
    art = articles[0]
    assert art.text == (
        "Авиакомпания открыла прямой рейс между двумя столицами.\n\n"
        "Рейсы будут выполняться дважды в неделю."
    )
    assert (art.title, art.published, art.source) == (
        "Открыт новый авиарейс", date(2023, 7, 4), "feed.example.kz",
    )  # fmt: skip
    assert [(r.reason_code, r.source) for r in rejects] == [
        (REJECT_NO_TEXT, f"{FIXTURES / 'feed.rss'}#2")
    ]


def test_atom_feed_prefers_content_over_summary():
    art = only(FIXTURES / "feed.atom")
    assert art.text == "Стороны подписали соглашение о свободной торговле."
    assert art.published == date(2022, 9, 1)
    assert art.name == "feed.atom#1"


def test_xml_that_is_a_feed_and_xml_that_is_not(tmp_path):
    (tmp_path / "a.xml").write_bytes((FIXTURES / "feed.atom").read_bytes())
    (tmp_path / "b.xml").write_text("<root><item>Не лента</item></root>", encoding="utf-8")
    articles, rejects = read_all(tmp_path)
    assert [a.name for a in articles] == ["a.xml#1"]
    assert [(r.reason_code, Path(r.source).name) for r in rejects] == [(REJECT_NO_TEXT, "b.xml")]


def test_unknown_extension_is_sniffed(tmp_path):
    (tmp_path / "page.dat").write_bytes((FIXTURES / "page.html").read_bytes())
    (tmp_path / "note").write_text("Послы обсудили визовый режим.", encoding="utf-8")
    articles, rejects = read_all(tmp_path)
    assert not rejects
    assert [a.title for a in articles] == [None, "Министры обсудили транзит грузов"]


def test_json_document_list_and_object(tmp_path):
    items = [{"id": "x1", "text": "Первая новость."}, {"text": "Вторая новость."}]
    (tmp_path / "list.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "one.json").write_text(
        json.dumps({"text": "Одна новость.", "date": "05.06.2018"}, ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    articles, rejects = read_all(tmp_path)
    assert not rejects
    assert [(a.name, a.published) for a in articles] == [
        ("x1", None), ("list.json#2", None), ("one.json", date(2018, 6, 5)),
    ]  # fmt: skip


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_zip_members_nested_folders_and_jsonl(tmp_path):
    lines = "\n".join(
        json.dumps(
            {"title": f"Новость {i}", "content": f"Текст новости номер {i}."}, ensure_ascii=False
        )
        for i in range(1, 4)
    )
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("deep.txt", "Вложенный архив тоже читается.")
    archive = make_zip(
        tmp_path / "bundle.zip",
        {
            "b/news.jsonlines": lines.encode("utf-8"),
            "a/sub/one.txt": " date 2020-01-02 Текст из папки внутри архива.".encode(),
            "__MACOSX/a/._one.txt": b"\x00\x05junk",
            "a/.hidden.txt": b"skip me",
            "c/inner.zip": inner.getvalue(),
        },
    )
    articles, rejects = read_all(archive)
    assert not rejects
    assert [a.origin for a in articles] == [
        f"{archive}!a/sub/one.txt",
        f"{archive}!b/news.jsonlines:1",
        f"{archive}!b/news.jsonlines:2",
        f"{archive}!b/news.jsonlines:3",
        f"{archive}!c/inner.zip!deep.txt",
    ]
    assert [a.name for a in articles] == [
        "one.txt", "news.jsonlines:1", "news.jsonlines:2", "news.jsonlines:3", "deep.txt",
    ]  # fmt: skip
    assert articles[0].published == date(2020, 1, 2)


# --- encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", SHORT_TEXTS)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8_r"])
def test_short_cyrillic_texts_decode_right(text, encoding):
    assert decode_bytes(text.encode(encoding)).text == text


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_russian_typography_survives_decoding(encoding):
    text = "Посол заявил: «Ещё — не всё», № 5."
    assert decode_bytes(text.encode(encoding)).text == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1251", "koi8_r", "utf-16"])
def test_encoded_files_are_read(tmp_path, encoding):
    text = "Вице-премьер встретился с послом; обсуждались поставки зерна и удобрений."
    path = tmp_path / "enc.txt"
    path.write_bytes(f" date 2022-12-01 {text}\n".encode(encoding))
    art = only(path)
    assert (art.text, art.published) == (text, date(2022, 12, 1))


def test_cp1251_jsonl_line_is_decoded(tmp_path):
    path = tmp_path / "legacy.ndjson"
    path.write_bytes('{"text": "Соглашение подписано в Ташкенте."}\n'.encode("cp1251"))
    assert only(path).text == "Соглашение подписано в Ташкенте."


def test_undecodable_bytes_raise():
    with pytest.raises(NotText) as err:
        decode_bytes(bytes(range(0x80, 0x100)) * 3)
    assert not err.value.binary


# --- rejections ---------------------------------------------------------------------------


def reject_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        REJECT_EMPTY: ("empty.txt", b"  \n\t\n"),
        REJECT_BINARY: ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),
        REJECT_UNDECODABLE: ("garbage.txt", bytes(range(0x80, 0x100)) * 4),
        REJECT_OVERSIZED: ("big.txt", ("Очень длинная новость. " * 200).encode()),
        REJECT_NO_TEXT: ("boiler.txt", "Фото: пресс-служба\n\nПоделиться\n".encode()),
        REJECT_BAD_ARCHIVE: ("broken.zip", b"PK\x03\x04 this is not really a zip"),
    }
    out = {}
    for code, (name, data) in files.items():
        (tmp_path / name).write_bytes(data)
        out[code] = tmp_path / name
    return out


@pytest.mark.parametrize(
    "code",
    [REJECT_EMPTY, REJECT_BINARY, REJECT_UNDECODABLE, REJECT_OVERSIZED, REJECT_NO_TEXT,
     REJECT_BAD_ARCHIVE],
)  # fmt: skip
def test_each_bad_file_is_rejected_with_its_reason(tmp_path, code):
    path = reject_inputs(tmp_path)[code]
    item = only(path, max_bytes=1000)
    assert isinstance(item, InputRejected)
    assert (item.reason_code, item.source, item.line) == (code, str(path), None)
    assert item.code == "E100"


def test_bad_items_never_stop_the_others(tmp_path):
    reject_inputs(tmp_path)
    (tmp_path / "good.txt").write_text("Стороны подписали протокол.", encoding="utf-8")
    articles, rejects = read_all(tmp_path, tmp_path / "missing.txt", max_bytes=1000)
    assert [a.name for a in articles] == ["good.txt"]
    assert sorted(r.reason_code for r in rejects) == sorted(
        [REJECT_EMPTY, REJECT_BINARY, REJECT_UNDECODABLE, REJECT_OVERSIZED, REJECT_NO_TEXT,
         REJECT_BAD_ARCHIVE, REJECT_UNREADABLE]
    )  # fmt: skip


def test_missing_file_and_broken_link_are_unreadable(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    _, rejects = read_all(tmp_path, tmp_path / "missing.txt")
    assert [(r.reason_code, Path(r.source).name) for r in rejects] == [
        (REJECT_UNREADABLE, "dangling.txt"),
        (REJECT_UNREADABLE, "missing.txt"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_file_without_read_permission_is_unreadable(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Текст.", encoding="utf-8")
    path.chmod(0)
    assert only(path).reason_code == REJECT_UNREADABLE


def test_oversized_jsonl_line_is_skipped_and_the_next_line_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    big = json.dumps({"text": "Длинно. " * 500}, ensure_ascii=False)
    path.write_text(f'{big}\n{{"text": "Короткая новость."}}\n', encoding="utf-8")
    items = list(iter_inputs([path], max_bytes=200))
    assert (items[0].reason_code, items[0].line) == (REJECT_OVERSIZED, 1)
    assert items[1].text == "Короткая новость."


def test_bad_members_inside_a_zip(tmp_path):
    archive = make_zip(
        tmp_path / "mixed.zip",
        {
            "empty.txt": b"",
            "bin.txt": b"\x00\x01\x02\x03" * 10,
            "lines.jsonl": b'{"text": "\xd0\x9e\xd0\xba"}\nnot json\n[1, 2]\n',
        },
    )
    items = list(iter_inputs([archive]))
    got = [
        (i.reason_code, i.source, i.line)
        if isinstance(i, InputRejected)
        else ("ok", i.origin, None)
        for i in items
    ]
    assert got == [
        (REJECT_BINARY, f"{archive}!bin.txt", None),
        (REJECT_EMPTY, f"{archive}!empty.txt", None),
        ("ok", f"{archive}!lines.jsonl:1", None),
        (REJECT_MALFORMED_JSON, f"{archive}!lines.jsonl", 2),
        (REJECT_MALFORMED_JSON, f"{archive}!lines.jsonl", 3),
    ]


def test_corrupt_member_data_is_a_bad_archive(tmp_path):
    archive = make_zip(tmp_path / "crc.zip", {"a.txt": "Текст новости.".encode() * 20})
    data = bytearray(archive.read_bytes())
    start = data.index(b"a.txt") + len(b"a.txt")
    data[start + 5 : start + 15] = b"\xff" * 10
    archive.write_bytes(bytes(data))
    item = only(archive)
    assert (item.reason_code, item.source) == (REJECT_BAD_ARCHIVE, f"{archive}!a.txt")


# --- metadata -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.example.ru/politics/2017-04-18/11_apple.html", date(2017, 4, 18)),
        ("https://example.kz/news/2017/04/18/visit", date(2017, 4, 18)),
        ("https://example.kz/2017/13/45/no", None),
        ("https://example.kz/article/455367-talks", None),
        (None, None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-06-02", date(2021, 6, 2)),
        ("2021-06-02T23:30:00+05:00", date(2021, 6, 2)),
        ("Wed, 02 Jun 2021 01:00:00 +0500", date(2021, 6, 2)),
        ("02.06.2021", date(2021, 6, 2)),
        (1622592000, date(2021, 6, 2)),
        ("вчера", None),
        ("", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("Стороны договорились, передает Example.KZ.", None, "Example.KZ"),
        ("Встреча прошла, сообщает Пресс-Центр со ссылкой на министерство.", None, "Пресс-Центр"),
        ("Визит завершён, — пишет «Вечерняя газета».", None, "Вечерняя газета"),
        ("Встреча прошла, сообщает пресс-служба министерства.", None, None),
        ("Договор подписан, сообщает Иван Петров.", None, None),
        ("Текст без упоминания издания.", None, None),
        ("Текст.", "https://www.example.ru/a/1", "example.ru"),
        ("Текст.", "https://russian.example.com/a/1", "russian.example.com"),
        ("Итоги, сообщает Example.ru.", "https://www.example.ru/a", "Example.ru"),
        ("Итоги, сообщает Агентство.", "https://other.example.org/a", "other.example.org"),
    ],
)
def test_detect_source(text, url, expected):
    assert detect_source(text, url) == expected


def test_article_id_is_stable_and_url_sensitive():
    text = "Стороны подписали соглашение."
    assert article_id(text, None) == article_id(text + "\n", None)
    assert len(article_id(text, None)) == 16
    assert article_id(text, "https://a.example/1") != article_id(text, "https://b.example/1")
    assert article_id(text, None) != article_id("Другой текст.", None)


def test_rereading_gives_the_same_articles():
    first = [(a.name, article_id(a.text, a.url)) for a in read_all(FIXTURES)[0]]
    second = [(a.name, article_id(a.text, a.url)) for a in read_all(FIXTURES)[0]]
    assert first == second and len(set(first)) == len(first)


# --- shared data (skipped when absent) ----------------------------------------------------


def test_seed_articles():
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared seeds not present")
    articles, rejects = read_all(seeds)
    assert not rejects
    assert [a.published for a in articles] == [
        date(2025, 8, 8), date(2026, 2, 27), None, date(2026, 2, 28), None,
    ]  # fmt: skip
    assert [a.source for a in articles][:4] == ["BAQ.KZ", "Kazpravda.kz", "Zakon.kz", "Акорда"]
    assert all(not a.text.startswith(("date", "Фото")) for a in articles)
