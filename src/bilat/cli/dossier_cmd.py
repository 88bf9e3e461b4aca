"""``bilat dossier``: a one-page brief of a country pair from the knowledge tables."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import BilatError
from ..knowledge.dossier import DOSSIER_CAPS
from ..knowledge.names import country_code
from ..knowledge.render_html import render_html
from ..knowledge.render_md import render_markdown
from ..store.engine import open_engine
from ..store.kb_dossier import read_dossier

C = DOSSIER_CAPS
EPILOG = f"""\b
Countries are ISO codes or names in Russian or English, in any case. Every fact carries its
source document and quote. --as-of keeps only documents up to that date and reads each
commitment's status (fulfilled, pending, overdue) on that date; the default is the pair's
newest document.

Long sections show their newest entries and how many there are in all: {C.events} events
({C.event_reports} reports quoted each), the {C.persons} persons in most documents, {C.commitments} commitments per
status ({C.evidence} follow-through reports each) and {C.sources} sources. --full shows everything; the fact commands
(bilat events|persons|commitments --pair A-B) page through all of it.

\b
Example:
  bilat dossier Казахстан Сербия
  bilat dossier kz rs --as-of 2026-02-28 --format html --out kz-rs.html
  bilat dossier RU US --full --format json > ru-us.json
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
@click.option("--full", is_flag=True, help="Every event, person, commitment and source (default: the newest of each).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE (default: stdout).")
@click.option("--db", "db_url", metavar="URL", help="Database URL (default $BILAT_DB or sqlite:///bilat.db).")
def command(country_a, country_b, as_of, fmt, full, out, db_url) -> None:
    """A one-page brief of a country pair: events, people, figures, commitments, sources."""
    try:
        a, b = country_code(country_a), country_code(country_b)
        if a == b:
            raise click.UsageError(f"give two different countries (both are {a})")
        engine = open_engine(db_url)
        try:
            dossier = read_dossier(engine, (a, b), as_of.date() if as_of else None,
                                   None if full else DOSSIER_CAPS)
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
