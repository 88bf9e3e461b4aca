"""Agreements recalled by their date: a treaty, declaration or memorandum the text names with the
year or day it was concluded ("договор 1994 года", "декларация ... от 19 октября 1956 года",
"с 1951 года между США и Филиппинами действует договор"). It is a dated ``agreement`` event of
the article's pair when its sentence names two of the article's countries; a document named in
passing with no date ("в рамках соглашения о ...") is none.

The word lists live in ``data/event_triggers.json`` under ``recalled_documents``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..datafiles import read_json
from ..doc import Doc, Sentence, TimeExpr
from .clauses import clause_of, clauses, is_finite_or_participle, lemmas, negated
from .event_context import country_parties, normalise_date, time_preposition
from .event_triggers import AGREEMENT_TYPE, TriggerHit

YEAR_LEN = len("YYYY")
DAY_LEN = len("YYYY-MM-DD")
MIN_PARTIES = 2
SUCCESSORS = {"SU": "RU"}  # a treaty of the USSR binds Russia ("декларация СССР и Японии")


@dataclass(frozen=True, slots=True)
class RecalledLexicon:
    nouns: frozenset[str]  # documents that can be recalled by date
    dated_by: frozenset[str]  # prepositions joining a document to its date ("от")
    in_force_verbs: frozenset[str]  # "с 1951 года действует договор"
    in_force_prepositions: frozenset[str]  # "с"
    reach: int  # words after the noun searched for "от" + date
    kinds: dict[str, str]  # document lemma -> kind, for telling two agreements apart


@cache
def load_recalled() -> RecalledLexicon:
    whole = read_json("event_triggers.json")
    raw = whole["recalled_documents"]
    return RecalledLexicon(
        nouns=frozenset(raw["nouns"]),
        dated_by=frozenset(raw["dated_by"]),
        in_force_verbs=frozenset(raw["in_force_verbs"]),
        in_force_prepositions=frozenset(raw["in_force_prepositions"]),
        reach=int(raw["reach"]),
        kinds=dict(whole["document_kinds"]),
    )


def document_kinds(sent: Sentence, hit: TriggerHit) -> frozenset[str]:
    """The kind of document an agreement mention names: the trigger's own noun, else the
    document noun of its sentence nearest to it ("подписан контракт": contract;
    "меморандуму, подписанному": memorandum)."""
    kinds = load_recalled().kinds
    at = sent.tokens.index(hit.token) if hit.token in sent.tokens else 0
    named = [
        (abs(k - at), kinds[x])
        for k, t in enumerate(sent.tokens)
        for x in sorted(lemmas(t))
        if x in kinds
    ]
    return frozenset({min(named)[1]}) if named else frozenset()


def _exact(t: TimeExpr) -> str | None:
    """A year or a day (not a month, period or relative time): how treaties are dated."""
    if t.relative or t.kind != "date":
        return None
    value = normalise_date(t.value)
    if value and len(value) in {YEAR_LEN, DAY_LEN} and value.split("-")[0].isdigit():
        return value
    return None


def _date_of(doc: Doc, sent: Sentence, lex: RecalledLexicon, k: int, clause) -> str | None:
    """The date attached to the document noun at word ``k`` of ``sent``."""
    tokens = sent.tokens
    tok = tokens[k]
    times = [t for t in doc.times if t.start >= clause.start and t.end <= clause.end]
    for t in times:
        value = _exact(t)
        if value is None:
            continue
        if t.start > tok.end and not doc.text[tok.end : t.start].strip():
            return value  # "договор 1994 года"
        if t.start > tok.end and time_preposition(doc, t) in lex.dated_by:
            between = [x for x in tokens[k + 1 :] if x.end <= t.start]
            if len(between) <= lex.reach and not any(is_finite_or_participle(x) for x in between):
                return value  # "декларации ... от 19 октября 1956 года"
        if time_preposition(doc, t) in lex.in_force_prepositions and any(
            lemmas(x) & lex.in_force_verbs and not negated(clause.tokens, i)
            for i, x in enumerate(clause.tokens)
        ):
            return value  # "с 1951 года действует договор"
    return None


def _parties(doc: Doc, clause) -> set[str]:
    return {SUCCESSORS.get(c, c) for c in country_parties(doc, clause.start, clause.end)}


def recalled_documents(doc: Doc, sent: Sentence) -> list[TriggerHit]:
    """Documents of the article's pair recalled with their date in ``sent``."""
    lex = load_recalled()
    dyad = set(doc.countries)
    if len(dyad) < MIN_PARTIES:
        return []
    parts = clauses(sent)
    hits: list[TriggerHit] = []
    for k, tok in enumerate(sent.tokens):
        if not lemmas(tok) & lex.nouns:
            continue
        clause = clause_of(parts, tok.start)
        if clause is None or len(_parties(doc, clause) & dyad) < MIN_PARTIES:
            continue  # a treaty of the article's pair, named as such in its clause
        date = _date_of(doc, sent, lex, k, clause)
        if date is None:
            continue
        hits.append(
            TriggerHit(
                type=AGREEMENT_TYPE,
                token=tok,
                clause=clause,
                sentence=sent,
                weak=False,
                present=False,
                reminiscence=True,
                anaphoric=False,
                date=date,
            )
        )
    return hits
