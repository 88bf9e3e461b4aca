"""Stage ``ner``: PERSON, ORGANIZATION and LOCATION entities (natasha's news NER model).

The slovnet model behind natasha's ``NewsNERTagger`` is fed the razdel tokens the
``segment`` stage already made, so the text is not segmented twice and natasha's
(slow) morphology tagger never runs. Entity spans map straight back to token offsets.
``Entity.normal`` is a nominative form made with pymorphy3 (see :func:`normal_form`).
"""

from __future__ import annotations

from ..doc import Doc, Entity, Token
from ..pipeline import stage
from .models import ner_tagger, parse
from .person_names import normalize_name

# slovnet tag suffix -> bilat entity type
ENTITY_TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}

# longest token sequence handed to the model at once (natasha feeds the whole text;
# chunking at sentence ends keeps memory flat on very long documents)
MAX_CHUNK_TOKENS = 2000


def _chunks(doc: Doc) -> list[list[Token]]:
    chunks: list[list[Token]] = [[]]
    for sent in doc.sentences:
        if chunks[-1] and len(chunks[-1]) + len(sent.tokens) > MAX_CHUNK_TOKENS:
            chunks.append([])
        chunks[-1].extend(sent.tokens)
    return [c for c in chunks if c]


def tag_tokens(chunks: list[list[str]]) -> list[list[str]]:
    """BIO tags ("B-PER", "I-LOC", "O", ...) for each word list, in order."""
    infer = ner_tagger().infer
    inputs = infer.encoder(chunks)
    return list(infer.decoder(infer.process(inputs)))


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


def normal_form(kind: str, tokens: list[Token], text: str = "") -> str:
    """Nominative of an entity: names via person_names; organisations and places by
    putting the words up to and including the first noun into the nominative
    ("Министерства иностранных дел" -> "Министерство иностранных дел").
    ``text`` is the source text the token offsets point into (spacing is kept)."""
    words = [t.text for t in tokens]
    if kind == "PERSON":
        return normalize_name(words).display
    out: list[str] = []
    for i, word in enumerate(words):
        if not word[:1].isalpha() or (word.isupper() and len(word) > 1):
            out.extend(words[i:])
            break
        out.append(_to_nominative(word))
        if any(p.tag.POS == "NOUN" for p in parse(word)[:1]):
            out.extend(words[i + 1 :])
            break
    if not text:
        return " ".join(out)
    parts = [out[0]]
    for prev, tok, word in zip(tokens, tokens[1:], out[1:], strict=False):
        parts.append(text[prev.end : tok.start] + word)
    return "".join(parts)


@stage("ner", requires=("sentences",), provides=("entities",))
def ner(doc: Doc) -> Doc:
    doc.entities = []
    chunks = _chunks(doc)
    if not chunks:
        return doc
    for tokens, tags in zip(chunks, tag_tokens([[t.text for t in c] for c in chunks]), strict=True):
        for kind, i, j in _bio_runs(tags):
            if kind not in ENTITY_TYPES:
                continue
            start, end = tokens[i].start, tokens[j - 1].end
            etype = ENTITY_TYPES[kind]
            normal = normal_form(etype, tokens[i:j], doc.text)
            doc.entities.append(Entity(etype, start, end, doc.text[start:end], normal))
    return doc
