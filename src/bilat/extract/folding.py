"""The one case folding every lexicon is stored in (lower case, ё written as е), and the size
of the per-word caches every stage keeps.

The caches are bounded so that a worker extracting millions of articles stays under 1 GB. News
vocabulary is Zipfian: on 2,000 ru_news articles, caches of 40,000 words cost 19% more time than
caches of 200,000, and caches of 100,000 cost 4% more while keeping 150 MB less. On all of
ru_news with 2 batch workers, caches of 100,000 peaked at 1,013 / 1,026 MiB per worker, caches of
80,000 at 954 / 962 MiB."""

from __future__ import annotations

from functools import lru_cache

WORD_CACHE_SIZE = 80_000  # distinct words kept per cached per-word function
PHRASE_CACHE_SIZE = 20_000  # distinct names and phrases kept per cached function
# answers that are cheap to recompute (is this token a cue start?): kept small, so that a batch
# worker stays under 1 GB
MEMO_CACHE_SIZE = 20_000


@lru_cache(maxsize=WORD_CACHE_SIZE)
def fold(word: str) -> str:
    """``word`` in lower case with ё written as е (cached: words repeat a lot in news)."""
    return word.lower().replace("ё", "е")
