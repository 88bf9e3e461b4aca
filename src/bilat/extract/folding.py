"""The one case folding every lexicon is stored in: lower case, ё written as е."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """``word`` in lower case with ё written as е (cached: words repeat a lot in news)."""
    return word.lower().replace("ё", "е")
