"""Which countries an indicator is about: explicit in its sentence, else the document dyad.

``trade`` is symmetric (sorted pair); ``export``, ``import`` and ``investment`` are a flow
``[from, to]`` read from direction words ("из Казахстана", "в Сербию", "казахстанский
экспорт"); ``companies`` is ``[home, host]`` ("в Казахстане работают 60 сербских компаний").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..doc import CountryMention, Doc, Sentence
from .indicator_lexicon import lexicon, norm
from .models import parse

# Where a country stands relative to a flow
ROLE_FROM = "from"  # "из Казахстана", "от Сербии"
ROLE_TO = "to"  # "в Сербию", "на рынок Китая" is not caught: only the preposition itself
ROLE_ADJ = "adjective"  # "казахстанский экспорт", "сербских компаний"
CLAUSE_CUT = re.compile(r"\s[—–]\s|;")  # where a figure's own stretch ends
ROLE_PLAIN = "plain"  # anything else ("между Казахстаном и Сербией", a subject)

# kinds whose adjective country before the cue is the origin of the flow ("казахстанский
# экспорт"); for imports it is the destination ("казахстанский импорт из Китая") when the
# sentence names the origin, else the goods' origin ("индонезийский импорт" in a report on
# two-way trade). An adjective after the cue qualifies the goods: their origin, for every kind
# ("импорт российских товаров").
ADJECTIVE_IS_ORIGIN = {"export": True, "investment": True, "import": False}
# sentences back searched for the countries of a figure whose sentence names none
CONTEXT_SENTENCES = 2
BRACKET_BEFORE = re.compile(r"\s*\(\s*")  # "Великобританию (388,7 тыс. тонн)"


@dataclass(frozen=True)
class RoledMention:
    code: str
    start: int
    role: str
    nominative: bool = False  # the mention may be a subject ("Москва поставила")


def sentence_mentions(doc: Doc, sent: Sentence) -> list[RoledMention]:
    """Country mentions inside ``sent`` with the role their preceding word gives them."""
    lex = lexicon()
    out: list[RoledMention] = []
    for m in doc.country_mentions:
        if not (sent.start <= m.start < sent.end):
            continue
        role = _role(m, sent, lex)
        out.append(RoledMention(m.code, m.start, role, role == ROLE_PLAIN and "nomn" in _cases(m.text)))
    return sorted(out, key=lambda r: r.start)


def _role(m: CountryMention, sent: Sentence, lex) -> str:
    before = [t for t in sent.tokens if t.end <= m.start]
    if m.kind == "adjective" and before:
        prev = norm(before[-1].text)
        if prev in lex.direction_to and "accs" in _cases(m.text):
            return ROLE_TO  # "инвестиции в российскую экономику", not "в российском экспорте"
        if prev in lex.direction_from:
            return ROLE_FROM  # "поставки из казахстанских портов"
    if m.kind in ("adjective", "compound"):
        return ROLE_ADJ if m.kind == "adjective" else ROLE_PLAIN
    if before:
        prev = norm(before[-1].text)
        if prev in lex.direction_from:
            return ROLE_FROM
        if prev in lex.direction_to:
            return ROLE_TO
        found = parse(prev)
        if found and found[0].tag.POS == "PREP":
            return ROLE_PLAIN
    if _cases(m.text, nouns=True) == {"datv"}:
        return ROLE_TO  # "Москва поставила Киеву" (every reading dative, unlike "Украине")
    return ROLE_PLAIN


def _cases(word: str, *, nouns: bool = False) -> set[str]:
    """The cases the last word of a mention may stand in (its noun readings only, if asked)."""
    return {
        p.tag.case for p in parse(word.split()[-1].lower()) if not nouns or p.tag.POS == "NOUN"
    }


def bracketed_partner(doc: Doc, mentions: list[RoledMention], kind: str, value_start: int) -> list[RoledMention]:
    """ "экспорт пришёлся на Великобританию (388,7 тыс. тонн), Украину (247,2 тыс. тонн)": the
    country right before the bracket that opens a flow's figure is where it goes (comes from,
    for an import); the mentions with that one re-roled."""
    owner = next(
        (c for c in doc.country_mentions if BRACKET_BEFORE.fullmatch(doc.text[c.end : value_start])),
        None,
    )
    if owner is None:
        return mentions
    role = ROLE_FROM if kind == "import" else ROLE_TO
    return [m for m in mentions if m.start != owner.start] + [RoledMention(owner.code, owner.start, role)]


def home_country(doc: Doc) -> str | None:
    """The dyad member the article mentions most: the reporting side's country."""
    if not doc.countries:
        return None
    counts = Counter(m.code for m in doc.country_mentions if m.code in doc.countries)
    return max(doc.countries, key=lambda c: (counts.get(c, 0), c == doc.countries[0]))


def _partner(doc: Doc, code: str) -> str | None:
    """The other side of ``code``: the other member of a pair; in a multi-partner dyad the
    reporting side for a partner, none for the reporting side itself."""
    others = [c for c in doc.countries if c != code]
    if len(others) == 1:
        return others[0]
    home = home_country(doc)
    if home and code != home and code in doc.countries:
        return home
    return None


def context_mentions(doc: Doc, sent: Sentence) -> list[RoledMention]:
    """Country mentions of the sentence, or, when it names none ("товарооборот между
    странами составил ..."), those of the nearest of the previous sentences that names one,
    placed before the sentence with no direction role."""
    own = sentence_mentions(doc, sent)
    if len({m.code for m in own}) >= 2:
        return own
    idx = doc.sentences.index(sent)
    for prev in reversed(doc.sentences[max(0, idx - CONTEXT_SENTENCES):idx]):
        named = sentence_mentions(doc, prev)
        found = [m for m in named if m.code in doc.countries]
        if len({m.code for m in named}) == 2 and len({m.code for m in found}) < 2:
            found = named  # "сближает Москву и Тегеран. ... между двумя странами": that pair
        if found:
            return own + [RoledMention(m.code, sent.start - 1, ROLE_PLAIN) for m in found]
    return own


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
    # a multi-partner dyad gives no pair on its own
    return sorted(doc.countries) if len(doc.countries) == 2 else []


def _distance(mentions: list[RoledMention], code: str, anchor: int) -> int:
    return min(abs(m.start - anchor) for m in mentions if m.code == code)


TRADE_FLOWS = frozenset({"export", "import"})


def flow_countries(
    doc: Doc, kind: str, mentions: list[RoledMention], anchor: int, value_at: int | None = None
) -> list[str]:
    """``[from, to]`` for an export, import or investment figure, read in the figure's own
    stretch between dashes or semicolons when it names a country ("Москва поставила Киеву
    777,5 тыс. тонн угля — поставки из США несравнимы": from Russia, not the US)."""
    lo, hi = _dash_clause(doc.text, anchor if value_at is None else value_at)
    mentions = [m for m in mentions if lo <= m.start < hi] or mentions
    if value_at is not None and not lo <= anchor < hi:
        anchor = value_at  # the cue stands in another stretch: measure from the figure
    origin = _nearest(mentions, anchor, (ROLE_FROM,))
    dest = _nearest(mentions, anchor, (ROLE_TO,))
    adj = _nearest(mentions, anchor, (ROLE_ADJ,))
    if adj:
        adj_after = _nearest([m for m in mentions if m.start > anchor], anchor, (ROLE_ADJ,))
        if adj == adj_after or ADJECTIVE_IS_ORIGIN.get(kind, True) or origin is None:
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
        # "Москва поставила Киеву": a country in the nominative before the cue ships it
        subject = [
            m for m in mentions
            if m.role == ROLE_PLAIN and m.code != dest and m.start < anchor and m.nominative
        ]
        origin = subject[-1].code if subject else _partner(doc, dest)
    if dest is None and origin is not None:
        dest = _partner(doc, origin) or _trade_partner_after(doc, kind, mentions, origin, anchor)
    return [c for c in (origin, dest) if c]


def _trade_partner_after(
    doc: Doc, kind: str, mentions: list[RoledMention], origin: str, anchor: int
) -> str | None:
    """ "российский экспорт достиг уровня индонезийского импорта": in an article of several
    partners, the other side of an export or import is a country of the article named by an
    adjective after the cue."""
    if kind not in TRADE_FLOWS:
        return None
    after = [m for m in mentions if m.start > anchor and m.code != origin and m.code in doc.countries]
    return _nearest(after, anchor, (ROLE_ADJ,))


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


def names_a_partner(mentions: list[RoledMention], anchor: int) -> bool:
    """An export, import or investment figure is between two countries when its sentence
    names both, or names one with a direction ("в Россию", "из Китая") or as the goods'
    origin after the cue ("импорт российских товаров"). "Импорт КНДР" or "украинский
    экспорт" alone is one country's total with the world."""
    if len({m.code for m in mentions}) >= 2:
        return True
    return any(
        m.role in (ROLE_FROM, ROLE_TO) or (m.role == ROLE_ADJ and m.start > anchor)
        for m in mentions
    )


def _dash_clause(text: str, anchor: int) -> tuple[int, int]:
    """The stretch around ``anchor`` between spaced dashes or semicolons."""
    cuts = [m.end() for m in CLAUSE_CUT.finditer(text, 0, anchor)]
    after = CLAUSE_CUT.search(text, anchor)
    return (cuts[-1] if cuts else 0), (after.start() if after else len(text))
