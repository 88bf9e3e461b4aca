"""The words a commitment's evidence spans: kept on the cue's line (a heading glued onto the
sentence stays out) and trimmed of trailing punctuation, except the closing mark of a name
opened inside it ("проекту «Северный поток — 2»")."""

from __future__ import annotations

from ..doc import Token
from .clauses import QUOTE_CLOSE, finite_forms, line_span, open_quote
from .event_generic import is_pos

DASHES = frozenset({"–", "—"})
NOUN_POS, PREDICATIVE_POS = frozenset({"NOUN"}), frozenset({"PRED"})


def trim_end(words: list[Token], start: int, end: int) -> int:
    """The end word of [start, end) without trailing punctuation, but a closing "»" of a name
    opened inside the span."""
    while end > start + 1 and not any(c.isalnum() for c in words[end - 1].text):
        opened = open_quote(words, end - 1) if words[end - 1].text == QUOTE_CLOSE else None
        if opened is not None and opened >= start:
            break  # the » closes a name opened inside the span
        end -= 1
    return end


def on_cue_line(text: str, words: list[Token], start: int, end: int, cue: int) -> tuple[int, int]:
    """First and end word of [start, end), kept on the cue's line and trimmed of punctuation."""
    end = trim_end(words, start, end)
    lo, hi = line_span(text, words[start].start, words[end - 1].end, words[cue].start)
    first = next(k for k in range(start, end) if words[k].start >= lo)
    last = max(k for k in range(first, end) if words[k].end <= hi)
    return first, trim_end(words, first, last + 1)


def subject_before_dash(words: list[Token], starts: list[int], begin: int) -> int:
    """Where the cue's clause begins once a verbless subject cut off by dashes is taken back
    in: "основная встреча – с госсекретарем ... – запланирована на среду"."""
    while begin > 0 and words[begin - 1].text in DASHES:
        prev = max((s for s in starts if s < begin - 1), default=0)
        part = words[prev : begin - 1]
        if not part or not any(c.isalnum() for c in part[-1].text):
            break  # a dialogue dash, or a quotation's attribution ("», — предложил посол")
        has_noun = any(is_pos(t, NOUN_POS) for t in part)
        if not has_noun or any(is_pos(t, PREDICATIVE_POS) for t in part) or finite_forms(part):
            break  # "Первый и наиболее вероятный — ...": no subject; "нельзя общаться — ..."
        begin = prev
    return begin
