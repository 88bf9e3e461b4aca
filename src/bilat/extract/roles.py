"""Role appositions next to a person's name: "президент Сербии Александр Вучич",
"Сергей Лавров, министр иностранных дел РФ".

A role phrase starts at a title from ``data/roles.txt`` and runs up to the name (or, after
the name, up to the next comma or stop word). Its role text is put in the nominative
and lower case; a country mention that ends it gives the country and is cut off; an
ORGANIZATION entity inside it gives the organisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from ..datafiles import read_text
from ..doc import CountryMention, Doc, Entity, Token
from .folding import WORD_CACHE_SIZE
from .models import parse
from .person_country import NO_STATE, organisation_country

# prepositions allowed inside a role phrase ("посол России в Сербии", "комитет по бюджету")
PREPOSITIONS = frozenset({"по", "при", "в", "на", "для", "с"})
# words allowed inside a role phrase besides nouns and adjectives
INNER_WORDS = frozenset({"и", "и.о.", "врио", *PREPOSITIONS})
QUOTES = frozenset('«»"')
# brackets around an abbreviation inside a role phrase ("Секретариата оборонной промышленности (SSM)")
BRACKETS = frozenset("()")
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
DASHES = frozenset({"–", "—", "-"})
STOP_POS = frozenset({"VERB", "INFN", "GRND", "PRTS", "NPRO", "ADVB", "NUMR", "PRCL", "INTJ"})
MAX_PHRASE_TOKENS = 14
PREFIXES = ("экс-", "вице-")


@cache
def role_kinds() -> dict[str, str]:
    """Every title of ``data/roles.txt`` with its kind ("" for an official's title)."""
    text = read_text("roles.txt")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {row[0].strip(): (row[1].strip() if len(row) > 1 else "") for row in rows}


@cache
def role_heads() -> frozenset[str]:
    return frozenset(role_kinds())


def title_kind(words: list[str]) -> str | None:
    """The kind of the first title among ``words`` ("" for an official's), None if none."""
    for word in words:
        if (head := head_lemma(word)) is not None:
            return role_kinds().get(head, "")
    return None


@cache
def role_aliases() -> dict[str, str]:
    text = read_text("role_aliases.tsv")
    pairs = (line.split("\t") for line in text.splitlines() if "\t" in line)
    return {alias.strip(): title.strip() for alias, title in pairs}


@lru_cache(maxsize=WORD_CACHE_SIZE)
def head_lemma(word: str) -> str | None:
    """The title ``word`` is a form of ("министром" -> "министр"), or None."""
    low = word.lower()
    heads = role_heads()
    if low in heads:
        return low
    parses = parse(word)
    if parses and parses[0].tag.POS == "NOUN" and parses[0].normal_form in heads:
        return parses[0].normal_form
    for prefix in PREFIXES:
        if low.startswith(prefix) and head_lemma(low[len(prefix) :]):
            return low
    return None


@dataclass(slots=True)
class RolePhrase:
    start: int
    end: int
    role: str
    organization: str | None
    country: str | None


class SpanIndex:
    """Which tokens lie inside a country mention or a named entity."""

    def __init__(self, countries: list[CountryMention], entities: list[Entity]) -> None:
        self.countries = sorted(countries, key=lambda c: c.start)
        self.orgs = [e for e in entities if e.type in ("ORGANIZATION", "LOCATION")]

    def country_at(self, tok: Token) -> CountryMention | None:
        for c in self.countries:
            if c.start <= tok.start and tok.end <= c.end:
                return c
        return None

    def org_at(self, tok: Token) -> Entity | None:
        for e in self.orgs:
            if e.start <= tok.start and tok.end <= e.end:
                return e
        return None


def _inner(tok: Token, index: SpanIndex) -> bool:
    """May ``tok`` stand inside a role phrase?"""
    text = tok.text
    if index.country_at(tok) or index.org_at(tok) or head_lemma(text):
        return True
    if text in DASHES or text in INNER_WORDS:
        return True
    if not text.isalpha() and not text.replace("-", "").isalpha():
        return text in QUOTES or text in BRACKETS
    if text.isupper() and len(text) > 1:
        return True  # abbreviations: МИД, РК, ООН
    best = parse(text)[0]
    if not text.islower():
        # a capitalised genitive noun or adjective names an office ("Департамента", "Кабинета")
        return best.tag.case == "gent" and best.tag.POS in ("NOUN", "ADJF") and not (
            NAME_GRAMMEMES & best.tag.grammemes
        )
    pos = str(best.tag.POS or "")
    return pos not in STOP_POS and pos not in ("PREP", "CONJ")


def _starts_new_phrase(tokens: list[Token], i: int) -> bool:
    """Is the title at ``tokens[i]`` the head of a new role phrase rather than a genitive
    modifier of the title before it? "переговоров и награждения президент": the phrase
    before "президент" is no part of its role; "заместитель председателя": it is."""
    if i == 0 or tokens[i - 1].text in DASHES or tokens[i - 1].text == ",":
        return False
    if tokens[i - 1].text.lower() in PREPOSITIONS:
        return False  # "советник при президенте"
    cases = {p.tag.case for p in parse(tokens[i].text)[:2] if p.tag.POS == "NOUN"}
    return bool(cases) and "gent" not in cases


def _nominative(tokens: list[Token]) -> str:
    """The phrase with the title of each dash- or comma-separated part in the nominative."""
    words: list[str] = []
    seen_head = False
    for tok in tokens:
        if tok.text in DASHES or tok.text == ",":
            seen_head = False
            words.append(tok.text)
            continue
        word = tok.text
        if not seen_head and head_lemma(word):
            seen_head = True
            word = _inflect(word, "NOUN")
            # adjectives right before the title agree with it ("первым заместителем")
            j = len(words) - 1
            while j >= 0 and tokens[j].text not in DASHES and tokens[j].text != ",":
                words[j] = _inflect(words[j], "ADJF")
                j -= 1
        words.append(word)
    words = [w if w.isupper() and len(w) > 1 else w.lower() for w in words]
    text = ""
    for word in words:
        text += word if not text or word == "," else " " + word
    # "глава нашего государства" names the office: the title is what the role is
    plain = " ".join(w for w in text.split() if not _is_pronoun(w))
    alias = role_aliases().get(plain)
    return alias or text


def _is_pronoun(word: str) -> bool:
    parses = parse(word)
    return bool(parses) and "Apro" in parses[0].tag


def _inflect(word: str, pos: str) -> str:
    for p in parse(word):
        if p.tag.POS == pos and p.tag.case:
            form = p.inflect({"nomn", "sing"})
            if form is None:
                return word
            if word[:1].isupper():
                return form.word[:1].upper() + form.word[1:]
            return form.word
    return word


# words that make a state's name, stripped with it ("Кыргызской Республики")
STATE_WORDS = frozenset({"республика", "федерация", "королевство", "штат", "эмират", "союз"})


def _country_word(tok: Token, index: SpanIndex, after: Token | None = None) -> bool:
    """Is ``tok`` a country name ("РК", "Сербии"), also the country part of an
    organisation mention ("правительства Сербии", "МИД России")? ``after`` is the
    token that follows, when it was found to be one."""
    mention = index.country_at(tok)
    if mention is None:
        return False
    if mention.kind != "organisation":
        return True
    if tok.start == mention.start or not tok.text[:1].isupper():
        return False
    best = parse(tok.text)[0] if parse(tok.text) else None
    if best is None:
        return False
    if "Geox" in best.tag or best.normal_form in STATE_WORDS or tok.text.isupper():
        return True
    return best.tag.POS == "ADJF" and after is not None


def _country_adjective(tok: Token, index: SpanIndex) -> bool:
    mention = index.country_at(tok)
    return mention is not None and mention.kind == "adjective" and tok.text[1:].islower()


def _phrase_country(tokens: list[Token], index: SpanIndex) -> str | None:
    """The country a role phrase gives its holder: its first country mention, except one
    after a preposition (where he serves or what he knows: "посол США в России", "эксперт
    по Франции"), one inside quotes (a name: "ассоциация «Ломбардия — Россия»"), and a
    plural adjective ("Центра японских исследований ... РАН"), which only counts when no
    organisation of the phrase names a country."""
    weak = None
    depth = 0
    skipped: set[int] = set()
    for k, tok in enumerate(tokens):
        if tok.text == "«":
            depth += 1
        elif tok.text == "»":
            depth = max(0, depth - 1)
        mention = index.country_at(tok)
        if mention is None or id(mention) in skipped:
            continue
        if (
            depth
            or (k > 0 and tokens[k - 1].text.lower() in PREPOSITIONS)
            or organisation_country([t.text for t in tokens[k:]], at_start=True) == NO_STATE
        ):
            skipped.add(id(mention))
            continue
        if mention.kind == "adjective" and _plural_adjective(tok.text):
            weak = weak or mention.code
            continue
        return mention.code
    if weak is None:
        return None
    code = organisation_country([t.text for t in tokens])
    return code if code and code != NO_STATE else weak


def _plural_adjective(word: str) -> bool:
    parses = parse(word)
    return bool(parses) and parses[0].tag.POS == "ADJF" and parses[0].tag.number == "plur"


def _phrase(doc: Doc, tokens: list[Token], index: SpanIndex) -> RolePhrase | None:
    """Role, organisation and country of ``tokens`` (starting at a title)."""
    while tokens and (tokens[-1].text in DASHES or tokens[-1].text in ",(«"):
        tokens = tokens[:-1]
    country = _phrase_country(tokens, index)
    core: list[Token] = []
    for i, tok in enumerate(tokens):
        # a country word ending a dash- or comma-separated part is dropped
        rest = tokens[i + 1 :]
        nxt = next((t for t in rest if not _country_word(t, index)), None)
        after = rest[0] if rest and _country_word(rest[0], index) else None
        if _country_word(tok, index, after) and (
            nxt is None or nxt.text in DASHES or nxt.text == ","
        ):
            continue
        if _country_adjective(tok, index):
            continue  # "турецкий президент", "глава узбекского государства": the country
        core.append(tok)
    while core and (
        core[-1].text in DASHES or core[-1].text in ",(«" or core[-1].text in INNER_WORDS
    ):
        core.pop()
    if not core:
        return None
    org = next((index.org_at(t) for t in core if index.org_at(t)), None)
    organization = (org.normal or org.text) if org and org.type == "ORGANIZATION" else None
    return RolePhrase(tokens[0].start, tokens[-1].end, _nominative(core), organization, country)


def role_before(
    doc: Doc, sent_tokens: list[Token], first: int, index: SpanIndex
) -> RolePhrase | None:
    """The role phrase ending right before the name that starts at token ``first``."""
    earliest = None
    i = first - 1
    while i >= 0 and first - i <= MAX_PHRASE_TOKENS:
        tok = sent_tokens[i]
        if tok.text == ",":
            # "заместитель председателя правительства, министр внутренних дел"
            if earliest is None or earliest != i + 1:
                break
        elif not _inner(tok, index):
            break
        if head_lemma(tok.text):
            earliest = i
        i -= 1
    if earliest is None:
        return None
    # the phrase restarts at a later title that is not a genitive modifier of the one before
    for j in range(first - 1, earliest, -1):
        if head_lemma(sent_tokens[j].text) and _starts_new_phrase(sent_tokens, j):
            earliest = j
            break
    while earliest < first and sent_tokens[earliest].text.lower() in PREPOSITIONS:
        earliest += 1
    # adjectives before the title belong to it ("Официальный представитель")
    while (
        earliest > 0
        and _is_adjective(sent_tokens[earliest - 1].text)
        and not _is_pronoun(sent_tokens[earliest - 1].text)
    ):
        earliest -= 1
    return _phrase(doc, sent_tokens[earliest:first], index)


def _is_adjective(word: str) -> bool:
    parses = parse(word)
    return bool(parses) and parses[0].tag.POS == "ADJF" and word[1:].islower()


def role_after(
    doc: Doc, sent_tokens: list[Token], last: int, index: SpanIndex
) -> RolePhrase | None:
    """The role phrase after ", " or " – " following the name that ends at token ``last``."""
    i = last + 1
    if i >= len(sent_tokens) or sent_tokens[i].text not in {",", *DASHES}:
        return None
    i += 1
    start = i
    # an adjective or two may come before the title ("первый вице-премьер")
    while i < len(sent_tokens) and i - start < 3 and not head_lemma(sent_tokens[i].text):
        if not _is_adjective(sent_tokens[i].text) or _is_pronoun(sent_tokens[i].text):
            return None
        i += 1
    if i >= len(sent_tokens) or not head_lemma(sent_tokens[i].text):
        return None
    end = i + 1
    while end < len(sent_tokens) and end - start < MAX_PHRASE_TOKENS:
        tok = sent_tokens[end]
        if tok.text in (",", ".") or tok.text in DASHES or not _inner(tok, index):
            break
        end += 1
    return _phrase(doc, sent_tokens[start:end], index)


def canonical_title(role: str) -> str:
    """What a role phrase is compared by in coreference: an alias's title, or its first
    dash- or comma-separated part."""
    low = role.lower()
    for alias, title in role_aliases().items():
        if low.startswith(alias):
            return title
    return low.replace("—", "–").split("–")[0].split(",")[0].strip()
