"""Person-role extraction scored against factRuEval-2016 Occupation facts (devset).

Gold: every ``Occupation`` fact in ``*.facts`` with a ``Who`` and a ``Position`` line
gives a tuple (who, position, where); ``where`` (an organisation or place) may be absent.
Prediction: bilat's persons stage (segment, ner, countries, persons) over the matching
``*.txt``; every person with a role gives one tuple (name, role, organisation, country).

Matching rule (case-insensitive, ё = е), per document, one-to-one (greedy, in order):
- person: the gold surname (first word of ``Who``, which factRuEval writes as
  "Фамилия Имя") is one of the words of the predicted name;
- position: the pymorphy3 lemma of the gold position's first word is the lemma of one of
  the words of the predicted role ("мэра" matches "мэр Москвы");
- where (for the strict score only): some content-word lemma (3+ letters) of the gold
  ``Where`` is a lemma of a word of the predicted role or organisation, or the gold
  ``Where`` is a country mention in the document whose code is the predicted country.
The loose score asks person + position, the strict one person + position + where.

Usage: python benchmarks/factrueval_occupation.py [--corpus DIR] [--json] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from bilat.doc import Doc
from bilat.extract.models import lemma
from bilat.pipeline import get_stage

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpora/factrueval/devset"
STAGES = ("segment", "ner", "countries", "persons")
WORD = re.compile(r"[А-Яа-яЁёA-Za-z-]+")


@dataclass
class GoldFact:
    who: str
    position: str
    where: str


@dataclass
class Predicted:
    name: str
    role: str
    organization: str
    country: str | None
    where_codes: dict[str, str]  # lemma of a country mention -> its code


def _norm(text: str) -> str:
    return text.lower().replace("ё", "е")


def _lemmas(text: str) -> set[str]:
    return {_norm(lemma(w)) for w in WORD.findall(text)}


def read_facts(path: Path) -> list[GoldFact]:
    facts, block = [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            block.append(line.strip())
            continue
        if block and block[0].endswith("Occupation"):
            fields: dict[str, str] = {}
            for row in block[1:]:
                parts = row.split(" ", 2)
                if len(parts) == 3:
                    fields.setdefault(parts[0], parts[2])
            if "Who" in fields and "Position" in fields:
                facts.append(GoldFact(fields["Who"], fields["Position"], fields.get("Where", "")))
        block = []
    return facts


def predict(text: str) -> list[Predicted]:
    doc = Doc(id="factrueval", text=text)
    for name in STAGES:
        doc = get_stage(name)(doc)
    codes = {}
    for m in doc.country_mentions:
        for lem in _lemmas(m.text):
            codes[lem] = m.code
    return [
        Predicted(p.name, p.role, p.organization or "", p.country, codes)
        for p in doc.persons
        if p.role
    ]


def _person_ok(gold: GoldFact, pred: Predicted) -> bool:
    surname = _norm(gold.who.split()[0]) if gold.who.split() else ""
    return surname in {_norm(w) for w in pred.name.split()}


def _position_ok(gold: GoldFact, pred: Predicted) -> bool:
    words = WORD.findall(gold.position)
    return bool(words) and _norm(lemma(words[0])) in _lemmas(pred.role)


def _where_ok(gold: GoldFact, pred: Predicted) -> bool:
    if not gold.where:
        return True
    content = {w for w in _lemmas(gold.where) if len(w) >= 3}
    if content & (_lemmas(pred.role) | _lemmas(pred.organization)):
        return True
    return any(pred.where_codes.get(w) == pred.country and pred.country for w in content)


def match(gold: list[GoldFact], pred: list[Predicted], strict: bool) -> int:
    used: set[int] = set()
    hits = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i in used or not (_person_ok(g, p) and _position_ok(g, p)):
                continue
            if strict and not _where_ok(g, p):
                continue
            used.add(i)
            hits += 1
            break
    return hits


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--limit", type=int, default=0, help="read only the first N documents")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"factRuEval devset not found at {args.corpus}", file=sys.stderr)
        return 2
    files = sorted(args.corpus.glob("*.facts"))
    if args.limit:
        files = files[: args.limit]
    tp_loose = tp_strict = n_pred = n_gold = 0
    for facts_path in files:
        gold = read_facts(facts_path)
        text = facts_path.with_suffix(".txt").read_text(encoding="utf-8")
        pred = predict(text)
        n_gold += len(gold)
        n_pred += len(pred)
        tp_loose += match(gold, pred, strict=False)
        tp_strict += match(gold, pred, strict=True)
    scores = {
        "documents": len(files),
        "gold": n_gold,
        "predicted": n_pred,
        "person_position": prf(tp_loose, n_pred, n_gold),
        "person_position_where": prf(tp_strict, n_pred, n_gold),
    }
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        for key in ("person_position", "person_position_where"):
            s = scores[key]
            print(f"{key:24} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}")
        print(f"documents={len(files)} gold={n_gold} predicted={n_pred}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
