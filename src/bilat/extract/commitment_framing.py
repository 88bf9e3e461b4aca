"""Readings of a commitment cue framed by someone else's words: an indirect question ("как США
намерены сдерживать угрозу", "какие меры он планирует принять") asks what a party will do and
commits it to nothing; a noun cue that is the object of a reaction ("назвал пощёчиной
намерение Вашингтона", "выразили удовлетворение намерением следователей") reports what one side
thinks of another's plan, not the plan as announced.

The lexicon is ``data/commitment_cues.json`` (``question_words``, ``governed_question_words``,
``reaction_verbs``), read with the narrative readings' (:func:`.commitment_narrative.narrative_lexicon`).
"""

from __future__ import annotations

from ..doc import Token
from .clauses import lemmas, low
from .commitment_narrative import narrative_lexicon
from .models import parse

CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–", "(", ")", "«", "»", '"', "."})
QUESTION_PARTICLE = "ли"
NOUN = "NOUN"
VERB_POS = frozenset({"VERB", "INFN", "GRND"})
GOVERNING_POS = frozenset({"VERB", "INFN", "PRED", "ADJS", "GRND"})


def _clause_start(words: list[Token], cue: int) -> int:
    k = cue
    while k > 0 and words[k - 1].text not in CLAUSE_MARKS:
        k -= 1
    return k


def indirect_question(words: list[Token], cue: int) -> bool:
    """The cue's clause opens with a question word ("какие меры", "зачем"), or with "как",
    "когда", "где" right after a verb or predicative word that governs it ("обсуждают, как",
    "неясно, когда"), or has "ли" after its first word."""
    start = _clause_start(words, cue)
    if start >= cue:
        return False
    opener, nar = words[start], narrative_lexicon()
    if lemmas(opener) & nar.question_words:
        return True
    if low(opener) in nar.governed_question_words and start >= 2 and _governs(words[start - 2]):
        return True
    return start + 1 < cue and low(words[start + 1]) == QUESTION_PARTICLE


def _governs(tok: Token) -> bool:
    """A verb, or a predicative word ("неясно", "неизвестно"), that may take a question."""
    found = parse(low(tok))
    return bool(found) and found[0].tag.POS in GOVERNING_POS


def reaction_object(words: list[Token], cue: int) -> bool:
    """A noun cue whose nearest verb before it in its clause is a reaction ("назвал пощёчиной
    намерение"; not "назвали чрезмерным и направили предложение")."""
    found = parse(low(words[cue]))
    if not found or found[0].tag.POS != NOUN:
        return False
    for k in range(cue - 1, _clause_start(words, cue) - 1, -1):
        verb = parse(low(words[k]))
        if verb and verb[0].tag.POS in VERB_POS:  # the nearest verb governs the noun
            return bool(lemmas(words[k]) & narrative_lexicon().reaction_verbs)
    return False
