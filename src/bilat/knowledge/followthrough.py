"""Commitment follow-through: is a promise later reported done?

A commitment is ``fulfilled`` when a later document has a sentence in the past tense that names
the same action: most of the commitment's content lemmas (nouns, adjectives, names; with a
nominalisation and its verb counted as one concept, so "запуск авиасообщения" matches "было
открыто авиасообщение"). Otherwise it is ``overdue`` once its due period has ended before the
as-of date, else ``pending``. The status history lists each change with its date.

A commitment is compared only with the report sentences that name enough of its concepts (found
through an index of sentences by concept), so the work grows with the candidate matches, not
with every commitment times every later sentence.
"""

from __future__ import annotations

import json
import re
import sys
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache

from razdel import sentenize

from ..datafiles import read_json
from ..doc import Doc
from ..extract.folding import WORD_CACHE_SIZE, fold
from ..extract.inspect import MAX_ANALYSED_CHARS
from ..extract.models import parse
from .periods import period_end
from .tokens import tokens

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
    return {c for tok in tokens(text) if (c := _word_concept(tok))}


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_concept(token: str) -> str | None:
    """The concept one token adds to a phrase, if any (cached: words repeat a lot)."""
    word = fold(token)
    if not any(ch.isalpha() for ch in word) or len(word) < 3:
        return None
    concept_of, stop = _lexicon()
    parses = parse(word)
    best = parses[0] if parses else None
    lemma = fold(best.normal_form) if best else word
    pos = str(best.tag.POS) if best and best.tag.POS else "NOUN"
    # any reading that names an action concept counts ("открыто": adverb or participle)
    concept = next(
        (concept_of[n] for n in (fold(p.normal_form) for p in parses) if n in concept_of),
        None,
    )
    if concept:
        return concept
    if pos in CONTENT_POS and pos not in {"VERB", "INFN"} and lemma not in stop:
        return lemma
    return None


def _has_past_verb(text: str) -> bool:
    for tok in tokens(text):
        for p in parse(tok.lower())[:1]:
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


@dataclass(slots=True)
class _Sentence:
    start: int
    stop: int
    concepts: tuple[str, ...]
    past: bool


def _promise_spans(rec: Mapping) -> list[tuple[int, int]]:
    return [(c["evidence"]["start"], c["evidence"]["end"]) for c in rec.get("commitments", [])]


def _report_sentences(rec: Mapping, spans: Iterable[tuple[int, int, Iterable[str]]]) -> list[_Sentence]:
    """The sentences (start, stop, token texts) that do not quote the record's own promises."""
    promises = _promise_spans(rec)
    return [
        _Sentence(start, stop, tuple(sorted({c for tok in toks if (c := _word_concept(tok))})), False)
        for start, stop, toks in spans
        if not any(s < stop and start < e for s, e in promises)
    ]


def report_sentences(rec: Mapping, text: str) -> list[_Sentence]:
    """The report sentences of one document, analysed from its text."""
    return _report_sentences(rec, ((s.start, s.stop, tokens(s.text)) for s in sentenize(text)))


def report_sentences_of_doc(rec: Mapping, doc: Doc) -> list[_Sentence]:
    """The same from an extracted Doc, reusing its sentences and tokens (razdel's, as above)
    when the pipeline segmented the whole text (a huge text is analysed only in part)."""
    if doc.sentences and len(doc.text) <= MAX_ANALYSED_CHARS:
        return _report_sentences(rec, ((s.start, s.end, (t.text for t in s.tokens)) for s in doc.sentences))
    return report_sentences(rec, doc.text)


def dump_report_sentences(sentences: list[_Sentence]) -> str:
    """JSON of analysed sentences (``bilat batch`` stores it with each document)."""
    return json.dumps([[s.start, s.stop, list(s.concepts)] for s in sentences], ensure_ascii=False)


def _load_report_sentences(data: str) -> list[_Sentence]:
    return [_Sentence(start, stop, tuple(map(sys.intern, cs)), False) for start, stop, cs in json.loads(data)]


class ReportSentences:
    """The sentences of each document that may report a promise kept (all but those quoting the
    document's own promises), with their concepts: analysed once per document, not once per
    commitment, and shared by the pairs of one knowledge refresh (a document belongs to each
    pair of its countries). Keeps at most ``max_sentences``, dropping the least recently used
    documents first. ``analysed`` maps a document to its sentences as
    :func:`dump_report_sentences` wrote them when it was extracted (``bilat batch``); other
    documents are analysed from their text."""

    def __init__(self, max_sentences: int = 2_000_000, analysed: Mapping[str, str] | None = None) -> None:
        self.max_sentences = max_sentences
        self.analysed = analysed or {}
        self.size = 0
        self.cache: OrderedDict[str, list[_Sentence]] = OrderedDict()

    def of(self, rec: Mapping, text: str) -> list[_Sentence]:
        doc = rec["doc"]
        found = self.cache.get(doc)
        if found is not None:
            self.cache.move_to_end(doc)
            return found
        stored = self.analysed.get(doc)
        found = _load_report_sentences(stored) if stored is not None else report_sentences(rec, text)
        self.cache[doc] = found
        self.size += len(found)
        while self.size > self.max_sentences and len(self.cache) > 1:
            self.size -= len(self.cache.popitem(last=False)[1])
        return found


def _matches(wanted: set[str], sent: _Sentence, text: str) -> bool:
    shared = wanted.intersection(sent.concepts)
    if len(shared) < min(MIN_SHARED, len(wanted)) or len(shared) < MIN_COVERAGE * len(wanted):
        return False
    if not sent.past:  # checked last: only sentences that match otherwise are parsed for tense
        sent.past = _has_past_verb(text[sent.start : sent.stop])
        if not sent.past:
            sent.concepts = ()  # never matches again
    return sent.past


def _required(n: int) -> int:
    """The fewest concepts a sentence must share with a commitment of ``n`` concepts to match."""
    return next(m for m in range(n + 1) if m >= min(MIN_SHARED, n) and m >= MIN_COVERAGE * n)


class _ReportIndex:
    """The report sentences of the given records (in reading order) and, per concept, the
    sentences naming it: a commitment is compared only with sentences sharing enough concepts."""

    def __init__(
        self, records: list[Mapping], texts: Mapping[str, str], reports: ReportSentences
    ) -> None:
        self.owner: list[int] = []  # the record position of each sentence
        self.sentences: list[_Sentence] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.posting_sets: dict[str, set[int]] = {}  # made on first use
        for pos, rec in enumerate(records):
            for sent in reports.of(rec, texts.get(rec["doc"], "")):
                sid = len(self.sentences)
                for concept in sent.concepts:
                    self.postings[concept].append(sid)
                self.sentences.append(sent)
                self.owner.append(pos)

    def _naming(self, concept: str) -> set[int]:
        if concept not in self.posting_sets:
            self.posting_sets[concept] = set(self.postings.get(concept, ()))
        return self.posting_sets[concept]

    def candidates(self, wanted: set[str]) -> list[int]:
        """Sentences (in reading order) that may share the ``need`` concepts of ``wanted`` a
        match needs: missing at most ``len(wanted) - need`` of them, such a sentence names one
        of the ``len(wanted) - need + 1`` rarest, and (``need`` >= 2) two of the ``+ 2`` rarest."""
        need = _required(len(wanted))
        rarest = sorted(wanted, key=lambda c: (len(self.postings.get(c, ())), c))
        if need < 2:
            return sorted({s for c in rarest[: len(wanted) - need + 1] for s in self.postings.get(c, ())})
        probes = [self._naming(c) for c in rarest[: len(wanted) - need + 2]]
        found: set[int] = set()
        for i, first in enumerate(probes):
            for second in probes[i + 1 :]:
                found |= first & second
        return sorted(found)


def _report_docs(records: list[Mapping], dates: Mapping[str, str | None], limit: str,
                 promisers: list[tuple[str, str]]) -> list[Mapping]:  # fmt: skip
    """The records a promise of ``promisers`` ((date or "", doc), earliest first) may be kept
    in: dated no later than ``limit``, and undated or later than a promise of another document."""
    kept = []
    for rec in records:
        when = dates[rec["doc"]]
        if when and when > limit:
            continue
        made = next((m for m, doc in promisers if doc != rec["doc"]), None)
        if made is not None and (not made or not when or when > made):
            kept.append(rec)
    return kept


def follow_through(
    records: Iterable[Mapping],
    texts: Mapping[str, str],
    as_of: date | None = None,
    reports: ReportSentences | None = None,
) -> list[FollowThrough]:
    """Every commitment of ``records`` with its status as of ``as_of`` (default: newest document).

    ``reports`` keeps the documents' analysed sentences for later calls (a knowledge refresh
    passes one to every pair)."""
    records = list(records)
    if as_of is None:
        dated = [d for d in map(effective_date, records) if d]
        as_of = date.fromisoformat(max(dated)) if dated else date.today()
    limit = as_of.isoformat()
    dates = {rec["doc"]: effective_date(rec) for rec in records}
    promises = [(rec, n, com, concepts(_commitment_text(com)))
                for rec in records for n, com in enumerate(rec.get("commitments", []))]  # fmt: skip
    earliest: dict[str, str] = {}  # per document with a promise worth matching: its date or ""
    for rec, _, _, wanted in promises:
        if len(wanted) >= MIN_CONCEPTS:
            earliest.setdefault(rec["doc"], dates[rec["doc"]] or "")
    # the two earliest: for any document, one of them (if any) is another document's
    promisers = sorted((made, doc) for doc, made in earliest.items())[:2]
    reporting = _report_docs(records, dates, limit, promisers) if promisers else []
    index = _ReportIndex(reporting, texts, reports or ReportSentences())
    result = []
    for rec, n, com, wanted in promises:
        made = dates[rec["doc"]]
        evidence = []
        if len(wanted) >= MIN_CONCEPTS:
            for sid in index.candidates(wanted):
                other = reporting[index.owner[sid]]
                when = dates[other["doc"]]
                if other["doc"] == rec["doc"] or (made and when and when <= made):
                    continue  # reports come from other, later (or undated) documents
                sent = index.sentences[sid]
                text = texts.get(other["doc"], "")
                if _matches(wanted, sent, text):
                    quote = text[sent.start : sent.stop]
                    evidence.append(Evidence(other["doc"], quote, sent.start, sent.stop, when))
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
