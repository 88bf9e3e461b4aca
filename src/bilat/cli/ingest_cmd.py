"""``bilat ingest``: read articles into the database, grouping reprints into stories."""

from __future__ import annotations

import click
from rich.console import Console
from rich.markup import escape

from ..ingest.runner import DEFAULT_BATCH_SIZE, DEFAULT_MAX_BYTES, IngestSummary, ingest
from ..store.engine import DB_ENV_VAR, DEFAULT_DB_URL
from .report import run_and_report

EPILOG = f"""\b
Exit codes:
  0  every input was read (already stored articles count as read)
  1  the database could not be opened or written
  2  usage error (bad option, missing path)
  3  some inputs were rejected; the others were stored

\b
The database is --db, else ${DB_ENV_VAR}, else {DEFAULT_DB_URL}.

\b
Example:
  bilat ingest ../shared/seeds --db sqlite:///news.db
  bilat ingest --no-extract --json feeds/ archive.zip
"""


def _print_summary(summary: IngestSummary, console: Console) -> None:
    console.print(
        f"read {summary.read} articles: {summary.new} new, "
        f"{summary.duplicates} already stored or repeated, "
        f"{summary.near_duplicates} near-duplicates grouped into existing stories"
    )
    console.print(
        f"stories: {summary.stories} new; {summary.stories_with_reprints} stories in the "
        f"database have two or more articles; {summary.documents_in_db} documents in the database"
    )
    for fail in summary.extraction_failures:
        console.print(
            f"extraction failed for {escape(fail.origin)} ({fail.doc_id}): {escape(fail.error)}; "
            "the document is stored without facts"
        )
    console.print(f"rejected {summary.rejected} inputs")
    for rej in summary.rejects:
        where = f"{rej.origin}:{rej.line}" if rej.line is not None else rej.origin
        console.print(f"  {escape(where)}: {escape(rej.reason)} [{rej.reason_code}]")


@click.command(
    "ingest",
    epilog=EPILOG,
    short_help="Read articles (files, folders, archives, feeds) into the database.",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--db", "db_url", metavar="URL", help="Database URL (sqlite:///… or postgresql+psycopg://…).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Reject any input larger than this.")  # fmt: skip
@click.option("--no-extract", is_flag=True, help="Store the articles without extracting facts.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE,
              show_default=True, help="Documents written per transaction.")  # fmt: skip
def command(paths, db_url, max_bytes, no_extract, as_json, quiet, batch_size) -> None:
    """Read articles into the database, skip what is stored, group reprints into stories.

    PATH is a text, HTML, JSON/JSONL or RSS/Atom file, a folder or a zip/tar archive.
    """
    run_and_report(
        lambda: ingest(
            paths, db_url, max_bytes=max_bytes, extract=not no_extract,
            progress=not quiet and not as_json, batch_size=batch_size,
        ),
        _print_summary, as_json, partial=lambda summary: bool(summary.rejected),
    )  # fmt: skip
