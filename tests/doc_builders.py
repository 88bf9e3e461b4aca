"""Hand-built Docs for stage tests: the segment stage fills the sentences, the other fields
are given directly, so a stage is tested without the stages before it."""

from __future__ import annotations

from datetime import date

from bilat.doc import CountryMention, Doc, Person, Span, TimeExpr
from bilat.extract.segment import segment


def make_doc(
    text: str,
    *,
    published: date | None = date(2025, 3, 14),
    times: tuple[tuple[str, str | None], ...] = (),
    mentions: tuple[tuple[str, str, str], ...] = (),
    persons: tuple[tuple[str, str], ...] = (),
    countries: tuple[str, ...] = ("KZ", "UZ"),
) -> Doc:
    """``times``: (surface, value); ``mentions``: (surface, code, kind); ``persons``: (name, surface)."""
    doc = segment(Doc(id="t", text=text, published=published))
    for surface, value in times:
        start = text.index(surface)
        doc.times.append(TimeExpr(start, start + len(surface), surface, value))
    for surface, code, kind in mentions:
        start = text.index(surface)
        doc.country_mentions.append(
            CountryMention(code, start, start + len(surface), surface, kind)
        )
    for name, surface in persons:
        start = text.index(surface)
        doc.persons.append(Person(name=name, mentions=[Span(start, start + len(surface), surface)]))
    doc.countries = list(countries)
    return doc
