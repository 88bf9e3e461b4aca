"""``bilat serve``: the web dashboard and JSON API over the database."""

from __future__ import annotations

import click

from ..errors import BilatError

EPILOG = """\b
Pages: / (pairs, network, search), /pairs/KZ-RS (dossier), /documents/ID (article with facts),
/persons/ID, /upload. JSON API under /api; reference at /docs, OpenAPI at /openapi.json.
Reading needs no token; uploads need $BILAT_TOKEN sent as 'Authorization: Bearer TOKEN'
(without $BILAT_TOKEN, writes are refused).

\b
Example:
  BILAT_TOKEN=secret bilat serve --db sqlite:///bilat.db --port 8000
"""


@click.command("serve", epilog=EPILOG, short_help="Serve the web dashboard and REST API.")
@click.option("--db", "db_url", metavar="URL", help="Database URL (default $BILAT_DB or sqlite:///bilat.db).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (other than loopback exposes the data to the network).")  # fmt: skip
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def command(db_url, host, port) -> None:
    """Serve the web dashboard and JSON API over the database."""
    import uvicorn

    from ..web.app import create_app

    try:
        app = create_app(db_url)
    except BilatError as err:
        click.echo(f"error: {err}", err=True)
        raise SystemExit(1) from err
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach it can read the data", err=True)
    click.echo(f"bilat: serving on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
