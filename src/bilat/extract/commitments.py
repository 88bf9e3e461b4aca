"""Stage ``commitments``: concrete future actions that were agreed, planned, proposed,
promised, invited or instructed, with their parties, due date and a tight evidence span.

The evidence runs from the start of the cue's clause to the end of the sentence or to the
next cue's clause; a relative clause ("..., который планируется провести ...") takes in its
antecedent clause; "договорились о проведении X и Y" yields one commitment for X and one for Y.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..datafiles import read_json
from ..doc import Commitment, Doc, Sentence, Token
from ..pipeline import stage
from .clauses import clause_starts, lemmas, low
from .commitment_cues import CueHit, SentenceContext, country_subject, find_cues, load_cues
from .commitment_filters import (
    failed_or_attempted,
    forecast,
    fragment_or_threat,
    off_topic,
    one_sided,
    opinion,
    past_state,
    solo,
    vague_readiness,
)
from .commitment_framing import indirect_question, reaction_object
from .commitment_narrative import evidence_words, reported_not_committed
from .commitment_readings import (
    next_sentence_due,
    not_a_plan,
    past_plan,
    third_invitees,
    third_parties_only,
)
from .commitment_span import on_cue_line, subject_before_dash
from .event_context import countries_for, mentioned_codes, normalise_date, times_in
from .models import parse

WINTER_END_LIMIT = 3  # a season ending before March (winter) straddles the year: keep it
ACTION_WORDS = 8  # words kept in the normalised action phrase
MIN_PIECE_WORDS = 3  # a coordinated piece shorter than this is not split off
YEAR_GIVEN = re.compile(r"\d{4}|год", re.IGNORECASE)  # the time expression names its year
EVENT_YEAR = re.compile(r"(?:^|[\s\-–])(20\d\d)\b")
VAGUE_REACH = 4  # words after the cue in which a vague marker makes the clause non-committal
HEDGE_REACH = 2  # words before the cue's clause in which a parenthetical hedge counts
SKIP_AFTER_CUE = frozenset({"о", "об", "бы", "к", "в", ","})
COMPLEMENTISERS = frozenset({"что", "чтобы"})
CORE_POS = frozenset({"NOUN", "ADJF", "VERB", "INFN", "PRTF", "PRTS", "NUMR", None})
MIN_SHARED_CORE = 4  # the kind and at least three content lemmas in common ...
SHARED_CORE_SHARE = 0.5  # ... making up half of the smaller commitment's core
DUE_PERIOD_STEMS = ("квартал", "полугоди")  # periods that date a plan, unlike "за 11 месяцев"


@dataclass(slots=True)
class Region:
    start_word: int
    end_word: int  # exclusive
    cue: CueHit


def _regions(sent: Sentence, hits: list[CueHit]) -> list[Region]:
    lex = load_cues()
    starts = clause_starts(sent)
    words = sent.tokens
    out = []
    for n, hit in enumerate(hits):
        begin = subject_before_dash(words, starts, max((s for s in starts if s <= hit.index), default=0))
        relative = bool(lemmas(words[begin]) & lex.relative_pronouns) or (
            out and _complement_of(words, out[-1].cue.index, begin)
        )
        if out and relative and begin > out[-1].cue.index:
            # "..., который пройдет в июне": the relative clause completes the cue before it
            out[-1].end_word = len(words)
            if n + 1 < len(hits):
                nxt = max((s for s in starts if s <= hits[n + 1].index), default=hits[n + 1].index)
                out[-1].end_word = max(nxt, hit.index + 1)
            continue
        if relative:
            earlier = [s for s in starts if s < begin]
            if earlier:
                begin = earlier[-1]
        if out and begin < out[-1].cue.index + 1:
            begin = out[-1].end_word
        end = len(words)
        if n + 1 < len(hits):
            nxt = max((s for s in starts if s <= hits[n + 1].index), default=hits[n + 1].index)
            end = max(nxt, hit.index + 1)
        if out:
            out[-1].end_word = (
                min(out[-1].end_word, begin) if begin > out[-1].cue.index else out[-1].end_word
            )
        out.append(Region(begin, end, hit))
    return out


def _complement_of(words: list[Token], cue: int, begin: int) -> bool:
    """ "Предполагается, что ...": a "что" clause right after a cue is that cue's content."""
    if begin >= len(words) or low(words[begin]) not in COMPLEMENTISERS:
        return False
    return all(not any(c.isalnum() for c in t.text) for t in words[cue + 1 : begin])


def _split_coordination(words: list[Token], region: Region) -> list[Region]:
    """ "о проведении X и Y": one region for X, one for Y (genitive nouns joined by "и")."""
    lex = load_cues()
    i = region.cue.index + 1
    while i < region.end_word and low(words[i]) not in lex.split_after:
        i += 1
        if i > region.cue.index + 3:
            return [region]
    if i + 1 >= region.end_word or not lemmas(words[i + 1]) & lex.split_heads:
        return [region]
    for k in range(i + 2, region.end_word - 1):
        if low(words[k]) != "и" or any(low(t) == "между" for t in words[i:k]):
            continue
        before, after = parse(low(words[k - 1])), parse(low(words[k + 1]))
        if not before or not after or before[0].tag.POS != "NOUN":
            continue
        if after[0].tag.case != "gent" or after[0].tag.POS not in {"ADJF", "NOUN"}:
            continue
        if k - region.start_word < MIN_PIECE_WORDS or region.end_word - k - 1 < MIN_PIECE_WORDS:
            continue
        first = Region(region.start_word, k, region.cue)
        second = Region(k + 1, region.end_word, region.cue)
        return [first, second]
    return [region]


def _event_year(doc: Doc, sent: Sentence, words: list[Token], region: Region) -> str | None:
    """Due date of an anaphoric event ("в данном мероприятии", "в мероприятии")."""
    lex = load_cues()
    span = words[region.start_word : region.end_word]
    anaphoric = any(lemmas(t) & lex.event_anaphors for t in span) or any(
        lemmas(a) & lex.anaphoric_determiners and lemmas(b) & lex.event_nouns
        for a, b in zip(span, span[1:], strict=False)
    )
    if not anaphoric:
        return None
    for t in reversed(times_in(doc, sent.start, sent.end)):
        if t.value:
            return normalise_date(t.value)
    match = EVENT_YEAR.search(sent.text)
    if match:
        return match.group(1)
    prev = [s for s in doc.sentences if s.end <= sent.start]
    if prev:
        found = [t for t in times_in(doc, prev[-1].start, prev[-1].end) if t.value]
        if found:
            return normalise_date(found[-1].value)
    return None


def _due(doc: Doc, start: int, end: int) -> str | None:
    """The first future-compatible date in the span, refined by a later, more precise one that
    agrees with it ("в 2018 году ..., которые пройдут в сентябре")."""
    floor = doc.published.year if doc.published else None
    due = None
    for t in _dated_times(doc, start, end):
        value = normalise_date(t.value) if t.kind != "period" else _season_year(t.value)
        if value and doc.published and not YEAR_GIVEN.search(t.text):
            value = _next_occurrence(value, doc.published)
        if not value or (floor is not None and int(value[:4]) < floor):
            continue
        if due is None:
            due = value
        elif len(value) > len(due) and value.startswith(due):
            due = value
    return due


def _later_date(doc: Doc, sent: Sentence) -> str | None:
    """ "На полях форума, который 6 сентября открывается ..., запланирован саммит": with no date
    of its own, a plan is due at the one date in its sentence after the publication day."""
    if doc.published is None:
        return None
    later = {
        value
        for t in doc.times
        if sent.start <= t.start < sent.end and t.value
        for value in [normalise_date(t.value)]
        if value and len(value) == len("YYYY-MM-DD") and value > doc.published.isoformat()
    }
    return later.pop() if len(later) == 1 else None


def _next_occurrence(value: str, published: date) -> str:
    """A month or day named without a year ("в сентябре", "4 октября") that the time rules
    placed in a month before the publication's: a plan means its next occurrence."""
    if len(value) < len("YYYY-MM") or value[:7] >= published.isoformat()[:7]:
        return value
    return f"{int(value[:4]) + 1}{value[4:]}"


def _dated_times(doc: Doc, start: int, end: int) -> list:
    """Time expressions in the span, a season with its year ("летом следующего года") and a
    quarter or half-year ("в первом квартале 2027 года") included."""
    seasons = _season_last_month()
    picked = [
        t
        for t in doc.times
        if start <= t.start
        and t.end <= end
        and (
            t.kind != "period"
            or (t.text.split() or [""])[0].lower() in seasons
            or any(stem in t.text.lower() for stem in DUE_PERIOD_STEMS)
        )
    ]
    return sorted(picked, key=lambda t: t.start)


def _season_year(value: str | None) -> str | None:
    """ "2018-06/2018-08": a season is due within the year its last month falls in."""
    return value.rsplit("/", 1)[-1][:4] if value else None


@cache
def _season_last_month() -> dict[str, int]:
    raw = read_json("commitment_cues.json")
    return dict(raw.get("season_last_month", {}))


def _season_due(doc: Doc, words: list[Token]) -> str | None:
    """ "осенью" with no year: the publication year, or the next when that season is over."""
    if doc.published is None:
        return None
    seasons = _season_last_month()
    for tok in words:
        last = seasons.get(low(tok))
        if last is None:
            continue
        year = doc.published.year
        if last >= WINTER_END_LIMIT and doc.published.month > last:
            year += 1
        return str(year)
    return None


def _context(doc: Doc, sent: Sentence) -> SentenceContext:
    def covered(spans) -> frozenset[int]:
        return frozenset(
            t.start for t in sent.tokens for s in spans if s.start <= t.start and t.end <= s.end
        )

    in_sent = [m for m in doc.country_mentions if sent.start <= m.start < sent.end]
    return SentenceContext(
        time_tokens=covered([t for t in doc.times if sent.start <= t.start < sent.end]),
        country_tokens=covered([m for m in in_sent if m.kind not in {"adjective"}]),
    )


def _non_committal(doc: Doc, words: list[Token], piece: Region) -> bool:
    """Off topic, a forecast, an opinion, vague readiness, an attempt to agree or a solo act."""
    lex, cue = load_cues(), piece.cue.index
    return (
        off_topic(lex, words, piece.start_word, piece.end_word, cue)
        or forecast(lex, words, piece.end_word, cue)
        or opinion(lex, words, cue)
        or vague_readiness(lex, words, cue)
        or past_state(lex, words, cue)
        or failed_or_attempted(lex, words, cue)
        or solo(lex, words, piece.start_word, piece.end_word)
        or not_a_plan(lex, words, piece.start_word, piece.end_word, cue, piece.cue.kind)
        or reported_not_committed(doc, words, piece.start_word, piece.end_word, cue, piece.cue.kind)
        or indirect_question(words, cue)
        or reaction_object(words, cue)
    )


def _action(words: list[Token], region: Region) -> str:
    picked = []
    for tok in words[region.cue.index + 1 : region.end_word]:
        if not picked and low(tok) in SKIP_AFTER_CUE:
            continue
        if tok.text in {",", ";", ".", "!", "?", "—", "–"}:
            break
        picked.append(tok.text)
        if len(picked) >= ACTION_WORDS:
            break
    head = region.cue.words[region.cue.index].text.lower()
    return " ".join([head, *picked]) if picked else head


def _core(doc: Doc, words: list[Token], first: int, end_word: int, hit: CueHit) -> frozenset:
    """What a commitment is about: the content lemmas of its evidence, the cue read as its
    kind ("договорились" and "договоренность" alike), country names and stop words left out."""
    countries = {t.start for t in words for m in doc.country_mentions if m.start <= t.start < m.end}
    core = {hit.kind}
    for k in range(first, end_word):
        tok = words[k]
        if k == hit.index or tok.start in countries or not any(c.isalnum() for c in tok.text):
            continue
        ps = parse(low(tok))
        if ps and ps[0].tag.POS not in CORE_POS:
            continue
        lemma = ps[0].normal_form if ps else low(tok)
        if lemma not in load_cues().core_stop_lemmas:
            core.add(lemma)
    return frozenset(core)


def _same_action(a: tuple[Commitment, frozenset], b: tuple[Commitment, frozenset]) -> bool:
    """Two mentions of one commitment (a summary line and the body, a quote and its report):
    the same due date and most of the smaller one's content shared."""
    (x, cx), (y, cy) = a, b
    if x.due != y.due:
        return False
    shared = len(cx & cy)
    return shared >= MIN_SHARED_CORE and shared >= SHARED_CORE_SHARE * min(len(cx), len(cy))


def _dedupe(found: list[tuple[Commitment, frozenset]]) -> list[Commitment]:
    kept: list[tuple[Commitment, frozenset]] = []
    for item in found:
        if not any(_same_action(item, seen) for seen in kept):
            kept.append(item)
    return [c for c, _ in kept]


def find_commitments(doc: Doc) -> list[Commitment]:
    out: list[tuple[Commitment, frozenset]] = []
    for sent in doc.sentences:
        ctx = _context(doc, sent)
        hits = find_cues(sent, ctx)
        if not hits:
            continue
        words = sent.tokens
        for region in _regions(sent, hits):
            pieces = _split_coordination(words, region)
            shared_due = None
            for piece in pieces:
                first, end_word = on_cue_line(doc.text, words, piece.start_word, piece.end_word, piece.cue.index)
                bounds = evidence_words(words, first, end_word, piece.cue.index)
                if bounds is None:
                    continue  # "не допустит проведения саммита, запланированного на декабрь"
                first, end_word = bounds  # "визита ..., запланированного"; "», — сказала Мэй"
                start, end = words[first].start, words[end_word - 1].end
                due = (
                    _due(doc, start, end)
                    or shared_due
                    or _event_year(doc, sent, words, piece)
                    or _season_due(doc, words[first:end_word])
                    or _later_date(doc, sent)
                    or next_sentence_due(doc, sent)
                )
                shared_due = shared_due or due
                # a parenthetical hedge before the clause ("Возможно, ...") counts too
                head = words[
                    max(0, first - HEDGE_REACH) : min(end_word, piece.cue.index + VAGUE_REACH + 1)
                ]
                if any(lemmas(t) & load_cues().vague_markers for t in head):
                    continue  # exploring possibilities or wishing well commits to nothing
                if _non_committal(doc, words, piece):
                    continue
                named = mentioned_codes(doc, start, end)
                if due is None and past_plan(doc, start, end):
                    continue  # "примут в ВТО в июне 1998 года", written in 2006
                if third_parties_only(doc, start, end):
                    continue  # about third countries only, not between the article's parties
                if fragment_or_threat(words[first:end_word], piece.cue.index - first):
                    continue
                in_sentence = set(mentioned_codes(doc, sent.start, sent.end)) & set(doc.countries)
                if one_sided(
                    load_cues(), piece.cue.kind, words, in_sentence,
                    lambda k, w=words, c=ctx: country_subject(w, k, c),
                ):
                    continue  # one country's own plan, the other side not involved
                if third_invitees(doc, piece.cue, end):
                    continue
                parties = named or countries_for(doc, sent.start, sent.end)
                if not parties:
                    continue  # no country involved: not a commitment between states
                found = Commitment(
                    kind=piece.cue.kind,
                    due=due,
                    parties=sorted(parties),
                    evidence=doc.span(start, end),
                    action=_action(words, piece),
                )
                out.append((found, _core(doc, words, first, end_word, piece.cue)))
    return _dedupe(out)


@stage(
    "commitments",
    requires=("sentences", "country_mentions", "times", "countries"),
    provides=("commitments",),
)
def commitments(doc: Doc) -> Doc:
    doc.commitments = find_commitments(doc)
    return doc
