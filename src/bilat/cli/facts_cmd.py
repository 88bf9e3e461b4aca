"""``bilat events|persons|indicators|commitments``: cross-document facts from the knowledge tables."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from datetime import date

import click
from rich.console import Console
from rich.table import Table

from ..errors import BilatError
from ..knowledge.names import parse_pair
from ..knowledge.periods import period_end, period_start
from ..knowledge.render_md import money
from ..store.engine import open_engine
from ..store.kb import pair_key
from ..store.kb_read import STATUSES, Snapshot


def _in_window(when: str | None, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    if not when:
        return False
    start, end = period_start(when), period_end(when)
    if start is None or end is None:
        return False
    return (since is None or end >= since) and (until is None or start <= until)


def _first_quote(sources: list[dict]) -> str:
    return " ".join(sources[0]["quote"].split()) if sources else ""


def event_rows(snap: Snapshot, o: dict) -> list[dict]:
    return [
        {"pair": e["pair"], "id": e["id"], "date": e["date"], "type": e["type"], "place": e["place"],
         "persons": "; ".join(e["persons"]), "cameo": e["cameo"], "plover": e["plover"],
         "reports": e["reports"], "docs": " ".join(e["docs"]), "quote": _first_quote(e["sources"])}
        for e in snap.events()
        if (not o["type"] or e["type"] == o["type"]) and _in_window(e["date"], o["since"], o["until"])
    ]  # fmt: skip


def person_rows(snap: Snapshot, o: dict) -> list[dict]:
    rows = []
    for p in snap.persons():
        dates = [snap.doc_dates.get(d) for d in p["docs"]]
        if not any(_in_window(w, o["since"], o["until"]) for w in dates):
            continue
        if o["type"] and not any(o["type"].lower() in (r["role"] or "").lower() for r in p["roles"]):
            continue
        roles = "; ".join(f"{r['role']} ({r['first_seen'] or '?'} – {r['last_seen'] or '?'})" for r in p["roles"])
        rows.append({"pair": p["pair"], "id": p["id"], "name": p["name"], "country": p["country"],
                     "roles": roles, "documents": len(p["docs"]), "docs": " ".join(p["docs"]),
                     "ambiguous_with": " ".join(p["ambiguous_with"])})  # fmt: skip
    return rows


def indicator_rows(snap: Snapshot, o: dict) -> list[dict]:
    rows = []
    for s in snap.indicators():
        if o["type"] and s["kind"] != o["type"]:
            continue
        for p in s["points"]:
            if _in_window(p["period"], o["since"], o["until"]):
                rows.append({"pair": s["pair"], "kind": s["kind"], "scope": s["scope"],
                             "period": p["period"], "value": p["value"], "unit": p["unit"],
                             "change_pct": p["change_pct"], "derived_from": p["derived_from"],
                             "conflicting": " ".join(str(a["value"]) for a in p["alternatives"]),
                             "docs": " ".join(sorted({x["doc"] for x in p["sources"]}))})  # fmt: skip
    return rows


def commitment_rows(snap: Snapshot, o: dict) -> list[dict]:
    return [
        {"pair": c["pair"], "doc": c["doc_id"], "n": c["n"], "made": c["made"], "due": c["due"],
         "kind": c["kind"], "status": c["status"], "quote": " ".join(c["quote"].split()),
         "evidence_docs": " ".join(sorted({e["doc"] for e in c["evidence"]}))}
        for c in snap.commitments()
        if (not o["status"] or c["status"] == o["status"]) and (not o["type"] or c["kind"] == o["type"])
        and _in_window(c["made"] or c["due"], o["since"], o["until"])
    ]  # fmt: skip


QUOTE_WIDTH = 90  # characters of a quote shown in a table (json and csv keep it whole)


def _cell(name: str, row: dict) -> str:
    value = row.get(name)
    if value is None:
        return ""
    if name == "value" and row.get("unit"):
        return money(value, row["unit"])
    text = str(value)
    if name == "quote" and len(text) > QUOTE_WIDTH:
        return text[: QUOTE_WIDTH - 1] + "…"
    return text


def _print(rows: list[dict], fmt: str, columns: tuple[str, ...]) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    elif not rows:
        click.echo("nothing matches")
    else:
        table = Table()
        for name in columns:
            table.add_column(name, overflow="fold")
        for r in rows:
            table.add_row(*(_cell(name, r) for name in columns))
        Console(highlight=False, width=max(120, Console().width)).print(table)
        click.echo("(more columns with --format json or csv)")


def _make(name: str, purpose: str, example: str, rows: Callable, columns: tuple[str, ...]) -> click.Command:
    epilog = (
        "\b\nFacts are resolved across documents per country pair; --as-of keeps only documents up "
        "to that date.\n\n\b\nExample:\n  " + example + "\n"
    )

    @click.command(name, epilog=epilog, short_help=purpose, help=purpose)
    @click.option("--pair", metavar="A-B", help="Only this country pair, e.g. KZ-RS or Казахстан-Сербия.")
    @click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD")
    @click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD")
    @click.option("--type", "type_", metavar="TYPE", help="Event type, indicator kind, commitment kind or role word.")
    @click.option("--status", type=click.Choice(STATUSES), help="Commitment status (commitments only).")
    @click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD")
    @click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
    @click.option("--db", "db_url", metavar="URL", help="Database URL (default $BILAT_DB or sqlite:///bilat.db).")
    def cmd(pair, since, until, type_, status, as_of, fmt, db_url) -> None:
        opts = {"since": since.date() if since else None, "until": until.date() if until else None,
                "type": type_, "status": status}  # fmt: skip
        try:
            pairs = [pair_key(parse_pair(pair))] if pair else None
            engine = open_engine(db_url)
            try:
                with engine.connect() as conn:
                    found = rows(Snapshot(conn, pairs, as_of.date() if as_of else None), opts)
            finally:
                engine.dispose()
        except BilatError as err:
            click.echo(f"error: {err}", err=True)
            raise SystemExit(1) from err
        _print(found, fmt, columns)

    return cmd


commands = [
    _make("events", "List events merged across documents, with their sources.",
          "bilat events --pair KZ-RS --since 2026-01-01 --type visit", event_rows,
          ("pair", "date", "type", "place", "persons", "reports", "quote")),
    _make("persons", "List persons resolved across documents, with their role history.",
          "bilat persons --pair kz-rs --format csv", person_rows,
          ("pair", "name", "country", "roles", "documents")),
    _make("indicators", "List indicator series points per country pair (derived and conflicting flagged).",
          "bilat indicators --pair KZ-RS --type trade", indicator_rows,
          ("pair", "kind", "scope", "period", "value", "change_pct", "derived_from", "conflicting")),
    _make("commitments", "List commitments with their follow-through status and evidence.",
          "bilat commitments --pair KZ-RS --status fulfilled --as-of 2026-02-28", commitment_rows,
          ("pair", "made", "due", "kind", "status", "quote", "evidence_docs")),
]  # fmt: skip
