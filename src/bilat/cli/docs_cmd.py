"""``bilat docs``: list stored documents (id, date, source, title)."""

from __future__ import annotations

import csv
import json
import sys

import click
from rich.console import Console
from rich.table import Table

from ..errors import BilatError
from ..store.engine import open_engine
from ..store.queries import DocumentSummary, list_documents

EPILOG = """\b
Search uses the full-text index: every word must occur, in any grammatical form
(Сербия finds Сербии); word* matches a prefix.

\b
Example:
  bilat docs --search "Сербия" --since 2025-01-01 --limit 20
  bilat docs --format csv > docs.csv
"""

FIELDS = ("id", "published", "source", "title", "story_id", "name")


def _table(docs: list[DocumentSummary]) -> Table:
    table = Table(show_lines=False)
    for name in ("id", "date", "source", "title (or input name)"):
        table.add_column(name, no_wrap=not name.startswith("title"), overflow="fold")
    for d in docs:
        table.add_row(
            d.id, d.published.isoformat() if d.published else "-", d.source or "-", d.title or d.name
        )
    return table


@click.command(
    "docs", epilog=EPILOG, short_help="List stored documents (id, date, source, title)."
)
@click.option("--db", "db_url", metavar="URL", help="Database URL (default $BILAT_DB or sqlite:///bilat.db).")
@click.option("--search", metavar="TEXT", help="Only documents whose title or text match TEXT.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Only documents published on or after this date.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)  # fmt: skip
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
              help="At most this many documents (0: all).")  # fmt: skip
def command(db_url, search, since, fmt, limit) -> None:
    """List stored documents, newest first, with optional full-text search."""
    try:
        engine = open_engine(db_url)
        try:
            docs = list_documents(
                engine, search=search, since=since.date() if since else None, limit=limit or None
            )
        finally:
            engine.dispose()
    except BilatError as err:
        click.echo(f"error: {err}", err=True)
        raise SystemExit(1) from err
    if fmt == "json":
        click.echo(json.dumps([d.as_dict() for d in docs], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for d in docs:
            writer.writerow(d.as_dict())
    elif docs:
        Console(highlight=False).print(_table(docs))
    else:
        click.echo("no documents match" if (search or since) else "the database has no documents")
