"""Where a rule is worth running: the lines of a text that hold its gate, a word every match of
the rule contains (a month name for dates, "%" for percentages).

A rule is run over each such line with the lines before and after it (a match may run over one
line break), merged into stretches, instead of over the whole text: the regular expression
engine then skips the paragraphs that cannot hold a match. ``pattern.finditer(text, start,
end)`` still sees the characters around a stretch, so look-behind and look-ahead assertions
judge as they do over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Regions = tuple[tuple[int, int], ...]
_memo: tuple[str | None, dict[re.Pattern[str], Regions]] = (None, {})


def gate_regions(gate: re.Pattern[str], text: str) -> Regions:
    """The stretches of ``text`` around the lines holding ``gate`` (remembered for the last
    text seen, so the rules sharing a gate search a text once)."""
    global _memo
    memo = _memo
    if memo[0] is not text:
        memo = (text, {})
        _memo = memo
    found = memo[1].get(gate)
    if found is None:
        found = memo[1][gate] = _regions(gate, text)
    return found


def gated_finditer(pattern: re.Pattern[str], gate: re.Pattern[str] | None, text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, run only where ``gate`` occurs (everywhere without one)."""
    if gate is None:
        return pattern.finditer(text)
    regions = gate_regions(gate, text)
    if regions == ((0, len(text)),):
        return pattern.finditer(text)
    return (m for start, end in regions for m in pattern.finditer(text, start, end))


def _regions(gate: re.Pattern[str], text: str) -> Regions:
    spans: list[tuple[int, int]] = []
    for m in gate.finditer(text):
        line_start = text.rfind("\n", 0, m.start())
        start = text.rfind("\n", 0, line_start) + 1 if line_start > 0 else 0
        line_end = _line_end(text, m.end())
        end = line_end if line_end == len(text) else _line_end(text, line_end + 1)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return tuple(spans)


def _line_end(text: str, pos: int) -> int:
    """Where the line holding ``pos`` ends (its line break, or the end of the text)."""
    found = text.find("\n", pos)
    return len(text) if found == -1 else found
