"""Cleaning raw text into stored text: boilerplate, whitespace, typography kept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.ingest.cleaning import boilerplate_kind, boilerplate_rules, clean_text


@pytest.mark.parametrize(
    "line",
    [
        "Фото: пресс-служба правительства",
        "Фото пресс-службы министерства",
        "Фото: Министерство",
        "Иллюстративное фото",
        "Источник фото: открытые источники",
        "© Иван Иванов / Пример",
        "Рассказать друзьям",
        "Поделиться",
        "Поделиться в соцсетях:",
        "Читайте также: Министры обсудили тарифы",
        "Подписывайтесь на наш канал в Telegram, чтобы быть в курсе новостей.",
        "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter",
        "Теги: политика, экономика",
        "На страницу галереи",
        "— Пример Примеров (@example)",
    ],
)
def test_boilerplate_lines_are_removed(line):
    text = f"Стороны обсудили сотрудничество.\n\n{line}\n\nВстреча продлилась два часа."
    assert clean_text(text) == "Стороны обсудили сотрудничество.\n\nВстреча продлилась два часа."


@pytest.mark.parametrize(
    "line",
    [
        "Фотовыставка открылась в Астане при поддержке посольства.",
        "Поделиться опытом приехали эксперты из пяти стран.",
        "Министр рассказал друзьям и коллегам о визите.",
        "По теме переговоров стороны не сделали заявлений.",
        "Видеоконференция министров прошла в среду.",
    ],
)
def test_running_text_that_resembles_boilerplate_stays(line):
    assert clean_text(line) == line


def test_read_also_block_drops_header_headline_and_teaser():
    text = (
        "Переговоры прошли в столице.\n"
        "Также по теме\n"
        "Пошлины на сталь: чем ответят партнёры\n"
        "Правительство объявило о новых мерах поддержки экспортёров...\n"
        "Следующий раунд пройдёт осенью."
    )
    assert clean_text(text) == "Переговоры прошли в столице.\nСледующий раунд пройдёт осенью."


def test_read_also_header_does_not_eat_a_sentence():
    text = "Читайте также\nМинистры встретились в понедельник и подписали протокол."
    assert clean_text(text) == "Министры встретились в понедельник и подписали протокол."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a credit line between paragraphs is dropped
        ("Министры провели встречу.\nReuters\n«Мы довольны», — сказал министр.",
         "Министры провели встречу.\n«Мы довольны», — сказал министр."),
        # the same word broken out of running text stays, and the sentence is joined again
        ("Об этом сообщает\nReuters\n, ссылаясь на источники.",
         "Об этом сообщает\nReuters, ссылаясь на источники."),
        ("Он написал в\nTelegram\n, что визит отложен.",
         "Он написал в Telegram, что визит отложен."),
    ],
)  # fmt: skip
def test_credit_lines_only_outside_sentences(text, expected):
    assert clean_text(text) == expected


def test_subscribe_prompt_spread_over_lines_is_dropped():
    text = (
        "Визит завершился.\n\nПодписывайтесь на наш\nTelegram\n, чтобы быть в курсе. Нажмите\n"
        "ссылку\nи кнопку Join.\n\nПослесловие."
    )
    assert clean_text(text) == "Визит завершился.\n\nПослесловие."


def test_whitespace_is_normalised():
    text = "\ufeff  Первая строка.   \r\nВторая\u200b строка.\t\r\r\n\n\n\n\nТретья строка.\u2028Четвёртая.  "
    assert clean_text(text) == ("Первая строка.\nВторая строка.\n\nТретья строка.\nЧетвёртая.")


def test_russian_typography_is_kept():
    text = "«Ёлки» — это «ещё не всё», сказал он… №\u00a05, 10–12 мая, „цитата“."
    assert clean_text(text) == text


def test_rules_load_with_known_kinds():
    kinds = {rule.kind for rule in boilerplate_rules()}
    assert kinds == {"line", "credit", "prompt", "related"}
    assert boilerplate_kind("Фото: Пример") == "line"
    assert boilerplate_kind("x" * 400) is None


russian_lines = st.lists(
    st.one_of(
        st.sampled_from(
            ["Фото: пресс-служба", "Поделиться", "Также по теме", "Reuters", "", "  ",
             "Читайте также", "Подписывайтесь на наш", "Telegram", ", чтобы знать."]
        ),
        st.text(alphabet="абвгдеёжАБВГДЕЁЖ .,—«»\t", max_size=40),
    ),
    max_size=12,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(russian_lines)
def test_cleaning_is_idempotent(lines):
    once = clean_text("\n".join(lines))
    assert clean_text(once) == once
    assert "\n\n\n" not in once
    assert all(line == line.strip() for line in once.split("\n"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence broken at inline links is one line again
        ("Стороны напомнили, что\nМосква призывала США\nне вводить санкций.",
         "Стороны напомнили, что Москва призывала США не вводить санкций."),
        # a heading before a sentence stays on its own line
        ("Новые рейсы\nАвиакомпания откроет рейс в Ташкент.",
         "Новые рейсы\nАвиакомпания откроет рейс в Ташкент."),
        # paragraphs are never joined
        ("Визит начался в Москве\n\nи продлится три дня.",
         "Визит начался в Москве\n\nи продлится три дня."),
    ],
)  # fmt: skip
def test_lines_broken_inside_a_sentence_are_joined(text, expected):
    assert clean_text(text) == expected
