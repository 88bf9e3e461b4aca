"""The event trigger lexicon: ``data/event_triggers.json`` read into typed records (which words
report which event type, and the word lists the trigger rules of :mod:`event_triggers` read)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..datafiles import read_json


@dataclass(frozen=True, slots=True)
class Trigger:
    lemmas: frozenset[str]
    pos: str  # verb | noun
    type: str
    needs: frozenset[str] = frozenset()
    window: int = 0
    side: str = "both"
    weak: bool = False
    governors: frozenset[str] = frozenset()
    needs_case: str = ""  # grammatical case a needed word must have ("accs": the verb's object)
    all_parties: bool = False  # a session of a body of states: every country of the dyad


@dataclass(frozen=True, slots=True)
class EventLexicon:
    triggers: tuple[Trigger, ...]
    blockers: frozenset[str]
    factual_modifiers: frozenset[str]
    present_modifiers: frozenset[str]
    prospective_modifiers: frozenset[str]
    reminiscence: frozenset[str]
    anaphoric: frozenset[str]
    clause_cancellers: frozenset[str]
    speech_verbs: frozenset[str]  # "заявил": when it was said, not that it happened
    topic_verbs: frozenset[str]  # "что касается встречи": a topic, not an occurrence
    one_country_meeting_persons: int  # persons of one country that make a meeting domestic
    codes: dict[str, dict]
    topic_heads: frozenset[str] = frozenset()
    process_modifiers: frozenset[str] = frozenset()
    visit_non_objects: frozenset[str] = frozenset()
    reference_frames: frozenset[tuple[str, str]] = frozenset()
    two_party_types: frozenset[str] = frozenset()
    two_party_markers: frozenset[str] = frozenset()
    visit_non_agents: frozenset[str] = frozenset()
    domestic_acts: frozenset[str] = frozenset()
    sports_lemmas: frozenset[str] = frozenset()
    sports_min_distinct: int = 0
    sports_report_share: float = 1.0
    sports_lead_share: float = 1.0
    sports_lead_sentences: int = 0
    meeting_non_partners: frozenset[str] = frozenset()
    meeting_partner_reach: int = 0
    topic_process_nouns: frozenset[str] = frozenset()
    topic_prepositions: frozenset[str] = frozenset()
    held_verbs: frozenset[str] = frozenset()
    official_lemmas: frozenset[str] = frozenset()
    process_verbs: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()
    habitual_markers: frozenset[str] = frozenset()
    generic_modifiers: frozenset[str] = frozenset()
    modal_predicates: frozenset[str] = frozenset()
    ongoing_verbs: frozenset[str] = frozenset()
    process_prepositions: frozenset[str] = frozenset()
    process_stages: frozenset[str] = frozenset()
    purpose_conjunctions: frozenset[str] = frozenset()
    role_heads: frozenset[str] = frozenset()
    role_reach: int = 0
    month_adjectives: dict[str, int] = field(default_factory=dict)
    multilateral_bodies: frozenset[str] = frozenset()  # blocs of states ("брикс", "опек")
    trigger_lemmas: frozenset[str] = frozenset()  # every trigger's lemmas: a word without one is none


@cache
def load_lexicon() -> EventLexicon:
    raw = read_json("event_triggers.json")
    groups = {k: frozenset(v) for k, v in raw["object_lemmas"].items()}
    triggers = []
    for t in raw["triggers"]:
        needs = set(t.get("needs", ())) | set(groups.get(t.get("needs_group", ""), ()))
        triggers.append(
            Trigger(
                lemmas=frozenset(t["lemmas"]),
                pos=t["pos"],
                type=t["type"],
                needs=frozenset(needs),
                window=int(t.get("window", 0)),
                side=t.get("side", "both"),
                weak=bool(t.get("weak", False)),
                governors=frozenset(t.get("governors", ())),
                needs_case=t.get("needs_case", ""),
                all_parties=bool(t.get("all_parties", False)),
            )
        )
    codes = read_json("event_codes.json")
    codes.pop("_doc", None)
    return EventLexicon(
        triggers=tuple(triggers),
        blockers=frozenset(raw["blockers"]),
        factual_modifiers=frozenset(raw["factual_modifiers"]),
        present_modifiers=frozenset(raw["present_modifiers"]),
        prospective_modifiers=frozenset(raw["prospective_modifiers"]),
        reminiscence=frozenset(raw["reminiscence"]),
        anaphoric=frozenset(raw["anaphoric"]),
        clause_cancellers=frozenset(raw["clause_cancellers"]),
        speech_verbs=frozenset(raw.get("speech_verbs", ())),
        topic_verbs=frozenset(raw.get("topic_verbs", ())),
        one_country_meeting_persons=int(raw["one_country_meeting_persons"]),
        codes=codes,
        topic_heads=frozenset(raw.get("topic_heads", ())),
        process_modifiers=frozenset(raw.get("process_modifiers", ())),
        visit_non_objects=frozenset(raw.get("visit_non_objects", ())),
        reference_frames=frozenset(tuple(f) for f in raw.get("reference_frames", ())),
        two_party_types=frozenset(raw.get("two_party_types", ())),
        two_party_markers=frozenset(raw.get("two_party_markers", ())),
        visit_non_agents=frozenset(raw.get("visit_non_agents", ())),
        domestic_acts=frozenset(raw.get("domestic_acts", ())),
        sports_lemmas=frozenset(raw.get("sports_lemmas", ())),
        sports_min_distinct=int(raw.get("sports_min_distinct", 0)),
        sports_report_share=float(raw.get("sports_report_share", 1.0)),
        sports_lead_share=float(raw.get("sports_lead_share", 1.0)),
        sports_lead_sentences=int(raw.get("sports_lead_sentences", 0)),
        meeting_non_partners=frozenset(raw.get("meeting_non_partners", ())),
        meeting_partner_reach=int(raw.get("meeting_partner_reach", 0)),
        topic_process_nouns=frozenset(raw.get("topic_process_nouns", ())),
        topic_prepositions=frozenset(raw.get("topic_prepositions", ())),
        held_verbs=frozenset(raw.get("held_verbs", ())),
        official_lemmas=frozenset(raw.get("official_lemmas", ())),
        process_verbs=frozenset(raw.get("process_verbs", ())),
        count_nouns=frozenset(raw.get("count_nouns", ())),
        habitual_markers=frozenset(raw.get("habitual_markers", ())),
        generic_modifiers=frozenset(raw.get("generic_modifiers", ())),
        modal_predicates=frozenset(raw.get("modal_predicates", ())),
        ongoing_verbs=frozenset(raw.get("ongoing_verbs", ())),
        process_prepositions=frozenset(raw.get("process_prepositions", ())),
        process_stages=frozenset(raw.get("process_stages", ())),
        purpose_conjunctions=frozenset(raw.get("purpose_conjunctions", ())),
        role_heads=frozenset(raw.get("role_heads", ())),
        role_reach=int(raw.get("role_reach", 0)),
        month_adjectives={k: int(v) for k, v in raw.get("month_adjectives", {}).items()},
        multilateral_bodies=groups.get("multilateral_body", frozenset()),
        trigger_lemmas=frozenset().union(*(t.lemmas for t in triggers)),
    )
