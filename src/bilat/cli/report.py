"""Exit codes and the run-then-report step shared by the commands that process inputs in bulk
(``ingest``, ``batch``, ``load``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Protocol, TypeVar

import click
from rich.console import Console

from ..errors import BilatError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3  # some inputs were rejected or some partitions failed; the rest was done


class Summary(Protocol):
    def as_dict(self) -> dict: ...


S = TypeVar("S", bound=Summary)


def run_and_report(
    job: Callable[[], S],
    print_summary: Callable[[S, Console], None],
    as_json: bool,
    partial: Callable[[S], bool] = lambda _: False,
) -> None:
    """Run ``job``; print its summary as JSON or for people; exit 0, 1 on an error (named on
    stderr) or 3 when ``partial(summary)`` says part of the work was left undone."""
    try:
        summary = job()
    except BilatError as err:
        click.echo(f"error: {err}", err=True)
        raise SystemExit(EXIT_FAILED) from err
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        print_summary(summary, Console(highlight=False, soft_wrap=True))
    raise SystemExit(EXIT_PARTIAL if partial(summary) else EXIT_OK)
