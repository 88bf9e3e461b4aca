"""Commitment cues: the lexicon in ``data/commitment_cues.json`` and the rules that find
a cue for a concrete future action in a sentence ("договорились + infinitive",
"планируется", "пройдет" (future), "предложил", "готов + infinitive", "поручено", ...).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..doc import Sentence, Token
from .clauses import (
    FUTURE,
    INFINITIVE,
    PRESENT,
    conditional,
    effective_form,
    lemmas,
    low,
    negated,
    new_clause_since,
    verb_form,
    verbal_parse,
    verbal_pos,
)
from .commitment_lexicon import CommitmentLexicon, Cue, load_cues
from .commitment_reach import reach_words
from .commitment_readings import party_subject
from .models import is_known, parse

PROSPECT_REACH = 24  # words from "обсудили" to the project noun it governs
GENERIC_REACH = 4
PROMISED_KIND = "promised"
INSTRUCTED_KIND = "instructed"  # an instruction to create conditions is no stock phrase
SUBJECT_AFTER_REACH = 3  # words after a future verb in which an inverted party subject counts
INVITEE_REACH = 8  # words after "пригласил" in which the invitee is looked for
CLAUSE_END = frozenset({",", ";", ":", "—", "–", ".", "(", ")", "«", "»"})
QUESTION_PARTICLE = "ли"
FUTURE_POS = frozenset({"VERB", "INFN", "PRTS"})  # verb forms a future action or promise starts from
NEGATION_REACH = 3  # words before the cue in which "не" negates it ("не будем подписывать")


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What the document knows about a sentence's words: character offsets of tokens inside
    time expressions (skipped when measuring a cue's reach) and of country mentions (parties)."""

    time_tokens: frozenset[int] = frozenset()
    country_tokens: frozenset[int] = frozenset()


@dataclass(slots=True)
class CueHit:
    kind: str
    index: int  # word index of the cue in the sentence (punctuation left out)
    words: list[Token]


def _is_infinitive(tok: Token) -> bool:
    return verb_form(tok) == INFINITIVE


def _is_noun(tok: Token) -> bool:
    ps = parse(low(tok))
    return bool(ps) and ps[0].tag.POS in {"NOUN", "ADJF", "NPRO"}


def _next_ok(cue: Cue, words: list[Token], i: int, ctx: SentenceContext) -> bool:
    after = reach_words(words[i + 1 :], ctx.time_tokens, ctx.country_tokens)[: max(cue.reach, 1) + 1]
    if not cue.next:
        return True
    if cue.next == "infinitive":
        return any(_is_infinitive(t) for t in after[: cue.reach])
    if cue.next == "o_or_na_noun":
        return any(
            low(a) in {"о", "об", "на"} and _is_noun(b)
            for a, b in zip(after, after[1:], strict=False)
        )
    if cue.next in {"o_noun", "infinitive_or_o"}:
        if cue.next == "infinitive_or_o" and any(_is_infinitive(t) for t in after[: cue.reach]):
            return True
        return any(
            low(a) in {"о", "об"} and _is_noun(b) for a, b in zip(after, after[1:], strict=False)
        )
    if cue.next == "infinitive_or_k":
        if any(_is_infinitive(t) for t in after[: cue.reach]):
            return True
        return any(
            low(a) in {"к", "ко"} and _is_noun(b) for a, b in zip(after, after[1:], strict=False)
        )
    if cue.next == "v_project":
        projects = load_cues().split_heads | load_cues().prospect_nouns
        return (
            len(after) >= 2 and low(after[0]) in {"в", "во"} and bool(lemmas(after[1]) & projects)
        )
    if cue.next == "na_project":
        projects = load_cues().split_heads | load_cues().prospect_nouns
        return bool(after) and low(after[0]) == "на" and any(
            lemmas(t) & projects for t in after[1 : cue.reach + 1]
        )
    if cue.next in {"event_infinitive", "k_project", "action_noun"}:
        return _scheduled(cue, after)
    if cue.next == "v_noun":
        return len(after) >= 2 and low(after[0]) in {"в", "во"} and _is_noun(after[1])
    if cue.next == "object":
        return any(_is_infinitive(t) or _is_noun(t) for t in after[: cue.reach])
    return False


def _scheduled(cue: Cue, after: list[Token]) -> bool:
    """ "должна состояться" (an event verb), "близки к подписанию" ("к" + an undertaking),
    "ожидается подписание" (an undertaking or an event as the subject)."""
    lex = load_cues()
    projects = lex.split_heads | lex.prospect_nouns | lex.event_nouns | lex.action_nouns
    if cue.next == "event_infinitive":
        return any(
            _is_infinitive(t) and lemmas(t) & lex.event_verbs and low(nxt) not in lex.route_words
            for t, nxt in zip(after[: cue.reach], after[1 : cue.reach + 1], strict=False)
        )
    if cue.next == "k_project":
        return bool(after) and low(after[0]) in {"к", "ко"} and any(
            lemmas(t) & projects for t in after[1 : cue.reach + 1]
        )
    return any(lemmas(t) & projects for t in after[: cue.reach])


def _then_ok(cue: Cue, words: list[Token], i: int) -> bool:
    """ "имеется в виду": the words a cue needs right after it."""
    follow = tuple(low(t) for t in words[i + 1 : i + 1 + len(cue.then)])
    return follow == cue.then


def _assured(lex: CommitmentLexicon, words: list[Token], i: int) -> bool:
    """ "..., что обязательно поднимет вопрос": a reported concrete future action vouched for
    by an adverb."""
    if not _future_verb(lex, words, i):
        return False
    before = [low(t) for t in words[max(0, i - 5) : i]]
    return any(w in lex.promise_adverbs for w in before[-2:]) and "что" in before


def _tense_ok(cue: Cue, words: list[Token], i: int) -> bool:
    tok = words[i]
    p = verbal_parse(tok)
    if cue.tense == "any":
        return True
    if cue.tense == "conditional":
        return conditional(words[max(0, i - 2) : i + 3])
    if p is None:  # a noun or adjective cue ("намерение", "готов") has no tense
        return cue.tense == "participle"
    form = effective_form(words, i)
    if cue.tense == "nonpast":
        return form in {PRESENT, FUTURE}
    if cue.tense == "future":
        return form == FUTURE
    if cue.tense == "participle":
        return p.tag.POS in {"PRTS", "PRTF"} or form in {PRESENT, FUTURE}
    return False


def _future_verb(lex: CommitmentLexicon, words: list[Token], i: int) -> bool:
    """A concrete (not generic) verb in the future, "будет" + infinitive or participle included."""
    tok = words[i]
    p = verbal_parse(tok)
    if p is None or p.tag.POS not in {"VERB", "INFN", "PRTS"}:
        return False
    if effective_form(words, i) != FUTURE or lemmas(tok) & lex.generic_verbs:
        return False
    return not (p.tag.POS == "VERB" and p.normal_form == "быть")


def country_subject(words: list[Token], k: int, ctx: SentenceContext) -> bool:
    """A country named at ``k`` not governed by a preposition ("Россия будет", not "в России")."""
    if words[k].start not in ctx.country_tokens:
        return False
    prev = parse(low(words[k - 1])) if k > 0 else []
    if prev and prev[0].tag.POS == "NOUN" and words[k - 1].start not in ctx.country_tokens:
        lex = load_cues()
        if lemmas(words[k - 1]) & (lex.party_lemmas | lex.organ_lemmas):
            return True  # "Власти Литвы передадут": the country acts through its organs
        # "предложение Москвы ... разделит Украину": the proposal is the subject, not Moscow
        return any(p.tag.case == "nomn" for p in parse(low(words[k])))
    return not (prev and prev[0].tag.POS == "PREP")


def _promise(lex: CommitmentLexicon, words: list[Token], i: int) -> bool:
    """A future action reported by a promise verb ("..., будет согласовано осенью, - заверил он")."""
    if not _future_verb(lex, words, i):
        return False
    return any(lemmas(t) & lex.promise_verbs for t in words)


def _future_action(
    lex: CommitmentLexicon, words: list[Token], i: int, ctx: SentenceContext
) -> bool:
    """A future verb with a party subject before it in the clause ("Правительство ... возьмет",
    "Россия и Судан будут взаимодействовать")."""
    tok = words[i]
    p = verbal_parse(tok)
    if p is None or p.tag.POS not in {"VERB", "INFN"}:
        return False
    if effective_form(words, i) != FUTURE or lemmas(tok) & lex.generic_verbs:
        return False
    if p.tag.POS == "VERB" and p.normal_form == "быть":
        return False
    start = i
    while start > 0 and words[start - 1].text not in {",", ";", ":", "—", "–"}:
        start -= 1
    if any(_is_predicative(t) for t in words[start:i]):
        return False  # "можно будет ввозить": an impersonal possibility, no party acts
    if any(party_subject(lex, words, k, country_subject(words, k, ctx)) for k in range(start, i)):
        return True
    return _subject_after(lex, words, i, ctx)


def _subject_after(
    lex: CommitmentLexicon, words: list[Token], i: int, ctx: SentenceContext
) -> bool:
    """Inverted order: "в Москву приедет глава МИД", "в июне Египет посетит ..." is read only
    when nothing but the subject follows the verb's adverbials: the party noun in the
    nominative within a few words after the verb, before any other verb or clause break."""
    for tok in words[i + 1 : i + 1 + SUBJECT_AFTER_REACH]:
        if tok.text in CLAUSE_END or verbal_parse(tok) is not None:
            return False
        ps = parse(low(tok))
        nominative = bool(ps) and ps[0].tag.case == "nomn"
        if nominative and lemmas(tok) & lex.party_lemmas:
            return True
        if nominative and country_subject(words, words.index(tok), ctx):
            return True
        if ps and ps[0].tag.POS == "NOUN":
            return False  # an object comes first: "построит завод": not an inverted subject
    return False


def _invites_press(lex: CommitmentLexicon, words: list[Token], i: int) -> bool:
    for tok in words[i + 1 : i + 1 + INVITEE_REACH]:
        if tok.text in CLAUSE_END:
            return False
        if lemmas(tok) & lex.non_party_invitees:
            return True
    return False


def _is_predicative(tok: Token) -> bool:
    ps = parse(low(tok))
    return bool(ps) and ps[0].tag.POS == "PRED"


def _prospect(lex: CommitmentLexicon, words: list[Token], i: int) -> bool:
    """A project noun governed by "обсудили"/"рассмотрели" earlier in the sentence."""
    if not lemmas(words[i]) & lex.prospect_nouns:
        return False
    for tok in reversed(words[max(0, i - PROSPECT_REACH) : i]):
        if lemmas(tok) & lex.progress_nouns:
            return False  # "обсудили ход строительства": work under way, not a prospect
        if lemmas(tok) & lex.prospect_verbs:
            return True
        if verbal_parse(tok) is not None and verbal_parse(tok).tag.POS == "VERB":
            return False
    return False


def is_generic(lex: CommitmentLexicon, words: list[Token], i: int, stock: bool = True) -> bool:
    """The action after the cue is only "developing cooperation" with no field named, or a
    stock phrase (``stock``: not in an instruction, "поручил создать условия для ...")."""
    after = [t for t in words[i + 1 : i + 8] if _is_head(t)]
    if after and stock and _stock_phrase(lex, words, words.index(after[0])):
        return True
    if not after or not lemmas(after[0]) & lex.generic_heads:
        return False
    window = words[i + 1 : i + 2 + GENERIC_REACH + 4]
    if any(lemmas(t) & lex.specifiers for t in window):
        return False
    if lemmas(after[0]) & lex.intransitive_generic:
        return True
    return any(lemmas(t) & lex.generic_objects for t in window)


def _stock_phrase(lex: CommitmentLexicon, words: list[Token], k: int) -> bool:
    """ "создать благоприятные условия", "придать новый импульс": the verb at ``k`` and its
    object within a few words make a stock phrase, not an action."""
    verbs = lemmas(words[k])
    objects = set().union(*(lemmas(t) for t in words[k + 1 : k + 1 + GENERIC_REACH]))
    return any(v in verbs and o in objects for v, o in lex.stock_phrases)


def _is_head(tok: Token) -> bool:
    ps = parse(low(tok))
    return bool(ps) and (ps[0].tag.POS == "NOUN" or ps[0].tag.POS == "INFN")


def _past_participle(tok: Token) -> bool:
    """ "намеревавшийся": a past participle reports an intention that is over."""
    p = verbal_parse(tok)
    return (
        p is not None
        and p.tag.POS == "PRTF"
        and p.tag.tense == "past"
        and p.normal_form not in load_cues().planned_participles
    )


def _full_adjective(lex: CommitmentLexicon, tok: Token) -> bool:
    """ "готовый пренебречь" is a description; only the short form "готов" is a cue."""
    ps = parse(low(tok))
    return bool(ps) and ps[0].tag.POS == "ADJF" and ps[0].normal_form in lex.short_form_only


def _planned_quantity(lex: CommitmentLexicon, words: list[Token], i: int) -> bool:
    """ "планируемая мощность", "запланированный объем": a planned figure, not an action."""
    p = verbal_parse(words[i])
    if p is None or p.tag.POS != "PRTF":
        return False
    return any(lemmas(t) & lex.measure_nouns for t in words[i + 1 : i + 3])


def _cancelled(cue: Cue, words: list[Token], i: int) -> bool:
    """A word right before the cue turns it into a report ("принял приглашение посетить")."""
    return bool(cue.not_after) and any(
        lemmas(t) & cue.not_after for t in words[max(0, i - 2) : i]
    )


def _may_be_cue(lex: CommitmentLexicon, tok: Token) -> bool:
    """A cheap necessary condition for a cue: a word that is a cue lemma, a prospect noun, or
    a verb form (the future-action and promise readings start from a verb)."""
    if not tok.text[:1].isalpha() and not any(c.isalpha() for c in tok.text):
        return False
    if lemmas(tok) & lex.candidate_lemmas:
        return True
    return verbal_pos(tok) in FUTURE_POS


def find_cues(sent: Sentence, ctx: SentenceContext | None = None) -> list[CueHit]:
    lex = load_cues()
    ctx = ctx or SentenceContext()
    if sent.text.rstrip().endswith("?"):
        return []
    words = [t for t in sent.tokens]
    hits: list[CueHit] = []
    for i, tok in enumerate(words):
        if not _may_be_cue(lex, tok):
            continue
        if negated(words, i, NEGATION_REACH) or _past_participle(words[i]):
            continue
        if _full_adjective(lex, words[i]) or low(tok) in lex.adverb_forms:
            continue
        if not is_known(low(tok)):
            continue  # a guessed form of an unknown word (a foreign name) is no cue
        if any(low(t) == QUESTION_PARTICLE for t in words[max(0, i - 3) : i + 2]):
            continue  # "планируется ли ...", "сможет ли Пекин построить": a question
        tok_lemmas = lemmas(tok)
        kind = None
        for cue in lex.cues:
            if (
                tok_lemmas & cue.lemmas
                and _tense_ok(cue, words, i)
                and _next_ok(cue, words, i, ctx)
                and not _cancelled(cue, words, i)
                and not _planned_quantity(lex, words, i)
                and _then_ok(cue, words, i)
            ):
                kind = cue.kind
                break
        if kind is None and _future_action(lex, words, i, ctx):
            kind = lex.future_kind
        if kind is None and (_promise(lex, words, i) or _assured(lex, words, i)):
            kind = PROMISED_KIND
        if kind is None and _prospect(lex, words, i):
            if hits and not new_clause_since(sent, hits[-1].index, i):
                continue  # "поручил ... проработать вопрос запуска": the earlier cue's object
            kind = lex.prospect_kind
        if kind is None or is_generic(lex, words, i, stock=kind != INSTRUCTED_KIND):
            continue
        if kind == "invited" and _invites_press(lex, words, i):
            continue  # "пригласил журналистов": the press, not a party
        if hits and hits[-1].index >= i - 2:
            # "хотели бы пригласить": one commitment; the more specific kind wins
            if kind == "invited":
                hits[-1].kind = kind
            continue
        hits.append(CueHit(kind, i, words))
    return hits
