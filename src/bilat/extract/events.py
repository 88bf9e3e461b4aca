"""Stage ``events``: things that happened (visits, talks, commission sessions, business
forums, agreements signed, awards, launches), one per distinct occurrence, coded in CAMEO
and PLOVER.

Triggers come from ``data/event_triggers.json`` (see :mod:`.event_triggers`); repeated
mentions of one occurrence are merged when their type matches and their date, place and
persons do not contradict each other.
"""

from __future__ import annotations

import re

from ..doc import Doc, Event
from ..pipeline import stage
from .clauses import (
    FUTURE,
    INFINITIVE,
    clause_of,
    clauses,
    finite_forms,
    lemmas,
    line_span,
    low,
    outside_quotes,
)
from .dyad import LEAD_SENTENCES, names_bloc
from .event_context import (
    ACTOR_ONLY,
    DateChoice,
    about_third_country,
    country_parties,
    destinations,
    event_countries,
    mentioned_codes,
    month_date,
    parties_named,
    person_codes,
    persons_in,
    pick_date,
    place_in,
)
from .event_filters import (
    home_visit,
    one_country_meeting,
    planned_after_dash,
    several_meetings,
    signs_domestic_act,
)
from .event_generic import relative_clause
from .event_lexicon import EventLexicon, load_lexicon
from .event_merge import Occurrence, merge
from .event_recalled import document_kinds, recalled_documents
from .event_triggers import AGREEMENT_TYPE, VISIT_TYPE, WITH_PREPOSITIONS, TriggerHit, find_hits
from .models import parse

NEGOTIATION_LEMMA = "переговоры"
NEGOTIATION_CAMEO = "046"
MIN_PARTIES = 2  # an event of relations is between two countries at least
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ"})
ADJECTIVE_POS = frozenset({"ADJF", "PRTF"})
MONTH_REACH = 3  # words before a trigger searched for a month adjective
ACRONYM = re.compile(r"(?<![А-ЯЁA-Zа-яёa-z])[А-ЯЁ]{3,6}(?![А-ЯЁа-яё])")  # "ПМЭФ", "ВЭФ"


def _occurrence(
    doc: Doc,
    hit: TriggerHit,
    bloc: bool = False,
) -> Occurrence:
    clause, sent = hit.clause, hit.sentence
    choice = pick_date(doc, clause.start, clause.end, hit.token.start)
    if hit.date:
        choice = DateChoice(hit.date, True)  # "договор 1994 года"
    month = _month_named(hit)
    if not choice.anchored and month:
        choice = DateChoice(month_date(doc, month), True)  # "декабрьская встреча"
    if not choice.anchored:
        whole = pick_date(doc, sent.start, sent.end, hit.token.start)
        times = _sentence_times(doc, sent.start, sent.end)
        if whole.anchored and len(times) == 1 and not _planned_clause(sent, times[0].start):
            choice = whole
    place = place_in(doc, clause.start, clause.end)
    if place is None and not hit.verb and (told := relative_clause(sent, hit.token)) is not None:
        place = place_in(doc, told.start, told.end)  # "встречи, которая прошла в Нью-Йорке"
    lo, hi = line_span(doc.text, sent.start, sent.end, hit.token.start)
    occ = Occurrence(
        type=hit.type,
        date=choice.value,
        anchored=choice.anchored,
        place=place,
        persons=persons_in(doc, sent.start, sent.end),
        evidence=doc.span(lo, hi),
        first=hit,
        present=hit.present,
        reminiscence=hit.reminiscence,
        countries=event_countries(
            doc,
            sent.start,
            sent.end,
            all_parties=_all_parties(doc, hit, bloc),
            trigger=hit.token.start,
        ),
    )
    if hit.type == AGREEMENT_TYPE:
        occ.documents = document_kinds(sent, hit)
    if not occ.anchored and (year := _forum_year(doc, sent)):
        occ.date, occ.anchored = year, True  # "в первый день ПМЭФ" of "ПМЭФ-2017"
    if not (occ.anchored or occ.reminiscence or hit.anaphoric) and doc.published is not None:
        # a just-reported, undated occurrence took place by the publication date
        occ.date, occ.fallback = doc.published.isoformat(), True
    return occ


def multilateral_article(doc: Doc) -> bool:
    """The title or lead names a bloc of states ("саммит БРИКС", "газовый ОПЕК")."""
    lead = [doc.title or "", *(s.text for s in doc.sentences[:LEAD_SENTENCES])]
    return names_bloc(" ".join(lead))


def _all_parties(doc: Doc, hit: TriggerHit, bloc: bool) -> bool:
    """The occurrence involves every country of the dyad: a session of a body of states
    ("заседание форума", "саммит БРИКС"), or an occurrence of a multilateral article (``bloc``)
    whose sentence names a bloc."""
    return hit.all_parties or (bloc and names_bloc(hit.sentence.text))


def _forum_year(doc: Doc, sent) -> str | None:
    """The year of a named forum or summit the sentence names by its acronym ("на полях ПМЭФ"),
    read where the document writes it with its year ("ПМЭФ-2017", "ВЭФ 2018")."""
    whole = f"{doc.title or ''}\n{doc.text}"
    for acronym in dict.fromkeys(ACRONYM.findall(sent.text)):
        years = set(re.findall(rf"(?<!\w){re.escape(acronym)}[-–\s]?((?:19|20)\d\d)(?!\d)", whole))
        if len(years) == 1:
            return years.pop()
    return None


def _month_named(hit: TriggerHit) -> int | None:
    """The month of a month adjective among the adjectives right before a noun trigger
    ("апрельского визита", "декабрьской двусторонней встречи")."""
    if hit.verb:
        return None
    months = load_lexicon().month_adjectives
    before = [t for t in hit.sentence.tokens if t.end <= hit.token.start][-MONTH_REACH:]
    for tok in reversed(before):
        found = parse(low(tok))
        if not found or found[0].tag.POS not in ADJECTIVE_POS:
            return None
        for lemma in lemmas(tok):
            if lemma in months:
                return months[lemma]
    return None


def _planned_clause(sent, offset: int) -> bool:
    """The clause holding ``offset`` plans something ("подписать планируется до конца года"):
    its date is not the date of an occurrence reported elsewhere in the sentence."""
    part = clause_of(clauses(sent), offset)
    if part is None:
        return False
    if any(lemmas(t) & load_lexicon().blockers for t in part.tokens):
        return True
    forms = {f for _, f in finite_forms(part.tokens)}
    return bool(forms) and forms <= {FUTURE, INFINITIVE}


def _sentence_times(doc: Doc, start: int, end: int) -> list:
    return [t for t in doc.times if t.start >= start and t.end <= end]


def _codes(occ: Occurrence) -> tuple[str, str]:
    entry = load_lexicon().codes.get(occ.type, {})
    cameos = entry.get("cameo", [""])
    cameo = cameos[0]
    if occ.type == "meeting" and occ.first.token.lemma == NEGOTIATION_LEMMA:
        cameo = NEGOTIATION_CAMEO
    return cameo, entry.get("plover", "")


def sports_sentences(lex: EventLexicon, doc: Doc) -> list[bool]:
    """For each sentence, whether it speaks of sport ("матч", "чемпионат"): all False unless
    the document uses enough distinct sports words for its sport to matter."""
    seen: set[str] = set()
    marks = []
    for sent in doc.sentences:
        found = frozenset().union(*(lemmas(t) & lex.sports_lemmas for t in sent.tokens))
        seen |= found
        marks.append(bool(found))
    if not lex.sports_min_distinct or len(seen) < lex.sports_min_distinct:
        return [False] * len(marks)
    return marks


def is_sports_report(lex: EventLexicon, marks: list[bool]) -> bool:
    """A game report: sport in a large share of its sentences, or in its lead and in a fair
    share (an interview of a president who also speaks of football is no game report)."""
    if not any(marks):
        return False
    share = sum(marks) / len(marks)
    lead = any(marks[: lex.sports_lead_sentences])
    return share >= lex.sports_report_share or (lead and share >= lex.sports_lead_share)


def _two_parties(lex: EventLexicon, doc: Doc, hit: TriggerHit) -> bool:
    """The sentence does not pin the mention on one country alone: it names two, or none (it
    goes on about the article's pair), or one and a word implying a foreign partner, or, for a
    visit, a destination in the article's pair."""
    sent = hit.sentence
    found = parties_named(doc, sent.start, sent.end)
    if not found:  # a frame ("в ходе визита") refers to an occurrence of the article's pair
        return hit.framed or _state_actors(lex, doc, sent)
    if len(found) != 1:
        return True
    if any(_word_lemmas(t) & lex.two_party_markers for t in sent.tokens):
        return True
    if hit.type == VISIT_TYPE:
        return bool(destinations(doc, hit.clause.start, hit.clause.end) & set(doc.countries))
    return _partner_only(doc, hit, found)


def _partner_only(doc: Doc, hit: TriggerHit, found: set[str]) -> bool:
    """ "Глава государства встретился с Председателем КНР": the one country named is the
    partner's, after "с" following the trigger; the unnamed host is the article's other side."""
    if len(set(doc.countries) - found) != 1 or not found <= set(doc.countries):
        return False
    sent = hit.sentence
    with_at = _with_after(hit)
    if with_at is None:
        return False
    if parties_named(doc, sent.start, with_at):
        return False
    # "Туск после встречи с Трампом": the host is a person of no country in the pair
    return not any(
        person.country not in doc.countries
        and any(sent.start <= m.start and m.end <= with_at for m in person.mentions)
        for person in doc.persons
    )


def _with_after(hit: TriggerHit) -> int | None:
    """The offset of the first "с"/"со" after the trigger, where its partner is named."""
    return next(
        (t.start for t in hit.sentence.tokens
         if t.start > hit.token.start and low(t) in WITH_PREPOSITIONS),
        None,
    )  # fmt: skip


def _state_actors(lex: EventLexicon, doc: Doc, sent) -> bool:
    """A sentence naming no country stands for the article's pair when it names a person, a
    place or an actor of state ("главы правительств", "стороны"), not private people."""
    if persons_in(doc, sent.start, sent.end) or mentioned_codes(doc, sent.start, sent.end):
        return True
    actors = lex.official_lemmas | lex.two_party_markers
    return any(_word_lemmas(t) & actors for t in sent.tokens)


def _word_lemmas(tok) -> frozenset[str]:
    """The lemmas of a content word; none for a function word whose rarer reading is a noun
    ("после": also "посол")."""
    found = parse(low(tok))
    if found and found[0].tag.POS in FUNCTION_POS:
        return frozenset()
    return lemmas(tok)


def _third_country(doc: Doc, sent, hit: TriggerHit) -> bool:
    """The mention is between one of the parties and a third country: judged on the trigger's
    line when that line names a country as a party (a heading glued onto the sentence, "В обход России",
    is no party to "в греческом городе заложили строительство"), else on the sentence."""
    lo, hi = line_span(doc.text, sent.start, sent.end, hit.token.start)
    if country_parties(doc, lo, hi):
        return about_third_country(doc, lo, hi) or _third_party_persons(doc, lo, hi)
    return about_third_country(doc, sent.start, sent.end) or _third_party_persons(
        doc, sent.start, sent.end
    )


def _third_party_persons(doc: Doc, start: int, end: int) -> bool:
    """[start, end) names a person of a country outside the dyad, and its persons and country
    names (a venue too: "визит в КНДР") bring in at most one of the dyad: "Тиллерсон на
    переговорах в Анкаре с Эрдоганом" is no Russia-US event."""
    dyad = set(doc.countries)
    if len(dyad) < MIN_PARTIES:
        return False
    if not person_codes(doc, start, end) - dyad:
        return False
    named = parties_named(doc, start, end) | set(mentioned_codes(doc, start, end))
    return len(named & dyad) <= 1


def _own_parties(doc: Doc, hit: TriggerHit) -> list[str] | None:
    """The two parties of an occurrence outside the article's dyad, named on the trigger's
    line as actors or by their officials, and for a visit its destination: "Тиллерсон провёл
    переговоры с саудовским коллегой" in an article about Russia and the US is a Saudi-US
    meeting. None unless exactly two are found (more leave the pairing unknown)."""
    sent = hit.sentence
    lo, hi = line_span(doc.text, sent.start, sent.end, hit.token.start)
    with_at = _with_after(hit)
    if with_at is not None and not parties_named(doc, lo, with_at):
        comma = doc.text.find(",", with_at, hi)
        if len(parties_named(doc, with_at, hi if comma < 0 else comma)) >= 2:
            return None  # "провёл встречу с представителями Венесуэлы и Казахстана": co-partners
    codes: set[str] = set()
    for start, end in outside_quotes(doc.text, lo, hi, hit.token.start):
        # "«... для КНДР ...», — сказал Трамп на пресс-конференции с главой Южной Кореи"
        codes |= country_parties(doc, start, end, ACTOR_ONLY) | person_codes(doc, start, end)
    if hit.type == VISIT_TYPE:
        codes |= destinations(doc, hit.clause.start, hit.clause.end)
    return sorted(codes) if len(codes) == MIN_PARTIES else None


def _visit_elsewhere(doc: Doc, hit: TriggerHit) -> bool:
    """ "визит в Мьянму" in an article about Russia and India: a visit to a third country."""
    if hit.type != VISIT_TYPE or not doc.countries:
        return False
    places = destinations(doc, hit.clause.start, hit.clause.end)
    return bool(places) and not places & set(doc.countries)


def find_events(doc: Doc) -> list[Event]:
    lex = load_lexicon()
    sport = sports_sentences(lex, doc)
    if is_sports_report(lex, sport):
        return []  # games and players' contracts, not relations between countries
    strong: list[Occurrence] = []
    weak: list[Occurrence] = []
    framed: list[Occurrence] = []  # "в ходе визита": the visit reported elsewhere, if anywhere
    bloc = multilateral_article(doc)
    for sent, of_sport in zip(doc.sentences, sport, strict=True):
        if of_sport:
            continue  # its "встреча" is a game, its "контракт" a player's
        for hit in find_hits(sent) + recalled_documents(doc, sent):
            own = None  # the parties of an occurrence outside the article's dyad
            if (hit.date is None and _third_country(doc, sent, hit)) or _visit_elsewhere(doc, hit):
                own = _own_parties(doc, hit)
                if own is None:
                    continue  # a third country, and no second party to pair it with
            if one_country_meeting(doc, hit) or home_visit(doc, hit) or planned_after_dash(hit):
                continue
            if signs_domestic_act(hit):
                continue
            if hit.all_parties and (hit.present or not bloc):
                # a bloc's session is an event of a multilateral article, once held ("саммит
                # стартует в пятницу" announces it)
                continue
            # a bloc's session has many parties by nature
            two_party = hit.all_parties or _two_parties(lex, doc, hit)
            if hit.type in lex.two_party_types and not two_party:
                hit.weak = True  # no second party named: only enriches an occurrence
            occ = _occurrence(doc, hit, bloc)
            if own is not None:
                occ.countries = own
            if hit.framed and not hit.weak:
                occ.place = None  # the clause's place is where the framed action happened
                framed.append(occ)
            else:
                (weak if hit.weak else strong).append(occ)
    events = []
    # strong mentions first, then framed ones join them or stand alone; weak ones only enrich
    merged = merge(merge(strong, []) + framed, weak)
    for occ in sorted(merged, key=lambda o: o.first.token.start):
        if len(occ.countries) < MIN_PARTIES or several_meetings(occ.first, occ.countries):
            continue  # not between countries, or several meetings: not one relations event
        cameo, plover = _codes(occ)
        events.append(
            Event(
                type=occ.type,
                date=occ.date,
                countries=occ.countries,
                place=occ.place,
                persons=occ.persons,
                evidence=occ.evidence,
                cameo=cameo,
                plover=plover,
            )
        )
    return events


@stage(
    "events",
    requires=("sentences", "country_mentions", "times", "persons", "countries"),
    provides=("events",),
)
def events(doc: Doc) -> Doc:
    doc.events = find_events(doc)
    return doc
