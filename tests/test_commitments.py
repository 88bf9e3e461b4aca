"""Stage ``commitments``: concrete future actions with kind, due date and tight evidence.

Every sentence here is written for the test; Docs are built by hand (segment stage for the
sentences, other fields given directly) so these tests do not depend on other stages."""

from __future__ import annotations

from datetime import date

import pytest

from bilat.doc import Doc, TimeExpr
from bilat.extract.commitments import find_commitments
from doc_builders import make_doc


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Стороны договорились открыть торговый дом в Ташкенте.", "agreed"),
        ("Министры договорились о создании совместного фонда.", "agreed"),
        ("На осень планируется запуск грузового поезда.", "planned"),
        ("Следующий раунд консультаций пройдет в Бухаре.", "planned"),
        ("Открытие консульства запланировано на весну.", "planned"),
        ("Узбекская сторона предложила создать совместный логистический центр.", "proposed"),
        ("Министр предложил механизм взаимного признания сертификатов.", "proposed"),
        ("Казахстан готов поставить зерно на рынки соседей.", "intent"),
        ("Компания намерена построить фабрику по переработке хлопка.", "intent"),
        ("Министр намеревается открыть торговый дом в Ташкенте.", "intent"),
        ("Холдинг выразил заинтересованность в строительстве элеватора.", "intent"),
        ("Правительство возьмет под контроль реализацию всех проектов.", "intent"),
        ("Узбекские аграрии приглашены на выставку в Астане.", "invited"),
        ("Мы хотели бы пригласить ваших инженеров на стажировку.", "invited"),
        ("Министерству транспорта поручено подготовить график рейсов.", "instructed"),
    ],
)
def test_each_commitment_kind(text, kind):
    found = find_commitments(make_doc(text))
    assert [c.kind for c in found] == [kind]
    assert found[0].evidence.text in text


@pytest.mark.parametrize(
    ("text", "times", "due"),
    [
        ("Следующее заседание пройдет в 2026 году в Ташкенте.", (("в 2026 году", "2026"),), "2026"),
        (
            "Стороны договорились подписать план до конца года.",
            (("до конца года", "2025-12-31"),),
            "2025-12-31",
        ),
        (
            "Выставку планируется провести в апреле 2026 года.",
            (("в апреле 2026 года", "2026-04"),),
            "2026-04",
        ),
        (
            "Форум планируется провести 10 - 12 июня 2026 года.",
            (("10 - 12 июня 2026 года", "2026-06-10/2026-06-12"),),
            "2026-06-10",
        ),
        ("Министр предложил открыть новый маршрут.", (), None),
        # a past date in another clause is no due date
        (
            "Соглашение подписано в 2019 году, и стороны договорились продлить его.",
            (("в 2019 году", "2019"),),
            None,
        ),
    ],
)
def test_due_date(text, times, due):
    (found,) = find_commitments(make_doc(text, times=times))
    assert found.due == due


@pytest.mark.parametrize(
    "text",
    [
        "Министры обсудили вопросы торговли и транзита.",  # discussion of a topic, no action
        "Товарооборот вырос на 12 процентов.",  # a reported figure
        "В прошлом году стороны открыли новый рейс.",  # past report
        "Сотрудничество будет развиваться и дальше.",  # generic, no party, no action
        "Стороны подтвердили готовность к расширению двустороннего сотрудничества.",  # generic
        "Сотрудничество не планируется сворачивать.",  # negated cue
        "Планируется ли открытие нового рейса?",  # question
        "Наше партнерство станет примером для региона.",  # generic future
        "Казахстан готов создать благоприятные условия для работы инвесторов.",  # stock phrase
        "Мы намерены придать этому процессу системный характер.",  # stock phrase
        "Компания намеревалась построить фабрику по переработке хлопка.",  # a past intention
    ],
)
def test_non_commitments(text):
    assert find_commitments(make_doc(text)) == []


def test_coordinated_objects_give_one_commitment_each():
    text = "Договорились о проведении в 2026 году инвестиционной конференции в Ташкенте и первого заседания совета экспортеров для расширения связей."
    found = find_commitments(make_doc(text, times=(("в 2026 году", "2026"),)))
    assert [(c.kind, c.due) for c in found] == [("agreed", "2026"), ("agreed", "2026")]
    assert "инвестиционной конференции в Ташкенте" in found[0].evidence.text
    assert found[1].evidence.text.startswith("первого заседания совета экспортеров")


def test_evidence_is_the_cue_clause_not_the_whole_sentence():
    text = "Министры подвели итоги года, а также договорились создать рабочую группу по туризму."
    (found,) = find_commitments(make_doc(text))
    assert found.evidence.text == "а также договорились создать рабочую группу по туризму"
    assert text[found.evidence.start : found.evidence.end] == found.evidence.text
    assert "создать рабочую группу" in found.action


def test_relative_clause_takes_in_its_antecedent():
    text = "Главы отметили важность будущего саммита, который планируется провести в Хиве в мае 2026 года."
    (found,) = find_commitments(make_doc(text, times=(("в мае 2026 года", "2026-05"),)))
    assert found.evidence.text.startswith("Главы отметили важность будущего саммита")
    assert found.due == "2026-05"


def test_two_cues_in_one_sentence_split_the_evidence():
    text = "Министр предложил создать совместный фонд, а узбекская сторона готова выделить на него средства."
    found = find_commitments(make_doc(text))
    assert [c.kind for c in found] == ["proposed", "intent"]
    assert "готова" not in found[0].evidence.text
    assert found[1].evidence.text.startswith("а узбекская сторона готова")


def test_parties_from_mentions_else_the_dyad():
    text = "Узбекистан готов поставить оборудование. Стороны договорились создать фонд."
    doc = make_doc(text, mentions=(("Узбекистан", "UZ", "name"),))
    assert [c.parties for c in find_commitments(doc)] == [["UZ"], ["KZ", "UZ"]]


def test_anaphoric_event_takes_the_year_of_the_event_named_before():
    text = "Выставка пройдет в 2027 году в Белграде. Казахстан готов принять участие в мероприятии."
    found = find_commitments(make_doc(text, times=(("в 2027 году", "2027"),)))
    assert [(c.kind, c.due) for c in found] == [("planned", "2027"), ("intent", "2027")]


def _kinds(doc: Doc) -> list[str]:
    return [c.kind for c in find_commitments(doc)]


@pytest.mark.parametrize(
    ("text", "times", "mentions", "kinds"),
    [
        # a time expression or an adverb between the cue and its infinitive does not count
        (
            "Министры договорились до конца 2027 года открыть торговый дом.",
            ("до конца 2027 года",),
            (),
            ["agreed"],
        ),
        (
            "Стороны договорились в ближайшее время совместно построить мост.",
            ("в ближайшее время",),
            (),
            ["agreed"],
        ),
        # a country as the subject of a future action
        (
            "Казахстан будет поставлять зерно в Узбекистан.",
            (),
            (("Казахстан", "KZ", "name"), ("Узбекистан", "UZ", "name")),
            ["intent"],
        ),
        (
            "Узбекистан и Казахстан будут обмениваться данными о паводках.",
            (),
            (("Узбекистан", "UZ", "name"), ("Казахстан", "KZ", "name")),
            ["intent"],
        ),
        # a promise reported by "заверил"
        ("«Проект будет согласован осенью», — заверил министр.", (), (), ["promised"]),
        # a concrete undertaking of interest, not a wish for more
        ("Холдинг выразил заинтересованность в строительстве элеватора.", (), (), ["intent"]),
        (
            "Казахстан выразил заинтересованность в увеличении поставок.",
            (),
            (("Казахстан", "KZ", "name"),),
            [],
        ),
        # not commitments
        ("Стороны обсудили ход строительства газопровода.", (), (), []),
        ("Стороны обсудили реализацию проектов по созданию технопарка.", (), (), []),
        ("Планируемая мощность завода составит 80 тысяч тонн.", (), (), []),
        ("В Узбекистане пройдут президентские выборы.", (), (("Узбекистане", "UZ", "name"),), []),
        ("В Ташкенте пройдет кинофестиваль стран СНГ.", (), (), []),
        ("Стороны договорились о том, как будут решать спорные вопросы.", (), (), []),
        (
            "Казахстан сможет присоединиться к соглашению не раньше 2027 года.",
            (),
            (("Казахстан", "KZ", "name"),),
            [],
        ),
        (
            "Отношения Казахстана и Узбекистана выйдут на новый уровень.",
            (),
            (("Казахстана", "KZ", "name"), ("Узбекистана", "UZ", "name")),
            [],
        ),
        (
            "Узбекистан примет ответные меры, если пошлины не отменят.",
            (),
            (("Узбекистан", "UZ", "name"),),
            [],
        ),
        ("Журналисты спросили, планируется ли открытие нового рейса.", (), (), []),
        ("С весны в страну можно будет ввозить овощи.", (), (), []),
    ],
)
def test_generalised_cues(text, times, mentions, kinds):
    doc = make_doc(text, times=tuple((t, "2027") for t in times), mentions=mentions)
    assert _kinds(doc) == kinds


@pytest.mark.parametrize(
    ("text", "times", "kind", "quote", "due"),
    [
        (
            "Посол сообщил, что его страна в 2026 году примет участие в учениях, которые пройдут в сентябре.",
            (("в 2026 году", "2026"), ("в сентябре", "2026-09")),
            "intent",
            "примет участие в учениях, которые пройдут в сентябре",
            "2026-09",
        ),
        (
            "Предполагается, что документ будет подписан в октябре 2026 года.",
            (("в октябре 2026 года", "2026-10"),),
            "planned",
            "Предполагается, что документ будет подписан",
            "2026-10",
        ),
        (
            "«Проект будет согласован осенью», — заверил министр.",
            (),
            "promised",
            "будет согласован осенью",
            "2025",
        ),
    ],
)
def test_subordinate_clause_completes_one_commitment(text, times, kind, quote, due):
    (found,) = find_commitments(make_doc(text, times=times, mentions=()))
    assert (found.kind, found.due) == (kind, due)
    assert quote in found.evidence.text


KZ_UZ = (("Казахстан", "KZ", "name"), ("Узбекистан", "UZ", "name"))
COUNTRY_WORDS = (("Казахстан", "KZ"), ("Узбекистану", "UZ"))


@pytest.mark.parametrize(
    ("text", "mentions", "kinds"),
    [
        # new cues: "обязался", a future passive of a concrete project verb, "договоренность на"
        ("Концерн обязался построить в Ташкенте сервисный центр.", (), ["promised"]),
        ("Второй энергоблок будет введен в эксплуатацию в 2027 году.", (), ["planned"]),
        (
            "Достигнута договоренность с Узбекистаном на поставку грузовых вагонов.",
            (("Узбекистаном", "UZ", "name"),),
            ["agreed"],
        ),
        # a party noun ("держава") and an inverted subject after the future verb
        ("Две державы займутся совместной разведкой месторождений.", (), ["intent"]),
        ("В апреле в Ташкент приедет министр энергетики.", (), ["intent"]),
        # not commitments: a condition, a hedge, a forecast figure, a generic change of state,
        # an aspect-ambiguous present ("отходит"), an aspiration, an invitation to the press
        ("Президент прибудет в Ташкент при условии, что спор будет улажен.", (), []),
        ("Возможно, Казахстан и Узбекистан объявят о запуске программы.", KZ_UZ, []),
        ("Предполагается, что стоимость проекта составит около $2 млрд.", (), []),
        ("После подписания соглашения сотрудничество сторон укрепится.", (), []),
        ("Узбекистан постепенно отходит от закупок зерна.", (("Узбекистан", "UZ", "name"),), []),
        ("Компании будут стремиться приобрести новые вагоны.", (), []),
        ("Министр пригласил в свою резиденцию казахстанских журналистов.", (), []),
        ("Сможет ли Казахстан построить новый порт.", (("Казахстан", "KZ", "name"),), []),
        # thanks before an invitation do not make it vague
        ("Министр поблагодарил коллег и пригласил посетить Ташкент.", (), ["invited"]),
    ],
)
def test_cues_from_news_wording(text, mentions, kinds):
    assert _kinds(make_doc(text, mentions=mentions)) == kinds


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a summary line and the body say the same: one commitment
        (
            "Казахстан предоставит Узбекистану кредит в размере $100 млн. "
            "Как сообщается, правительство Казахстана предоставит Узбекистану льготный кредит "
            "в размере $100 млн.",
            1,
        ),
        # two different goods agreed: two commitments
        (
            "Стороны договорились о поставках пшеницы. Стороны договорились о поставках хлопка.",
            2,
        ),
    ],
)
def test_repeated_mentions_of_one_commitment_merge(text, count):
    mentions = tuple((word, code, "name") for word, code in COUNTRY_WORDS if word in text)
    assert len(find_commitments(make_doc(text, mentions=mentions))) == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Кредит на десять лет\nКазахстан предоставит Узбекистану кредит до 2030 года.",
            "Казахстан предоставит Узбекистану кредит до 2030 года",
        ),
        (
            "Узбекистан намерен открыть торговый дом в Алматы\n\nИтоги года",
            "Узбекистан намерен открыть торговый дом в Алматы",
        ),
    ],
)
def test_evidence_stays_on_the_cue_line(text, expected):
    mentions = tuple(m for m in (*KZ_UZ, ("Алматы", "KZ", "city")) if m[0] in text)
    found = find_commitments(make_doc(text, mentions=mentions))
    assert [c.evidence.text for c in found] == [expected]


RU_KZ = ("KZ", "RU")


@pytest.mark.parametrize(
    ("text", "mentions", "kinds"),
    [
        # one country's own plan, the other side not involved: no commitment
        ("Астана намерена достроить новый стадион к осени.", (("Астана", "KZ", "capital"),), []),
        (
            "Россия планирует снизить налог на прибыль.",
            (("Россия", "RU", "name"),),
            [],
        ),
        # the same country as a place or an owner, or a relational word: kept
        (
            "Росатом построит в Казахстане хранилище топлива.",
            (("Казахстане", "KZ", "name"),),
            ["planned"],
        ),
        (
            "Правительство Казахстана возьмет под контроль выполнение договоренностей.",
            (("Казахстана", "KZ", "name"),),
            ["intent"],
        ),
        (
            "Россия намерена подписать соглашение о поставках зерна.",
            (("Россия", "RU", "name"),),
            ["intent"],
        ),
        (
            "Россия и Казахстан намерены построить новый мост.",
            (("Россия", "RU", "name"), ("Казахстан", "KZ", "name")),
            ["intent"],
        ),
        # threats and warnings are no commitments
        (
            "Россия и Казахстан готовы нанести ответный удар.",
            (("Россия", "RU", "name"), ("Казахстан", "KZ", "name")),
            [],
        ),
        # a fragment with no action named
        ("Лидеры договорились.", (), []),
        # "намеренно" is an adverb; an unknown foreign name guessed as a cue word is no cue
        (
            "Россия и Казахстан намеренно пытались затянуть процесс.",
            (("Россия", "RU", "name"), ("Казахстан", "KZ", "name")),
            [],
        ),
        (
            "Министр Теодор Мелешкану заявил, что Россия уже помогла Казахстану.",
            (("Россия", "RU", "name"), ("Казахстану", "KZ", "name")),
            [],
        ),
    ],
)
def test_one_sided_plans_threats_and_fragments(text, mentions, kinds):
    assert _kinds(make_doc(text, mentions=mentions, countries=RU_KZ)) == kinds


@pytest.mark.parametrize(
    ("text", "times", "due"),
    [
        # a season with its year: due in the year its last month falls in
        (
            "Россия и Казахстан подпишут соглашение летом следующего года.",
            (("летом следующего года", "2026-06/2026-08", "period"),),
            "2026",
        ),
        (
            "Россия и Казахстан подпишут соглашение зимой 2026 года.",
            (("зимой 2026 года", "2025-12/2026-02", "period"),),
            "2026",
        ),
        # another period ("за 11 месяцев") is not a due date
        (
            "Россия и Казахстан подпишут соглашение за 11 месяцев.",
            (("за 11 месяцев", "2025-01/2025-11", "period"),),
            None,
        ),
    ],
)
def test_season_with_year_gives_due(text, times, due):
    doc = make_doc(
        text,
        mentions=(("Россия", "RU", "name"), ("Казахстан", "KZ", "name")),
        countries=RU_KZ,
    )
    for surface, value, kind in times:
        start = text.index(surface)
        doc.times.append(TimeExpr(start, start + len(surface), surface, value, kind))
    assert [c.due for c in find_commitments(doc)] == [due]


@pytest.mark.parametrize(
    ("text", "times", "kinds", "due"),
    [
        # an invitation passed on ("передал приглашение ... посетить") is an invitation
        (
            "Президент передал приглашение премьер-министру Венгрии посетить Астану.",
            (),
            ["invited"],
            None,
        ),
        # a hope for a concrete step is a commitment the gold README counts
        ("Президент выразил надежду на скорейшее подписание соглашения.", (), ["intent"], None),
        ("Стороны надеются на улучшение отношений.", (), [], None),  # a wish, no step
        # a proposal made as a noun ("направили предложение повысить"), unless rejected
        ("Компания направила партнерам предложение повысить тарифы.", (), ["proposed"], None),
        ("Министр отклонил предложение увеличить поставки.", (), [], None),
        # an accepted or withdrawn invitation, or a visit made on one, is a report
        ("Министр поблагодарил коллегу за то, что он принял приглашение посетить Астану.", (), [], None),
        ("Лондон отзывает приглашение министру посетить столицу.", (), [], None),
        # a month without a year placed before publication: a plan is due at its next one
        (
            "Российская сторона предложила провести консультации в сентябре.",
            (("в сентябре", "2024-09"),),
            ["proposed"],
            "2025-09",
        ),
        # ... but a day earlier in the publication's month stays where it is
        (
            "Визит министра в Ташкент намечен на 12 марта.",
            (("12 марта", "2025-03-12"),),
            ["planned"],
            "2025-03-12",
        ),
    ],
)
def test_invitations_and_dates_without_a_year(text, times, kinds, due):
    found = find_commitments(make_doc(text, times=times))
    assert [c.kind for c in found] == kinds
    if found:
        assert found[0].due == due


def test_a_quarter_dates_a_plan():
    text = "Заседание совета планируется провести в первом квартале 2026 года."
    doc = make_doc(text)
    start = text.index("в первом")
    doc.times.append(
        TimeExpr(start, len(text) - 1, text[start:-1], "2026-01/2026-03", kind="period")
    )
    (found,) = find_commitments(doc)
    assert found.due == "2026"


def test_a_prospect_inside_an_instruction_is_one_commitment():
    text = "Президент поручил правительству проработать вопрос запуска прямых рейсов."
    assert [c.kind for c in find_commitments(make_doc(text))] == ["instructed"]


@pytest.mark.parametrize(
    "text",
    [
        "Стороны готовы развивать сотрудничество во всех сферах.",  # vague readiness
        "Банки готовы кредитовать проекты в национальных валютах.",  # readiness, imperfective
        "Министр сказал, что готов к диалогу.",  # readiness for anything
        "Германия готова пойти навстречу партнерам.",  # stock phrase
        "По мнению эксперта, министр прибудет с визитом в Ташкент.",  # an analyst's guess
        "Я думаю, что стороны подпишут соглашение.",  # an opinion
        "Стороны откроют новый рейс, считает политолог.",  # closing attribution
        "Лидеры пытаются договориться о новой схеме поставок.",  # still to be agreed
        "Встреча министров должна была состояться в мае.",  # a plan that is over
        "Газопровод должен пройти через территорию соседей.",  # a route, not an event
        "Президент заявил о намерении добиваться мира через переговоры.",  # a goal
        "Мы хотели бы видеть больше узбекских туристов.",  # a wish
        "Казахстан пригласил лидеров Мексики и Египта на форум.",  # third countries invited
    ],
)
def test_no_commitment_in_vague_or_speculative_text(text):
    mentions = (("Мексики", "MX", "name"), ("Египта", "EG", "name")) if "Мексики" in text else ()
    if "Казахстан " in text:
        mentions = (("Казахстан", "KZ", "name"), *mentions)
    assert find_commitments(make_doc(text, mentions=mentions)) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Казахстан готов подписать соглашение о поставках зерна.", "intent"),
        ("Стороны готовы к проведению совместного форума.", "intent"),
        ("Сторонам удалось договориться о поставках зерна.", "agreed"),
        ("Встреча президентов должна состояться в начале апреля.", "planned"),
        ("Турция близка к подписанию договора о покупке зерна.", "intent"),
        ("В этом году ожидается подписание соглашения о транзите.", "planned"),
        ("В ходе визита имеется в виду подписать план действий.", "planned"),
        ("Министр ответил, что обязательно поднимет этот вопрос на переговорах.", "promised"),
    ],
)
def test_new_commitment_cues(text, kind):
    found = find_commitments(make_doc(text))
    assert [c.kind for c in found] == [kind]


def test_future_date_elsewhere_in_sentence_dates_a_plan():
    text = "На полях форума, который 20 марта открывается в Ташкенте, запланирован саммит двух стран."
    found = find_commitments(make_doc(text, times=(("20 марта", "2025-03-20"),)))
    assert [(c.kind, c.due) for c in found] == [("planned", "2025-03-20")]


# Analysis-article readings that commit to nothing; each false case is paired with a true one.
@pytest.mark.parametrize(
    ("text", "mentions", "kinds"),
    [
        # a route, not an event; an event still "пройдёт"
        ("Маршрут трубопровода пройдёт по территории четырёх стран.", (), []),
        ("Жители районов, где пройдёт новый газопровод, против стройки.", (), []),
        ("Кабель пройдёт через пролив и выйдет на берег.", (), []),
        ("Ракеты пройдут проверку на полигоне.", (), []),
        ("Следующий раунд консультаций пройдёт через неделю в Бухаре.", (), ["planned"]),
        ("В столице, где пройдёт саммит, усилили охрану.", (), ["planned"]),
        # what a document provides for, unless it schedules an event
        ("Договором предусмотрена система взаимного зачёта пошлин.", (), []),
        ("Программой визита предусмотрена встреча с экспортерами.", (), ["planned"]),
        # wishes and speech acts
        ("Мы хотели бы поблагодарить узбекских коллег за помощь.", (), []),
        ("Казахстан передал список техники, которую страна хотела бы получить.", (), []),
        ("Министр готов подчеркнуть значение транзита.", (), []),
        # vague, commercial, think-tank or anonymous proposals
        ("Наш министр предлагает смелую идею.", (), []),
        ("Варианты ответа предложили в Институте региональных исследований.", (), []),
        ("Ташкенту предлагают заключить соглашения с соседями.", (), []),
        ("Фабрика расширяет сбыт, предлагая покупателям дешёвые аналоги.", (), []),
        ("Министр предложил идею создания совместного фонда.", (), ["proposed"]),
        ("Нам предлагают эту схему наши казахстанские партнёры.", (), []),
        ("Казахстан предложил создать совместный фонд.", (("Казахстан", "KZ", "name"),), ["proposed"]),
        # forecasts and effects
        ("Эксперт уверен, что вступление в союз положительно скажется на экономике.", (), []),
        ("Рост пошлин создаст серьёзные проблемы для экспортеров.", (), []),
        ("С отдельными государствами неизбежно будут возникать разногласия.", (), []),
        ("Соглашения с государствами будут работать хуже единого договора.", (), []),
        ("Министру придётся прибегнуть к арбитражу.", (), []),
        # a head of state's instruction to his own officials
        ("Президент предложил усилить ответственность чиновников за экспорт.", (), []),
        # an organisation is not organising
        ("Министры обсудили проект устава новой организации.", (), []),
        ("Министры обсудили организацию выставки в Ташкенте.", (), ["proposed"]),
        # "намеченный" still names a plan ahead
        ("Накануне намеченного на май визита министра в Ташкент стороны сверили позиции.", (), ["planned"]),
        ("Министр отметил важность реализации намеченных планов.", (), []),
    ],
)
def test_analysis_readings(text, mentions, kinds):
    assert _kinds(make_doc(text, mentions=mentions)) == kinds


@pytest.mark.parametrize(
    ("text", "mentions", "kinds"),
    [
        # a country owning the subject or opening its clause as recipient acts; an oblique one not
        ("Власти Казахстана передадут Узбекистану два тепловоза.", (("Казахстана", "KZ", "name"), ("Узбекистану", "UZ", "name")), ["intent"]),
        ("Узбекистану передадут два тепловоза и вагоны.", (("Узбекистану", "UZ", "name"),), ["intent"]),
        ("Инициативу президента Казахстана будут обсуждать эксперты.", (("Казахстана", "KZ", "name"),), []),
        ("Требования Узбекистана спровоцируют новый спор.", (("Узбекистана", "UZ", "name"),), []),
    ],
)
def test_future_action_needs_an_acting_party(text, mentions, kinds):
    assert _kinds(make_doc(text, mentions=mentions)) == kinds


def test_next_sentence_pronoun_dates_a_plan():
    text = "Стороны планируют создать совместный фонд. Он начнёт работать в 2027 году."
    (found, *_) = find_commitments(make_doc(text, times=(("в 2027 году", "2027"),)))
    assert found.evidence.text.startswith("Стороны планируют создать")
    assert found.due == "2027"


def test_a_capital_as_venue_is_no_third_party():
    text = "В конце ноября в Вене состоится заседание экспортеров нефти."
    mentions = (("Вене", "AT", "capital"),)
    assert _kinds(make_doc(text, mentions=mentions)) == ["planned"]
    third = "В конце ноября в Вене соберутся министры финансов."
    assert _kinds(make_doc(third, mentions=mentions)) == []


KZ_UZ_MENTIONS = (("Казахстан", "KZ", "name"), ("Узбекистан", "UZ", "name"))


# Analysis-article readings that report or frame an action; each false case has a true twin.
@pytest.mark.parametrize(
    ("text", "times", "kinds"),
    [
        # readiness to talk, undated, is readiness for dialogue; a dated talk or another act stays
        ("Казахстан и Узбекистан готовы принять участие в консультациях.", (), []),
        ("Казахстан и Узбекистан готовы провести телефонную беседу.", (), []),
        ("Казахстан и Узбекистан готовы провести переговоры в апреле.", (("в апреле", "2025-04"),), ["intent"]),
        ("Казахстан и Узбекистан готовы предоставить запись переговоров.", (), ["intent"]),
        ("Казахстан и Узбекистан готовы принять участие в выставке.", (), ["intent"]),
        # a threat
        ("Казахстан и Узбекистан готовы применить силу.", (), []),
        # terms settled name no action; an agreed action stays
        ("Казахстан и Узбекистан договорились об условиях.", (), []),
        ("Казахстан и Узбекистан договорились о поставках зерна.", (), ["agreed"]),
        # a proposal dated years before the article is a past narrative; last year's stays
        ("В 2019 году Казахстан предложил Узбекистану продлить соглашение.", (("В 2019 году", "2019"),), []),
        ("В 2024 году Казахстан предложил Узбекистану продлить соглашение.", (("В 2024 году", "2024"),), ["proposed"]),
        # an intention voiced earlier, a purpose clause, an unnamed doer, a bill proposed
        ("Казахстан согласился, хотя ранее он заявлял о намерении расторгнуть договор с Узбекистаном.", (), []),
        ("Узбекистан спешит, чтобы получить приглашение вступить в союз с Казахстаном.", (), []),
        ("Это уступка Казахстана и тех, кто предложил резолюцию по Узбекистану.", (), []),
        ("Казахстан называл предлагаемый Узбекистаном законопроект проблематичным.", (), []),
        # compulsion forecasts; domestic polls; developing ties in general
        ("Казахстан будет вынужден подписать соглашение с Узбекистаном.", (), []),
        ("В Казахстане и Узбекистане будут открыты избирательные участки.", (), []),
        ("Казахстан и Узбекистан будут налаживать связи.", (), []),
        # cooperation in a named field, an instruction to create conditions: kept
        ("Казахстан и Узбекистан договорились сотрудничать в борьбе с терроризмом.", (), ["agreed"]),
        ("Президент Казахстана поручил создать все необходимые условия для рейсов в Узбекистан.", (), ["instructed"]),
    ],
)
def test_narrative_readings(text, times, kinds):
    assert _kinds(make_doc(text, times=times, mentions=KZ_UZ_MENTIONS)) == kinds


@pytest.mark.parametrize(
    ("text", "mentions", "kinds"),
    [
        # a request addressed to a party proposes; a request mentioned in passing does not
        (
            "Министр обратился к Казахстану с просьбой о поставках зерна.",
            (("Казахстану", "KZ", "name"),),
            ["proposed"],
        ),
        (
            "После просьбы Казахстана о переносе встречи сроки сдвинулись.",
            (("Казахстана", "KZ", "name"),),
            [],
        ),
        (
            "Министр обращается к журналистам с просьбой не искажать факты о Казахстане.",
            (("Казахстане", "KZ", "name"),),
            [],
        ),
        # a list of partner countries does not use up the cue's reach; a new clause does
        (
            "Казахстан предложил Узбекистану, Киргизии и Таджикистану обсуждать новый тариф.",
            (
                ("Казахстан", "KZ", "name"),
                ("Узбекистану", "UZ", "name"),
                ("Киргизии", "KG", "name"),
                ("Таджикистану", "TJ", "name"),
            ),
            ["proposed"],
        ),
        (
            "Несмотря на предложения Казахстана, Узбекистан пока отказывается подписать договор.",
            (("Казахстана", "KZ", "name"), ("Узбекистан", "UZ", "name")),
            [],
        ),
    ],
)
def test_requests_and_partner_lists(text, mentions, kinds):
    assert _kinds(make_doc(text, mentions=mentions)) == kinds


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # a planned participle takes in the event it qualifies
        (
            "Стороны обсудили подготовку визита президента Казахстана в Ташкент, запланированного на май.",
            "визита президента Казахстана в Ташкент, запланированного на май",
        ),
        # a closing attribution is trimmed off
        ("«Министр посетит Ташкент в мае», — сказал посол Казахстана.", "Министр посетит Ташкент в мае"),
        # the closing mark of a name opened inside the evidence stays
        (
            "Министр сообщил, что Казахстан проведёт в Ташкенте форум «Восток — 2».",
            "что Казахстан проведёт в Ташкенте форум «Восток — 2»",
        ),
    ],
)
def test_evidence_boundaries(text, evidence):
    doc = make_doc(text, mentions=(("Казахстан", "KZ", "name"), ("Ташкент", "UZ", "capital")))
    assert [c.evidence.text for c in find_commitments(doc)] == [evidence]


def test_a_blocked_planned_event_is_no_commitment():
    text = "Узбекистан не допустит проведения саммита Казахстан — Узбекистан, запланированного на май."
    assert _kinds(make_doc(text, mentions=KZ_UZ_MENTIONS)) == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # an indirect question asks what a party will do
        ("Эксперты обсуждают, как Казахстан намерен развивать торговлю с Узбекистаном.", []),
        ("Неясно, какие меры Казахстан и Узбекистан планируют принять.", []),
        ("Министр не уточнил, когда Казахстан и Узбекистан подпишут соглашение.", []),
        # a relative "где", "как договаривались": no question
        ("Министр Казахстана прибыл в Ташкент, где проведёт переговоры с президентом Узбекистана.", ["planned"]),
        # a reaction to another's plan is no commitment; a proposal sent is one
        ("Глава МИД Узбекистана назвал ошибкой намерение Казахстана закрыть границу.", []),
        ("Власти Казахстана назвали тарифы чрезмерными и направили в Узбекистан предложение снизить их.", ["proposed"]),
    ],
)
def test_questions_and_reactions(text, kinds):
    doc = make_doc(
        text,
        mentions=tuple(
            (name, code, "name")
            for name, code in (("Казахстан", "KZ"), ("Узбекистан", "UZ"))
            if name in text
        ),
    )
    assert _kinds(doc) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a possibility is no commitment
        ("Министерству Казахстана могут поручить изучение торговли с Узбекистаном.", []),
        ("Министерству Казахстана поручили изучить торговлю с Узбекистаном.", ["instructed"]),
        # an errand already run "по поручению" is done, not instructed
        ("Министр Казахстана по поручению президента вылетел в Узбекистан.", []),
        # a proposal's effect foretold: the proposal, not the country, is the subject
        ("Министр заявил, что предложение Узбекистана лишь навредит Казахстану.", []),
        ("Министр заявил, что Узбекистан передаст Казахстану два тепловоза.", ["intent"]),
    ],
)
def test_possibilities_errands_and_forecasts(text, kinds):
    mentions = tuple(
        (surface, code, "name")
        for surface, code in (
            ("Казахстана", "KZ"), ("Казахстан", "KZ"), ("Казахстане", "KZ"),
            ("Казахстану", "KZ"), ("Узбекистаном", "UZ"), ("Узбекистан", "UZ"),
            ("Узбекистана", "UZ"),
        )
        if surface in text.replace(".", " ").split()
    )
    assert _kinds(make_doc(text, mentions=mentions)) == kinds


def test_a_subject_cut_off_by_a_dash_joins_the_evidence():
    text = "Основная встреча – с министром Узбекистана – запланирована на среду."
    doc = make_doc(text, times=(("на среду", "2025-03-19"),))
    found = find_commitments(doc)
    assert [(c.kind, c.due) for c in found] == [("planned", "2025-03-19")]
    assert found[0].evidence.text.startswith("Основная встреча")


@pytest.mark.parametrize(
    ("text", "times", "kinds"),
    [
        # a condition's consequence, or a condition opened by "как только"
        ("Если цены упадут, то Казахстан готов закрыть границу с Узбекистаном.", (), []),
        ("Как только Казахстан договорится с Узбекистаном об условиях, начнутся поставки.", (), []),
        # a reason clause still reports a party's intent
        ("Поставки сократятся, поскольку Казахстан намерен поставлять зерно в Узбекистан.", (), ["intent"]),
        # a plan dated only by a year before publication is of the past
        ("Тогда обещали, что Казахстан примут в союз с Узбекистаном в 2019 году.", (("в 2019 году", "2019"),), []),
        ("Стороны обещали, что Казахстан примут в союз с Узбекистаном в 2026 году.", (("в 2026 году", "2026"),), ["intent"]),
        # ... unless the year dates a participle's phrase, not the action
        (
            "Казахстан готов поделиться с Узбекистаном опытом, приобретенным на выставке в 2017 году.",
            (("в 2017 году", "2017"),),
            ["intent"],
        ),
    ],
)
def test_conditions_and_plans_of_the_past(text, times, kinds):
    mentions = tuple(
        (surface, code, "name")
        for surface, code in (("Казахстан", "KZ"), ("Узбекистаном", "UZ"), ("Узбекистан", "UZ"))
        if surface in text.replace(",", " ").replace(".", " ").split()
    )
    doc = make_doc(text, mentions=mentions, times=times, published=date(2025, 3, 14))
    assert _kinds(doc) == kinds
