"""Indicator series per country pair, kind and scope: one point per period.

The same figure from many sources is counted once (values within 1% agree); conflicting figures
are kept side by side and flagged; a figure implied by a stated change is added and marked derived.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .periods import previous_period

AGREE_TOLERANCE = 0.01


@dataclass
class Source:
    doc: str
    published: str | None
    quote: str
    start: int
    end: int


@dataclass
class Point:
    period: str
    value: float
    unit: str
    change_pct: float | None = None
    sources: list[Source] = field(default_factory=list)
    alternatives: list[Point] = field(default_factory=list)  # conflicting figures
    derived_from: str | None = None

    @property
    def conflicting(self) -> bool:
        return bool(self.alternatives)


@dataclass
class Series:
    kind: str
    scope: str
    countries: tuple[str, ...]
    unit: str
    points: list[Point] = field(default_factory=list)


def _agree(a: float, b: float) -> bool:
    return abs(a - b) <= AGREE_TOLERANCE * max(abs(a), abs(b), 1e-9)


def _key(ind: dict) -> tuple:
    return (ind["kind"], ind["scope"], tuple(sorted(ind["countries"])), ind["unit"])


def build_series(records: Iterable[dict]) -> list[Series]:
    by_key: dict[tuple, dict[str, list[Point]]] = defaultdict(lambda: defaultdict(list))
    for rec in records:
        for ind in rec.get("indicators", []):
            if not ind.get("period"):
                continue
            ev = ind["evidence"]
            src = Source(rec["doc"], rec.get("published"), ev["text"], ev["start"], ev["end"])
            candidates = by_key[_key(ind)][ind["period"]]
            for point in candidates:
                if _agree(point.value, ind["value"]):
                    point.sources.append(src)
                    if point.change_pct is None:
                        point.change_pct = ind.get("change_pct")
                    break
            else:
                candidates.append(
                    Point(ind["period"], ind["value"], ind["unit"], ind.get("change_pct"), [src])
                )
    result = []
    for (kind, scope, countries, unit), periods in by_key.items():
        points = []
        for candidates in periods.values():
            candidates.sort(key=lambda p: -len(p.sources))
            best, *others = candidates
            best.alternatives = others
            points.append(best)
        points += _derived(points)
        points.sort(key=lambda p: p.period)
        result.append(Series(kind, scope, countries, unit, points))
    result.sort(key=lambda s: (s.countries, s.kind, s.scope))
    return result


def _derived(points: list[Point]) -> list[Point]:
    """Points implied by a stated change: value / (1 + change) for the period a year before."""
    known = {p.period for p in points}
    derived = []
    for p in points:
        if p.change_pct is None or p.derived_from:
            continue
        prev = previous_period(p.period)
        if prev is None or prev in known:
            continue
        value = round(p.value / (1 + p.change_pct / 100))
        sign = "+" if p.change_pct >= 0 else ""
        derived.append(
            Point(
                prev,
                value,
                p.unit,
                sources=list(p.sources),
                derived_from=f"{p.period} value and {sign}{p.change_pct:g}% change",
            )
        )
        known.add(prev)
    return derived
