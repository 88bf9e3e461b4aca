"""``bilat export``: the knowledge tables as CSV, JSONL or Parquet, events as CAMEO TSV or PLOVER JSON."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import BilatError
from ..export.event_data import merged_events, write_cameo_tsv, write_plover_json
from ..export.tables import TABLE_FORMATS, export_tables
from ..store.engine import open_engine
from ..store.kb import refresh

EPILOG = """\b
csv, jsonl and parquet write one file per knowledge table (kb_events, kb_event_sources,
kb_persons, kb_roles, kb_series_points, kb_commitment_status, ...); lists and objects are JSON
text in csv and parquet. cameo-tsv writes events.cameo.tsv with GDELT-like columns (SQLDATE,
Actor1/Actor2 country codes, EventCode, EventRootCode, QuadClass, GoldsteinScale, SOURCEURL,
quote, document id); plover-json writes events.plover.json.

\b
Example:
  bilat export --format parquet --out export/
  bilat export --format cameo-tsv --out export/ --db sqlite:///news.db
"""

FORMATS = (*TABLE_FORMATS, "cameo-tsv", "plover-json")


@click.command("export", epilog=EPILOG, short_help="Export the cross-document knowledge to files.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("export"),
              show_default=True, help="Folder to write into (created if missing).")  # fmt: skip
@click.option("--db", "db_url", metavar="URL", help="Database URL (default $BILAT_DB or sqlite:///bilat.db).")
def command(fmt, out, db_url) -> None:
    """Export the cross-document knowledge (events, persons, series, commitments) to files."""
    try:
        engine = open_engine(db_url)
        try:
            refresh(engine)  # documents stored but not yet resolved are caught up first
            out.mkdir(parents=True, exist_ok=True)
            if fmt in TABLE_FORMATS:
                written = export_tables(engine, fmt, out)
            elif fmt == "cameo-tsv":
                path = out / "events.cameo.tsv"
                written = [(path, write_cameo_tsv(merged_events(engine), path))]
            else:
                path = out / "events.plover.json"
                written = [(path, write_plover_json(merged_events(engine), path))]
        finally:
            engine.dispose()
    except (BilatError, OSError) as err:
        click.echo(f"error: {err}", err=True)
        raise SystemExit(1) from err
    for path, rows in written:
        click.echo(f"{path}: {rows} rows")
