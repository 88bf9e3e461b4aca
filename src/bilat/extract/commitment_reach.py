"""What a cue's reach skips and where it stops: a time expression or an adverb ("договорились
до конца года открыть", "совместно построить") and the partner named after the cue
("договорились с Узбекистаном открыть"; a list of countries, "предложила Польше, Венгрии,
Румынии и Болгарии обсуждать", is one partner phrase) do not use up reach, and a contrast after
a comma ("..., но я считаю") starts another clause the cue does not reach.
"""

from __future__ import annotations

from ..doc import Token
from .clauses import low, verbal_parse
from .models import parse

LIST_JOINERS = frozenset({",", "и"})
CONTRAST_WORDS = frozenset({"но", "а", "однако", "хотя"})
WITH = frozenset({"с", "со"})


def reach_words(tail: list[Token], times: frozenset[int], countries: frozenset[int]) -> list[Token]:
    """The words after a cue that count towards its reach (``times`` and ``countries``: start
    offsets of tokens inside time expressions and country mentions)."""
    rest = [
        t
        for n, t in enumerate(tail)
        if not _skippable(t, times) and not _partner_phrase(tail, n, countries)
    ]
    return before_contrast(rest)


def _skippable(tok: Token, times: frozenset[int]) -> bool:
    if tok.start in times:
        return True
    ps = parse(low(tok))
    return bool(ps) and ps[0].tag.POS == "ADVB" and verbal_parse(tok) is None


def _partner_phrase(tail: list[Token], n: int, countries: frozenset[int]) -> bool:
    if tail[n].start in countries or in_country_list(tail, n, countries):
        return True
    nxt = tail[n + 1] if n + 1 < len(tail) else None
    return low(tail[n]) in WITH and nxt is not None and nxt.start in countries


def in_country_list(tail: list[Token], n: int, countries: frozenset[int]) -> bool:
    """A comma or "и" between two countries named after the cue in one case ("Польше, Венгрии");
    not "предложения Великобритании, Норвегия отказывается" (a new clause's subject)."""
    if low(tail[n]) not in LIST_JOINERS or n == 0 or n + 1 >= len(tail):
        return False
    if tail[n - 1].start not in countries or tail[n + 1].start not in countries:
        return False
    return bool(_cases(tail[n - 1]) & _cases(tail[n + 1]))


def _cases(tok: Token) -> set[str]:
    """Every case the word can be in; an indeclinable one ("США") any case."""
    ps = parse(low(tok))
    if not ps or any("Fixd" in p.tag for p in ps):
        return {"any", "nomn", "gent", "datv", "accs", "ablt", "loct"}
    return {p.tag.case for p in ps if p.tag.case}


def before_contrast(rest: list[Token]) -> list[Token]:
    """The words up to a comma that opens a contrast ("..., но ...", "..., а ...")."""
    for k, tok in enumerate(rest[:-1]):
        if tok.text == "," and low(rest[k + 1]) in CONTRAST_WORDS:
            return rest[:k]
    return rest
