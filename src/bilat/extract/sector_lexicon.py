"""Sector cue lexicon (src/bilat/data/sectors.json) and the word matching it uses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import NamedTuple

from ..datafiles import read_json
from .folding import MEMO_CACHE_SIZE
from .folding import fold as norm

LEXICON_FILE = "sectors.json"
LEMMA_PREFIX = "="
PREFIX = 2  # letters of a cue's first part used to index the lexicon
STRONG, WEAK = 2, 1  # context strengths of a sentence
NO_SECTOR = ""  # the "sector" of a non_sector phrase: it hides the cue it holds


class Word(NamedTuple):
    """One word (or one part of a hyphenated word) as the matcher sees it (a named tuple:
    sentences are cut into many of these, and tuples are quick to make)."""

    form: str  # lower case, ё as е
    lemma: str
    start: int
    end: int
    token: int  # index of the sentence token it comes from


@dataclass(frozen=True)
class SectorCue:
    sector: str
    parts: tuple[str, ...]  # stems, or "=lemma"

    @cached_property
    def stem_length(self) -> int:
        """Letters the cue's parts spell out: how specific it is."""
        return sum(len(p.removeprefix(LEMMA_PREFIX)) for p in self.parts)

    def matches_at(self, words: list[Word], i: int) -> bool:
        if i + len(self.parts) > len(words):
            return False
        return all(_part_matches(p, words[i + k]) for k, p in enumerate(self.parts))


def _part_matches(part: str, word: Word) -> bool:
    if part.startswith(LEMMA_PREFIX):
        return word.lemma == part[1:]
    return word.form.startswith(part)


@dataclass(frozen=True)
class SectorLexicon:
    cues: tuple[SectorCue, ...]
    generic_heads: tuple[str, ...]
    strong_context: tuple[str, ...]
    weak_context: tuple[str, ...]
    title_heads: tuple[str, ...]

    @cached_property
    def _by_prefix(self) -> dict[str, tuple[SectorCue, ...]]:
        """Cues by the first two letters of their first part (a word can only match those)."""
        index: dict[str, list[SectorCue]] = {}
        for cue in self.cues:
            index.setdefault(cue.parts[0].removeprefix(LEMMA_PREFIX)[:PREFIX], []).append(cue)
        return {k: tuple(v) for k, v in index.items()}

    @cached_property
    def _short(self) -> tuple[SectorCue, ...]:
        """Cues whose first part is shorter than the index prefix (checked for every word)."""
        return tuple(c for k, group in self._by_prefix.items() if len(k) < PREFIX for c in group)

    def _candidates(self, word: Word) -> tuple[SectorCue, ...]:
        index = self._by_prefix
        found = index.get(word.form[:PREFIX], ())
        if word.lemma[:PREFIX] != word.form[:PREFIX]:
            found += index.get(word.lemma[:PREFIX], ())
        return found + self._short

    @cached_property
    def _memo(self) -> dict[tuple, object]:
        """Per-word answers (:meth:`_starting`, :meth:`word_strength`, :meth:`is_title_head`),
        bounded like every word cache."""
        return {}

    @cached_property
    def token_memo(self) -> dict[tuple[str, str], bool]:
        """(token text, lemma) -> whether a word of the token starts a cue (see sectors)."""
        return {}

    def remember_token(self, key: tuple[str, str], value: bool) -> bool:
        if len(self.token_memo) >= MEMO_CACHE_SIZE:
            self.token_memo.clear()
        self.token_memo[key] = value
        return value

    def _remember(self, key: tuple, value):
        memo = self._memo
        if len(memo) >= MEMO_CACHE_SIZE:
            memo.clear()
        memo[key] = value
        return value

    def _starting(self, form: str, lemma: str) -> tuple[SectorCue, ...]:
        """The candidate cues (in :meth:`_candidates` order) whose first part matches the word."""
        key = ("start", form, lemma)
        found = self._memo.get(key)
        if found is None:
            word = Word(form, lemma, 0, 0, 0)
            found = self._remember(key, tuple(
                c for c in self._candidates(word) if _part_matches(c.parts[0], word)))
        return found  # type: ignore[return-value]

    def starts_cue(self, form: str, lemma: str) -> bool:
        """Whether the first part of some cue matches the word."""
        return bool(self._starting(form, lemma))

    def sector_of(self, words: list[Word], i: int) -> tuple[str, int] | None:
        """The sector whose cue starts at word ``i``, with the cue's length in words (the
        longest; among those, the one with the longest stems: "кибербезопасн" before
        "кибер"; then the first). :data:`NO_SECTOR` for a non_sector phrase."""
        best: tuple[str, int] | None = None
        best_key = (0, 0)
        word = words[i]
        for cue in self._starting(word.form, word.lemma):
            size = len(cue.parts)
            key = (size, cue.stem_length)
            if key <= best_key:
                continue
            if size == 1 or (i + size <= len(words) and all(
                    _part_matches(p, words[i + k]) for k, p in enumerate(cue.parts) if k)):
                best, best_key = (cue.sector, size), key
        return best

    def is_generic(self, word: Word) -> bool:
        return word.form.startswith(self.generic_heads)

    def word_strength(self, form: str) -> int:
        """STRONG for a strong context word, WEAK for a weak one, else 0."""
        key = ("strength", form)
        found = self._memo.get(key)
        if found is None:
            found = self._remember(key, STRONG if form.startswith(self.strong_context)
                                   else WEAK if form.startswith(self.weak_context) else 0)
        return found  # type: ignore[return-value]

    def context_strength(self, words: list[Word]) -> int:
        """2 for a sentence about cooperation, 1 for one about talks or relations, else 0."""
        return max((self.word_strength(w.form) for w in words), default=0)

    def is_title_head(self, text: str) -> bool:
        """Whether a token (any part of a hyphenated one) starts with a title head."""
        key = ("title", text)
        found = self._memo.get(key)
        if found is None:
            found = self._remember(key, any(
                part and part.startswith(self.title_heads) for part in norm(text).split("-")))
        return found  # type: ignore[return-value]


@cache
def sector_lexicon() -> SectorLexicon:
    raw = read_json(LEXICON_FILE)
    cues = tuple(
        SectorCue(sector, tuple(norm(cue).split()))
        for sector, items in raw["sectors"].items()
        for cue in items
    ) + tuple(SectorCue(NO_SECTOR, tuple(norm(cue).split())) for cue in raw.get("non_sector", ()))
    return SectorLexicon(
        cues=cues,
        generic_heads=tuple(norm(h) for h in raw["generic_heads"]),
        strong_context=tuple(norm(c) for c in raw["strong_context"]),
        weak_context=tuple(norm(c) for c in raw["weak_context"]),
        title_heads=tuple(norm(t) for t in raw["title_heads"]),
    )
