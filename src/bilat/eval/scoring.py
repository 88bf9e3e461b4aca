"""Score extraction records against gold records (shared gold/README.md, "How a record is scored").

Counts are micro-averaged over documents: true positives, false positives and misses of every
document are summed per part before precision, recall and F1 are computed.

Matching rules, part by part:

- ``countries``, ``sectors``: as sets of strings.
- ``persons``: by name, case-insensitive, ё = е, whitespace collapsed. Secondary figure: among
  matched pairs, the share whose ``country`` is equal.
- ``events``: same ``type``, same set of ``countries``, and the date agrees at the gold's
  precision: a gold ``null`` accepts any predicted date; otherwise the predicted date must start
  with the gold date string (gold ``2025-08`` accepts ``2025-08`` and ``2025-08-14``, not ``2025``
  and not ``null``).
- ``indicators``: same ``kind``, ``scope``, ``unit`` and ``countries`` (as a sorted set for
  ``trade``, in order ``[from, to]`` / ``[home, host]`` for every other kind), ``value`` within 1%
  of the gold value. Secondary figures among matched pairs: ``period`` exactly equal (``null`` only
  equals ``null``), and ``change_pct`` within 1% of the gold value (relative; both ``null`` is
  right, one ``null`` is wrong).
- ``commitments``: the predicted ``evidence.text`` contains the gold ``quote``, or lies inside it
  and is at least 20 characters long (texts compared case-insensitively, ё = е, whitespace
  collapsed), and ``due`` agrees at the gold's precision, the same rule as event dates. A gold
  ``null`` due therefore accepts any predicted due: "agrees at the gold's precision" with no
  precision at all constrains nothing, exactly as the README spells out for event dates.

One predicted item matches at most one gold item and vice versa: events, indicators, commitments
and persons are paired by maximum bipartite matching (Kuhn's augmenting paths), so the count of
matches never depends on list order. Candidate pairs are tried best first (for indicators, pairs
whose secondary fields are also right), so the secondary figures favour the better pairing.

Empty cases: precision with nothing predicted is 1.0 when there was nothing to find and 0.0
otherwise; recall with nothing to find is 1.0 when nothing was predicted and 0.0 otherwise;
F1 is 0.0 when precision + recall is 0.

Gold documents absent from the predictions count as all misses; predicted documents absent from
the gold are not scored (their ids are listed in ``Report.unscored``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

PARTS: tuple[str, ...] = ("countries", "persons", "events", "indicators", "commitments", "sectors")
VALUE_TOLERANCE = 0.01  # relative, for indicator values and change_pct
MIN_INNER_QUOTE_CHARS = 20  # a predicted evidence inside the gold quote must be this long
SECONDARY: tuple[str, ...] = ("person_country", "indicator_period", "indicator_change_pct")

_SPACE = re.compile(r"\s+")


@dataclass
class PartScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def add(self, other: PartScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Ratio:
    """A secondary figure: how many of ``total`` matched pairs are right."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def add(self, other: Ratio) -> None:
        self.right += other.right
        self.total += other.total


@dataclass
class DocDiff:
    """What one document got wrong: per part, the gold items missed and the predicted items
    that match nothing, as short printable labels."""

    doc: str
    missing_doc: bool = False
    misses: dict[str, list[str]] = field(default_factory=dict)
    false_hits: dict[str, list[str]] = field(default_factory=dict)
    wrong_secondary: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.missing_doc or any(self.misses.values()) or any(self.false_hits.values())
                    or self.wrong_secondary)


@dataclass
class Report:
    parts: dict[str, PartScore] = field(default_factory=lambda: {p: PartScore() for p in PARTS})
    secondary: dict[str, Ratio] = field(default_factory=lambda: {s: Ratio() for s in SECONDARY})
    docs: list[DocDiff] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)

    @property
    def mean_f1(self) -> float:
        return sum(self.parts[p].f1 for p in PARTS) / len(PARTS)

    def as_dict(self, *, diff: bool = False) -> dict:
        out: dict = {
            "documents": len(self.docs),
            "missing_documents": [d.doc for d in self.docs if d.missing_doc],
            "unscored_documents": self.unscored,
            "parts": {
                p: {"precision": s.precision, "recall": s.recall, "f1": s.f1,
                    "tp": s.tp, "fp": s.fp, "fn": s.fn}
                for p, s in self.parts.items()
            },
            "secondary": {k: {"value": r.value, "right": r.right, "total": r.total}
                          for k, r in self.secondary.items()},
            "mean_f1": self.mean_f1,
        }
        if diff:
            out["diff"] = [
                {"doc": d.doc, "missing_doc": d.missing_doc, "misses": d.misses,
                 "false_hits": d.false_hits, "wrong_secondary": d.wrong_secondary}
                for d in self.docs if not d.clean
            ]
        return out


# ---- normalisation and field rules -------------------------------------------------------


def norm_text(text: str | None) -> str:
    return _SPACE.sub(" ", (text or "").replace("ё", "е").replace("Ё", "Е")).strip().casefold()


def date_agrees(gold: str | None, pred: str | None) -> bool:
    """The predicted date agrees with the gold one at the gold's precision."""
    if gold is None:
        return True
    return pred is not None and str(pred).startswith(str(gold))


def within(gold: float | None, pred: float | None, tol: float = VALUE_TOLERANCE) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    try:
        g, p = float(gold), float(pred)
    except (TypeError, ValueError):
        return False
    if g == 0:
        return abs(p) <= tol
    return abs(p - g) <= tol * abs(g)


def _countries(item: Mapping, *, ordered: bool) -> tuple[str, ...]:
    codes = [str(c).upper() for c in item.get("countries") or []]
    return tuple(codes) if ordered else tuple(sorted(set(codes)))


def event_matches(gold: Mapping, pred: Mapping) -> bool:
    return (
        gold.get("type") == pred.get("type")
        and _countries(gold, ordered=False) == _countries(pred, ordered=False)
        and date_agrees(gold.get("date"), pred.get("date"))
    )


def indicator_matches(gold: Mapping, pred: Mapping) -> bool:
    ordered = gold.get("kind") != "trade"
    return (
        gold.get("kind") == pred.get("kind")
        and gold.get("scope") == pred.get("scope")
        and gold.get("unit") == pred.get("unit")
        and _countries(gold, ordered=ordered) == _countries(pred, ordered=ordered)
        and pred.get("value") is not None
        and within(gold.get("value"), pred.get("value"))
    )


def _period_right(gold: Mapping, pred: Mapping) -> bool:
    return gold.get("period") == pred.get("period")


def _change_right(gold: Mapping, pred: Mapping) -> bool:
    return within(gold.get("change_pct"), pred.get("change_pct"))


def commitment_text(item: Mapping) -> str:
    """The text a commitment is judged by: ``evidence.text``, or ``quote`` for gold-style items."""
    evidence = item.get("evidence")
    if isinstance(evidence, Mapping) and evidence.get("text"):
        return str(evidence["text"])
    return str(item.get("quote") or "")


def commitment_matches(gold: Mapping, pred: Mapping) -> bool:
    quote, text = norm_text(commitment_text(gold)), norm_text(commitment_text(pred))
    if not quote or not text:
        return False
    overlap = quote in text or (text in quote and len(text) >= MIN_INNER_QUOTE_CHARS)
    return overlap and date_agrees(gold.get("due"), pred.get("due"))


def person_matches(gold: Mapping, pred: Mapping) -> bool:
    return bool(norm_text(gold.get("name"))) and norm_text(gold.get("name")) == norm_text(
        pred.get("name")
    )


# ---- matching ------------------------------------------------------------------------------


def max_matching(
    gold: list, pred: list, matches: Callable[[Mapping, Mapping], bool],
    preference: Callable[[Mapping, Mapping], int] | None = None,
) -> dict[int, int]:
    """Maximum bipartite matching gold index -> predicted index (Kuhn's algorithm).

    ``preference`` (higher first) orders each gold item's candidates, so that among equally large
    matchings the greedy first choice is the better pair."""
    candidates: list[list[int]] = []
    for g in gold:
        cands = [j for j, p in enumerate(pred) if matches(g, p)]
        if preference is not None:
            cands.sort(key=lambda j, g=g: -preference(g, pred[j]))
        candidates.append(cands)
    owner: dict[int, int] = {}  # pred index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


# ---- labels for the diff -------------------------------------------------------------------


def _label(part: str, item: object) -> str:
    if not isinstance(item, Mapping):
        return str(item)
    if part == "persons":
        return f"{item.get('name')} ({item.get('country')}, {item.get('role')})"
    if part == "events":
        return (f"{item.get('type')} {item.get('date')} "
                f"{'-'.join(_countries(item, ordered=False))}")
    if part == "indicators":
        return (f"{item.get('kind')}/{item.get('scope')} {'-'.join(_countries(item, ordered=True))}"
                f" {item.get('period')} {item.get('value')} {item.get('unit')}"
                f" change={item.get('change_pct')}")
    if part == "commitments":
        text = commitment_text(item)
        short = text if len(text) <= 90 else text[:87] + "..."
        return f"«{short}» due={item.get('due')}"
    return str(item)


# ---- scoring -------------------------------------------------------------------------------

_RULES: dict[str, Callable[[Mapping, Mapping], bool]] = {
    "persons": person_matches,
    "events": event_matches,
    "indicators": indicator_matches,
    "commitments": commitment_matches,
}


def _indicator_preference(gold: Mapping, pred: Mapping) -> int:
    return int(_period_right(gold, pred)) + int(_change_right(gold, pred))


def _score_list(part: str, gold: list, pred: list, diff: DocDiff, report: Report) -> PartScore:
    pref = _indicator_preference if part == "indicators" else None
    pairs = max_matching(gold, pred, _RULES[part], pref)
    matched_pred = set(pairs.values())
    diff.misses[part] = [_label(part, g) for i, g in enumerate(gold) if i not in pairs]
    diff.false_hits[part] = [_label(part, p) for j, p in enumerate(pred) if j not in matched_pred]
    for i, j in pairs.items():
        g, p = gold[i], pred[j]
        if part == "persons":
            right = g.get("country") == p.get("country")
            report.secondary["person_country"].add(Ratio(int(right), 1))
            if not right:
                diff.wrong_secondary.append(
                    f"persons: {g.get('name')} country {p.get('country')}, gold {g.get('country')}")
        elif part == "indicators":
            for key, rule, field_name in (("indicator_period", _period_right, "period"),
                                          ("indicator_change_pct", _change_right, "change_pct")):
                right = rule(g, p)
                report.secondary[key].add(Ratio(int(right), 1))
                if not right:
                    diff.wrong_secondary.append(
                        f"indicators: {_label(part, g)}: {field_name} {p.get(field_name)},"
                        f" gold {g.get(field_name)}")
    return PartScore(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))


def _score_set(part: str, gold: Iterable, pred: Iterable, diff: DocDiff) -> PartScore:
    g, p = {str(x) for x in gold or []}, {str(x) for x in pred or []}
    diff.misses[part] = sorted(g - p)
    diff.false_hits[part] = sorted(p - g)
    return PartScore(tp=len(g & p), fp=len(p - g), fn=len(g - p))


def score_document(gold: Mapping, pred: Mapping | None, report: Report) -> DocDiff:
    """Score one document into ``report`` (counts added) and return its diff."""
    diff = DocDiff(doc=str(gold.get("doc")), missing_doc=pred is None)
    pred = pred or {}
    for part in PARTS:
        g_items, p_items = gold.get(part) or [], pred.get(part) or []
        if part in ("countries", "sectors"):
            counts = _score_set(part, g_items, p_items, diff)
        else:
            counts = _score_list(part, list(g_items), list(p_items), diff, report)
        report.parts[part].add(counts)
    return diff


def score(gold: Iterable[Mapping], predicted: Iterable[Mapping]) -> Report:
    """Score predicted records against gold records, matched by ``doc``."""
    by_doc: dict[str, Mapping] = {}
    for rec in predicted:
        by_doc[str(rec.get("doc"))] = rec
    report = Report()
    gold_ids: set[str] = set()
    for rec in gold:
        doc_id = str(rec.get("doc"))
        gold_ids.add(doc_id)
        report.docs.append(score_document(rec, by_doc.get(doc_id), report))
    report.unscored = sorted(set(by_doc) - gold_ids)
    return report
