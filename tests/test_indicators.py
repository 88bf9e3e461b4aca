"""Indicators stage on hand-built documents: segment runs for real, while times,
quantities and country mentions are given by hand (located by their text)."""

from __future__ import annotations

import pytest

from bilat.doc import CountryMention, Doc, Quantity, TimeExpr
from bilat.extract.indicators import indicators
from bilat.extract.segment import segment


def _at(text: str, needle: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos


def build(text, *, dyad=("KZ", "UZ"), quantities=(), times=(), mentions=()) -> Doc:
    doc = segment(Doc(id="t", text=text))
    doc.countries = list(dyad)
    for needle, value, unit in quantities:
        s = _at(text, needle)
        doc.quantities.append(Quantity(s, s + len(needle), needle, value, unit))
    for needle, value in times:
        s = _at(text, needle)
        doc.times.append(TimeExpr(s, s + len(needle), needle, value, "period"))
    for needle, code, kind in mentions:
        s = _at(text, needle)
        doc.country_mentions.append(CountryMention(code, s, s + len(needle), needle, kind))
    doc.country_mentions.sort(key=lambda m: m.start)
    return indicators(doc)


def summary(doc: Doc) -> list[tuple]:
    return [
        (i.kind, i.scope, i.countries, i.period, i.value, i.unit, i.change_pct)
        for i in doc.indicators
    ]


CASES = [
    pytest.param(
        "За 2023 год товарооборот между Казахстаном и Узбекистаном составил $4,2 млрд.",
        dict(
            quantities=[("$4,2 млрд", 4.2e9, "USD")],
            times=[("За 2023 год", "2023")],
            mentions=[("Казахстаном", "KZ", "name"), ("Узбекистаном", "UZ", "name")],
        ),
        [("trade", "total", ["KZ", "UZ"], "2023", 4.2e9, "USD", None)],
        id="trade-total-explicit-pair",
    ),
    pytest.param(
        "Объем взаимной торговли в первом квартале 2024 года снизился на 12% и составил "
        "310 млн долларов.",
        dict(
            quantities=[("12%", 12, "pct"), ("310 млн долларов", 3.1e8, "USD")],
            times=[("в первом квартале 2024 года", "2024-Q1")],
        ),
        [("trade", "total", ["KZ", "UZ"], "2024-Q1", 3.1e8, "USD", -12.0)],
        id="trade-volume-phrase-decrease-dyad",
    ),
    pytest.param(
        "Торговый оборот сельскохозяйственной продукции за январь-май 2022 года вырос "
        "в 2 раза и достиг 90 млн долларов.",
        dict(
            quantities=[("2 раза", 2, "times"), ("90 млн долларов", 9e7, "USD")],
            times=[("за январь-май 2022 года", "2022-01/2022-05")],
        ),
        [("trade", "agriculture", ["KZ", "UZ"], "2022-01/2022-05", 9e7, "USD", 100.0)],
        id="trade-agriculture-times-increase",
    ),
    pytest.param(
        "В марте 2024 года поставки сократились в 2 раза, экспорт угля из Казахстана в "
        "Узбекистан составил 120 тыс. тонн.",
        dict(
            quantities=[("2 раза", 2, "times"), ("120 тыс. тонн", 120000, "t")],
            times=[("В марте 2024 года", "2024-03")],
            mentions=[("Казахстана", "KZ", "name"), ("Узбекистан", "UZ", "name")],
        ),
        [("export", "coal", ["KZ", "UZ"], "2024-03", 120000, "t", -50.0)],
        id="export-commodity-direction-halved",
    ),
    pytest.param(
        "Узбекский экспорт в Казахстан в 2021 году достиг 1,1 млрд долларов.",
        dict(
            quantities=[("1,1 млрд долларов", 1.1e9, "USD")],
            times=[("в 2021 году", "2021")],
            mentions=[("Узбекский", "UZ", "adjective"), ("Казахстан", "KZ", "name")],
        ),
        [("export", "total", ["UZ", "KZ"], "2021", 1.1e9, "USD", None)],
        id="export-adjective-origin",
    ),
    pytest.param(
        "Импорт промышленных товаров из Узбекистана в 2020 году составил 700 млн долларов, "
        "что на 4,5% больше, чем в 2019 году.",
        dict(
            quantities=[("700 млн долларов", 7e8, "USD"), ("4,5%", 4.5, "pct")],
            times=[("в 2020 году", "2020"), ("в 2019 году", "2019")],
            mentions=[("Узбекистана", "UZ", "name")],
        ),
        [("import", "industry", ["UZ", "KZ"], "2020", 7e8, "USD", 4.5)],
        id="import-industry-change-after-comparison-year-ignored",
    ),
    pytest.param(
        "Объем прямых иностранных инвестиций из Узбекистана в Казахстан за 2019 год "
        "составил 55 млн долларов.",
        dict(
            quantities=[("55 млн долларов", 5.5e7, "USD")],
            times=[("за 2019 год", "2019")],
            mentions=[("Узбекистана", "UZ", "name"), ("Казахстан", "KZ", "name")],
        ),
        [("investment", "total", ["UZ", "KZ"], "2019", 5.5e7, "USD", None)],
        id="investment-direction",
    ),
    pytest.param(
        "Сегодня в Узбекистане работают более 900 казахстанских компаний.",
        dict(
            quantities=[("900", 900, "count")],
            mentions=[("Узбекистане", "UZ", "name"), ("казахстанских", "KZ", "adjective")],
        ),
        [("companies", "total", ["KZ", "UZ"], None, 900, "count", None)],
        id="companies-home-host",
    ),
    pytest.param(
        "В Казахстане зарегистрировано 250 предприятий с участием узбекского капитала.",
        dict(
            quantities=[("250", 250, "count")],
            mentions=[("Казахстане", "KZ", "name"), ("узбекского", "UZ", "adjective")],
        ),
        [("companies", "total", ["UZ", "KZ"], None, 250, "count", None)],
        id="companies-capital",
    ),
    pytest.param(
        "В 2023 году товарооборот составил 2 млрд долларов, в том числе сельхозпродукции – "
        "400 млн долларов (+8,5%), промышленной продукции – 1,2 млрд долларов (-3,1%).",
        dict(
            quantities=[
                ("2 млрд долларов", 2e9, "USD"),
                ("400 млн долларов", 4e8, "USD"),
                ("+8,5%", 8.5, "pct"),
                ("1,2 млрд долларов", 1.2e9, "USD"),
                ("3,1%", 3.1, "pct"),
            ],
            times=[("В 2023 году", "2023")],
        ),
        [
            ("trade", "total", ["KZ", "UZ"], "2023", 2e9, "USD", None),
            ("trade", "agriculture", ["KZ", "UZ"], "2023", 4e8, "USD", 8.5),
            ("trade", "industry", ["KZ", "UZ"], "2023", 1.2e9, "USD", -3.1),
        ],
        id="multi-indicator-list",
    ),
    pytest.param(
        "Казахстан готов довести товарооборот до 10 млрд долларов к 2030 году.",
        dict(quantities=[("10 млрд долларов", 1e10, "USD")], times=[("к 2030 году", "2030")]),
        [],
        id="target-is-not-a-figure",
    ),
    pytest.param(
        "Казахстан готов увеличить экспорт по 50 позициям на сумму 300 млн долларов.",
        dict(quantities=[("50 позициям", 50, "count"), ("300 млн долларов", 3e8, "USD")]),
        [],
        id="plan-word-before-cue-and-count",
    ),
    pytest.param(
        "В 2030 году экспорт составит 2 млрд долларов.",
        dict(quantities=[("2 млрд долларов", 2e9, "USD")], times=[("В 2030 году", "2030")]),
        [],
        id="future-verb-is-a-forecast",
    ),
    pytest.param(
        "В регионе действуют около 40 строительных компаний.",
        dict(quantities=[("40 строительных компаний", 40, "count")]),
        [],
        id="companies-of-no-country",
    ),
    pytest.param(
        "На долю сельского хозяйства приходится 20% товарооборота.",
        dict(quantities=[("20%", 20, "pct")]),
        [],
        id="share-without-value-is-not-a-figure",
    ),
    pytest.param(
        "В стране выпущено 300 тыс. тонн зерна.",
        dict(quantities=[("300 тыс. тонн", 300000, "t")]),
        [],
        id="no-cue-no-figure",
    ),
]


@pytest.mark.parametrize(("text", "given", "expected"), CASES)
def test_indicators(text, given, expected):
    assert summary(build(text, **given)) == expected


def test_period_carried_into_continuing_sentence():
    text = (
        "За девять месяцев 2023 года товарооборот вырос на 6% и составил 1 млрд долларов. "
        "При этом экспорт пшеницы из Казахстана достиг 80 тыс. тонн, муки – 20 тыс. тонн."
    )
    doc = build(
        text,
        quantities=[
            ("6%", 6, "pct"),
            ("1 млрд долларов", 1e9, "USD"),
            ("80 тыс. тонн", 80000, "t"),
            ("20 тыс. тонн", 20000, "t"),
        ],
        times=[("За девять месяцев 2023 года", "2023-01/2023-09")],
        mentions=[("Казахстана", "KZ", "name")],
    )
    assert summary(doc) == [
        ("trade", "total", ["KZ", "UZ"], "2023-01/2023-09", 1e9, "USD", 6.0),
        ("export", "wheat", ["KZ", "UZ"], "2023-01/2023-09", 80000, "t", None),
        ("export", "flour", ["KZ", "UZ"], "2023-01/2023-09", 20000, "t", None),
    ]
    second = doc.sentences[1]
    assert doc.indicators[1].evidence.text == second.text


def test_period_not_carried_across_unrelated_sentence():
    text = (
        "В 2022 году товарооборот составил 500 млн долларов. Стороны обсудили логистику. "
        "Экспорт в Узбекистан достиг 30 млн долларов."
    )
    doc = build(
        text,
        quantities=[("500 млн долларов", 5e8, "USD"), ("30 млн долларов", 3e7, "USD")],
        times=[("В 2022 году", "2022")],
        mentions=[("Узбекистан", "UZ", "name")],
    )
    assert [i.period for i in doc.indicators] == ["2022", None]


# the same through the real pipeline (times, quantities, countries, dyad stages),
# published 2025-03-01
PIPELINE_CASES = [
    # the country before a figure's bracket is where the flow goes
    pytest.param(
        "Казахстан и Узбекистан торгуют зерном. Казахстан в 2024 году экспортировал зерно "
        "в Узбекистан. Экспорт казахстанского зерна пришёлся на Узбекистан (2 млн тонн) и "
        "Турцию (1 млн тонн).",
        [("export", "grain", ["KZ", "UZ"], None, 2e6, "t", None)],
        id="bracketed-destination",
    ),
    # a share of a bloc's trade named just before the cue is the bloc's figure
    pytest.param(
        "Казахстан и Узбекистан торгуют с ЕС. Казахстан занимает седьмое место среди партнёров "
        "ЕС (3,2% товарооборота, или 111 млн евро), Узбекистан — девятое.",
        [],
        id="share-of-a-blocs-trade",
    ),
    # a total over several partners is no figure between two countries
    pytest.param(
        "Казахстан и Узбекистан развивают связи. В 2024 году товарооборот Казахстана со "
        "странами Центральной Азии составил 5 млрд долларов.",
        [],
        id="several-partners-total",
    ),
    # an intention or an agreed increase names a goal, not a figure
    pytest.param(
        "Казахстан и Узбекистан развивают связи. Президент заявил о намерении увеличить "
        "товарооборот между двумя странами до 5 млрд долларов.",
        [],
        id="intention-is-a-target",
    ),
    pytest.param(
        "Казахстан и Узбекистан развивают связи. Стороны договорились о наращивании "
        "товарооборота до 5 млрд долларов.",
        [],
        id="agreed-increase-is-a-target",
    ),
    # "между двумя странами" after a sentence naming a pair outside the article's own
    pytest.param(
        "Казахстан и Узбекистан развивают связи. Узбекистан поддерживает Казахстан. Санкции "
        "сближают Москву и Тегеран. За 2024 год товарооборот между двумя странами удвоился до "
        "100 млн долларов.",
        [("trade", "total", ["IR", "RU"], "2024", 1e8, "USD", None)],
        id="two-countries-of-the-previous-sentence",
    ),
    # a country adjective after "в" in the accusative is where the flow goes
    pytest.param(
        "Казахстан и Узбекистан развивают связи. Узбекистан вложил в казахстанские проекты "
        "100 млн долларов.",
        [("investment", "total", ["UZ", "KZ"], None, 1e8, "USD", None)],
        id="adjective-after-v-is-the-destination",
    ),
    pytest.param(
        "Казахстан и Узбекистан развивают связи. Доля Узбекистана в казахстанском экспорте "
        "составила 100 млн долларов.",
        [("export", "total", ["KZ", "UZ"], None, 1e8, "USD", None)],
        id="locative-adjective-after-v-is-no-destination",
    ),
    # "этот показатель" stands for the previous sentence's figure, like "он"
    pytest.param(
        "Товарооборот Казахстана и Узбекистана в 2024 году составил 5 млрд долларов. "
        "В 2023 году этот показатель находился на уровне 4 млрд долларов.",
        [("trade", "total", ["KZ", "UZ"], "2024", 5e9, "USD", None),
         ("trade", "total", ["KZ", "UZ"], "2023", 4e9, "USD", None)],
        id="demonstrative-noun-carries-the-figure",
    ),
    pytest.param(
        "Товарооборот Казахстана и Узбекистана в 2024 году составил 5 млрд долларов. "
        "В 2023 году показатель безработицы находился на уровне 5%.",
        [("trade", "total", ["KZ", "UZ"], "2024", 5e9, "USD", None)],
        id="a-noun-without-demonstrative-carries-nothing",
    ),
    # "соответственно" pairs cues of different kinds with the values in order
    pytest.param(
        "Казахстан, Узбекистан и Киргизия развивают торговлю. В 2024 году казахстанский "
        "экспорт достиг уровня узбекского импорта (100 млн и 98 млн долларов соответственно).",
        [("export", "total", ["KZ", "UZ"], "2024", 1e8, "USD", None),
         ("import", "total", ["UZ", "KZ"], "2024", 9.8e7, "USD", None)],
        id="respective-kinds",
    ),
    pytest.param(
        "Казахстан и Узбекистан развивают связи. Все инвестиции в Казахстан банка БРИКС "
        "составили порядка 100 млн долларов.",
        [],
        id="an-international-bank-is-no-investing-country",
    ),
    pytest.param(
        "Казахстан и Узбекистан развивают связи. Инвестиции Узбекистана в Казахстан "
        "составили 100 млн долларов.",
        [("investment", "total", ["UZ", "KZ"], None, 1e8, "USD", None)],
        id="a-country-investing-in-the-other",
    ),
    pytest.param(
        "Узбекистан в 2024 году нарастил экспорт хлопка в Казахстан до 20 тыс. тонн.",
        [("export", "cotton", ["UZ", "KZ"], "2024", 2e4, "t", None)],
        id="past-tense-up-to-is-reached-value",
    ),
    pytest.param(
        "Узбекистан планирует нарастить экспорт хлопка в Казахстан до 20 тыс. тонн.",
        [],
        id="planned-up-to-is-a-target",
    ),
    pytest.param(
        "В 2024 году товарооборот Казахстана и Узбекистана вырос до 5 млрд долларов.",
        [("trade", "total", ["KZ", "UZ"], "2024", 5e9, "USD", None)],
        id="grew-up-to-is-reached-value",
    ),
    pytest.param(
        "Казахстан и Узбекистан наращивают товарооборот. В этом году он может составить, "
        "по прогнозу министерства, 6 млрд долларов.",
        [("trade", "total", ["KZ", "UZ"], "2025", 6e9, "USD", None)],
        id="pronoun-carries-kind-and-current-year-forecast-counts",
    ),
    pytest.param(
        "Казахстан и Узбекистан наращивают товарооборот. В 2030 году он может составить, "
        "по прогнозу министерства, 10 млрд долларов.",
        [],
        id="forecast-for-later-year-is-not-a-figure",
    ),
    pytest.param(
        "Компания вложит в строительство нового терминала 300 млн долларов. "
        "Казахстан и Узбекистан обсудили логистику.",
        [],
        id="investment-without-a-country-is-not-bilateral",
    ),
    pytest.param(
        "По итогам 2023 года товарооборот между Казахстаном и Узбекистаном вырос на 12,5% и "
        "составил $4,2 млрд, в том числе сельхозпродукции – 600 млн долларов (+8%), "
        "промышленной продукции – 2,1 млрд долларов (-3,1%).",
        [
            ("trade", "total", ["KZ", "UZ"], "2023", 4.2e9, "USD", 12.5),
            ("trade", "agriculture", ["KZ", "UZ"], "2023", 6e8, "USD", 8.0),
            ("trade", "industry", ["KZ", "UZ"], "2023", 2.1e9, "USD", -3.1),
        ],
        id="pipeline-multi-list",
    ),
    pytest.param(
        "За девять месяцев 2024 года экспорт казахстанской пшеницы в Узбекистан сократился "
        "в 2 раза и составил 300 тыс. тонн.",
        [("export", "wheat", ["KZ", "UZ"], "2024-01/2024-09", 3e5, "t", -50.0)],
        id="pipeline-export-tonnes",
    ),
    pytest.param(
        "Казахстан экспортирует уголь в Узбекистан по цене $95 за тонну.",
        [],
        id="price-per-unit-is-not-a-flow",
    ),
    pytest.param(
        "Мировой экспорт пшеницы в 2024 году достиг 220 млн тонн, отметили в Казахстане и "
        "Узбекистане.",
        [],
        id="world-total-is-not-between-the-pair",
    ),
    pytest.param(
        "В 2024 году Казахстан произвел 17 млн тонн зерна, а экспорт зерна в Узбекистан "
        "составил 1,2 млн тонн.",
        [("export", "grain", ["KZ", "UZ"], "2024", 1.2e6, "t", None)],
        id="domestic-production-figure-left-out",
    ),
    pytest.param(
        "Узбекистан и Казахстан обсудили торговлю. Импорт Узбекистана в 2024 году вырос до "
        "38 млрд долларов.",
        [],
        id="one-country-total-import-left-out",
    ),
    pytest.param(
        "Казахстан и Узбекистан развивают торговлю. В 2024 году Узбекистан увеличил импорт "
        "казахстанских товаров до 2 млрд долларов.",
        [("import", "total", ["KZ", "UZ"], "2024", 2e9, "USD", None)],
        id="adjective-on-goods-is-origin-of-import",
    ),
    pytest.param(
        "В 2024 году экспорт казахстанской пшеницы в Узбекистан сократился на 0,5 млн тонн — "
        "до 2 млн тонн.",
        [("export", "wheat", ["KZ", "UZ"], "2024", 2e6, "t", None)],
        id="absolute-change-is-not-the-figure",
    ),
    pytest.param(
        "Товарооборот Казахстана и Узбекистана будет расти на 10% в год, это около "
        "$5 млрд — $6 млрд.",
        [],
        id="range-of-a-forecast-left-out",
    ),
    pytest.param(
        "В 2024 году экспорт нефтепродуктов из Казахстана в Узбекистан составил 300 тыс. тонн.",
        [("export", "oil product", ["KZ", "UZ"], "2024", 3e5, "t", None)],
        id="oil-product-scope",
    ),
    pytest.param(
        "В Узбекистане работают более 900 компаний с участием казахстанского капитала.",
        [("companies", "total", ["KZ", "UZ"], None, 900, "count", None)],
        id="pipeline-companies",
    ),
    pytest.param(
        "В 2024 году оборот торговли Казахстана и Узбекистана вырос на 6% и превысил отметку в "
        "$4 млрд.",
        [("trade", "total", ["KZ", "UZ"], "2024", 4e9, "USD", 6.0)],
        id="oborot-torgovli-is-trade",
    ),
    pytest.param(
        "В 2024 году торговля между Казахстаном и Узбекистаном составила 4 млрд долларов.",
        [("trade", "total", ["KZ", "UZ"], "2024", 4e9, "USD", None)],
        id="torgovlya-mezhdu-is-trade",
    ),
    pytest.param(
        "Казахстан и Узбекистан развивают торговлю. За 2024 год Казахстан экспортировал в "
        "Узбекистан 1,5 млн тонн пшеницы.",
        [("export", "wheat", ["KZ", "UZ"], "2024", 1.5e6, "t", None)],
        id="goods-after-a-tonnage",
    ),
    pytest.param(
        "Казахстан и Узбекистан развивают торговлю. В 2024 году казахстанский экспорт в "
        "Узбекистан составил 2,1 млрд долларов, импорт из Узбекистана – 1,3 млрд долларов.",
        [
            ("export", "total", ["KZ", "UZ"], "2024", 2.1e9, "USD", None),
            ("import", "total", ["UZ", "KZ"], "2024", 1.3e9, "USD", None),
        ],
        id="each-figure-takes-the-countries-of-its-own-clause",
    ),
    pytest.param(
        "Казахстан и Узбекистан развивают торговлю. Прямые инвестиции из Узбекистана в "
        "Казахстан с 2010 года составили 300 млн долларов. В Казахстане работают 120 "
        "предприятий с узбекским капиталом.",
        [
            ("investment", "total", ["UZ", "KZ"], "2010/2025", 3e8, "USD", None),
            ("companies", "total", ["UZ", "KZ"], None, 120, "count", None),
        ],
        id="running-total-since-a-year-and-no-period-for-a-count",
    ),
    pytest.param(
        "Товарооборот Казахстана и Узбекистана в 2023 и 2024 годах составил 3,1 и 3,4 млрд "
        "долларов соответственно.",
        [
            ("trade", "total", ["KZ", "UZ"], "2023", 3.1e9, "USD", None),
            ("trade", "total", ["KZ", "UZ"], "2024", 3.4e9, "USD", None),
        ],
        id="figures-and-periods-paired-respectively",
    ),
    pytest.param(
        "Казахстан и Узбекистан развивают торговлю. В 2024 году товарооборот между Узбекистаном "
        "и Турцией достиг $8 млрд, а товарооборот Казахстана и Узбекистана в 2023 и 2024 годах "
        "составил $4 и $4,4 млрд соответственно.",
        [
            ("trade", "total", ["TR", "UZ"], "2024", 8e9, "USD", None),
            ("trade", "total", ["KZ", "UZ"], "2023", 4e9, "USD", None),
            ("trade", "total", ["KZ", "UZ"], "2024", 4.4e9, "USD", None),
        ],
        id="a-trade-figure-takes-the-pair-of-its-own-clause",
    ),
    pytest.param(
        "Для сравнения: в 2024 году товарооборот Казахстана и Узбекистана составил $4,4 млрд.",
        [("trade", "total", ["KZ", "UZ"], "2024", 4.4e9, "USD", None)],
        id="a-comparison-word-opening-the-sentence-leaves-its-year-alone",
    ),
    pytest.param(
        "Казахстан и Узбекистан развивают торговлю. В Ташкенте прошел деловой совет с участием "
        "более 100 компаний двух стран.",
        [],
        id="participants-of-a-forum-are-no-companies-figure",
    ),
    pytest.param(
        "Казахстан, Китай и Турция торгуют углём. За первые пять месяцев 2024 года Казахстан "
        "поставил Китаю 777,5 тыс. тонн угля — поставки из Турции несравнимы с этим.",
        [("export", "coal", ["KZ", "CN"], "2024-01/2024-05", 777500.0, "t", None)],
        id="a-flow-read-in-its-own-stretch-subject-ships-to-the-dative",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PIPELINE_CASES)
def test_indicators_through_pipeline(text, expected):
    from datetime import date

    from bilat.extract.api import extract

    doc = extract("t", text, published=date(2025, 3, 1))
    assert summary(doc) == expected
