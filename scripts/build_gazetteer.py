"""Build src/bilat/data/countries.tsv: every surface form of every country reference.

Sources: CLDR Russian territory names (babel) for every ISO 3166-1 country (pycountry), the
hand-typed variants, demonym adjectives and cities under src/bilat/data/, inflected for every
case with pymorphy3 (adjectives agree with their noun). Run it after editing a source file:

    .venv/bin/python scripts/build_gazetteer.py

Output columns: key (normalised tokens joined by spaces) code kind canonical.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pycountry
import pymorphy3
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bilat.extract.gazetteer import DATA_DIR, form_key  # noqa: E402

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "loc2")
# Not countries in any news sense: uninhabited or purely administrative ISO entries.
EXCLUDED_CODES = {"AQ", "UM", "IO", "TF", "HM", "GS", "BV"}
# CLDR names that read poorly in news text: replaced by the hand-typed variants.
CLDR_SKIP = re.compile(r"\(|\s-\s|территори|\bСв\.", re.IGNORECASE)
# CLDR abbreviates "острова" and "остров"
CLDR_ABBREVIATIONS = {"о-ва": "острова", "о-в": "остров"}

MORPH = pymorphy3.MorphAnalyzer()


def read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _nominative(word: str, kinds: set[str]):
    parses = [p for p in MORPH.parse(word) if p.tag.POS in kinds and p.tag.case == "nomn"]
    parses.sort(key=lambda p: ("Geox" not in p.tag, -p.score))
    return parses[0] if parses else None


def _inflect_word(
    parse, case: str, number: str | None, gender: str | None, animacy: str | None = None
) -> str | None:
    wanted = {case}
    if case == "accs" and animacy and parse.tag.POS in {"ADJF", "PRTF"}:
        wanted.add(animacy)
    if number:
        wanted.add(number)
    if gender and number != "plur" and parse.tag.POS in {"ADJF", "PRTF"}:
        wanted.add(gender)
    form = parse.inflect(wanted)
    return form.word if form else None


def inflect_name(name: str) -> set[str]:
    """Every case form of a (multiword) name: adjectives agree with the next noun; in
    apposition ("Республика Казахстан") both the fixed and the inflected second noun count."""
    words = name.split(" ")
    forms = {name}
    for all_nouns in (False, True):
        for case in CASES:
            out: list[str] = []
            seen_head = False
            ok = True
            for i, word in enumerate(words):
                noun = _nominative(word.lower(), {"NOUN"})
                adj = _nominative(word.lower(), {"ADJF", "PRTF"})
                if adj and not seen_head:
                    head = next(
                        (_nominative(w.lower(), {"NOUN"}) for w in words[i + 1 :]
                         if _nominative(w.lower(), {"NOUN"})),
                        None,
                    )
                    number = head.tag.number if head else adj.tag.number
                    gender = head.tag.gender if head else adj.tag.gender
                    animacy = head.tag.animacy if head else None
                    new = _inflect_word(adj, case, number, gender, animacy)
                elif noun and (not seen_head or all_nouns):
                    new = _inflect_word(noun, case, None, None)
                    seen_head = True
                else:
                    new = word
                if new is None:
                    ok = False
                    break
                out.append(_recase(new, word))
            if ok:
                forms.add(" ".join(out))
    return forms


def _recase(new: str, original: str) -> str:
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def adjective_forms(lemma: str) -> set[str]:
    parses = [p for p in MORPH.parse(lemma) if p.tag.POS == "ADJF"]
    if not parses:
        return {lemma}
    return {f.word for f in parses[0].lexeme if f.tag.POS == "ADJF"} | {lemma}


def combining_form(lemma: str) -> str:
    """"казахстанский" -> "казахстанско" (the first part of "казахстанско-сербский")."""
    return re.sub(r"(ий|ый|ой)$", "о", lemma)


def build() -> list[tuple[str, str, str, str]]:
    ru = Locale("ru").territories
    rows: dict[tuple[str, str], tuple[str, str]] = {}

    def add(surface: str, code: str, kind: str, canonical: str) -> None:
        key = surface if kind == "abbreviation" else form_key(surface)
        rows.setdefault((key, kind), (code, canonical))

    canonical: dict[str, str] = {}
    names: list[tuple[str, str]] = []
    for country in pycountry.countries:
        code = country.alpha_2
        name = ru.get(code)
        if code in EXCLUDED_CODES or not name:
            continue
        for short, full in CLDR_ABBREVIATIONS.items():
            name = re.sub(rf"(?<!\w){short}(?!\w)", full, name)
        name = name[:1].upper() + name[1:]
        canonical[code] = name
        if not CLDR_SKIP.search(name):
            names.append((code, name))
    seats: list[tuple[str, str]] = []
    for code, kind, form in read_tsv("country_variants.tsv"):
        if kind == "seat":
            seats.append((code, form))
            continue
        canonical.setdefault(code, form)
        if kind == "abbreviation":
            add(form, code, "abbreviation", canonical[code])
        else:
            names.append((code, form))
    for code, name in names:
        for form in inflect_name(name):
            add(form, code, "name", canonical[code])
    name_keys = {key for key, kind in rows if kind == "name"}
    for code, seat in seats:
        for form in inflect_name(seat):
            add(form, code, "seat", canonical[code])
    for row in read_tsv("country_adjectives.tsv"):
        code, lemma = row[0], row[1]
        extra = [f for f in (row[2].split(",") if len(row) > 2 else []) if f]
        for form in adjective_forms(lemma):
            add(form, code, "adjective", canonical[code])
        for form in [combining_form(lemma), *extra]:
            add(form, code, "combining", canonical[code])
    for row in read_tsv("cities.tsv"):
        code, kind, name = row[0], row[1], row[2]
        adjective = row[3] if len(row) > 3 else ""
        for form in inflect_name(name):
            if form_key(form) not in name_keys:
                add(form, code, kind, name)
        if adjective:
            for form in adjective_forms(adjective):
                add(form, code, "city_adjective", name)
    return sorted((key, code, kind, canon) for (key, kind), (code, canon) in rows.items())


def main() -> None:
    rows = build()
    out = DATA_DIR / "countries.tsv"
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# generated by scripts/build_gazetteer.py; do not edit by hand\n")
        fh.write("# key\tcode\tkind\tcanonical\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} forms to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
