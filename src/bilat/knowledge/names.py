"""English country names for display (pycountry)."""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
