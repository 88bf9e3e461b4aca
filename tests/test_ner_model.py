"""bilat's execution of natasha's NER model gives slovnet's own tags: on real news, on sequences
of every length (one word, long, chunked) and on random words."""

from __future__ import annotations

import itertools
import json
import random
import zipfile
from pathlib import Path

import numpy as np
import pytest
from razdel import sentenize, tokenize

from bilat.extract import ner_model
from bilat.extract.models import ner_tagger
from bilat.extract.ner import _encode

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
RU_NEWS_ZIP = SHARED / "corpora" / "ru_news" / "russia_today_3.jsonlines.zip"


def _slovnet_tags(items: list[tuple[list[int], list[int]]]) -> list[list[int]]:
    return ner_model.slovnet_tag_ids(items, batch=7)


def _sentences(texts: list[str]) -> list[list[str]]:
    return [[t.text for t in tokenize(s.text)] for text in texts for s in sentenize(text)]


def test_tags_equal_slovnets_on_real_news():
    if not RU_NEWS_ZIP.exists():
        pytest.skip("ru_news corpus not found")
    with zipfile.ZipFile(RU_NEWS_ZIP) as z, z.open(z.namelist()[0]) as stream:
        texts = [json.loads(line)["content"] or "" for line in itertools.islice(stream, 60)]
    items = [_encode(words) for words in _sentences(texts) if words]
    assert sum(len(ids) for ids, _ in items) > 20_000
    tags = ner_model.tag_ids(items)
    assert tags == _slovnet_tags(items)
    assert sum(t != 0 for seq in tags for t in seq) > 1_000  # entities were tagged


LENGTHS = [[1], [1, 1, 1], [2, 50, 1, 3], [400], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 120]]


@pytest.mark.parametrize("lengths", LENGTHS)
@pytest.mark.parametrize("chunk", [8, 100, ner_model.CHUNK_WORDS])
def test_tags_equal_slovnets_for_any_lengths_and_chunks(lengths, chunk, monkeypatch):
    monkeypatch.setattr(ner_model, "CHUNK_WORDS", chunk)
    words = "Президент России Владимир Путин встретился в Москве с главой МИД Сербии Ивицей Дачичем .".split()
    rnd = random.Random(sum(lengths) * chunk)
    items = [_encode([rnd.choice(words) for _ in range(n)]) for n in lengths]
    assert ner_model.tag_ids(items) == _slovnet_tags(items)


def test_emissions_equal_slovnets_model():
    items = [_encode(s) for s in _sentences(["Глава МИД Казахстана Мурат Нуртлеу прибыл в Белград. Там его встретили."])]
    infer = ner_tagger().infer
    batch = infer.encoder.input(items)
    expected = infer.model(batch.word_id, batch.shape_id, batch.pad_mask)
    got = ner_model._emissions(ner_model.weights(), items)
    for row, scores in enumerate(got):
        np.testing.assert_allclose(scores, expected[row, : len(scores)], rtol=1e-4, atol=1e-4)


def test_slovnets_execution_runs_a_model_of_another_layout(monkeypatch):
    items = [_encode(s) for s in _sentences(["Глава МИД Казахстана Мурат Нуртлеу прибыл в Белград."])]
    monkeypatch.setattr(ner_model, "weights", lambda: None)
    assert ner_model.tag_ids(items) == _slovnet_tags(items)


def test_no_sequences_and_empty_sequences():
    assert ner_model.tag_ids([]) == []
    assert ner_model.tag_ids([([], []), _encode(["Москва"]), ([], [])]) == [[], *_slovnet_tags([_encode(["Москва"])]), []]
