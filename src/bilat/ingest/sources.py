"""The outlet that published an article: from a cue in the text or the URL's host.

A cue is a reporting verb put after the news and followed by the outlet's name,
"..., передает BAQ.KZ." or "..., сообщает Kazpravda.kz со ссылкой на ..." (phrases in
``data/source_cues_ru.txt``). A press service is a source of news, not an outlet, and a
person's name is never taken for one.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from bilat.extract.models import parse

from ..datafiles import read_text

SOURCE_CUES_FILE = "source_cues_ru.txt"
CUE_KINDS = ("verb", "outlet", "link")
# cues are looked for in the opening of the text only (the lead and first paragraphs)
SOURCE_CUE_WINDOW = 1500
# morphological tags marking a word as part of a person's name
PERSON_NAME_TAGS = ("Name", "Surn", "Patr")
# endings of Russian and Central Asian surnames, which the morphology may not know
SURNAME_ENDING = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ина|ына|ский|ская|цкий|цкая|ич|енко|ук|юк|ян|дзе|швили|улы|кызы)$"
)

_QUOTED = r"«[^«»\n]{1,60}»|\"[^\"\n]{1,60}\""
_DOMAIN = r"[A-Za-zА-Яа-яЁё0-9][\w-]*(?:\.[\w-]+)*\.[A-Za-zА-Яа-я]{2,6}"
_CAPITALISED = r"[A-ZА-ЯЁ][\w-]*(?:\s[A-ZА-ЯЁ][\w-]*){0,3}"
_HOST_PREFIXES = ("www.",)


@cache
def source_cues() -> dict[str, tuple[str, ...]]:
    """Phrases of ``data/source_cues_ru.txt`` by kind."""
    text = read_text(SOURCE_CUES_FILE)
    cues: dict[str, list[str]] = {kind: [] for kind in CUE_KINDS}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        kind, sep, phrase = raw.partition("\t")
        if not sep or kind not in CUE_KINDS or not phrase.strip():
            raise ValueError(f"{SOURCE_CUES_FILE}:{number}: expected KIND<TAB>PHRASE, got {raw!r}")
        cues[kind].append(phrase.strip())
    return {kind: tuple(phrases) for kind, phrases in cues.items()}


def _alternation(phrases: tuple[str, ...]) -> str:
    def one(phrase: str) -> str:
        escaped = re.escape(phrase).replace("е", "[её]").replace(r"\ ", r"\s+")
        return escaped.replace(" ", r"\s+")

    return "|".join(one(p) for p in sorted(phrases, key=len, reverse=True))


@cache
def _cue_pattern() -> re.Pattern[str]:
    cues = source_cues()
    return re.compile(
        rf"(?:^|[,—–(]\s*|\bкак\s+)"
        rf"(?:{_alternation(cues['verb'])})\s+"
        rf"(?:(?:{_alternation(cues['outlet'])})\s+)?"
        rf"(?P<name>{_QUOTED}|{_DOMAIN}|{_CAPITALISED})"
        rf"(?=\s*(?:[.,;!?)]|$)|\s+(?:{_alternation(cues['link'])})\b)",
        re.IGNORECASE | re.MULTILINE,
    )


def _is_person_name(name: str) -> bool:
    words = re.findall(r"[А-ЯЁа-яё]+", name)
    if not words or len(words) != len(name.split()):
        return False
    if words[-1][0].isupper() and SURNAME_ENDING.search(words[-1]):
        return True
    return any(
        any(tag in str(p.tag) for tag in PERSON_NAME_TAGS) for w in words for p in parse(w)[:2]
    )


def _plausible_outlet(name: str) -> bool:
    if not name[0].isupper() and not name.startswith(("«", '"')):
        # the IGNORECASE match let a lower-case word through: not a name
        return bool(re.fullmatch(_DOMAIN, name))
    if name.startswith(("«", '"')) or re.fullmatch(_DOMAIN, name):
        return True
    return not _is_person_name(name)


def source_from_text(text: str) -> str | None:
    """The outlet named by the first source cue in the opening of ``text``."""
    for m in _cue_pattern().finditer(text[:SOURCE_CUE_WINDOW]):
        name = m["name"].strip()
        if _plausible_outlet(name):
            return name.strip('«»"')
    return None


def source_from_url(url: str | None) -> str | None:
    """The URL's host without ``www.``: ``https://www.ng.ru/x`` -> ``ng.ru``."""
    if not url:
        return None
    candidate = url.strip() if "://" in url else f"//{url.strip()}"
    try:
        host = (urlsplit(candidate).hostname or "").lower()
    except ValueError:
        return None
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host if "." in host else None


def _names_host(name: str, host: str) -> bool:
    lowered = name.lower()
    return lowered == host or host.endswith("." + lowered)


def detect_source(text: str, url: str | None) -> str | None:
    """The publishing outlet: the URL's host when there is a URL (spelt as the text's cue
    when the cue names that host), else the outlet named by a cue in the text, else None."""
    from_text = source_from_text(text)
    host = source_from_url(url)
    if host is None:
        return from_text
    if from_text is not None and _names_host(from_text, host):
        return from_text
    return host
