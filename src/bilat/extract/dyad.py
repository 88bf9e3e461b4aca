"""Stage ``dyad``: the country pair(s) an article is about, from its country mentions.

Each country scores its mentions, weighted by how the country is named (a compound adjective
"казахстанско-сербский" says most, a city least) and where (the first sentences count
double). Pairs score by co-occurring in one sentence and by compounds. The dyad is the best
pair; a further country joins only when it is about as prominent as the pair's weaker member
and keeps company with the pair in several sentences.

The title counts as a lead sentence of its own, twice over. A capital in the nominative or
after "с" ("Москва и Анкара договорились") speaks for its state; after "в"/"на" it is a venue
and weighs as a city. A named official (president, minister, ambassador) of a country
supports that country per mention, and as a country mention of the title when the title
names them ("о чём говорили Назарбаев и Трамп"). When the title or lead announces several
partners ("товарооборот России со странами Азии"), a hub country has several dyads: a
partner that keeps company with the hub in sentences of its own, apart from the first
partner, joins.

When the title or lead names a bloc of states ("саммит БРИКС", "газовый ОПЕК"), the article is
multilateral: a further country joins on less weight (a member named apart from the pair in
several sentences: Algeria and Qatar at a session of the gas exporters' forum).

In such an article a member the title or lead names beside both countries of the pair joins
("саммит глав Бразилии, России, Индии, Китая и Южной Африки").

A story about one country alone (no second country with real weight) has no dyad: ``[]``,
since the record lists the countries whose *relations* the article is about.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from ..doc import CountryMention, Doc
from ..pipeline import stage
from .countries import text_mentions
from .event_lexicon import load_lexicon
from .event_triggers import find_hits
from .models import lemma_forms

KIND_WEIGHT = {
    "compound": 2.0,
    "name": 1.0,
    "abbreviation": 1.0,
    "organisation": 1.0,
    "adjective": 0.7,
    "capital": 0.7,
    "city": 0.4,
    "seat": 0.7,
}
TITLE_FACTOR = 2.0  # a title mention weighs as much as one in the lead
TITLE_SENTENCE = -1  # the title's index among the sentences
# a capital right after a place preposition is the venue, not the state: weighs as a city
VENUE_PREPOSITION = re.compile(r"(?:^|[\s(«\"])(?:в|во|на|из)\s+$", re.IGNORECASE)
VENUE_WEIGHT = 0.4
# officials whose country they act for: the first word of the person's role
OFFICIAL_ROLES = frozenset({
    "президент", "вице-президент", "премьер-министр", "премьер", "министр", "канцлер",
    "король", "королева", "принц", "эмир", "султан", "лидер", "глава", "посол", "госсекретарь",
    "генсек", "наследный",
})
PERSON_MENTION_WEIGHT = 0.5  # per mention of an official...
PERSON_MAX_MENTIONS = 4  # ...counting at most this many
MIN_SURNAME = 3  # shorter last names are not looked for in the title
# when the title or lead announces several partners ("со странами Азии", "с государствами
# региона"), each further partner of the hub (the stronger dyad member) joins: one that shares
# sentences with the hub and at most this many with the first partner
PLURAL_PARTNERS = re.compile(r"(?<!\w)(?:стран|государств|партн[её]р)(?:ами|ах)(?!\w)", re.IGNORECASE)
SPOKE_MIN_SENTENCES = 1
SPOKE_MAX_WITH_PARTNER = 1
SPOKE_MIN_SCORE = 1.0
LEAD_SENTENCES = 2  # mentions in the first sentences (the lead) weigh...
LEAD_FACTOR = 2.0  # ...this many times as much
COMPOUND_PAIR_BONUS = 3.0  # one "казахстанско-сербский" is worth this much pair evidence
# the second country of a dyad needs this share of the first one's score and this much weight
SECOND_SHARE = 0.2
SECOND_MIN_SCORE = 2.0
# a third country joins when it has this share of the weaker dyad member's score...
EXTRA_SHARE = 0.55
# ...and shares at least this many sentences with a dyad member
EXTRA_MIN_SENTENCES = 2
# ...or this share in a multilateral article (its title or lead names a bloc of states)
BLOC_EXTRA_SHARE = 0.4
WORD = re.compile(r"[\w+]+")
SIDELINES = re.compile(r"на\s+полях(?:\s+\w+){0,2}\s+$", re.IGNORECASE)  # "на полях саммита ШОС"
# a country whose official visits or meets one of the dyad's joins with this much weight
CONTACT_TYPES = frozenset({"visit", "meeting"})
CONTACT_MIN_SCORE = 3.0
# codes that never form a dyad (former states are history, not relations)
NOT_PARTIES = frozenset({"SU"})


def _sentence_index(doc: Doc, mention: CountryMention) -> int:
    for i, sent in enumerate(doc.sentences):
        if sent.start <= mention.start < sent.end:
            return i
    return len(doc.sentences)


def _weight(doc: Doc, mention: CountryMention, text: str) -> float:
    if mention.kind == "capital" and VENUE_PREPOSITION.search(text[max(0, mention.start - 6) : mention.start]):
        return VENUE_WEIGHT
    return KIND_WEIGHT.get(mention.kind, 1.0)


def _named_in(text: str, last_name: str) -> bool:
    """``last_name`` in any case form ("Трампа" for "Трамп"): its stem starts a word of ``text``."""
    if len(last_name) < MIN_SURNAME:
        return False
    stem = last_name[: max(MIN_SURNAME, len(last_name) - 2)]
    return re.search(rf"(?<!\w){re.escape(stem)}", text) is not None


def _is_official(role: str | None) -> bool:
    return bool(role) and role.split()[0].lower() in OFFICIAL_ROLES


def country_scores(doc: Doc) -> tuple[Counter, Counter, Counter, Counter]:
    """(score per country, pair evidence, sentences shared per pair, title and lead sentences
    shared per pair)."""
    scores: Counter = Counter()
    pair_score: Counter = Counter()
    pair_sentences: Counter = Counter()
    lead_pairs: Counter = Counter()
    lead_parties: dict[int, set[str]] = {}
    by_sentence: dict[int, dict[str, float]] = {}
    compounds: dict[tuple[int, int, int], set[str]] = {}
    located = [(m, _sentence_index(doc, m), doc.text) for m in doc.country_mentions]
    title = doc.title or ""
    located += [(m, TITLE_SENTENCE, title) for m in text_mentions(title)] if title else []
    for m, si, text in located:
        if m.code in NOT_PARTIES:
            continue
        factor = TITLE_FACTOR if si == TITLE_SENTENCE else LEAD_FACTOR if si < LEAD_SENTENCES else 1.0
        weight = _weight(doc, m, text) * factor
        scores[m.code] += weight
        sent = by_sentence.setdefault(si, {})
        sent[m.code] = max(sent.get(m.code, 0.0), weight)
        if si < LEAD_SENTENCES and not VENUE_PREPOSITION.search(text[max(0, m.start - 6) : m.start]):
            lead_parties.setdefault(si, set()).add(m.code)  # "в Перу" is a venue, no party
        if m.kind == "compound":
            word = _word_span(text, m.start)
            compounds.setdefault((si, *word), set()).add(m.code)
    for person in doc.persons:
        if person.country and person.country not in NOT_PARTIES and _is_official(person.role):
            scores[person.country] += PERSON_MENTION_WEIGHT * min(len(person.mentions), PERSON_MAX_MENTIONS)
            if _named_in(title, person.last):
                scores[person.country] += TITLE_FACTOR
                sent = by_sentence.setdefault(TITLE_SENTENCE, {})
                sent[person.country] = max(sent.get(person.country, 0.0), TITLE_FACTOR)
    for sent in by_sentence.values():
        for a, b in combinations(sorted(sent), 2):
            pair_score[(a, b)] += min(sent[a], sent[b])
            pair_sentences[(a, b)] += 1
    for codes in lead_parties.values():
        for pair in combinations(sorted(codes), 2):
            lead_pairs[pair] += 1
    for codes in compounds.values():
        for pair in combinations(sorted(codes), 2):
            pair_score[pair] += COMPOUND_PAIR_BONUS
    return scores, pair_score, pair_sentences, lead_pairs


def _word_span(text: str, offset: int) -> tuple[int, int]:
    start = offset
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
        start -= 1
    end = offset
    while end < len(text) and (text[end].isalpha() or text[end] == "-"):
        end += 1
    return start, end


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _spokes(best: tuple[str, str], scores: Counter, pair_sentences: Counter) -> set[str]:
    """Further partners of the hub (the stronger dyad member), each in sentences of its own."""
    hub, partner = sorted(best, key=lambda c: -scores[c])
    return {
        code
        for code in scores
        if code not in best
        and scores[code] >= SPOKE_MIN_SCORE
        and pair_sentences[_pair(hub, code)] >= SPOKE_MIN_SENTENCES
        and pair_sentences[_pair(partner, code)] <= SPOKE_MAX_WITH_PARTNER
        and pair_sentences[_pair(hub, code)] > pair_sentences[_pair(partner, code)]
    }


def choose_dyad(
    scores: Counter,
    pair_score: Counter,
    pair_sentences: Counter,
    lead_pairs: Counter | None = None,
    plural: bool = False,
    bloc: bool = False,
) -> list[str]:
    if len(scores) < 2:
        return []
    top = scores.most_common(1)[0][1]

    def qualifies(code: str) -> bool:
        return scores[code] >= max(SECOND_MIN_SCORE, SECOND_SHARE * top)

    qualified = sorted(code for code in scores if qualifies(code))
    pairs = set(combinations(qualified, 2))
    pairs |= {pair for pair, score in pair_score.items() if score >= COMPOUND_PAIR_BONUS}
    if not pairs:
        return []
    candidates = [(pair_score[p] + scores[p[0]] + scores[p[1]], p) for p in pairs]
    _, best = max(candidates)
    dyad = set(best)
    weaker = min(scores[c] for c in best)
    share = BLOC_EXTRA_SHARE if bloc else EXTRA_SHARE
    for code, score in scores.most_common():
        if code in dyad or score < share * weaker:
            continue
        shared = max(pair_sentences[_pair(code, member)] for member in best)
        if shared >= EXTRA_MIN_SENTENCES:
            dyad.add(code)
    if bloc and lead_pairs:
        # a member the title or lead names beside both of the pair ("саммит глав Бразилии,
        # России, Индии, Китая")
        dyad |= {
            code
            for code, score in scores.items()
            if score >= SECOND_MIN_SCORE and all(lead_pairs[_pair(code, m)] for m in best if m != code)
        }
    if plural:
        dyad |= _spokes(best, scores, pair_sentences)
    return sorted(dyad)


def names_bloc(text: str) -> bool:
    """``text`` names a bloc of states ("БРИКС", "ОПЕК", "ШОС"): a word of the event lexicon's
    ``multilateral_body`` group, not as the venue of something else ("на полях форума АТЭС")."""
    bodies = load_lexicon().multilateral_bodies
    return any(
        lemma_forms(m.group(), "") & bodies and not SIDELINES.search(text[: m.start()])
        for m in WORD.finditer(text)
    )


def contact_partners(doc: Doc, dyad: list[str], scores: Counter) -> set[str]:
    """Further countries whose officials the text reports visiting or meeting an official of
    the dyad ("Дутерте посетил Москву и встретился с Путиным" in an article on the Philippines
    and the US): a party to the relations the article reports, once it has some weight."""
    if not dyad:
        return set()
    found: set[str] = set()
    officials = [
        p for p in doc.persons
        if p.country and p.country not in NOT_PARTIES and _is_official(p.role)
    ]
    for sent in doc.sentences:
        sides = {
            p.country for p in officials if any(sent.start <= m.start < sent.end for m in p.mentions)
        }
        if len(sides) != 2 or len(sides & set(dyad)) != 1:
            continue  # cheap test first: the trigger rules run only where they can matter
        if any(h.type in CONTACT_TYPES and not h.weak for h in find_hits(sent)):
            found |= sides - set(dyad)
    return {code for code in found if scores[code] >= CONTACT_MIN_SCORE}


@stage("dyad", requires=("country_mentions",), provides=("countries",))
def dyad(doc: Doc) -> Doc:
    lead = " ".join([doc.title or "", *(s.text for s in doc.sentences[:LEAD_SENTENCES])])
    scored = country_scores(doc)
    chosen = choose_dyad(*scored, plural=bool(PLURAL_PARTNERS.search(lead)), bloc=names_bloc(lead))
    doc.countries = sorted(set(chosen) | contact_partners(doc, chosen, scored[0]))
    return doc
