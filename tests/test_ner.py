"""Stage ner: natasha's news NER over the segment stage's tokens."""

from __future__ import annotations

import pytest

from bilat.doc import Doc
from bilat.extract.ner import _bio_runs, normal_form
from bilat.pipeline import get_stage


def _entities(text: str) -> list[tuple[str, str, str]]:
    doc = Doc(id="t", text=text)
    for name in ("segment", "ner"):
        doc = get_stage(name)(doc)
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
    return [(e.type, e.text, e.normal) for e in doc.entities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Министр Иван Петров приехал в Новосибирск.", ("PERSON", "Иван Петров", "Иван Петров")),
        (
            "Встреча с Анной Смирновой прошла в Минске.",
            ("PERSON", "Анной Смирновой", "Анна Смирнова"),
        ),
        ("Встреча с Анной Смирновой прошла в Минске.", ("LOCATION", "Минске", "Минск")),
        (
            "Заявление Министерства иностранных дел Франции опубликовано вечером.",
            ("ORGANIZATION", "Министерства иностранных дел", "Министерство иностранных дел"),
        ),
    ],
)
def test_entities_found_with_nominative(text, expected):
    assert expected in _entities(text)


def test_empty_text_has_no_entities():
    assert _entities("") == []


@pytest.mark.parametrize(
    ("tags", "runs"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [("PER", 0, 2), ("LOC", 3, 4)]),
        (["I-ORG", "I-ORG", "B-ORG"], [("ORG", 0, 2), ("ORG", 2, 3)]),
        (["B-PER", "I-LOC"], [("PER", 0, 1), ("LOC", 1, 2)]),
        (["O", "O"], []),
    ],
)
def test_bio_runs(tags, runs):
    assert _bio_runs(tags) == runs


def test_offsets_survive_long_documents():
    sentence = "Глава компании Олег Сидоров посетил Казань. "
    doc = Doc(id="t", text=sentence * 300)
    for name in ("segment", "ner"):
        doc = get_stage(name)(doc)
    people = [e for e in doc.entities if e.type == "PERSON"]
    assert len(people) == 300
    assert {e.text for e in people} == {"Олег Сидоров"}


def test_normal_form_of_place_keeps_spacing():
    doc = Doc(id="t", text="в Нижнем Новгороде")
    doc = get_stage("segment")(doc)
    tokens = doc.sentences[0].tokens[1:]
    assert normal_form("LOCATION", tokens, doc.text) == "Нижний Новгород"
