"""Fact listings and the dossier paged and capped in SQL, on stored and resolved records: every
page is a slice of the full, unpaged list (read through Snapshot and filtered as before), with
the right total, and a capped dossier shows the newest rows of each section with its totals."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from bilat.cli import facts_cmd
from bilat.cli.main import cli
from bilat.knowledge.dossier import DossierCaps
from bilat.knowledge.periods import period_end, period_start
from bilat.knowledge.render_html import render_html
from bilat.knowledge.render_md import render_markdown
from bilat.store.engine import open_engine
from bilat.store.kb_dossier import read_dossier
from bilat.store.kb_lists import Filters
from bilat.store.kb_read import Snapshot, dossier_from_kb
from test_kb_store import meeting, other_doc, person, record, span, store

CITIES = ("Казани", "Уфе", "Омске", "Томске", "Самаре", "Перми", "Твери", "Туле", "Курске")
PEOPLE = ("Иван Петров", "Олег Сидоров", "Марат Абаев", "Ерлан Карин", "Павел Орлов")
DUES = ("2025", "2026", "2025-Q3", None, "2027-H1", "2025-06", "2026", "2025", "2028")
OBJECTS = ("генеральное консульство", "торговый дом", "культурный центр", "завод удобрений",
           "филиал университета", "логистический хаб", "представительство банка", "музей ремёсел",
           "центр переводчиков")
PERIODS = ("2024", "2024-Q1", "2024-Q2", "2024-H1", "2024-01/2024-09", "2024-05", "2023", "2024-Q4", "2022")


def promise(i: int) -> tuple[str, dict]:
    """A dated article with a promise, a meeting, a person and a trade figure."""
    city, name = CITIES[i], PEOPLE[i % len(PEOPLE)]
    meet = f"Министр {name} провёл встречу в Астане {i + 1} числа."
    promised = f"Стороны договорились открыть {OBJECTS[i]} в {city}"
    figure = f"Товарооборот за период {PERIODS[i]} составил {i + 1} млрд долларов."
    text = f"{promised}. {meet} {figure}"
    com = {"kind": "agreed" if i % 2 else "planned", "due": DUES[i], "parties": ["KZ", "RU"],
           "action": f"открыть {OBJECTS[i]}", "evidence": span(text, promised)}  # fmt: skip
    ind = {"kind": "trade" if i % 3 else "export", "scope": "total", "countries": ["KZ", "RU"],
           "period": PERIODS[i], "value": (i + 1) * 1e9, "unit": "USD", "change_pct": None,
           "evidence": span(text, figure)}  # fmt: skip
    when = f"2025-{i + 1:02d}-10"
    rec = record(f"p{i:015d}", text, when, events=[meeting(text, meet, when if i != 4 else None)],
                 commitments=[com], indicators=[ind],
                 persons=[person(text, name, name, "KZ" if i % 2 else "RU", "министр" if i % 3 else "посол")])  # fmt: skip
    return text, rec


def report(i: int, day: str) -> tuple[str, dict]:
    """A later article: the promise of ``promise(i)`` kept, and its meeting reported again."""
    city = CITIES[i]
    said = f"В {city} открыт {OBJECTS[i]} Казахстана."
    meet = f"Министры встретились в Астане {i + 1} числа, напомнили в ведомстве."
    text = f"{said} {meet}"
    when = f"2025-{i + 1:02d}-10"
    return text, record(f"r{i:02d}{day.replace('-', '')}{'0' * 6}"[:16], text, day,
                        events=[meeting(text, meet, when if i != 4 else None)])


def corpus() -> list[tuple[str, dict]]:
    docs = [promise(i) for i in range(len(CITIES))]
    docs += [report(i, f"2026-0{1 + i % 3}-{10 + i:02d}") for i in (0, 1, 2, 5, 6, 8)]
    docs += [report(0, "2026-03-20"), report(8, "2026-03-25"), other_doc()]
    return docs


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('lists') / 'kb.db'}"
    else:
        url = request.getfixturevalue("postgres_cluster").create_database()
    engine = open_engine(url)
    store(engine, *corpus())
    yield engine
    engine.dispose()


# --- the unpaged lists as the CLI built them from Snapshot before paging -----------------


def _in_window(when, since, until) -> bool:
    if since is None and until is None:
        return True
    start, end = period_start(when), period_end(when)
    if start is None or end is None:
        return False
    return (since is None or end >= since) and (until is None or start <= until)


def reference(snap: Snapshot, name: str, f: Filters) -> list[dict]:
    if name == "events":
        items = [e for e in snap.events() if (not f.type or e["type"] == f.type) and _in_window(e["date"], f.since, f.until)]
    elif name == "persons":
        items = [p for p in snap.persons()
                 if any(_in_window(snap.doc_dates.get(d), f.since, f.until) for d in p["docs"])
                 and (not f.type or any(f.type.lower() in (r["role"] or "").lower() for r in p["roles"]))]  # fmt: skip
    elif name == "indicators":
        items = [s | p for s in snap.indicators() if not f.type or s["kind"] == f.type
                 for p in s["points"] if _in_window(p["period"], f.since, f.until)]  # fmt: skip
    else:
        items = [c for c in snap.commitments()
                 if (not f.status or c["status"] == f.status) and (not f.type or c["kind"] == f.type)
                 and _in_window(c["made"] or c["due"], f.since, f.until)]  # fmt: skip
    return facts_cmd.LISTINGS[name].rows(items)


D = date.fromisoformat
FILTERS = [
    Filters(),
    Filters(pairs=["KZ-RU"]),
    Filters(pairs=["KZ-RU"], as_of=D("2025-06-30")),
    Filters(as_of=D("2026-02-01")),
    Filters(pairs=["KZ-RU"], since=D("2024-04-01"), until=D("2024-06-30")),
    Filters(since=D("2025-03-01")),
    Filters(until=D("2025-04-30"), as_of=D("2026-01-31")),
    Filters(pairs=["KZ-RU"], type="министр"),
    Filters(pairs=["KZ-RU"], type="trade", as_of=D("2025-05-31")),
    Filters(type="посол", as_of=D("2025-03-31")),
    Filters(pairs=["KZ-RU"], status="fulfilled"),
    Filters(status="overdue"),
    Filters(pairs=["KZ-RU"], status="pending", as_of=D("2025-12-31")),
    Filters(pairs=["KZ-RU"], type="agreed", since=D("2025-06-01")),
    Filters(pairs=["KZ-RU"], type="meeting", until=D("2025-03-31")),
]
NAMES = ("events", "persons", "indicators", "commitments")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("f", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in vars_(f).items()))
def test_every_page_is_a_slice_of_the_full_list(db, name, f):
    with db.connect() as conn:
        want = reference(Snapshot(conn, f.pairs, f.as_of), name, f)
        for limit, offset in [(None, 0), (2, 0), (2, 2), (3, 5), (1, len(want)), (50, 100)]:
            total, rows = facts_cmd.list_rows(conn, name, f, limit, offset)
            end = None if limit is None else offset + limit
            assert (total, rows) == (len(want), want[offset:end]), (limit, offset)


def vars_(f: Filters) -> dict:
    return {k: getattr(f, k) for k in ("pairs", "since", "until", "type", "status", "as_of") if getattr(f, k)}


def test_the_lists_hold_enough_to_page(db):
    with db.connect() as conn:
        sizes = {name: facts_cmd.list_rows(conn, name, Filters(pairs=["KZ-RU"]), None)[0] for name in NAMES}
        statuses = {r["status"] for r in facts_cmd.list_rows(conn, "commitments", Filters(), None)[1]}
    assert min(sizes.values()) >= 5 and statuses == {"fulfilled", "pending", "overdue"}


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize(
    "args, shown, note",
    [
        (["--limit", "3"], 3, "showing 1–3 of {n}"),
        (["--limit", "3", "--offset", "3"], 3, "showing 4–6 of {n}"),
        (["--limit", "0"], None, "showing 1–{n} of {n}"),
        ([], None, "showing 1–{n} of {n}"),  # the default page of 50 holds them all
        (["--offset", "1000"], 0, "nothing here: {n} match"),
    ],
)
def test_commands_page_and_say_where_the_page_lies(db, args, shown, note):
    url = str(db.url)
    every = json.loads(run("commitments", "--pair", "KZ-RU", "--format", "json", "--limit", "0", "--db", url).stdout)
    n = len(every)
    table = run("commitments", "--pair", "KZ-RU", *args, "--db", url)
    assert table.exit_code == 0 and note.format(n=n) in table.stdout
    got = run("commitments", "--pair", "KZ-RU", *args, "--format", "json", "--db", url)
    rows = json.loads(got.stdout)
    assert len(rows) == (n if shown is None else shown)
    start = int(args[args.index("--offset") + 1]) if "--offset" in args else 0
    assert rows == every[start : start + len(rows)]
    assert (note.format(n=n) in got.stderr) == (len(rows) < n)  # json/csv: the note only when cut
    csv_rows = run("commitments", "--pair", "KZ-RU", *args, "--format", "csv", "--db", url).stdout.splitlines()
    assert len(csv_rows) == (len(rows) + 1 if rows else 0)


# --- the dossier ------------------------------------------------------------------------------

EVERYTHING = DossierCaps(*(10**6,) * 7)
SMALL = DossierCaps(events=2, event_reports=1, persons=2, person_docs=1, commitments=1, evidence=1, sources=3)
AS_OF = [None, D("2025-06-30"), D("2026-02-01")]


def without_counts(d: dict) -> dict:
    d = dict(d)
    d.pop("totals")
    d["commitments"] = [{k: v for k, v in c.items() if k != "evidence_total"} for c in d["commitments"]]
    d["persons"] = [{k: v for k, v in p.items() if k != "documents"} for p in d["persons"]]
    return d


@pytest.mark.parametrize("as_of", AS_OF)
def test_dossier_with_caps_above_every_section_is_the_full_one(db, as_of):
    full = dossier_from_kb(db, ("KZ", "RU"), as_of)
    capped = read_dossier(db, ("RU", "KZ"), as_of, EVERYTHING)
    assert without_counts(capped) == full
    assert capped["totals"] == {"events": len(full["events"]), "persons": len(full["persons"]),
                                "commitments": full["headline"]["commitments"], "sources": len(full["sources"])}  # fmt: skip
    assert read_dossier(db, ("KZ", "RU"), as_of, None) == full


def newest(items: list[dict], key: str, n: int) -> list:
    dated = sorted((x for x in items if x[key]), key=lambda x: x[key], reverse=True)
    return dated + [x for x in items if not x[key]]


@pytest.mark.parametrize("as_of", AS_OF)
def test_capped_dossier_shows_the_newest_of_each_section_and_counts_all(db, as_of):
    full = dossier_from_kb(db, ("KZ", "RU"), as_of)
    d = read_dossier(db, ("KZ", "RU"), as_of, SMALL)
    assert d["headline"] == full["headline"] and d["indicators"] == full["indicators"]
    assert d["sectors"] == full["sectors"] and d["documents"] == full["documents"]
    by_id = {e["id"]: e for e in full["events"]}
    assert len(d["events"]) == min(2, len(full["events"])) and d["totals"]["events"] == len(full["events"])
    assert {e["date"] for e in d["events"]} == {e["date"] for e in newest(full["events"], "date", 2)[:2]}
    for e in d["events"]:
        assert e["reports"] == by_id[e["id"]]["reports"] and e["sources"] == by_id[e["id"]]["sources"][:1]
    assert [p["id"] for p in d["persons"]] == [p["id"] for p in full["persons"][:2]]
    assert d["totals"]["persons"] == len(full["persons"])
    for mine, theirs in zip(d["persons"], full["persons"], strict=False):
        assert mine["roles"] == theirs["roles"] and mine["documents"] == len(theirs["docs"])
        when = {x["doc"]: x["published"] or "" for x in full["sources"]}
        assert mine["docs"] == [max(theirs["docs"], key=lambda doc: (when[doc], doc))]  # the newest
    for status, n in full["headline"]["commitments"].items():
        mine = [c for c in d["commitments"] if c["status"] == status]
        theirs = [c for c in full["commitments"] if c["status"] == status]
        assert len(mine) == 1 and d["totals"]["commitments"][status] == n == len(theirs)
        made = max(c["made"] or "" for c in theirs)
        assert mine[0]["made"] == made and mine[0]["evidence"] == next(
            c for c in theirs if c["doc"] == mine[0]["doc"])["evidence"][:1]  # fmt: skip
        assert mine[0]["evidence_total"] == len(next(c for c in theirs if c["doc"] == mine[0]["doc"])["evidence"])
    assert d["sources"] == full["sources"][-3:] and d["totals"]["sources"] == len(full["sources"])
    assert set(d["doc_names"]) >= {x["doc"] for x in d["sources"]} | {c["doc"] for c in d["commitments"]}


@pytest.mark.parametrize(
    "render, fragments",
    [
        (render_markdown, ["2 of {events} shown (the newest); see `bilat events --pair KZ-RU`.",
                           "2 of {persons} shown (those in most documents); see `bilat persons --pair KZ-RU`.",
                           "1 of {pending} shown (the newest); see `bilat commitments --pair KZ-RU --status pending`.",
                           "3 of {sources} shown (the newest); see `bilat dossier KZ RU --full`.",
                           "more report"]),
        (render_html, ["2 of {events} shown (the newest); see <code>bilat events --pair KZ-RU</code>.",
                       "2 of {persons} shown (those in most documents); see <code>bilat persons --pair KZ-RU</code>.",
                       "1 of {pending} shown (the newest); see <code>bilat commitments --pair KZ-RU --status pending</code>.",
                       "3 of {sources} shown (the newest); see <code>bilat dossier KZ RU --full</code>.",
                       "more report"]),
    ],
)  # fmt: skip
def test_rendered_dossier_says_what_is_left_out(db, render, fragments):
    d = read_dossier(db, ("KZ", "RU"), None, SMALL)
    counts = {**d["totals"], "pending": d["totals"]["commitments"]["pending"]}
    text = render(d)
    for fragment in fragments:
        assert fragment.format(**counts) in text
    full = render(read_dossier(db, ("KZ", "RU"), None, None))
    assert " shown (" not in full and "more report" not in full


def test_dossier_command_caps_unless_full(db):
    url = str(db.url)
    capped = json.loads(run("dossier", "kz", "ru", "--format", "json", "--db", url).stdout)
    full = json.loads(run("dossier", "kz", "ru", "--format", "json", "--full", "--db", url).stdout)
    assert full == json.loads(json.dumps(dossier_from_kb(db, ("KZ", "RU")), ensure_ascii=False))
    assert "totals" not in full and capped["totals"]["events"] == len(full["events"])
    assert [(e["id"], e["sources"][:3]) for e in full["events"]] == [(e["id"], e["sources"]) for e in capped["events"]]
    assert run("dossier", "kz", "ru", "--db", url).stdout.startswith("# Kazakhstan")
