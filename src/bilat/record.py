"""The extraction record: a filled ``Doc`` as the JSON object defined in shared gold/README.md."""

from __future__ import annotations

from .doc import Doc, Span


def _evidence(span: Span) -> dict:
    return span.as_dict()


def to_record(doc: Doc) -> dict:
    """One JSON-ready extraction record. Extra fields beyond the gold format are welcome."""
    return {
        "doc": doc.id,
        "published": doc.published.isoformat() if doc.published else None,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "countries": sorted(doc.countries),
        "persons": [
            {
                "name": p.name,
                "country": p.country,
                "role": p.role,
                "organization": p.organization,
                "patronymic": p.patronymic or None,
                "mentions": [_evidence(m) for m in p.mentions],
            }
            for p in doc.persons
        ],
        "events": [
            {
                "type": e.type,
                "date": e.date,
                "countries": sorted(e.countries),
                "place": e.place,
                "persons": e.persons,
                "cameo": e.cameo,
                "plover": e.plover,
                "evidence": _evidence(e.evidence),
            }
            for e in doc.events
        ],
        "indicators": [
            {
                "kind": i.kind,
                "scope": i.scope,
                "countries": i.countries,
                "period": i.period,
                "value": i.value,
                "unit": i.unit,
                "change_pct": i.change_pct,
                "evidence": _evidence(i.evidence),
            }
            for i in doc.indicators
        ],
        "commitments": [
            {
                "kind": c.kind,
                "due": c.due,
                "parties": c.parties,
                "action": c.action,
                "evidence": _evidence(c.evidence),
            }
            for c in doc.commitments
        ],
        "sectors": sorted({s.sector for s in doc.sectors}),
        "entities": [
            {"type": e.type, "text": e.text, "normal": e.normal, "start": e.start, "end": e.end}
            for e in doc.entities
        ],
        "warnings": doc.warnings,
    }
