"""The indexed cross-document steps (built to scale with the corpus) give exactly what the
straightforward all-against-all versions below give: on razdel's tokens of real news, and on
random reports built to collide (shared dates, date prefixes, people, places, concepts)."""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import zipfile
from collections import Counter, defaultdict
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest
from razdel import sentenize, tokenize

from bilat.extract.models import parse
from bilat.knowledge import followthrough as ft
from bilat.knowledge.events import EventSource, MergedEvent, _place_key, merge_events
from bilat.knowledge.followthrough import ReportSentences, follow_through
from bilat.knowledge.periods import dates_agree
from bilat.knowledge.persons import (
    _build,
    _is_initial,
    _Occurrence,
    _parts,
    _person_id,
    resolve_persons,
)
from bilat.knowledge.tokens import tokens

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
RU_NEWS_ZIP = SHARED / "corpora" / "ru_news" / "ng_1.jsonlines.zip"


# --- tokens --------------------------------------------------------------------------------


def test_tokens_are_razdels_on_real_news():
    if not RU_NEWS_ZIP.exists():
        pytest.skip("ru_news corpus not found")
    with zipfile.ZipFile(RU_NEWS_ZIP) as z, z.open(z.namelist()[0]) as stream:
        texts = [json.loads(line)["content"] or "" for line in itertools.islice(stream, 150)]
    assert sum(map(len, texts)) > 100_000
    for text in texts:
        assert list(tokens(text)) == [t.text for t in tokenize(text)]


def test_tokens_are_razdels_on_random_punctuation():
    parts = "пол года Yahoo yahoo COVID 19 1 5 - — _ . , / \\ ! ? ... : ; ) ( « » * Δ σ ſ".split()
    parts += [" ", " ", "\n"]
    rnd = random.Random(7)
    for _ in range(20_000):
        text = "".join(rnd.choice(parts) for _ in range(rnd.randint(1, 9)))
        assert list(tokens(text)) == [t.text for t in tokenize(text)], text


# --- follow-through ------------------------------------------------------------------------

# promises, and the words later reports of them use (the action in the past: "подписано")
PROMISES = {
    "Стороны подпишут соглашение о строительстве моста через реку":
        "соглашение о строительстве моста через реку подписано",
    "Министры откроют прямое авиасообщение между столицами": "прямое авиасообщение столиц открыто",
    "Компании запустят совместное производство удобрений на заводе":
        "совместное производство удобрений на заводе компании запущено",
    "Правительства создадут инвестиционный фонд": "инвестиционный фонд создан",
    "Откроют порт": "порт открыт",
}  # fmt: skip
TENSE = ["", "", " было", " обсуждается", " будет"]
DATES = [None, "2024-01-10", "2024-02-01", "2024-02-01", "2024-05-20", "2025-01-01"]


def _reports_and_promises(rnd: random.Random, n: int) -> tuple[list[dict], dict[str, str]]:
    """Documents of promises and of sentences made of some of the report words of one or two
    promises (so sharing a varying part of a promise's concepts), in the past or not."""
    records, texts = [], {}
    for i in range(n):
        parts, coms = [], []
        for _ in range(rnd.randint(1, 5)):
            start = sum(len(p) + 1 for p in parts)
            if rnd.random() < 0.25:
                quote = rnd.choice(list(PROMISES))
                parts.append(quote + ".")
                span = {"start": start, "end": start + len(quote), "text": quote}
                due = rnd.choice([None, "2024", "2024-Q1"])
                coms.append({"kind": "agreed", "due": due, "parties": [], "evidence": span})
            else:
                topics = rnd.sample(list(PROMISES), rnd.choice([1, 1, 2]))
                words = [w for q in topics for w in PROMISES[q].split()]
                chosen = rnd.sample(words, rnd.randint(1, len(words)))
                parts.append(" ".join(chosen).capitalize() + rnd.choice(TENSE) + ".")
        doc = f"d{i:03d}"
        texts[doc] = " ".join(parts)
        records.append({"doc": doc, "published": rnd.choice(DATES), "commitments": coms})
    return records, texts


def naive_follow_through(records: list[dict], texts: dict[str, str], as_of: date) -> list:
    """Every commitment against every sentence of every other, later document."""
    limit, dates = as_of.isoformat(), {r["doc"]: ft.effective_date(r) for r in records}

    def past(text: str) -> bool:
        tags = [p.tag for t in tokenize(text) for p in parse(t.text.lower())[:1]]
        return any(t.POS == "PRTS" or (t.POS == "VERB" and t.tense == ft.PAST_TENSE) for t in tags)

    out = []
    for rec in records:
        made = dates[rec["doc"]]
        for n, com in enumerate(rec["commitments"]):
            wanted = {
                c for t in tokenize(ft._commitment_text(com)) if (c := ft._word_concept(t.text))
            }
            evidence = []
            for other in records if len(wanted) >= ft.MIN_CONCEPTS else []:
                when = dates[other["doc"]]
                if (
                    other["doc"] == rec["doc"]
                    or (made and when and when <= made)
                    or (when and when > limit)
                ):
                    continue
                spans = [
                    (c["evidence"]["start"], c["evidence"]["end"]) for c in other["commitments"]
                ]
                for sent in sentenize(texts[other["doc"]]):
                    if any(s < sent.stop and sent.start < e for s, e in spans):
                        continue
                    shared = wanted & {
                        c for t in tokenize(sent.text) if (c := ft._word_concept(t.text))
                    }
                    if (
                        len(shared) >= min(ft.MIN_SHARED, len(wanted))
                        and len(shared) >= ft.MIN_COVERAGE * len(wanted)
                        and past(sent.text)
                    ):
                        evidence.append(
                            ft.Evidence(other["doc"], sent.text, sent.start, sent.stop, when)
                        )
            result = ft._judge(rec["doc"], com, made, evidence, as_of)
            result.n, result.parties = n, list(com.get("parties") or [])
            out.append(result)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_follow_through_finds_what_all_against_all_finds(seed):
    rnd = random.Random(seed)
    records, texts = _reports_and_promises(rnd, 40)
    shared = ReportSentences(max_sentences=50)  # shared by overlapping "pairs", evicting as it goes
    found = []
    for as_of in (date(2024, 3, 1), date(2026, 1, 1)):
        for subset in (records, records[::2], records[5:30]):
            expected = [asdict(c) for c in naive_follow_through(subset, texts, as_of)]
            assert [asdict(c) for c in follow_through(subset, texts, as_of, shared)] == expected
            assert [asdict(c) for c in follow_through(subset, texts, as_of)] == expected
            found += [len(c["evidence"]) for c in expected]
    assert 0 in found and max(found) > 1


# --- events --------------------------------------------------------------------------------


def _fits(c: MergedEvent, ev: dict, doc: str) -> bool:
    when, place, mine = ev.get("date"), _place_key(ev.get("place")), _place_key(c.place)
    if doc in c.docs or not dates_agree(c.date, when) or (mine and place and mine != place):
        return False
    clue = bool(set(c.persons) & set(ev.get("persons", []))) or bool(mine and mine == place)
    return clue or bool(c.date and when and len(c.date) == len(when) == 10)


def naive_merge_events(records: list[dict]) -> list[MergedEvent]:
    """Each report compared with every event of its type and countries (ids as merge_events)."""
    groups = defaultdict(list)
    for rec in records:
        for ev in rec.get("events", []):
            groups[(ev["type"], tuple(sorted(ev.get("countries", []))))].append((rec, ev))
    merged = []
    for (etype, countries), items in groups.items():
        items.sort(key=lambda it: (-len(it[1].get("date") or ""), it[0]["doc"]))
        clusters: list[MergedEvent] = []
        for rec, ev in items:
            doc, when, e = rec["doc"], ev.get("date"), ev["evidence"]
            target = next((c for c in clusters if _fits(c, ev, doc)), None)
            if target is None:
                cameo, plover = ev.get("cameo", ""), ev.get("plover", "")
                target = MergedEvent("", etype, countries, when, ev.get("place"), [], cameo, plover)
                clusters.append(target)
            target.sources.append(
                EventSource(doc, rec.get("published"), when, e["text"], e["start"], e["end"])
            )
            target.place = target.place or ev.get("place")
            target.persons += [p for p in ev.get("persons", []) if p not in target.persons]
            dates = [s.date for s in target.sources if s.date]
            target.date = (
                max(set(dates), key=lambda d: (sum(dates_agree(d, o) for o in dates), len(d), d))
                if dates
                else None
            )
        merged.extend(clusters)
    taken: set[str] = set()
    for e in merged:
        first = min(e.sources, key=lambda s: (s.doc, s.start))
        key = f"{e.type}|{e.countries}|{first.doc}|{first.start}"
        e.id, n = "e" + hashlib.sha1(key.encode()).hexdigest()[:10], 1
        while e.id in taken:
            n += 1
            e.id = "e" + hashlib.sha1(f"{key}|{n}".encode()).hexdigest()[:10]
        taken.add(e.id)
    merged.sort(key=lambda e: (e.date or "", e.type))
    return merged


@pytest.mark.parametrize("seed", range(10))
def test_merge_events_merges_as_all_against_all(seed):
    rnd = random.Random(seed)
    dates = [None, *"2024 2024-03 2024-03-05 2024-03-06 2024-04 2024-04-01 2025 2024-Q1".split()]
    people = ["Сергей Лавров", "Мурат Нуртлеу", "Ханс Мюллер", "Ана Брнабич"]
    places = [None, None, "Москва", "москва", "Астана", "Белград"]
    records = []
    for i in range(150):
        events = [
            {
                "type": rnd.choice(["meeting", "visit"]),
                "countries": rnd.choice([["KZ", "RU"], ["RU", "KZ"], ["RS", "RU"]]),
                "date": rnd.choice(dates),
                "place": rnd.choice(places),
                "persons": rnd.sample(people, rnd.randint(0, 2)) * rnd.choice([1, 1, 2]),
                "evidence": {"text": f"q{i}", "start": 10 * j, "end": 10 * j + 5},
            }
            for j in range(rnd.randint(0, 3))
        ]
        doc = f"d{rnd.randint(0, 90):02d}"
        records.append({"doc": doc, "published": rnd.choice(dates[1:]), "events": events})
    expected = [asdict(e) for e in naive_merge_events(records)]
    assert [asdict(e) for e in merge_events(records)] == expected


# --- persons -------------------------------------------------------------------------------


def naive_resolve_persons(records: list[dict]) -> list:
    """Each surname-only or initial mention checked against every full name's occurrences."""
    full, partial = defaultdict(list), []
    for rec in records:
        for person in rec.get("persons", []):
            occ = _Occurrence(rec["doc"], ft.effective_date(rec), person)
            first, last = _parts(person["name"])
            if first and not _is_initial(first):
                full[f"{first} {last}"].append(occ)
            elif last:
                partial.append(occ)

    def country(occs) -> str | None:
        counts = Counter(o.person.get("country") for o in occs if o.person.get("country"))
        return counts.most_common(1)[0][0] if counts else None

    orphans, ambiguity = defaultdict(list), {}
    for occ in partial:
        first, last = _parts(occ.person["name"])
        wanted = occ.person.get("country")
        found = [
            k
            for k in list(full)
            if k.split()[-1] == last
            and (not first or k.startswith(first.rstrip(".")[:1]))
            and (not wanted or country(full[k]) in (None, wanted))
        ]
        if len(found) == 1:
            full[found[0]].append(occ)
        else:
            name = " ".join(occ.person["name"].lower().replace("ё", "е").split())
            orphans[name].append(occ)
            if len(found) > 1:
                ambiguity[name] = sorted(found)
    people = [_build(k, occs) for k, occs in full.items()]
    for k, occs in orphans.items():
        people.append(_build(k, occs))
        people[-1].ambiguous_with = [_person_id(x) for x in ambiguity.get(k, [])]
    people.sort(key=lambda p: (-len(p.docs), p.name))
    return people


@pytest.mark.parametrize("seed", range(6))
def test_resolve_persons_links_as_all_against_all(seed):
    rnd = random.Random(seed)
    names = ("Сергей Лавров, Алексей Лавров, Лавров, С. Лавров, А. Лавров, Мурат Нуртлеу, Нуртлеу, "
             "М. Нуртлеу, Ана Брнабич, Брнабич, Ержан Ашикбаев, Ашикбаев").split(", ")  # fmt: skip
    records = [
        {
            "doc": f"d{i:02d}",
            "published": rnd.choice([None, "2024-01-02", "2024-05-06", "2025-02-03"]),
            "persons": [
                {
                    "name": rnd.choice(names),
                    "country": rnd.choice([None, "RU", "KZ", "RS"]),
                    "role": rnd.choice([None, "министр", "посол"]),
                    "organization": None,
                    "mentions": [
                        {"text": rnd.choice(["Лавров", "Лаврова", "Нуртлеу"]), "start": 0, "end": 1}
                    ],
                }
                for _ in range(rnd.randint(0, 4))
            ],
        }
        for i in range(50)
    ]
    expected = [asdict(p) for p in naive_resolve_persons(records)]
    assert [asdict(p) for p in resolve_persons(records)] == expected
