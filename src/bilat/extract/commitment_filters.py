"""Readings of a commitment cue that commit to nothing: one country's own affair, a threat,
a forecast, an analyst's or speaker's opinion ("по мнению эксперта, ...", "думаю, что ..."),
vague readiness ("готовы развивать", "готовы к диалогу"), an attempt to agree
("попытка договориться").

The lexicon is ``data/commitment_cues.json``; ``commitments`` calls these per cue region.
"""

from __future__ import annotations

from ..doc import Token
from .clauses import lemmas, low, verbal_parse
from .commitment_lexicon import CommitmentLexicon, load_cues
from .models import parse

DOMESTIC_REACH = 6  # words either side of the cue in which a domestic-affairs noun counts
METHOD_REACH = 4  # words after the cue in which "о том, как" makes it an agreement on method
READINESS_REACH = 3  # words after "готов" in which its infinitive or "к" + noun is looked for
READINESS_AIM_REACH = 10  # words after an imperfective infinitive where an undertaking counts
OPINION_THAT_REACH = 3  # words after an opinion word in which its "что" is looked for
ANALYST_OBJECT_REACH = 3  # words after the cue where an analyst noun is the action's party
TRAILING_ATTRIBUTION = 8  # at most this many words after a closing "— считает эксперт"
CLAUSE_MARKS = frozenset({",", "—", "–", "-", "«", "»"})
PAST_COPULA = frozenset({"был", "была", "было", "были"})


def off_topic(lex: CommitmentLexicon, words: list[Token], first: int, end: int, cue: int) -> bool:
    """Domestic politics, sport or shows ("пройдут президентские выборы"), a condition or a
    threat ("..., если ..."), or an agreement on method ("договорились о том, как ...")."""
    near = words[max(first, cue - DOMESTIC_REACH) : min(end, cue + DOMESTIC_REACH + 1)]
    if any(lemmas(t) & lex.domestic_nouns for t in near):
        return True
    span = [low(t) for t in words[first:end]]
    if any(tuple(span[: len(p)]) == p for p in lex.dependent_openers):
        return True  # "если ..., то она берёт на себя обязательства": a condition's consequence
    if any(lemmas(t) & lex.conditional_markers for t in words[first:end]):
        return True  # "примет ответные меры, если ...": a condition or a threat
    if any(
        tuple(span[k : k + len(p)]) == p for p in lex.condition_phrases for k in range(len(span))
    ):
        return True  # "прибудет ..., при условии, что ..."
    after = [low(t) for t in words[cue + 1 : cue + 1 + METHOD_REACH + 1] if t.text != ","]
    return "том" in after[:2] and bool(set(after) & lex.method_markers)


def forecast(lex: CommitmentLexicon, words: list[Token], end: int, cue: int) -> bool:
    """ "Предполагается, что стоимость составит ...": a "что" clause after the cue whose verb
    is a generic one (amount to, grow, become) forecasts a figure or a state, not an action."""
    after = words[cue + 1 : end]
    k = next((n for n, t in enumerate(after[:2]) if low(t) == "что"), None)
    if k is None:
        return False
    for tok in after[k + 1 :]:
        p = verbal_parse(tok)
        if p is not None and p.tag.POS in {"VERB", "PRTS", "INFN"} and p.normal_form != "быть":
            return bool(lemmas(tok) & lex.generic_verbs)
    return False


def fragment_or_threat(span: list[Token], cue: int) -> bool:
    """ "Лидеры договорились" (no action named) or "готовы нанести удар" (a threat)."""
    lex = load_cues()
    if sum(any(c.isalpha() for c in t.text) for t in span) < lex.min_evidence_words:
        return True
    return hostile(lex, span[cue:])


def hostile(lex: CommitmentLexicon, words: list[Token]) -> bool:
    """ "готовы нанести удар": a threat or a warning, not a commitment."""
    return any(lemmas(t) & lex.hostile_lemmas for t in words)


def _parses(tok: Token):
    return parse(low(tok))


def _nominative(tok: Token) -> bool:
    ps = _parses(tok)
    return bool(ps) and any(p.tag.case == "nomn" for p in ps[:2])


def vague_readiness(lex: CommitmentLexicon, words: list[Token], cue: int) -> bool:
    """ "готовы развивать", "готова играть роль", "готовы к диалогу", "был готов": readiness in
    general (an imperfective infinitive naming no undertaking) or for anything ("к" + a noun
    that names no concrete undertaking) commits to nothing. "Готов подписать",
    "готовы к проведению форума" still do."""
    if not lemmas(words[cue]) & lex.readiness_lemmas:
        return False
    projects = lex.split_heads | lex.prospect_nouns
    after = [t for t in words[cue + 1 :] if t.text not in CLAUSE_MARKS]
    for n, tok in enumerate(after[: READINESS_REACH + 1]):
        p = verbal_parse(tok)
        if p is not None and p.tag.POS == "INFN":
            # "продолжать усилия по созданию агентства": an undertaking named keeps it concrete
            aim = after[n + 1 : n + 1 + READINESS_AIM_REACH]
            return p.tag.aspect == "impf" and not any(
                lemmas(a) & projects and _genitive(b) for a, b in zip(aim, aim[1:], strict=False)
            )
        if low(tok) in {"к", "ко"}:
            heads = [t for t in after[n + 1 : n + 1 + READINESS_REACH] if _is_noun(t)]
            return not any(lemmas(t) & projects for t in heads)
    return False


def past_state(lex: CommitmentLexicon, words: list[Token], cue: int) -> bool:
    """ "должна была состояться", "были близки к заключению", "был готов": over, not ahead."""
    if not lemmas(words[cue]) & lex.past_state_lemmas:
        return False
    return any(low(t) in PAST_COPULA for t in words[max(0, cue - 1) : cue + 2])


def _genitive(tok: Token) -> bool:
    ps = _parses(tok)
    return bool(ps) and ps[0].tag.case in {"gent", "gen2"}


def _is_noun(tok: Token) -> bool:
    ps = _parses(tok)
    return bool(ps) and ps[0].tag.POS in {"NOUN", "NPRO"}


def opinion(lex: CommitmentLexicon, words: list[Token], cue: int) -> bool:
    """The cue's clause is someone's opinion or hope, not a commitment: "по мнению эксперта,
    ...", "думаю, что ...", "выразил надежду, что ...", "расчет делается на то, что ...", or a
    closing "..., — полагают эксперты". A relative clause ("..., которая должна состояться")
    states a fact of its own: an opinion before its pronoun does not reach it."""
    start = 0
    for k in range(cue - 1, -1, -1):
        if lemmas(words[k]) & lex.relative_pronouns:
            start = k + 1
            break
    for k in range(start, cue):
        if lemmas(words[k]) & lex.opinion_markers and _frames(words, k, cue):
            return True
    if _analyst_speaker(lex, words, cue):
        return True
    return _trailing_opinion(lex, words, cue)


def _frames(words: list[Token], k: int, cue: int) -> bool:
    """An opinion word frames the cue: "по мнению ...", or "... , что" after it."""
    if k > 0 and low(words[k - 1]) == "по":
        return True
    return any(low(t) == "что" for t in words[k + 1 : min(cue, k + 1 + OPINION_THAT_REACH + 2)])


def _analyst_speaker(lex: CommitmentLexicon, words: list[Token], cue: int) -> bool:
    """An analyst, commentator or expert voices the sentence ("..., — говорит эксперт",
    "По словам политолога, ..."); one named just after the cue is the action's party
    ("Предполагается, что эксперты проведут ...")."""
    for k, tok in enumerate(words):
        if cue < k <= cue + ANALYST_OBJECT_REACH or not lemmas(tok) & lex.analyst_nouns:
            continue
        ps = _parses(tok)
        if (ps and ps[0].tag.case == "nomn") or any(low(t) == "по" for t in words[k - 2 : k]):
            return True  # the speaker, or "по словам эксперта"; not "пригласить экспертов"
        if k > cue + 1 and _head_of_phrase(words[k - 1]):
            return True  # "— отметил заведующий кафедрой политологии"
    return False


def _head_of_phrase(tok: Token) -> bool:
    """A nominative participle heading an analyst's title ("заведующий кафедрой")."""
    ps = _parses(tok)
    return bool(ps) and ps[0].tag.POS == "PRTF" and ps[0].tag.case == "nomn"


def _trailing_opinion(lex: CommitmentLexicon, words: list[Token], cue: int) -> bool:
    """ "Стороны подпишут договор, считает он": an opinion verb in a closing attribution."""
    for k in range(len(words) - 1, cue, -1):
        if len(words) - k > TRAILING_ATTRIBUTION:
            return False
        if lemmas(words[k]) & lex.opinion_verbs and any(
            t.text in CLAUSE_MARKS for t in words[max(cue, k - 2) : k]
        ):
            return True
    return False


def failed_or_attempted(lex: CommitmentLexicon, words: list[Token], cue: int) -> bool:
    """ "Попытка договориться", "необходимо договориться": an agreement verb in the infinitive
    names one still to be reached, unless it succeeded ("удалось договориться")."""
    p = verbal_parse(words[cue])
    if p is None or p.tag.POS != "INFN" or not lemmas(words[cue]) & lex.agreement_verbs:
        return False
    return not any(lemmas(t) & lex.success_verbs for t in words[max(0, cue - 3) : cue])


def solo(lex: CommitmentLexicon, words: list[Token], first: int, end: int) -> bool:
    """ "Мы создадим ТОР самостоятельно", "будет сама решать": done alone, not with the partner."""
    return any(lemmas(t) & lex.solo_markers for t in words[first:end])


def one_sided(
    lex: CommitmentLexicon, kind: str, words: list[Token], named: set[str], subject
) -> bool:
    """ "Пекин намерен достроить станцию": an intent or plan whose sentence names only one of
    the article's countries (``named``), as its subject, and nothing relational is that
    country's own affair. A country named as a place or an owner ("построит в Египте",
    "правительство Казахстана") leaves the other side open. ``subject(k)`` tells whether
    word ``k`` is a country not governed by a preposition."""
    if kind not in lex.one_sided_kinds or len(named) != 1:
        return False
    if any(lemmas(t) & lex.two_sided_markers for t in words):
        return False
    return any(subject(k) and _nominative(words[k]) for k in range(len(words)))
