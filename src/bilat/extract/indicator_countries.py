"""Which countries an indicator is about: explicit in its sentence, else the document dyad.

``trade`` is symmetric (sorted pair); ``export``, ``import`` and ``investment`` are a flow
``[from, to]`` read from direction words ("из Казахстана", "в Сербию", "казахстанский
экспорт"); ``companies`` is ``[home, host]`` ("в Казахстане работают 60 сербских компаний").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..doc import CountryMention, Doc, Sentence
from .indicator_lexicon import lexicon, norm

# Where a country stands relative to a flow
ROLE_FROM = "from"  # "из Казахстана", "от Сербии"
ROLE_TO = "to"  # "в Сербию", "на рынок Китая" is not caught: only the preposition itself
ROLE_ADJ = "adjective"  # "казахстанский экспорт", "сербских компаний"
ROLE_PLAIN = "plain"  # anything else ("между Казахстаном и Сербией", a subject)

# kinds whose adjective country is the origin of the flow; for imports it is the destination
ADJECTIVE_IS_ORIGIN = {"export": True, "investment": True, "import": False}


@dataclass(frozen=True)
class RoledMention:
    code: str
    start: int
    role: str


def sentence_mentions(doc: Doc, sent: Sentence) -> list[RoledMention]:
    """Country mentions inside ``sent`` with the role their preceding word gives them."""
    lex = lexicon()
    out: list[RoledMention] = []
    for m in doc.country_mentions:
        if not (sent.start <= m.start < sent.end):
            continue
        out.append(RoledMention(m.code, m.start, _role(m, sent, lex)))
    return sorted(out, key=lambda r: r.start)


def _role(m: CountryMention, sent: Sentence, lex) -> str:
    if m.kind in ("adjective", "compound"):
        return ROLE_ADJ if m.kind == "adjective" else ROLE_PLAIN
    before = [t for t in sent.tokens if t.end <= m.start]
    if before:
        prev = norm(before[-1].text)
        if prev in lex.direction_from:
            return ROLE_FROM
        if prev in lex.direction_to:
            return ROLE_TO
    return ROLE_PLAIN


def home_country(doc: Doc) -> str | None:
    """The dyad member the article mentions most: the reporting side's country."""
    if not doc.countries:
        return None
    counts = Counter(m.code for m in doc.country_mentions if m.code in doc.countries)
    return max(doc.countries, key=lambda c: (counts.get(c, 0), c == doc.countries[0]))


def _partner(doc: Doc, code: str) -> str | None:
    others = [c for c in doc.countries if c != code]
    return others[0] if len(others) == 1 or (others and code in doc.countries) else None


def _nearest(mentions: list[RoledMention], anchor: int, roles: tuple[str, ...]) -> str | None:
    cands = [m for m in mentions if m.role in roles]
    if not cands:
        return None
    return min(cands, key=lambda m: abs(m.start - anchor)).code


def trade_countries(doc: Doc, mentions: list[RoledMention], anchor: int) -> list[str]:
    codes = sorted({m.code for m in mentions}, key=lambda c: _distance(mentions, c, anchor))
    if len(codes) >= 2:
        return sorted(codes[:2])
    if len(codes) == 1:
        partner = _partner(doc, codes[0])
        if partner:
            return sorted([codes[0], partner])
    return sorted(doc.countries)[:2]


def _distance(mentions: list[RoledMention], code: str, anchor: int) -> int:
    return min(abs(m.start - anchor) for m in mentions if m.code == code)


def flow_countries(
    doc: Doc, kind: str, mentions: list[RoledMention], anchor: int
) -> list[str]:
    """``[from, to]`` for an export, import or investment figure."""
    origin = _nearest(mentions, anchor, (ROLE_FROM,))
    dest = _nearest(mentions, anchor, (ROLE_TO,))
    adj = _nearest(mentions, anchor, (ROLE_ADJ,))
    if adj:
        if ADJECTIVE_IS_ORIGIN.get(kind, True):
            origin = origin or adj
        else:
            dest = dest or adj
    if origin is None and dest is None:
        plain = _nearest(mentions, anchor, (ROLE_PLAIN,))
        if plain and plain in doc.countries:
            # "Казахстан экспортировал ...": the subject ships exports, receives imports
            origin, dest = (plain, None) if kind != "import" else (None, plain)
    if origin is None and dest is None:
        home = home_country(doc)
        if home is None:
            return []
        # the reporting side exports, imports and attracts investment
        if kind == "export":
            origin = home
        else:
            dest = home
    if origin is None and dest is not None:
        origin = _partner(doc, dest)
    if dest is None and origin is not None:
        dest = _partner(doc, origin)
    return [c for c in (origin, dest) if c]


def companies_countries(doc: Doc, mentions: list[RoledMention], anchor: int) -> list[str]:
    """``[home, host]``: the adjective gives the firms' country, "в X" the host."""
    home = _nearest(mentions, anchor, (ROLE_ADJ,))
    host = _nearest(mentions, anchor, (ROLE_TO,))
    if home and host is None:
        host = _partner(doc, home)
    if host and home is None:
        home = _partner(doc, host)
    if home is None and host is None:
        reporter = home_country(doc)
        if reporter is None:
            return []
        host, home = reporter, _partner(doc, reporter)
    return [c for c in (home, host) if c]
