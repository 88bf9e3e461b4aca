"""The indicators stage's lexicon (src/bilat/data/indicator_lexicon.json), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..datafiles import read_json
from .folding import fold as norm

LEXICON_FILE = "indicator_lexicon.json"


@dataclass(frozen=True)
class KindPhrase:
    """``head`` is a cue for ``kind`` when one of ``any`` lies within ``window`` tokens
    after it (a negative window looks before it)."""

    kind: str
    head: str
    any: frozenset[str]
    window: int


@dataclass(frozen=True)
class IndicatorLexicon:
    kinds: dict[str, str]  # lemma -> kind
    kind_phrases: tuple[KindPhrase, ...]
    money_units: frozenset[str]
    flow_units: frozenset[str]
    companies_context: frozenset[str]
    change_up: frozenset[str]
    change_down: frozenset[str]
    target_markers: frozenset[str]  # plans and goals
    forecast_markers: frozenset[str]  # forecasts and expectations
    result_verbs: frozenset[str]  # verbs of change whose past tense reports a reached value
    subject_pronouns: frozenset[str]  # pronouns that stand for the previous sentence's figure
    anaphoric_nouns: frozenset[str]  # "этот показатель": a noun standing for it after...
    demonstratives: frozenset[str]  # ...one of these
    comparison_markers: frozenset[str]
    continuation_markers: tuple[str, ...]
    direction_from: frozenset[str]
    direction_to: frozenset[str]
    scopes: dict[str, str]  # lemma -> scope (agriculture, industry, or an English commodity)
    third_party_markers: frozenset[str]  # world, bloc or third-party totals ("мировой экспорт")
    plural_partner_nouns: frozenset[str]  # "со странами": a total over several partners
    domestic_nouns: frozenset[str]  # heads of domestic figures ("производство", "бюджет")
    linking_verbs: frozenset[str]  # verbs that may stand between a cue and its figure
    price_markers: frozenset[str]  # "за" after a money figure: a price per unit
    absolute_change_prepositions: frozenset[str]  # "на" before an absolute change
    respective_markers: frozenset[str]  # "соответственно": figures and periods paired in order


@cache
def lexicon() -> IndicatorLexicon:
    raw = read_json(LEXICON_FILE)
    kinds = {norm(lem): kind for kind, lemmas in raw["kinds"].items() for lem in lemmas}
    phrases = tuple(
        KindPhrase(p["kind"], norm(p["head"]), frozenset(map(norm, p["any"])), int(p["window"]))
        for p in raw["kind_phrases"]
    )
    scopes = {norm(lem): scope for scope, lemmas in raw["scopes"].items() for lem in lemmas}
    scopes.update({norm(lem): eng for lem, eng in raw["commodities"].items()})

    def fs(key: str) -> frozenset[str]:
        return frozenset(norm(w) for w in raw[key])

    return IndicatorLexicon(
        kinds=kinds,
        kind_phrases=phrases,
        money_units=frozenset(raw["money_units"]),
        flow_units=frozenset(raw["flow_units"]),
        companies_context=fs("companies_context"),
        change_up=fs("change_up"),
        change_down=fs("change_down"),
        target_markers=fs("target_markers"),
        forecast_markers=fs("forecast_markers"),
        result_verbs=fs("result_verbs"),
        subject_pronouns=fs("subject_pronouns"),
        anaphoric_nouns=fs("anaphoric_nouns"),
        demonstratives=fs("demonstratives"),
        comparison_markers=fs("comparison_markers"),
        continuation_markers=tuple(norm(w) for w in raw["continuation_markers"]),
        direction_from=fs("direction_from"),
        direction_to=fs("direction_to"),
        scopes=scopes,
        third_party_markers=fs("third_party_markers"),
        plural_partner_nouns=fs("plural_partner_nouns"),
        domestic_nouns=fs("domestic_nouns"),
        linking_verbs=fs("linking_verbs"),
        price_markers=fs("price_markers"),
        absolute_change_prepositions=fs("absolute_change_prepositions"),
        respective_markers=fs("respective_markers"),
    )
