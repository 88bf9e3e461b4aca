"""The same visit, meeting or signing reported by several outlets becomes one event.

Events merge when they have the same type and country set, their dates agree (one is a prefix of
the other, or one is unknown), their places agree, they come from different documents, and nothing
tells them apart: when neither date is known, they must share a participant or a place. The merged
event's date is the best-supported one: the most precise date that most sources agree with.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .periods import dates_agree


@dataclass
class EventSource:
    doc: str
    published: str | None
    date: str | None
    quote: str
    start: int
    end: int


@dataclass
class MergedEvent:
    id: str
    type: str
    countries: tuple[str, ...]
    date: str | None
    place: str | None
    persons: list[str]
    cameo: str
    plover: str
    sources: list[EventSource] = field(default_factory=list)

    @property
    def docs(self) -> list[str]:
        return sorted({s.doc for s in self.sources})


def _place_key(place: str | None) -> str | None:
    return place.lower().replace("ё", "е") if place else None


def _compatible(cluster: MergedEvent, event: dict, doc: str) -> bool:
    if doc in cluster.docs:
        return False
    if not dates_agree(cluster.date, event.get("date")):
        return False
    place, other = _place_key(cluster.place), _place_key(event.get("place"))
    if place and other and place != other:
        return False
    shared_people = set(cluster.persons) & set(event.get("persons", []))
    if cluster.date and event.get("date"):
        both_days = len(cluster.date) == 10 and len(event["date"]) == 10
        return both_days or bool(shared_people) or bool(place and place == other)
    return bool(shared_people) or bool(place and place == other)


def _best_date(sources: list[EventSource]) -> str | None:
    dates = [s.date for s in sources if s.date]
    if not dates:
        return None
    return max(
        set(dates), key=lambda d: (sum(dates_agree(d, o) for o in dates), len(d), d)
    )


def merge_events(records: Iterable[dict]) -> list[MergedEvent]:
    groups: dict[tuple, list[tuple[dict, dict]]] = defaultdict(list)
    for rec in records:
        for ev in rec.get("events", []):
            groups[(ev["type"], tuple(sorted(ev.get("countries", []))))].append((rec, ev))

    merged: list[MergedEvent] = []
    for (etype, countries), items in groups.items():
        # precise dates first, so vaguer reports join the occurrence they agree with
        items.sort(key=lambda it: (-len(it[1].get("date") or ""), it[0]["doc"]))
        clusters: list[MergedEvent] = []
        for rec, ev in items:
            evid = ev["evidence"]
            source = EventSource(
                rec["doc"], rec.get("published"), ev.get("date"), evid["text"], evid["start"], evid["end"]
            )
            target = next((c for c in clusters if _compatible(c, ev, rec["doc"])), None)
            if target is None:
                target = MergedEvent(
                    id="",
                    type=etype,
                    countries=countries,
                    date=ev.get("date"),
                    place=ev.get("place"),
                    persons=[],
                    cameo=ev.get("cameo", ""),
                    plover=ev.get("plover", ""),
                )
                clusters.append(target)
            target.sources.append(source)
            target.place = target.place or ev.get("place")
            target.persons += [p for p in ev.get("persons", []) if p not in target.persons]
            target.date = _best_date(target.sources)
        merged.extend(clusters)
    taken: set[str] = set()
    for ev in merged:
        first = min(ev.sources, key=lambda s: (s.doc, s.start))
        key = f"{ev.type}|{ev.countries}|{first.doc}|{first.start}"
        ev.id = "e" + hashlib.sha1(key.encode()).hexdigest()[:10]
        n = 1
        while ev.id in taken:  # two events of one type reported in the same sentence
            n += 1
            ev.id = "e" + hashlib.sha1(f"{key}|{n}".encode()).hexdigest()[:10]
        taken.add(ev.id)
    merged.sort(key=lambda e: (e.date or "", e.type))
    return merged
