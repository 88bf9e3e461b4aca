"""Entity benchmark on NEREL (brat): bilat's entities against plain natasha, per type.

    .venv/bin/python benchmarks/nerel_entities.py [--nerel DIR] [--limit N] [--json OUT]

Scoring: exact span match (type, start, end) against the gold spans of the types PERSON,
ORGANIZATION, COUNTRY, CITY, DATE, MONEY, PERCENT; precision, recall and F1 per type and
micro-averaged over the types each system covers. Discontinuous gold spans are scored by
their outer bounds.

Plain natasha (Segmenter + NewsNERTagger over the raw text) tags PER, ORG and LOC. The fair
mapping used here: PER -> PERSON, ORG -> ORGANIZATION, LOC -> COUNTRY when the span is a
country name or abbreviation in bilat's gazetteer, else LOC -> CITY (natasha has no finer
place type, so every other place is given its best chance at CITY). Natasha has no DATE,
MONEY or PERCENT: those rows show bilat alone.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from functools import cache
from pathlib import Path

from bilat.doc import Doc
from bilat.errors import StageOrderError
from bilat.extract.api import extract
from bilat.extract.gazetteer import form_key, load_gazetteer
from bilat.pipeline import STAGE_MODULES, Pipeline, build_pipeline

TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "CITY", "DATE", "MONEY", "PERCENT")
NATASHA_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "CITY")
ENTITY_STAGES = ("segment", "ner", "countries", "times", "quantities")
DEFAULT_NEREL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "nerel" / "dev"

Span = tuple[str, int, int]


def read_gold(ann: Path) -> set[Span]:
    spans: set[Span] = set()
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not parts[0].startswith("T") or len(parts) < 3:
            continue
        etype, _, ranges = parts[1].partition(" ")
        if etype not in TYPES:
            continue
        bounds = [int(x) for r in ranges.split(";") for x in r.split()]
        spans.add((etype, min(bounds), max(bounds)))
    return spans


@cache
def _entity_pipeline() -> Pipeline:
    """The stages that fill ``doc.entities``: used only while the full pipeline cannot be
    built (a stage module missing during development); a warning says so."""
    names = [n for n in ENTITY_STAGES if importlib.util.find_spec(STAGE_MODULES[n])]
    print(f"warning: full pipeline unavailable, scoring stages {', '.join(names)}", file=sys.stderr)
    return build_pipeline(names)


def bilat_spans(doc_id: str, text: str) -> set[Span]:
    try:
        doc = extract(doc_id, text)
    except StageOrderError:
        doc = _entity_pipeline()(Doc(id=doc_id, text=text))
    return {(e.type, e.start, e.end) for e in doc.entities if e.type in TYPES}


def _is_country(text: str) -> bool:
    gaz = load_gazetteer()
    if text in gaz.abbreviations:
        return True
    return any(e.kind == "name" for e in gaz.lookup(form_key(text)))


def natasha_spans(text: str) -> set[Span]:
    from natasha import Doc as NatashaDoc

    from bilat.extract.models import ner_tagger, segmenter

    ndoc = NatashaDoc(text)
    ndoc.segment(segmenter())
    ndoc.tag_ner(ner_tagger())
    out: set[Span] = set()
    for span in ndoc.spans:
        if span.type == "PER":
            etype = "PERSON"
        elif span.type == "ORG":
            etype = "ORGANIZATION"
        else:
            etype = "COUNTRY" if _is_country(span.text) else "CITY"
        out.add((etype, span.start, span.stop))
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score(gold: list[set[Span]], pred: list[set[Span]], types: tuple[str, ...]) -> dict:
    counts = {t: Counter() for t in types}
    for g, p in zip(gold, pred, strict=True):
        for t in types:
            gt = {s for s in g if s[0] == t}
            pt = {s for s in p if s[0] == t}
            counts[t]["tp"] += len(gt & pt)
            counts[t]["fp"] += len(pt - gt)
            counts[t]["fn"] += len(gt - pt)
    result = {t: _prf(c["tp"], c["fp"], c["fn"]) for t, c in counts.items()}
    total = sum(counts.values(), Counter())
    result["micro"] = _prf(total["tp"], total["fp"], total["fn"])
    return result


def run(nerel: Path, limit: int | None) -> dict:
    texts = sorted(nerel.glob("*.txt"))[:limit]
    if not texts:
        sys.exit(f"error: no NEREL .txt files under {nerel}")
    gold, ours, theirs = [], [], []
    for txt in texts:
        text = txt.read_text(encoding="utf-8")
        gold.append(read_gold(txt.with_suffix(".ann")))
        ours.append(bilat_spans(txt.stem, text))
        theirs.append(natasha_spans(text))
    return {
        "documents": len(texts),
        "gold_counts": dict(Counter(s[0] for g in gold for s in g)),
        "bilat": score(gold, ours, TYPES),
        "bilat_on_natasha_types": score(gold, ours, NATASHA_TYPES),
        "natasha": score(gold, theirs, NATASHA_TYPES),
    }


def print_table(result: dict) -> None:
    print(f"NEREL dev, {result['documents']} documents, exact span match")
    print(f"{'type':<14}{'gold':>6}  {'bilat P':>8}{'R':>7}{'F1':>7}  {'natasha P':>10}{'R':>7}{'F1':>7}")
    rows = [*TYPES, "micro"]
    for t in rows:
        b = result["bilat_on_natasha_types"]["micro"] if t == "micro" else result["bilat"][t]
        n = result["natasha"].get(t)
        gold = result["gold_counts"].get(t, "")
        line = f"{t:<14}{gold!s:>6}  {b['precision']:>8.3f}{b['recall']:>7.3f}{b['f1']:>7.3f}"
        if n:
            line += f"  {n['precision']:>10.3f}{n['recall']:>7.3f}{n['f1']:>7.3f}"
        else:
            line += f"  {'-':>10}{'-':>7}{'-':>7}"
        print(line)
    print("micro row: over PERSON, ORGANIZATION, COUNTRY, CITY (the types both systems cover)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nerel", type=Path, default=DEFAULT_NEREL, help="NEREL brat folder")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--json", type=Path, default=None, help="also write the scores here")
    args = ap.parse_args(argv)
    result = run(args.nerel, args.limit)
    print_table(result)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
