"""Acceptance: after ingesting the seeds, persons and follow-through match gold/seeds-kb.json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bilat.ingest.runner import ingest
from bilat.store.engine import open_engine
from bilat.store.kb_read import dossier_from_kb

SHARED = Path(__file__).parents[1].parent / "shared"
SEEDS, GOLD = SHARED / "seeds", SHARED / "gold" / "seeds-kb.json"

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="../shared/gold/seeds-kb.json is absent")


def _gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else {"persons": [], "follow_through": []}


def _overlap(a: str, b: str) -> bool:
    a, b = " ".join(a.split()).lower(), " ".join(b.split()).lower()
    return a in b or b in a


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> dict:
    url = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'seeds.db'}"
    ingest([SEEDS], url, progress=False)
    engine = open_engine(url)
    try:
        return dossier_from_kb(engine, ("KZ", "RS"), date.fromisoformat(_gold()["as_of"])) | {
            "all": {code: dossier_from_kb(engine, ("KZ", code)) for code in ("KG", "RS")}
        }
    finally:
        engine.dispose()


@pytest.mark.parametrize("gold", _gold()["persons"], ids=lambda g: g["name"])
def test_person_is_one_person_linked_to_every_document(dossier, gold):
    names = dossier["doc_names"] | {k_: v for d in dossier["all"].values() for k_, v in d["doc_names"].items()}
    ids = {p["id"] for d in dossier["all"].values() for p in d["persons"] if p["name"] == gold["name"]}
    assert len(ids) == 1, f"{gold['name']}: {len(ids)} persons"
    docs = {names[doc] for d in dossier["all"].values() for p in d["persons"] if p["name"] == gold["name"] for doc in p["docs"]}
    assert docs == set(gold["docs"])


@pytest.mark.parametrize("gold", _gold()["follow_through"], ids=lambda g: g["quote"][:40])
def test_follow_through_status_and_evidence(dossier, gold):
    names = dossier["doc_names"]
    found = [c for c in dossier["commitments"] if names[c["doc"]] == gold["doc"] and _overlap(c["quote"], gold["quote"])]
    assert found, f"commitment not extracted: {gold['quote']!r}"
    assert {c["status"] for c in found} == {gold["status"]}
    evidence_docs = {names[e["doc"]] for c in found for e in c["evidence"]}
    assert {e["doc"] for e in gold["evidence"]} <= evidence_docs
