"""Personal names to the nominative: "Ивицей Дачичем" -> first "Ивица", last "Дачич".

Every word of a name gets candidate nominatives, each tagged with the grammatical case
and gender it would be in: from pymorphy3 parses tagged Name/Surn/Patr, and from
ending rules (``ENDING_RULES``) that also cover foreign names pymorphy3 does not know.
The (case, gender) that the words of the name agree on best wins, and each word is
put into the nominative for it; a word with no form in that case is indeclinable and
stays as written ("Кенжеханулы", the "Касым" of "Касым-Жомартом").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .folding import PHRASE_CACHE_SIZE
from .models import from_dictionary, parse

GENDERS = ("masc", "femn")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")

# score of a pymorphy3 dictionary parse (times its probability), of a guessed one, of a rule
DICT_WEIGHT = 1.0
GUESS_WEIGHT = 0.4
RULE_WEIGHT = 0.3
AS_IS_WEIGHT = 0.1
# a word in -а read as a nominative as written: a little below an oblique-ending rule, so that
# a lone "Вучича" stays genitive
NOMINATIVE_A_WEIGHT = 0.25

_VOWELS = "аеёиоуыэюя"
ABLT_ENDINGS = ("ом", "ем")  # masculine instrumental endings of consonant-stem names
_SIBILANT = "жшчщц"

# (oblique ending, nominative ending, cases, genders, what the stem must end with)
# read: a word ending in the first string may be the nominative with the second one.
ENDING_RULES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], str], ...] = (
    # Russian-type surnames in -ов/-ев/-ёв/-ин/-ын
    ("а", "", ("gent", "accs"), ("masc",), "ов|ев|ёв|ин|ын"),
    ("у", "", ("datv",), ("masc",), "ов|ев|ёв|ин|ын"),
    ("ым", "", ("ablt",), ("masc",), "ов|ев|ёв|ин|ын"),
    ("е", "", ("loct",), ("masc",), "ов|ев|ёв|ин|ын"),
    ("ой", "а", ("gent", "datv", "ablt", "loct"), ("femn",), "ов|ев|ёв|ин|ын"),
    ("у", "а", ("accs",), ("femn",), "ов|ев|ёв|ин|ын"),
    # adjectival surnames in -ский/-цкий
    ("ого", "ий", ("gent", "accs"), ("masc",), "ск|цк"),
    ("ому", "ий", ("datv",), ("masc",), "ск|цк"),
    ("им", "ий", ("ablt",), ("masc",), "ск|цк"),
    ("ом", "ий", ("loct",), ("masc",), "ск|цк"),
    ("ой", "ая", ("gent", "datv", "ablt", "loct"), ("femn",), "ск|цк"),
    ("ую", "ая", ("accs",), ("femn",), "ск|цк"),
    # consonant stems: Вучич, Эрдоган, Шольц, Адылбек (masculine only)
    ("а", "", ("gent", "accs"), ("masc",), "[бвгджзклмнпрстфхцчшщ]"),
    ("у", "", ("datv",), ("masc",), "[бвгджзклмнпрстфхцчшщ]"),
    ("ом", "", ("ablt",), ("masc",), "[бвгдзклмнпрстфх]"),
    ("ем", "", ("ablt",), ("masc",), "[жцчшщ]"),
    ("е", "", ("loct",), ("masc",), "[бвгджзклмнпрстфхцчшщ]"),
    # stems in -й and -ь: Сергей, Игорь
    ("я", "й", ("gent", "accs"), ("masc",), "[аеиоуэ]"),
    ("ю", "й", ("datv",), ("masc",), "[аеиоуэ]"),
    ("ем", "й", ("ablt",), ("masc",), "[аеиоуэ]"),
    ("е", "й", ("loct",), ("masc",), "[аеиоуэ]"),
    ("я", "ь", ("gent", "accs"), ("masc",), "[лнр]"),
    ("ю", "ь", ("datv",), ("masc",), "[лнр]"),
    ("ем", "ь", ("ablt",), ("masc",), "[лнр]"),
    # words in -а (Ивица, Никола, Анна) of either gender
    ("ы", "а", ("gent",), GENDERS, "[бвдзлмнпрстфц]"),
    ("и", "а", ("gent",), GENDERS, "[гкхжшчщ]"),
    ("е", "а", ("datv", "loct"), GENDERS, "[бвгдзклмнпрстфхжшчщц]"),
    ("у", "а", ("accs",), GENDERS, "[бвгдзклмнпрстфхжшчщц]"),
    ("ой", "а", ("ablt",), GENDERS, "[бвгдзклмнпрстфхк]"),
    ("ей", "а", ("ablt",), GENDERS, "[жшчщц]"),
    # words in -ия and -я (Мария, Илья, Таня)
    ("ии", "ия", ("gent", "datv", "loct"), GENDERS, ""),
    ("ию", "ия", ("accs",), GENDERS, ""),
    ("ией", "ия", ("ablt",), GENDERS, ""),
    ("и", "я", ("gent",), GENDERS, "[ьлнт]"),
    ("е", "я", ("datv", "loct"), GENDERS, "[ьлнт]"),
    ("ю", "я", ("accs",), GENDERS, "[ьлнт]"),
    ("ей", "я", ("ablt",), GENDERS, "[ьлнт]"),
)

# Turkic patronymic-type surnames and other words that never decline
INDECLINABLE = re.compile(r"(улы|уулу|кызы|гызы|оглы|заде)$", re.IGNORECASE)
# a word ending in a vowel may be a foreign name that never declines (Шойгу, Саркози)
VOWEL_FINAL = re.compile(r"[еиоуэю]$", re.IGNORECASE)
# a surname in -ли, -ни, -ти, -ци is a foreign one that never declines (Italian, Finnish,
# Georgian), not the genitive of one in -ля, -ня, -тя, -ца (first names are: "Тани" -> "Таня")
FOREIGN_I_SURNAME = re.compile(r"[лнтц]и$", re.IGNORECASE)
# Russian surname stems, in any case: how a surname put first ("Лужков Юрий") is told
RUSSIAN_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын|ск|цк)(а|у|ым|е|ой|ого|ому|им|ом|ий|ая|ую)?$", re.I)
PATRONYMIC = re.compile(r"(ович|евич|ьич|ична|овна|евна|инична)(а|у|ем|е|ы|е|у|ой)?$", re.I)
INITIAL = re.compile(r"^[А-ЯЁA-Z]\.?$")


@dataclass(frozen=True, slots=True)
class PersonName:
    first: str = ""
    last: str = ""
    patronymic: str = ""
    initials: str = ""  # "С.В." when the text gives initials instead of a first name

    @property
    def display(self) -> str:
        """ "Имя Фамилия" (no patronymic), or the surname alone."""
        return f"{self.first} {self.last}".strip() if self.first else self.last


Candidates = dict[tuple[str, str], tuple[str, float]]


def _add(out: Candidates, case: str, genders: tuple[str, ...], form: str, score: float) -> None:
    for gender in genders:
        key = (case, gender)
        if key not in out or out[key][1] < score:
            out[key] = (form, score)


def _gender_of(tag) -> tuple[str, ...]:
    if tag.gender in GENDERS:
        return (tag.gender,)
    return GENDERS  # ms-f (Саркози, Меркель) or none


# pymorphy3 tags trusted for a word, by its place in the name
FIRST = frozenset({"Name"})
LAST = frozenset({"Surn"})
MIDDLE = frozenset({"Name", "Patr"})
# news names far more men than women: a tie goes to the masculine reading
MASC_PRIOR = 0.05


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def _part_candidates(part: str, trusted: frozenset[str]) -> Candidates:
    """Nominative forms of one word (no hyphen), keyed by (case, gender)."""
    low = part.lower()
    out: Candidates = {}
    _add(out, "nomn", GENDERS, low, AS_IS_WEIGHT)
    for p in parse(part):
        tag = p.tag
        if not (trusted & tag.grammemes) or tag.number == "plur":
            continue
        if tag.case not in CASES:
            continue
        known = from_dictionary(p)
        weight = DICT_WEIGHT if known else GUESS_WEIGHT
        form = p.inflect({"nomn", "sing"})
        word = form.word if form is not None else p.normal_form
        if not known and trusted is LAST and FOREIGN_I_SURNAME.search(low) and word != low:
            continue  # a guess of the same kind
        if "Fixd" in tag:  # indeclinable: the word says nothing about the case
            for case in CASES:
                _add(out, case, _gender_of(tag), word, weight * 0.3)
            continue
        _add(out, tag.case, _gender_of(tag), word, weight * max(p.score, 0.05) + 0.05)
    if INDECLINABLE.search(low):
        for case in CASES:
            _add(out, case, GENDERS, low, AS_IS_WEIGHT)
        return out
    if VOWEL_FINAL.search(low) and not low.endswith(("ию", "ии")):
        for case in CASES:
            _add(out, case, GENDERS, low, AS_IS_WEIGHT / 2)
    if low.endswith("а"):
        # "Харада", "Силва", "Нарендра" may be nominatives as written: with a word that
        # shows no case beside it ("Нарендра Моди") this reading wins the tie
        _add(out, "nomn", GENDERS, low, NOMINATIVE_A_WEIGHT)
    oblique = False
    for ending, nominative, cases, genders, stem_end in ENDING_RULES:
        if not low.endswith(ending) or len(low) - len(ending) < 2:
            continue
        stem = low[: len(low) - len(ending)]
        if stem_end and not re.search(f"({stem_end})$", stem):
            continue
        if trusted is LAST and ending == "и" and FOREIGN_I_SURNAME.search(low):
            continue  # "Джентилони", "Гарибашвили", "Ренци" are not oblique "Джентилоня"
        oblique = True
        for case in cases:
            _add(out, case, genders, stem + nominative, RULE_WEIGHT)
    # a bare consonant stem is a masculine nominative; a feminine one never declines, though
    # a surname in a masculine instrumental ending ("Цзиньпином", "Чуньлинем") is rarely one
    if low[-1] not in _VOWELS + "йь":
        if not oblique:
            _add(out, "nomn", ("masc",), low, RULE_WEIGHT)
        feminine = RULE_WEIGHT if trusted is LAST and not low.endswith(ABLT_ENDINGS) else AS_IS_WEIGHT
        for case in CASES:
            _add(out, case, ("femn",), low, feminine)
    return out


def _word_candidates(word: str, trusted: frozenset[str]) -> list[Candidates]:
    return [_part_candidates(part, trusted) for part in word.split("-") if part]


APOSTROPHES = "’'"


def _restore_case(form: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].islower():
        return form  # particles of Arabic and other names: "ас-Сиси", "бен", "аль-"
    for mark in APOSTROPHES:
        if mark in original and mark in form:  # "О’Нил", "Д’Аламбер"
            head, _, tail = original.partition(mark)
            form_head, _, form_tail = form.partition(mark)
            return _restore_case(form_head, head) + mark + _restore_case(form_tail, tail)
    return form[:1].upper() + form[1:]


def _inflect(word: str, trusted: frozenset[str], key: tuple[str, str]) -> str:
    """``word`` in the nominative for the chosen (case, gender); hyphen parts apart."""
    parts = [p for p in word.split("-") if p]
    out = []
    for part, cands in zip(parts, _word_candidates(word, trusted), strict=True):
        form = cands[key][0] if key in cands else part.lower()
        out.append(_restore_case(form, part))
    return "-".join(out)


# the longest syllable of an East Asian name ("Ким Чен Ын", "Мун Чжэ Ин", "Си Цзиньпин")
SYLLABLE_LETTERS = 3
# particles of Western and Arabic names, never syllables of an East Asian one
NAME_PARTICLES = frozenset(
    {"де", "ле", "ла", "дель", "ван", "фон", "да", "ди", "дю", "дер", "аль", "эль", "бен", "бин", "ибн", "абу"}
)


def _syllable(word: str) -> bool:
    return len(word) <= SYLLABLE_LETTERS and word.isalpha() and word.lower() not in NAME_PARTICLES


# particles after which a name is the father's, a man's ("Сальман бен Абдель-Азиз")
FATHER_PARTICLES = frozenset({"бен", "бин", "ибн"})


# the Arabic article, capitalised or not ("Аль Тани"): it never declines
ARTICLES = frozenset({"аль", "эль"})


def _particle(word: str) -> bool:
    """A particle inside a name ("бен", "аль", "Аль", "де"): it never declines."""
    return (word[:1].islower() and "-" not in word) or word.lower() in ARTICLES


def east_asian(words: list[str]) -> bool:
    """Is a name of syllables whose surname comes first and never declines, so that only its
    last word shows the case ("Ким Чен Ына", "Мун Чжэ Ином", "Си Цзиньпина")? Three or more
    words with short middle ones, or two with a first word of two letters."""
    if len(words) >= 3:
        return all(_syllable(w) for w in words[1:-1]) and len(words[0]) <= SYLLABLE_LETTERS + 2
    return len(words) == 2 and _syllable(words[0]) and len(words[0]) <= 2


def _best_key(words: list[tuple[str, frozenset[str]]]) -> tuple[str, str]:
    totals: dict[tuple[str, str], float] = defaultdict(float)
    if east_asian([w for w, _ in words]):
        words = words[-1:]
    # particles ("бен", "Аль") never show the case; the name after "бен" is the father's
    fathers = {k + 1 for k, (w, _) in enumerate(words) if w.lower() in FATHER_PARTICLES}
    for k, (word, trusted) in enumerate(words):
        if _particle(word) and len(words) > 1:
            continue
        # in a hyphenated name the last part declines, the others may not
        for key, (_, score) in _word_candidates(word, trusted)[-1].items():
            if k not in fathers or key[1] == "masc":
                totals[key] += score
    if not totals:
        return ("nomn", "masc")
    for key in totals:
        if key[1] == "masc":
            totals[key] += MASC_PRIOR
    return max(totals, key=lambda k: (totals[k], k[0] == "nomn"))


def _has_tag(word: str, grammeme: str) -> bool:
    last = word.split("-")[-1]
    return any(
        grammeme in p.tag
        and p.tag.number != "plur"
        and from_dictionary(p)
        for p in parse(last)
    )


def is_first_name(word: str) -> bool:
    """pymorphy3's dictionary knows ``word`` as a first name."""
    return _has_tag(word, "Name")


def is_patronymic(word: str) -> bool:
    return bool(PATRONYMIC.search(word)) or _has_tag(word, "Patr")


def reads_as_patronymic(word: str) -> bool:
    """The dictionary reads the word first as a patronymic ("Григорьевич"), not as a surname
    that only looks like one ("Янукович"), as :func:`is_patronymic` would allow."""
    found = parse(word) if word else []
    return bool(found) and "Patr" in found[0].tag


def _places(words: list[str]) -> list[frozenset[str]]:
    """What each word of a name is taken to be: first name, middle part, surname."""
    if len(words) == 1:
        return [LAST]
    surname_first = _has_tag(words[0], "Surn") or RUSSIAN_SURNAME.search(words[0])
    if (
        len(words) <= 3
        and surname_first
        and not is_first_name(words[0])
        and is_first_name(words[1])
    ):  # "Лужков Юрий [Михайлович]"
        return [LAST, FIRST, *([MIDDLE] if len(words) == 3 else [])]
    return [FIRST, *([MIDDLE] * (len(words) - 2)), LAST]


def normalize_name(words: list[str]) -> PersonName:
    """Split and normalise the words of one name mention ("Марии Захаровой")."""
    letters = [w for w in words if w[:1].isalpha()]
    if len(letters) > 2 and letters[0].isalpha() and INITIAL.match(letters[0]):
        # a one-letter word with no dot before two name words is a surname ("У Юн Гын")
        if not any(INITIAL.match(w) for w in letters[1:]):
            return _split(letters)
    initials = [w.rstrip(".") for w in words if INITIAL.match(w)]
    initials_text = "".join(f"{i}." for i in initials)
    words = [w for w in words if w[:1].isalpha() and not INITIAL.match(w)]
    if not words:
        return PersonName(initials=initials_text)
    return _split(words, initials_text)


def _split(words: list[str], initials_text: str = "") -> PersonName:
    """First name, surname and patronymic of the (non-initial) words of a name."""
    places = _places(words)
    key = _best_key(list(zip(words, places, strict=True)))
    forms = [_inflect(w, place, key) for w, place in zip(words, places, strict=True)]
    if east_asian(words):
        forms[:-1] = words[:-1]
    forms = [w if _particle(w) and k < len(words) - 1 else f for k, (w, f) in enumerate(zip(words, forms, strict=True))]
    if len(forms) == 1:
        return PersonName(last=forms[0], initials=initials_text)
    if places[0] is LAST:
        patr = forms[2] if len(forms) == 3 else ""
        return PersonName(first=forms[1], last=forms[0], patronymic=patr)
    middle = forms[1:-1]
    patr = ""
    if middle and is_patronymic(words[-2]):
        patr = middle.pop()
    return PersonName(first=" ".join([forms[0], *middle]), last=forms[-1], patronymic=patr)
