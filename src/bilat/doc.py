"""The one document model every pipeline stage reads and fills in.

All offsets are character offsets into ``Doc.text`` (the stored, cleaned text).
Records are typed dataclasses; stages append to the lists of a ``Doc``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str = ""  # the most likely normal form
    pos: str = ""
    lemmas: frozenset[str] = frozenset()  # every normal form the morphology offers (ё as е)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)


@dataclass(slots=True)
class Entity:
    """A named or numeric entity: PERSON, ORGANIZATION, COUNTRY, CITY, LOCATION,
    DATE, MONEY, PERCENT, QUANTITY."""

    type: str
    start: int
    end: int
    text: str
    normal: str = ""


@dataclass(slots=True)
class CountryMention:
    """A reference to a country: by name, adjective, capital, abbreviation or organisation."""

    code: str
    start: int
    end: int
    text: str
    kind: str = "name"  # name | adjective | compound | capital | city | abbreviation | organisation


@dataclass(slots=True)
class Person:
    name: str  # "Имя Фамилия" in the nominative
    first: str = ""
    last: str = ""
    patronymic: str = ""
    role: str | None = None
    organization: str | None = None
    country: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class TimeExpr:
    """A date, range or period. ``value`` is YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1, YYYY-Q3,
    or an ISO interval "A/B"; None when the text gives no anchor."""

    start: int
    end: int
    text: str
    value: str | None
    kind: str = "date"  # date | range | period
    relative: bool = False


@dataclass(slots=True)
class Quantity:
    """A number with its unit: USD, EUR, KZT, RUB, t, count, pct, times."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    approx: bool = False


@dataclass(slots=True)
class Event:
    type: str
    date: str | None
    countries: list[str]
    place: str | None
    persons: list[str]
    evidence: Span
    cameo: str = ""
    plover: str = ""


@dataclass(slots=True)
class Indicator:
    kind: str
    scope: str
    countries: list[str]
    period: str | None
    value: float
    unit: str
    change_pct: float | None
    evidence: Span


@dataclass(slots=True)
class Commitment:
    kind: str  # agreed | planned | proposed | intent | instructed | invited
    due: str | None
    parties: list[str]
    evidence: Span
    action: str = ""


@dataclass(slots=True)
class SectorMention:
    sector: str
    evidence: Span


@dataclass
class Doc:
    """One article and everything extracted from it."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    country_mentions: list[CountryMention] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # the dyad(s) the article is about
    persons: list[Person] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    sectors: list[SectorMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    done: set[str] = field(default_factory=set)  # names of the fields filled so far

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_at(self, offset: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= offset < sent.end:
                return sent
        return None


def to_plain(obj: object) -> object:
    """Dataclass (or list of them) to plain JSON-ready data."""
    if isinstance(obj, list):
        return [to_plain(item) for item in obj]
    return asdict(obj)  # type: ignore[arg-type]
