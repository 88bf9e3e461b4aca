"""Is "накануне" an adverb here ("Накануне министры провели переговоры": the day before) or a
preposition ("накануне визита": the eve of something, no date of its own)? Used by the
``times`` stage for the words of ``eve_words`` in data/relative_dates.json."""

from __future__ import annotations

import re

from ..doc import Doc
from .models import parse

NAME_TYPES = frozenset({"PERSON", "ORGANIZATION"})  # a name after "Накануне" is its subject
GENITIVE_HEADS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})  # what "накануне X" governs

_NEXT_WORD = re.compile(r"\s*([А-Яа-яЁё-]+)")


def governs_a_noun(doc: Doc, text: str, end: int) -> bool:
    """The word after ``end`` is a genitive that is no person: "накануне визита",
    "накануне официального визита", not "накануне министры" or "накануне главы государств"."""
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return False
    word = nxt.group(1)
    if any(e.start == nxt.start(1) and e.type in NAME_TYPES for e in doc.entities):
        return False  # "Накануне Токаев провел ...": a person or a body, the subject
    parses = parse(word.lower())
    if any(p.tag.POS == "PREP" or {"Name", "Surn"} & p.tag.grammemes for p in parses):
        return False  # "Накануне в Астане ...", "Накануне Токаев ...": an adverb
    return any(
        p.tag.case == "gent" and p.tag.POS in GENITIVE_HEADS and "anim" not in p.tag
        for p in parses
    ) and not any("anim" in p.tag and p.tag.case == "nomn" for p in parses)
