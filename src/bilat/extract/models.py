"""Shared language models, loaded once per process (natasha ships its own weights)."""

from __future__ import annotations

from functools import cache, lru_cache

from .folding import WORD_CACHE_SIZE, fold


@cache
def segmenter():
    from natasha import Segmenter

    return Segmenter()


@cache
def embedding():
    from natasha import NewsEmbedding

    return NewsEmbedding()


@cache
def ner_tagger():
    from natasha import NewsNERTagger

    return NewsNERTagger(embedding())


@cache
def morph_tagger():
    from natasha import NewsMorphTagger

    return NewsMorphTagger(embedding())


@cache
def morph_vocab():
    from natasha import MorphVocab

    return MorphVocab()


@cache
def morph_analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def parse(word: str):
    """pymorphy3 parses of one word, cached (words repeat a lot in news). pymorphy3 reads a
    word of two or more letters the same in any case, so "Москва" and "москва" share one
    look-up (a single capital letter is read as an initial). A word pymorphy3 cannot read
    (its shape check fails on letters with no Unicode name, "𗀀") has none."""
    return _parse(word.lower() if len(word) > 1 else word)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _parse(word: str):
    try:
        return morph_analyzer().parse(word)
    except ValueError:
        return []


@lru_cache(maxsize=WORD_CACHE_SIZE)
def analysis(word: str) -> tuple[str, str]:
    """(normal form, part of speech) of the most likely parse of ``word``; (lower case, "")
    for a word pymorphy3 cannot parse."""
    parses = parse(word)
    if parses:
        return parses[0].normal_form, str(parses[0].tag.POS or "")
    return word.lower(), ""


@lru_cache(maxsize=WORD_CACHE_SIZE)
def lemma_forms(word: str, lemma: str) -> frozenset[str]:
    """``lemma`` and every normal form pymorphy3 offers for ``word`` in lower case, ё written
    as е (an ambiguous word is read every way: "стали" is both "стать" and "сталь")."""
    out = {lemma.replace("ё", "е")} if lemma else set()
    for p in parse(fold(word)):
        out.add(p.normal_form.replace("ё", "е"))
    return frozenset(out)


def from_dictionary(p) -> bool:
    """Whether pymorphy3's dictionary gave the parse ``p`` (not a guess from the ending)."""
    return type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def lemma(word: str) -> str:
    """Most likely normal form of ``word``, lower-cased."""
    return analysis(word)[0]


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_known(word: str) -> bool:
    """Whether pymorphy3's dictionary holds ``word`` (not just a guessed form), cached."""
    return morph_analyzer().word_is_known(word)
