"""Stage persons: names in the nominative, role appositions, in-document coreference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilat.doc import Doc
from bilat.extract.person_names import normalize_name
from bilat.pipeline import get_stage

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
STAGES = ("segment", "ner", "countries", "persons")
SEEDS_MIN_F1 = 0.8


def _persons(text: str):
    doc = Doc(id="t", text=text)
    for name in STAGES:
        doc = get_stage(name)(doc)
    return doc


@pytest.mark.parametrize(
    ("words", "first", "last", "patronymic"),
    [
        ("Александру Вучичу", "Александр", "Вучич", ""),
        # a name put surname first, its given name declined: the instrumental is masculine
        ("Си Цзиньпином", "Си", "Цзиньпин", ""),
        ("Хань Чуньлинем", "Хань", "Чуньлинь", ""),
        ("Ивицей Дачичем", "Ивица", "Дачич", ""),
        ("Ивице Дачичу", "Ивица", "Дачич", ""),
        # a word in -а beside one that shows no case is read as written
        ("Нарендра Моди", "Нарендра", "Моди", ""),
        ("Жоао Силва", "Жоао", "Силва", ""),
        ("Нарендрой Моди", "Нарендра", "Моди", ""),
        # lower-case particles stay lower case
        ("Абдель Фаттах ас-Сиси", "Абдель Фаттах", "ас-Сиси", ""),
        ("Касым-Жомартом Токаевым", "Касым-Жомарт", "Токаев", ""),
        ("Касым-Жомарту Токаеву", "Касым-Жомарт", "Токаев", ""),
        ("Ермеку Кенжеханулы", "Ермек", "Кенжеханулы", ""),
        ("Марии Захаровой", "Мария", "Захарова", ""),
        ("Марию Захарову", "Мария", "Захарова", ""),
        ("Еленой Ковальской", "Елена", "Ковальская", ""),
        ("Игорем Ковальским", "Игорь", "Ковальский", ""),
        ("Садыра Жапарова", "Садыр", "Жапаров", ""),
        ("Адылбека Касымалиева", "Адылбек", "Касымалиев", ""),
        ("Олжасом Бектеновым", "Олжас", "Бектенов", ""),
        ("Шавкату Мирзиёеву", "Шавкат", "Мирзиёев", ""),
        ("Николом Пашиняном", "Никол", "Пашинян", ""),
        ("Ангелой Меркель", "Ангела", "Меркель", ""),
        ("Олафом Шольцем", "Олаф", "Шольц", ""),
        ("Джо Байдену", "Джо", "Байден", ""),
        ("Сергеем Шойгу", "Сергей", "Шойгу", ""),
        ("Анной-Марией Ивановой", "Анна-Мария", "Иванова", ""),
        ("Владимира Владимировича Путина", "Владимир", "Путин", "Владимирович"),
        ("Садыра Нургожоевича Жапарова", "Садыр", "Жапаров", "Нургожоевич"),
        ("Иванов Иван Иванович", "Иван", "Иванов", "Иванович"),
        ("Эдгаром Ринкевичем", "Эдгар", "Ринкевич", ""),
        ("Вучича", "", "Вучич", ""),
        # a one-letter surname before two name words is no initial (East Asian names)
        ("У Юн Гын", "У Юн", "Гын", ""),
        ("А Петров", "", "Петров", ""),
        ("Лаврову", "", "Лавров", ""),
        # a surname in -ли, -ни, -ти, -ци never declines (a first name in -и does)
        ("Паоло Джентилони", "Паоло", "Джентилони", ""),
        ("Тимо Сойни", "Тимо", "Сойни", ""),
        ("Ираклия Гарибашвили", "Ираклий", "Гарибашвили", ""),
        ("Маттео Ренци", "Маттео", "Ренци", ""),
        ("Федерики Могерини", "Федерика", "Могерини", ""),
        ("Ольги Галушки", "Ольга", "Галушка", ""),
        ("Анджея Дуды", "Анджей", "Дуда", ""),
    ],
)
def test_name_to_nominative(words, first, last, patronymic):
    name = normalize_name(words.split())
    assert (name.first, name.last, name.patronymic) == (first, last, patronymic)


def test_initials_kept_apart():
    name = normalize_name(["С.", "Лавров"])
    assert (name.display, name.initials) == ("Лавров", "С.")


@pytest.mark.parametrize(
    ("text", "name", "role", "country"),
    [
        (
            "Вице-премьер – министр энергетики Казахстана Арман Сейтказин прибыл в Белград.",
            "Арман Сейтказин",
            "вице-премьер – министр энергетики",
            "KZ",
        ),
        (
            "Переговоры с президентом Сербии Миланом Петровичем прошли в Астане.",
            "Милан Петрович",
            "президент",
            "RS",
        ),
        (
            "Иван Кузнецов, министр иностранных дел России, прибыл в Минск.",
            "Иван Кузнецов",
            "министр иностранных дел",
            "RU",
        ),
        (
            "Первый заместитель председателя правительства Киргизии Бакыт Осмоналиев выступил с речью.",
            "Бакыт Осмоналиев",
            "первый заместитель председателя правительства",
            "KG",
        ),
        (
            "Официальный представитель МИД России Анна Орлова ответила журналистам.",
            "Анна Орлова",
            "официальный представитель МИД",
            "RU",
        ),
    ],
)
def test_role_apposition(text, name, role, country):
    found = {p.name: p for p in _persons(text).persons}
    assert name in found
    assert (found[name].role, found[name].country) == (role, country)


def test_coreference_of_surnames_and_role_references():
    text = (
        "Президент Сербии Милан Петрович встретился с Нурланом Абдыкеримовым. "
        "Глава государства поблагодарил Абдыкеримова за визит. "
        "Позже Петровичу показали новый завод."
    )
    doc = _persons(text)
    found = {p.name: [m.text for m in p.mentions] for p in doc.persons}
    assert found["Милан Петрович"] == ["Милан Петрович", "Глава государства", "Петровичу"]
    assert found["Нурлан Абдыкеримов"] == ["Нурланом Абдыкеримовым", "Абдыкеримова"]
    for p in doc.persons:
        for m in p.mentions:
            assert doc.text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a titled surname alone is a person
        ("Об этом сообщил министр Гусейнов на пресс-конференции в Баку.", ["Гусейнов"]),
        # one word and no title: too little to tell who it is (a surname, a nickname, a place)
        ("Об этом сообщил Гусейнов на пресс-конференции в Баку.", []),
        ("Бисмарка читайте, он изучил эту страну вдоль и поперёк.", []),
    ],
)
def test_one_word_names_need_a_title(text, names):
    assert [p.name for p in _persons(text).persons] == names


@pytest.mark.parametrize(
    "text",
    [
        "Делегация из Сербии и Казахстана посетила Новосибирск.",
        # a capitalised verb at the start of a sentence is no surname
        "Напомним, делегация из Сербии посетила Новосибирск.",
        # a side of the world, an adjective used as a noun, an abstract noun
        "Переговоры возможны при условии, что Север изменит свою позицию.",
        "В 1976 году Поднебесная научилась возвращать спутники на Землю.",
        "Отметим, что Невыгодность такой сделки очевидна.",
        # the author's signature on the last line is no person of the news
        "Делегация из Сербии посетила Новосибирск.\nИрина Соколова",
    ],
)
def test_places_and_words_are_not_persons(text):
    assert _persons(text).persons == []


def _seed_scores() -> tuple[int, int, int, int]:
    gold = [json.loads(line) for line in (SHARED / "gold/seeds.jsonl").read_text().splitlines()]
    tp = n_pred = n_gold = country_ok = 0
    for record in gold:
        raw = (SHARED / "seeds" / record["doc"]).read_text(encoding="utf-8")
        lines = raw.splitlines()
        text = "\n".join(lines[1:]) if lines and lines[0].strip().startswith("date ") else raw
        pred = {p.name.lower().replace("ё", "е"): p.country for p in _persons(text).persons}
        want = {g["name"].lower().replace("ё", "е"): g["country"] for g in record["persons"]}
        n_pred += len(pred)
        n_gold += len(want)
        for name, country in want.items():
            if name in pred:
                tp += 1
                country_ok += pred[name] == country
    return tp, n_pred, n_gold, country_ok


def test_seed_persons_f1():
    if not (SHARED / "gold/seeds.jsonl").exists():
        pytest.skip("../shared (seed articles and gold) not present")
    tp, n_pred, n_gold, country_ok = _seed_scores()
    precision, recall = tp / max(n_pred, 1), tp / max(n_gold, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"seed persons: P={precision:.3f} R={recall:.3f} F1={f1:.3f} country={country_ok}/{tp}")
    assert f1 >= SEEDS_MIN_F1
    assert country_ok >= 0.8 * tp


@pytest.mark.parametrize(
    ("text", "name", "role", "country"),
    [
        # a title inside a prepositional phrase before another title is no part of the role
        (
            "По итогам встречи с министром обороны президент Чили Хорхе Мендес выступил.",
            "Хорхе Мендес",
            "президент",
            "CL",
        ),
        (
            "После беседы с послом премьер-министр Грузии Георгий Бериашвили уехал.",
            "Георгий Бериашвили",
            "премьер-министр",
            "GE",
        ),
        # genitive titles stay inside the phrase
        (
            "Советник министра финансов Эстонии Кристьян Тамм дал интервью.",
            "Кристьян Тамм",
            "советник министра финансов",
            "EE",
        ),
        # a capitalised genitive word names an office inside the phrase
        (
            "Об этом сказал замдиректора Департамента внешней торговли Игорь Соколов.",
            "Игорь Соколов",
            "замдиректора департамента внешней торговли",
            None,
        ),
        # a country adjective gives the country and leaves the role
        ("Турецкий премьер-министр Ахмет Йылмаз прибыл в Баку.", "Ахмет Йылмаз", "премьер-министр", "TR"),
        # apposition after the name, with an adjective before the title
        (
            "Об этом сообщил Павел Сидоров, генеральный директор компании «Вектор».",
            "Павел Сидоров",
            "генеральный директор компании « вектор »",
            None,
        ),
        # a relative clause or a pronoun after the comma is no apposition
        ("Ольга Лебедева, которая раньше была министром, выступила.", "Ольга Лебедева", None, None),
        ("Марк Стоун, его основатель, выступил.", "Марк Стоун", None, None),
        # a parenthesis ends the role phrase
        ("Пётр Волков, чешский дипломат (в отставке), выступил.", "Пётр Волков", None, None),
    ],
)
def test_role_phrase_boundaries(text, name, role, country):
    found = {p.name: p for p in _persons(text).persons}
    assert name in found
    assert (found[name].role, found[name].country) == (role, country)


@pytest.mark.parametrize(
    ("text", "name", "references"),
    [
        (
            "Президент Чили Хорхе Мендес прибыл в Лиму. Чилийский президент провел встречу.",
            "Хорхе Мендес",
            ["Чилийский президент"],
        ),
        (
            "Президент Узбекистана Акбар Юсупов принял гостей. Глава узбекского государства "
            "выступил с речью.",
            "Акбар Юсупов",
            ["Глава узбекского государства"],
        ),
        (
            "Министр иностранных дел Бразилии Жоао Силва прибыл в Москву. Глава МИД провел "
            "переговоры.",
            "Жоао Силва",
            ["Глава МИД"],
        ),
        (
            "Премьер-министр Индии Радж Кумар и президент Египта Омар Хасан встретились. "
            "Индийский лидер выступил первым.",
            "Радж Кумар",
            ["Индийский лидер"],
        ),
    ],
)
def test_role_only_references_join_their_holder(text, name, references):
    doc = _persons(text)
    found = {p.name: [m.text for m in p.mentions] for p in doc.persons}
    assert found[name][1:] == references


def test_lone_leader_word_without_country_is_not_linked():
    doc = _persons("Президент Чили Хорхе Мендес прибыл в Лиму. Лидер выступил с речью.")
    assert [[m.text for m in p.mentions] for p in doc.persons] == [["Хорхе Мендес"]]


@pytest.mark.parametrize(
    ("text", "name", "role", "country"),
    [
        # a counterpart takes the role of the person he meets, and his own country
        (
            "Министр обороны Сербии Милош Йович встретился со своим венгерским коллегой "
            "Ласло Ковачем.",
            "Ласло Ковач",
            "министр обороны",
            "HU",
        ),
        # with no one to be the counterpart of, only the country is kept
        ("Вчера чешский коллега Ян Новак прибыл в Рим.", "Ян Новак", None, "CZ"),
    ],
)
def test_counterpart_takes_the_role_met(text, name, role, country):
    found = {p.name: p for p in _persons(text).persons}
    assert name in found
    assert (found[name].role, found[name].country) == (role, country)


def _persons_at(text: str, url: str | None = None, source: str | None = None):
    doc = Doc(id="t", text=text, url=url, source=source)
    for name in STAGES:
        doc = get_stage(name)(doc)
    return {p.name: p for p in doc.persons}


@pytest.mark.parametrize(
    ("text", "url", "name", "country"),
    [
        # the organisation in the role phrase names the country
        ("Об этом заявил генеральный директор Росатома Пётр Сидоренко.", None,
         "Пётр Сидоренко", "RU"),
        # an intelligence service names its country, not a place in the sentence
        ("Обсуждалось отравление экс-полковника ГРУ Сергея Скрипаля в британском Солсбери.",
         None, "Сергей Скрипаль", "RU"),
        # a relative takes the family member's country when nothing else gives one
        ("Обсуждалось отравление экс-полковника ГРУ Сергея Скрипаля и его дочери Юлии.",
         None, "Юлия Скрипаль", "RU"),
        ("Посол США Джон Хантсман прибыл с супругой Мэри Кей Хантсман.", None,
         "Мэри Кей Хантсман", "US"),
        # the outlet's country stands only for its own people's names
        ("Политолог Андрей Кошкин считает, что это ошибка.", "https://russian.rt.com/a/1",
         "Андрей Кошкин", "RU"),
        ("Политический аналитик Адриан Ялланд считает, что это ошибка.",
         "https://russian.rt.com/a/1", "Адриан Ялланд", None),
        ("Бывший директор компании Йерун ван дер Вир заявил, что это ошибка.",
         "https://russian.rt.com/a/1", "Йерун ван дер Вир", None),
        # no title at all: the outlet's country for its own people's names only
        ("«Это ошибка», — считает Андрей Кошкин.", "https://russian.rt.com/a/1",
         "Андрей Кошкин", "RU"),
        ("«Это ошибка», — считает Слободан Милошевич.", "https://russian.rt.com/a/1",
         "Слободан Милошевич", None),
        ("Как сообщил депутат Госдумы Игорь Лебедянский, закон принят.", None,
         "Игорь Лебедянский", "RU"),
        ("Представитель Пентагона Джон Смитсон рассказал об учениях.", None,
         "Джон Смитсон", "US"),
        ("Председатель Мажилиса Ерлан Сагинтаев открыл сессию.", None,
         "Ерлан Сагинтаев", "KZ"),
        ("Замдиректора департамента МЭРТа Антон Кузьмин ответил на вопросы.", None,
         "Антон Кузьмин", "RU"),
        # the organisation goes before a country named nearby in the sentence
        ("На встрече с делегацией Китая выступил глава Ростеха Павел Громов.", None,
         "Павел Громов", "RU"),
        # a bracketed abbreviation stays inside the role phrase
        ("Как сообщил заместитель главы Управления гражданской авиации Турции (SHGM) "
         "Мехмет Айдын, рейсы возобновятся.", None, "Мехмет Айдын", "TR"),
        # the sentence of the role mention decides, and cities name no side
        ("В Алматы Ержан Бекмуратов провёл переговоры с председателем кабмина Киргизии "
         "Адылом Мамытовым. Премьер-министр Ержан Бекмуратов отметил, что диалог "
         "президента Казахстана и президента Киргизии активен.", None,
         "Ержан Бекмуратов", "KZ"),
        ("Сам президент Ли Сон Мин решил направить посла в Москву.", None, "Ли Сон Мин", None),
        # the outlet's home country for an official whom nothing else places
        ("Недавно Токио посетил первый вице-премьер Игорь Савельев.",
         "https://example.ru/news/1", "Игорь Савельев", "RU"),
        ("Недавно Токио посетил первый вице-премьер Игорь Савельев.",
         "https://example.com/news/1", "Игорь Савельев", None),
        # ... unless the text is about other countries and never names the outlet's
        ("Вице-канцлер Зигмар Хольтман выступил против списания долга. Германия и Греция "
         "так и не договорились о новом кредите.",
         "https://example.ru/news/3", "Зигмар Хольтман", None),
        # ... or for the staff of an international body
        ("Как отметил представитель международного агентства Argus Media Павел Ищенко, "
         "цены растут.", "https://example.ru/news/2", "Павел Ищенко", None),
    ],
)
def test_country_without_apposition(text, url, name, country):
    found = _persons_at(text, url)
    assert name in found
    assert found[name].country == country


@pytest.mark.parametrize(
    ("url", "source", "country"),
    [
        ("https://russian.rt.com/world/article/1-x", None, "RU"),
        ("http://www.ng.ru/world/2018-03-01/5.html", None, "RU"),
        ("https://www.inform.kz/ru/a", None, "KZ"),
        (None, "Kazpravda.kz", "KZ"),
        (None, "Акорда", "KZ"),
        ("https://www.example.com/a", "Example News", None),
        (None, None, None),
    ],
)
def test_outlet_country(url, source, country):
    from bilat.extract.person_country import outlet_country

    assert outlet_country(Doc(id="t", text="", url=url, source=source)) == country


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the tagger runs a name on into the next person's surname
        ("Президент США Дональд Трамп прибыл в Рим. На встречах с президентом Италии Серджо "
         "Маттареллой и премьер-министром Паоло Джентилони Трамп обсудил санкции.",
         {"Дональд Трамп", "Серджо Маттарелла", "Паоло Джентилони"}),
        # a caption line holding only a name, over a paragraph opening with the surname
        ("Глава комитета сената США Боб Хеллер заявил о новых санкциях.\nБоб Хеллер\n"
         "Хеллер добавил, что закон примут в мае.", {"Боб Хеллер"}),
        # a name wrapped at the end of a line of text stays one name
        ("Встреча президента Казахстана и президента Кыргызстана Садыра\nЖапарова прошла "
         "в Астане.", {"Садыр Жапаров"}),
        # another person's surname in an oblique case runs on into a name
        ("Министр Сергей Лавров встретился с Жан-Ивом Ле Дрианом. По итогам переговоров с "
         "Лавровым Ле Дриан заявил о своей позиции.", {"Сергей Лавров", "Жан-Ив Ле Дриан"}),
        # the same person with the surname first is no run-on
        ("Сергей Лавров приехал в Анкару. Визит Лаврова Сергея продлится два дня.",
         {"Сергей Лавров"}),
        # a relative shares the surname: no run-on either
        ("Посол Джон Хантсман прибыл с супругой Мэри Кей Хантсман.",
         {"Джон Хантсман", "Мэри Кей Хантсман"}),
        # a lone first name after a kinship noun takes the relative's surname, in her gender
        ("Следствие по делу Сергея Скрипаля и его дочери Юлии продолжается.",
         {"Сергей Скрипаль", "Юлия Скрипаль"}),
        ("Суд заслушал Майкла Коэна и его дочь Саманту.", {"Майкл Коэн", "Саманта Коэн"}),
        # a lone first name of one person named in full is that person
        ("Дочь президента Иванка Трамп получила кабинет. Иванка будет советовать отцу.",
         {"Иванка Трамп"}),
        # a first name with a patronymic is the person of that first name named before
        ("Президент Белоруссии Александр Лукашенко принял гостей. Александр Григорьевич "
         "заявил, что всё хорошо.", {"Александр Лукашенко"}),
        # a surname that only looks like a patronymic is a surname
        ("Виктор Медведчук встретился с Виктором Януковичем.", {"Виктор Медведчук", "Виктор Янукович"}),
    ],
)
def test_name_runs_cut_where_a_name_ends(text, names):
    assert {p.name for p in _persons(text).persons} == names


@pytest.mark.parametrize(
    ("words", "display"),
    [
        # a name in -ца: genitive in -ы
        ("Ивицы Дадича", "Ивица Дадич"),
        # East Asian names: only the last syllable declines
        ("Ким Чен Ына", "Ким Чен Ын"),
        ("Мун Чжэ Ином", "Мун Чжэ Ин"),
        ("Си Цзиньпина", "Си Цзиньпин"),
        # particles never vote for a case; the name after "бен" is a man's
        ("Сальмана бен Абдель-Азиза Аль Сауда", "Сальман бен Абдель-Азиз Аль Сауд"),
        ("Тамима бин Хамада Аль Тани", "Тамим бин Хамад Аль Тани"),
        # ... while a Western particle stays as written and a nominative stays one
        ("Эрри Де Лука", "Эрри Де Лука"),
        ("Шарля Де Голля", "Шарль Де Голль"),
        ("Джима О’Нила", "Джим О’Нил"),
        ("Яна Новака", "Ян Новак"),
    ],
)
def test_foreign_names_to_nominative(words, display):
    assert normalize_name(words.split()).display == display


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an Arabic name with a non-breaking hyphen; a name with an apostrophe
        ("Саудовский министр энергетики Халид аль\u2011Фалих прибыл в Москву.",
         {"Халид аль-Фалих"}),
        ("Известный экономист Джим О’Нил опубликовал статью.", {"Джим О’Нил"}),
        # authors' by-line as the last line of the text: no person
        ("Министр Сергей Лавров прибыл в Анкару.\nИлья Сомов, Анна Кречет", {"Сергей Лавров"}),
        ("Министр Сергей Лавров прибыл в Анкару.\nИлья Сомов", {"Сергей Лавров"}),
        # ... but a person named in the text as well stays
        ("Министр Сергей Лавров прибыл в Анкару. Илья Сомов сказал, что всё идёт хорошо.\n"
         "Илья Сомов", {"Сергей Лавров", "Илья Сомов"}),
    ],
)
def test_name_words_and_bylines(text, names):
    assert {p.name for p in _persons(text).persons} == names


@pytest.mark.parametrize(
    ("text", "url", "name", "country"),
    [
        # a well-known official: full name and country from the table of known persons
        ("Встреча Владимира Путина и Синдзо Абэ прошла в Лиме.", None, "Синдзо Абэ", "JP"),
        ("Встреча Владимира Путина и Синдзо Абэ прошла в Лиме.", None, "Владимир Путин", "RU"),
        ("Макрон приедет в Москву в мае.", None, "Эммануэль Макрон", "FR"),
        ("Об этом заявил Тайип Эрдоган.", None, "Реджеп Тайип Эрдоган", "TR"),
        # ... not a namesake with another first name
        ("Об этом заявил Олег Путин, фермер из Тулы.", None, "Олег Путин", None),
        # the staff of an international body serve no state
        ("Глава ОПЕК Мохаммед Баркиндо обсудил с Россией добычу нефти.",
         "https://example.ru/news/1", "Мохаммед Баркиндо", None),
        ("Директор Всемирного банка по России Ольга Петрова выступила на семинаре.",
         "https://example.ru/news/1", "Ольга Петрова", None),
        ("Глава представительства ЕС на Украине Жан Дюбуа заявил о реформах.",
         "https://example.ru/news/1", "Жан Дюбуа", None),
        # ... but a field of work is no body
        ("Директор департамента международных финансовых отношений Минфина России "
         "Олег Сомов выступил в Пекине.", "https://example.ru/news/1", "Олег Сомов", "RU"),
        # an expert speaks to the outlet about another country: he is the outlet's
        ("Это означает, что мы опережаем США, — заявил военный эксперт Игорь Сомов.",
         "https://example.ru/news/1", "Игорь Сомов", "RU"),
        ("Ведущий научный сотрудник, эксперт по Франции Сергей Сомов в беседе пояснил.",
         "https://example.ru/news/1", "Сергей Сомов", "RU"),
        # ... unless the text says whose he is
        ("Украинский политолог и экономист Александр Сомов также так считает.",
         "https://example.ru/news/1", "Александр Сомов", "UA"),
        # a plural adjective names a field; the organisation gives the country
        ("Руководитель Центра японских исследований Института Дальнего Востока РАН Валерий "
         "Сомов прокомментировал визит.", "https://example.com/1", "Валерий Сомов", "RU"),
    ],
)
def test_country_from_knowledge_and_role_kind(text, url, name, country):
    found = _persons_at(text, url)
    assert name in found
    assert found[name].country == country


@pytest.mark.parametrize(
    ("text", "url", "name", "country"),
    [
        # a surname's ending points to the one such country the article names
        ("Грузия и Россия обменялись нотами. Вице-премьер Георгий Барамидзе отбыл в Брюссель.",
         "https://example.ru/news/1", "Георгий Барамидзе", "GE"),
        ("Сирия и Россия провели консультации. «Это успех», — считает Наср аль-Харири.",
         "https://example.ru/news/1", "Наср аль-Харири", "SY"),
        # no such country named: the outlet's own people as before, or nobody
        ("Вице-премьер Георгий Барамидзе отбыл в Брюссель.",
         "https://example.ru/news/1", "Георгий Барамидзе", "RU"),
        ("«Это успех», — считает Наср аль-Харири.",
         "https://example.ru/news/1", "Наср аль-Харири", None),
        # an ending shared by the article's two countries tells neither
        ("Греция и Литва подписали меморандум. «Это успех», — считает Андреас Папакис.",
         "https://example.com/news/1", "Андреас Папакис", "GR"),
        ("Латвия и Литва подписали меморандум. «Это успех», — считает Янис Берзиньш.",
         "https://example.com/news/1", "Янис Берзиньш", None),
        # a country the text gives wins over the surname
        ("Грузия и Россия обменялись нотами. Российский политолог Сергей Гогиашвили против.",
         "https://example.com/news/1", "Сергей Гогиашвили", "RU"),
    ],
)
def test_country_from_the_surname_s_origin(text, url, name, country):
    found = _persons_at(text, url)
    assert name in found
    assert found[name].country == country
