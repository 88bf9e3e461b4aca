"""Commitment follow-through: is a promise later reported done?

A commitment is ``fulfilled`` when a later document has a sentence in the past tense that names
the same action: most of the commitment's content lemmas (nouns, adjectives, names; with a
nominalisation and its verb counted as one concept, so "запуск авиасообщения" matches "было
открыто авиасообщение"). Otherwise it is ``overdue`` once its due period has ended before the
as-of date, else ``pending``. The status history lists each change with its date.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib import resources

from razdel import sentenize, tokenize

from ..extract.models import parse
from .periods import period_end

MIN_SHARED = 2  # at least this many concepts in common
MIN_COVERAGE = 0.75  # share of the commitment's concepts found in the report
CONTENT_POS = {"NOUN", "ADJF", "ADJS", "PRTF", "PRTS", "VERB", "INFN"}
PAST_TENSE = "past"


@dataclass
class Evidence:
    doc: str
    quote: str
    start: int
    end: int
    date: str | None


@dataclass
class FollowThrough:
    doc: str
    quote: str
    due: str | None
    kind: str | None
    status: str
    evidence: list[Evidence] = field(default_factory=list)
    history: list[tuple[str | None, str]] = field(default_factory=list)


@cache
def _lexicon() -> tuple[dict[str, str], frozenset[str]]:
    raw = json.loads(resources.files("bilat.data").joinpath("followthrough_lexicon.json").read_text("utf-8"))
    concept_of = {lemma: name for name, lemmas in raw["concepts"].items() for lemma in lemmas}
    return concept_of, frozenset(raw["stop_lemmas"])


def concepts(text: str) -> set[str]:
    """Content concepts of a phrase: lemmas, with synonymous action words folded together."""
    concept_of, stop = _lexicon()
    found = set()
    for tok in tokenize(text):
        word = tok.text.lower().replace("ё", "е")
        if not any(ch.isalpha() for ch in word) or len(word) < 3:
            continue
        parses = parse(word)
        best = parses[0] if parses else None
        lemma = best.normal_form.replace("ё", "е") if best else word
        pos = str(best.tag.POS) if best and best.tag.POS else "NOUN"
        if lemma in concept_of:
            found.add(concept_of[lemma])
        elif pos in CONTENT_POS and pos not in {"VERB", "INFN"} and lemma not in stop:
            found.add(lemma)
    return found


def _has_past_verb(text: str) -> bool:
    for tok in tokenize(text):
        for p in parse(tok.text.lower())[:1]:
            if p.tag.POS in {"VERB", "PRTS"} and p.tag.tense == PAST_TENSE:
                return True
            if p.tag.POS == "PRTS":
                return True
    return False


def effective_date(record: Mapping) -> str | None:
    """Publication date, or for an undated document the latest day-precise event date in it."""
    if record.get("published"):
        return record["published"]
    days = [e["date"] for e in record.get("events", []) if e.get("date") and len(e["date"]) == 10]
    return max(days) if days else None


def _commitment_text(c: Mapping) -> str:
    return c.get("action") or c["evidence"]["text"]


def _reports(records: list[Mapping], texts: Mapping[str, str], origin: Mapping, since: str | None):
    """Candidate report sentences: past tense, in other documents not older than ``since``."""
    for rec in records:
        if rec["doc"] == origin["doc"]:
            continue
        when = effective_date(rec)
        if since and when and when <= since:
            continue
        text = texts.get(rec["doc"], "")
        promises = [(c["evidence"]["start"], c["evidence"]["end"]) for c in rec.get("commitments", [])]
        for sent in sentenize(text):
            if any(s < sent.stop and sent.start < e for s, e in promises):
                continue
            yield rec, when, sent


def follow_through(
    records: Iterable[Mapping], texts: Mapping[str, str], as_of: date | None = None
) -> list[FollowThrough]:
    records = list(records)
    if as_of is None:
        dated = [d for d in map(effective_date, records) if d]
        as_of = date.fromisoformat(max(dated)) if dated else date.today()
    result = []
    for rec in records:
        made = effective_date(rec)
        for com in rec.get("commitments", []):
            wanted = concepts(_commitment_text(com))
            evidence = []
            if len(wanted) >= MIN_SHARED:
                for other, when, sent in _reports(records, texts, rec, made):
                    if when and when > as_of.isoformat():
                        continue
                    shared = wanted & concepts(sent.text)
                    if len(shared) >= MIN_SHARED and len(shared) >= MIN_COVERAGE * len(wanted):
                        if _has_past_verb(sent.text):
                            evidence.append(Evidence(other["doc"], sent.text, sent.start, sent.stop, when))
            result.append(_judge(rec["doc"], com, made, evidence, as_of))
    return result


def _judge(doc: str, com: Mapping, made: str | None, evidence: list[Evidence], as_of: date) -> FollowThrough:
    due = com.get("due")
    history: list[tuple[str | None, str]] = [(made, "pending")]
    end = period_end(due)
    first_report = min((e.date for e in evidence if e.date), default=None)
    if end and end < as_of and (first_report is None or first_report > end.isoformat()):
        history.append(((end + timedelta(days=1)).isoformat(), "overdue"))
    if evidence:
        history.append((first_report, "fulfilled"))
    status = history[-1][1]
    return FollowThrough(doc, com["evidence"]["text"], due, com.get("kind"), status, evidence, history)
