"""The ``times`` stage: absolute, partial and relative dates, ranges and periods."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.doc import Doc
from bilat.extract.times import find_times
from bilat.pipeline import build_pipeline

PUBLISHED = date(2026, 2, 27)  # a Friday


def _times(text: str, published: date | None = PUBLISHED):
    doc = Doc(id="t", text=text, published=published)
    return find_times(doc)


@pytest.mark.parametrize(
    ("text", "span", "value", "kind"),
    [
        (
            "Соглашение подписано 27 февраля 2026 года в столице.",
            "27 февраля 2026 года",
            "2026-02-27",
            "date",
        ),
        ("Документ датирован 27.02.2026 и опубликован.", "27.02.2026", "2026-02-27", "date"),
        (
            "Переговоры пройдут в феврале 2026 года в Минске.",
            "в феврале 2026 года",
            "2026-02",
            "date",
        ),
        ("В 2026 году объём вырос.", "В 2026 году", "2026", "date"),
        # a year with a hyphenated ordinal ending and no year word
        ("Мост откроют в 2027-м.", "в 2027-м", "2027", "date"),
        ("Завод построят до конца 2028-го.", "до конца 2028-го", "2028", "date"),
        ("К 2030-му проект завершат.", "К 2030-му", "2030", "date"),
        ("Завод построен в 2025 г. у реки.", "в 2025 г", "2025", "date"),
        (
            "Форум прошёл 22 - 24 апреля 2026 года.",
            "22 - 24 апреля 2026 года",
            "2026-04-22/2026-04-24",
            "range",
        ),
        ("Выставка работала в 2024-2025 годах.", "в 2024-2025 годах", "2024/2025", "range"),
        (
            "Экспорт за первое полугодие 2025 года вырос.",
            "за первое полугодие 2025 года",
            "2025-H1",
            "period",
        ),
        ("Во втором квартале 2025 поставки упали.", "Во втором квартале 2025", "2025-Q2", "period"),
        (
            "Объём за 11 месяцев 2024 года снизился.",
            "за 11 месяцев 2024 года",
            "2024-01/2024-11",
            "period",
        ),
        (
            "Импорт в январе-ноябре 2024 года вырос.",
            "в январе-ноябре 2024 года",
            "2024-01/2024-11",
            "range",
        ),
        ("По итогам 2025 года оборот вырос.", "2025 года", "2025", "date"),
        ("Музей открыли в 1960-е годы.", "в 1960-е годы", "1960/1969", "period"),
        ("Мост достроили весной 2012 года.", "весной 2012 года", "2012-03/2012-05", "period"),
        ("Альбом вышел в свет (1997) и прославил группу.", "1997", "1997", "date"),
    ],
)
def test_absolute_dates(text, span, value, kind):
    times, _ = _times(text)
    assert [(t.text, t.value, t.kind) for t in times] == [(span, value, kind)]
    assert not times[0].relative


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Министры встретились 26 февраля в столице.", "26 февраля", "2026-02-26"),
        ("Делегация прибыла 30 декабря.", "30 декабря", "2025-12-30"),
        ("Переговоры пройдут 5 марта.", "5 марта", "2026-03-05"),
        ("Стороны подписали договор 5 марта.", "5 марта", "2025-03-05"),
        ("Вчера стороны подписали меморандум.", "Вчера", "2026-02-26"),
        ("Сегодня открылась выставка.", "Сегодня", "2026-02-27"),
        ("Позавчера прошли консультации.", "Позавчера", "2026-02-25"),
        ("Завтра начнётся визит.", "Завтра", "2026-02-28"),
        ("В прошлом году товарооборот вырос.", "В прошлом году", "2025"),
        ("В текущем году план выполнят.", "В текущем году", "2026"),
        ("В этом году открылся рейс.", "В этом году", "2026"),
        ("В следующем году откроют завод.", "В следующем году", "2027"),
        ("Два года назад открылся рейс.", "Два года назад", "2024"),
        ("В прошлом месяце прошли торги.", "В прошлом месяце", "2026-01"),
        ("На прошлой неделе прошли торги.", "На прошлой неделе", "2026-02-16/2026-02-22"),
        ("В феврале этого года прошли торги.", "В феврале этого года", "2026-02"),
        ("В сентябре прошлого года открыли завод.", "В сентябре прошлого года", "2025-09"),
        ("Заседание прошло с 1 по 3 марта.", "с 1 по 3 марта", "2025-03-01/2025-03-03"),
        ("В четверг президент провёл встречу.", "В четверг", "2026-02-26"),
        # "на" a weekday sets a day ahead, but "в ночь на среду" is the night before one
        ("Встреча запланирована на среду.", "на среду", "2026-03-04"),
        ("В ночь на среду прошли учения.", "на среду", "2026-02-25"),
        ("В первом полугодии экспорт вырос.", "В первом полугодии", "2026-H1"),
        ("Через два года построят мост.", "Через два года", "2028"),
        ("Рейс откроют до конца года.", "до конца года", "2026"),
        ("К концу месяца подпишут протокол.", "К концу месяца", "2026-02"),
    ],
)
def test_relative_dates_resolved_against_publication(text, span, value):
    times, _ = _times(text)
    assert [(t.text, t.value) for t in times] == [(span, value)]
    assert times[0].relative


@pytest.mark.parametrize(
    "text",
    [
        "Вчера стороны подписали меморандум.",
        "В прошлом году товарооборот вырос.",
        "Министры встретились 26 февраля в столице.",
        "На прошлой неделе прошли торги.",
        "В первом полугодии экспорт вырос.",
        "На следующий день делегация уехала.",
    ],
)
def test_relative_dates_without_publication_are_listed_with_no_value(text):
    times, _ = _times(text, published=None)
    assert len(times) == 1
    assert times[0].value is None
    assert times[0].relative


def test_anaphoric_expression_has_no_value_even_with_publication():
    times, _ = _times("На следующий день делегация уехала.")
    assert [(t.text, t.value) for t in times] == [("На следующий день", None)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "Накануне" as an adverb is the day before publication ...
        ("Накануне министры провели переговоры.", "2026-02-26"),
        ("Накануне главы государств провели переговоры.", "2026-02-26"),
        ("Накануне в Астане прошли консультации.", "2026-02-26"),
        ("Накануне Токаев провел переговоры.", "2026-02-26"),
        # ... before a noun it is the eve of that, with no date of its own
        ("Накануне визита министры встретились.", None),
        ("Накануне официального визита посол дал интервью.", None),
        ("Накануне Нового года открыли рейс.", None),
    ],
)
def test_nakanune_as_an_adverb_is_the_day_before(text, value):
    doc = build_pipeline(["segment", "ner", "times"])(
        Doc(id="t", text=text, published=PUBLISHED)
    )
    assert [(t.text, t.value) for t in doc.times] == [("Накануне", value)]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Он руководил заводом в течение трёх лет.", "в течение трёх лет"),
        ("Суд арестовал его на 10 суток.", "на 10 суток"),
        ("В настоящее время идут переговоры.", "В настоящее время"),
    ],
)
def test_durations_are_date_entities_but_not_times(text, entity):
    times, entities = _times(text)
    assert times == []
    assert [(e.type, e.text) for e in entities] == [("DATE", entity)]


@pytest.mark.parametrize(
    "text",
    [
        "Ему было 64 года, когда он ушёл.",
        "В 2025 оборот",  # a bare year without a year word or punctuation after it
        "Мая Иванова выступила с докладом.",
    ],
)
def test_not_dates(text):
    _, entities = _times(text)
    assert entities == []


def test_stage_fills_times_and_date_entities_with_exact_offsets():
    text = (
        "Вчера в Астане министры подписали соглашение. Следующая встреча пройдёт 5 марта 2026 года."
    )
    doc = build_pipeline(["segment", "times"])(Doc(id="s", text=text, published=PUBLISHED))
    assert [t.value for t in doc.times] == ["2026-02-26", "2026-03-05"]
    dates = [e for e in doc.entities if e.type == "DATE"]
    assert [e.text for e in dates] == ["Вчера", "5 марта 2026 года"]
    for item in [*doc.times, *dates]:
        assert doc.text[item.start : item.end] == item.text
    assert "times" in doc.done


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 .,-–годамрт янвфлвчеизсноплй\n")), max_size=120
    )
)
def test_never_crashes_and_offsets_are_exact(text):
    for published in (PUBLISHED, None):
        times, entities = _times(text, published)
        for item in [*times, *entities]:
            assert text[item.start : item.end] == item.text
            assert item.text.strip() == item.text


@pytest.mark.parametrize("prefix", ["", "İzmir ve İstanbul. "])
def test_rules_read_lower_cased_text_with_original_offsets(prefix):
    # "İ" grows when lower-cased, so that text is read case-insensitively instead
    text = prefix + "Визит ЗАВЕРШИЛСЯ 3 Марта 2026 года, а В ПРОШЛОМ ГОДУ их было два."
    times, _ = _times(text)
    assert [(t.text, t.value) for t in times] == [
        ("3 Марта 2026 года", "2026-03-03"),
        ("В ПРОШЛОМ ГОДУ", "2025"),
    ]
    assert all(text[t.start : t.end] == t.text for t in times)
