"""English country names for display (pycountry)."""

from __future__ import annotations

from functools import cache

import pycountry

from ..errors import UsageError

NAME_LOOKUP_KINDS = frozenset({"name", "abbreviation"})


@cache
def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


@cache
def _english_names() -> dict[str, str]:
    """English country names (CLDR short names, e.g. "Russia", "Türkiye", "Turkey") to codes."""
    from babel import Locale

    names = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                names[getattr(c, attr).casefold()] = c.alpha_2
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha():
            names[name.casefold()] = code
    names.update({"turkey": "TR", "usa": "US", "uk": "GB", "britain": "GB"})
    return names


def country_code(text: str) -> str:
    """An ISO 3166 alpha-2 code for a country given by code (kz, KAZ), Russian name in any case
    (Казахстан, Сербии) or English name (Serbia); raises UsageError when unknown."""
    from ..extract.gazetteer import form_key, load_gazetteer

    raw = text.strip()
    if raw.isascii() and len(raw) in (2, 3):
        found = pycountry.countries.get(**{f"alpha_{len(raw)}": raw.upper()})
        if found is not None:
            return found.alpha_2
    gazetteer = load_gazetteer()
    if abbreviation := gazetteer.abbreviations.get(raw.upper()):
        return abbreviation.code
    codes = {e.code for e in gazetteer.lookup(form_key(raw)) if e.kind in NAME_LOOKUP_KINDS}
    if len(codes) == 1:
        return codes.pop()
    if code := _english_names().get(raw.casefold()):
        return code
    try:
        return pycountry.countries.lookup(raw).alpha_2
    except LookupError:
        pass
    raise UsageError(f"unknown country {text!r}: give an ISO code (kz), or a Russian or English name")


def parse_pair(text: str) -> tuple[str, str]:
    """A pair written as "KZ-RS", "kz,rs" or "Казахстан-Сербия"."""
    for sep in ("-", ",", "/", " "):
        parts = [p for p in text.split(sep) if p.strip()]
        if len(parts) == 2:
            return country_code(parts[0]), country_code(parts[1])
    raise UsageError(f"bad pair {text!r}: write it as KZ-RS")
