"""Sectors stage on short hand-written texts (segment runs for real)."""

from __future__ import annotations

import pytest

from bilat.doc import Doc
from bilat.extract.sectors import sectors
from bilat.extract.segment import segment


def found(text: str) -> list[str]:
    doc = sectors(segment(Doc(id="t", text=text)))
    return sorted({m.sector for m in doc.sectors})


CASES = [
    # ceasefires, armed conflicts, weapons programmes and their tests are security
    pytest.param(
        "Министры обсудили соблюдение режима тишины и перемирия на юге страны.",
        ["security"],
        id="ceasefire-is-security",
    ),
    pytest.param(
        "Стороны обсудили ракетные испытания и ядерную программу соседней страны.",
        ["security"],
        id="weapons-programme-is-security",
    ),
    # fighting is security, not defence cooperation; arms deliveries stay defence
    pytest.param(
        "Министры обсудили военную операцию на севере страны и вооружённый конфликт на юге.",
        ["security"],
        id="military-operation-is-security",
    ),
    pytest.param(
        "Министры обсудили военное сотрудничество и поставки вооружений.",
        ["defense"],
        id="military-cooperation-is-defense",
    ),
    pytest.param(
        "Стороны обсудили ввод миротворцев и вмешательство в выборы.",
        ["security"],
        id="peacekeepers-and-interference-are-security",
    ),
    # relief in a war is no cultural tie, its corridor no transport route
    pytest.param(
        "Стороны обсудили доставку гуманитарной помощи по гуманитарным коридорам.",
        [],
        id="humanitarian-relief-is-no-sector",
    ),
    pytest.param(
        "Стороны обсудили гуманитарное сотрудничество и транспортные коридоры.",
        ["culture", "transport"],
        id="humanitarian-ties-and-corridors-are-sectors",
    ),
    pytest.param(
        "Главы МИД обсудили расширение НАТО на восток.",
        ["security"],
        id="nato-is-security",
    ),
    pytest.param(
        "Стороны договорились развивать сотрудничество в сферах энергетики, логистики и "
        "здравоохранения.",
        ["energy", "health", "transport"],
        id="enumeration-in-cooperation-sentence",
    ),
    pytest.param(
        "Министр сельского хозяйства Узбекистана обсудил с коллегой двустороннее сотрудничество.",
        [],
        id="title-does-not-count",
    ),
    pytest.param(
        "Вице-министр здравоохранения Армении отметил важность сотрудничества в сфере "
        "образования.",
        ["education_science"],
        id="title-excluded-but-topic-kept",
    ),
    pytest.param(
        "Министерство транспорта и коммуникаций подписало меморандум о сотрудничестве в "
        "области цифровизации.",
        ["digital"],
        id="ministry-name-does-not-count",
    ),
    pytest.param(
        "Особое внимание уделено развитию туристической инфраструктуры и партнерству в "
        "этой области.",
        ["tourism"],
        id="qualified-generic-head-yields",
    ),
    pytest.param(
        "Стороны обсудили взаимодействие в строительстве и развитии инфраструктуры.",
        ["construction"],
        id="construction-unqualified",
    ),
    pytest.param(
        "Партнерство в области искусственного интеллекта и культурно-гуманитарные связи "
        "стали приоритетом.",
        ["culture", "digital"],
        id="multiword-and-hyphenated-cues",
    ),
    pytest.param(
        "Глава Ассоциации независимых промышленников обсудил с послом двустороннее "
        "сотрудничество.",
        [],
        id="organisation-name-does-not-count",
    ),
    pytest.param(
        "Представитель Национального банка рассказал о двусторонних контактах.",
        [],
        id="capitalised-name-head-does-not-count",
    ),
    pytest.param(
        "Стороны обсудили совместный проект «Уран-Транзит» и двусторонние отношения.",
        [],
        id="quoted-name-does-not-count",
    ),
    pytest.param(
        "Страна остается в сфере влияния соседа, а вопросы обороны решаются в столице.",
        [],
        id="sphere-metaphor-is-not-cooperation",
    ),
    pytest.param(
        "Стороны обсудили сотрудничество в сфере туризма.\n"
        "* Террористическая организация, запрещенная в стране.",
        ["tourism"],
        id="footnote-does-not-count",
    ),
    pytest.param(
        "Вчера в городе прошел фестиваль. Погода была хорошей.",
        [],
        id="cue-without-cooperation-context",
    ),
    pytest.param(
        "На переговорах затронули вопросы водопользования. Обсуждены вопросы орошения полей.",
        ["water"],
        id="two-weak-context-sentences-count",
    ),
    pytest.param(
        "На переговорах затронули вопросы водопользования. Погода была хорошей.",
        [],
        id="one-weak-context-sentence-does-not-count",
    ),
    pytest.param(
        "Президенты подтвердили намерение развивать сотрудничество в сфере биологической "
        "безопасности и продовольственной безопасности.",
        ["agriculture", "health"],
        id="qualified-security-is-not-security",
    ),
    pytest.param(
        "Стороны укрепляют сотрудничество в борьбе с терроризмом и по вопросам безопасности.",
        ["security"],
        id="security",
    ),
    pytest.param(
        "Министры обсудили торговлю, энергетику, транспортные коридоры и подготовку кадров.",
        ["education_science", "energy", "trade", "transport"],
        id="fields-listed-after-discussed",
    ),
    pytest.param(
        "Делегации также обсудили логистику поставок через морские порты.",
        ["transport"],
        id="one-field-as-object-of-discussion",
    ),
    pytest.param(
        "За полгода взаимная торговля выросла на десятую часть.",
        ["trade"],
        id="mutual-trade-is-about-the-relation",
    ),
    pytest.param(
        "На переговорах затронули вопросы энергетики и сельского хозяйства.",
        ["agriculture", "energy"],
        id="list-of-two-fields-in-weak-context",
    ),
    pytest.param(
        "На переговорах затронули вопросы энергетики. Погода была хорошей.",
        [],
        id="one-field-in-one-weak-sentence-does-not-count",
    ),
    pytest.param(
        "Стороны обсудили ход строительства газопровода.",
        ["energy"],
        id="construction-of-a-pipeline-is-energy",
    ),
    pytest.param(
        "Стороны обсудили строительство, здравоохранение и фармацевтику.",
        ["construction", "health"],
        id="construction-in-a-list-keeps-its-sector",
    ),
    pytest.param(
        "Военные провели учения. Солдаты вернулись в военный городок. Военная техника "
        "осталась на полигоне. Военный оркестр сыграл марш.",
        ["defense"],
        id="topic-of-four-sentences-counts-without-context",
    ),
    pytest.param(
        "Военные провели учения. Солдаты вернулись в военный городок. Военная техника "
        "осталась на полигоне.",
        [],
        id="three-passing-sentences-are-no-topic",
    ),
    pytest.param(
        "Военные провели учения. Погода была хорошей.",
        [],
        id="topic-of-one-sentence-without-context-does-not-count",
    ),
    pytest.param(
        "Министр энергетики, туризма и цифровой повестки Испании посетил Москву для "
        "сотрудничества.",
        [],
        id="title-listing-portfolios-does-not-count",
    ),
    pytest.param(
        "Стороны обсудили поставки зерновых культур.",
        ["agriculture"],
        id="crops-are-agriculture-not-culture",
    ),
    pytest.param(
        "Председатель комитета по обороне и безопасности дал интервью о сотрудничестве.",
        [],
        id="committee-name-does-not-count",
    ),
    pytest.param(
        "Замдиректора Департамента по торговым переговорам дал интервью.",
        [],
        id="office-name-does-not-count",
    ),
    pytest.param(
        "Ведущий научный сотрудник института рассказал о двустороннем сотрудничестве.",
        [],
        id="research-fellow-is-a-post-not-science",
    ),
    pytest.param(
        "Кандидат экономических наук рассказал о двустороннем сотрудничестве.",
        [],
        id="academic-degree-does-not-count",
    ),
    pytest.param(
        "Компания, образованная в прошлом году, рассказала о двустороннем сотрудничестве.",
        [],
        id="formed-is-not-education",
    ),
    pytest.param(
        "Стороны обсудили сотрудничество в сфере образования.",
        ["education_science"],
        id="education-still-counts",
    ),
    pytest.param(
        "Некоторые исследователи рассказали о двустороннем сотрудничестве.",
        [],
        id="researchers-are-not-a-field",
    ),
    pytest.param(
        "Стороны обсудили поставки оружия.",
        ["defense"],
        id="arms-are-defense",
    ),
    pytest.param(
        "Стороны обсудили вопросы нераспространения ядерного оружия.",
        ["security"],
        id="nuclear-weapons-are-security",
    ),
    pytest.param(
        "Стороны обсудили договоры по атомному оружию.",
        ["security"],
        id="atomic-weapons-are-not-energy",
    ),
    pytest.param(
        "Стороны обсудили сотрудничество в сфере кибербезопасности.",
        ["security"],
        id="cybersecurity-is-security",
    ),
    pytest.param(
        "Стороны обсудили борьбу с торговлей людьми.",
        ["security"],
        id="human-trafficking-is-not-trade",
    ),
    pytest.param(
        "Стороны обсудили торговлю оружием.",
        ["defense"],
        id="arms-trade-is-defense",
    ),
    pytest.param(
        "Стороны обсудили экспорт нефти.",
        ["energy"],
        id="oil-export-is-energy",
    ),
    pytest.param(
        "Стороны обсудили транзит газа и строительство нового трубопровода.",
        ["energy"],
        id="gas-transit-and-pipeline-are-energy",
    ),
    pytest.param(
        "Стороны обсудили экспорт и импорт.",
        ["trade"],
        id="export-without-object-is-trade",
    ),
    pytest.param(
        "Стороны обсудили транзит через территорию страны.",
        ["transport"],
        id="transit-without-object-is-transport",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sectors(text, expected):
    assert found(text) == expected


def test_evidence_is_the_sentence():
    text = "Погода была хорошей. Стороны обсудили сотрудничество в сфере туризма."
    doc = sectors(segment(Doc(id="t", text=text)))
    assert [(m.sector, m.evidence.text) for m in doc.sectors] == [
        ("tourism", "Стороны обсудили сотрудничество в сфере туризма.")
    ]


PAIR_SENTENCES = (
    "Казахстан и Сербия обсудили сотрудничество в сфере туризма. Президенты Казахстана и "
    "Сербии встретились в Астане. Казахстан и Сербия подписали меморандум о туризме. Министры "
    "двух стран отметили рост турпотока."
)
CONFERENCE = "На конференции затронули вопросы энергетики и сельского хозяйства."
BACKGROUND_LATE = f"{PAIR_SENTENCES} {CONFERENCE}"
BACKGROUND_FIRST = f"{CONFERENCE} {PAIR_SENTENCES}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Поставки казахстанской пшеницы в Сербию выросли. Казахстанские аграрии "
            "расширяют поставки зерна в Сербию.",
            ["agriculture"],
            id="two-sentences-naming-both-countries",
        ),
        pytest.param(
            "Поставки казахстанской пшеницы в Сербию выросли.",
            [],
            id="one-passing-sentence-naming-both-countries-is-not-enough",
        ),
        pytest.param(
            "Казахстан и Сербия обсудили поставки пшеницы.",
            ["agriculture"],
            id="weak-context-naming-both-countries-counts",
        ),
        pytest.param(
            "Поставки пшеницы выросли.",
            [],
            id="same-sentence-without-countries",
        ),
        pytest.param(
            "В Белграде и Москве прошли выставки пшеницы.",
            [],
            id="cities-are-places-not-parties",
        ),
        pytest.param(
            "Казахстан развивает сотрудничество бизнеса в сфере туризма.",
            [],
            id="one-country-alone-has-no-field-of-cooperation",
        ),
        pytest.param(
            "Казахстан и Сербия развивают сотрудничество в сфере туризма.",
            ["tourism"],
            id="the-pair-has-its-field",
        ),
        pytest.param(
            "Казахстан и Сербия подписали меморандум. Поставки казахстанской пшеницы и нефти "
            "в Сербию выросли.",
            [],
            id="two-countries-do-not-make-a-bare-list-a-list-of-fields",
        ),
        pytest.param(
            "Казахстан и Сербия обсудили поставки пшеницы и нефти.",
            ["agriculture", "energy"],
            id="list-in-talks-of-the-pair",
        ),
        pytest.param(
            BACKGROUND_LATE,
            ["tourism"],
            id="list-in-the-background-part-without-the-pair-is-passing",
        ),
        pytest.param(
            BACKGROUND_FIRST,
            ["agriculture", "energy", "tourism"],
            id="same-list-in-the-lead-counts",
        ),
    ],
)
def test_sentence_about_the_relation_counts(text, expected):
    from bilat.extract.api import extract

    doc = extract("t", text)
    assert sorted({m.sector for m in doc.sectors}) == expected
