"""Stage ``persons``: every named person, in the nominative, with role, organisation and
country from appositions, and every mention (names, surnames, role-only references)."""

from __future__ import annotations

from ..doc import Doc, Entity, Sentence, Token
from ..pipeline import stage
from .coref import (
    Cluster,
    NameMention,
    attributes,
    group_mentions,
    link_role_references,
    to_persons,
)
from .models import parse
from .person_names import INITIAL, normalize_name
from .roles import SpanIndex, head_lemma, role_after, role_before

# pymorphy3 tags that mark a capitalised word as a place or an organisation, not a name
NOT_NAME_TAGS = ("Geox", "Orgn", "Trad")
NAME_TAGS = ("Name", "Surn", "Patr")
MAX_PARTICLE_LETTERS = 3
FUNCTION_POS = frozenset(
    {"CONJ", "PRCL", "ADVB", "PREP", "NPRO", "INTJ", "PRED", "VERB", "INFN"}
)


def _tokens_in(sent: Sentence, ent: Entity) -> tuple[int, int] | None:
    idx = [i for i, t in enumerate(sent.tokens) if ent.start <= t.start and t.end <= ent.end]
    return (idx[0], idx[-1]) if idx else None


def _looks_like_place(word: str) -> bool:
    parses = parse(word)
    if not parses or any(tag in parses[0].tag for tag in NAME_TAGS):
        return False
    if str(parses[0].tag.POS) in FUNCTION_POS:
        return True  # "Так", "Однако" at the start of a sentence
    return any(tag in parses[0].tag for tag in NOT_NAME_TAGS)


def _capitalised(word: str, k: int, n: int) -> bool:
    """Is the ``k``-th of ``n`` name words written as a name part: capitalised, or a
    lower-case particle inside the name ("бен", "аль") or before a hyphen ("ас-Сиси")?"""
    if word[:1].isupper() or word.split("-")[-1][:1].isupper():
        return True
    return 0 < k < n - 1 and len(word) <= MAX_PARTICLE_LETTERS


def _name_tokens(tokens: list[Token], index: SpanIndex) -> list[Token]:
    """The name words of a PERSON entity, with leading titles cut off; [] if it is no name."""
    while tokens and head_lemma(tokens[0].text):
        tokens = tokens[1:]
    words = [t for t in tokens if t.text[:1].isalpha()]
    if not words or any(not _capitalised(w.text, k, len(words)) for k, w in enumerate(words)):
        return []
    if any(index.country_at(t) for t in words):
        return []
    if all(INITIAL.match(w.text) for w in words):
        return []
    if len(words) == 1 and (
        (words[0].text.isupper() and len(words[0].text) > 1) or _looks_like_place(words[0].text)
    ):
        return []
    return tokens


def name_mentions(doc: Doc, index: SpanIndex) -> list[NameMention]:
    persons = sorted((e for e in doc.entities if e.type == "PERSON"), key=lambda e: e.start)
    mentions: list[NameMention] = []
    k = 0
    for sent in doc.sentences:
        while k < len(persons) and persons[k].start < sent.end:
            ent = persons[k]
            k += 1
            where = _tokens_in(sent, ent)
            if where is None:
                continue
            first, last = where
            tokens = _name_tokens(sent.tokens[first : last + 1], index)
            if not tokens:
                continue
            first = sent.tokens.index(tokens[0])
            name = normalize_name([t.text for t in tokens])
            if not name.last:
                continue
            role = role_before(doc, sent.tokens, first, index) or role_after(
                doc, sent.tokens, last, index
            )
            surname = next((t.text for t in reversed(tokens) if t.text[:1].isalpha()), "")
            mentions.append(NameMention(tokens[0].start, tokens[-1].end, surname, name, role))
    return mentions


@stage("persons", requires=("entities", "country_mentions", "sentences"), provides=("persons",))
def persons(doc: Doc) -> Doc:
    index = SpanIndex(doc.country_mentions, doc.entities)
    clusters = group_mentions(name_mentions(doc, index))
    resolve_counterparts(doc, clusters)
    link_role_references(doc, clusters, index)
    doc.persons = to_persons(doc, clusters)
    for person in doc.persons:
        if person.role and person.country is None and person.organization is None:
            person.country = _sentence_country(doc, person.mentions[0].start)
    return doc


def _sentence_country(doc: Doc, offset: int) -> str | None:
    """The country named nearest before ``offset`` in its sentence (else after it): the
    side an official with no country in the apposition speaks for."""
    sent = doc.sentence_at(offset)
    if sent is None:
        return None
    inside = [c for c in doc.country_mentions if sent.start <= c.start < sent.end]
    before = [c for c in inside if c.end <= offset]
    if before:
        return max(before, key=lambda c: c.start).code
    after = [c for c in inside if c.start >= offset]
    return min(after, key=lambda c: c.start).code if after else None


# titles that say "the counterpart of the person named before" ("со своим турецким коллегой")
COUNTERPART_TITLES = frozenset({"коллега"})


def resolve_counterparts(doc: Doc, clusters: list[Cluster]) -> None:
    """A "коллега" takes the role of the person named before it in the sentence (the
    counterpart he meets), keeping the country of its own phrase; with no such person
    only the country is kept."""
    owner = {id(m): c for c in clusters for m in c.mentions}
    mentions = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.start)
    for k, m in enumerate(mentions):
        if m.role is None or head_lemma(m.role.role.split()[-1]) not in COUNTERPART_TITLES:
            continue
        sent = doc.sentence_at(m.start)
        role = None
        for other in reversed(mentions[:k]):
            if sent is None or other.start < sent.start:
                break
            if owner[id(other)] is not owner[id(m)]:
                role = attributes(owner[id(other)])[0]
                break
        if role and head_lemma(role.split()[0]) not in COUNTERPART_TITLES:
            m.role.role = role
        elif m.role.country is None:
            m.role = None
        else:
            m.role.role = ""
