"""The one case folding every lexicon is stored in (lower case, ё written as е), and the size
of the per-word caches every stage keeps.

The caches are bounded so that a worker extracting millions of articles stays well under 1 GB:
news vocabulary is Zipfian, so the most recent 40,000 words give nearly every hit."""

from __future__ import annotations

from functools import lru_cache

WORD_CACHE_SIZE = 40_000  # distinct words kept per cached per-word function
PHRASE_CACHE_SIZE = 20_000  # distinct names and phrases kept per cached function


@lru_cache(maxsize=WORD_CACHE_SIZE)
def fold(word: str) -> str:
    """``word`` in lower case with ё written as е (cached: words repeat a lot in news)."""
    return word.lower().replace("ё", "е")
