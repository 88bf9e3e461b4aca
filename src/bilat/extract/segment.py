"""Stage ``segment``: sentences and tokens (razdel), with pymorphy3 lemmas and POS."""

from __future__ import annotations

from functools import lru_cache

from razdel import sentenize, tokenize

from ..doc import Doc, Sentence, Token
from ..pipeline import stage
from .models import parse


@lru_cache(maxsize=200_000)
def _analysis(text: str) -> tuple[str, str]:
    """(lemma, part of speech) of the best pymorphy3 parse, cached per word form."""
    parses = parse(text)
    if parses:
        best = parses[0]
        return best.normal_form, str(best.tag.POS or "")
    return text.lower(), ""


def _token(start: int, text: str) -> Token:
    lemma, pos = _analysis(text)
    return Token(start, start + len(text), text, lemma, pos)


@stage("segment", requires=("text",), provides=("sentences",))
def segment(doc: Doc) -> Doc:
    doc.sentences = []
    for sent in sentenize(doc.text):
        tokens = [_token(sent.start + t.start, t.text) for t in tokenize(sent.text)]
        doc.sentences.append(Sentence(sent.start, sent.stop, sent.text, tokens))
    return doc
