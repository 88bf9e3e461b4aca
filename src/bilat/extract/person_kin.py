"""Relatives named after a kinship noun ("Сергея Скрипаля и его дочери Юлии"): the first name
takes the relative's surname, in the noun's gender, and the person the relative's country when
nothing else gives one. Kinship nouns are ``data/kinship_ru.txt``.
"""

from __future__ import annotations

from functools import cache

from ..datafiles import read_rows
from ..doc import Person, Sentence
from .coref import Cluster, NameMention
from .models import parse
from .person_names import RUSSIAN_SURNAME, is_first_name, normalize_name

KINSHIP_FILE = "kinship_ru.txt"
KINSHIP_REACH = 2  # tokens before a name searched for a kinship noun


@cache
def kinship_lemmas() -> frozenset[str]:
    return frozenset(row[0].strip() for row in read_rows(KINSHIP_FILE))


def after_kinship(sent: Sentence, first: int) -> bool:
    """The name follows a kinship noun ("супругой", "дочь"), a possessive between allowed."""
    before = [t for t in sent.tokens[max(0, first - KINSHIP_REACH) : first] if t.text[:1].isalpha()]
    kin = kinship_lemmas()
    return any(p.normal_form in kin for t in before[-1:] for p in parse(t.text)[:2])


def relative_of(
    mentions: list[NameMention], sent: Sentence, first: int, words: list[str]
) -> NameMention | None:
    """The person named in full earlier in the sentence whose relative a lone first name after
    a kinship noun is ("его дочери Юлии"), when that person's surname does not change with
    gender (a Russian "-ов", "-ский" one would)."""
    if len(words) != 1 or not is_first_name(words[0]) or not after_kinship(sent, first):
        return None
    before = [m for m in mentions if sent.start <= m.start < sent.tokens[first].start]
    full = [m for m in before if m.name.first and m.name.last]
    if not full or RUSSIAN_SURNAME.search(full[-1].name.last):
        return None
    return full[-1]


def kin_first_name(sent: Sentence, first: int, word: str) -> str:
    """The nominative of a first name in the gender of the kinship noun before it ("дочь
    Юлию" -> "Юлия", not "Юлий")."""
    kin = next(t for t in reversed(sent.tokens[:first]) if t.text[:1].isalpha())
    kin_genders = {p.tag.gender for p in parse(kin.text) if p.normal_form in kinship_lemmas()}
    for p in parse(word):
        if "Name" in p.tag and p.tag.gender in kin_genders:
            return p.normal_form.title()
    return normalize_name([word]).last


def inherit_relatives(persons: list[Person], clusters: list[Cluster]) -> None:
    """A relative with no country of their own takes that of the family member named with them
    (same surname, named in full with a country)."""
    for person, cluster in zip(persons, clusters, strict=True):
        if person.country or not any(m.relative for m in cluster.mentions):
            continue
        kin = [p for p in persons if p is not person and p.last == person.last and p.country]
        if len({p.country for p in kin}) == 1:
            person.country = kin[0].country
