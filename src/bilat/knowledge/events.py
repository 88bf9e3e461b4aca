"""The same visit, meeting or signing reported by several outlets becomes one event.

Events merge when they have the same type and country set, their dates agree (one is a prefix of
the other, or one is unknown), their places agree, they come from different documents, and nothing
tells them apart: when neither date is known, they must share a participant or a place. The merged
event's date is the best-supported one: the most precise date that most sources agree with.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
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


def _compatible(cluster: MergedEvent, docs: set[str], event: dict, doc: str) -> bool:
    if doc in docs:
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


def _best_date(dates: Counter[str]) -> str | None:
    """The date most source dates agree with (counted with repeats), then the most precise."""
    if not dates:
        return None
    return max(
        dates, key=lambda d: (sum(n for o, n in dates.items() if dates_agree(d, o)), len(d), d)
    )


class _Clusters:
    """The events of one (type, countries) group being merged, indexed so that a report is
    compared only with the events it could join: those whose date agrees with its date (the
    same date, a prefix of it, one it is a prefix of, or none), or, equally sufficient, those
    that share a day, a participant or a place with it (:func:`_compatible` needs one of them).
    """

    def __init__(self) -> None:
        self.events: list[MergedEvent] = []
        self.docs: list[set[str]] = []
        self.dates: list[Counter[str]] = []
        self.by_date: dict[str | None, set[int]] = defaultdict(set)  # exact date
        self.by_prefix: dict[str, set[int]] = defaultdict(set)  # proper prefixes of the date
        self.by_clue: dict[tuple[str, str], set[int]] = defaultdict(set)  # day, person, place

    def _candidates(self, ev: dict) -> list[int]:
        when = ev.get("date")
        clues = [("person", p) for p in ev.get("persons", [])]
        if ev.get("place"):
            clues.append(("place", _place_key(ev["place"])))
        if when and len(when) == 10:
            clues.append(("day", when))
        by_clue = [self.by_clue.get(c, set()) for c in clues]
        if when:
            agreeing = [self.by_date.get(when[:k], set()) for k in range(1, len(when) + 1)]
            agreeing += [self.by_date.get(None, set()), self.by_prefix.get(when, set())]
            if sum(map(len, agreeing)) < sum(map(len, by_clue)):
                return sorted(set().union(*agreeing))
        return sorted(set().union(*by_clue))

    def _index(self, pos: int, old_date: str | None, new_persons: list[str], new_place: bool) -> None:
        event = self.events[pos]
        if event.date != old_date or len(self.docs[pos]) == 1:  # moved, or new (one report)
            for table, keys in ((self.by_date, [old_date]), (self.by_prefix, _prefixes(old_date)),
                                (self.by_clue, [("day", old_date)])):  # fmt: skip
                for key in keys:
                    table.get(key, set()).discard(pos)
            self.by_date[event.date].add(pos)
            for key in _prefixes(event.date):
                self.by_prefix[key].add(pos)
            if event.date and len(event.date) == 10:
                self.by_clue[("day", event.date)].add(pos)
        for person in new_persons:
            self.by_clue[("person", person)].add(pos)
        if new_place:
            self.by_clue[("place", _place_key(event.place))].add(pos)  # type: ignore[index]

    def add(self, etype: str, countries: tuple[str, ...], rec: dict, ev: dict) -> None:
        """Merge one report into the first event it is compatible with, or start a new one."""
        doc, evid = rec["doc"], ev["evidence"]
        when, place = ev.get("date"), ev.get("place")
        source = EventSource(doc, rec.get("published"), when, evid["text"], evid["start"], evid["end"])
        fits = (i for i in self._candidates(ev) if _compatible(self.events[i], self.docs[i], ev, doc))
        pos = next(fits, None)
        if pos is None:
            pos, old_date, old_place = len(self.events), None, None
            self.events.append(
                MergedEvent(id="", type=etype, countries=countries, date=when, place=place, persons=[],
                            cameo=ev.get("cameo", ""), plover=ev.get("plover", ""))  # fmt: skip
            )
            self.docs.append(set())
            self.dates.append(Counter())
        else:
            old_date, old_place = self.events[pos].date, self.events[pos].place
        target = self.events[pos]
        target.sources.append(source)
        self.docs[pos].add(doc)
        target.place = target.place or place
        new_persons = [p for p in ev.get("persons", []) if p not in target.persons]
        target.persons += new_persons
        if source.date:
            self.dates[pos][source.date] += 1
        target.date = _best_date(self.dates[pos])
        self._index(pos, old_date, new_persons, bool(target.place) and not old_place)


def _prefixes(when: str | None) -> list[str]:
    return [when[:k] for k in range(1, len(when))] if when else []


def merge_events(records: Iterable[dict]) -> list[MergedEvent]:
    groups: dict[tuple, list[tuple[dict, dict]]] = defaultdict(list)
    for rec in records:
        for ev in rec.get("events", []):
            groups[(ev["type"], tuple(sorted(ev.get("countries", []))))].append((rec, ev))

    merged: list[MergedEvent] = []
    for (etype, countries), items in groups.items():
        # precise dates first, so vaguer reports join the occurrence they agree with
        items.sort(key=lambda it: (-len(it[1].get("date") or ""), it[0]["doc"]))
        clusters = _Clusters()
        for rec, ev in items:
            clusters.add(etype, countries, rec, ev)
        merged.extend(clusters.events)
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
