"""Knowledge across documents for the web app, built by ``bilat.knowledge`` and cached.

Persons, merged events, indicator series, commitment follow-through and the dossier are the
same objects the CLI builds; this module only loads records, caches results and filters them.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from ..knowledge.dossier import build_dossier, pair_records
from ..knowledge.events import merge_events
from ..knowledge.load import load_records
from ..knowledge.persons import resolve_persons
from ..knowledge.series import build_series
from .cache import KnowledgeCache

Pair = tuple[str, str]


class Knowledge:
    def __init__(self, cache: KnowledgeCache) -> None:
        self.cache = cache

    def records(self, pair: Pair | None = None) -> tuple[list[dict], dict[str, str]]:
        def build():
            recs, texts = load_records(self.cache.engine, pair)
            if pair:  # the pair's articles are those whose dyad holds both countries
                recs = pair_records(recs, pair)
                texts = {r["doc"]: texts[r["doc"]] for r in recs}
            return recs, texts

        return self.cache.get(("records", pair), build)

    def dossier(self, pair: Pair, as_of: date | None = None) -> dict:
        def build():
            recs, texts = self.records(pair)
            d = build_dossier(recs, texts, pair, as_of)
            _locate_commitments(d["commitments"], recs)
            return d

        return self.cache.get(("dossier", pair, as_of), build)

    def persons(self, pair: Pair | None = None) -> list[dict]:
        def build():
            recs, _ = self.records(pair)
            people = resolve_persons(recs)
            if pair:
                people = [p for p in people if p.country in pair or p.country is None]
            return [asdict(p) for p in people]

        return self.cache.get(("persons", pair), build)

    def person(self, person_id: str) -> dict | None:
        return next((p for p in self.persons() if p["id"] == person_id), None)

    def events(self, pair: Pair | None = None) -> list[dict]:
        def build():
            recs, _ = self.records(pair)
            merged = merge_events(recs)
            if pair:
                merged = [e for e in merged if set(pair) <= set(e.countries)]
            return [asdict(e) | {"docs": e.docs} for e in merged]

        return self.cache.get(("events", pair), build)

    def indicators(self, pair: Pair | None = None) -> list[dict]:
        def build():
            recs, _ = self.records(pair)
            series = build_series(recs)
            if pair:
                series = [x for x in series if set(x.countries) == set(pair)]
            return [asdict(x) for x in series]

        return self.cache.get(("indicators", pair), build)

    def commitments(self, pair: Pair) -> list[dict]:
        return self.dossier(pair)["commitments"]


def _locate_commitments(commitments: list[dict], records: list[dict]) -> None:
    """Give each followed-through commitment the offsets of its evidence in its document."""
    where = {
        (r["doc"], c["evidence"]["text"]): (c["evidence"]["start"], c["evidence"]["end"])
        for r in records
        for c in r.get("commitments", [])
    }
    for c in commitments:
        c["start"], c["end"] = where.get((c["doc"], c["quote"]), (None, None))


def person_events(events: list[dict], person: dict) -> list[dict]:
    """Events naming the person: by a name they are mentioned with, or by their surname in an
    article where they are mentioned."""
    names = {person["name"].casefold(), *(m.casefold() for m in person.get("mentions", []))}
    surname = person["name"].split()[-1].casefold() if person["name"].split() else ""
    docs = set(person["docs"])
    out = []
    for e in events:
        named = {p.casefold() for p in e.get("persons", [])}
        if named & names or (
            surname and docs & set(e["docs"]) and any(surname in n for n in named)
        ):
            out.append(e)
    return out
