"""Stage ``indicators``: reported economic figures (trade, export, import, investment, companies).

Each money, tonnage or count figure in a sentence with an indicator cue becomes one
:class:`Indicator`. The figure takes its kind from the nearest cue before it (after it when
there is none before), its scope from the words between it and the previous figure or cue
("в том числе сельхозпродукции – 313 млн, промышленной – 985 млн"), its change from a
percent or "в N раз" figure next to it that a change word governs, its period from a time
expression in the sentence or, for a sentence continuing the same report, the previous
sentence's period. Plans and targets ("готов увеличить экспорт до ...") are not figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..doc import Doc, Indicator, Quantity, Sentence
from ..pipeline import stage
from .event_context import time_preposition
from .indicator_countries import (
    bracketed_partner,
    companies_countries,
    context_mentions,
    flow_countries,
    names_a_partner,
    sentence_mentions,
    trade_countries,
)
from .indicator_cues import (
    FORECAST,
    TARGET,
    Cue,
    change_of,
    company_count_fits,
    cue_object,
    figure_mood,
    find_cues,
    is_absolute_change,
    is_comparison,
    is_price,
    is_third_party,
    lemma_of,
    link_broken,
    scope_in,
    starts_with_continuation,
    subject_pronoun,
    tokens_after,
    tokens_between,
)
from .indicator_lexicon import lexicon

CHANGE_UNITS = ("pct", "times")
GOODS_UNITS = frozenset({"t"})  # "1,5 млн тонн пшеницы": the goods follow a tonnage
GOODS_REACH = 1
PARTICIPATION = "участие"  # a companies context word only when it follows the count
SINCE_WORDS = frozenset({"с", "со"})  # "с 2005 года": a running total since then
# what may stand between the two ends of a range of values
RANGE_JOINERS = frozenset({"-", "–", "—", "до", "или"})
# kinds of a flow from one country to another
FLOW_KINDS = frozenset({"export", "import", "investment"})
# kinds whose figure must name a country in its own sentence (a domestic investment is not one)
SENTENCE_COUNTRY_KINDS = frozenset({"investment"})


@dataclass
class _Figure:
    quantity: Quantity
    cue: Cue
    window_start: int  # where the words describing this figure begin
    change: float | None = None
    period: str | None = None
    forecast: bool = False  # kept only when it is about the publication year


def _in(sent: Sentence, start: int) -> bool:
    return sent.start <= start < sent.end


def _pick_cue(cues: list[Cue], q: Quantity, sent: Sentence, values: list[Quantity]) -> Cue | None:
    """The nearest fitting cue before the figure; else the first after it, unless another
    value stands after the figure: "выловили 452 тыс. т, импортировали 89 тыс. т" gives the
    import cue its own figure, not the one before it."""
    lex = lexicon()
    fits = []
    for c in cues:
        if c.kind == "companies":
            if company_count_fits(sent, q, c) and _companies_context(sent, q):
                fits.append(c)
        elif q.unit in lex.flow_units:
            fits.append(c)
    before = [c for c in fits if c.start < q.start]
    if before:
        return before[-1]
    after = [c for c in fits if c.start > q.start]
    if not after:
        return None
    if after[0].kind != "companies" and any(v.start > q.end for v in values):
        return None
    return after[0]


def _range_end(sent: Sentence, prev_end: int, q: Quantity) -> bool:
    """Only a dash or "до" joins the previous value and this one: "$180 млн — $230 млн"."""
    gap = sent.text[prev_end - sent.start:q.start - sent.start].strip().lower()
    return gap in RANGE_JOINERS


def _companies_context(sent: Sentence, q: Quantity) -> bool:
    """A word of firms working in a country; "участие" only after the count ("предприятий с
    сербским участием"), not before it ("с участием 100 компаний" counts participants)."""
    ctx = lexicon().companies_context
    return any(
        lemma_of(t) in ctx and (lemma_of(t) != PARTICIPATION or t.start > q.end)
        for t in sent.tokens
    )


def _figures(
    sent: Sentence, quantities: list[Quantity], prev_kind: str | None = None
) -> list[_Figure]:
    """The sentence's figures; ``prev_kind`` is the kind of the previous sentence's last cue,
    which a subject pronoun ("он составил ...") carries into a sentence without a cue."""
    values = [q for q in quantities if q.unit not in CHANGE_UNITS]
    cues = find_cues(sent)
    if not cues and prev_kind and prev_kind != "companies" and values:
        pronoun = subject_pronoun(sent, values[0].start)
        if pronoun is not None:
            cues = [Cue(prev_kind, pronoun.start, sent.tokens.index(pronoun))]
    if not cues:
        return []
    paired = _respective_cues(sent, cues, values)
    figures: list[_Figure] = []
    prev_end = sent.start  # end of the previous value, figure or not
    clause_start = sent.start  # end of the previous figure: a plan word before it is its own
    prev_rejected = False  # the previous value was no figure: its range end is none either
    for q in values:
        cue = paired.get(q.start) or _pick_cue(cues, q, sent, values)
        in_range = _range_end(sent, prev_end, q) and prev_end > sent.start
        if is_absolute_change(sent, q):  # "на 0,5 млн тонн — до 4 млн": the change only
            prev_end = q.end
            prev_rejected = False
            continue
        if cue is None or is_price(sent, q) or (in_range and prev_rejected):
            prev_end = q.end
            prev_rejected = True
            continue
        start = prev_end
        if cue.start < q.start and cue.start >= prev_end:
            # the cue opens this figure's words; an adjective right before it belongs too
            start = sent.tokens[max(cue.index - 1, 0)].start
        mood = figure_mood(sent, clause_start, start, q) if cue.kind != "companies" else None
        unrelated = cue.kind != "companies" and (
            link_broken(sent, cue, q) or is_third_party(sent, cue, start, q))
        prev_rejected = mood == TARGET or unrelated
        if prev_rejected:
            prev_end = q.end
            continue
        figures.append(_Figure(q, cue, start, forecast=mood == FORECAST))
        prev_end = clause_start = q.end
    _attach_changes(sent, figures, [q for q in quantities if q.unit in CHANGE_UNITS])
    return figures


def _attach_changes(sent: Sentence, figures: list[_Figure], changes: list[Quantity]) -> None:
    """Each change figure goes to the nearest value figure that has none yet."""
    for q in changes:
        pct = change_of(sent, q)
        if pct is None or not figures:
            continue
        free = [f for f in figures if f.change is None]
        if not free:
            continue
        best = min(free, key=lambda f: _gap(f.quantity, q))
        best.change = pct


def _gap(a: Quantity, b: Quantity) -> int:
    return b.start - a.end if b.start >= a.end else a.start - b.end


def _period(doc: Doc, sent: Sentence, fig: _Figure) -> str | None:
    times = [
        t
        for t in doc.times
        if _in(sent, t.start) and t.value and not is_comparison(doc.text, t, sent.start)
    ]
    if not times:
        return None
    before = [t for t in times if t.start < fig.quantity.start]
    chosen = before[-1] if before else times[0]
    if time_preposition(doc, chosen) in SINCE_WORDS and "/" not in chosen.value:
        # "с 2005 года": a running total from then to the publication
        year = chosen.value[:4]
        return f"{year}/{doc.published.year}" if doc.published and year.isdigit() else None
    return chosen.value


def _respective_cues(sent: Sentence, cues: list[Cue], values: list[Quantity]) -> dict[int, Cue]:
    """ "российский экспорт достиг уровня индонезийского импорта ($670 млн и $665 млн
    соответственно)": as many cues of different kinds as values, all before the first value,
    pair with them in order (keyed by the value's start)."""
    if len(values) < 2 or len(cues) != len(values) or cues[-1].start > values[0].start:
        return {}
    if len({c.kind for c in cues}) < 2 or not _respective(sent):
        return {}
    return {q.start: cue for q, cue in zip(values, cues, strict=True)}


def _respective(sent: Sentence) -> bool:
    return any(lemma_of(t) in lexicon().respective_markers for t in sent.tokens)


def _respective_periods(doc: Doc, sent: Sentence, figures: list[_Figure]) -> list[str | None]:
    """ "В 2015 и 2016 годах ... $3,9 и $3,8 млрд соответственно": a run of consecutive figures
    sharing one cue takes, in order, the periods named between the previous figure and the run
    (as many periods as figures); None for any other figure."""
    out: list[str | None] = [None] * len(figures)
    if len(figures) < 2 or not _respective(sent):
        return out
    first = 0
    for n in range(1, len(figures) + 1):
        if n < len(figures) and figures[n].cue.start == figures[first].cue.start:
            continue  # the run goes on
        if n - first >= 2:
            lo = figures[first - 1].quantity.end if first else sent.start
            times = [t.value for t in doc.times
                     if lo <= t.start < figures[first].quantity.start and _in(sent, t.start) and t.value]  # fmt: skip
            if len(times) == n - first:
                out[first:n] = times
        first = n
    return out


def _countries(
    doc: Doc, sent: Sentence, fig: _Figure, bounds: tuple[int, int] | None = None
) -> list[str]:
    """``bounds``: the stretch of the sentence that belongs to this figure, when the sentence
    holds others ("экспорт в Сербию составил A, импорт из Сербии – B")."""
    mentions = sentence_mentions(doc, sent)
    if bounds is not None:
        own = [m for m in mentions if bounds[0] <= m.start < bounds[1]]
        mentions = own or mentions
    anchor = fig.cue.start
    if fig.cue.kind == "trade":
        context = context_mentions(doc, sent)
        if bounds is not None:  # "оборот между A и B достиг X, товарооборот C и D – Y и Z"
            lo = min(bounds[0], anchor)
            own_pair = [m for m in context if lo <= m.start < bounds[1]]
            context = own_pair if len({m.code for m in own_pair}) >= 2 else context
        return trade_countries(doc, context, anchor)
    if fig.cue.kind == "companies":
        return companies_countries(doc, mentions, anchor)
    mentions = bracketed_partner(doc, mentions, fig.cue.kind, fig.quantity.start)
    return flow_countries(doc, fig.cue.kind, mentions, anchor, fig.quantity.start)


def _own_stretch(sent: Sentence, figures: list[_Figure], n: int) -> tuple[int, int]:
    """From the previous figure's value to the next figure's own cue (or the sentence's end)."""
    lo = figures[n - 1].quantity.end if n else sent.start
    hi = sent.end
    if n + 1 < len(figures) and figures[n + 1].cue.start > figures[n].quantity.end:
        hi = figures[n + 1].cue.start
    return lo, hi


def _is_publication_year(doc: Doc, period: str | None) -> bool:
    return bool(period and doc.published and period[:4] == str(doc.published.year))


def _names_a_country(doc: Doc, sent: Sentence) -> bool:
    return any(_in(sent, m.start) for m in doc.country_mentions)


@stage(
    "indicators",
    requires=("sentences", "country_mentions", "times", "quantities", "countries"),
    provides=("indicators",),
)
def indicators(doc: Doc) -> Doc:
    doc.indicators = []
    seen: set[tuple] = set()
    carried: str | None = None  # the period of the previous sentence's figures
    prev_kind: str | None = None  # the kind of the previous sentence's last cue
    reporting = False  # the previous sentence gave a figure between the two countries
    for sent in doc.sentences:
        quantities = sorted(
            (q for q in doc.quantities if _in(sent, q.start)), key=lambda q: q.start
        )
        figures = _figures(sent, quantities, prev_kind)
        own_cues = find_cues(sent)
        prev_kind = own_cues[-1].kind if own_cues else None
        if not figures:
            if not starts_with_continuation(sent):
                carried = None
            reporting = False
            continue
        found_before = len(doc.indicators)
        respective = _respective_periods(doc, sent, figures)
        for n, fig in enumerate(figures):
            countries = _countries(doc, sent, fig, _own_stretch(sent, figures, n))
            if fig.cue.kind in FLOW_KINDS and not reporting and not names_a_partner(
                    sentence_mentions(doc, sent), fig.cue.start):
                continue  # "импорт КНДР сократился": one country's trade with the world
            if len(set(countries)) < 2:
                continue  # a figure of one country alone is domestic, not between two
            if fig.cue.kind == "companies" and not _names_a_country(doc, sent):
                continue  # "10 региональных компаний": firms of no foreign country
            if fig.cue.kind in SENTENCE_COUNTRY_KINDS and not _names_a_country(doc, sent):
                continue  # "инвестиции компании в строительство": no country, no flow between two
            # a count of firms is a stock at the time of writing: no period carried into it
            period = respective[n] or _period(doc, sent, fig)
            period = period or (carried if fig.cue.kind != "companies" else None)
            if fig.forecast and not _is_publication_year(doc, period):
                continue  # a forecast for a later year is a goal, not a figure
            scope = scope_in(tokens_between(sent, fig.window_start, fig.quantity.start))
            if scope is None and fig.cue.start < fig.window_start:
                scope = scope_in(cue_object(sent, fig.cue))
            if scope is None and fig.quantity.unit in GOODS_UNITS:
                scope = scope_in(tokens_after(sent, fig.quantity.end, GOODS_REACH))
            ind = Indicator(
                kind=fig.cue.kind,
                scope=scope or "total",
                countries=countries,
                period=period,
                value=fig.quantity.value,
                unit=fig.quantity.unit,
                change_pct=fig.change,
                evidence=doc.span(sent.start, sent.end),
            )
            key = (ind.kind, ind.scope, tuple(ind.countries), ind.period, ind.value, ind.unit)
            if key not in seen:
                seen.add(key)
                doc.indicators.append(ind)
            carried = period or carried
        reporting = len(doc.indicators) > found_before
    return doc
