"""Event triggers: the rules that decide whether a trigger word of the lexicon
(:mod:`event_lexicon`) reports something that happened (an event) or not (plan, hope, negation).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..doc import Sentence, Token
from .clauses import (
    FUTURE,
    IMPERATIVE,
    INFINITIVE,
    PAST,
    PRESENT,
    Clause,
    clause_of,
    clauses,
    conditional,
    effective_form,
    finite_forms,
    is_finite_or_participle,
    lemmas,
    low,
    negated,
    verbal_parse,
)
from .event_generic import (
    ADJECTIVE_POS,
    clause_verbs,
    generic_present,
    gerund_head_past,
    is_pos,
    modal_clause,
    negated_after,
    plural_count_noun,
    plural_only,
    relative_plan,
    status_scope,
)
from .event_lexicon import EventLexicon, Trigger, load_lexicon
from .models import parse

PARTICIPLE_REACH = 20  # words back to the noun a full participle modifies
MODIFIER_WINDOW = 3  # tokens before a noun trigger read as its modifiers
NON_FACTUAL_FORMS = frozenset({FUTURE, INFINITIVE, IMPERATIVE})
TOPIC_PREPOSITION = "по"
ROLE_PREPOSITION = "на"
VISIT_TYPE = "visit"
MEETING_TYPE = "meeting"
AGREEMENT_TYPE = "agreement"
WITH_PREPOSITIONS = frozenset({"с", "со"})
QUOTE_CLOSERS = ("»", '"', "“", "”")
VISIT_OBJECT_REACH = 4  # words after a visit verb searched for what was visited
PRIOR_PREPOSITIONS = frozenset({"после"})  # "после подписания": the occurrence came first
ABOUT = frozenset({"о", "об", "обо"})  # "сообщения о визитах": visits as a subject
OUTCOME_FRAMES = frozenset({"итог"})  # "по итогам встречи": a frame that reports the occurrence


@dataclass(slots=True)
class TriggerHit:
    """One trigger in a sentence judged to report a real occurrence."""

    type: str
    token: Token
    clause: Clause
    sentence: Sentence
    weak: bool
    present: bool  # reported as happening now / today
    reminiscence: bool  # recalled from the past: no publication-date fallback
    anaphoric: bool  # "данный визит": refers back to an occurrence named before
    framed: bool = False  # "в ходе визита": named as the frame of something else
    verb: bool = False  # the trigger is a verb ("посетил"), not a noun ("визит")
    all_parties: bool = False  # a session of a body of states: every country of the dyad
    date: str | None = None  # the date the text attaches to the trigger ("договор 1994 года")


def _agrees(noun: Token, participle) -> bool:
    """``noun`` has a parse in the participle's case and number (its head noun)."""
    tag = participle.tag
    return any(
        p.tag.POS == "NOUN" and p.tag.case == tag.case and p.tag.number == tag.number
        for p in parse(low(noun))
    )


def _participle_head(trigger: Trigger, tokens: list[Token], i: int) -> bool:
    """A full participle ("подписанного") modifies a needed noun further back."""
    part = verbal_parse(tokens[i])
    if part is None or part.tag.POS != "PRTF":
        return False
    for tok in reversed(tokens[max(0, i - PARTICIPLE_REACH) : i]):
        if lemmas(tok) & trigger.needs and _agrees(tok, part):
            return True
    return False


def _needs_met(
    trigger: Trigger,
    tokens: list[Token],
    i: int,
    clause_end: int | None = None,
    clause_start: int | None = None,
) -> bool:
    if not trigger.needs:
        return True
    if not trigger.needs_case and _participle_head(trigger, tokens, i):
        return True  # a case-bound need is the verb's object, never a participle's head
    if not trigger.needs_case and clause_start is not None and _passive_subject(
        trigger, tokens, i, clause_start
    ):
        return True
    lo = i - trigger.window if trigger.side in {"before", "both"} else i + 1
    hi = i + trigger.window + 1 if trigger.side in {"after", "both"} else i
    if trigger.needs_case and clause_end is not None:
        hi = min(hi, clause_end)  # the verb's object stands in the verb's clause
    return any(
        lemmas(t) & trigger.needs and _has_case(t, trigger.needs_case)
        for t in tokens[max(0, lo) : hi]
    )


def _passive_subject(trigger: Trigger, tokens: list[Token], i: int, clause_start: int) -> bool:
    """A short passive participle ("подписано") whose subject, a needed noun in the nominative
    agreeing in number, opens its clause however far back: "Соглашение между Украиной и
    Россией о переработке ... сроком на 20 лет подписано в 1993 году"."""
    part = verbal_parse(tokens[i])
    if part is None or part.tag.POS != "PRTS":
        return False
    for tok in tokens[clause_start:i]:
        if not lemmas(tok) & trigger.needs:
            continue
        return any(
            p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.tag.number == part.tag.number
            for p in parse(low(tok))
        )
    return False


def _has_case(tok: Token, case: str) -> bool:
    """``tok`` stands in ``case`` and cannot be a subject (any case when none is asked for):
    "принял министра", not "решение, которое принял посол"."""
    if not case:
        return True
    cases = {p.tag.case for p in parse(low(tok))}
    return case in cases and "nomn" not in cases


def _blocked(lex: EventLexicon, tokens: list[Token], i: int) -> bool:
    """A plan/modal word governs the trigger: met scanning left before any other finite verb."""
    for tok in reversed(tokens[:i]):
        if lemmas(tok) & lex.blockers:
            return True
        if is_finite_or_participle(tok):
            return False
    return False


def _names_a_topic(lex: EventLexicon, tokens: list[Token], i: int) -> bool:
    """ "департамент по торговым переговорам": the trigger names a body's remit, not an
    occurrence; "представитель ДНР на минских переговорах" names a role."""
    k = i - 1
    while k >= 0 and is_pos(tokens[k], ADJECTIVE_POS):
        k -= 1
    if k >= 0 and lemmas(tokens[k]) & lex.topic_verbs:
        return True  # "что касается встречи с Путиным"
    if k >= 0 and low(tokens[k]) in ABOUT and plural_only(lex, tokens[i]):
        return True  # "сообщения о неофициальных визитах": visits as a subject, none in particular
    if k >= 1 and low(tokens[k]) == TOPIC_PREPOSITION:
        return bool(lemmas(tokens[k - 1]) & lex.topic_heads)
    if k < 1 or low(tokens[k]) != ROLE_PREPOSITION:
        return False
    for tok in reversed(tokens[max(0, k - lex.role_reach) : k]):
        if lemmas(tok) & lex.role_heads:
            return True
        if verbal_parse(tok) is not None:
            return False
    return False


def _attends(lex: EventLexicon, tokens: list[Token], i: int, clause: Clause) -> bool:
    """ "посетили бизнес-форум", "выставку посетили": attending an event, not a visit to a
    country (an object before the verb must stand in the accusative, in the verb's clause)."""
    if any(lemmas(t) & lex.visit_non_objects for t in tokens[i + 1 : i + 1 + VISIT_OBJECT_REACH]):
        return True
    before = [t for t in tokens[max(0, i - VISIT_OBJECT_REACH) : i] if t.start >= clause.start]
    return any(lemmas(t) & lex.visit_non_objects and _has_case(t, "accs") for t in before)


def _frame_noun(lex: EventLexicon, tokens: list[Token], i: int) -> str | None:
    """ "в ходе (официальных) переговоров", "во время встречи": the trigger is named as a frame
    for something else; returns the frame's noun ("ход"), else None."""
    k = i - 1
    while k >= 0 and is_pos(tokens[k], ADJECTIVE_POS):
        k -= 1
    if k < 1:
        return None
    prep = low(tokens[k - 1])
    for p, word in lex.reference_frames:
        if prep == p and word in lemmas(tokens[k]):
            return word
    return None


def _non_official_partner(lex: EventLexicon, tokens: list[Token], i: int) -> bool:
    """ "встретился с местным мэром", "встреча с редакторами": not talks between officials."""
    if i + 1 >= len(tokens) or low(tokens[i + 1]) not in WITH_PREPOSITIONS:
        return False
    reach = tokens[i + 2 : i + 2 + lex.meeting_partner_reach]
    return any(lemmas(t) & lex.meeting_non_partners for t in reach)


def _talks_under_way(lex: EventLexicon, tokens: list[Token], i: int, clause: Clause) -> bool:
    """ "переговоры по покупке ... подходят к концу": negotiations on a topic, not a held round."""
    if not lemmas(tokens[i]) & lex.topic_process_nouns:
        return False
    if any(lemmas(t) & (lex.process_verbs | lex.process_stages) for t in clause.tokens):
        return True  # "переговоры ... продолжаются", "идут переговоры", "зашли в тупик"
    k = i - 1
    while k >= 0 and is_pos(tokens[k], ADJECTIVE_POS):
        k -= 1
    if k >= 0 and low(tokens[k]) in lex.process_prepositions:
        # "позиция в переговорах", "участие в переговорах": the negotiation as a process
        return not any(lemmas(t) & lex.held_verbs for t in clause.tokens)
    if i + 1 >= len(tokens) or low(tokens[i + 1]) not in lex.topic_prepositions:
        return False
    return not any(lemmas(t) & lex.held_verbs for t in clause.tokens)


def _reporting_verb(sent: Sentence, tok: Token) -> bool:
    """ "«...», — заключил министр": a verb of saying right after a quotation."""
    head = sent.text[: tok.start - sent.start].rstrip(" ,—–-")
    return head.endswith(QUOTE_CLOSERS)


def _private_visit(lex: EventLexicon, clause: Clause) -> bool:
    """ "корреспондент посетил город": a private person's trip, not an official visit."""
    return any(lemmas(t) & lex.visit_non_agents for t in clause.tokens)


def _modifiers(tokens: list[Token], i: int) -> set[str]:
    mods: set[str] = set()
    for tok in tokens[max(0, i - MODIFIER_WINDOW) : i]:
        mods |= lemmas(tok)
    return mods


def _noun_status(lex: EventLexicon, sent_tokens: list[Token], i: int, clause: Clause) -> str | None:
    """past | present for a noun trigger reported as real, else None."""
    mods = _modifiers(sent_tokens, i) - {_frame_noun(lex, sent_tokens, i)}
    if mods & (lex.prospective_modifiers | lex.process_modifiers):
        return None
    near = range(max(0, i - MODIFIER_WINDOW), i)
    if any(effective_form(sent_tokens, k) in NON_FACTUAL_FORMS for k in near):
        return None  # "проведут переговоры": a verb in front plans the occurrence
    if mods & lex.present_modifiers:
        return PRESENT
    if mods & lex.factual_modifiers:
        return PAST
    clause_lemmas = set().union(*(lemmas(t) for t in clause.tokens))
    generic = (mods | clause_lemmas) & lex.generic_modifiers
    if generic and plural_count_noun(lex, sent_tokens, i, clause):
        return None  # "такие встречи", "встречи стали регулярными": a kind of occurrence
    own = clause_verbs(clause.tokens)
    framed = _frame_noun(lex, sent_tokens, i) is not None  # "в ходе визита ... могут"
    if modal_clause(lex, clause, sent_tokens[i], infinitive=not own, after=framed):
        return None  # "встреча может не состояться", "чтобы провести переговоры"
    if not own and gerund_head_past(sent_tokens, clause, sent_tokens[i]):
        return PAST
    scope = clause.tokens if own else status_scope(lex, sent_tokens, i, framed)
    if _after_prior(sent_tokens, i):
        # "не обладает оружием после подписания меморандума": whatever the clause's verb says
        # of the present, the signing came before it; "после подписания ... начнут": planned
        every = {f for _, f in clause_verbs(scope)}
        if every and not every & NON_FACTUAL_FORMS:
            return PAST
    forms = [(k, f) for k, f in clause_verbs(scope) if not negated(scope, k)]
    if not forms:
        return None
    kinds = {f for _, f in forms}
    if kinds <= NON_FACTUAL_FORMS:
        return None
    if PRESENT in kinds and PAST not in kinds:
        return None if generic_present(lex, sent_tokens, i, clause) else PRESENT
    return PAST


def _after_prior(words: list[Token], i: int) -> bool:
    return i > 0 and low(words[i - 1]) in PRIOR_PREPOSITIONS


def _cancelled(lex: EventLexicon, scope: list[Token]) -> bool:
    """A canceller word ("отменить", "сорвать") that is not itself negated ("не отказываться")."""
    return any(
        lemmas(t) & lex.clause_cancellers and not negated(scope, k) for k, t in enumerate(scope)
    )


def _verb_status(tokens: list[Token], i: int) -> str | None:
    if negated_after(tokens, i):
        return None  # "подписано не было", "подписан не будет"
    form = effective_form(tokens, i)
    if form in {PAST, PRESENT}:
        return form
    return None


def find_hits(sent: Sentence) -> list[TriggerHit]:
    """Triggers in ``sent`` that report an occurrence (not planned, negated or hoped for)."""
    lex = load_lexicon()
    if sent.text.rstrip().endswith("?"):
        return []
    parts = clauses(sent)
    words = [t for p in parts for t in p.tokens]
    ends: list[int] = []  # for each word, the end (exclusive) of its clause in ``words``
    starts: list[int] = []  # and its start
    for part in parts:
        starts += [len(ends)] * len(part.tokens)
        ends += [len(ends) + len(part.tokens)] * len(part.tokens)
    sent_lemmas = set().union(*(lemmas(t) for t in words)) if words else set()
    hits: list[TriggerHit] = []
    for i, tok in enumerate(words):
        tok_lemmas = lemmas(tok)
        if not tok_lemmas & lex.trigger_lemmas:
            continue
        for trig in lex.triggers:
            if not tok_lemmas & trig.lemmas or not _needs_met(
                trig, words, i, ends[i], starts[i]
            ):
                continue
            clause = clause_of(parts, tok.start)
            if clause is None or conditional(clause.tokens) or negated(words, i):
                continue
            if _blocked(lex, words, i):
                continue
            if trig.pos == "noun" and (
                _names_a_topic(lex, words, i) or relative_plan(lex, sent, tok)
            ):
                continue
            if trig.governors and not sent_lemmas & trig.governors:
                continue
            if trig.type == VISIT_TYPE and trig.pos == "verb" and _attends(lex, words, i, clause):
                continue
            if trig.type == VISIT_TYPE and _private_visit(lex, clause):
                continue
            if trig.type == MEETING_TYPE and _non_official_partner(lex, words, i):
                continue
            if trig.pos == "verb" and _reporting_verb(sent, tok):
                continue
            if trig.pos == "noun" and _talks_under_way(lex, words, i, clause):
                continue
            if trig.pos == "verb":
                status = _verb_status(clause.tokens, clause.tokens.index(tok))
            else:
                status = _noun_status(lex, words, i, clause)
            if status is None:
                continue
            clause_lemmas = set().union(*(lemmas(t) for t in clause.tokens))
            # a verbless clause ("Визит, однако, был сорван") is judged by its sentence
            if _cancelled(lex, clause.tokens if finite_forms(clause.tokens) else words):
                continue
            if clause_lemmas & (lex.habitual_markers | lex.purpose_conjunctions):
                continue  # "лидеры регулярно встречаются", "чтобы встреча состоялась"
            frame = _frame_noun(lex, words, i) if trig.pos == "noun" else None
            framed = frame is not None
            hits.append(
                TriggerHit(
                    type=trig.type,
                    token=tok,
                    clause=clause,
                    sentence=sent,
                    # "в ходе встречи" refers to talks reported elsewhere; "по итогам
                    # встречи" also tells that they took place
                    weak=trig.weak
                    or (trig.type == MEETING_TYPE and framed and frame not in OUTCOME_FRAMES),
                    present=status == PRESENT,
                    # "после подписания договора": told as what came before, not news
                    reminiscence=bool(clause_lemmas & lex.reminiscence) or _after_prior(words, i),
                    anaphoric=bool(_modifiers(words, i) & lex.anaphoric),
                    framed=framed,
                    verb=trig.pos == "verb",
                    all_parties=trig.all_parties,
                )
            )
            break  # one trigger entry per token
    return hits
