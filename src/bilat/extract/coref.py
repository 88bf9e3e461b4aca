"""In-document coreference of person mentions: full names, surnames alone, initials,
and role-only references ("Глава государства", "президент Сербии")."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..doc import Doc, Person, Token
from .person_names import FIRST, LAST, PersonName, _part_candidates, reads_as_patronymic
from .roles import RolePhrase, SpanIndex, canonical_title, head_lemma, role_aliases

# titles held by one person per country at a time: a bare "президент" can be resolved
UNIQUE_TITLE_ORDER = ("президент", "премьер-министр", "канцлер", "король", "премьер")
UNIQUE_TITLES = frozenset(UNIQUE_TITLE_ORDER)
# words that name a country's leader whatever his title ("российский лидер")
LEADER_TITLES = frozenset({"лидер"})
# how many words after a title may name its country or office ("президент Сербии")
ROLE_REFERENCE_TAIL = 3


@dataclass(slots=True)
class NameMention:
    start: int
    end: int
    word: str  # the surname as written
    name: PersonName
    role: RolePhrase | None = None
    relative: bool = False  # named as a relative of another person ("его дочери Юлии")


@dataclass(slots=True)
class Cluster:
    name: PersonName
    mentions: list[NameMention] = field(default_factory=list)
    extra: list[tuple[int, int]] = field(default_factory=list)  # role-only references


def _surname_forms(word: str) -> set[str]:
    return {form for form, _ in _part_candidates(word.split("-")[-1], LAST).values()}


def _matches(cluster: Cluster, mention: NameMention) -> bool:
    last = cluster.name.last.lower()
    if mention.name.last.lower() != last and last.split("-")[-1] not in _surname_forms(
        mention.word
    ):
        return False
    if mention.name.first:
        return mention.name.first.lower() == cluster.name.first.lower()
    if mention.name.initials and cluster.name.first:
        return cluster.name.first[:1] == mention.name.initials[:1]
    return True


def group_mentions(mentions: list[NameMention]) -> list[Cluster]:
    """Full names first, then first names with a patronymic, then surnames and initials join
    the nearest matching person."""
    clusters: list[Cluster] = []
    for m in sorted(mentions, key=_grouping_order):
        candidates = [c for c in clusters if _matches(c, m)]
        if not candidates and not m.name.first:
            # "Иванка станет глазами и ушами Трампа": the first name of one person named in full
            owners = [c for c in clusters if _first_name_of(c, m.word)]
            candidates = owners if len(owners) == 1 else []
        elif not candidates and m.role is None and reads_as_patronymic(m.name.last):
            # "Александр Григорьевич" (first name and patronymic): the one person of that first
            # name named in full before
            owners = [
                c for c in clusters
                if c.name.first == m.name.first and not reads_as_patronymic(c.name.last)
                and min(x.start for x in c.mentions) < m.start  # named in full before
            ]
            candidates = owners if len(owners) == 1 else []
        if not candidates:
            clusters.append(Cluster(m.name, [m]))
            continue

        def distance(c: Cluster, start: int = m.start) -> tuple[bool, int]:
            before = [x.start for x in c.mentions if x.start <= start]
            return (not before, start - max(before) if before else 0)

        min(candidates, key=distance).mentions.append(m)
    return clusters


def _grouping_order(m: NameMention) -> tuple[int, int]:
    """Full names first, then first names with a patronymic, then surnames and initials."""
    if not m.name.first:
        return (2, m.start)
    return (1 if reads_as_patronymic(m.name.last) else 0, m.start)


def _first_name_of(cluster: Cluster, word: str) -> bool:
    """``word`` is a form of the one-word first name of a person named in full."""
    first = cluster.name.first
    if not first or " " in first or not cluster.name.last:
        return False
    return first.lower() in _first_name_forms(word)


def _first_name_forms(word: str) -> set[str]:
    return {word.lower()} | {form.lower() for form, _ in _part_candidates(word, FIRST).values()}


def attributes(cluster: Cluster) -> tuple[str | None, str | None, str | None]:
    roles = [m.role for m in sorted(cluster.mentions, key=lambda m: m.start) if m.role]
    role = next((r.role for r in roles if r.role), None)
    org = next((r.organization for r in roles if r.organization), None)
    country = next((r.country for r in roles if r.country), None)
    return role, org, country


def to_persons(doc: Doc, clusters: list[Cluster]) -> list[Person]:
    persons = []
    for c in clusters:
        role, org, country = attributes(c)
        spans = {(m.start, m.end) for m in c.mentions} | set(c.extra)
        name = c.name
        persons.append(
            Person(
                name=name.display,
                first=name.first,
                last=name.last,
                patronymic=name.patronymic,
                role=role,
                organization=org,
                country=country,
                mentions=[doc.span(s, e) for s, e in sorted(spans)],
            )
        )
    return persons


def _reference_at(
    toks: list[Token], i: int, index: SpanIndex
) -> tuple[str, str | None, int, int] | None:
    """(title, country, start, end) of a role-only reference whose title word is
    ``toks[i]``: "президент Сербии", "глава МИД", "турецкий президент", "глава
    узбекского государства". None when the title is too vague to name one person."""
    tok = toks[i]
    country, start, end, words = None, tok.start, tok.end, [tok.text.lower()]
    if i > 0 and (before := index.country_at(toks[i - 1])) and before.kind == "adjective":
        country, start = before.code, toks[i - 1].start
    for t in toks[i + 1 : i + 1 + ROLE_REFERENCE_TAIL]:
        mention = index.country_at(t)
        if mention and mention.kind != "organisation":
            country, end = mention.code, t.end
            if mention.kind == "adjective":
                continue
            break
        if mention and (mention.start, mention.end) != (t.start, t.end):
            country = mention.code  # "МИД России"; a bare "МИД" only guesses its country
        if not t.text.isalpha() or not (t.text.islower() or (t.text.isupper() and len(t.text) > 1)):
            break
        words.append(t.text.lower())
    phrase = " ".join(words)
    alias = next((a for a in role_aliases() if phrase.startswith(a)), None)
    if alias:  # "глава государства", "глава мид"
        tail = toks[i : i + 1 + ROLE_REFERENCE_TAIL]
        last = [t for t in tail if t.text.lower() in alias.split()][-1]
        return canonical_title(phrase), country, start, max(end, last.end)
    title = canonical_title(words[0])
    if country is None and title not in UNIQUE_TITLES:
        return None
    return title, country, start, end


def _holds(holder_title: str, title: str) -> bool:
    """Does a person with role ``holder_title`` answer a reference by ``title``?"""
    if title in LEADER_TITLES:
        return holder_title in UNIQUE_TITLES
    return holder_title == title


def link_role_references(doc: Doc, clusters: list[Cluster], index: SpanIndex) -> None:
    """Attach "Глава государства", "президент Сербии", "турецкий лидер" and the like to
    the person who holds that title in the document (the nearest one before, when several
    do)."""
    holders = []
    covered: list[tuple[int, int]] = []
    for c in clusters:
        role, _, country = attributes(c)
        if role:
            holders.append((canonical_title(role), country, c))
        for m in c.mentions:
            covered.append(
                (m.role.start if m.role else m.start, max(m.end, m.role.end if m.role else 0))
            )
    if not holders:
        return
    for sent in doc.sentences:
        toks = sent.tokens
        for i, tok in enumerate(toks):
            if not head_lemma(tok.text) or any(s <= tok.start < e for s, e in covered):
                continue
            ref = _reference_at(toks, i, index)
            if ref is None:
                continue
            title, country, start, end = ref
            found = [
                c
                for t, ctry, c in holders
                if _holds(t, title) and (country is None or ctry == country)
            ]
            if title in LEADER_TITLES and len({id(c) for c in found}) > 1:
                # "российский лидер": the head of state before the head of government
                found = [c for t, _, c in holders if c in found and t == UNIQUE_TITLE_ORDER[0]] or found
            if not found:
                continue
            if len({id(c) for c in found}) > 1:
                before = [
                    (max(m.start for m in c.mentions if m.start < tok.start), c)
                    for c in found
                    if any(m.start < tok.start for m in c.mentions)
                ]
                if not before:
                    continue
                found = [max(before, key=lambda x: x[0])[1]]
            found[0].extra.append((start, end))
