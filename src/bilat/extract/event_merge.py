"""Merging repeated mentions of one event: an :class:`Occurrence` gathers every mention of one
real-world occurrence when their type matches and their date, place, persons, countries and
documents do not contradict each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..doc import Span
from .event_triggers import TriggerHit

FALLBACK_PRECISION = len("YYYY-MM")  # a publication-date guess agrees with its month


@dataclass(slots=True)
class Occurrence:
    """One real-world event with every mention of it merged in."""

    type: str
    date: str | None
    anchored: bool
    place: str | None
    persons: list[str]
    evidence: Span
    first: TriggerHit
    present: bool
    reminiscence: bool
    fallback: bool = False  # the date is the publication date, not read from the text
    countries: list[str] = field(default_factory=list)
    documents: frozenset[str] = frozenset()  # kinds of document signed ("contract", "memorandum")

    def compatible(self, other: Occurrence) -> bool:
        if self.type != other.type:
            return False
        if self.date and other.date and not _dates_agree(self, other):
            return False
        if self.place and other.place and self.place != other.place:
            return False
        if self.persons and other.persons and not set(self.persons) & set(other.persons):
            return False
        if not _countries_agree(self.countries, other.countries):
            return False  # Порошенко met Трамп, then Трюдо: two meetings
        if self.documents and other.documents and not self.documents & other.documents:
            return False  # a contract and a memorandum signed are two agreements
        if (self.present and other.reminiscence) or (self.reminiscence and other.present):
            return False
        return True

    def absorb(self, other: Occurrence) -> None:
        if other.date and (
            not self.date
            or (self.fallback and not other.fallback)
            or (len(other.date) > len(self.date) and self.fallback == other.fallback)
        ):
            self.date, self.fallback = other.date, other.fallback
        self.anchored = self.anchored or other.anchored
        self.place = self.place or other.place
        self.persons += [p for p in other.persons if p not in self.persons]
        self.present = self.present or other.present
        self.documents = self.documents | other.documents
        self.reminiscence = self.reminiscence and other.reminiscence
        if len(other.countries) >= 2 and set(other.countries) < set(self.countries):
            self.countries = list(other.countries)  # the mention that names its parties


def _countries_agree(a: list[str], b: list[str]) -> bool:
    """One mention's countries hold the other's: a shared person alone does not make two
    meetings with different partners one."""
    return not a or not b or set(a) <= set(b) or set(b) <= set(a)


def _dates_agree(a: Occurrence, b: Occurrence) -> bool:
    """One date is a prefix of the other; a publication-date guess only fixes the month."""
    x, y = a.date or "", b.date or ""
    if a.fallback or b.fallback:
        x, y = x[:FALLBACK_PRECISION], y[:FALLBACK_PRECISION]
    return x.startswith(y) or y.startswith(x)


def merge(occurrences: list[Occurrence], weak: list[Occurrence]) -> list[Occurrence]:
    """Fold repeated mentions together; weak mentions only enrich an existing occurrence."""
    merged: list[Occurrence] = []
    for occ in occurrences:
        target = next((m for m in merged if m.compatible(occ)), None)
        if target is None:
            merged.append(occ)
        else:
            target.absorb(occ)
    for occ in weak:
        target = next((m for m in merged if m.compatible(occ)), None)
        if target is not None:
            target.absorb(occ)
    return merged
