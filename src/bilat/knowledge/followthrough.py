"""Commitment follow-through: is a promise later reported done?

A commitment is ``fulfilled`` when a later document has a sentence in the past tense that names
the same action: most of the commitment's content lemmas (nouns, adjectives, names; with a
nominalisation and its verb counted as one concept, so "запуск авиасообщения" matches "было
открыто авиасообщение"). Otherwise it is ``overdue`` once its due period has ended before the
as-of date, else ``pending``. The status history lists each change with its date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from razdel import sentenize, tokenize

from ..datafiles import read_json
from ..extract.models import parse
from .periods import period_end

MIN_SHARED = 3  # at least this many concepts in common (or all of them, when fewer)
MIN_CONCEPTS = 2  # a commitment naming fewer concepts is too vague to match
MIN_COVERAGE = 2 / 3  # share of the commitment's concepts found in the report
# a purpose adjunct ("для развития связей", "в целях ...") says why, not what: not matched
PURPOSE_CUES = re.compile(r"\s(?:для|в целях|с целью|чтобы|ради)\s", re.IGNORECASE)
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
    n: int = 0  # the commitment's position in its document's record
    parties: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    history: list[tuple[str | None, str]] = field(default_factory=list)


@cache
def _lexicon() -> tuple[dict[str, str], frozenset[str]]:
    raw = read_json("followthrough_lexicon.json")
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
        # any reading that names an action concept counts ("открыто": adverb or participle)
        concept = next(
            (concept_of[n] for n in (p.normal_form.replace("ё", "е") for p in parses) if n in concept_of),
            None,
        )
        if concept:
            found.add(concept)
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
    """The promise as quoted, without its purpose adjunct (the quote is the whole clause; the
    extracted ``action`` may lose the subject, e.g. "заседание ... пройдет" -> "пройдет")."""
    return PURPOSE_CUES.split(c["evidence"]["text"] or c.get("action") or "", maxsplit=1)[0]


@dataclass
class _Sentence:
    start: int
    stop: int
    text: str
    concepts: set[str]
    past: bool


class _Reports:
    """Report sentences of each document, analysed once per call (not once per commitment)."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self.texts = texts
        self.cache: dict[str, list[_Sentence]] = {}

    def sentences(self, rec: Mapping) -> list[_Sentence]:
        doc = rec["doc"]
        if doc not in self.cache:
            promises = [(c["evidence"]["start"], c["evidence"]["end"]) for c in rec.get("commitments", [])]
            found = []
            for sent in sentenize(self.texts.get(doc, "")):
                if any(s < sent.stop and sent.start < e for s, e in promises):
                    continue
                found.append(_Sentence(sent.start, sent.stop, sent.text, concepts(sent.text), False))
            self.cache[doc] = found
        return self.cache[doc]


def _matches(wanted: set[str], sent: _Sentence) -> bool:
    shared = wanted & sent.concepts
    if len(shared) < min(MIN_SHARED, len(wanted)) or len(shared) < MIN_COVERAGE * len(wanted):
        return False
    if not sent.past:  # checked last: only sentences that match otherwise are parsed for tense
        sent.past = _has_past_verb(sent.text)
        if not sent.past:
            sent.concepts = set()  # never matches again
    return sent.past


def follow_through(
    records: Iterable[Mapping], texts: Mapping[str, str], as_of: date | None = None
) -> list[FollowThrough]:
    """Every commitment of ``records`` with its status as of ``as_of`` (default: newest document)."""
    records = list(records)
    if as_of is None:
        dated = [d for d in map(effective_date, records) if d]
        as_of = date.fromisoformat(max(dated)) if dated else date.today()
    limit = as_of.isoformat()
    dates = {rec["doc"]: effective_date(rec) for rec in records}
    reports = _Reports(texts)
    result = []
    for rec in records:
        made = dates[rec["doc"]]
        for n, com in enumerate(rec.get("commitments", [])):
            wanted = concepts(_commitment_text(com))
            evidence = []
            if len(wanted) >= MIN_CONCEPTS:
                for other in records:
                    when = dates[other["doc"]]
                    if other["doc"] == rec["doc"] or (made and when and when <= made):
                        continue  # reports come from other, later (or undated) documents
                    if when and when > limit:
                        continue
                    for sent in reports.sentences(other):
                        if _matches(wanted, sent):
                            evidence.append(Evidence(other["doc"], sent.text, sent.start, sent.stop, when))
            ft = _judge(rec["doc"], com, made, evidence, as_of)
            ft.n, ft.parties = n, list(com.get("parties") or [])
            result.append(ft)
    return result


def status_at(history: list[tuple[str | None, str]], as_of: str) -> str:
    """The status a history gives on ``as_of``: the last change dated on or before it (an
    undated change counts from the start)."""
    status = "pending"
    for when, value in history:
        if when is None or when <= as_of:
            status = value
    return status


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
    return FollowThrough(
        doc, com["evidence"]["text"], due, com.get("kind"), status, evidence=evidence, history=history
    )
