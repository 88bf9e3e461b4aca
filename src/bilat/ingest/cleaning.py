"""Cleaning raw article text into the stored text that all later offsets refer to.

``clean_text`` normalises line endings and invisible characters, strips each line,
drops boilerplate lines (photo credits, share widgets, "read also" blocks, subscribe
prompts; rules in ``data/boilerplate_ru.txt``) and collapses runs of blank lines into one.
Letters, dashes, quotes and ``ё`` are never touched. It is idempotent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..datafiles import read_text

BOILERPLATE_FILE = "boilerplate_ru.txt"
BOILERPLATE_KINDS = ("line", "credit", "prompt", "related")
# a line longer than this is running text, never boilerplate
MAX_BOILERPLATE_LINE = 320
# a prompt ends at the first line ending a sentence, or after this many extra lines
MAX_PROMPT_CONTINUATION = 6
# a "read also" headline is at most this long and does not end a sentence
MAX_RELATED_HEADLINE = 220

# characters that carry no text: zero-width spaces and joiners, BOM, soft hyphen
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# control characters other than tab and newline
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x85")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SENTENCE_END = re.compile(r"[.!?…]\s*[»\"”)]?$")
_TEASER_END = re.compile(r"(?:\.\.\.|…)\s*$")
# a line continuing the previous sentence starts like this
_CONTINUES_SENTENCE = re.compile(r"^[a-zа-яё).,;:!?»”]")
_FUNCTION_WORDS = frozenset(
    "что чтобы и а но или в во на с со о об по к ко для от из у за при до над под перед между "
    "через без как который которая которое которые также где когда если".split()
)
_HEADLINE_AFTER_HEADER = re.compile(r"[:—–-]\s*\S")


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    kind: str
    pattern: re.Pattern[str]


@cache
def boilerplate_rules() -> tuple[BoilerplateRule, ...]:
    """The rules of ``data/boilerplate_ru.txt`` (``KIND<TAB>REGEX`` lines)."""
    text = read_text(BOILERPLATE_FILE)
    rules = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        kind, sep, regex = raw.partition("\t")
        if not sep or kind not in BOILERPLATE_KINDS:
            raise ValueError(f"{BOILERPLATE_FILE}:{number}: expected KIND<TAB>REGEX, got {raw!r}")
        rules.append(BoilerplateRule(kind, re.compile(regex, re.IGNORECASE)))
    return tuple(rules)


def boilerplate_kind(line: str) -> str | None:
    """The kind of the first rule matching the whole (stripped) line, or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_BOILERPLATE_LINE:
        return None
    for rule in boilerplate_rules():
        if rule.pattern.fullmatch(stripped):
            return rule.kind
    return None


def normalise_whitespace(text: str) -> str:
    """Unify line breaks, drop invisible and control characters, strip every line."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def _next_nonblank(lines: list[str], start: int) -> int | None:
    for i in range(start, len(lines)):
        if lines[i]:
            return i
    return None


def _drop_related(lines: list[str], i: int, keep: list[bool]) -> None:
    keep[i] = False
    # a header carrying its headline on the same line stands alone
    if _HEADLINE_AFTER_HEADER.search(lines[i]):
        return
    head = _next_nonblank(lines, i + 1)
    if head is None or len(lines[head]) > MAX_RELATED_HEADLINE:
        return
    teaser = _next_nonblank(lines, head + 1)
    has_teaser = teaser is not None and bool(_TEASER_END.search(lines[teaser]))
    # a headline does not end with a full stop, unless a teaser follows it
    if lines[head].endswith(".") and not lines[head].endswith("...") and not has_teaser:
        return
    keep[head] = False
    if has_teaser:
        keep[teaser] = False


def _drop_prompt(lines: list[str], i: int, keep: list[bool]) -> None:
    keep[i] = False
    j = i
    for _ in range(MAX_PROMPT_CONTINUATION):
        if _SENTENCE_END.search(lines[j]):
            return
        j += 1
        if j >= len(lines) or not lines[j]:
            return
        keep[j] = False


def remove_boilerplate(lines: list[str]) -> list[str]:
    """Drop boilerplate lines from stripped ``lines`` (see ``data/boilerplate_ru.txt``).

    Credit lines are judged last, against the line that follows them once the other
    boilerplate is gone, so that cleaning twice changes nothing.
    """
    keep = [True] * len(lines)
    for i, line in enumerate(lines):
        if not keep[i]:
            continue
        kind = boilerplate_kind(line)
        if kind == "line":
            keep[i] = False
        elif kind == "prompt":
            _drop_prompt(lines, i, keep)
        elif kind == "related":
            _drop_related(lines, i, keep)
    kept = [line for line, kept in zip(lines, keep, strict=True) if kept]
    result = []
    for i, line in enumerate(kept):
        if boilerplate_kind(line) == "credit":
            nxt = kept[i + 1] if i + 1 < len(kept) else ""
            if not _CONTINUES_SENTENCE.match(nxt):
                continue
        result.append(line)
    return result


def _continues(previous: str, line: str) -> bool:
    if not previous or not line or _SENTENCE_END.search(previous):
        return False
    if _CONTINUES_SENTENCE.match(line):  # lower case or punctuation goes on the sentence
        return True
    last_word = previous.rsplit(maxsplit=1)[-1].lower()
    return previous.endswith(",") or last_word in _FUNCTION_WORDS  # "..., что\nМосква ..."


def join_broken_lines(lines: list[str]) -> list[str]:
    """Re-join a sentence that a scraper broke at inline links: a line without a sentence end,
    followed directly (no blank line) by a line starting in lower case or with punctuation, or
    ending in a comma or a function word, continues on the next line."""
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line):
            glue = "" if line[0] in ",.;:!?)»”" else " "
            out[-1] = f"{out[-1]}{glue}{line}"
        else:
            out.append(line)
    return out


def clean_text(text: str) -> str:
    """The stored text of an article: normalised, without boilerplate, sentences broken at
    inline links joined again, blank runs collapsed."""
    lines = normalise_whitespace(text).split("\n")
    cleaned = "\n".join(join_broken_lines(remove_boilerplate(lines)))
    return _BLANK_RUNS.sub("\n\n", cleaned).strip()
