"""``bilat events|persons|indicators|commitments``: cross-document facts from the knowledge tables."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass

import click
from rich.console import Console
from rich.table import Table
from sqlalchemy.engine import Connection

from ..errors import BilatError
from ..knowledge.names import parse_pair
from ..knowledge.render_md import money
from ..store import kb_lists
from ..store.engine import open_engine
from ..store.kb import pair_key
from ..store.kb_pages import Page
from ..store.kb_read import STATUSES


def _first_quote(sources: list[dict]) -> str:
    return " ".join(sources[0]["quote"].split()) if sources else ""


def event_rows(items: list[dict]) -> list[dict]:
    return [
        {"pair": e["pair"], "id": e["id"], "date": e["date"], "type": e["type"], "place": e["place"],
         "persons": "; ".join(e["persons"]), "cameo": e["cameo"], "plover": e["plover"],
         "reports": e["reports"], "docs": " ".join(e["docs"]), "quote": _first_quote(e["sources"])}
        for e in items
    ]  # fmt: skip


def person_rows(items: list[dict]) -> list[dict]:
    rows = []
    for p in items:
        roles = "; ".join(f"{r['role']} ({r['first_seen'] or '?'} – {r['last_seen'] or '?'})" for r in p["roles"])
        rows.append({"pair": p["pair"], "id": p["id"], "name": p["name"], "country": p["country"],
                     "roles": roles, "documents": len(p["docs"]), "docs": " ".join(p["docs"]),
                     "ambiguous_with": " ".join(p["ambiguous_with"])})  # fmt: skip
    return rows


def indicator_rows(items: list[dict]) -> list[dict]:
    return [
        {"pair": p["pair"], "kind": p["kind"], "scope": p["scope"], "period": p["period"],
         "value": p["value"], "unit": p["unit"], "change_pct": p["change_pct"],
         "derived_from": p["derived_from"],
         "conflicting": " ".join(str(a["value"]) for a in p["alternatives"]),
         "docs": " ".join(sorted({x["doc"] for x in p["sources"]}))}
        for p in items
    ]  # fmt: skip


def commitment_rows(items: list[dict]) -> list[dict]:
    return [
        {"pair": c["pair"], "doc": c["doc_id"], "n": c["n"], "made": c["made"], "due": c["due"],
         "kind": c["kind"], "status": c["status"], "quote": " ".join(c["quote"].split()),
         "evidence_docs": " ".join(sorted({e["doc"] for e in c["evidence"]}))}
        for c in items
    ]  # fmt: skip


@dataclass(frozen=True)
class Listing:
    """One fact command: its SQL listing (a page of items) and how an item becomes rows."""

    read: Callable[..., Page]
    rows: Callable[[list[dict]], list[dict]]


LISTINGS = {
    "events": Listing(kb_lists.event_list, event_rows),
    "persons": Listing(kb_lists.person_list, person_rows),
    "indicators": Listing(kb_lists.point_list, indicator_rows),
    "commitments": Listing(kb_lists.commitment_list, commitment_rows),
}


def list_rows(conn: Connection, name: str, f: kb_lists.Filters, limit: int | None, offset: int = 0) -> tuple[int, list[dict]]:
    """(how many rows match, the rows of one page) of ``bilat NAME``; ``limit`` None: all."""
    listing = LISTINGS[name]
    page = listing.read(conn, f, limit, offset)
    return page.total, listing.rows(page.items)


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


DEFAULT_LIMIT = 50  # rows per page, as ``bilat docs`` lists documents


def showing(offset: int, count: int, total: int) -> str:
    """``showing 51–100 of 1,463``: where the page printed lies in what matches."""
    if not count:
        return f"nothing here: {total:,} match, the page starts at row {offset + 1:,}"
    return f"showing {offset + 1:,}–{offset + count:,} of {total:,}"


def _print(rows: list[dict], total: int, offset: int, fmt: str, columns: tuple[str, ...]) -> None:
    """Rows as json, csv or a table; where they lie in ``total`` goes after the table, or to
    stderr for json and csv when not every row was printed (stdout stays machine-readable)."""
    partial = offset > 0 or len(rows) < total
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    elif not total:
        click.echo("nothing matches")
        return
    else:
        if rows:
            table = Table()
            for name in columns:
                table.add_column(name, overflow="fold")
            for r in rows:
                table.add_row(*(_cell(name, r) for name in columns))
            Console(highlight=False, width=max(120, Console().width)).print(table)
        more = " (--offset for the next page, --limit 0 for all)" if offset + len(rows) < total else ""
        click.echo(showing(offset, len(rows), total) + more)
        if rows:
            click.echo("(more columns with --format json or csv)")
        return
    if partial:
        click.echo(showing(offset, len(rows), total) + " (--limit 0 for all)", err=True)


def _make(name: str, purpose: str, example: str, columns: tuple[str, ...]) -> click.Command:
    epilog = (
        "\b\nFacts are resolved across documents per country pair; --as-of keeps only documents up "
        "to that date.\n\nThe first 50 rows are shown, then how many match; --limit and --offset "
        "page through them (--limit 0: all).\n\n\b\nExample:\n  " + example + "\n"
        f"  bilat {name} --limit 100 --offset 100\n"
    )

    @click.command(name, epilog=epilog, short_help=purpose, help=purpose)
    @click.option("--pair", metavar="A-B", help="Only this country pair, e.g. KZ-RS or Казахстан-Сербия.")
    @click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD")
    @click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD")
    @click.option("--type", "type_", metavar="TYPE", help="Event type, indicator kind, commitment kind or role word.")
    @click.option("--status", type=click.Choice(STATUSES), help="Commitment status (commitments only).")
    @click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD")
    @click.option("--limit", type=click.IntRange(min=0), default=DEFAULT_LIMIT, show_default=True,
                  help="At most this many rows (0: all).")  # fmt: skip
    @click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
                  help="Skip this many rows first (the next page: --offset 50).")  # fmt: skip
    @click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
    @click.option("--db", "db_url", metavar="URL", help="Database URL (default $BILAT_DB or sqlite:///bilat.db).")
    def cmd(pair, since, until, type_, status, as_of, limit, offset, fmt, db_url) -> None:
        try:
            f = kb_lists.Filters(pairs=[pair_key(parse_pair(pair))] if pair else None,
                                 since=since.date() if since else None, until=until.date() if until else None,
                                 type=type_, status=status if name == "commitments" else None,
                                 as_of=as_of.date() if as_of else None)  # fmt: skip
            engine = open_engine(db_url)
            try:
                with engine.connect() as conn:
                    total, found = list_rows(conn, name, f, limit or None, offset)
            finally:
                engine.dispose()
        except BilatError as err:
            click.echo(f"error: {err}", err=True)
            raise SystemExit(1) from err
        _print(found, total, offset, fmt, columns)

    return cmd


commands = [
    _make("events", "List events merged across documents, with their sources.",
          "bilat events --pair KZ-RS --since 2026-01-01 --type visit",
          ("pair", "date", "type", "place", "persons", "reports", "quote")),
    _make("persons", "List persons resolved across documents, with their role history.",
          "bilat persons --pair kz-rs --format csv",
          ("pair", "name", "country", "roles", "documents")),
    _make("indicators", "List indicator series points per country pair (derived and conflicting flagged).",
          "bilat indicators --pair KZ-RS --type trade",
          ("pair", "kind", "scope", "period", "value", "change_pct", "derived_from", "conflicting")),
    _make("commitments", "List commitments with their follow-through status and evidence.",
          "bilat commitments --pair KZ-RS --status fulfilled --as-of 2026-02-28",
          ("pair", "made", "due", "kind", "status", "quote", "evidence_docs")),
]  # fmt: skip
