"""Stage ``sectors``: the fields of cooperation an article substantively discusses.

A sector counts when one of its cues (src/bilat/data/sectors.json) stands in

- a sentence about cooperation or about the topic of talks (strong context words:
  сотрудничество, взаимодействие, сфера, обсудили, взаимная, ...);
- a sentence about talks or relations (weak context words: переговоры, вопросы, связи,
  ...) that lists two or more fields: a list of fields is what the talks were about;
- at least two sentences of weak context;
- or, whatever the context, at least four sentences: a topic that runs through the article.

A sentence about the relation itself, one that names two different countries ("поставки
российского газа в Китай"), counts one step stronger than its words alone: weak context
becomes strong, none becomes weak (a single passing cue there is not yet a field). A list of
fields makes weak context strong only where the sentence's own words speak of talks or
relations: two countries and two cues ("газ и нефть занимают 8% в импорте Японии") are no list.

An article whose dyad is empty (the countries stage ran and found no pair: one country's
story) has no field of cooperation. A field named in one sentence only, in the article's
background part (its last third), with neither a country of the dyad nor a word of
cooperation there, is named in passing.

A cue in a sentence without any of these does not count: a sector named in passing is not a
field of cooperation. Some cues never count: words of a person's title or an office's name
("министр сельского хозяйства", "Департамент по торговым переговорам"); a generic head that a
sector adjective qualifies ("туристическая инфраструктура" is tourism, not construction); a
generic head whose object names another sector ("строительство газопровода", "экспорт нефти" are energy); and a
non_sector phrase, a cue's stem in another sense ("научный сотрудник").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Doc, SectorMention, Sentence
from ..pipeline import stage
from .folding import MEMO_CACHE_SIZE
from .models import lemma
from .sector_lexicon import NO_SECTOR, STRONG, WEAK, SectorLexicon, Word, norm, sector_lexicon

# sentences of weak context a sector needs when no stronger sentence names it
WEAK_SENTENCES_NEEDED = 2
# distinct sectors a weak-context sentence must list to count as a list of fields
ENUMERATION_SECTORS = 2
# sentences, in any context, that make a sector a topic of the whole article
TOPIC_SENTENCES = 4
# words after a title head that still belong to the title ("министр сельского хозяйства");
# a comma before a lower-case word does not end it ("министр энергетики, туризма и ...")
TITLE_REACH = 5
# parts of speech that end a title: a verb starts the clause's predicate
TITLE_ENDS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
# words after a generic head where the cue of its object may stand ("строительство нового газопровода")
OBJECT_REACH = 2
# words that join two items of a list rather than a head and its object
CONJUNCTIONS = frozenset({"и", "или", "а", "также", "либо"})
# what opens a footnote line
FOOTNOTE_MARKS = ("*",)
# quotation marks around a name
QUOTES_OPEN = frozenset({"«", "„", "“"})
QUOTES_CLOSE = frozenset({"»", "“", "”"})
# the part of an article (from this fraction of its sentences on) that is background: news
# puts its substance first, so a field named once there, apart from the dyad and from words
# of cooperation, is in passing
LATE_FRACTION = 0.66
# country mentions that mark where something happened rather than a party to the relation
PLACE_ONLY_KINDS = frozenset({"city", "capital"})


@dataclass(frozen=True)
class SentenceSectors:
    strength: int  # STRONG, WEAK or 0
    sectors: list[str]  # in order of first cue


@lru_cache(maxsize=MEMO_CACHE_SIZE)
def _token_words(text: str, token_lemma: str) -> tuple[tuple[str, str, int, int], ...]:
    """(form, lemma, start, end) of the words of one token, offsets within the token."""
    out = []
    offset = 0
    for part in text.split("-"):
        if part and any(ch.isalnum() for ch in part):
            form = norm(part)
            lem = norm(token_lemma) if part == text and token_lemma else norm(lemma(part))
            out.append((form, lem, offset, offset + len(part)))
        offset += len(part) + 1
    return tuple(out)


def _may_hold_cue(sent: Sentence, lex: SectorLexicon) -> bool:
    """Whether some word of the sentence starts a cue's first part (else it names no sector)."""
    known = lex.token_memo
    for tok in sent.tokens:
        key = (tok.text, tok.lemma)
        hit = known.get(key)
        if hit is None:
            hit = lex.remember_token(key, any(
                lex.starts_cue(form, lem) for form, lem, _, _ in _token_words(*key)))
        if hit:
            return True
    return False


def sentence_words(sent: Sentence) -> list[Word]:
    """The sentence's words, hyphenated ones split into their parts; punctuation dropped."""
    words: list[Word] = []
    for idx, tok in enumerate(sent.tokens):
        start = tok.start
        for form, lem, a, b in _token_words(tok.text, tok.lemma):
            words.append(Word(form, lem, start + a, start + b, idx))
    return words


def name_tokens(sent: Sentence) -> set[int]:
    """Indices of tokens inside a proper name: a capitalised word after the sentence's first,
    with the capitalised words right before it ("Национального банка", "Уран-6"), and
    words inside «...» quotes ("«Турецкий поток»")."""
    inside: set[int] = set()
    quoted = False
    for i, tok in enumerate(sent.tokens):
        if tok.text in QUOTES_OPEN:
            quoted = True
        elif tok.text in QUOTES_CLOSE:
            quoted = False
        elif quoted or (i > 0 and tok.text[:1].isupper() and not tok.text.isupper()):
            inside.add(i)
    # a lower-case cue right after a capitalised adjective is that name's head
    for i, tok in enumerate(sent.tokens):
        if i - 1 in inside and i not in inside and tok.text[:1].islower() and (
                sent.tokens[i - 1].pos == "ADJF"):
            inside.add(i)
    return inside


def title_tokens(sent: Sentence, lex: SectorLexicon) -> set[int]:
    """Indices of tokens inside a person's title or an office's name."""
    inside: set[int] = set()
    for i, tok in enumerate(sent.tokens):
        if not lex.is_title_head(tok.text):
            continue
        words = 0
        for j in range(i + 1, len(sent.tokens)):
            nxt = sent.tokens[j].text
            if nxt == "," and j + 1 < len(sent.tokens) and sent.tokens[j + 1].text[:1].islower():
                continue  # "министр энергетики, туризма и цифровой повестки"
            if words >= TITLE_REACH or not any(ch.isalnum() for ch in nxt) or nxt[:1].isupper():
                break
            words += 1
            if sent.tokens[j].pos in TITLE_ENDS:
                break  # "Министры обсудили торговлю": the verb ends the title
            inside.add(j)
    return inside


def _object_sector(lex: SectorLexicon, words: list[Word], i: int, own: str) -> bool:
    """A cue of another sector stands among the few words right after word ``i``, with no
    punctuation or conjunction between: its object ("строительство нового газопровода")."""
    for k in range(i + 1, min(i + 1 + OBJECT_REACH, len(words))):
        if words[k].token > words[k - 1].token + 1 or words[k].form in CONJUNCTIONS:
            return False
        match = lex.sector_of(words, k)
        if match is not None and match[0] != own:
            return True
    return False


def cues_of(sent: Sentence, lex: SectorLexicon, words: list[Word] | None = None) -> list[str]:
    """The sectors whose cues the sentence holds (titles and qualified heads left out);
    ``words`` are the sentence's words when the caller has them already."""
    words = sentence_words(sent) if words is None else words
    titles: set[int] | None = None  # made at the first cue
    found: list[str] = []
    prev_sector: str | None = None
    i = 0
    while i < len(words):
        match = lex.sector_of(words, i)
        if match is None:
            prev_sector = None
            i += 1
            continue
        sector, length = match
        if sector == NO_SECTOR:  # "научный сотрудник": the stem in another sense
            prev_sector = None
            i += length
            continue
        generic = lex.is_generic(words[i]) and length == 1
        adjacent = i > 0 and words[i].token <= words[i - 1].token + 1
        qualified = generic and adjacent and prev_sector is not None and prev_sector != sector
        yields = generic and _object_sector(lex, words, i, sector)
        if titles is None:
            titles = title_tokens(sent, lex) | name_tokens(sent)
        if words[i].token not in titles and not qualified and not yields:
            if sector not in found:
                found.append(sector)
        prev_sector = sector
        i += length
    return found


def _names_two_countries(doc: Doc, sent: Sentence) -> bool:
    codes = {
        m.code
        for m in doc.country_mentions
        if sent.start <= m.start < sent.end and m.kind not in PLACE_ONLY_KINDS
    }
    return len(codes) >= 2


def _names_dyad(doc: Doc, sent: Sentence) -> bool:
    """Whether the sentence names a country of the article's dyad (in any form); without a
    dyad (the countries stage not run), every sentence counts as naming it."""
    if "countries" not in doc.done:
        return True
    dyad = set(doc.countries)
    return any(
        m.code in dyad for m in doc.country_mentions if sent.start <= m.start < sent.end)


def sentence_sectors(sent: Sentence, lex: SectorLexicon | None = None) -> tuple[int, list[str]]:
    """The sentence's context strength (from its words alone) and the sectors it names."""
    lex = lex or sector_lexicon()
    words = sentence_words(sent)
    return lex.context_strength(words), cues_of(sent, lex, words)


@stage("sectors", requires=("sentences",), provides=("sectors",))
def sectors(doc: Doc) -> Doc:
    """Country mentions, when the countries stage has run, mark sentences about the relation."""
    if "countries" in doc.done and not doc.countries:
        doc.sectors = []  # one country's story: no relation, so no field of cooperation
        return doc
    lex = sector_lexicon()
    mentions: list[tuple[int, SectorMention]] = []
    late_from = LATE_FRACTION * len(doc.sentences)
    background: set[str] = set()  # sectors named in a late sentence without the dyad
    for index, sent in enumerate(doc.sentences):
        if sent.text.lstrip().startswith(FOOTNOTE_MARKS):
            continue  # "* ... запрещённая в России организация": a legal footnote
        if not _may_hold_cue(sent, lex):
            continue
        words = sentence_words(sent)
        found = cues_of(sent, lex, words)
        if not found:
            continue
        own = lex.context_strength(words)
        strength = own
        if strength < STRONG and _names_two_countries(doc, sent):
            strength += 1  # the relation itself: one step up, not straight to strong
        if own == WEAK and len(found) >= ENUMERATION_SECTORS:
            strength = STRONG  # a list of fields in talk of relations (its own words)
        if index >= late_from and own < STRONG and not _names_dyad(doc, sent):
            background.update(found)
        span = doc.span(sent.start, sent.end)
        mentions.extend((strength, SectorMention(sector, span)) for sector in found)
    strong = {m.sector for s, m in mentions if s == STRONG}
    weak_counts = Counter(m.sector for s, m in mentions if s >= WEAK)
    all_counts = Counter(m.sector for _, m in mentions)
    keep = (
        strong
        | {sec for sec, n in weak_counts.items() if n >= WEAK_SENTENCES_NEEDED}
        | {sec for sec, n in all_counts.items() if n >= TOPIC_SENTENCES}
    )
    # one sentence in the article's background part, naming neither country nor cooperation:
    # a passing remark
    keep -= {sec for sec in background if all_counts[sec] == 1}
    doc.sectors = [m for _, m in mentions if m.sector in keep]
    return doc
