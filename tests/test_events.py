"""Stage ``events``: what happened, one event per occurrence, with date, place and codes.

Every sentence here is written for the test; Docs are built by hand (segment stage for the
sentences, other fields given directly) so these tests do not depend on other stages."""

from __future__ import annotations

from datetime import date

import pytest

from bilat.doc import Doc
from bilat.extract.clauses import outside_quotes
from bilat.extract.event_context import destinations
from bilat.extract.events import find_events
from doc_builders import make_doc


def types(doc: Doc) -> list[str]:
    return sorted(e.type for e in find_events(doc))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Президент Узбекистана прибыл в Астану с государственным визитом.", ["visit"]),
        ("Министр посетил Ташкент и осмотрел новый технопарк.", ["visit"]),
        ("Главы правительств провели переговоры в узком формате.", ["meeting"]),
        ("Министры встретились на полях форума ШОС.", ["meeting"]),
        ("Лидеры двух стран провели телефонный разговор.", ["meeting"]),
        (
            "В Ташкенте состоялось пятое заседание межправительственной комиссии.",
            ["commission_session"],
        ),
        ("Прошло заседание Делового совета двух стран.", ["business_forum"]),
        ("В Самарканде прошел казахстанско-узбекский бизнес-форум.", ["business_forum"]),
        ("Стороны подписали меморандум о сотрудничестве в энергетике.", ["agreement"]),
        ("По итогам встречи подписан протокол о намерениях.", ["agreement", "meeting"]),
        ("Президент наградил посла орденом Дружбы.", ["award"]),
        ("Министру вручили медаль за вклад в развитие отношений.", ["award"]),
        ("Авиакомпания открыла прямой рейс между Шымкентом и Ташкентом.", ["launch"]),
        ("В прошлом месяце был запущен завод по выпуску удобрений.", ["launch"]),
    ],
)
def test_each_event_type_is_found(text, expected):
    assert types(make_doc(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "В следующем году планируется визит президента в Ташкент.",  # planned
        "Министр предложил провести переговоры в Астане.",  # proposed
        "Стороны договорились провести заседание комиссии осенью.",  # agreed, still to come
        "Заседание комиссии не состоялось из-за непогоды.",  # negated
        "Соглашение будет подписано в ходе визита президента.",  # future passive
        "Президент посетит Ташкент в мае.",  # future tense
        "Министры могут подписать меморандум уже весной.",  # infinitive after a modal
        "Предстоящее заседание комиссии пройдет в Самарканде.",  # prospective, future
        "Стороны обсудили подготовку визита главы государства.",  # preparation only
        "Ведутся переговоры о поставках газа.",  # an ongoing process, not a meeting
        "Откроется ли новый рейс до конца года?",  # question
        "Министр открыл заседание и поприветствовал гостей.",  # opening a sitting is no launch
    ],
)
def test_planned_negated_or_hypothetical_is_not_an_event(text):
    assert find_events(make_doc(text)) == []


@pytest.mark.parametrize(
    ("text", "times", "published", "expected"),
    [
        # date from a time expression in the clause
        (
            "Меморандум был подписан в марте 2024 года.",
            (("в марте 2024 года", "2024-03"),),
            None,
            "2024-03",
        ),
        # relative date that cannot be resolved stays null: no publication fallback
        ("Два года назад президент посетил Ташкент.", (("Два года назад", None),), None, None),
        # undated news report: the publication date
        ("Главы МИД провели переговоры.", (), date(2025, 3, 14), "2025-03-14"),
        # undated, no publication date: null, never invented
        ("Главы МИД провели переговоры.", (), None, None),
        # a recollection is not dated by the publication
        ("Президент вспомнил свой визит в Ташкент.", (), date(2025, 3, 14), None),
        # "через несколько дней после" another event gives no date: dated like an undated report
        (
            "Через несколько дней после выборов министры провели переговоры.",
            (("Через несколько дней", None),),
            date(2025, 3, 14),
            "2025-03-14",
        ),
        # ... but with no publication date it stays null
        (
            "Через несколько дней после выборов министры провели переговоры.",
            (("Через несколько дней", None),),
            None,
            None,
        ),
        # participle modifying the document noun, dated in its own clause
        (
            "Стороны отметили роль соглашения о торговле услугами, подписанного в мае 2019 года.",
            (("в мае 2019 года", "2019-05"),),
            date(2025, 3, 14),
            "2019-05",
        ),
    ],
)
def test_event_date(text, times, published, expected):
    events = find_events(make_doc(text, times=times, published=published))
    assert len(events) == 1
    assert events[0].date == expected


def test_repeated_mentions_of_one_occurrence_merge():
    text = (
        "Вчера в Ташкенте прошли переговоры министров. "
        "В ходе переговоров обсуждены вопросы транзита. "
        "По итогам переговоров министры дали пресс-конференцию."
    )
    events = find_events(make_doc(text, times=(("Вчера", "2025-03-13"),)))
    assert [(e.type, e.date, e.place) for e in events] == [("meeting", "2025-03-13", "Ташкент")]


def test_different_dates_and_persons_stay_apart():
    text = (
        "Азамат Ахметов провел переговоры с Рустамом Каримовым. "
        "Затем Ерлан Сапаров провел переговоры с Олимом Юсуповым. "
        "Визит министра в Самарканд состоялся в 2019 году. "
        "Нынешний визит министра проходит в Ташкенте."
    )
    doc = make_doc(
        text,
        times=(("в 2019 году", "2019"),),
        persons=(
            ("Азамат Ахметов", "Азамат Ахметов"),
            ("Рустам Каримов", "Рустамом Каримовым"),
            ("Ерлан Сапаров", "Ерлан Сапаров"),
            ("Олим Юсупов", "Олимом Юсуповым"),
        ),
    )
    events = find_events(doc)
    assert [(e.type, e.date, e.place) for e in events] == [
        ("meeting", "2025-03-14", None),
        ("meeting", "2025-03-14", None),
        ("visit", "2019", "Самарканд"),
        ("visit", "2025-03-14", "Ташкент"),
    ]
    assert events[0].persons == ["Азамат Ахметов", "Рустам Каримов"]


def test_weak_arrival_only_adds_to_a_visit():
    text = "Нынешний визит президента проходит в теплой обстановке. Президент прилетел в Ташкент 12 марта."
    events = find_events(make_doc(text, times=(("12 марта", "2025-03-12"),)))
    assert [(e.type, e.date, e.place) for e in events] == [("visit", "2025-03-12", "Ташкент")]
    only_arrival = find_events(make_doc("Делегация прибыла в Ташкент для участия в саммите."))
    assert only_arrival == []


@pytest.mark.parametrize(
    ("text", "cameo", "plover"),
    [
        ("Президенты провели переговоры.", "046", "CONSULT"),
        ("Президент посетил Ташкент.", "042", "CONSULT"),
        ("Стороны подписали соглашение.", "057", "SUPPORT"),
        ("Посла наградили орденом.", "051", "SUPPORT"),
        ("Открыт новый авиарейс.", "061", "COOPERATE"),
    ],
)
def test_codes(text, cameo, plover):
    (event,) = find_events(make_doc(text))
    assert (event.cameo, event.plover) == (cameo, plover)


def test_countries_from_the_dyad_and_evidence_is_the_sentence():
    text = "Рабочая поездка прошла спокойно. Министры Казахстана и Узбекистана провели переговоры в Астане."
    doc = make_doc(
        text,
        mentions=(
            ("Казахстана", "KZ", "name"),
            ("Узбекистана", "UZ", "name"),
            ("Астане", "KZ", "capital"),
        ),
    )
    (event,) = find_events(doc)
    assert event.countries == ["KZ", "UZ"]
    assert event.place == "Астана"
    assert event.evidence.text == text[text.index("Министры") :]
    assert doc.text[event.evidence.start : event.evidence.end] == event.evidence.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В столице Сербии открыт торговый дом Казахстана.", ["launch"]),
        ("В Ташкенте открылось генеральное консульство Казахстана.", ["launch"]),
        ("Вчера запущен новый железнодорожный коридор до Каспия.", ["launch"]),
        ("Через реку открыт новый автомобильный мост.", ["launch"]),
        ("Министры посетили бизнес-форум в Самарканде.", ["business_forum"]),  # not a visit
        ("Он работает в департаменте по торговым переговорам.", []),  # a body's remit
        ("Страны находятся в продвинутой стадии переговоров о поставках.", []),  # a process
        ("Министры проведут переговоры в Ташкенте.", []),  # future verb in front
        ("В программе предусмотрена встреча с бизнесом.", []),  # planned
        ("Соглашение будет в ближайшее время подписано.", []),  # future passive, words between
        (
            "Министр рассказал о визите, который запланирован на осень.",
            [],
        ),  # a relative clause plans it
        # a host receiving a guest: the object of "принял" is an official
        ("Президент принял в резиденции министра иностранных дел Венгрии.", ["meeting"]),
        ("Глава правительства принимает делегацию парламента Узбекистана.", ["meeting"]),
        ("Министр принял участие в работе форума.", []),
        ("Парламент принял закон о ратификации договора.", []),
        ("Решение, которое принял посол, огорчило министра.", []),
        # a bilateral council named by its adjective, not only "комиссия"
        ("В Бишкеке прошло заседание Межправительственного совета двух стран.", ["commission_session"]),
        # "в рамках визита", "в ходе визита": the visit is real; one visit however it is named
        ("В рамках государственного визита в Ташкенте прошел бизнес-форум.", ["business_forum", "visit"]),
        ("В ходе визита был открыт прямой рейс между Астаной и Ташкентом.", ["launch", "visit"]),
        (
            "Президент прибыл в Ташкент с государственным визитом. "
            "В ходе визита в Самарканде открыт новый терминал.",
            ["launch", "visit"],
        ),
        # "по итогам встречи" reports the meeting; a verbless clause is judged by its sentence
        ("По итогам встречи министры сделали заявление для прессы.", ["meeting"]),
        ("Визит, однако, был отменен из-за погоды.", []),
        ("Заместители министров провели политические консультации.", ["meeting"]),
        ("В Астане состоялись межмидовские консультации.", ["meeting"]),
        ("Лидеры провели беседу в узком формате.", ["meeting"]),
        ("Министры провели онлайн-встречу.", ["meeting"]),
        ("Юрист дал консультацию по вопросам визы.", []),
        ("В Ташкенте прошел деловой совет двух стран.", ["business_forum"]),
        ("Министры подчеркнули важность работы делового совета.", []),
        ("В области введен в эксплуатацию совместный завод по выпуску удобрений.", ["launch"]),
        ("Состоялся первый рейс контейнерного поезда по новому маршруту.", ["launch"]),
        ("Премьер анонсировал встречи с министрами соседних стран.", []),
        ("Переговоры о демаркации границы между двумя странами продолжаются.", []),
        ("Между министерствами идут переговоры о новом маршруте.", []),
        ("Накануне визита президента министры обсудили транзит.", []),
    ],
)
def test_generalises_to_unseen_phrasings(text, expected):
    assert types(make_doc(text)) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # a third country is the partner: an event of its own pair, not of the article's
        (
            "Министр Казахстана провел переговоры с Норвегией.",
            (("Казахстана", "KZ", "name"), ("Норвегией", "NO", "name")),
            [("meeting", ["KZ", "NO"])],
        ),
        (
            "Министр обороны Казахстана находился с официальным визитом в Индии.",
            (("Казахстана", "KZ", "name"), ("Индии", "IN", "name")),
            [("visit", ["IN", "KZ"])],
        ),
        # a third country and no second party, or three: no pair to tell
        ("Переговоры с Норвегией прошли успешно.", (("Норвегией", "NO", "name"),), []),
        (
            "Министры Турции, Ирана и Норвегии провели переговоры.",
            (("Турции", "TR", "name"), ("Ирана", "IR", "name"), ("Норвегии", "NO", "name")),
            [],
        ),
        # "между" names the parties, whatever the article's pair
        (
            "Открыто паромное сообщение между Владивостоком и Раджином.",
            (("Владивостоком", "RU", "city"), ("Раджином", "KP", "city")),
            [("launch", ["KP", "RU"])],
        ),
        # a third country as the venue only: still the dyad's event
        (
            "Министры провели переговоры в Турции.",
            (("Турции", "TR", "name"),),
            [("meeting", ["KZ", "UZ"])],
        ),
        # both dyad countries named alongside a third
        (
            "Казахстан и Узбекистан провели переговоры с Турцией.",
            (("Казахстан", "KZ", "name"), ("Узбекистан", "UZ", "name"), ("Турцией", "TR", "name")),
            [("meeting", ["KZ", "UZ"])],
        ),
    ],
)
def test_third_country_partners(text, mentions, expected):
    found = find_events(make_doc(text, mentions=mentions))
    assert [(e.type, e.countries) for e in found] == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # an agreement verb whose object is an act of one state
        (
            "Президент Казахстана подписал указ о ратификации соглашения с Узбекистаном.",
            (("Казахстана", "KZ", "name"), ("Узбекистаном", "UZ", "name")),
            [],
        ),
        (
            "Президент Казахстана подписал распоряжение о признании документов граждан Узбекистана.",
            (("Казахстана", "KZ", "name"), ("Узбекистана", "UZ", "name")),
            [],
        ),
        (
            "Президенты Казахстана и Узбекистана подписали соглашение о признании документов.",
            (("Казахстана", "KZ", "name"), ("Узбекистана", "UZ", "name")),
            ["agreement"],
        ),
        # the predicate after a dash plans the occurrence
        (
            "Основная встреча – с министром Узбекистана – запланирована на среду.",
            (("Узбекистана", "UZ", "name"),),
            [],
        ),
        ("Переговоры министров – с участием экспертов – прошли в среду.", (), ["meeting"]),
    ],
)
def test_domestic_acts_and_plans_after_a_dash(text, mentions, expected):
    assert types(make_doc(text, mentions=mentions)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Главное за день\nПрезиденты провели переговоры в Ташкенте.",
            "Президенты провели переговоры в Ташкенте.",
        ),
        (
            "Министры подписали соглашение о транзите\n\nФото: пресс-служба",
            "Министры подписали соглашение о транзите",
        ),
    ],
)
def test_evidence_does_not_cross_a_line_break(text, expected):
    found = find_events(make_doc(text))
    assert [e.evidence.text for e in found] == [expected]


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # one country only and no foreign partner: domestic, not a relations event
        (
            "Министр Казахстана провёл переговоры с акимом области.",
            (("Казахстана", "KZ", "name"),),
            [],
        ),
        (
            "Министр Казахстана провёл переговоры с узбекским коллегой.",
            (("Казахстана", "KZ", "name"), ("узбекским", "UZ", "adjective")),
            ["meeting"],
        ),
        (
            "Министр Казахстана провёл переговоры с министром Узбекистана.",
            (("Казахстана", "KZ", "name"), ("Узбекистана", "UZ", "name")),
            ["meeting"],
        ),
        (
            "Министр Казахстана провёл переговоры на высшем уровне.",
            (("Казахстана", "KZ", "name"),),
            ["meeting"],
        ),
        # a venue is not a party
        (
            "Министры провели переговоры в Турции.",
            (("Турции", "TR", "name"),),
            ["meeting"],
        ),
        # a meeting with journalists or locals is not talks between officials
        (
            "Президент Казахстана встретился с главными редакторами казахстанских СМИ.",
            (("Казахстана", "KZ", "name"), ("казахстанских", "KZ", "adjective")),
            [],
        ),
        (
            "Министр Узбекистана встретился с местными жителями Казахстана.",
            (("Узбекистана", "UZ", "name"), ("Казахстана", "KZ", "name")),
            [],
        ),
        # a private trip, a tour of a plant
        (
            "Президент Казахстана прибыл с официальным визитом в Узбекистан.",
            (("Казахстана", "KZ", "name"), ("Узбекистан", "UZ", "name")),
            ["visit"],
        ),
        ("Корреспондент агентства посетил Ташкент после праздников.", (), []),
        ("Президент, посещая одно из местных предприятий, похвалил рабочих.", (), []),
        # no country named: a place, a person or an actor of state stands for the pair
        (
            "Переговоры о поставках газа прошли в Ташкенте.",
            (("Ташкенте", "UZ", "capital"),),
            ["meeting"],
        ),
        ("Главы правительств провели переговоры в узком формате.", (), ["meeting"]),
        ("Он переговорил с активистами и встретился с доверенными лицами.", (), []),
        ("Имена людей, которые участвовали в переговорах, не называются.", (), []),
    ],
)
def test_domestic_private_and_third_country_mentions(text, mentions, expected):
    assert types(make_doc(text, mentions=mentions)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negotiations as a process, not a held round
        ("Стороны находятся в продвинутой фазе переговоров.", []),
        ("Источники, знакомые с ходом переговоров, сообщили о разногласиях.", []),
        ("Переговоры о поставках газа подходят к концу.", []),
        ("Такие переговоры надо начать как можно скорее.", []),
        ("Ташкент стал традиционным местом встречи экспертов.", []),
        # "в ходе переговоров" refers to talks reported elsewhere
        ("В ходе переговоров стороны обсудили транзит.", []),
        (
            "Министры провели переговоры в Ташкенте. В ходе переговоров стороны обсудили транзит.",
            ["meeting"],
        ),
        ("Во время официального визита министр обсудил транзит.", ["visit"]),
        # a verb of saying after a quotation is not a signing
        ("«Мы будем участвовать в новых соглашениях», — заключил министр.", []),
        ("Министры заключили соглашение о транзите.", ["agreement"]),
    ],
)
def test_references_processes_and_reporting_verbs(text, expected):
    assert types(make_doc(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Сборная Казахстана обыграла соперника: вратарь отразил тридцать бросков, "
            "а нападающий оформил хет-трик в этой встрече.",
            [],
        ),
        (
            "Футбольный матч завершился вничью. Тренер похвалил игроков. "
            "Стороны подписали соглашение о трансфере.",
            [],
        ),
        ("Министры встретились и подписали соглашение о транзите.", ["agreement", "meeting"]),
        # a president who also speaks of football: only the football sentences are left out
        (
            "Президент Чили Хосе Перес посетил Москву с официальным визитом. Он встретился с "
            "президентом России Владимиром Путиным. Министры подписали меморандум о "
            "сотрудничестве. Министры обсудили энергетику, транспорт и туризм. Стороны "
            "договорились о новых рейсах. Президент вспомнил свой первый футбольный матч: "
            "тренер сборной и лучший игрок провели с ним встречу на стадионе.",
            ["agreement", "meeting", "visit"],
        ),
    ],
)
def test_sports_reports_hold_no_relations_events(text, expected):
    assert types(make_doc(text)) == expected


def test_date_of_a_planned_clause_is_not_borrowed():
    text = "Стороны подписали протокол, а договор планируется подписать до конца 2025 года."
    doc = make_doc(text, times=(("до конца 2025 года", "2025-12"),))
    events = find_events(doc)
    assert [(e.type, e.date) for e in events] == [("agreement", "2025-03-14")]




@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # the one country named is the partner's: the unnamed host is the pair's other side
        (
            "Глава государства провел встречу с Председателем Узбекистана.",
            (("Узбекистана", "UZ", "name"),),
            ["meeting"],
        ),
        # ... not when the named country is the host's own
        (
            "Министр Казахстана провёл переговоры с акимом области.",
            (("Казахстана", "KZ", "name"),),
            [],
        ),
        (
            "Министр Узбекистана провел встречу с представителями СМИ.",
            (("Узбекистана", "UZ", "name"),),
            [],
        ),
    ],
)
def test_partner_named_after_s(text, mentions, expected):
    assert types(make_doc(text, mentions=mentions)) == expected


@pytest.mark.parametrize(
    ("text", "times", "expected"),
    [
        # the years a signed document runs for are not the signing date
        (
            "Стороны подписали дорожную карту на 2026-2028 годы.",
            (("2026-2028 годы", "2026/2028"),),
            "2025-03-14",
        ),
        ("Министры подписали программу до 2030 года.", (("2030 года", "2030"),), "2025-03-14"),
        ("В 2024 году стороны подписали соглашение.", (("В 2024 году", "2024"),), "2024"),
    ],
)
def test_term_of_a_document_is_not_the_event_date(text, times, expected):
    (event,) = find_events(make_doc(text, times=times))
    assert event.date == expected


@pytest.mark.parametrize(
    "text",
    [
        # generic or habitual plural mentions: a kind of occurrence, none held
        "Для узбекской стороны встречи в верхах представляют особый интерес.",
        "С тех пор лидеры двух стран практикуют ежегодные встречи.",
        "Президенты двух стран регулярно встречаются в Ташкенте.",
        "Частые встречи лидеров служат доказательством дружбы.",
        "В прошлом такие встречи министров служили импульсом для торговли.",
        "Визиты министров в Ташкент стали регулярными.",
        "Ташкент является постоянной площадкой для встреч министров.",
        # planned, modal, hoped-for or called-off occurrences
        "Предполагаются встречи с президентом и главами министерств.",
        "Операция, которая получила название «Ветер», закончилась, но апрельские переговоры"
        " президентов в Ташкенте должны сыграть решающую роль.",
        "Встреча президентов теперь может не состояться.",
        "Основная встреча с министром запланирована на среду.",
        "Министр потратил много сил на то, чтобы беседа президентов состоялась.",
        "Министр выразил сожаление в связи с отменой визита в Ташкент.",
        "Сенаторы долго отказывали послу в проведении встреч.",
        "Председатель сообщил тему ближайшего заседания межправительственной комиссии.",
        "Новых соглашений за сутки подписано не было.",  # negation after the participle
        # attending something, not visiting a country
        "Посол посещал выступление президента в парламенте.",
    ],
)
def test_generic_modal_and_habitual_mentions_are_not_events(text):
    assert find_events(make_doc(text)) == []


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # negotiations as a process or a topic, not a held round
        ("Переговоры с Ташкентом касаются поставок газа.", (("Ташкентом", "UZ", "capital"),)),
        ("Переговоры с Ташкентом приводят только к уступкам.", (("Ташкентом", "UZ", "capital"),)),
        (
            "Переговоры с Ташкентом находятся в начальной стадии.",
            (("Ташкентом", "UZ", "capital"),),
        ),
        (
            "Казахстан занимает принципиальную позицию в переговорах с Узбекистаном.",
            (("Казахстан", "KZ", "name"), ("Узбекистаном", "UZ", "name")),
        ),
        # demanded talks, a role named after the talks
        ("Минфин выдвинул требование переговоров с Ташкентом.", (("Ташкентом", "UZ", "capital"),)),
        (
            "Представитель Казахстана на переговорах с Узбекистаном Иван Петров заявил об этом.",
            (("Казахстана", "KZ", "name"), ("Узбекистаном", "UZ", "name")),
        ),
        # "после" is no "посол": one country named, no second party
        (
            "Президент Казахстана после встречи заявил о новых планах.",
            (("Казахстана", "KZ", "name"),),
        ),
    ],
)
def test_processes_roles_and_one_party_mentions_are_not_events(text, mentions):
    assert find_events(make_doc(text, mentions=mentions)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # concrete held or ongoing occurrences still count
        ("Сегодня в Ташкенте проходят переговоры президентов.", ["meeting"]),
        ("Президент находится с официальным визитом в Ташкенте.", ["visit"]),
        ("Министры провели встречи с коллегами в Ташкенте.", ["meeting"]),
        ("Встречи министров прошли в Ташкенте.", ["meeting"]),
        ("Наиболее важным итогом встречи министры называют договоренность сторон.", ["meeting"]),
        ("Министры провели переговоры на должном уровне.", ["meeting"]),
        ("Визит президента знаменует успех стратегии.", ["visit"]),
        (
            "В Ташкенте на закрытых встречах министров обсуждалось предложение не отказываться"
            " от договора.",
            ["meeting"],
        ),
    ],
)
def test_concrete_occurrences_survive_the_generic_rules(text, expected):
    assert types(make_doc(text)) == expected


def test_a_person_of_no_country_in_the_pair_is_no_unnamed_host():
    text = "Иван Петров встретился с Председателем Узбекистана."
    mentions = (("Узбекистана", "UZ", "name"),)
    doc = make_doc(text, mentions=mentions, persons=(("Иван Петров", "Иван Петров"),))
    assert find_events(doc) == []
    assert types(make_doc(text, mentions=mentions)) == ["meeting"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a month adjective dates a noun trigger: the publication year, or the year before
        ("После декабрьской встречи министры подписали протокол.", date(2025, 3, 14), "2024-12"),
        (
            "В ходе мартовского визита в Ташкент министр подписал протокол.",
            date(2025, 3, 14),
            "2025-03",
        ),
        ("Министр рассказал о февральской встрече с коллегой.", date(2025, 3, 14), "2025-02"),
        ("После декабрьской встречи министры подписали протокол.", None, None),
    ],
)
def test_month_adjective_dates_the_occurrence(text, published, expected):
    events = find_events(make_doc(text, published=published))
    dated = [e.date for e in events if e.type in {"meeting", "visit"}]
    assert dated == [expected]


def _titled(doc: Doc, title: str) -> Doc:
    doc.title = title
    return doc


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # a session of a bloc reported as held, in an article about the bloc: every member
        (
            "Итоги саммита БРИКС",
            "Вчера в Екатеринбурге прошёл саммит БРИКС.",
            [("meeting", ["BR", "CN", "IN", "RU"])],
        ),
        (
            "Газовый ОПЕК не складывается",
            "Вчера в Тегеране открылось заседание Форума стран — экспортёров газа.",
            [("meeting", ["BR", "CN", "IN", "RU"])],
        ),
        # announced in the present tense: not yet held
        ("Итоги саммита БРИКС", "Саммит БРИКС стартует в пятницу.", []),
        # in an article whose title and lead are not about the bloc, its summit is no event
        (
            "Россия и Китай",
            "Цены на газ растут. Экспорт падает. Вчера в Екатеринбурге прошёл саммит БРИКС.",
            [],
        ),
    ],
)
def test_sessions_of_a_bloc_involve_every_member(title, text, expected):
    doc = _titled(make_doc(text, countries=("BR", "CN", "IN", "RU")), title)
    assert [(e.type, e.countries) for e in find_events(doc)] == expected


def test_an_event_of_a_larger_dyad_gets_the_members_its_sentence_names():
    text = "На встрече с Парубием американский спецпредставитель призвал к реформам."
    doc = make_doc(
        text,
        mentions=(("американский", "US", "adjective"),),
        persons=(("Андрей Парубий", "Парубием"),),
        countries=("RU", "UA", "US"),
    )
    doc.persons[0].country = "UA"
    assert [(e.type, e.countries) for e in find_events(doc)] == [("meeting", ["UA", "US"])]


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Что обсуждали в первый день ПМЭФ-2017", "2017"), ("Что обсуждали на форуме", None)],
)
def test_a_forum_named_with_its_year_dates_the_occurrence(title, expected):
    text = "В первый день ПМЭФ состоялась встреча президентов двух стран."
    doc = _titled(make_doc(text, published=None), title)
    assert [e.date for e in find_events(doc)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В мае в Ташкенте заложили первый камень нового завода.", ["launch"]),
        ("Министры заложили строительство совместного терминала.", ["launch"]),
        ("Расходы на проект заложили в бюджет следующего года.", []),
    ],
)
def test_laying_a_foundation_is_a_launch(text, expected):
    assert types(make_doc(text)) == expected


def test_a_heading_glued_onto_a_sentence_is_no_third_party():
    text = "В обход России\nВ Ташкенте узбекские и казахстанские министры провели переговоры."
    mentions = (
        ("России", "RU", "name"),
        ("узбекские", "UZ", "adjective"),
        ("казахстанские", "KZ", "adjective"),
    )
    assert types(make_doc(text, mentions=mentions)) == ["meeting"]


def _with_countries(doc: Doc, codes: tuple[str, ...]) -> Doc:
    for person, code in zip(doc.persons, codes, strict=True):
        person.country = code
    return doc


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # a country after "о" is the talks' topic, not a party
            "Министры России и Франции провели переговоры о Сирии.",
            (("России", "RU", "name"), ("Франции", "FR", "name"), ("Сирии", "SY", "name")),
            [("meeting", ["FR", "RU"])],
        ),
        (  # "между" names the parties; the one who welcomes the talks is none
            "Президент США приветствовал переговоры между Пхеньяном и Сеулом.",
            (("США", "US", "name"), ("Пхеньяном", "KP", "capital"), ("Сеулом", "KR", "capital")),
            [("meeting", ["KP", "KR"])],
        ),
        (  # every member named as an actor stays
            "Министры России, Франции и Сирии провели переговоры.",
            (("России", "RU", "name"), ("Франции", "FR", "name"), ("Сирии", "SY", "name")),
            [("meeting", ["FR", "RU", "SY"])],
        ),
    ],
)
def test_a_larger_dyad_event_takes_its_parties_not_its_topic(text, mentions, expected):
    doc = make_doc(text, mentions=mentions, countries=("FR", "KP", "KR", "RU", "SY", "US"))
    assert [(e.type, e.countries) for e in find_events(doc)] == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        ("Президент Казахстана провел переговоры с делегацией.", (("Казахстана", "KZ", "name"),), []),
        (
            "Президенты Казахстана и Узбекистана провели переговоры.",
            (("Казахстана", "KZ", "name"), ("Узбекистана", "UZ", "name")),
            ["meeting"],
        ),
    ],
)
def test_an_event_of_one_country_alone_is_not_output(text, mentions, expected):
    assert types(make_doc(text, mentions=mentions, countries=())) == expected


@pytest.mark.parametrize(
    ("text", "city", "code", "partner", "expected"),
    [
        # talks in Ankara with a Turkish minister, in an article about Russia and the US
        (
            "Госсекретарь Смит провел переговоры в Анкаре с Ялчыном.",
            "Анкаре",
            "TR",
            "TR",
            [("meeting", ["TR", "US"])],
        ),
        (
            "Госсекретарь Смит провел переговоры в Москве с Ивановым.",
            "Москве",
            "RU",
            "RU",
            [("meeting", ["RU", "US"])],
        ),
    ],
)
def test_talks_with_a_person_of_a_third_country_are_their_own_pair(
    text, city, code, partner, expected
):
    surname = text.split(" с ")[-1].rstrip(".")
    doc = make_doc(
        text,
        mentions=((city, code, "capital"),),
        persons=(("Джон Смит", "Смит"), ("Партнёр", surname)),
        countries=("RU", "US"),
    )
    found = find_events(_with_countries(doc, ("US", partner)))
    assert [(e.type, e.countries) for e in found] == expected


def test_a_mention_with_vague_parties_takes_those_a_later_mention_names():
    """ "переговоры с американской стороной" (every article country, for want of better)
    merges with the New York meeting of Poroshenko and Trump and takes its two countries;
    the meeting with Trudeau stays a meeting of its own."""
    from bilat.extract.api import extract

    text = (
        "Канада и США могут поставить Украине оружие. Украина давно просит Канаду и США о "
        "поставках. Министр обороны Украины заявил, что Киев ждёт решения. По его словам, "
        "соответствующие переговоры с американской стороной уже были проведены. Президент "
        "Украины Пётр Порошенко после встречи с президентом США Дональдом Трампом, которая "
        "состоялась в Нью-Йорке, заявил о поддержке. Вопрос о поставках украинский лидер "
        "поднял на встрече с премьер-министром Канады Джастином Трюдо. Канада поддерживает "
        "Украину."
    )
    doc = extract("t", text)
    assert doc.countries == ["CA", "UA", "US"]
    assert [(e.type, e.countries, e.place) for e in doc.events] == [
        ("meeting", ["UA", "US"], "Нью-Йорк"),
        ("meeting", ["CA", "UA"], None),
    ]


@pytest.mark.parametrize(
    ("text", "time", "mentions", "expected"),
    [
        (  # a treaty of the pair recalled by its day: a dated agreement
            "Стороны ссылаются на декларацию между Японией и Россией от 3 мая 1960 года.",
            ("от 3 мая 1960 года", "1960-05-03"),
            (("Японией", "JP", "name"), ("Россией", "RU", "name")),
            [("agreement", "1960")],
        ),
        (  # in force since a year
            "С 1960 года между Японией и Россией действует договор о рыболовстве.",
            ("С 1960 года", "1960"),
            (("Японией", "JP", "name"), ("Россией", "RU", "name")),
            [("agreement", "1960")],
        ),
        (  # the year right after the noun
            "Эксперт напомнил о договоре 1960 года между Японией и Россией.",
            ("1960 года", "1960"),
            (("Японией", "JP", "name"), ("Россией", "RU", "name")),
            [("agreement", "1960")],
        ),
        (  # a document named in passing, with no date: no event
            "Японию и Россию связывает договор о рыболовстве.",
            None,
            (("Японию", "JP", "name"), ("Россию", "RU", "name")),
            [],
        ),
        (  # a dated treaty of whom the clause does not say: no event of the pair
            "Россия и Япония спорят, а решения отменены статьей договора 12 мая 1960 года.",
            ("12 мая 1960 года", "1960-05-12"),
            (("Россия", "RU", "name"), ("Япония", "JP", "name")),
            [],
        ),
    ],
)
def test_a_treaty_of_the_pair_recalled_with_its_date_is_a_dated_agreement(
    text, time, mentions, expected
):
    doc = make_doc(text, times=(time,) if time else (), mentions=mentions, countries=("JP", "RU"))
    got = [(e.type, (e.date or "")[:4]) for e in find_events(doc) if e.type == "agreement"]
    assert got == expected


def test_a_passive_signing_finds_its_document_at_the_head_of_a_long_clause():
    text = (
        "Соглашение между Японией и Россией о совместной переработке отходов атомных "
        "станций сроком на десять лет подписано в 1998 году."
    )
    doc = make_doc(
        text,
        times=(("в 1998 году", "1998"),),
        mentions=(("Японией", "JP", "name"), ("Россией", "RU", "name")),
        countries=("JP", "RU"),
    )
    assert [(e.type, e.date) for e in find_events(doc)] == [("agreement", "1998")]


def test_a_contract_and_a_memorandum_are_two_agreements():
    text = (
        "Компании двух стран подписали контракт на поставку турбин. "
        "Министры России и Японии подписали меморандум о сотрудничестве."
    )
    doc = make_doc(
        text,
        mentions=(("России", "RU", "name"), ("Японии", "JP", "name")),
        countries=("JP", "RU"),
    )
    assert types(doc) == ["agreement", "agreement"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Посол признался, что беседа с министром произвела на него впечатление.", ["meeting"]),
        ("В беседе с журналистами министр рассказал о ценах.", []),  # an interview
        ("Министр солгал, что встречался с послом.", []),  # denied, not held
        ("Министр встречался с послом.", ["meeting"]),
    ],
)
def test_talks_and_their_denial(text, expected):
    assert types(make_doc(text)) == expected


def test_a_list_of_meetings_with_several_partners_is_not_one_meeting():
    text = "Она была на встречах с президентом Японии, премьером Турции и королём Испании."
    mentions = (("Японии", "JP", "name"), ("Турции", "TR", "name"), ("Испании", "ES", "name"))
    doc = make_doc(text, mentions=mentions, countries=())
    assert types(doc) == []
    one = make_doc(
        "Она была на встрече с президентом Японии, премьером Турции и королём Испании.",
        mentions=mentions,
        countries=(),
    )
    assert types(one) == ["meeting"]


def test_a_meeting_among_officials_of_one_country_is_domestic():
    text = "Президент Смит встретился с вице-президентом Джонсом в Москве."
    doc = make_doc(
        text,
        mentions=(("Москве", "RU", "capital"),),
        persons=(("Джон Смит", "Смит"), ("Пол Джонс", "Джонсом")),
        countries=("RU", "US"),
    )
    assert types(_with_countries(doc, ("US", "US"))) == []
    doc = make_doc(
        text,
        mentions=(("Москве", "RU", "capital"),),
        persons=(("Джон Смит", "Смит"), ("Пол Джонс", "Джонсом")),
        countries=("RU", "US"),
    )
    assert types(_with_countries(doc, ("US", "RU"))) == ["meeting"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a signing told as what came before: past whatever the clause's verb says, dated by
        # its own clause, and a city adjective in a document's name is no third party
        ("Россия и Украина давно спорят. По его словам, Украина не обладает оружием после "
         "подписания в 1994 году Будапештского меморандума с Россией.",
         [("agreement", "1994", ["RU", "UA"])]),
        # "после подписания" of a future clause is planned
        ("Россия и Украина давно спорят. После подписания меморандума Россия и Украина "
         "начнут поставки.", []),
    ],
)
def test_a_signing_told_as_what_came_before(text, expected):
    from bilat.extract.api import extract

    doc = extract("t", text)
    assert [(e.type, e.date, e.countries) for e in doc.events] == expected


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Приезд министра иностранных дел Франции в Москву стал третьим за год. Франция и Россия "
         "обсудили Сирию.", ["visit"]),
        # the arrival of weapons is no visit ("прибытие" is no trigger)
        ("Прибытие комплексов на базу в Южной Корее вызвало протесты. США и Южная Корея "
         "обсудили это.", []),
    ],
)
def test_arrival_nouns(text, types):
    from bilat.extract.api import extract

    assert [e.type for e in extract("t", text).events] == types


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a verb of saying does not make a verbless mention happen; the saying's frame does
        ("Россия и США спорят. Он отметил, что для президента США встреча с президентом России "
         "— сильный ход.", []),
        ("Россия и США спорят. Об этом сообщил министр иностранных дел России в ходе визита "
         "в США.", ["visit"]),
        # inside a quotation the quotation's verbs tell; "что касается" names a topic
        ("Россия и США спорят. «Что касается встречи с президентом России, её не будет», — "
         "подчеркнула представитель Белого дома.", []),
        # reports about visits in general name no visit in particular
        ("Россия и Сирия спорят. Сообщения о неофициальных визитах министра Сирии в Россию "
         "были и раньше.", []),
        ("Россия и Сирия спорят. Министр рассказал о визите в Сирию.", ["visit"]),
        # a visit to a city at home is a trip, not a visit between countries
        ("Великобритания и Россия спорят. «Это ошибка», — заявила премьер-министр "
         "Великобритании Тереза Мэй в ходе визита в Бирмингем.", []),
    ],
)
def test_said_quoted_and_home_mentions(text, types):
    from bilat.extract.api import extract

    assert [e.type for e in extract("t", text).events] == types


@pytest.mark.parametrize(
    ("text", "mentions", "countries", "expected"),
    [
        # "побывать" reports a visit; a joint press conference is a meeting, a lone one not
        (
            "Министр Казахстана побывал в Узбекистане.",
            (("Казахстана", "KZ", "name"), ("Узбекистане", "UZ", "name")),
            ("KZ", "UZ"),
            [("visit", ["KZ", "UZ"])],
        ),
        (
            "Президент заявил это на совместной пресс-конференции с президентом Узбекистана.",
            (("Узбекистана", "UZ", "name"),),
            ("KZ", "UZ"),
            [("meeting", ["KZ", "UZ"])],
        ),
        (
            "Президент заявил это на пресс-конференции в Ташкенте.",
            (("Ташкенте", "UZ", "capital"),),
            ("KZ", "UZ"),
            [],
        ),
        # reported speech around the trigger names no party of it
        (
            "«Для Турции это важно», — сказал министр Казахстана на встрече с министром Узбекистана.",
            (("Турции", "TR", "name"), ("Казахстана", "KZ", "name"), ("Узбекистана", "UZ", "name")),
            ("KZ", "TR", "UZ"),
            [("meeting", ["KZ", "UZ"])],
        ),
    ],
)
def test_visit_verbs_press_conferences_and_reported_speech(text, mentions, countries, expected):
    found = find_events(make_doc(text, mentions=mentions, countries=countries))
    assert [(e.type, e.countries) for e in found] == expected


@pytest.mark.parametrize(
    ("text", "keep", "expected"),
    [
        (
            "«Для Турции это важно», — сказал министр на встрече.",
            "встрече",
            [", — сказал министр на встрече."],
        ),
        # the quotation holding the trigger stays, and so does a phrase quoted inline
        (
            "«Встреча прошла хорошо», — сказал министр.",
            "Встреча",
            ["«Встреча прошла хорошо», — сказал министр."],
        ),
        (
            "Делегация прибыла «для поддержки грузинских друзей».",
            "прибыла",
            ["Делегация прибыла «для поддержки грузинских друзей»."],
        ),
    ],
)
def test_reported_speech_is_cut_out(text, keep, expected):
    parts = outside_quotes(text, 0, len(text), text.index(keep))
    assert [text[a:b] for a, b in parts] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gerund governing the trigger takes the tense of the verb it hangs on
        (
            "Президент Казахстана, комментируя встречу с президентом Узбекистана, сообщил о поставках.",
            ["meeting"],
        ),
        (
            "Президент Казахстана, комментируя встречу с президентом Узбекистана, сообщит о поставках.",
            [],
        ),
        (
            "Президент Казахстана, готовясь к встрече с президентом Узбекистана, сообщил о поставках.",
            [],
        ),
        # a record of talks is no report of them
        ("Стороны обменялись записью переговоров министров Казахстана и Узбекистана.", []),
    ],
)
def test_gerunds_and_records(text, expected):
    mentions = tuple(
        (surface, code, "name")
        for surface, code in (("Казахстана", "KZ"), ("Узбекистана", "UZ"))
        if surface in text
    )
    assert types(make_doc(text, mentions=mentions)) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # two partners met by one unnamed party are no pair of their own
        (
            "Министр провёл встречу с представителями Турции и Ирана.",
            (("Турции", "TR", "name"), ("Ирана", "IR", "name")),
            [],
        ),
        (
            "Министр Турции провёл встречу с представителями Ирана.",
            (("Турции", "TR", "name"), ("Ирана", "IR", "name")),
            [("meeting", ["IR", "TR"])],
        ),
        # continuing talks are a process, not a round held
        (
            "Депутаты Казахстана выступили против продолжения переговоров с Узбекистаном.",
            (("Казахстана", "KZ", "name"), ("Узбекистаном", "UZ", "name")),
            [],
        ),
    ],
)
def test_co_partners_destinations_and_continuing_talks(text, mentions, expected):
    found = find_events(make_doc(text, mentions=mentions))
    assert [(e.type, e.countries) for e in found] == expected


@pytest.mark.parametrize(
    ("text", "surface", "code", "expected"),
    [
        ("Министр побывал на Кубе.", "Кубе", "CU", {"CU"}),
        ("Министр прибыл с визитом в Индию.", "Индию", "IN", {"IN"}),
        ("Министр говорил о Кубе.", "Кубе", "CU", set()),
    ],
)
def test_visit_destinations(text, surface, code, expected):
    doc = make_doc(text, mentions=((surface, code, "name"),))
    assert destinations(doc, 0, len(text)) == expected
