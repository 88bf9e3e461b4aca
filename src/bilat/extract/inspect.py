"""Stage ``inspect``: look at the text before analysis and warn about what will limit it.

Empty text, text in another language, markup left in and text with no sentences still give a
valid (possibly empty) record, with a warning. Very long texts are analysed up to
``MAX_ANALYSED_CHARS`` (cut at a paragraph or sentence end), so that one huge input cannot stall a
batch; offsets stay valid because only the tail is left out.
"""

from __future__ import annotations

import re

from ..doc import Doc
from ..errors import WARN_EMPTY, WARN_MARKUP, WARN_NO_SENTENCES, WARN_NOT_RUSSIAN, WARN_TRUNCATED
from ..pipeline import stage

MAX_ANALYSED_CHARS = 300_000
MIN_CYRILLIC_SHARE = 0.3  # of all letters
MIN_LETTERS_FOR_LANGUAGE = 40
MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-z]+|#\d+);")
MIN_MARKUP_HITS = 3
RUSSIAN_LETTERS = re.compile("[а-яёА-ЯЁ]+")
SENTENCE_END = re.compile(r"[.!?…]\s|\n\s*\n")


def _cut_point(text: str, limit: int) -> int:
    ends = [m.end() for m in SENTENCE_END.finditer(text, max(0, limit - 5_000), limit)]
    return ends[-1] if ends else limit


@stage("inspect", requires=("text",), provides=("warnings",))
def inspect(doc: Doc) -> Doc:
    text = doc.text
    if not text.strip():
        doc.warnings.append(f"{WARN_EMPTY} the text is empty: nothing to extract")
        return doc
    head = text[:MAX_ANALYSED_CHARS]
    letters = sum(map(str.isalpha, head))
    cyrillic = sum(map(len, RUSSIAN_LETTERS.findall(head)))
    if letters >= MIN_LETTERS_FOR_LANGUAGE and cyrillic < MIN_CYRILLIC_SHARE * letters:
        doc.warnings.append(
            f"{WARN_NOT_RUSSIAN} only {cyrillic / letters:.0%} of the letters are Cyrillic: "
            "bilat reads Russian, so little or nothing will be found"
        )
    if not letters:
        doc.warnings.append(f"{WARN_NO_SENTENCES} the text has no words: nothing to extract")
    hits = len(MARKUP.findall(text[:MAX_ANALYSED_CHARS]))
    if hits >= MIN_MARKUP_HITS:
        doc.warnings.append(
            f"{WARN_MARKUP} {hits} markup tags or entities are left in the text; they are read as text"
        )
    if len(text) > MAX_ANALYSED_CHARS:
        cut = _cut_point(text, MAX_ANALYSED_CHARS)
        doc.warnings.append(
            f"{WARN_TRUNCATED} the text has {len(text):,} characters; only the first {cut:,} "
            "were analysed"
        )
        doc.text = text[:cut]
    return doc
