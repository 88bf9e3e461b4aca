"""Word-level cues of the indicators stage: kind cues, scopes, changes, targets, periods."""

from __future__ import annotations

import re
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


def tokens_after(sent: Sentence, offset: int, count: int) -> list[Token]:
    """The ``count`` tokens of the sentence that start at or after ``offset``."""
    return [t for t in sent.tokens if t.start >= offset][:count]


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
    """A third-person subject pronoun ("он", "она") or a demonstrative noun phrase ("этот
    показатель") before offset ``before``: it stands for the figure named in the previous
    sentence ("Товарооборот растет. В этом году он ...")."""
    lex = lexicon()
    prev: Token | None = None
    for tok in sent.tokens:
        if tok.start >= before:
            break
        if norm(tok.text) in lex.subject_pronouns:
            return tok
        if prev is not None and lemma_of(tok) in lex.anaphoric_nouns and lemma_of(prev) in lex.demonstratives:
            return tok
        prev = tok
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
    """The time expression names the base of a comparison ("по сравнению с 2023 годом"); a
    marker before a colon or semicolon opens the sentence instead ("Для сравнения: в 2016 году")."""
    lead = text[max(sent_start, t.start - COMPARISON_REACH):t.start].lower().replace("ё", "е")
    lead = re.split(r"[:;]", lead)[-1]
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


# tokens before a cue searched for a world or bloc word qualifying it ("мировой экспорт",
# "партнёров ЕС (3,2% товарооборота")
THIRD_PARTY_REACH = 4
# tokens before "на" searched for a change word ("сократив их объём на 0,5 млн тонн")
ABSOLUTE_CHANGE_REACH = 4


def is_price(sent: Sentence, q: Quantity) -> bool:
    """A money figure next to "за" is a price ("$95 за тонну", "купил компанию за $320 млн"),
    not a flow."""
    if q.unit not in lexicon().money_units:
        return False
    markers = lexicon().price_markers
    i, j = token_index_at(sent, q.start), token_index_at(sent, q.end)
    after = j < len(sent.tokens) and norm(sent.tokens[j].text) in markers
    before = i > 0 and norm(sent.tokens[i - 1].text) in markers  # "купил компанию за $320 млн"
    return after or before or norm(q.text).startswith(tuple(m + " " for m in markers))


def is_absolute_change(sent: Sentence, q: Quantity) -> bool:
    """"на X" next to a change word states by how much a figure changed, not the figure."""
    lex = lexicon()
    i = token_index_at(sent, q.start)
    if i == 0 or norm(sent.tokens[i - 1].text) not in lex.absolute_change_prepositions:
        return False
    j = token_index_at(sent, q.end)
    near = sent.tokens[max(0, i - 1 - ABSOLUTE_CHANGE_REACH):i - 1] + sent.tokens[j:j + 1]
    words = {lemma_of(t) for t in near} | {norm(t.text) for t in near}
    return bool(words & (lex.change_up | lex.change_down | lex.result_verbs))


WITH = frozenset({"с", "со"})


def is_third_party(sent: Sentence, cue: Cue, start: int, q: Quantity) -> bool:
    """A world, bloc, international body's ("банка БРИКС", "ЕБРР") or third-party word
    qualifies the cue or stands in the figure's words."""
    lex = lexicon()
    lead = sent.tokens[max(0, cue.index - THIRD_PARTY_REACH):cue.index]
    own = tokens_between(sent, min(start, cue.start), q.start)
    markers = lex.third_party_markers
    if any(lemma_of(t) in markers or norm(t.text) in markers for t in lead + own):
        return True
    words = lead + own
    return any(  # "торговли Поднебесной со странами Шёлкового пути": several partners
        norm(a.text) in WITH and lemma_of(b) in lex.plural_partner_nouns and _plural(b)
        for a, b in zip(words, words[1:], strict=False)
    )


def _plural(tok: Token) -> bool:
    found = parse(tok.text.lower())
    return bool(found) and found[0].tag.number == "plur"


def link_broken(sent: Sentence, cue: Cue, q: Quantity) -> bool:
    """Between the cue and the figure stands another predicate ("поймали", "потребляет") or
    the head of a domestic figure ("производство", "бюджет", "кредит"): the figure is not
    the cue's."""
    lex = lexicon()
    lo, hi = (cue.start, q.start) if cue.start < q.start else (q.end, cue.start)
    cue_tok = sent.tokens[cue.index]
    for t in tokens_between(sent, lo, hi):
        if t is cue_tok:
            continue
        lem = lemma_of(t)
        if lem in lex.domestic_nouns:
            return True
        if t.pos == "VERB" and lem not in lex.kinds and not _is_mood_or_link(lem):
            return True
    return False


def _is_mood_or_link(lem: str) -> bool:
    """A linking verb, or a plan or forecast word the figure's mood already weighs."""
    lex = lexicon()
    return lem in lex.linking_verbs or lem in lex.forecast_markers or lem in lex.target_markers


# words after a cue where its object, the goods, may stand ("поставок нефти в ...")
CUE_OBJECT_REACH = 2


def cue_object(sent: Sentence, cue: Cue) -> list[Token]:
    """The few words right after the cue: where a figure that the cue opened far before
    finds its goods ("поставок нефти ..., сократив их на 0,5 млн тонн — до 4 млн тонн")."""
    return sent.tokens[cue.index + 1:cue.index + 1 + CUE_OBJECT_REACH]
