"""Stage ``ner``: PERSON, ORGANIZATION and LOCATION entities (natasha's news NER model).

The slovnet model behind natasha's ``NewsNERTagger`` is fed the razdel tokens the
``segment`` stage already made (runs of sentences), so the text is not segmented twice and
natasha's (slow) morphology tagger never runs; the model is executed by :mod:`.ner_model`.
Entity spans map straight back to token offsets.
``Entity.normal`` is a nominative form made with pymorphy3 (see :func:`normal_form`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from slovnet.shape import word_shape

from ..doc import Doc, Entity, Token
from ..pipeline import stage
from .folding import PHRASE_CACHE_SIZE, WORD_CACHE_SIZE
from .models import from_dictionary, ner_tagger, parse
from .ner_model import tag_ids
from .person_names import normalize_name

# slovnet tag suffix -> bilat entity type
ENTITY_TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}

# The model (three convolutions of width 3 and a CRF) sees three words either side, so the text
# is cut into runs of whole sentences of about RUN_TOKENS words, each fed with CONTEXT_TOKENS
# words of its neighbours on both sides: the context keeps every word's scores as they are over
# the whole text, and the CRF decoder steps once per word of the longest run, not of the text.
RUN_TOKENS = 120  # a longer sentence (a table, a list without full stops) is cut at this length
CONTEXT_TOKENS = 6


@dataclass(frozen=True, slots=True)
class Run:
    tokens: list[Token]  # the run's own tokens
    window: list[Token]  # the tokens fed to the model: context, own tokens, context
    offset: int  # where the own tokens start in ``window``


def _runs(doc: Doc) -> list[Run]:
    tokens = [t for sent in doc.sentences for t in sent.tokens]
    bounds: list[tuple[int, int]] = []
    pos = 0
    for sent in doc.sentences:
        end = pos + len(sent.tokens)
        for k in range(pos, end, RUN_TOKENS):
            piece = (k, min(end, k + RUN_TOKENS))
            if bounds and piece[1] - bounds[-1][0] <= RUN_TOKENS and k == pos:
                bounds[-1] = (bounds[-1][0], piece[1])  # whole sentences share a run
            else:
                bounds.append(piece)
        pos = end
    runs = []
    for start, end in bounds:
        lo, hi = max(0, start - CONTEXT_TOKENS), min(len(tokens), end + CONTEXT_TOKENS)
        runs.append(Run(tokens[start:end], tokens[lo:hi], start - lo))
    return runs


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_ids(word: str) -> tuple[int, int]:
    """The model's (word id, shape id) of one word, as slovnet's encoder makes them, cached."""
    encoder = ner_tagger().infer.encoder
    return encoder.words_vocab.encode(word.lower()), encoder.shapes_vocab.encode(word_shape(word))


def _encode(words: list[str]) -> tuple[list[int], list[int]]:
    pairs = [_word_ids(w) for w in words]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def tag_tokens(units: list[list[str]]) -> list[list[str]]:
    """BIO tags ("B-PER", "I-LOC", "O", ...) for each word list, in order."""
    decode = ner_tagger().infer.decoder.tags_vocab.decode
    return [[decode(tag) for tag in tags] for tags in tag_ids([_encode(words) for words in units])]


def _bio_runs(tags: list[str]) -> list[tuple[str, int, int]]:
    """(type, first index, last index + 1) for each entity in a BIO tag list."""
    runs: list[tuple[str, int, int]] = []
    current: tuple[str, int] | None = None
    for i, tag in enumerate([*tags, "O"]):
        part, _, kind = tag.partition("-")
        if current and (part != "I" or kind != current[0]):
            runs.append((current[0], current[1], i))
            current = None
        if part == "B" or (part == "I" and current is None):
            current = (kind, i)
    return runs


def _line_pieces(runs: list[tuple[str, int, int]], tokens: list[Token], text: str) -> list[tuple[str, int, int]]:
    """The entity runs cut after a line that holds nothing but the entity's words: a caption
    "Боб Коркер" over a paragraph opening "Коркер добавил" is two mentions (a name wrapped
    at the end of a line of text, "Садыра\nЖапарова", stays one)."""
    out = []
    for kind, i, j in runs:
        for k in range(i + 1, j):
            if "\n" in text[tokens[k - 1].end : tokens[k].start] and _opens_line(text, tokens[i].start):
                out.append((kind, i, k))
                i = k
                if kind == "PER" and not _may_start_name(tokens[k].text):
                    kind = "O"  # the paragraph's first word ("Сложности"), not a name
        out.append((kind, i, j))
    return out


def _may_start_name(word: str) -> bool:
    """A word the dictionary does not know, or knows as a name."""
    parses = parse(word)
    return not parses or not from_dictionary(parses[0]) or any(
        tag in parses[0].tag for tag in ("Name", "Surn", "Patr")
    )


def _opens_line(text: str, offset: int) -> bool:
    return not text[text.rfind("\n", 0, offset) + 1 : offset].strip()


def _to_nominative(word: str) -> str:
    for p in parse(word):
        if p.tag.POS not in ("NOUN", "ADJF") or p.tag.case is None:
            continue
        if p.tag.case == "nomn":
            return word
        form = p.inflect({"nomn"})
        if form is None:
            return word
        out = form.word
        if word.isupper():
            return out.upper()
        return out[:1].upper() + out[1:] if word[:1].isupper() else out
    return word


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def _person_display(words: tuple[str, ...]) -> str:
    return normalize_name(list(words)).display


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def _nominative_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words up to and including the first noun put into the nominative, the rest kept."""
    out: list[str] = []
    for i, word in enumerate(words):
        if not word[:1].isalpha() or (word.isupper() and len(word) > 1):
            out.extend(words[i:])
            break
        out.append(_to_nominative(word))
        if any(p.tag.POS == "NOUN" for p in parse(word)[:1]):
            out.extend(words[i + 1 :])
            break
    return tuple(out)


def normal_form(kind: str, tokens: list[Token], text: str = "") -> str:
    """Nominative of an entity: names via person_names; organisations and places by
    putting the words up to and including the first noun into the nominative
    ("Министерства иностранных дел" -> "Министерство иностранных дел").
    ``text`` is the source text the token offsets point into (spacing is kept)."""
    words = tuple(t.text for t in tokens)
    if kind == "PERSON":
        return _person_display(words)
    out = _nominative_words(words)
    if not text:
        return " ".join(out)
    parts = [out[0]]
    for prev, tok, word in zip(tokens, tokens[1:], out[1:], strict=False):
        parts.append(text[prev.end : tok.start] + word)
    return "".join(parts)


@stage("ner", requires=("sentences",), provides=("entities",))
def ner(doc: Doc) -> Doc:
    doc.entities = []
    runs = _runs(doc)
    if not runs:
        return doc
    windows = tag_tokens([[t.text for t in run.window] for run in runs])
    for run, window_tags in zip(runs, windows, strict=True):
        tokens, tags = run.tokens, window_tags[run.offset : run.offset + len(run.tokens)]
        for kind, i, j in _line_pieces(_bio_runs(tags), tokens, doc.text):
            if kind not in ENTITY_TYPES:
                continue
            start, end = tokens[i].start, tokens[j - 1].end
            etype = ENTITY_TYPES[kind]
            normal = normal_form(etype, tokens[i:j], doc.text)
            doc.entities.append(Entity(etype, start, end, doc.text[start:end], normal))
    return doc
