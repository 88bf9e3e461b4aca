"""Word-level cues of the indicators stage: kind cues, scopes, changes, targets, periods."""

from __future__ import annotations

from dataclasses import dataclass

from ..doc import Quantity, Sentence, TimeExpr, Token
from .indicator_lexicon import lexicon, norm
from .models import parse

# how many tokens before a change figure a change word may stand ("вырос на 5%")
CHANGE_WORDS_BEFORE = 4
# how many tokens after it ("на 3,9% больше")
CHANGE_WORDS_AFTER = 2
# words between a count and the companies noun ("60 сербских компаний")
COMPANY_NOUN_GAP = 3
# a minus written right before a number; an en dash is left out: it separates list items
MINUS_SIGNS = "-−"
# characters before a time expression searched for a comparison marker ("по сравнению с")
COMPARISON_REACH = 30


@dataclass(frozen=True)
class Cue:
    kind: str
    start: int  # character offset of the cue word
    index: int  # its token index in the sentence


def lemma_of(tok: Token) -> str:
    return norm(tok.lemma or tok.text)


def find_cues(sent: Sentence) -> list[Cue]:
    """Indicator kind cues in ``sent``: single lemmas and head + modifier phrases."""
    lex = lexicon()
    lemmas = [lemma_of(t) for t in sent.tokens]
    cues: list[Cue] = []
    for i, lem in enumerate(lemmas):
        kind = lex.kinds.get(lem)
        if kind is None:
            for phrase in lex.kind_phrases:
                if phrase.head != lem:
                    continue
                lo, hi = (i + 1, i + 1 + phrase.window) if phrase.window > 0 else (
                    i + phrase.window, i)
                if any(w in phrase.any for w in lemmas[max(lo, 0):hi]):
                    kind = phrase.kind
                    break
        if kind == "trade" and lem == "внешнеторговый":
            continue  # only an adjective of "оборот"; the phrase rule takes it
        if kind:
            cues.append(Cue(kind, sent.tokens[i].start, i))
    return cues


def tokens_between(sent: Sentence, start: int, end: int) -> list[Token]:
    return [t for t in sent.tokens if t.start >= start and t.end <= end]


def token_index_at(sent: Sentence, offset: int) -> int:
    for i, t in enumerate(sent.tokens):
        if t.end > offset:
            return i
    return len(sent.tokens)


def scope_in(tokens: list[Token]) -> str | None:
    """The first scope word (agriculture, industry, or a commodity) among ``tokens``."""
    scopes = lexicon().scopes
    for t in tokens:
        scope = scopes.get(lemma_of(t))
        if scope:
            return scope
    return None


# what a figure is: a reported value, a goal or plan, or a forecast of the current period
ACTUAL, TARGET, FORECAST = "actual", "target", "forecast"


def figure_mood(sent: Sentence, clause_start: int, start: int, value: Quantity) -> str:
    """Whether the figure is reported (ACTUAL), a goal or plan (TARGET), or a forecast.

    A plan word ("готов", "планирует") may stand anywhere in the clause before the figure and
    makes it a TARGET; a forecast word ("по прогнозу", "ожидается", "может") makes it a
    FORECAST, which the stage keeps for the current year only. Without either, "до X" right
    before the figure is a TARGET ("увеличить до 5 млрд") unless a past-tense verb of change
    says the value was reached ("нарастил экспорт до 15 тыс. тонн"); an infinitive
    ("увеличить", "довести") or a future verb ("составит") among the words of the figure
    itself makes it a TARGET too. A verb of change in the past tense is never a plan word.
    """
    lex = lexicon()
    clause = tokens_between(sent, clause_start, value.start)
    words = [(lemma_of(t), t) for t in clause]
    if any(lem in lex.target_markers and not _is_past(t) for lem, t in words):
        return TARGET
    if any(lem in lex.forecast_markers for lem, _ in words):
        return FORECAST
    reached = any(lem in lex.result_verbs and _is_past(t) for lem, t in words)
    if clause and norm(clause[-1].text) == "до" and not reached:
        return TARGET
    own = tokens_between(sent, start, value.start)
    if any(t.pos == "INFN" or _is_future(t) for t in own):
        return TARGET
    return ACTUAL


def is_target(sent: Sentence, clause_start: int, start: int, value: Quantity) -> bool:
    return figure_mood(sent, clause_start, start, value) == TARGET


def _is_future(tok: Token) -> bool:
    """A finite verb in the future tense: "составит", "достигнет"."""
    if tok.pos != "VERB":
        return False
    parses = parse(tok.text)
    return bool(parses) and parses[0].tag.tense == "futr"


def _is_past(tok: Token) -> bool:
    """A finite verb in the past tense: "нарастил", "довели"."""
    if tok.pos != "VERB":
        return False
    parses = parse(tok.text)
    return bool(parses) and parses[0].tag.tense == "past"


def subject_pronoun(sent: Sentence, before: int) -> Token | None:
    """A third-person subject pronoun ("он", "она") before offset ``before``: it stands for
    the figure named in the previous sentence ("Товарооборот растет. В этом году он ...")."""
    for tok in sent.tokens:
        if tok.start >= before:
            break
        if norm(tok.text) in lexicon().subject_pronouns:
            return tok
    return None


def change_of(sent: Sentence, q: Quantity) -> float | None:
    """The percent change a pct or times quantity states, with its sign; None for a share."""
    lex = lexicon()
    i = token_index_at(sent, q.start)
    j = token_index_at(sent, q.end)
    near_tokens = sent.tokens[max(0, i - CHANGE_WORDS_BEFORE):i] + sent.tokens[
        j:j + CHANGE_WORDS_AFTER]
    # both forms: "больше" is lemmatised to "большой"
    near = [lemma_of(t) for t in near_tokens] + [norm(t.text) for t in near_tokens]
    sign = _sign(sent, q)
    down = sign == "-" or any(w in lex.change_down for w in near)
    up = sign == "+" or any(w in lex.change_up for w in near)
    if not (up or down):
        return None
    if q.unit == "times":
        if q.value <= 0:
            return None
        pct = (q.value - 1) * 100 if not down else (1 - 1 / q.value) * 100
    else:
        pct = q.value
    return round(-abs(pct) if down else abs(pct), 4)


def _sign(sent: Sentence, q: Quantity) -> str:
    """"+" or "-" written right before the number ("(+5,5%)", "-3%"), inside its span or not."""
    first = q.text.lstrip()[:1]
    rel = q.start - sent.start
    before = sent.text[rel - 1:rel] if rel > 0 else ""
    for ch in (first, before):
        if ch == "+":
            return "+"
        if ch in MINUS_SIGNS:
            return "-"
    return ""


def is_comparison(text: str, t: TimeExpr, sent_start: int) -> bool:
    """The time expression names the base of a comparison ("по сравнению с 2023 годом")."""
    lead = text[max(sent_start, t.start - COMPARISON_REACH):t.start].lower().replace("ё", "е")
    words = lead.split()
    return any(
        (marker in lead) if " " in marker else any(w.startswith(marker) for w in words)
        for marker in lexicon().comparison_markers
    )


def starts_with_continuation(sent: Sentence) -> bool:
    head = norm(sent.text[:40])
    return any(head.startswith(m) for m in lexicon().continuation_markers)


def company_count_fits(sent: Sentence, q: Quantity, cue: Cue) -> bool:
    """A count stands right before the companies noun, a few words at most between them."""
    if q.unit != "count":
        return False
    if q.start <= cue.start < q.end:  # the count's span takes the noun in
        return True
    j = token_index_at(sent, q.end)
    return 0 <= cue.index - j <= COMPANY_NOUN_GAP
