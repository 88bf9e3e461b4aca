"""Stage ``countries``: every reference to a country, and COUNTRY / CITY entities.

A reference is a name in any case ("Сербии", "Республики Казахстан"), an abbreviation
("США", "РФ"; "РК", "РБ", "КР", "РТ" only when the document's other mentions settle them),
a demonym adjective ("сербской"), a compound adjective ("казахстанско-сербской" names both),
a capital or major city ("в Астане"), a government seat ("Кремль", "Белый дом"), or an institution ("МИД России", "правительство Сербии";
a capitalised "Кабмин"/"МИД" standing alone refers to the country named just before it).
Matching runs over the ``segment`` tokens with the gazetteer in ``data/countries.tsv``.

LOCATION entities from the ``ner`` stage that match a country become COUNTRY, those that
match a city become CITY; gazetteer names the NER missed are added.
"""

from __future__ import annotations

from collections import Counter

from razdel import sentenize, tokenize

from ..doc import CountryMention, Doc, Entity, Sentence, Token
from ..pipeline import stage
from .gazetteer import ADJECTIVE_KINDS, NAME_KINDS, Gazetteer, GazetteerEntry, load_gazetteer, norm
from .models import parse

# Abbreviations whose country depends on the document: candidates in order of preference;
# a candidate is taken only when the document names that country some other way.
CONTEXT_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "РК": ("KZ", "KR"),  # Республика Казахстан / Республика Корея
    "КР": ("KG", "KR"),  # Кыргызская Республика / Корейская Республика
    "РБ": ("BY",),  # Республика Беларусь (else Башкортостан: no country)
    "РТ": ("TJ",),  # Республика Таджикистан (else Татарстан)
    "РС": ("RS",),  # Республика Сербия
    "РУ": ("UZ",),  # Республика Узбекистан
    "РА": ("AM",),  # Республика Армения
}
# which kind wins when one form is in several lists ("Сингапур": name before capital)
KIND_PRIORITY = ("name", "capital", "city", "seat", "adjective", "city_adjective")
# NEREL-style entity types: a demonym adjective names the state ("британской короны"),
# a city adjective the city ("московского метро")
ENTITY_TYPE_OF_KIND = {
    "name": "COUNTRY",
    "abbreviation": "COUNTRY",
    "adjective": "COUNTRY",
    "capital": "CITY",
    "city": "CITY",
    "city_adjective": "CITY",
}
# tokens that may stand between an institution and its country: "министерство [иностранных дел] России"
ORG_GAP_MAX = 3
OPENING_PUNCT = frozenset("«\"'(—–-„“")
# how many sentences back a standalone "Кабмин" looks for its country
STANDALONE_LOOKBACK_SENTENCES = 2
LONE_NAME_KINDS = frozenset({"name", "capital"})  # a whole one-word "person" that is one of these


def _is_capitalised(text: str) -> bool:
    return text[:1].isupper()


def _sentence_initial(tokens: list[Token], i: int) -> bool:
    return all(t.text in OPENING_PUNCT for t in tokens[:i])


def _common_word_first(word: str) -> bool:
    """True when the most likely reading of a capitalised word is not a place name
    ("Того" at the start of a sentence is the pronoun, not the country)."""
    parses = parse(word.lower())
    if not parses:
        return False
    geo = max((p.score for p in parses if "Geox" in p.tag), default=0.0)
    other = max((p.score for p in parses if "Geox" not in p.tag), default=0.0)
    return other > geo


def _is_first_name(word: str) -> bool:
    return any("Name" in p.tag and p.score >= 0.1 for p in parse(word.lower()))


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _best(entries: list[GazetteerEntry]) -> GazetteerEntry:
    return min(entries, key=lambda e: KIND_PRIORITY.index(e.kind))


def _name_guard_ok(tokens: list[Token], i: int, n: int, persons: list[tuple[int, int]], kind: str) -> bool:
    """A capitalised gazetteer name is a place unless it reads as a common word at the
    start of a sentence (a capitalised seat such as "Кремль" always counts) or is part of
    a person's name ("Джордж Вашингтон"); a lone word the NER model took for a person
    ("Астана поставила Ташкенту") stays a country or capital."""
    first, last = tokens[i], tokens[i + n - 1]
    if not _is_capitalised(first.text):
        return False
    lone = n == 1 and kind in LONE_NAME_KINDS and (first.start, last.end) in persons
    if _inside(first.start, last.end, persons) and not lone:
        return False
    if n == 1 and kind != "seat" and _sentence_initial(tokens, i) and _common_word_first(first.text):
        return False
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + n] if i + n < len(tokens) else None
    if before and _is_capitalised(before.text) and _is_first_name(before.text):
        return False
    if n == 1 and after and _is_capitalised(after.text) and _is_first_name(first.text):
        return after.text.isupper()  # "Астана РК" is still a place
    return True


def _org_head_index(tokens: list[Token], i: int, gaz: Gazetteer) -> int | None:
    """Index of an institution word ("МИД", "правительство") governing the country at i."""
    for j in range(i - 1, max(-1, i - 2 - ORG_GAP_MAX), -1):
        lemma = tokens[j].lemma or norm(tokens[j].text)
        if lemma in gaz.org_heads or norm(tokens[j].text) in gaz.org_heads:
            return j
        if not any(p.tag.case == "gent" and p.tag.POS in {"NOUN", "ADJF"} for p in parse(norm(tokens[j].text))):
            return None
    return None


def _genitive(text: str) -> bool:
    parses = parse(norm(text))
    return not parses or any(p.tag.case == "gent" or "Fixd" in p.tag for p in parses)


class _Collector:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.mentions: list[CountryMention] = []
        self.entities: list[Entity] = []  # COUNTRY / CITY spans found in the text
        self.pending_abbrev: list[tuple[str, int, int]] = []  # ambiguous abbreviations

    def mention(self, code: str, start: int, end: int, kind: str) -> None:
        self.mentions.append(CountryMention(code, start, end, self.doc.text[start:end], kind))

    def entity(self, kind: str, start: int, end: int, normal: str) -> None:
        etype = ENTITY_TYPE_OF_KIND.get(kind)
        if etype:
            self.entities.append(Entity(etype, start, end, self.doc.text[start:end], normal))


def _compound(tok: Token, gaz: Gazetteer, out: _Collector) -> bool:
    """"казахстанско-сербской": every combining part and the final adjective."""
    parts = tok.text.split("-")
    if len(parts) < 2:
        return False
    last = [e for e in gaz.lookup(norm(parts[-1])) if e.kind == "adjective"]
    heads = [gaz.combining.get(norm(p)) for p in parts[:-1]]
    if not last or any(h is None for h in heads):
        return False
    offset = tok.start
    for part, entry in zip(parts, [*heads, last[0]], strict=True):
        out.mention(entry.code, offset, offset + len(part), "compound")
        offset += len(part) + 1
    return True


def _scan_sentence(sent: Sentence, gaz: Gazetteer, persons: list[tuple[int, int]], out: _Collector) -> None:
    tokens = sent.tokens
    i = 0
    starts = [k for k, t in enumerate(tokens)
              if gaz.may_start(t.text) or t.text in CONTEXT_ABBREVIATIONS]
    for k in starts:
        if k < i:
            continue  # inside a name matched before
        i = k
        tok = tokens[i]
        if tok.text in gaz.abbreviations:
            entry = gaz.abbreviations[tok.text]
            _emit(tokens, i, 1, entry, "abbreviation", gaz, out)
            i += 1
            continue
        if tok.text in CONTEXT_ABBREVIATIONS:
            out.pending_abbrev.append((tok.text, tok.start, tok.end))
            i += 1
            continue
        if "-" in tok.text and _compound(tok, gaz, out):
            i += 1
            continue
        matched = 0
        if norm(tok.text) not in gaz.first_words:
            i += 1
            continue
        norms = [norm(t.text) for t in tokens[i : i + gaz.max_tokens]]
        for n in range(min(gaz.max_tokens, len(tokens) - i), 0, -1):
            key = " ".join(norms[:n])
            entries = gaz.lookup(key)
            if not entries:
                continue
            entry = _best(entries)
            if entry.kind in NAME_KINDS and not _name_guard_ok(tokens, i, n, persons, entry.kind):
                continue
            _emit(tokens, i, n, entry, entry.kind, gaz, out)
            matched = n
            break
        i += matched or 1


def _emit(tokens: list[Token], i: int, n: int, entry: GazetteerEntry, kind: str, gaz: Gazetteer, out: _Collector) -> None:
    start, end = tokens[i].start, tokens[i + n - 1].end
    out.entity(kind, start, end, entry.canonical)
    if kind in ADJECTIVE_KINDS:
        out.mention(entry.code, start, end, "adjective" if kind == "adjective" else "city")
        return
    head = _org_head_index(tokens, i, gaz) if kind in {"name", "abbreviation"} else None
    if head is not None and (kind == "abbreviation" or _genitive(tokens[i + n - 1].text)):
        out.mention(entry.code, tokens[head].start, end, "organisation")
    else:
        out.mention(entry.code, start, end, kind)


def _resolve_abbreviations(out: _Collector) -> None:
    counts = Counter(m.code for m in out.mentions)
    for abbrev, start, end in out.pending_abbrev:
        code = next((c for c in CONTEXT_ABBREVIATIONS[abbrev] if counts[c]), None)
        if code:
            out.mention(code, start, end, "abbreviation")
            out.entities.append(Entity("COUNTRY", start, end, abbrev, abbrev))


def _standalone_organisations(doc: Doc, gaz: Gazetteer, out: _Collector) -> None:
    """A capitalised "Кабмин"/"МИД" with no country of its own: the last country named."""
    covered = [(m.start, m.end) for m in out.mentions]
    by_start = sorted(out.mentions, key=lambda m: m.start)
    for si, sent in enumerate(doc.sentences):
        heads = [i for i, tok in enumerate(sent.tokens) if gaz.standalone_head(tok.lemma, tok.text)]
        if not heads:
            continue
        window_start = doc.sentences[max(0, si - STANDALONE_LOOKBACK_SENTENCES)].start
        for i in heads:
            tok = sent.tokens[i]
            if _sentence_initial(sent.tokens, i) and not tok.text.isupper() and tok.lemma != "кабмин":
                continue
            if _inside(tok.start, tok.end, covered):
                continue
            following = sent.tokens[i + 1 : i + 2 + ORG_GAP_MAX]
            if following and _inside(following[0].start, following[-1].end, covered):
                continue
            earlier = [m for m in by_start if window_start <= m.start < tok.start]
            if earlier:
                out.mention(earlier[-1].code, tok.start, tok.end, "organisation")


def _merge_entities(doc: Doc, found: list[Entity]) -> None:
    """LOCATION entities the gazetteer recognises take its type (COUNTRY or CITY) and span.
    An ORGANIZATION that is exactly a country name is the country (metonymy: "Россия
    выиграла"); one that is exactly a city name stays an organisation (a club: "Барселона")."""
    orgs = {(e.start, e.end) for e in doc.entities if e.type == "ORGANIZATION"}
    found = [e for e in found if e.type == "COUNTRY" or (e.start, e.end) not in orgs]
    countries = {(e.start, e.end) for e in found if e.type == "COUNTRY"}
    spans = [(e.start, e.end) for e in found]
    kept: list[Entity] = []
    for ent in doc.entities:
        if ent.type == "LOCATION" and _inside(ent.start, ent.end, spans):
            continue
        if ent.type == "ORGANIZATION" and (ent.start, ent.end) in countries:
            continue
        kept.append(ent)
    kept.extend(found)
    kept.sort(key=lambda e: (e.start, -e.end))
    doc.entities = kept


def _title_token(start: int, text: str) -> Token:
    parses = parse(text)
    lemma = parses[0].normal_form if parses else text.lower()
    return Token(start, start + len(text), text, lemma)


def text_mentions(text: str) -> list[CountryMention]:
    """Country references in a short text outside the document body (its title); offsets
    are into ``text``. Context-dependent abbreviations ("РК") are left out."""
    gaz = load_gazetteer()
    out = _Collector(Doc(id="", text=text))
    for part in sentenize(text):
        tokens = [_title_token(part.start + t.start, t.text) for t in tokenize(part.text)]
        _scan_sentence(Sentence(part.start, part.stop, part.text, tokens), gaz, [], out)
    return sorted(out.mentions, key=lambda m: (m.start, m.end))


@stage("countries", requires=("sentences",), provides=("country_mentions",))
def countries(doc: Doc) -> Doc:
    gaz = load_gazetteer()
    persons = [(e.start, e.end) for e in doc.entities if e.type == "PERSON"]
    out = _Collector(doc)
    for sent in doc.sentences:
        _scan_sentence(sent, gaz, persons, out)
    _resolve_abbreviations(out)
    _standalone_organisations(doc, gaz, out)
    out.mentions.sort(key=lambda m: (m.start, m.end))
    doc.country_mentions = out.mentions
    _merge_entities(doc, out.entities)
    return doc
