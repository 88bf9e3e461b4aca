"""The country a person serves when no apposition names it.

In order: the country of an organisation in the person's role phrase ("генеральный директор
Росатома", "депутат Госдумы": ``data/organisation_countries.tsv``); the country named nearest
the role mention in its sentence (cities and capitals name where things happen, not whom an
official serves, so they do not count); the outlet's home country
(``data/outlet_countries.tsv``), for anyone with a role outside an international body.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from ..datafiles import read_text
from ..doc import CountryMention, Doc, Sentence
from .models import parse

ORGANISATION_FILE = "organisation_countries.tsv"
# the code of a body in the organisation table that serves no one state (ОПЕК, ДНР)
NO_STATE = "-"
OUTLET_FILE = "outlet_countries.tsv"
NATIVE_SURNAMES_FILE = "native_surnames.tsv"
SURNAME_ORIGINS_FILE = "surname_origins.tsv"
ANY_COUNTRY = "*"
# country mention kinds that name a place where something happens, not a side
PLACE_KINDS = frozenset({"capital", "city"})
# lemmas in a role phrase that name an international body: its staff serve no one state
INTERNATIONAL_LEMMAS = frozenset(
    {
        "международный", "всемирный", "европейский", "евразийский", "оон", "нато", "ес",
        "евросоюз", "еврокомиссия", "европарламент", "вто", "мвф", "шос", "брикс", "еаэс",
        "снг", "одкб", "оэср", "опек", "обсе", "магатэ", "юнеско", "воз", "ввб",
    }
)


@cache
def _forms(word: str) -> frozenset[str]:
    """What ``word`` may stand for: itself and every lemma pymorphy3 gives it, in lower case,
    and the capitals of an abbreviation with a case ending ("МЭРТа" -> "мэрт")."""
    low = word.lower().replace("ё", "е")
    forms = {low} | {p.normal_form.replace("ё", "е") for p in parse(word)}
    caps = len(word) - len(word.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"))
    if caps >= 2 and word[caps:].islower():
        forms.add(low[:caps])
    return frozenset(forms)


def _lemmas(words: list[str]) -> list[frozenset[str]]:
    return [_forms(w) for w in words if w[:1].isalnum()]


def _data_rows(name: str) -> list[tuple[str, str]]:
    text = read_text(name)
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return [(key.strip(), code.strip()) for key, code in rows]


@cache
def organisation_countries() -> list[tuple[tuple[str, ...], str]]:
    """(words of an organisation's name in lower case, its country), longest names first."""
    rows = [(tuple(w.lower().replace("ё", "е") for w in key.split()), code)
            for key, code in _data_rows(ORGANISATION_FILE)]
    return sorted(rows, key=lambda row: -len(row[0]))


@cache
def outlet_countries() -> dict[str, str]:
    return {key.lower(): code for key, code in _data_rows(OUTLET_FILE)}


@cache
def _organisations_by_first_form() -> dict[str, tuple[int, ...]]:
    """Row numbers of :func:`organisation_countries` by every form of their first word."""
    index: dict[str, list[int]] = {}
    for row, (key, _) in enumerate(organisation_countries()):
        for form in _forms(key[0]):
            index.setdefault(form, []).append(row)
    return {form: tuple(rows) for form, rows in index.items()}


def organisation_country(words: list[str], *, at_start: bool = False) -> str | None:
    """The country of the first organisation of the table named in ``words`` (a table word
    matches a text word when the two share a form); with ``at_start``, only one that
    ``words`` start with."""
    forms = _lemmas(words)
    table, index = organisation_countries(), _organisations_by_first_form()
    for i in range(1 if at_start else len(forms)):
        rows = sorted({row for form in forms[i] for row in index.get(form, ())})
        for key, code in (table[row] for row in rows):
            if i + len(key) <= len(forms) and all(
                _forms(k) & f for k, f in zip(key, forms[i : i + len(key)], strict=True)
            ):
                return code
    return None


@cache
def _native_endings() -> dict[str, tuple[str, ...]]:
    return {
        code: tuple(e.replace("ё", "е") for e in endings.split())
        for code, endings in _data_rows(NATIVE_SURNAMES_FILE)
    }


def native_surname(last: str, outlet: str) -> bool:
    """Does the surname look like one of the outlet's own people's ("Кистанов", "Охрименко"),
    so that the outlet's country may stand for the person's when nothing else tells?"""
    table = _native_endings()
    endings = table.get(outlet) or table.get(ANY_COUNTRY, ())
    word = last.split()[-1].lower().replace("ё", "е") if last else ""
    if not word or "-" in word:
        return False
    return word.endswith(endings)


@cache
def _origin_endings() -> list[tuple[frozenset[str], tuple[str, ...]]]:
    return [
        (frozenset(codes.split()), tuple(endings.split()))
        for codes, endings in _data_rows(SURNAME_ORIGINS_FILE)
    ]


def surname_origin(full_name: str, named: set[str]) -> str | None:
    """The one country among ``named`` (the countries an article names) that the surname's
    ending points to ("Бакрадзе": Georgia; "аль-Харири": an Arab state), the longest ending
    deciding ("Папакис": "-акис", Greek, before "-ис", also Baltic), else None."""
    words = [w.lower().replace("ё", "е") for w in full_name.split()]
    if not words:
        return None
    hits: list[tuple[int, frozenset[str]]] = []
    for codes, endings in _origin_endings():
        for ending in endings:
            if ending.endswith("-"):
                hit = any(w.startswith(ending) for w in words)
            else:
                hit = "-" not in words[-1] and words[-1].endswith(ending)
            if hit and codes & named:
                hits.append((len(ending), codes & named))
    if not hits:
        return None
    found = max(hits, key=lambda h: h[0])[1]
    return next(iter(found)) if len(found) == 1 else None


def outlet_country(doc: Doc) -> str | None:
    """The home country of the outlet: from the url's host, else from the source name."""
    names = []
    if doc.url:
        names.append(urlsplit(doc.url if "//" in doc.url else "//" + doc.url).hostname or "")
    if doc.source:
        names.append(doc.source.strip().lower())
    table = outlet_countries()
    for name in names:
        name = name.removeprefix("www.")
        keys = [k for k in table if name == k.lstrip(".") or name.endswith(k if k[0] == "." else "." + k)]
        keys += [k for k in table if k[0] != "." and "." not in k and k in name]
        if keys:
            return table[max(keys, key=len)]
    return None


# adjectives that name an international body only as the capitalised start of its name
# ("Международного валютного фонда"), a field in lower case ("департамента международных
# финансовых отношений")
INTERNATIONAL_ADJECTIVES = frozenset({"международный", "всемирный", "европейский", "евразийский"})


def serves_a_state(words: list[str]) -> bool:
    """Does a role phrase of ``words`` leave its holder to one state's side, unlike the
    staff of an international body ("представитель Международного агентства")?"""
    items = [w for w in words if w[:1].isalnum()]
    for k, word in enumerate(items):
        found = INTERNATIONAL_LEMMAS & _forms(word)
        if not found:
            continue
        if word[:1].isupper() or not found <= INTERNATIONAL_ADJECTIVES:
            return False
        noun = next((w for w in items[k + 1 :] if _pos(w) == "NOUN"), "")
        if not (noun and _forms(noun) & FIELD_NOUNS):
            return False
    return True


# nouns that make an international adjective a field ("международных финансовых отношений")
FIELD_NOUNS = frozenset(
    {"отношение", "дело", "связь", "сотрудничество", "право", "политика", "вопрос", "торговля",
     "проект", "программа", "информация", "журналистика", "безопасность", "исследование",
     "интеграция", "экономика", "история", "культура"}
)


def _pos(word: str) -> str:
    parses = parse(word)
    return str(parses[0].tag.POS) if parses else ""


# words before which an international adjective names a field, not a body ("комитет по
# международным делам")
FIELD_PREPOSITIONS = frozenset({"по", "за"})


def international_body(words: list[str]) -> bool:
    """Does a role phrase name an international body as its holder's employer ("директор
    Всемирного банка по России", "глава ОПЕК", "председатель Европейского совета"), not as a
    field ("председатель комитета по международным делам", "министр по делам ЕС")?"""
    items = [w for w in words if w[:1].isalnum()]
    cut = next((k for k, w in enumerate(items) if w.lower() in FIELD_PREPOSITIONS), len(items))
    items = items[:cut]
    return organisation_country(items) == NO_STATE or not serves_a_state(items)


def sentence_country(doc: Doc, sent: Sentence, offset: int) -> str | None:
    """The country named nearest before ``offset`` in ``sent`` (else after it), places aside:
    the side an official with no country in the apposition speaks for."""
    inside: list[CountryMention] = [
        c
        for c in doc.country_mentions
        if sent.start <= c.start < sent.end and c.kind not in PLACE_KINDS
    ]
    before = [c for c in inside if c.end <= offset]
    if before:
        return max(before, key=lambda c: c.start).code
    after = [c for c in inside if c.start >= offset]
    return min(after, key=lambda c: c.start).code if after else None
