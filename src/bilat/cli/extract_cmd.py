"""``bilat extract``: print one extraction record per input document (no database)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from ..errors import InputRejected
from ..eval.run import iter_records

EXIT_REJECTED = 3  # some inputs could not be read; the others were still printed


def _quote(evidence: dict | None, width: int = 160) -> str:
    text = " ".join(((evidence or {}).get("text") or "").split())
    return escape(text if len(text) <= width else text[: width - 3] + "...")


def _or_dash(value: object) -> str:
    return escape(str(value)) if value not in (None, "", []) else "-"


def _fmt_number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def render_pretty(rec: dict) -> Panel:
    """A readable English summary of one record; Russian source text shown as is."""
    lines = [
        f"[bold]published[/] {_or_dash(rec.get('published'))}"
        + (f"   [bold]title[/] {escape(rec['title'])}" if rec.get("title") else ""),
        f"[bold]countries[/] {_or_dash(', '.join(rec.get('countries') or []))}",
        f"[bold]sectors[/] {_or_dash(', '.join(rec.get('sectors') or []))}",
    ]
    persons = rec.get("persons") or []
    lines.append(f"[bold]persons[/] ({len(persons)})")
    for p in persons:
        lines.append(f"  • {escape(p.get('name') or '?')} [dim]{_or_dash(p.get('country'))}[/]"
                     f" — {_or_dash(p.get('role'))}")
    events = rec.get("events") or []
    lines.append(f"[bold]events[/] ({len(events)})")
    for e in events:
        who = ", ".join(e.get("persons") or [])
        lines.append(
            f"  • [cyan]{escape(e.get('type') or '?')}[/] date {_or_dash(e.get('date'))}"
            f", countries {_or_dash('-'.join(e.get('countries') or []))}"
            f", place {_or_dash(e.get('place'))}" + (f", persons {escape(who)}" if who else "")
        )
        lines.append(f"    [dim]{_quote(e.get('evidence'))}[/]")
    indicators = rec.get("indicators") or []
    lines.append(f"[bold]indicators[/] ({len(indicators)})")
    for i in indicators:
        change = i.get("change_pct")
        lines.append(
            f"  • [cyan]{escape(str(i.get('kind')))}/{escape(str(i.get('scope')))}[/]"
            f" {_or_dash('-'.join(i.get('countries') or []))}"
            f" period {_or_dash(i.get('period'))}: {_fmt_number(i.get('value'))}"
            f" {escape(str(i.get('unit')))}"
            + (f", change {change:+.1f}%" if isinstance(change, int | float) else "")
        )
        lines.append(f"    [dim]{_quote(i.get('evidence'))}[/]")
    commitments = rec.get("commitments") or []
    lines.append(f"[bold]commitments[/] ({len(commitments)})")
    for c in commitments:
        lines.append(f"  • [cyan]{_or_dash(c.get('kind'))}[/] due {_or_dash(c.get('due'))}"
                     f", parties {_or_dash('-'.join(c.get('parties') or []))}")
        lines.append(f"    [dim]{_quote(c.get('evidence'))}[/]")
    return Panel("\n".join(lines), title=escape(str(rec.get("doc"))), title_align="left")


def report_rejected(err: InputRejected) -> None:
    """One line on stderr naming the input and why it was not read."""
    click.echo(f"rejected: {err.source}"
               + (f":{err.line}" if err.line is not None else "")
               + f": {err.reason} ({err.reason_code})", err=True)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "pretty"]), default="jsonl",
              show_default=True, help="jsonl: one record per line; pretty: a readable summary.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Reject inputs larger than this many bytes (default: as bilat ingest, 20 MB).")
def command(paths: tuple[Path, ...], fmt: str, max_bytes: int | None) -> None:
    """Extract one record per document in PATH... (files, folders, archives, JSONL).

    Nothing is stored. Rejected inputs are named on stderr and the exit status is 3;
    the other documents are still printed.

    Example: bilat extract ../shared/seeds --format pretty
    """
    console = Console(highlight=False, soft_wrap=False)
    rejected = 0
    for item in iter_records(paths, max_bytes=max_bytes):
        if isinstance(item, InputRejected):
            rejected += 1
            report_rejected(item)
        elif fmt == "jsonl":
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            console.print(render_pretty(item))
    if rejected:
        click.echo(f"{rejected} input(s) rejected", err=True)
        sys.exit(EXIT_REJECTED)
