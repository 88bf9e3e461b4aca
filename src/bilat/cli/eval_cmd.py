"""``bilat eval``: score extraction against gold records (shared gold/README.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import BilatError, InputRejected
from ..eval.run import iter_records, load_jsonl
from ..eval.scoring import PARTS, Report, score
from .extract_cmd import EXIT_REJECTED, report_rejected

SECONDARY_LABELS = {
    "person_country": "person country right (among matched persons)",
    "indicator_period": "indicator period exact (among matched indicators)",
    "indicator_change_pct": "indicator change_pct within 1% (among matched indicators)",
}


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_report(report: Report, console: Console, *, diff: bool) -> None:
    table = Table(title=f"bilat eval: {len(report.docs)} gold document(s)")
    for col in ("part", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col == "part" else "right")
    for part in PARTS:
        s = report.parts[part]
        table.add_row(part, _fmt(s.precision), _fmt(s.recall), _fmt(s.f1),
                      str(s.tp), str(s.fp), str(s.fn))
    table.add_section()
    table.add_row("[bold]mean F1[/]", "", "", f"[bold]{report.mean_f1:.3f}[/]", "", "", "")
    console.print(table)
    for key, ratio in report.secondary.items():
        console.print(f"{SECONDARY_LABELS[key]}: {_fmt(ratio.value)} ({ratio.right}/{ratio.total})")
    missing = [d.doc for d in report.docs if d.missing_doc]
    if missing:
        console.print(f"[yellow]{len(missing)} gold document(s) had no prediction "
                      f"(counted as all misses):[/] {escape(', '.join(missing))}")
    if report.unscored:
        console.print(f"[dim]{len(report.unscored)} predicted document(s) not in the gold "
                      f"were not scored[/]")
    if diff:
        print_diff(report, console)


def print_diff(report: Report, console: Console) -> None:
    for d in report.docs:
        if d.clean:
            continue
        console.rule(escape(d.doc) + (" (no prediction)" if d.missing_doc else ""))
        for part in PARTS:
            for label in d.misses.get(part, []):
                console.print(f"  [red]miss[/]      {part}: {escape(label)}")
            for label in d.false_hits.get(part, []):
                console.print(f"  [yellow]false hit[/] {part}: {escape(label)}")
        for line in d.wrong_secondary:
            console.print(f"  [magenta]secondary[/] {escape(line)}")


@click.command("eval")
@click.option("--gold", "gold_path", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold records, JSONL (one record per document).")
@click.option("--pred", "pred_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score these predicted records (JSONL) instead of extracting PATH inputs.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--diff", is_flag=True, help="List each miss and false hit per document.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Reject inputs larger than this many bytes (default: as bilat ingest, 20 MB).")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def command(gold_path: Path, pred_path: Path | None, as_json: bool, diff: bool,
            max_bytes: int | None, paths: tuple[Path, ...]) -> None:
    """Extract PATH... (or read --pred) and score it against --gold.

    Prints precision, recall and F1 for countries, persons, events, indicators, commitments
    and sectors, the secondary figures and the mean F1. Gold documents with no prediction count
    as all misses.

    Example: bilat eval --gold ../shared/gold/seeds.jsonl ../shared/seeds --diff
    """
    if bool(pred_path) == bool(paths):
        raise click.UsageError("give either PATH... to extract or --pred FILE, not both or neither")
    rejected = 0
    try:
        gold = load_jsonl(gold_path)
        if pred_path:
            predicted = load_jsonl(pred_path)
        else:
            predicted = []
            for item in iter_records(paths, max_bytes=max_bytes):
                if isinstance(item, InputRejected):
                    rejected += 1
                    report_rejected(item)
                else:
                    predicted.append(item)
    except BilatError as err:
        raise click.ClickException(str(err)) from err
    report = score(gold, predicted)
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict(diff=diff), ensure_ascii=False, indent=2) + "\n")
    else:
        print_report(report, Console(highlight=False), diff=diff)
    if rejected:
        sys.exit(EXIT_REJECTED)
