"""Readings of a commitment cue, common in analysis articles, that report or frame an action
rather than commit to it, and the evidence boundaries of a planned participle and a quote.

- readiness to talk ("готов принять участие в консультациях", "готов провести телефонную
  беседу") with no date is readiness for dialogue, like "готовы к диалогу"; "готов применить
  силу" is a threat;
- "стороны договорились об условиях": terms settled, no action named;
- "В 2013 году «Энергоатом» предложил ...": a past proposal or agreement dated years before;
- "хотя ранее он заявлял о намерении ...": an intention voiced earlier;
- "чтобы получить приглашение": a cue in a purpose clause;
- "тех, кто предложил резолюцию": a past act of an unnamed doer;
- "предлагаемый законопроект": a present participle naming a bill, not a proposal;
- "визита президента в Москву, запланированного на май": the evidence takes in the planned
  event before the comma, and is dropped when that event is blocked or cancelled ("не допустит
  проведения саммита, запланированного ...");
- "... будет восстановлено», — пообещал посол": the closing attribution is trimmed off.

The lexicon is ``data/commitment_cues.json`` (keys listed under ``_doc_narrative``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..datafiles import read_json
from ..doc import Doc, Token
from .clauses import lemmas, low, verbal_parse
from .commitment_lexicon import CommitmentLexicon, load_cues
from .models import parse

CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–", "(", ")", "«", "»", '"'})
READINESS_REACH = 4  # words after "готов" in which its infinitive is looked for
TALK_REACH = 6  # words after that infinitive in which a talk noun counts
TERMS_TAIL = 1  # content words at most after "об условиях" for the clause to name no action
HEAD_REACH = 12  # words before a planned participle's comma in which its event noun is looked for
CANCEL_REACH = 4  # words before the event noun in which a blocking verb or "не" counts
ATTRIBUTION_WORDS = 6  # words at most in a closing attribution ("», — сказала Тереза Мэй")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
GENERIC_REACH = 3  # words after a generic cue verb in which its generic object counts
REQUEST_REACH = 6  # words before "с просьбой" in which "обратился к ..." is looked for
THREAT_REACH = 5  # words after a threatening verb in which its object is looked for
UNDATED_GAP = 3  # the same with no publication date, against the latest year the text names
PAST_GAP = 2  # years before the reference year of a past report ("в мае прошлого года" stays)


@dataclass(frozen=True, slots=True)
class NarrativeLexicon:
    talk_nouns: frozenset[str]
    hostile_phrases: frozenset[tuple[str, str]]
    agreed_terms: frozenset[str]
    earlier_markers: frozenset[str]
    purpose_words: frozenset[str]
    indefinite_subjects: frozenset[str]
    cancel_verbs: frozenset[str]
    attribution_verbs: frozenset[str]
    request_verbs: frozenset[str]
    request_nouns: frozenset[str]
    talk_bridges: frozenset[str]
    question_words: frozenset[str]  # a clause opening with one is a question (commitment_framing)
    governed_question_words: frozenset[str]  # ... when a verb governs it ("обсуждают, как")
    reaction_verbs: frozenset[str]  # "назвал ... намерение": a reaction to another's plan


@cache
def narrative_lexicon() -> NarrativeLexicon:
    raw = read_json("commitment_cues.json")

    def fs(key: str) -> frozenset[str]:
        return frozenset(raw.get(key, ()))

    return NarrativeLexicon(
        talk_nouns=fs("talk_nouns"),
        hostile_phrases=frozenset(tuple(p) for p in raw.get("hostile_phrases", ())),
        agreed_terms=fs("agreed_terms"),
        earlier_markers=fs("earlier_markers"),
        purpose_words=fs("purpose_words"),
        indefinite_subjects=fs("indefinite_subjects"),
        cancel_verbs=fs("cancel_verbs"),
        attribution_verbs=fs("attribution_verbs"),
        request_verbs=fs("request_verbs"),
        request_nouns=fs("request_nouns"),
        talk_bridges=fs("talk_bridges"),
        question_words=fs("question_words"),
        governed_question_words=fs("governed_question_words"),
        reaction_verbs=fs("reaction_verbs"),
    )


def _content(tok: Token) -> bool:
    return any(c.isalnum() for c in tok.text)


def _clause_before(words: list[Token], cue: int) -> list[int]:
    """Indices of the words before the cue in its clause, nearest first."""
    out = []
    for k in range(cue - 1, -1, -1):
        if words[k].text in CLAUSE_MARKS:
            break
        out.append(k)
    return out


def _clause_after(words: list[Token], cue: int, end: int) -> list[int]:
    out = []
    for k in range(cue + 1, end):
        if words[k].text in CLAUSE_MARKS:
            break
        out.append(k)
    return out


def _past_verb(tok: Token) -> bool:
    p = verbal_parse(tok)
    return p is not None and p.tag.POS == "VERB" and p.tag.tense == "past"


def reported_not_committed(
    doc: Doc, words: list[Token], first: int, end: int, cue: int, kind: str
) -> bool:
    """Any of the readings in the module's docstring that drop the cue."""
    lex, nar = load_cues(), narrative_lexicon()
    return (
        _talk_readiness(lex, nar, doc, words, end, cue)
        or _threat(nar, words, end, cue)
        or (kind == "agreed" and _terms_only(nar, words, end, cue))
        or _earlier_intention(nar, words, cue)
        or _purpose(nar, words, cue)
        or _indefinite_doer(nar, words, cue)
        or _attributive_proposal(words, cue, kind)
        or _dated_past(doc, words, first, end, cue)
        or _generic_verb(lex, words, end, cue)
        or _unaddressed_request(nar, words, cue)
    )


def _generic_verb(lex: CommitmentLexicon, words: list[Token], end: int, cue: int) -> bool:
    """ "США будут налаживать связи с КНДР": the cue verb itself only develops ties."""
    if not lemmas(words[cue]) & lex.generic_heads:
        return False
    near = words[cue + 1 : min(end, cue + 1 + GENERIC_REACH)]
    if any(lemmas(t) & lex.specifiers for t in near):
        return False
    return any(lemmas(t) & lex.generic_objects for t in near)


def _unaddressed_request(nar: NarrativeLexicon, words: list[Token], cue: int) -> bool:
    """ "после просьбы России о переносе", "приехал с просьбой": a request proposes only when
    addressed to a party ("обратился к Путину с просьбой о поставках вооружений")."""
    if not lemmas(words[cue]) & nar.request_nouns:
        return False
    before = _clause_before(words, cue)[:REQUEST_REACH]
    if any(lemmas(words[k]) & load_cues().non_party_invitees for k in before):
        return True  # "обращаюсь к журналистам с просьбой"
    return not any(lemmas(words[k]) & nar.request_verbs for k in before)


def _talk_readiness(
    lex: CommitmentLexicon, nar: NarrativeLexicon, doc: Doc, words: list[Token], end: int, cue: int
) -> bool:
    """ "Вашингтон готов принять участие в консультациях", "готов провести телефонную беседу":
    readiness to talk, with no date in its clause, is readiness for dialogue."""
    if not lemmas(words[cue]) & lex.readiness_lemmas:
        return False
    after = _clause_after(words, cue, end)
    infinitive = next(
        (k for k in after[:READINESS_REACH] if (p := verbal_parse(words[k])) and p.tag.POS == "INFN"),
        None,
    )
    if infinitive is None:
        return False
    if not _talk_object(nar, words, [k for k in after if k > infinitive][:TALK_REACH]):
        return False
    lo, hi = words[cue].start, words[after[-1]].end
    return not any(lo <= t.start < hi for t in doc.times)


def _talk_object(nar: NarrativeLexicon, words: list[Token], tail: list[int]) -> bool:
    """The infinitive's object is a talk ("провести беседу"), directly or through a bridge noun
    ("принять участие в консультациях"); not "предоставить запись переговоров"."""
    for k in tail:
        ps = parse(low(words[k]))
        if not ps or ps[0].tag.POS != "NOUN":
            continue
        if lemmas(words[k]) & nar.talk_nouns:
            return True
        if not lemmas(words[k]) & nar.talk_bridges:
            return False
    return False


def _threat(nar: NarrativeLexicon, words: list[Token], end: int, cue: int) -> bool:
    """ "готов применить силу": a verb and its object that threaten."""
    after = _clause_after(words, cue, end)
    for n, k in enumerate(after):
        objects = set().union(*(lemmas(words[j]) for j in after[n + 1 : n + 1 + THREAT_REACH]))
        if any(v in lemmas(words[k]) and o in objects for v, o in nar.hostile_phrases):
            return True
    return False


def _terms_only(nar: NarrativeLexicon, words: list[Token], end: int, cue: int) -> bool:
    """ "и стороны договорились об условиях.": terms settled, the clause names no action."""
    after = [k for k in _clause_after(words, cue, end) if _content(words[k])]
    for n, k in enumerate(after[:2]):
        if low(words[k]) in {"о", "об"} and n + 1 < len(after):
            noun = after[n + 1]
            return bool(lemmas(words[noun]) & nar.agreed_terms) and (
                len(after) - (n + 2) <= TERMS_TAIL
            )
    return False


def _earlier_intention(nar: NarrativeLexicon, words: list[Token], cue: int) -> bool:
    """ "хотя ранее он заявлял о намерении пересмотреть ...": an earlier marker and an
    imperfective past verb before the cue in its clause report an intention voiced before."""
    before = _clause_before(words, cue)
    marker = next((k for k in before if low(words[k]) in nar.earlier_markers), None)
    if marker is None:
        return False
    for k in range(marker + 1, cue):
        p = verbal_parse(words[k])
        if p is not None and p.tag.POS == "VERB" and p.tag.tense == "past" and p.tag.aspect == "impf":
            return True
    return False


def _purpose(nar: NarrativeLexicon, words: list[Token], cue: int) -> bool:
    """ "..., чтобы получить приглашение вступить в НАТО": a cue in a purpose clause."""
    return any(low(words[k]) in nar.purpose_words for k in _clause_before(words, cue))


def _indefinite_doer(nar: NarrativeLexicon, words: list[Token], cue: int) -> bool:
    """ "со стороны тех, кто предложил резолюцию": a past act of an unnamed doer."""
    if not _past_verb(words[cue]):
        return False
    return any(low(words[k]) in nar.indefinite_subjects for k in _clause_before(words, cue)[:2])


def _attributive_proposal(words: list[Token], cue: int, kind: str) -> bool:
    """ "предлагаемый законопроект называл проблематичным": an imperfective present participle
    names the thing proposed, not a proposal made."""
    if kind != "proposed":
        return False
    p = verbal_parse(words[cue])
    return p is not None and p.tag.POS == "PRTF" and p.tag.tense == "pres"


def _reference_year(doc: Doc) -> int | None:
    if doc.published is not None:
        return doc.published.year
    years = [int(m.group(1)) for t in doc.times if t.value for m in [YEAR.match(t.value)] if m]
    return max(years) if years else None


def _dated_past(doc: Doc, words: list[Token], first: int, end: int, cue: int) -> bool:
    """ "В 2013 году «Энергоатом» предложил продлить соглашение": a past proposal or agreement
    dated, before its verb, in a year before the article's (or, undated, before the latest
    year the article names), with no date of its own after the verb: a past narrative."""
    if not _past_verb(words[cue]):
        return False
    ref = _reference_year(doc)
    if ref is None:
        return False
    lo = words[first].start
    head = [t for t in doc.times if lo <= t.start < words[cue].start and t.value]
    years = [int(m.group(1)) for t in head for m in [YEAR.match(t.value)] if m]
    gap = PAST_GAP if doc.published is not None else UNDATED_GAP
    if not years or max(years) > ref - gap:
        return False
    tail_end = words[end - 1].end if end > cue + 1 else words[cue].end
    return not any(words[cue].end <= t.start < tail_end and t.value for t in doc.times)


def _agrees(a, b) -> bool:
    return a.tag.case == b.tag.case and (a.tag.number == b.tag.number)


def planned_head(words: list[Token], first: int, cue: int) -> int:
    """ "визита президента Франции ... в Москву, запланированного на май": a planned participle
    opening its clause after a comma takes in the event noun it agrees with before the comma.
    Returns the new first word, ``first`` unchanged when there is none, or -1 when the event is
    blocked or cancelled ("не допустит проведения саммита, запланированного ...")."""
    lex = load_cues()
    p = verbal_parse(words[cue])
    if p is None or p.tag.POS != "PRTF" or p.normal_form not in lex.planned_participles:
        return first
    comma = cue - 1
    if comma < 0 or words[comma].text != "," or first < comma:
        return first
    events = lex.event_subjects | lex.event_nouns | lex.action_nouns | lex.split_heads
    for k in range(comma - 1, max(-1, comma - 1 - HEAD_REACH), -1):
        if words[k].text in CLAUSE_MARKS - {"«", "»", '"'} and not _name_dash(words, k):
            break
        if not lemmas(words[k]) & events:
            continue
        if not any(q.tag.POS == "NOUN" and _agrees(q, p) for q in parse(low(words[k]))):
            continue
        start = k
        while start > 0 and _modifier_of(words[start - 1], p):
            start -= 1
        if _blocked(words, start):
            return -1
        return start
    return first


def _name_dash(words: list[Token], k: int) -> bool:
    """ "саммита Украина — НАТО": a dash between two names, not a clause break."""
    if words[k].text not in {"—", "–", "-"} or k == 0 or k + 1 >= len(words):
        return False
    return words[k - 1].text[:1].isupper() and words[k + 1].text[:1].isupper()


def _modifier_of(tok: Token, p) -> bool:
    return any(q.tag.POS in {"ADJF", "PRTF"} and _agrees(q, p) for q in parse(low(tok))[:2])


def _blocked(words: list[Token], start: int) -> bool:
    nar = narrative_lexicon()
    k = start - 1
    while k >= 0 and start - k <= CANCEL_REACH and words[k].text not in CLAUSE_MARKS:
        if low(words[k]) == "не" or lemmas(words[k]) & nar.cancel_verbs:
            return True
        k -= 1
    return False


def trim_attribution(words: list[Token], first: int, end: int) -> tuple[int, int]:
    """ "«... посетит Москву», — сказала Мэй": the first and end word of the quote, without a
    closing quote mark followed only by a dash and a short attribution with a speech verb (and
    without the opening mark that closing one pairs with)."""
    for k in range(end - 1, max(first, end - 1 - ATTRIBUTION_WORDS - 3), -1):
        if words[k].text not in {"»", '"'}:
            continue
        tail = words[k + 1 : end]
        if not tail or not any(t.text in {"—", "–", "-"} for t in tail[:2]):
            break
        if not any(lemmas(t) & narrative_lexicon().attribution_verbs for t in tail):
            break
        if sum(_content(t) for t in tail) > ATTRIBUTION_WORDS:
            break
        stop = k
        while stop > first + 1 and not _content(words[stop - 1]):
            stop -= 1
        inner = [t.text for t in words[first + 1 : stop]]
        if words[first].text in {"«", '"'} and "«" not in inner and "»" not in inner:
            first += 1
        return first, stop
    return first, end


def evidence_words(words: list[Token], first: int, end: int, cue: int) -> tuple[int, int] | None:
    """The first and end word of a commitment's evidence: a planned participle's event noun
    taken in, a closing attribution cut off; None when the planned event is blocked."""
    head = planned_head(words, first, cue)
    return None if head < 0 else trim_attribution(words, head, end)
