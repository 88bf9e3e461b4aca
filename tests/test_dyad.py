"""The dyad: which country pair(s) an article is about."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilat.doc import Doc
from bilat.extract.dyad import _is_official, _named_in, names_bloc
from bilat.pipeline import build_pipeline

SHARED = Path(__file__).parents[1].parent / "shared"


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(["segment", "ner", "countries", "dyad"])


ARTICLES = [
    (
        "bilateral with a third country in passing",
        "Казахстан и Сербия подписали соглашение о сотрудничестве в сельском хозяйстве. "
        "Документ подписали министры двух стран в Астане. "
        "Сербская сторона предложила расширить поставки фруктов в Казахстан. "
        "Ранее похожее соглашение Сербия заключила с Германией. "
        "Следующее заседание казахстанско-сербской комиссии пройдёт в Белграде.",
        ["KZ", "RS"],
    ),
    (
        "domestic story",
        "Правительство Казахстана утвердило бюджет на следующий год. "
        "Расходы на образование в Казахстане вырастут. "
        "Министр финансов Казахстана назвал бюджет социальным.",
        [],
    ),
    (
        "one compound adjective is enough",
        "Российско-китайские переговоры прошли в среду. Стороны обсудили торговлю.",
        ["CN", "RU"],
    ),
    (
        "bilateral, named by adjectives and capitals",
        "Японский премьер прибыл в Вашингтон. "
        "Американский президент встретил японского гостя в Белом доме. "
        "США и Япония договорились о снижении пошлин. "
        "Эксперты напомнили, что Канада подобную сделку ещё обсуждает.",
        ["JP", "US"],
    ),
    (
        "trilateral meeting",
        "Лидеры России, Ирана и Турции встретились в Сочи. "
        "Россия, Иран и Турция обсудили ситуацию в регионе. "
        "Турецкий президент и иранский лидер поблагодарили Россию. "
        "Следующая встреча России, Турции и Ирана пройдёт в Тегеране.",
        ["IR", "RU", "TR"],
    ),
    ("no country at all", "Погода в выходные будет солнечной. Ветер слабый.", []),
]


TITLED = [
    (
        "the title settles a pair the body names only once each",
        "Таджикистан ратифицировал соглашение с Узбекистаном",
        "Парламент в понедельник одобрил документ о безвизовых поездках. "
        "Соглашение подписали в ходе визита президента Узбекистана в Душанбе.",
        ["TJ", "UZ"],
    ),
    (
        "capitals as subjects speak for their states",
        "Москва и Анкара договорились о поставках",
        "Москва и Анкара подписали контракт. Анкара получит первую партию через год. "
        "Москва обещала соблюдать сроки.",
        ["RU", "TR"],
    ),
    (
        "a hub with several partners announced in the title",
        "Товарооборот Индии со странами Африки",
        "Индия наращивает торговлю с Кенией. Экспорт Индии в Кению вырос. "
        "Индия также расширяет поставки в Египет. Товарооборот Индии и Египта вырос на 5%. "
        "Ещё один партнёр Индии — Нигерия.",
        ["EG", "IN", "KE", "NG"],
    ),
    (
        "without a plural cue a passing third country stays out",
        "Индия и Кения расширяют торговлю",
        "Индия наращивает торговлю с Кенией. Экспорт Индии в Кению вырос. "
        "Кения закупает индийский рис. Индия поставляет в Кению лекарства. "
        "Ранее Индия продала партию риса Египту, и Индия рассчитывает на новые заказы Египта.",
        ["IN", "KE"],
    ),
    (
        "a capital as venue does not make its state a party",
        None,
        "Переговоры Армении и Азербайджана прошли в Москве. "
        "Армения и Азербайджан договорились продолжить диалог. "
        "Армянская сторона предложила обмен пленными, Азербайджан согласился. "
        "Следующий раунд пройдёт в Москве.",
        ["AM", "AZ"],
    ),
]


@pytest.mark.parametrize("name,title,text,expected", TITLED, ids=[a[0] for a in TITLED])
def test_dyad_with_title_and_capitals(pipeline, name, title, text, expected):
    assert pipeline(Doc(id=name, text=text, title=title)).countries == expected


OFFICIALS = [
    ("президент", True),
    ("министр иностранных дел", True),
    ("посол", True),
    ("директор института", False),
    ("эксперт", False),
    (None, False),
]


@pytest.mark.parametrize("role,official", OFFICIALS)
def test_officials_support_their_country(role, official):
    assert _is_official(role) is official


@pytest.mark.parametrize(
    "title,last,found",
    [("О чём говорили Назарбаев и Трамп", "Трамп", True), ("Встреча Путина и Абэ", "Путин", True),
     ("Встреча в Берлине", "Путин", False), ("Визит Ли в Сеул", "Ли", False)],
)
def test_last_names_are_found_in_the_title_in_any_case(title, last, found):
    assert _named_in(title, last) is found


@pytest.mark.parametrize("name,text,expected", ARTICLES, ids=[a[0] for a in ARTICLES])
def test_dyad_of_made_up_articles(pipeline, name, text, expected):
    assert pipeline(Doc(id=name, text=text)).countries == expected


def _seed_cases() -> list[tuple[str, list[str]]]:
    gold = SHARED / "gold" / "seeds.jsonl"
    if not gold.exists():
        return []
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["doc"], row["countries"]) for row in rows]


@pytest.mark.parametrize("doc_id,expected", _seed_cases() or [pytest.param("", [], marks=pytest.mark.skip("../shared is absent"))])
def test_dyad_of_seed_articles(pipeline, doc_id, expected):
    path = SHARED / "seeds" / doc_id
    if not path.exists():
        pytest.skip(f"{path} is absent")
    doc = pipeline(Doc(id=doc_id, text=path.read_text(encoding="utf-8")))
    assert sorted(doc.countries) == sorted(expected)


BLOC_TEXT = (
    "Россия и Иран обсудили создание газового картеля. "
    "Иран настаивает на жёстком уставе, Россия предлагает мягкий вариант. "
    "Иранские и российские эксперты провели консультации в Тегеране. "
    "Алжир поддержал позицию России. "
    "По словам министра, Алжир и Россия выступают за постепенный подход. "
    "Алжирский министр приедет в Москву. Делегация Алжира уже работает в России. "
    "Москва и Тегеран продолжат обсуждение."
)


@pytest.mark.parametrize(
    "title,expected",
    [
        # a title naming a bloc of states makes the article multilateral: a member named beside
        # the pair in several sentences joins on less weight
        ("Газовый ОПЕК: Россия и Иран ищут компромисс", ["DZ", "IR", "RU"]),
        ("Россия и Иран ищут компромисс", ["IR", "RU"]),
        # a bloc named as the venue of something else makes no multilateral article
        ("На полях саммита ОПЕК Россия и Иран ищут компромисс", ["IR", "RU"]),
    ],
)
def test_a_bloc_in_the_title_admits_further_members(pipeline, title, expected):
    assert pipeline(Doc(id="bloc", text=BLOC_TEXT, title=title)).countries == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Блок стран БРИКС укрепляет связи", True),
        ("Газовый ОПЕК тормозит", True),
        ("Встреча прошла на полях саммита АТЭС", False),
        ("Россия и Иран ищут компромисс", False),
    ],
)
def test_names_bloc(text, expected):
    assert names_bloc(text) is expected


@pytest.fixture(scope="module")
def pipeline_with_persons():
    return build_pipeline(["segment", "ner", "countries", "persons", "dyad"])


ANALYSIS = (
    "Соединённые Штаты расширяют военное присутствие на Филиппинах. Американские военные "
    "помогают армии Филиппин в борьбе с боевиками. Вашингтон и Манила давно связаны договором. "
    "Филиппины закупают у США самолёты, а американские инструкторы готовят филиппинских "
    "военных. Американские компании строят на Филиппинах базы. {contact} Россия предложила "
    "Маниле поставки вооружений."
)


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        # an official of a further country visits and meets one of the pair: a party
        ("Президент Филиппин Родриго Дутерте посетил Москву, где встретился с президентом "
         "России Владимиром Путиным.", ["PH", "RU", "US"]),
        # the same country with no contact between officials stays out
        ("Эксперты обсуждают, как на это смотрят в России.", ["PH", "US"]),
        # a meeting that did not take place is no contact
        ("Президент Филиппин Родриго Дутерте так и не встретился с президентом России "
         "Владимиром Путиным.", ["PH", "US"]),
    ],
)
def test_a_contact_between_officials_adds_its_country(pipeline_with_persons, contact, expected):
    doc = pipeline_with_persons(Doc(id="t", text=ANALYSIS.format(contact=contact)))
    assert doc.countries == expected
