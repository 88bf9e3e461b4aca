"""Stage ``sectors``: the fields of cooperation an article substantively discusses.

A sector counts when one of its cues (src/bilat/data/sectors.json) stands in a sentence
about cooperation (one with a strong context word: сотрудничество, взаимодействие, сфера,
партнерство, ...), or in at least two sentences about talks or relations (weak context
words: переговоры, вопросы, связи, ...). A cue in a sentence without either does not
count: a sector named in passing is not a field of cooperation. Two kinds of cue do not count: words of a person's title or a
ministry's name ("министр сельского хозяйства"), and a generic head that a sector adjective
qualifies ("туристическая инфраструктура" is tourism, not construction).
"""

from __future__ import annotations

from collections import Counter

from ..doc import Doc, SectorMention, Sentence
from ..pipeline import stage
from .models import lemma
from .sector_lexicon import STRONG, SectorLexicon, Word, norm, sector_lexicon

# sentences of weak context a sector needs when no strong-context sentence names it
WEAK_SENTENCES_NEEDED = 2
# words after a title head that still belong to the title ("министр сельского хозяйства")
TITLE_REACH = 4


def sentence_words(sent: Sentence) -> list[Word]:
    """The sentence's words, hyphenated ones split into their parts; punctuation dropped."""
    words: list[Word] = []
    for idx, tok in enumerate(sent.tokens):
        offset = tok.start
        for part in tok.text.split("-"):
            if part and any(ch.isalnum() for ch in part):
                form = norm(part)
                lem = norm(tok.lemma) if part == tok.text and tok.lemma else norm(lemma(part))
                words.append(Word(form, lem, offset, offset + len(part), idx))
            offset += len(part) + 1
    return words


def title_tokens(sent: Sentence, lex: SectorLexicon) -> set[int]:
    """Indices of tokens inside a person's title or a ministry's name."""
    inside: set[int] = set()
    for i, tok in enumerate(sent.tokens):
        form = norm(tok.text)
        if not any(part and lex.is_title(Word(part, part, 0, 0, i)) for part in form.split("-")):
            continue
        for j in range(i + 1, min(i + 1 + TITLE_REACH, len(sent.tokens))):
            nxt = sent.tokens[j].text
            if not any(ch.isalnum() for ch in nxt) or nxt[:1].isupper():
                break
            inside.add(j)
    return inside


def sentence_sectors(sent: Sentence, lex: SectorLexicon | None = None) -> tuple[int, list[str]]:
    """The sentence's context strength and the sectors it names, in order of first cue."""
    lex = lex or sector_lexicon()
    words = sentence_words(sent)
    strength = lex.context_strength(words)
    if not strength:
        return 0, []
    titles = title_tokens(sent, lex)
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
        qualified = prev_sector is not None and prev_sector != sector
        if words[i].token not in titles and not (qualified and lex.is_generic(words[i])):
            if sector not in found:
                found.append(sector)
        prev_sector = sector
        i += length
    return strength, found


@stage("sectors", requires=("sentences",), provides=("sectors",))
def sectors(doc: Doc) -> Doc:
    lex = sector_lexicon()
    mentions: list[tuple[int, SectorMention]] = []
    for sent in doc.sentences:
        strength, found = sentence_sectors(sent, lex)
        span = doc.span(sent.start, sent.end)
        mentions.extend((strength, SectorMention(sector, span)) for sector in found)
    strong = {m.sector for s, m in mentions if s == STRONG}
    weak_counts = Counter(m.sector for s, m in mentions if s != STRONG)
    keep = strong | {sec for sec, n in weak_counts.items() if n >= WEAK_SENTENCES_NEEDED}
    doc.sectors = [m for _, m in mentions if m.sector in keep]
    return doc
