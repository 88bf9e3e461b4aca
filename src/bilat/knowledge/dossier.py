"""A one-page brief of a country pair, built from extraction records and document texts."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import date

from .events import merge_events
from .followthrough import effective_date, follow_through
from .persons import resolve_persons
from .series import build_series


@dataclass(frozen=True, slots=True)
class DossierCaps:
    """How much of each long section a dossier shows: the newest rows, with the section's
    total (``bilat dossier`` reads only these in SQL; ``--full`` shows everything). The web pair
    page shows the same. Indicators and sectors are small and always complete."""

    events: int = 100  # the newest events
    event_reports: int = 3  # reports quoted per event
    persons: int = 40  # the persons in most documents
    person_docs: int = 3  # document ids listed per person (all are counted)
    commitments: int = 30  # the newest commitments of each status
    evidence: int = 3  # follow-through reports quoted per commitment
    sources: int = 100  # the newest documents


DOSSIER_CAPS = DossierCaps()


def pair_records(records: Iterable[Mapping], pair: tuple[str, str]) -> list[Mapping]:
    """Records whose article is about the pair (both countries in its dyad)."""
    wanted = set(pair)
    return [r for r in records if wanted <= set(r.get("countries", []))]


def build_dossier(
    records: Iterable[Mapping],
    texts: Mapping[str, str],
    pair: tuple[str, str],
    as_of: date | None = None,
) -> dict:
    pair = tuple(sorted(pair))  # type: ignore[assignment]
    recs = pair_records(records, pair)
    if as_of is not None:
        recs = [r for r in recs if (effective_date(r) or "") <= as_of.isoformat()]
    wanted = set(pair)
    events = [e for e in merge_events(recs) if wanted <= set(e.countries)]
    series = [s for s in build_series(recs) if set(s.countries) == wanted]
    persons = [p for p in resolve_persons(recs) if p.country in wanted or p.country is None]
    commitments = follow_through(recs, texts, as_of)
    sectors: dict[str, Counter] = defaultdict(Counter)
    for r in recs:
        period = (effective_date(r) or "undated")[:7]
        for s in r.get("sectors", []):
            sectors[s][period] += 1
    sources = sorted(
        ({"doc": r["doc"], "published": r.get("published"), "title": r.get("title"),
          "source": r.get("source"), "url": r.get("url")} for r in recs),
        key=lambda s: s["published"] or "",
    )
    return {
        "pair": list(pair),
        "as_of": (as_of.isoformat() if as_of else None),
        "documents": len(recs),
        "headline": _headline(events, series, commitments),
        "events": [asdict(e) | {"docs": e.docs} for e in events],
        "persons": [asdict(p) for p in persons],
        "indicators": [asdict(s) for s in series],
        "sectors": {k: dict(v) for k, v in sorted(sectors.items())},
        "commitments": [asdict(c) for c in commitments],
        "sources": sources,
    }


def _headline(events, series, commitments) -> dict:
    status = Counter(c.status for c in commitments)
    latest_trade = None
    for s in series:
        if s.kind == "trade" and s.scope == "total":
            real = [p for p in s.points if not p.derived_from]
            if real:
                p = max(real, key=lambda p: p.period)
                latest_trade = {"period": p.period, "value": p.value, "unit": p.unit,
                                "change_pct": p.change_pct}
    return {
        "events": len(events),
        "event_reports": sum(len(e.sources) for e in events),
        "latest_event": events[-1].date if events else None,
        "latest_trade": latest_trade,
        "commitments": dict(status),
    }
