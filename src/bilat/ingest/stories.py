"""Near-duplicate grouping: reprints of one article become one story.

MinHash over word shingles of the lowercased text, and MinHashLSH to find candidates. The index
is rebuilt from the signatures stored in the ``minhashes`` table, so later ingests group new
articles with stored ones. A new article joins the story of its most similar stored (or earlier)
article whose estimated Jaccard similarity is at least ``THRESHOLD``; otherwise it starts a story
whose id is its own id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa
from datasketch import MinHash, MinHashLSH
from sqlalchemy.engine import Connection

from ..store import schema as s

NUM_PERM = 128
THRESHOLD = 0.7
SHINGLE_WORDS = 3
SEED = 1
WORD_RE = re.compile(r"\w+")

_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED)


def shingles(text: str) -> set[bytes]:
    """Overlapping ``SHINGLE_WORDS``-word shingles of the lowercased text (ё read as е)."""
    words = WORD_RE.findall(text.lower().replace("ё", "е"))
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode()}
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode()
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(text: str) -> np.ndarray:
    """The MinHash signature of ``text``: ``NUM_PERM`` uint64 values."""
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_TEMPLATE.permutations)
    mh.update_batch(sorted(shingles(text)))
    return mh.hashvalues.astype(np.uint64)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass(frozen=True, slots=True)
class Assignment:
    story_id: str
    new_story: bool
    similar_to: str | None = None  # the document it was grouped with


class StoryIndex:
    """The LSH index of every known document's signature, with each document's story."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._sigs: dict[str, np.ndarray] = {}
        self._story: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, doc_id: str, sig: np.ndarray, story_id: str) -> None:
        lean = MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=sig,
                       permutations=_TEMPLATE.permutations)  # fmt: skip
        self._lsh.insert(doc_id, lean, check_duplication=False)
        self._sigs[doc_id] = sig
        self._story[doc_id] = story_id

    def nearest(self, sig: np.ndarray) -> tuple[str, float] | None:
        """The most similar known document at or above ``THRESHOLD`` (ties: smallest id)."""
        query = MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=sig,
                        permutations=_TEMPLATE.permutations)  # fmt: skip
        best: tuple[float, str] | None = None
        for cand in self._lsh.query(query):
            sim = similarity(sig, self._sigs[cand])
            if sim >= THRESHOLD and (best is None or (-sim, cand) < (-best[0], best[1])):
                best = (sim, cand)
        return (best[1], best[0]) if best else None

    def assign(self, doc_id: str, sig: np.ndarray) -> Assignment:
        """Find ``doc_id``'s story (joining a near-duplicate's, or a new one) and index it."""
        near = self.nearest(sig)
        if near is None:
            result = Assignment(doc_id, True)
        else:
            result = Assignment(self._story[near[0]], False, near[0])
        self.add(doc_id, sig, result.story_id)
        return result

    @classmethod
    def load(cls, conn: Connection) -> StoryIndex:
        """The index of every stored document, from the stored signatures."""
        index = cls()
        d, m = s.documents, s.minhashes
        rows = conn.execute(
            sa.select(m.c.doc_id, m.c.signature, d.c.story_id)
            .join(d, d.c.id == m.c.doc_id)
            .order_by(m.c.doc_id)
        )
        for doc_id, data, story_id in rows:
            index.add(doc_id, from_bytes(data), story_id or doc_id)
        return index
