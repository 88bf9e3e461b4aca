"""``bilat load``: bulk-load ``bilat batch`` Parquet output into the database."""

from __future__ import annotations

import click
from rich.console import Console
from rich.markup import escape

from ..store.bulk import DEFAULT_LOAD_BATCH_SIZE, LoadSummary, load_parquet
from ..store.engine import DB_ENV_VAR, DEFAULT_DB_URL, open_engine
from .report import run_and_report

EPILOG = f"""\b
The database is --db, else ${DB_ENV_VAR}, else {DEFAULT_DB_URL}. The result is what
bilat ingest of the same inputs stores; loading twice adds nothing.

\b
Example:
  bilat batch ../shared/corpora/ru_news --out out/ --workers 2
  bilat load out/ --db sqlite:///news.db
"""


def _print_summary(summary: LoadSummary, console: Console) -> None:
    console.print(
        f"loaded {summary.partitions} partitions: {summary.read} documents read, {summary.new} "
        f"new, {summary.duplicates} already stored or repeated, {summary.near_duplicates} "
        "near-duplicates grouped into existing stories"
    )
    console.print(
        f"stories: {summary.stories} new; {summary.rejects_logged} rejects logged; "
        f"{summary.documents_in_db} documents in the database"
    )
    for fail in summary.extraction_failures:
        console.print(
            f"extraction failed for {escape(fail['origin'])} ({fail['doc_id']}): "
            f"{escape(fail['error'])}; the document is stored without facts"
        )


@click.command("load", epilog=EPILOG, short_help="Bulk-load bilat batch output into the database.")
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.option("--db", "db_url", metavar="URL",
              help="Database URL (sqlite:///… or postgresql+psycopg://…).")  # fmt: skip
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_LOAD_BATCH_SIZE,
              show_default=True, help="Documents written per transaction.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def command(out, db_url, batch_size, as_json) -> None:
    """Store the Parquet datasets written by bilat batch (folder OUT) in the database."""
    def load() -> LoadSummary:
        engine = open_engine(db_url)
        try:
            return load_parquet(out, engine, batch_size=batch_size)
        finally:
            engine.dispose()

    run_and_report(load, _print_summary, as_json)
