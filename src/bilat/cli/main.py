"""The ``bilat`` command group. Each command lives in its own module, listed here."""

from __future__ import annotations

import importlib

import click

from .. import __version__

# command modules, each defining a click command called ``command``
COMMAND_MODULES = (
    "ingest_cmd",
    "docs_cmd",
    "show_cmd",
    "extract_cmd",
    "eval_cmd",
)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Example:\n\n  bilat ingest ../shared/seeds && bilat docs",
)
@click.version_option(__version__, prog_name="bilat")
def cli() -> None:
    """bilat: read news about relations between countries into a source-linked record."""


for _name in COMMAND_MODULES:
    cli.add_command(importlib.import_module(f".{_name}", __package__).command)


def main() -> None:
    cli()
