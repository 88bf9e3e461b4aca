"""A small cache of derived knowledge, valid while the database does not change.

Building a dossier or resolving every person reads many records; the results are kept until the
database's version (document and extraction counts, newest extraction time) moves on.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..store import schema as s

T = TypeVar("T")
MAX_ENTRIES = 128


def db_version(engine: Engine) -> tuple:
    """Changes whenever documents or extraction records are added, replaced or removed."""
    x, d = s.extractions, s.documents
    with engine.connect() as conn:
        n_x, newest = conn.execute(sa.select(sa.func.count(), sa.func.max(x.c.extracted_at))).one()
        n_d = conn.execute(sa.select(sa.func.count()).select_from(d)).scalar_one()
    return (n_d, n_x, str(newest))


class KnowledgeCache:
    """Results keyed by (name, arguments), dropped as a whole when the database version moves."""

    def __init__(self, engine: Engine, max_entries: int = MAX_ENTRIES) -> None:
        self.engine = engine
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._version: tuple | None = None

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        version = db_version(self.engine)
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
