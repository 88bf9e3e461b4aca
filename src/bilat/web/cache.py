"""A small cache of what the pages read, valid while the database does not change.

A big pair's dossier reads thousands of knowledge rows; results are kept until the database's
version moves on: document and extraction counts, the newest extraction time, and the knowledge
tables' stamp (``kb_pairs``: how many pairs, the newest refresh), which every refresh of a pair
bumps, so knowledge recomputed after its documents were committed is never served stale.
Reading the version counts whole tables (tens of ms at 10,000 documents), so it is read at most
once per ``VERSION_TTL_S``: another process's write shows within that time, this process's own
writes at once (they call ``clear``).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..store import kb_schema as k
from ..store import schema as s

T = TypeVar("T")
MAX_ENTRIES = 128
VERSION_TTL_S = 1.0


def db_version(engine: Engine) -> tuple:
    """Changes whenever documents, extraction records or a pair's knowledge are written."""
    x, d, kb = s.extractions, s.documents, k.kb_pairs
    query = sa.select(
        sa.select(sa.func.count()).select_from(d).scalar_subquery(),
        sa.select(sa.func.count()).select_from(x).scalar_subquery(),
        sa.select(sa.func.max(x.c.extracted_at)).scalar_subquery(),
        sa.select(sa.func.count()).select_from(kb).scalar_subquery(),
        sa.select(sa.func.max(kb.c.refreshed_at)).scalar_subquery(),
    )
    with engine.connect() as conn:
        return tuple(map(str, conn.execute(query).one()))


class KnowledgeCache:
    """Results keyed by (name, arguments), dropped as a whole when the database version moves."""

    def __init__(self, engine: Engine, max_entries: int = MAX_ENTRIES) -> None:
        self.engine = engine
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._version: tuple | None = None
        self._checked = (float("-inf"), ())  # (monotonic time, version read then)

    def _current_version(self) -> tuple:
        checked_at, version = self._checked
        now = time.monotonic()
        if now - checked_at >= VERSION_TTL_S:
            version = db_version(self.engine)
            self._checked = (now, version)
        return version

    def clear(self) -> None:
        """Drop every result (after a write this process made)."""
        with self._lock:
            self._entries.clear()
            self._version = None
            self._checked = (float("-inf"), ())

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        version = self._current_version()
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]  # type: ignore[return-value]
        value = build()
        with self._lock:
            if self._version == version:
                self._entries[key] = value
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
        return value
