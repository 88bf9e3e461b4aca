"""``bilat dossier``: a one-page brief of a country pair from the knowledge tables."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import BilatError
from ..knowledge.names import country_code
from ..knowledge.render_html import render_html
from ..knowledge.render_md import render_markdown
from ..store.engine import open_engine
from ..store.kb_read import dossier_from_kb

EPILOG = """\b
Countries are ISO codes or names in Russian or English, in any case. Every fact carries its
source document and quote. --as-of keeps only documents up to that date and reads each
commitment's status (fulfilled, pending, overdue) on that date; the default is the pair's
newest document.

\b
Example:
  bilat dossier Казахстан Сербия
  bilat dossier kz rs --as-of 2026-02-28 --format html --out kz-rs.html
"""

RENDERERS = {
    "md": render_markdown,
    "html": render_html,
    "json": lambda d: json.dumps(d, ensure_ascii=False, indent=2) + "\n",
}


@click.command("dossier", epilog=EPILOG, short_help="A one-page brief of a country pair.")
@click.argument("country_a")
@click.argument("country_b")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Knowledge as of this date (default: the pair's newest document).")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="md", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE (default: stdout).")
@click.option("--db", "db_url", metavar="URL", help="Database URL (default $BILAT_DB or sqlite:///bilat.db).")
def command(country_a, country_b, as_of, fmt, out, db_url) -> None:
    """A one-page brief of a country pair: events, people, figures, commitments, sources."""
    try:
        a, b = country_code(country_a), country_code(country_b)
        if a == b:
            raise click.UsageError(f"give two different countries (both are {a})")
        engine = open_engine(db_url)
        try:
            dossier = dossier_from_kb(engine, (a, b), as_of.date() if as_of else None)
        finally:
            engine.dispose()
    except BilatError as err:
        click.echo(f"error: {err}", err=True)
        raise SystemExit(1) from err
    if not dossier["documents"]:
        click.echo(f"error: no extracted documents about {a} and {b} in the database", err=True)
        raise SystemExit(1)
    text = RENDERERS[fmt](dossier)
    if out:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)
