"""Shared clause, tense and modality helpers for the events and commitments stages.

A sentence is cut into clauses at punctuation (commas, semicolons, colons, dashes,
brackets). Verb forms are read from every pymorphy3 parse of a token, so that an
ambiguous word ("открыто": adverb or short participle) is still seen as a verb form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..doc import Sentence, Token
from .folding import MEMO_CACHE_SIZE, WORD_CACHE_SIZE
from .folding import fold as _low
from .models import lemma_forms, parse

SPEECH_DASHES = frozenset("—–-")  # "«...», — сказал он": a quotation is reported speech
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "…", ".", "!", "?"})
VERBAL_POS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
SHORT_FORM_POS = frozenset({"ADVB", "ADJS"})  # may hide a short participle
NEGATIONS = frozenset({"не", "ни"})
CONDITIONAL_PARTICLES = frozenset({"бы", "б"})
FUTURE_AUXILIARY = "быть"
AUXILIARY_REACH = 5  # "будет в ближайшее время подписан": words between the auxiliary and its verb

# Verb form classes returned by :func:`verb_form`.
PAST = "past"
PRESENT = "present"
FUTURE = "future"
INFINITIVE = "infinitive"
IMPERATIVE = "imperative"


@dataclass(slots=True)
class Clause:
    start: int  # character offsets into Doc.text
    end: int
    tokens: list[Token]
    index: int  # position of the clause within its sentence


def clauses(sent: Sentence) -> list[Clause]:
    """The sentence cut at clause punctuation; punctuation tokens are left out."""
    out: list[Clause] = []
    current: list[Token] = []
    for tok in sent.tokens:
        if tok.text in CLAUSE_BREAKS:
            if current:
                out.append(Clause(current[0].start, current[-1].end, current, len(out)))
            current = []
        else:
            current.append(tok)
    if current:
        out.append(Clause(current[0].start, current[-1].end, current, len(out)))
    return out


def clause_starts(sent: Sentence) -> list[int]:
    """Word indexes (in ``sent.tokens``) where a clause begins."""
    index = {id(t): k for k, t in enumerate(sent.tokens)}
    return [index[id(part.tokens[0])] for part in clauses(sent)]


def new_clause_since(sent: Sentence, k: int, i: int) -> bool:
    """A clause begins after word ``k`` and at or before word ``i``."""
    return any(k < s <= i for s in clause_starts(sent))


def clause_of(parts: list[Clause], offset: int) -> Clause | None:
    for part in parts:
        if part.start <= offset < part.end:
            return part
    return None


def low(tok: Token) -> str:
    return _low(tok.text)


def lemmas(tok: Token) -> frozenset[str]:
    """Every normal form pymorphy3 offers for the token (ё written as е); the ``segment`` stage
    fills them in, a token made elsewhere has them looked up."""
    return tok.lemmas or lemma_forms(tok.text, tok.lemma)


def verbal_parse(tok: Token):
    """The first parse of the token that is a verb form, or None.

    A later parse counts only when the best one is a short form or an adverb
    ("открыто", "намерен"), never when it is a noun or a pronoun ("мой", "стекло")."""
    return _verbal_parse(_low(tok.text))


def verbal_pos(tok: Token) -> str:
    """The part of speech of :func:`verbal_parse` ("VERB", "INFN", ...), "" for none."""
    return _verbal_pos(_low(tok.text))


@lru_cache(maxsize=MEMO_CACHE_SIZE)
def _verbal_pos(word: str) -> str:
    p = _verbal_parse(word)
    return str(p.tag.POS) if p is not None else ""


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _verbal_parse(word: str):
    parses = parse(word)
    if not parses:
        return None
    if parses[0].tag.POS not in VERBAL_POS | SHORT_FORM_POS:
        return None
    for p in parses:
        if p.tag.POS in VERBAL_POS:
            return p
    return None


def is_finite_or_participle(tok: Token) -> bool:
    p = verbal_parse(tok)
    return p is not None and p.tag.POS in {"VERB", "PRTS"}


def verb_form(tok: Token) -> str | None:
    """past | present | future | infinitive | imperative, or None for a non-verb."""
    p = verbal_parse(tok)
    if p is None:
        return None
    tag = p.tag
    if tag.POS == "INFN":
        return INFINITIVE
    if tag.POS == "VERB":
        if tag.mood == "impr":
            return IMPERATIVE
        if tag.tense == "futr" and _present_reading(tok):
            return PRESENT  # "отходит", "сходит": an imperfective present reads first
        return {"past": PAST, "pres": PRESENT, "futr": FUTURE}.get(tag.tense, None)
    if tag.POS in {"PRTF", "PRTS", "GRND"}:
        return PRESENT if tag.tense == "pres" else PAST
    return None


def negated(tokens: list[Token], i: int, window: int = 2) -> bool:
    """A negation particle within ``window`` tokens before position ``i``."""
    return any(low(t) in NEGATIONS for t in tokens[max(0, i - window) : i])


def conditional(tokens: list[Token]) -> bool:
    return any(low(t) in CONDITIONAL_PARTICLES for t in tokens)


def effective_form(tokens: list[Token], i: int) -> str | None:
    """The verb form of ``tokens[i]`` with an auxiliary "будет"/"будут" in front read as future."""
    form = verb_form(tokens[i])
    if form in {PAST, INFINITIVE, PRESENT}:
        for t in reversed(tokens[max(0, i - AUXILIARY_REACH) : i]):
            if t.text in CLAUSE_BREAKS:
                break
            p = verbal_parse(t)
            if p is not None and p.normal_form == FUTURE_AUXILIARY and p.tag.tense == "futr":
                return FUTURE
            if p is not None and p.tag.POS in {"VERB", "INFN"}:
                break  # "будут стремиться приобрести": the auxiliary governs "стремиться"
    return form


def _present_reading(tok: Token) -> bool:
    """Some parse of the token is an imperfective present-tense verb."""
    return any(
        p.tag.POS == "VERB" and p.tag.tense == "pres" and p.tag.aspect == "impf"
        for p in parse(low(tok))
    )


def finite_forms(tokens: list[Token]) -> list[tuple[int, str]]:
    """(index, form) of finite verbs and short participles among ``tokens``."""
    out = []
    for i, tok in enumerate(tokens):
        if is_finite_or_participle(tok):
            form = effective_form(tokens, i)
            if form is not None:
                out.append((i, form))
    return out


def line_span(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """[start, end) clipped to the line that holds ``anchor``: a heading or caption glued onto
    the next sentence stays out of its evidence. Surrounding blanks are trimmed."""
    anchor = min(max(anchor, start), max(start, end - 1))
    before = text.rfind("\n", start, anchor)
    if before != -1:
        start = before + 1
    after = text.find("\n", anchor, end)
    if after != -1:
        end = after
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


QUOTE_OPEN, QUOTE_CLOSE = "«", "»"


def open_quote(tokens: list[Token], i: int) -> int | None:
    """The index of the « still open before position ``i`` (its » not yet come), if any."""
    opened: list[int] = []
    for k in range(i):
        if tokens[k].text == QUOTE_OPEN:
            opened.append(k)
        elif tokens[k].text == QUOTE_CLOSE and opened:
            opened.pop()
    return opened[-1] if opened else None


def outside_quotes(text: str, start: int, end: int, keep: int) -> list[tuple[int, int]]:
    """[start, end) less the reported speech in it (an outermost «...» attributed by a dash
    after it, "«...», — сказал он", or opened after a colon), except the quotation holding
    offset ``keep``: the stretches in the writer's own voice around ``keep``. A phrase quoted
    inline ("командированной «для оказания поддержки грузинским друзьям»") stays."""
    cuts: list[tuple[int, int]] = []
    depth, opened = 0, start
    for k in range(start, end):
        if text[k] == QUOTE_OPEN:
            depth, opened = depth + 1, (k if depth == 0 else opened)
        elif text[k] == QUOTE_CLOSE and depth:
            depth -= 1
            if depth == 0 and not opened <= keep <= k and _speech(text, opened, k + 1):
                cuts.append((opened, k + 1))
    out, at = [], start
    for lo, hi in cuts:
        out.append((at, lo))
        at = hi
    out.append((at, end))
    return [(lo, hi) for lo, hi in out if hi > lo]


def _speech(text: str, opened: int, closed: int) -> bool:
    after = text[closed : closed + 4].lstrip(" ,")
    return after[:1] in SPEECH_DASHES or text[max(0, opened - 3) : opened].rstrip().endswith(":")
