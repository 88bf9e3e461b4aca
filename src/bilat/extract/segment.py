"""Stage ``segment``: sentences and tokens (razdel), with pymorphy3 lemmas and POS."""

from __future__ import annotations

from razdel import sentenize, tokenize

from ..doc import Doc, Sentence, Token
from ..pipeline import stage
from .models import analysis, lemma_forms


@stage("segment", requires=("text",), provides=("sentences",))
def segment(doc: Doc) -> Doc:
    doc.sentences = []
    for sent in sentenize(doc.text):
        tokens = []
        for t in tokenize(sent.text):
            text = t.text
            lemma, pos = analysis(text)
            start = sent.start + t.start
            tokens.append(Token(start, start + len(text), text, lemma, pos, lemma_forms(text, lemma)))
        doc.sentences.append(Sentence(sent.start, sent.stop, sent.text, tokens))
    return doc
