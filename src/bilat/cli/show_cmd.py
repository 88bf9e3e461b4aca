"""``bilat show``: one stored document, its metadata and its extracted facts."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape

from ..errors import BilatError
from ..store.engine import open_engine
from ..store.queries import StoredDocument, get_document
from .extract_cmd import render_pretty

EPILOG = """\b
DOC_ID may be a unique prefix of at least 4 characters.

\b
Example:
  bilat docs --limit 5
  bilat show 2d20145d1636783d --format json
"""

TEXT_PREVIEW_CHARS = 1200


def _print_text(doc: StoredDocument, console: Console) -> None:
    meta = [
        ("id", doc.id), ("name", doc.name), ("origin", doc.origin),
        ("published", doc.published.isoformat() if doc.published else None),
        ("source", doc.source), ("url", doc.url), ("title", doc.title),
        ("story", doc.story_id), ("ingested", doc.ingested_at),
    ]  # fmt: skip
    for key, value in meta:
        console.print(f"[bold]{key:<10}[/] {escape(str(value)) if value else '-'}")
    if doc.story_members:
        console.print(
            f"[bold]{'reprints':<10}[/] {len(doc.story_members)} other documents in this story: "
            + ", ".join(doc.story_members[:10])
            + (" …" if len(doc.story_members) > 10 else "")
        )
    text = doc.text if len(doc.text) <= TEXT_PREVIEW_CHARS else doc.text[:TEXT_PREVIEW_CHARS] + " …"
    console.print(f"\n{escape(text)}\n")
    if doc.record is None:
        console.print("no extracted facts (ingested with --no-extract)")
    else:
        console.print(render_pretty(doc.record))


@click.command("show", epilog=EPILOG, short_help="Show one stored document with its extracted facts.")
@click.argument("doc_id")
@click.option("--db", "db_url", metavar="URL", help="Database URL (default $BILAT_DB or sqlite:///bilat.db).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)  # fmt: skip
def command(doc_id, db_url, fmt) -> None:
    """Show one stored document: metadata, text, and the facts extracted from it."""
    try:
        engine = open_engine(db_url)
        try:
            doc = get_document(engine, doc_id)
        finally:
            engine.dispose()
    except BilatError as err:
        click.echo(f"error: {err}", err=True)
        raise SystemExit(1) from err
    if fmt == "json":
        click.echo(json.dumps(doc.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_text(doc, Console(highlight=False, soft_wrap=True))
