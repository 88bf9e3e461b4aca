"""Reading extraction records (and the texts they point into) back from the store."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..store import schema as s


def load_records(
    engine: Engine, pair: Sequence[str] | None = None
) -> tuple[list[dict], dict[str, str]]:
    """Records of every extracted document (of the pair's documents, when given) and their texts.

    Each record's ``doc`` is the stored document id; ``name`` is the input's name.
    """
    query = sa.select(
        s.documents.c.id, s.documents.c.name, s.documents.c.text, s.extractions.c.record
    ).join(s.extractions, s.extractions.c.doc_id == s.documents.c.id)
    for code in sorted(set(pair or ())):
        alias = s.doc_countries.alias(f"dc_{code.lower()}")
        query = query.join(
            alias, sa.and_(alias.c.doc_id == s.documents.c.id, alias.c.code == code.upper())
        )
    records, texts = [], {}
    with engine.connect() as conn:
        for doc_id, name, text, record in conn.execute(query.order_by(s.documents.c.id)):
            records.append({**record, "doc": doc_id, "name": name})
            texts[doc_id] = text
    return records, texts
