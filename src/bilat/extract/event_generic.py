"""Generic, habitual and modal mentions of an event (:mod:`event_triggers` reads these rules): a
kind of occurrence ("встречи в верхах представляют интерес"), a habit ("регулярно встречаются"),
a modal or planned one ("встреча может не состояться", "визит, который запланирован на
сентябрь"), a negated participle ("подписано не было").
"""

from __future__ import annotations

from ..doc import Sentence, Token
from .clauses import (
    FUTURE,
    INFINITIVE,
    PAST,
    QUOTE_CLOSE,
    Clause,
    clauses,
    finite_forms,
    lemmas,
    low,
    open_quote,
    verb_form,
    verbal_parse,
)
from .event_lexicon import EventLexicon
from .models import parse

ADJECTIVE_POS = frozenset({"ADJF", "PRTF"})
PREPOSITION_POS = frozenset({"PREP"})
NOUN_POS = frozenset({"NOUN", "NPRO"})
NEGATIONS = frozenset({"не"})
GERUND = "GRND"
AUXILIARY = "быть"


def is_pos(tok: Token, pos: frozenset[str]) -> bool:
    ps = parse(low(tok))
    return bool(ps) and ps[0].tag.POS in pos


def clause_verbs(tokens: list[Token]) -> list[tuple[int, str]]:
    """Finite forms, less capitalised words inside the clause: a name ("Южных Курил") that
    pymorphy3 also reads as a verb ("курил")."""
    return [(k, f) for k, f in finite_forms(tokens) if k == 0 or not tokens[k].text[:1].isupper()]


def modal_clause(
    lex: EventLexicon, clause: Clause, trigger: Token, *, infinitive: bool, after: bool
) -> bool:
    """The clause's predicate is a modal or planning word ("может", "должны", "запланирована"),
    not a modifier ("на должном уровне"); after the trigger only when the trigger can be its
    subject ("встреча может не состояться", not "результаты переговоров могут") or ``after``
    says so (a frame: "в ходе визита главы могут договориться"). With ``infinitive``, an
    infinitive also counts."""
    subject = after or _can_be_subject(trigger)
    for tok in clause.tokens:
        if infinitive and verb_form(tok) == INFINITIVE:
            return True
        if not lemmas(tok) & lex.modal_predicates or is_pos(tok, ADJECTIVE_POS):
            continue
        if tok.start < trigger.start or subject:
            return True
    return False


def _can_be_subject(tok: Token) -> bool:
    return any(p.tag.POS == "NOUN" and p.tag.case == "nomn" for p in parse(low(tok)))


def plural_count_noun(lex: EventLexicon, tokens: list[Token], i: int, clause: Clause) -> bool:
    """``tokens[i]``, one of the count nouns, stands in the plural: every parse is plural
    ("встреч", "визитов"), or an ambiguous form ("встречи") is agreed with a plural word
    before it ("частые встречи") or with a plural verb after it in its clause."""
    if not lemmas(tokens[i]) & lex.count_nouns:
        return False
    nouns = [p for p in parse(low(tokens[i])) if p.tag.POS == "NOUN"]
    numbers = {p.tag.number for p in nouns}
    if numbers == {"plur"}:
        return True
    if "plur" not in numbers:
        return False
    if i > 0 and is_pos(tokens[i - 1], ADJECTIVE_POS):
        return parse(low(tokens[i - 1]))[0].tag.number == "plur"
    if i > 0 and is_pos(tokens[i - 1], PREPOSITION_POS):
        return False  # "после встречи": the genitive singular
    if i > 0 and is_pos(tokens[i - 1], NOUN_POS) and not _in_phrase(tokens, i - 1):
        return False  # "итогом встречи": a noun governs the genitive singular
    return _plural_verb_after(clause, tokens[i])


def _in_phrase(tokens: list[Token], k: int) -> bool:
    """``tokens[k]`` is the object of a preposition ("для японской стороны")."""
    j = k - 1
    while j >= 0 and is_pos(tokens[j], ADJECTIVE_POS):
        j -= 1
    return j >= 0 and is_pos(tokens[j], PREPOSITION_POS)


def _plural_verb_after(clause: Clause, tok: Token) -> bool:
    """The first verb after ``tok`` in its clause is plural and no other word between them
    can be its plural subject ("встречи в верхах представляют", not "встречи эксперты называют")."""
    words = clause.tokens
    for k, _ in clause_verbs(words):
        part = verbal_parse(words[k])
        if words[k].start <= tok.start or part is None:
            continue
        between = [t for t in words[:k] if t.start > tok.start]
        if any(_plural_subject(t) for t in between):
            return False
        return part.tag.number == "plur"
    return False


def _plural_subject(tok: Token) -> bool:
    found = parse(low(tok))
    return (
        bool(found)
        and found[0].tag.POS in NOUN_POS
        and any(
            p.tag.POS in NOUN_POS and p.tag.case == "nomn" and p.tag.number == "plur" for p in found
        )
    )


def generic_present(lex: EventLexicon, tokens: list[Token], i: int, clause: Clause) -> bool:
    """A present-tense clause that speaks of a kind of occurrence, not of one held now:
    "встречи в верхах представляют интерес", "переговоры с ним приводят к уступкам"."""
    clause_lemmas = set().union(*(lemmas(t) for t in clause.tokens))
    if clause_lemmas & (lex.held_verbs | lex.ongoing_verbs):
        return False  # "переговоры проходят в Минске", "визит начинается сегодня"
    if plural_count_noun(lex, tokens, i, clause):
        return True
    tok = tokens[i]
    return (
        bool(lemmas(tok) & lex.topic_process_nouns)
        and _can_be_subject(tok)
        and _plural_verb_after(clause, tok)
    )


def negated_after(tokens: list[Token], i: int) -> bool:
    """A participle followed by a negated auxiliary: "подписано не было"."""
    after = tokens[i + 1 : i + 3]
    return (
        len(after) == 2
        and low(after[0]) in NEGATIONS
        and any(p.normal_form == AUXILIARY for p in parse(low(after[1])))
    )


RELATIVE_PRONOUNS = frozenset({"который"})
RELATIVE_REACH = 2  # clauses after a noun searched for its relative clause
RELATIVE_HEAD = 4  # words of the relative clause in which a plan word counts


def status_scope(lex: EventLexicon, tokens: list[Token], i: int, framed: bool) -> list[Token]:
    """The words whose verbs tell whether a noun trigger in a verbless clause took place: the
    quotation it stands in ("«Что касается встречи с Путиным, её не будет», — подчеркнула"),
    else the sentence less its verbs of saying ("Он отметил, что встреча — сильный ход"), unless
    the trigger frames the saying ("сообщил в ходе визита": said during the visit)."""
    opened = open_quote(tokens, i)
    if opened is not None:
        end = next((k for k in range(i, len(tokens)) if tokens[k].text == QUOTE_CLOSE), len(tokens))
        return tokens[opened + 1 : end]
    if framed:
        return tokens
    return [t for t in tokens if not lemmas(t) & lex.speech_verbs]


def plural_only(lex: EventLexicon, tok: Token) -> bool:
    """A count noun every reading of which is plural ("визитах", "встреч")."""
    nouns = [p for p in parse(low(tok)) if p.tag.POS == "NOUN"]
    return bool(lemmas(tok) & lex.count_nouns) and bool(nouns) and all(
        p.tag.number == "plur" for p in nouns
    )


def relative_clause(sent: Sentence, tok: Token) -> Clause | None:
    """The relative clause that tells of a noun ("визит ..., который запланирован на
    сентябрь", "встречи с Трампом, которая состоялась в Нью-Йорке"): the first clause opening
    with "который" among the next ones."""
    after = [p for p in clauses(sent) if p.start > tok.start]
    return next(
        (p for p in after[:RELATIVE_REACH] if lemmas(p.tokens[0]) & RELATIVE_PRONOUNS), None
    )


def relative_plan(lex: EventLexicon, sent: Sentence, tok: Token) -> bool:
    """ "визит ..., который запланирован на сентябрь": a relative clause after the noun plans it."""
    part = relative_clause(sent, tok)
    if part is None:
        return False
    words = part.tokens
    if any(lemmas(t) & lex.blockers for t in words[:RELATIVE_HEAD]):
        return True
    forms = {f for _, f in finite_forms(words)}
    return bool(forms) and forms <= {FUTURE}


def gerund_head_past(words: list[Token], clause: Clause, trigger: Token) -> bool:
    """ "Порошенко, комментируя встречу с Трампом, сообщил ...": a gerund governs the noun
    trigger in a clause with no finite verb, and the verb it hangs on, the sentence's first
    finite verb outside the clause (a verb of saying included), is past."""
    if not any(
        t.start < trigger.start and (p := verbal_parse(t)) is not None and p.tag.POS == GERUND
        for t in clause.tokens
    ):
        return False
    inside = {id(t) for t in clause.tokens}
    heads = [f for k, f in finite_forms(words) if id(words[k]) not in inside]
    return bool(heads) and heads[0] == PAST
