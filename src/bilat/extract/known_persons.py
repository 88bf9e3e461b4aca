"""Well-known state officials (``data/known_persons.tsv``): the full name and country of a
person the text names without them ("встреча Владимира Путина и Синдзо Абэ", "Макрон").

A person of the text is a known one when the surnames agree (in any case form of the text's
surname) and every given name the text uses is one of the known person's (or a case form of
one): "Тайип Эрдоган" is "Реджеп Тайип Эрдоган". A surname alone is enough unless the row is
marked ``full``; several known people sharing the surname give only their common country.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..datafiles import read_rows
from ..doc import Person
from .folding import fold
from .person_names import FIRST, LAST, PersonName, _part_candidates

DATA_FILE = "known_persons.tsv"


@dataclass(frozen=True, slots=True)
class Known:
    name: str  # full name in the nominative, "" when several people share the surname
    first: str
    last: str
    country: str
    full: bool = False  # the surname alone does not name this person


@cache
def known_persons() -> dict[str, tuple[Known, ...]]:
    """Known people by their surname (folded: lower case, ё = е)."""
    index: dict[str, list[Known]] = {}
    for row in read_rows(DATA_FILE):
        words = row[0].strip().split()
        if len(words) < 2 or len(row) < 2:
            continue
        flag = row[2].strip() if len(row) > 2 else ""
        known = Known(row[0].strip(), " ".join(words[:-1]), words[-1], row[1].strip(), flag == "full")
        index.setdefault(fold(words[-1]), []).append(known)
    return {k: tuple(v) for k, v in index.items()}


def _forms(word: str, place: frozenset[str]) -> set[str]:
    parts = word.split("-")
    head = "-".join(parts[:-1])
    out = {fold(word)}
    for form, _ in _part_candidates(parts[-1], place).values():
        out.add(fold(f"{head}-{form}" if head else form))
    return out


def _given_agree(text_first: str, known_first: str) -> bool:
    """Is every given name of the text one of the known person's, up to case forms?"""
    known = known_first.split()
    for word in text_first.split():
        if not any(
            fold(word) == fold(k) or fold(k) in _forms(word, FIRST) or fold(word) in _forms(k, FIRST)
            for k in known
        ):
            return False
    return True


def lookup(name: PersonName, surnames: list[str]) -> Known | None:
    """The known person a name of the text stands for; ``surnames`` are its surname as
    written in each mention. Several candidates of one country give that country alone."""
    index = known_persons()
    keys = {fold(name.last)}
    for word in surnames:
        keys |= _forms(word, LAST)
    found: dict[str, Known] = {}
    for key in keys:
        for known in index.get(key, ()):
            if name.first:
                ok = _given_agree(name.first, known.first)
            elif name.initials:
                ok = fold(known.first[:1]) == fold(name.initials[:1])
            else:
                ok = not known.full
            if ok:
                found[known.name] = known
    if len(found) == 1:
        return next(iter(found.values()))
    countries = {k.country for k in found.values()}
    if len(countries) == 1:
        return Known("", "", "", countries.pop())
    return None


def apply_known(person: Person, name: PersonName, surnames: list[str]) -> bool:
    """Give ``person`` (named ``name`` in the text) a known person's full name and
    country; True when one was found."""
    known = lookup(name, surnames)
    if known is None:
        return False
    if known.name:
        person.name, person.first, person.last = known.name, known.first, known.last
    person.country = known.country
    return True


def merge_same(persons: list[Person]) -> list[Person]:
    """One person per name: clusters the known-person table gave the same name are merged."""
    out: dict[str, Person] = {}
    for p in persons:
        key = fold(p.name)
        if key not in out:
            out[key] = p
            continue
        kept = out[key]
        spans = {(s.start, s.end): s for s in [*kept.mentions, *p.mentions]}
        kept.mentions = [spans[k] for k in sorted(spans)]
        kept.role = kept.role or p.role
        kept.organization = kept.organization or p.organization
        kept.country = kept.country or p.country
    return list(out.values())
