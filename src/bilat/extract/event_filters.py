"""Meeting mentions that are no event of relations between two countries: a meeting among
officials of one country, and one sentence listing separate meetings with several partners.
"""

from __future__ import annotations

from functools import cache

from ..datafiles import read_json
from ..doc import Doc
from .clauses import lemmas, low
from .event_context import country_parties
from .event_lexicon import load_lexicon
from .event_triggers import MEETING_TYPE, TriggerHit
from .models import parse

SEVERAL = 3  # countries: a list of partners, not one pair
IMPERFECTIVE = "impf"


@cache
def _one_country_persons() -> int:
    return int(read_json("event_triggers.json")["one_country_meeting_persons"])


def one_country_meeting(doc: Doc, hit: TriggerHit) -> bool:
    """The sentence names two or more persons, all of one country, and no other country as a
    party, nor a word implying a foreign partner ("коллега", "посол"): "Трамп провёл встречу с
    Майком Пенсом" is a domestic meeting."""
    if hit.type != MEETING_TYPE:
        return False
    sent = hit.sentence
    if any(lemmas(t) & load_lexicon().two_party_markers for t in sent.tokens):
        return False  # "со своим коллегой": a foreign partner, whatever the persons' countries
    named = [
        person
        for person in doc.persons
        if any(sent.start <= m.start and m.end <= sent.end for m in person.mentions)
    ]
    if len(named) < _one_country_persons():
        return False
    codes = {person.country for person in named}
    if len(codes) != 1 or None in codes:
        return False
    return country_parties(doc, sent.start, sent.end) <= codes


def several_meetings(hit: TriggerHit, countries: list[str]) -> bool:
    """ "на встречах с премьер-министром Японии и президентом Турции", "встречался с лидерами
    Германии, Японии и Турции": a plural or imperfective mention listing partners of several
    countries tells of separate meetings, not one meeting of them all."""
    if hit.type != MEETING_TYPE or hit.all_parties or len(countries) < SEVERAL:
        return False
    found = parse(low(hit.token))
    if not found:
        return False
    tag = found[0].tag
    if hit.verb:
        return tag.aspect == IMPERFECTIVE
    return tag.number == "plur" and bool(lemmas(hit.token) & load_lexicon().count_nouns)
