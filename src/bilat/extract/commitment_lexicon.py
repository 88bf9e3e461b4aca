"""The commitment cue lexicon: ``data/commitment_cues.json`` read into typed records."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..datafiles import read_json


@dataclass(frozen=True, slots=True)
class Cue:
    lemmas: frozenset[str]
    kind: str
    tense: str
    next: str
    reach: int
    # lemmas of the two words before the cue that cancel it ("принял приглашение", "по приглашению")
    not_after: frozenset[str] = frozenset()
    # word forms that must follow the cue right away ("имеется" + "в виду")
    then: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CommitmentLexicon:
    cues: tuple[Cue, ...]
    future_kind: str
    generic_verbs: frozenset[str]
    party_lemmas: frozenset[str]
    organ_lemmas: frozenset[str]
    prospect_kind: str
    prospect_verbs: frozenset[str]
    prospect_nouns: frozenset[str]
    generic_heads: frozenset[str]
    generic_objects: frozenset[str]
    specifiers: frozenset[str]
    event_anaphors: frozenset[str]
    event_nouns: frozenset[str]
    anaphoric_determiners: frozenset[str]
    relative_pronouns: frozenset[str]
    split_after: frozenset[str]
    split_heads: frozenset[str]
    intransitive_generic: frozenset[str]
    short_form_only: frozenset[str]
    vague_markers: frozenset[str]
    promise_verbs: frozenset[str] = frozenset()
    progress_nouns: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    domestic_nouns: frozenset[str] = frozenset()
    method_markers: frozenset[str] = frozenset()
    conditional_markers: frozenset[str] = frozenset()
    core_stop_lemmas: frozenset[str] = frozenset()
    non_party_invitees: frozenset[str] = frozenset()
    condition_phrases: tuple[tuple[str, ...], ...] = ()
    dependent_openers: tuple[tuple[str, ...], ...] = ()
    two_sided_markers: frozenset[str] = frozenset()
    one_sided_kinds: frozenset[str] = frozenset()
    hostile_lemmas: frozenset[str] = frozenset()
    adverb_forms: frozenset[str] = frozenset()
    min_evidence_words: int = 0
    stock_phrases: frozenset[tuple[str, str]] = frozenset()  # (verb, object) of official speech
    candidate_lemmas: frozenset[str] = frozenset()  # cue lemmas and prospect nouns: a first test
    readiness_lemmas: frozenset[str] = frozenset()
    action_nouns: frozenset[str] = frozenset()
    event_verbs: frozenset[str] = frozenset()
    opinion_markers: frozenset[str] = frozenset()
    opinion_verbs: frozenset[str] = frozenset()
    analyst_nouns: frozenset[str] = frozenset()
    agreement_verbs: frozenset[str] = frozenset()
    success_verbs: frozenset[str] = frozenset()
    solo_markers: frozenset[str] = frozenset()
    promise_adverbs: frozenset[str] = frozenset()
    past_state_lemmas: frozenset[str] = frozenset()
    route_words: frozenset[str] = frozenset()
    planned_participles: frozenset[str] = frozenset()
    speech_act_verbs: frozenset[str] = frozenset()
    passage_verbs: frozenset[str] = frozenset()
    passage_nouns: frozenset[str] = frozenset()
    passage_prepositions: frozenset[str] = frozenset()
    passage_places: frozenset[str] = frozenset()
    event_subjects: frozenset[str] = frozenset()
    document_cues: frozenset[str] = frozenset()
    vague_proposal_objects: frozenset[str] = frozenset()
    think_tank_nouns: frozenset[str] = frozenset()
    consequence_objects: frozenset[str] = frozenset()
    entity_nouns: frozenset[str] = frozenset()
    passage_time_units: frozenset[str] = frozenset()
    consequence_verbs: frozenset[str] = frozenset()
    planned_dates: frozenset[str] = frozenset()


@cache
def load_cues() -> CommitmentLexicon:
    raw = read_json("commitment_cues.json")
    fut, pro = raw["future_action"], raw["discussed_prospect"]

    def fs(key: str) -> frozenset[str]:
        return frozenset(raw[key])

    cues = tuple(
        Cue(
            frozenset(c["lemmas"]),
            c["kind"],
            c["tense"],
            c["next"],
            int(c["reach"]),
            frozenset(c.get("not_after", ())),
            tuple(c.get("then", ())),
        )
        for c in raw["cues"]
    )
    return CommitmentLexicon(
        cues=cues,
        candidate_lemmas=frozenset(pro["nouns"]).union(*(c.lemmas for c in cues)),
        future_kind=fut["kind"],
        generic_verbs=frozenset(fut["generic_verbs"]),
        party_lemmas=frozenset(fut["party_lemmas"]),
        organ_lemmas=frozenset(fut.get("organ_lemmas", ())),
        prospect_kind=pro["kind"],
        prospect_verbs=frozenset(pro["verbs"]),
        prospect_nouns=frozenset(pro["nouns"]),
        generic_heads=fs("generic_heads"),
        generic_objects=fs("generic_objects"),
        specifiers=fs("specifiers"),
        event_anaphors=fs("event_anaphors"),
        event_nouns=fs("event_nouns"),
        anaphoric_determiners=fs("anaphoric_determiners"),
        relative_pronouns=fs("relative_pronouns"),
        split_after=fs("split_after"),
        split_heads=fs("split_heads"),
        intransitive_generic=fs("intransitive_generic"),
        short_form_only=fs("short_form_only"),
        vague_markers=fs("vague_markers"),
        promise_verbs=frozenset(raw.get("promise_verbs", ())),
        progress_nouns=frozenset(raw.get("progress_nouns", ())),
        measure_nouns=frozenset(raw.get("measure_nouns", ())),
        domestic_nouns=frozenset(raw.get("domestic_nouns", ())),
        method_markers=frozenset(raw.get("method_markers", ())),
        conditional_markers=frozenset(raw.get("conditional_markers", ())),
        stock_phrases=frozenset(tuple(p) for p in raw.get("stock_phrases", ())),
        core_stop_lemmas=frozenset(raw.get("core_stop_lemmas", ())),
        non_party_invitees=frozenset(raw.get("non_party_invitees", ())),
        condition_phrases=tuple(tuple(p) for p in raw.get("condition_phrases", ())),
        dependent_openers=tuple(tuple(p) for p in raw.get("dependent_openers", ())),
        two_sided_markers=frozenset(raw.get("two_sided_markers", ())),
        one_sided_kinds=frozenset(raw.get("one_sided_kinds", ())),
        hostile_lemmas=frozenset(raw.get("hostile_lemmas", ())),
        adverb_forms=frozenset(raw.get("adverb_forms", ())),
        min_evidence_words=int(raw.get("min_evidence_words", 0)),
        **{key: frozenset(raw.get(key, ())) for key in _FILTER_KEYS},
    )


_FILTER_KEYS = (
    "readiness_lemmas",
    "action_nouns",
    "event_verbs",
    "opinion_markers",
    "opinion_verbs",
    "analyst_nouns",
    "agreement_verbs",
    "success_verbs",
    "solo_markers",
    "promise_adverbs",
    "past_state_lemmas",
    "route_words",
    "planned_participles",
    "speech_act_verbs",
    "passage_verbs",
    "passage_nouns",
    "passage_prepositions",
    "passage_places",
    "event_subjects",
    "document_cues",
    "vague_proposal_objects",
    "think_tank_nouns",
    "consequence_objects",
    "entity_nouns",
    "passage_time_units",
    "consequence_verbs",
    "planned_dates",
)
