"""Meeting and visit mentions that are no event of relations between two countries: a meeting
among officials of one country, one sentence listing separate meetings with several partners,
a visit at home, an occurrence whose predicate after a dash plans it, and a signature
under an act of one state.
"""

from __future__ import annotations

from ..doc import Doc
from .clauses import clauses, lemmas, low
from .event_context import CITY_KIND, country_parties, destinations
from .event_generic import clause_verbs, is_pos
from .event_lexicon import load_lexicon
from .event_triggers import AGREEMENT_TYPE, MEETING_TYPE, VISIT_TYPE, TriggerHit
from .models import parse

SEVERAL = 3  # countries: a list of partners, not one pair
IMPERFECTIVE = "impf"
NOUN_POS = frozenset({"NOUN"})
PREDICATE_POS = frozenset({"VERB", "INFN", "PRTS", "ADJS", "PRED"})  # "запланирована", "должна"
DASHES = frozenset("–—")  # "встреча – ... запланирована": the predicate after a dash


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
    if len(named) < load_lexicon().one_country_meeting_persons:
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


def home_visit(doc: Doc, hit: TriggerHit) -> bool:
    """ "Тереза Мэй в ходе визита в Бирмингем": a visit to a city (not to a state or its
    capital) whose every named visitor is of that city's country is a trip at home."""
    if hit.type != VISIT_TYPE:
        return False
    places = destinations(doc, hit.clause.start, hit.clause.end)
    cities = {
        m.code for m in doc.country_mentions
        if hit.clause.start <= m.start < hit.clause.end and m.kind == CITY_KIND
    }
    if len(places) != 1 or places != cities:
        return False  # a trip at home goes to a city; "визит в США" names a state
    sent = hit.sentence
    codes = {
        person.country
        for person in doc.persons
        if any(sent.start <= m.start and m.end <= sent.end for m in person.mentions)
    }
    return bool(codes) and codes == places


def planned_after_dash(hit: TriggerHit) -> bool:
    """ "основная встреча – с госсекретарем ... запланирована на среду": a verbless clause whose
    predicate follows a dash (past verbless insertions between dashes: "встреча – с министром
    – запланирована"), and that predicate (a verb or short form, not "визит — очередной шаг")
    plans the occurrence."""
    sent, clause, parts = hit.sentence, hit.clause, clauses(hit.sentence)
    if hit.verb or clause_verbs(clause.tokens):
        return False
    blockers = load_lexicon().blockers
    before = clause
    for after in parts[clause.index + 1 :]:
        if not DASHES & set(sent.text[before.end - sent.start : after.start - sent.start]):
            return False
        predicate = [t for t in after.tokens if is_pos(t, PREDICATE_POS)]
        if predicate:
            return any(lemmas(t) & blockers for t in predicate)
        before = after
    return False


def signs_domestic_act(hit: TriggerHit) -> bool:
    """ "подписал распоряжение о признании документов": an agreement verb whose object, the
    first noun after it in its clause, is an act of one state or a letter, not an agreement."""
    if hit.type != AGREEMENT_TYPE or not hit.verb:
        return False
    for tok in hit.clause.tokens:
        if tok.start > hit.token.start and is_pos(tok, NOUN_POS):
            return bool(lemmas(tok) & load_lexicon().domestic_acts)
    return False
