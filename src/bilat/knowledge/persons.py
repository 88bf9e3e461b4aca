"""One person across documents and name variants, with a role history.

Full names ("Имя Фамилия", already in the nominative per document) are the anchors. A surname
alone or an initial ("С. Лавров") joins a full-name person only when exactly one person with that
surname (and a compatible country and initial) is known; otherwise it stays apart and is marked
ambiguous. Two people who share a surname are never merged.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .followthrough import effective_date


@dataclass
class RoleSpell:
    role: str | None
    organization: str | None
    country: str | None
    first_seen: str | None
    last_seen: str | None
    sources: list[str] = field(default_factory=list)


@dataclass
class ResolvedPerson:
    id: str
    name: str
    country: str | None
    docs: list[str]
    mentions: list[str]
    roles: list[RoleSpell]
    ambiguous_with: list[str] = field(default_factory=list)


@dataclass
class _Occurrence:
    doc: str
    published: str | None
    person: dict


def name_key(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


def _parts(name: str) -> tuple[str, str]:
    """(first, last) of a normalised name; first may be '' or an initial like 'с.'."""
    tokens = name_key(name).split()
    if not tokens:
        return "", ""
    if len(tokens) == 1:
        return "", tokens[0]
    return tokens[0], tokens[-1]


def _is_initial(first: str) -> bool:
    return first.endswith(".") and len(first.rstrip(".").split("-")[0]) <= 2


def _person_id(key: str) -> str:
    return "p" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def resolve_persons(records: Iterable[dict]) -> list[ResolvedPerson]:
    full: dict[str, list[_Occurrence]] = defaultdict(list)
    partial: list[_Occurrence] = []
    for rec in records:
        for person in rec.get("persons", []):
            occ = _Occurrence(rec["doc"], effective_date(rec), person)
            first, last = _parts(person["name"])
            if first and not _is_initial(first):
                full[f"{first} {last}"].append(occ)
            elif last:
                partial.append(occ)

    by_surname: dict[str, list[str]] = defaultdict(list)
    countries: dict[str, Counter] = {}  # per full name, kept up to date as occurrences join
    for key, occs in full.items():
        by_surname[key.split()[-1]].append(key)
        countries[key] = _countries(occs)

    orphans: dict[str, list[_Occurrence]] = defaultdict(list)
    ambiguity: dict[str, list[str]] = {}
    for occ in partial:
        first, last = _parts(occ.person["name"])
        country = occ.person.get("country")
        candidates = [
            key
            for key in by_surname.get(last, [])
            if (not first or key.startswith(first.rstrip(".")[:1]))
            and (not country or _most_common(countries[key]) in (None, country))
        ]
        if len(candidates) == 1:
            full[candidates[0]].append(occ)
            countries[candidates[0]].update(_countries([occ]))
        else:
            okey = name_key(occ.person["name"])
            orphans[okey].append(occ)
            if len(candidates) > 1:
                ambiguity[okey] = sorted(candidates)

    people = [_build(key, occs) for key, occs in full.items()]
    for key, occs in orphans.items():
        person = _build(key, occs)
        person.ambiguous_with = [_person_id(k) for k in ambiguity.get(key, [])]
        people.append(person)
    people.sort(key=lambda p: (-len(p.docs), p.name))
    return people


def _countries(occs: list[_Occurrence]) -> Counter:
    return Counter(o.person.get("country") for o in occs if o.person.get("country"))


def _most_common(counts: Counter) -> str | None:
    return counts.most_common(1)[0][0] if counts else None


def _country_of(occs: list[_Occurrence]) -> str | None:
    return _most_common(_countries(occs))


def _display_name(occs: list[_Occurrence]) -> str:
    names = Counter(o.person["name"] for o in occs)
    return max(names, key=lambda n: (len(n.split()) > 1, names[n], len(n)))


def _build(key: str, occs: list[_Occurrence]) -> ResolvedPerson:
    mentions = list(dict.fromkeys(m["text"] for occ in occs for m in occ.person.get("mentions", [])))
    return ResolvedPerson(
        id=_person_id(key),
        name=_display_name(occs),
        country=_country_of(occs),
        docs=sorted({o.doc for o in occs}),
        mentions=mentions,
        roles=_role_history(occs),
    )


def _role_history(occs: list[_Occurrence]) -> list[RoleSpell]:
    spells: dict[tuple, RoleSpell] = {}
    sources: dict[tuple, set[str]] = defaultdict(set)
    for occ in sorted(occs, key=lambda o: o.published or "9999"):
        p = occ.person
        if not p.get("role"):
            continue
        key = (p["role"], p.get("organization"), p.get("country"))
        spell = spells.get(key)
        if spell is None:
            spell = spells[key] = RoleSpell(*key, occ.published, occ.published)
        if occ.published:
            spell.first_seen = min(filter(None, [spell.first_seen, occ.published]))
            spell.last_seen = max(filter(None, [spell.last_seen, occ.published]))
        if occ.doc not in sources[key]:
            sources[key].add(occ.doc)
            spell.sources.append(occ.doc)
    return sorted(spells.values(), key=lambda s: s.first_seen or "9999")
