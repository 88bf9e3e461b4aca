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
