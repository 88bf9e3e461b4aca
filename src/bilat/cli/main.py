"""The ``bilat`` command group. Each command lives in its own module, listed here.

Command modules are imported only when their command runs (or help lists them), so a quick
command such as ``bilat dossier`` does not pay for the imports of ``ingest`` or ``serve``.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

# command name -> module defining it (a click command ``command``, or a list ``commands``)
COMMANDS: dict[str, str] = {
    "ingest": "ingest_cmd",
    "docs": "docs_cmd",
    "show": "show_cmd",
    "extract": "extract_cmd",
    "eval": "eval_cmd",
    "batch": "batch_cmd",
    "load": "load_cmd",
    "dossier": "dossier_cmd",
    "events": "facts_cmd",
    "persons": "facts_cmd",
    "indicators": "facts_cmd",
    "commitments": "facts_cmd",
    "export": "export_cmd",
    "serve": "serve_cmd",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context | None) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context | None, cmd_name: str) -> click.Command | None:
        module_name = COMMANDS.get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f".{module_name}", __package__)
        for command in getattr(module, "commands", None) or [module.command]:
            if command.name == cmd_name:
                return command
        raise RuntimeError(f"module {module_name} defines no command named {cmd_name!r}")


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Example:\n\n  bilat ingest ../shared/seeds && bilat dossier KZ RS",
)
@click.version_option(__version__, prog_name="bilat")
def cli() -> None:
    """bilat: read news about relations between countries into a source-linked record."""


def main() -> None:
    cli()
