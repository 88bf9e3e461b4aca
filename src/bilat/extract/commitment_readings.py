"""Readings of a commitment cue, common in analysis articles, that commit to nothing: a route
("маршрут пройдёт по территории"), what a document provides for ("где предусмотрена
передача"), a vague or anonymous proposal ("предлагает прорывную идею", "Лондону предлагают
заключить", "варианты предложили в Центре ..."), a speech act ("готов подчеркнуть"), a
forecast effect ("создаст проблемы") or an organisation read as a prospect ("устав новой
организации"). Also the test that a future verb's party is its subject, not a dative or an
oblique noun ("премьер-министру придётся", "соглашения с 27 государствами будут").

The lexicon is ``data/commitment_cues.json`` (keys listed under ``_doc_readings``).
"""

from __future__ import annotations

import re

from ..doc import Doc, Sentence, Token
from .clauses import FUTURE, effective_form, lemmas, low, verbal_parse
from .commitment_lexicon import CommitmentLexicon, load_cues
from .commitment_narrative import PAST_GAP
from .event_context import PLACE_ONLY_PREPOSITIONS, mentioned_codes, normalise_date, times_in
from .models import parse

SPEECH_REACH = 3  # words after the cue in which its infinitive is looked for
PASSAGE_REACH = 3  # words either side of "пройдёт" in which a route noun counts
EVENT_REACH = 3  # words after "где пройдёт" in which an event subject keeps it an event
PROPOSAL_REACH = 4  # words after a proposal cue in which its vague object or infinitive counts
CONTENT_REACH = 3  # words after a vague object in which a named undertaking counts
CONSEQUENCE_REACH = 3  # words after a future cue in which a consequence noun counts
PROPOSED = "proposed"
FORECAST_KINDS = frozenset({"planned", "intent", "promised"})
WHERE_WORDS = frozenset({"где", "куда"})
IN_PREPOSITIONS = frozenset({"в", "во"})
CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–", "(", ")"})
MODIFIER_VERB_POS = frozenset({"PRTF", "GRND"})  # a participle's or gerund's own phrase
YEAR_WRITTEN = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")  # a year in figures
OBJECT_CASES = frozenset({"nomn", "accs"})
PLANNED_THING_REACH = 2  # words after "намеченный" in which its event or date is looked for
VENUE_KINDS = frozenset({"capital", "city"})  # "в Вене": a city named as the place only
ANAPHOR_REACH = 3  # words at the start of the next sentence in which its pronoun subject counts
ANAPHORS = frozenset({"он", "она", "оно", "они"})


def nominative(tok: Token) -> bool:
    """Any reading of the word is nominative, or it does not decline ("РФ", "США")."""
    return any(p.tag.case == "nomn" or "Fixd" in p.tag for p in parse(low(tok)))


def party_subject(lex: CommitmentLexicon, words: list[Token], k: int, country: bool) -> bool:
    """Word ``k`` is a party that can act: a party noun ("правительство"), a country
    (``country``) or an event ("переговоры будут проходить") as the subject; a country or party
    owning the subject ("власти Литвы", "министры России, Турции и Ирана"); a country opening
    its clause as the recipient ("Киеву передадут"). Not "с 27 государствами", "премьер-министру
    придётся", "инициативу президента России будут критиковать"."""
    tok = words[k]
    party = country or bool(lemmas(tok) & lex.party_lemmas)
    if nominative(tok):
        return party or bool(lemmas(tok) & lex.event_subjects)
    if not party:
        return False
    cases = {p.tag.case for p in parse(low(tok))}
    j = k - 1
    while j >= 0 and _modifier(words[j]):
        j -= 1
    if j < 0 or words[j].text in CLAUSE_MARKS:
        return bool(cases & {"gent", "datv"})  # "Киеву передадут", "..., Турции и Ирана"
    head = parse(low(words[j]))
    return "gent" in cases and bool(head) and head[0].tag.POS == "NOUN" and nominative(words[j])


def _modifier(tok: Token) -> bool:
    """An adjective, participle or possessive before a noun ("наших стран", "Северной Кореи")."""
    ps = parse(low(tok))
    return bool(ps) and ps[0].tag.POS in {"ADJF", "PRTF"}


def not_a_plan(
    lex: CommitmentLexicon, words: list[Token], first: int, end: int, cue: int, kind: str
) -> bool:
    return (
        _speech_act(lex, words, cue)
        or _passage(lex, words, first, end, cue)
        or _document_content(lex, words, first, end, cue)
        or (kind == PROPOSED and _idle_proposal(lex, words, first, end, cue))
        or (kind in FORECAST_KINDS and _consequence(lex, words, end, cue))
        or _organisation(lex, words, cue)
        or _planned_thing(lex, words, cue)
    )


def _planned_thing(lex: CommitmentLexicon, words: list[Token], cue: int) -> bool:
    """ "намеченных планов", "по намеченной программе": a past participle of planning names a
    plan ahead only before a date ("намеченного на 15 декабря"), an event ("запланированный
    визит") or its date ("намеченной даты")."""
    p = verbal_parse(words[cue])
    if p is None or p.tag.POS != "PRTF" or p.normal_form not in lex.planned_participles:
        return False
    after = [t for t in words[cue + 1 : cue + 1 + PLANNED_THING_REACH] if t.text not in CLAUSE_MARKS]
    if after and low(after[0]) in {"на", "к"}:
        return False
    return not any(_event_noun(lex, t) or lemmas(t) & lex.planned_dates for t in after)


def _clause(words: list[Token], start: int, stop: int) -> list[int]:
    """Word indices from ``start`` up to ``stop`` that stay in one clause with ``start``."""
    out = []
    step = 1 if stop >= start else -1
    for k in range(start, stop, step):
        if not 0 <= k < len(words) or words[k].text in CLAUSE_MARKS:
            break
        out.append(k)
    return out


def _infinitive_after(words: list[Token], cue: int, reach: int) -> int | None:
    for k in _clause(words, cue + 1, cue + 1 + reach):
        p = verbal_parse(words[k])
        if p is not None and p.tag.POS == "INFN":
            return k
    return None


def _speech_act(lex: CommitmentLexicon, words: list[Token], cue: int) -> bool:
    """ "готов подчеркнуть", "хочу поблагодарить": the infinitive only speaks."""
    k = _infinitive_after(words, cue, SPEECH_REACH)
    return k is not None and bool(lemmas(words[k]) & lex.speech_act_verbs)


def _event_noun(lex: CommitmentLexicon, tok: Token) -> bool:
    return bool(lemmas(tok) & (lex.event_subjects | lex.event_nouns | lex.action_nouns))


def _passage(lex: CommitmentLexicon, words: list[Token], first: int, end: int, cue: int) -> bool:
    """ "маршрут пройдёт по территории трёх стран", "где пройдёт газопровод", "пройдёт
    время", "пройдут проверку": a route, time passing or a test undergone, not an event."""
    if not lemmas(words[cue]) & lex.passage_verbs:
        return False
    before = _clause(words, cue - 1, max(first, cue - 1 - PASSAGE_REACH) - 1)
    after = _clause(words, cue + 1, min(end, cue + 1 + PASSAGE_REACH))
    if any(
        lemmas(words[k]) & lex.passage_nouns and low(words[k - 1]) not in IN_PREPOSITIONS
        for k in before + after
    ):
        return True  # "маршрут пройдёт", "пройдёт время"; not "пройдут во время визита"
    for n, k in enumerate(after):
        word = low(words[k])
        if word in lex.passage_prepositions and not _time_span(lex, words[k + 1 : k + 3]):
            return True
        if word == "по" and any(lemmas(words[j]) & lex.passage_places for j in after[n + 1 :]):
            return True
    if before and low(words[before[0]]) in WHERE_WORDS:
        return not any(_event_noun(lex, words[k]) for k in after[:EVENT_REACH])
    return _undergone(words, after)


def _time_span(lex: CommitmentLexicon, words: list[Token]) -> bool:
    """ "через неделю", "через два месяца": a time after which, not a place passed through."""
    for tok in words:
        ps = parse(low(tok))
        if tok.text.isdigit() or lemmas(tok) & lex.passage_time_units:
            return True
        if ps and ps[0].tag.POS == "NUMR":
            return True
    return False


def _undergone(words: list[Token], after: list[int]) -> bool:
    """ "пройдут проверку": the first noun after the verb is its direct object only."""
    for k in after:
        ps = parse(low(words[k]))
        if ps and ps[0].tag.POS == "PREP":
            return False  # "пройдёт через неделю": a phrase of time or place comes first
        if not ps or ps[0].tag.POS != "NOUN":
            continue
        cases = {p.tag.case for p in ps if p.tag.POS == "NOUN"}
        return "accs" in cases and "nomn" not in cases
    return False


def _document_content(
    lex: CommitmentLexicon, words: list[Token], first: int, end: int, cue: int
) -> bool:
    """ "где предусмотрена передача островов", "соглашением предусмотрена система": what a
    document provides for, unless it schedules an event ("программой предусмотрена встреча")."""
    if not lemmas(words[cue]) & lex.document_cues:
        return False
    return not any(_event_noun(lex, t) for t in words[first:end])


def _idle_proposal(
    lex: CommitmentLexicon, words: list[Token], first: int, end: int, cue: int
) -> bool:
    """A proposal with no concrete action: of a vague object ("предлагает прорывную идею",
    "варианты решения предложили"), an imperfective gerund ("..., предлагая свои аналоги"),
    voiced by a think tank ("предложили в Центре ...") or by no one ("Лондону предлагают")."""
    p = verbal_parse(words[cue])
    if p is not None and p.tag.POS == "GRND" and p.tag.aspect == "impf":
        return True
    if _think_tank(lex, words, first, end, cue):
        return True
    infinitive = _infinitive_after(words, cue, PROPOSAL_REACH)
    if infinitive is None and _vague_object(lex, words, first, end, cue):
        return True
    return p is not None and _no_proposer(words, cue, p)


def _vague_object(
    lex: CommitmentLexicon, words: list[Token], first: int, end: int, cue: int
) -> bool:
    projects = lex.split_heads | lex.prospect_nouns | lex.action_nouns
    for k in range(first, min(end, cue + 1 + PROPOSAL_REACH)):
        if k == cue or not lemmas(words[k]) & lex.vague_proposal_objects:
            continue
        if not any(p.tag.case in OBJECT_CASES for p in parse(low(words[k]))):
            continue  # "в рамках «нового подхода» предложил план": not the proposal's object
        named = words[k + 1 : min(end, k + 1 + CONTENT_REACH)]
        if not any(lemmas(t) & projects for t in named):
            return True  # "идею создания фонда" names its undertaking and stays
    return False


def _think_tank(lex: CommitmentLexicon, words: list[Token], first: int, end: int, cue: int) -> bool:
    """ "Варианты предложили в Центре за европейскую реформу": "в" + a think tank."""
    span = range(max(first, cue - PROPOSAL_REACH), min(end, cue + 1 + PROPOSAL_REACH) - 1)
    return any(
        low(words[k]) in IN_PREPOSITIONS
        and lemmas(words[k + 1]) & lex.think_tank_nouns
        and words[k + 1].text[:1].isupper()  # "в Центре ...", not "в центре города"
        for k in span
    )


def _no_proposer(words: list[Token], cue: int, p) -> bool:
    """ "Лондону предлагают заключить соглашения": a third-person plural with no subject
    before or just after it ("нам предлагают наши партнёры") and no "в" + a body ("в Пекине
    предложили") names no proposer."""
    if p.tag.POS != "VERB" or p.tag.number != "plur" or p.tag.person not in {None, "3per"}:
        return False
    if p.tag.tense == "past" or p.tag.person is None:
        return False  # "предложили": a past report is left to the "в" + body reading
    for k, tok in enumerate(words[: cue + 1 + PROPOSAL_REACH]):
        ps = parse(low(tok))
        if low(tok) in IN_PREPOSITIONS:
            return False
        if k == cue or not ps or ps[0].tag.POS not in {"NOUN", "NPRO"} or not nominative(tok):
            continue
        if k < cue or not any(q.tag.case == "accs" for q in ps):
            return False  # a subject, or one after the verb that cannot be its object
    return True


def _consequence(lex: CommitmentLexicon, words: list[Token], end: int, cue: int) -> bool:
    """ "увеличение создаст некоторые проблемы": an effect forecast, not an action."""
    if not lemmas(words[cue]) & lex.consequence_verbs:
        return False
    span = words[cue + 1 : min(end, cue + 1 + CONSEQUENCE_REACH)]
    return any(lemmas(t) & lex.consequence_objects for t in span)


def _organisation(lex: CommitmentLexicon, words: list[Token], cue: int) -> bool:
    """ "рассмотреть проекты устава новой организации": an organisation, not organising;
    "организация выставки" (a genitive after it) stays an undertaking."""
    if not lemmas(words[cue]) & lex.entity_nouns or cue + 1 >= len(words):
        return False
    if verbal_parse(words[cue]) is not None:
        return False
    ps = parse(low(words[cue + 1]))
    return not (
        ps and ps[0].tag.POS in {"NOUN", "ADJF", "PRTF"} and ps[0].tag.case in {"gent", "gen2"}
    )


def third_invitees(doc: Doc, hit, end: int) -> bool:
    """ "Китай пригласил лидеров Мексики и Египта": the invited are third countries only."""
    if hit.kind != "invited":
        return False
    after = set(mentioned_codes(doc, hit.words[hit.index].end, end))
    return bool(after) and not after & set(doc.countries)


def next_sentence_due(doc: Doc, sent: Sentence) -> str | None:
    """ "... планируют создать фонд. Предположительно, он начнёт работать в 2017 году.": a plan
    with no date of its own is due at the year a future verb of the next sentence gives it,
    when that sentence's subject is a pronoun standing for it."""
    later = [s for s in doc.sentences if s.start >= sent.end]
    if not later:
        return None
    words = later[0].tokens
    head = [low(t) for t in words[:ANAPHOR_REACH] if any(c.isalpha() for c in t.text)]
    if not set(head[:2]) & ANAPHORS:
        return None
    if not any(effective_form(words, k) == FUTURE for k in range(len(words))):
        return None
    floor = doc.published.year if doc.published else None
    for t in times_in(doc, later[0].start, later[0].end):
        value = normalise_date(t.value)
        if value and (floor is None or int(value[:4]) >= floor):
            return value
    return None


def third_parties_only(doc: Doc, start: int, end: int) -> bool:
    """[start, end) names countries, none of them the article's, as more than a venue: about
    third countries only. "В Вене состоится заседание" names Austria as the place of an event
    only; "в Брюсселе соберутся министры" (no event named) stays about Belgium's guests."""
    dyad = set(doc.countries)
    if not dyad:
        return False
    lex = load_cues()
    event = any(
        _event_noun(lex, t) for s in doc.sentences for t in s.tokens if start <= t.start < end
    )
    named = set()
    for m in doc.country_mentions:
        if m.start >= start and m.end <= end:
            head = doc.text[max(0, m.start - 8) : m.start].split()
            venue = m.kind in VENUE_KINDS and head and head[-1].lower() in PLACE_ONLY_PREPOSITIONS
            if not (venue and event):
                named.add(m.code)
    return bool(named) and not named & dyad


def past_plan(doc: Doc, start: int, end: int) -> bool:
    """The span dates its action only by years at least ``PAST_GAP`` before the publication's
    ("что Россию примут в ВТО в июне 1998 года" in 2006): a plan of the past, kept or broken,
    not pending (last year's may still be). A date inside a participle's phrase dates that,
    not the action ("готова поделиться опытом, приобретенным ... в 2017 году")."""
    sent = doc.sentence_at(start)
    if doc.published is None or sent is None:
        return False
    years = []
    for t in doc.times:
        if not (start <= t.start and t.end <= end and t.value and YEAR_WRITTEN.search(t.text)):
            continue
        between = [w for w in sent.tokens if start <= w.start and w.end <= t.start]
        if any((p := verbal_parse(w)) is not None and p.tag.POS in MODIFIER_VERB_POS for w in between):
            continue
        if value := normalise_date(t.value):
            years.append(int(value[:4]))
    return bool(years) and max(years) <= doc.published.year - PAST_GAP
