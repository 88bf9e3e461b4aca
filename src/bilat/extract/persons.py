"""Stage ``persons``: every named person, in the nominative, with role, organisation and
country from appositions, and every mention (names, surnames, role-only references)."""

from __future__ import annotations

import re

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
from .known_persons import apply_known, merge_same
from .models import parse
from .person_country import (
    NO_STATE,
    PLACE_KINDS,
    international_body,
    native_surname,
    organisation_country,
    outlet_country,
    sentence_country,
    serves_a_state,
    surname_origin,
)
from .person_kin import after_kinship, inherit_relatives, kin_first_name, relative_of
from .person_names import INITIAL, PersonName, is_first_name, normalize_name
from .roles import SpanIndex, head_lemma, role_after, role_before, title_kind

# pymorphy3 tags that mark a capitalised word as a place or an organisation, not a name
NOT_NAME_TAGS = ("Geox", "Orgn", "Trad")
NAME_TAGS = ("Name", "Surn", "Patr")
MAX_PARTICLE_LETTERS = 3
# words for the sides of the world that stand for a state ("Север" for North Korea)
COMPASS_WORDS = frozenset({"север", "юг", "запад", "восток"})
# endings of abstract nouns, never a surname alone ("Невыгодность", "Сотрудничество")
ABSTRACT_ENDINGS = ("ость", "ство", "ние", "ция")
# parts of speech of an adjective used as a noun ("Поднебесная" for China)
ADJECTIVE_POS = frozenset({"ADJF", "PRTF"})
FUNCTION_POS = frozenset(
    {"CONJ", "PRCL", "ADVB", "PREP", "NPRO", "INTJ", "PRED", "VERB", "INFN"}
)


def _tokens_in(sent: Sentence, ent: Entity) -> tuple[int, int] | None:
    idx = [i for i, t in enumerate(sent.tokens) if ent.start <= t.start and t.end <= ent.end]
    return (idx[0], idx[-1]) if idx else None


def _looks_like_place(word: str) -> bool:
    """Is a one-word "name" a place, a common word or a nickname of a state instead?"""
    parses = parse(word)
    if not parses or any(tag in parses[0].tag for tag in NAME_TAGS):
        return False
    if str(parses[0].tag.POS) in FUNCTION_POS:
        return True  # "Так", "Однако" at the start of a sentence
    low = word.lower()
    if low in COMPASS_WORDS or low.endswith(ABSTRACT_ENDINGS):
        return True
    if str(parses[0].tag.POS) in ADJECTIVE_POS and "Surn" not in parses[0].tag:
        return True
    return any(tag in parses[0].tag for tag in NOT_NAME_TAGS)


# hyphens other than "-" inside names ("аль‑Фалих" with a non-breaking one)
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
APOSTROPHES = frozenset("’'")


def name_words(tokens: list[Token]) -> list[str]:
    """The words of a name as written, with an apostrophe between capitals and the letters
    around it one word ("О’Нил" comes tokenised as "О", "’", "Нил"; "Russia's" stays apart)
    and every hyphen a plain one."""
    words: list[str] = []
    prev: Token | None = None
    for tok in tokens:
        text = tok.text.translate(HYPHENS)
        glued = prev is not None and prev.end == tok.start
        if words and glued and (
            (text in APOSTROPHES and words[-1][-1:].isupper()) or (words[-1][-1:] in APOSTROPHES and text[:1].isupper())
        ):
            words[-1] += text
        else:
            words.append(text)
        prev = tok
    return words


def _capitalised(word: str, k: int, n: int) -> bool:
    """Is the ``k``-th of ``n`` name words written as a name part: capitalised, or a
    lower-case particle inside the name ("бен", "аль") or before a hyphen ("ас-Сиси")?"""
    word = word.translate(HYPHENS)
    if word[:1].isupper() or word.split("-")[-1][:1].isupper():
        return True
    return 0 < k < n - 1 and len(word) <= MAX_PARTICLE_LETTERS


def _name_tokens(tokens: list[Token], index: SpanIndex) -> list[Token]:
    """The name words of a PERSON entity, with leading titles cut off; [] if it is no name."""
    # titles and known organisations ("Мажилиса") the tagger took into the name
    while tokens and (head_lemma(tokens[0].text) or organisation_country([tokens[0].text])):
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


Named = tuple[Sentence, int, list[Token]]  # a name's sentence, its first token's index, its words


def _named_tokens(doc: Doc, index: SpanIndex) -> list[Named]:
    """The name words of each PERSON entity, with its sentence."""
    persons = sorted((e for e in doc.entities if e.type == "PERSON"), key=lambda e: e.start)
    out: list[Named] = []
    k = 0
    for sent in doc.sentences:
        while k < len(persons) and persons[k].start < sent.end:
            where = _tokens_in(sent, persons[k])
            k += 1
            if where is not None:
                span = sent.tokens[where[0] : where[1] + 1]
                tokens = _name_tokens(span, index)  # the span less the titles before the name
                if tokens:
                    out.append((sent, where[0] + len(span) - len(tokens), tokens))
    return out


def _split_run_on(found: list[Named]) -> list[Named]:
    """A name of three or more words whose last word is the surname of another person of the
    text ("премьер-министром Паоло Джентилони Трамп подтвердил", Дональд Трамп named
    elsewhere) is that name and the other person's surname: the tagger ran them together.
    So is a name whose first word is another person's surname in an oblique case ("по итогам
    переговоров с Лавровым Ле Дриан заявил", Сергей Лавров named elsewhere)."""
    if all(len(tokens) < 2 for _, _, tokens in found):
        return found
    full = {(n.first, n.last) for _, _, tokens in found
            if len(tokens) == 2 and (n := normalize_name([t.text for t in tokens])).first}  # fmt: skip
    out = []
    for sent, first, tokens in found:
        words = [t.text for t in tokens]
        if after_kinship(sent, first):
            out.append((sent, first, tokens))  # "с супругой Мэри Кей Хантсман": one family name
            continue
        if len(words) >= 2 and _oblique_surname(words[0], words[1:], full):
            out += [(sent, first, tokens[:1]), (sent, first + 1, tokens[1:])]
            continue
        if len(words) >= 3 and all(w[:1].isalpha() and not INITIAL.match(w) for w in words):
            whole = normalize_name(words)
            if not whole.patronymic and any(
                s == whole.last and f not in whole.first.split() for f, s in full
            ):
                out += [(sent, first, tokens[:-1]), (sent, first + len(tokens) - 1, tokens[-1:])]
                continue
        out.append((sent, first, tokens))
    return out


def _oblique_surname(word: str, rest: list[str], full: set[tuple[str, str]]) -> bool:
    """``word`` is the surname of a person named in full elsewhere, in a case other than the
    nominative ("Лавровым"), before the words of another name."""
    if not word[:1].isupper() or INITIAL.match(word):
        return False
    alone = normalize_name([word])
    if alone.last == word or not any(s == alone.last for _, s in full):
        return False
    firsts = {part.lower() for f, s in full if s == alone.last for part in f.split()}
    return not any(
        w.lower() in firsts or {p.normal_form for p in parse(w)} & firsts for w in rest
    )  # "Лаврова Сергея": the same person, surname first


def name_mentions(doc: Doc, index: SpanIndex) -> list[NameMention]:
    mentions: list[NameMention] = []
    for sent, first, tokens in _split_run_on(_named_tokens(doc, index)):
        words = name_words(tokens)
        name = normalize_name(words)
        if not name.last:
            continue
        relative = relative_of(mentions, sent, first, words)
        if relative is not None:
            # "Сергея Скрипаля и его дочь Юлию": her first name, his surname
            words = [words[0], relative.name.last]
            name = PersonName(first=kin_first_name(sent, first, words[0]), last=relative.name.last)
        # "с супругой Мэри Кей Хантсман": a relative named in full, after the family member
        kin = relative is not None or (
            after_kinship(sent, first)
            and any(m.name.last == name.last and m.start >= sent.start for m in mentions)
        )
        last = first + len(tokens) - 1
        role = role_before(doc, sent.tokens, first, index) or role_after(doc, sent.tokens, last, index)
        surname = next((w for w in reversed(words) if w[:1].isalpha()), "")
        mentions.append(
            NameMention(tokens[0].start, tokens[-1].end, surname, name, role, kin)
        )
    return mentions


@stage("persons", requires=("entities", "country_mentions", "sentences"), provides=("persons",))
def persons(doc: Doc) -> Doc:
    index = SpanIndex(doc.country_mentions, doc.entities)
    clusters = group_mentions(name_mentions(doc, index))
    signed = _bylines(doc, clusters)
    clusters = [c for c in clusters if id(c) not in signed]
    resolve_counterparts(doc, clusters)
    link_role_references(doc, clusters, index)
    doc.persons = to_persons(doc, clusters)
    outlet = outlet_country(doc)
    named = {m.code for m in doc.country_mentions}
    if outlet and outlet not in named and len(named) >= 2:
        outlet = None  # a Russian paper on Germany and Greece alone: its officials are not Russian
    for person, cluster in zip(doc.persons, clusters, strict=True):
        if apply_known(person, cluster.name, [m.word for m in cluster.mentions]):
            continue
        if person.country is None:
            person.country = _fallback_country(doc, cluster, person.role, outlet, named)
    inherit_relatives(doc.persons, clusters)
    # one word and no title ("Бисмарк", "Мун", "Север"): too little to tell who, if anyone,
    # it is; a titled one stands ("король Виллем-Александр")
    doc.persons = [p for p in merge_same(doc.persons) if p.role or " " in p.name.strip()]
    return doc


def _bylines(doc: Doc, clusters: list[Cluster]) -> set[int]:
    """Clusters that are only the authors' signature: the first or the last line of the
    text holds nothing but names with no role ("Илья Иванов, Анна Петрова"), and the
    person is named nowhere else."""
    text = doc.text.rstrip()
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    found: set[int] = set()
    for start, end in lines[:1] + lines[-1:] if len(lines) > 1 else []:
        inside = [(c, m) for c in clusters for m in c.mentions if start <= m.start and m.end <= end]
        rest = text[start:end]
        for _, m in sorted(inside, key=lambda cm: -cm[1].start):
            rest = rest[: m.start - start] + rest[m.end - start :]
        if not inside or not BYLINE_GLUE.fullmatch(rest):
            continue
        for c, _ in inside:
            if not any(m.role for m in c.mentions) and all(
                start <= m.start and m.end <= end for m in c.mentions
            ):
                found.add(id(c))
    return found


# what a by-line holds between its names
BYLINE_GLUE = re.compile(r"[\s,]*((и|,)[\s,]*)*")


def _words(doc: Doc, start: int, end: int) -> list[str]:
    sent = doc.sentence_at(start)
    return [t.text for t in sent.tokens if start <= t.start and t.end <= end] if sent else []


def _fallback_country(
    doc: Doc, cluster: Cluster, role: str | None, outlet: str | None, named: set[str]
) -> str | None:
    """The country of a person whose role phrases name none: none for the staff of an
    international body; the organisation in a role phrase; else, for a person with no title
    or an expert or journalist whose name is of the outlet's own people, the outlet's country
    (the one he speaks to, not the one he speaks about); else (for an official) the country
    nearest a role mention in its sentence, else the outlet's country for a native name."""
    mentions = sorted(cluster.mentions, key=lambda m: (m.role is None, m.start))
    phrases = [_words(doc, m.role.start, m.role.end) for m in mentions if m.role]
    if any(international_body(words) for words in phrases):
        return None
    for words in phrases:
        if code := organisation_country(words):
            return None if code == NO_STATE else code
    origin = surname_origin(cluster.name.display, named)  # ``named``: the countries the text names
    if not role:
        return origin or (outlet if _outlets_own(cluster, outlet) else None)
    kinds = {title_kind(words) for words in phrases}
    if kinds & {"commentator", "private"}:
        for m in mentions:
            if m.role and (code := _adjective_before(doc, m.role.start)):
                return code
        if "private" in kinds:
            return None
        return origin or (outlet if _outlets_own(cluster, outlet) else None)
    for m in mentions:
        sent = doc.sentence_at(m.start)
        start = min(m.start, m.role.start) if m.role else m.start
        if sent and (code := sentence_country(doc, sent, start)):
            return code
    if origin:
        return origin  # "вице-премьер Георгий Барамидзе" in an article naming Georgia
    if not outlet or not native_surname(cluster.name.last, outlet):
        return None  # "экс-директор Shell Йерун ван дер Вир": not the outlet's own
    return outlet if all(serves_a_state(w) for w in phrases) else None


def _outlets_own(cluster: Cluster, outlet: str | None) -> bool:
    """A name of the outlet's own people: a first name the dictionary knows and a native
    surname ("Андрей Кошкин" in a Russian paper, not "Адриан Ялланд")."""
    first = cluster.name.first.split()
    return bool(outlet and first and is_first_name(first[0])) and native_surname(
        cluster.name.last, outlet or ""
    )


def _adjective_before(doc: Doc, offset: int) -> str | None:
    """The country of the nearest country adjective before ``offset`` in its sentence with
    no verb between ("украинский политолог и экономист", "английских экспертов — ...
    профессора права"): who an expert is, not what he talks about."""
    sent = doc.sentence_at(offset)
    if sent is None:
        return None
    before = [
        c
        for c in doc.country_mentions
        if sent.start <= c.start and c.end <= offset and c.kind not in PLACE_KINDS
    ]
    if not before:
        return None
    last = max(before, key=lambda c: c.start)
    between = [t for t in sent.tokens if last.end <= t.start and t.end <= offset]
    if last.kind != "adjective" or any(_is_verb(t.text) for t in between):
        return None
    return last.code


def _is_verb(word: str) -> bool:
    parses = parse(word)
    return bool(parses) and str(parses[0].tag.POS) in ("VERB", "GRND", "PRTS")


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
