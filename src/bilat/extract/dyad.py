"""Stage ``dyad``: the country pair(s) an article is about, from its country mentions.

Each country scores its mentions, weighted by how the country is named (a compound adjective
"казахстанско-сербский" says most, a city least) and where (the first sentences count
double). Pairs score by co-occurring in one sentence and by compounds. The dyad is the best
pair; a further country joins only when it is about as prominent as the pair's weaker member
and keeps company with the pair in several sentences.

A story about one country alone (no second country with real weight) has no dyad: ``[]``,
since the record lists the countries whose *relations* the article is about.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from ..doc import CountryMention, Doc
from ..pipeline import stage

KIND_WEIGHT = {
    "compound": 2.0,
    "name": 1.0,
    "abbreviation": 1.0,
    "organisation": 1.0,
    "adjective": 0.7,
    "capital": 0.7,
    "city": 0.4,
}
LEAD_SENTENCES = 2  # mentions in the first sentences (the lead) weigh...
LEAD_FACTOR = 2.0  # ...this many times as much
COMPOUND_PAIR_BONUS = 3.0  # one "казахстанско-сербский" is worth this much pair evidence
# the second country of a dyad needs this share of the first one's score and this much weight
SECOND_SHARE = 0.2
SECOND_MIN_SCORE = 2.0
# a third country joins when it has this share of the weaker dyad member's score...
EXTRA_SHARE = 0.6
# ...and shares at least this many sentences with a dyad member
EXTRA_MIN_SENTENCES = 2
# codes that never form a dyad (former states are history, not relations)
NOT_PARTIES = frozenset({"SU"})


def _sentence_index(doc: Doc, mention: CountryMention) -> int:
    for i, sent in enumerate(doc.sentences):
        if sent.start <= mention.start < sent.end:
            return i
    return len(doc.sentences)


def country_scores(doc: Doc) -> tuple[Counter, Counter, Counter]:
    """(score per country, pair evidence, sentences shared per pair)."""
    scores: Counter = Counter()
    pair_score: Counter = Counter()
    pair_sentences: Counter = Counter()
    by_sentence: dict[int, dict[str, float]] = {}
    compounds: dict[tuple[int, int], set[str]] = {}
    for m in doc.country_mentions:
        if m.code in NOT_PARTIES:
            continue
        si = _sentence_index(doc, m)
        weight = KIND_WEIGHT.get(m.kind, 1.0) * (LEAD_FACTOR if si < LEAD_SENTENCES else 1.0)
        scores[m.code] += weight
        sent = by_sentence.setdefault(si, {})
        sent[m.code] = max(sent.get(m.code, 0.0), weight)
        if m.kind == "compound":
            word = _word_span(doc.text, m.start)
            compounds.setdefault(word, set()).add(m.code)
    for sent in by_sentence.values():
        for a, b in combinations(sorted(sent), 2):
            pair_score[(a, b)] += min(sent[a], sent[b])
            pair_sentences[(a, b)] += 1
    for codes in compounds.values():
        for pair in combinations(sorted(codes), 2):
            pair_score[pair] += COMPOUND_PAIR_BONUS
    return scores, pair_score, pair_sentences


def _word_span(text: str, offset: int) -> tuple[int, int]:
    start = offset
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
        start -= 1
    end = offset
    while end < len(text) and (text[end].isalpha() or text[end] == "-"):
        end += 1
    return start, end


def choose_dyad(scores: Counter, pair_score: Counter, pair_sentences: Counter) -> list[str]:
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
    for code, score in scores.most_common():
        if code in dyad or score < EXTRA_SHARE * weaker:
            continue
        shared = max(pair_sentences[tuple(sorted((code, member)))] for member in best)
        if shared >= EXTRA_MIN_SENTENCES:
            dyad.add(code)
    return sorted(dyad)


@stage("dyad", requires=("country_mentions",), provides=("countries",))
def dyad(doc: Doc) -> Doc:
    doc.countries = choose_dyad(*country_scores(doc))
    return doc
