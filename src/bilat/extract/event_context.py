"""Where, when and who for an event or commitment: dates from ``doc.times``, the place
from city mentions, persons from ``doc.persons`` and countries from mentions and the dyad.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..doc import Doc, TimeExpr
from .clauses import low, outside_quotes
from .models import parse

CITY_KINDS = frozenset({"capital", "city"})
PLACE_ENTITY_TYPES = frozenset({"CITY", "LOC", "LOCATION"})
PLACE_PREPOSITIONS = frozenset({"в", "во"})
DESTINATION_PREPOSITIONS = PLACE_PREPOSITIONS | {"на"}  # "визит на Кубу", "побывал на Украине"
PERIOD_KINDS = frozenset({"period"})
CITY_KIND = "city"  # a city or its adjective, never a state's side
PLACE_ONLY_PREPOSITIONS = frozenset({"в", "во", "на", "из", "под"})  # "в Душанбе": a venue
TOPIC_PREPOSITIONS = frozenset({"о", "об", "обо", "по", "относительно"})  # "о Сирии"
ACTOR_ONLY = PLACE_ONLY_PREPOSITIONS | TOPIC_PREPOSITIONS
BETWEEN = frozenset({"между"})
BETWEEN_REACH = 3  # words after a trigger searched for "между" ("открыто паромное сообщение между")
DESTINATION_KINDS = frozenset({"name", "capital", "city", "compound"})  # "визит в Мьянму"


@dataclass(slots=True)
class DateChoice:
    value: str | None
    anchored: bool  # the text names a time, even if it cannot be resolved


VAGUE_LATER = re.compile(r"(?:через|спустя)\s", re.IGNORECASE)  # "через несколько дней после"
TERM_PREPOSITIONS = frozenset({"на", "до", "к", "по"})  # before the years a plan runs for
PREPOSITION_REACH = 4  # characters before a time expression searched for its preposition


def times_in(doc: Doc, start: int, end: int) -> list[TimeExpr]:
    return [
        t for t in doc.times if t.start >= start and t.end <= end and t.kind not in PERIOD_KINDS
    ]


def normalise_date(value: str | None) -> str | None:
    """A TimeExpr value as YYYY, YYYY-MM or YYYY-MM-DD; the end of an interval; halves and
    quarters as their year."""
    if not value:
        return None
    if "/" in value:
        first, last = value.split("/", 1)
        value = first if first[:7] == last[:7] else last
    head = value.split("-")
    if len(head) >= 2 and not head[1].isdigit():
        return head[0]
    return value


def time_preposition(doc: Doc, t: TimeExpr) -> str:
    """The preposition of a time expression, lower case: its own first word ("до 2030 года")
    or the short word right before it ("на 2026-2028 годы"); "" when neither is one."""
    words = t.text.split()
    if len(words) > 1 and len(words[0]) <= 2 and words[0].isalpha():
        return words[0].lower()
    head = doc.text[max(0, t.start - PREPOSITION_REACH) : t.start].split()
    return head[-1].lower() if head and len(head[-1]) <= 2 and head[-1].isalpha() else ""


def _term(doc: Doc, t: TimeExpr) -> bool:
    """ "дорожная карта на 2026-2028 годы", "программа до 2030 года": the years a document or
    plan runs for, not when the event took place."""
    value = normalise_date(t.value) or ""
    return len(value) == len("YYYY") and time_preposition(doc, t) in TERM_PREPOSITIONS


def pick_date(doc: Doc, start: int, end: int, anchor: int) -> DateChoice:
    """The time expression in [start, end) nearest to ``anchor``."""
    found = [t for t in times_in(doc, start, end) if not _term(doc, t)]
    if not found:
        return DateChoice(None, False)
    best = min(found, key=lambda t: min(abs(t.start - anchor), abs(t.end - anchor)))
    value = normalise_date(best.value)
    if value is None and VAGUE_LATER.match(best.text):
        # "через несколько дней после приведения к присяге": no date of its own, so the
        # occurrence is dated like an undated one (by the publication, when just reported)
        return DateChoice(None, False)
    return DateChoice(value, True)


def month_date(doc: Doc, month: int) -> str | None:
    """ "декабрьская встреча": that month of the publication year, or of the year before when
    the month is still to come (a reported occurrence lies in the past); None without a
    publication date."""
    if doc.published is None:
        return None
    year = doc.published.year - (month > doc.published.month)
    return f"{year:04d}-{month:02d}"


def _gazetteer_city(text: str) -> str | None:
    try:
        from .gazetteer import form_key, load_gazetteer

        entries = load_gazetteer().lookup(form_key(text))
    except Exception:  # the gazetteer belongs to another stage; a place is optional
        return None
    for entry in entries:
        if entry.kind in CITY_KINDS:
            return entry.canonical
    return None


def _geox_nominative(word: str) -> str | None:
    for p in parse(word.lower()):
        if "Geox" in p.tag:
            nom = p.inflect({"nomn"})
            text = nom.word if nom else p.normal_form
            return "-".join(part.capitalize() for part in text.split("-"))
    return None


def place_in(doc: Doc, start: int, end: int) -> str | None:
    """The city named after "в"/"во" in [start, end), in the nominative."""
    sent = doc.sentence_at(start)
    if sent is None:
        return None
    toks = [t for t in sent.tokens if t.start >= start and t.end <= end]
    city_mentions = [m for m in doc.country_mentions if m.kind in CITY_KINDS]
    countries = [m for m in doc.country_mentions if m.kind not in CITY_KINDS]
    for prev, tok in zip(toks, toks[1:], strict=False):
        if low(prev) not in PLACE_PREPOSITIONS or not tok.text[:1].isupper():
            continue
        for m in city_mentions:
            if m.start <= tok.start < m.end:
                return _gazetteer_city(m.text) or _geox_nominative(tok.text) or tok.text
        if any(m.start <= tok.start < m.end for m in countries):
            continue
        for ent in doc.entities:
            if ent.type in PLACE_ENTITY_TYPES and ent.start <= tok.start < ent.end and ent.normal:
                return ent.normal
        geo = _geox_nominative(tok.text)
        if geo:
            return geo
    return None


def persons_in(doc: Doc, start: int, end: int) -> list[str]:
    """Names of persons mentioned in [start, end), in order of first mention."""
    found: list[tuple[int, str]] = []
    for person in doc.persons:
        offsets = [m.start for m in person.mentions if m.start >= start and m.end <= end]
        if offsets:
            found.append((min(offsets), person.name))
    return [name for _, name in sorted(found)]


def mentioned_codes(doc: Doc, start: int, end: int) -> list[str]:
    codes: list[str] = []
    for m in sorted(doc.country_mentions, key=lambda m: m.start):
        if m.start >= start and m.end <= end and m.code not in codes:
            codes.append(m.code)
    return codes


def countries_for(doc: Doc, start: int, end: int) -> list[str]:
    """The dyad when the article has one; with several, the one the span names; without
    any, the countries the span names."""
    named = mentioned_codes(doc, start, end)
    dyad = sorted(set(doc.countries))
    if len(dyad) <= 2 and dyad:
        return dyad
    if dyad:
        inside = sorted(set(named) & set(dyad))
        return inside if len(inside) >= 2 else dyad
    return sorted(set(named))


def event_countries(
    doc: Doc, start: int, end: int, *, all_parties: bool = False, trigger: int | None = None
) -> list[str]:
    """The countries of an event reported in [start, end). With a dyad of two, the dyad; with
    more, every member for a session of a body of states (``all_parties``), else the parties
    "между" names right after the ``trigger`` ("переговоры между Пхеньяном и Сеулом"), else
    the members the span names as actors when they are two or more, with the countries of
    the persons it names if need be ("на встрече с Парубием американский спецпредставитель":
    Ukraine and the US, not Russia too; "о прекращении огня в Сирии" names a topic and a
    place, no party), else the members it names at all, else the whole dyad."""
    dyad = set(doc.countries)
    if not all_parties and trigger is not None:
        between = _between_parties(doc, trigger, end)
        if len(between) >= 2 and (len(dyad) <= 2 or len(between & dyad) >= 2):
            return sorted(between if len(dyad) <= 2 else between & dyad)
    if len(dyad) <= 2 or all_parties:
        return sorted(dyad) if dyad else countries_for(doc, start, end)
    # reported speech around the trigger speaks of its own parties
    parts = outside_quotes(doc.text, start, end, trigger) if trigger is not None else [(start, end)]
    persons: set[str] = set()
    actors: set[str] = set()
    mentioned: set[str] = set()
    for lo, hi in parts:
        persons |= person_codes(doc, lo, hi) & dyad
        actors |= country_parties(doc, lo, hi, ACTOR_ONLY) & dyad
        mentioned |= set(mentioned_codes(doc, lo, hi)) & dyad
    for named in (actors, mentioned):
        if len(named) < 2:
            named |= persons
        if len(named) >= 2:
            return sorted(named)
    return sorted(dyad)


def person_codes(doc: Doc, start: int, end: int) -> set[str]:
    """The countries of the persons [start, end) names."""
    return {
        person.country
        for person in doc.persons
        if person.country and any(m.start >= start and m.end <= end for m in person.mentions)
    }


def _between_parties(doc: Doc, trigger: int, end: int) -> set[str]:
    """The countries named after "между" right after a trigger, up to the next comma:
    "переговоры между Пхеньяном и Сеулом"."""
    words = list(re.finditer(r"\S+", doc.text[trigger:end]))[1 : BETWEEN_REACH + 1]
    at = next((trigger + w.start() for w in words if w.group().lower() in BETWEEN), None)
    if at is None:
        return set()
    stop = doc.text.find(",", at, end)
    stop = end if stop < 0 else stop
    return {m.code for m in doc.country_mentions if m.start >= at and m.end <= stop}


def _preceding_word(doc: Doc, offset: int) -> str:
    head = doc.text[max(0, offset - 8) : offset].split()
    return head[-1].lower() if head else ""


def about_third_country(doc: Doc, start: int, end: int) -> bool:
    """[start, end) names a country outside the article's dyad as a party (not as a venue:
    "в Душанбе") while naming at most one of the dyad: "переговоры с Норвегией" in an
    article about Russia and China is not a Russia-China event."""
    dyad = set(doc.countries)
    if not dyad:
        return False
    inside = [m for m in doc.country_mentions if m.start >= start and m.end <= end]
    if len({m.code for m in inside} & dyad) >= 2:
        return False
    return any(
        m.code not in dyad
        and m.kind != CITY_KIND  # "Будапештского меморандума", "в Женеве": no party
        and _preceding_word(doc, m.start) not in PLACE_ONLY_PREPOSITIONS
        for m in inside
    )


def country_parties(
    doc: Doc, start: int, end: int, exclude: frozenset[str] = PLACE_ONLY_PREPOSITIONS
) -> set[str]:
    """Countries that [start, end) names as parties: country, capital, adjective and
    organisation mentions that are not a venue ("в Турции"), nor, with ``exclude`` set to
    ``ACTOR_ONLY``, a topic ("о Сирии")."""
    return {
        m.code
        for m in doc.country_mentions
        if m.start >= start and m.end <= end and _preceding_word(doc, m.start) not in exclude
    }


def parties_named(doc: Doc, start: int, end: int) -> set[str]:
    """Countries that [start, end) brings in as parties: country, capital, adjective and
    organisation mentions that are not a venue ("в Турции"), and the countries of the persons
    it names."""
    codes = country_parties(doc, start, end)
    for person in doc.persons:
        if person.country and any(m.start >= start and m.end <= end for m in person.mentions):
            codes.add(person.country)
    return codes


def destinations(doc: Doc, start: int, end: int) -> set[str]:
    """Countries named after "в"/"во"/"на" in [start, end): where a visit went."""
    return {
        m.code
        for m in doc.country_mentions
        if m.start >= start
        and m.end <= end
        and m.kind in DESTINATION_KINDS
        and _preceding_word(doc, m.start) in DESTINATION_PREPOSITIONS
    }
