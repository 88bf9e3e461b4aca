"""Quality gate: extraction over the shared seeds scored against their gold must not regress.

Also gates the score on tests/gold/ru_news.jsonl (a lower floor), hand-made gold
for five real ru_news articles that are read from the shared corpus at run time, and on the
eight development sets pooled (121 real articles, mostly analysis, annotated blind), so that a
rule that helps the seeds but costs real text shows up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilat.cli.eval_cmd import command as eval_command
from bilat.eval.corpus import iter_corpus
from bilat.eval.run import load_jsonl
from bilat.eval.scoring import score

# Floors: raise them as the pipeline improves, never lower them to make a change pass.
SEEDS_MEAN_F1_FLOOR = 0.975  # measured 0.983 when raised (0.977 when first pinned)
# measured when raised: countries, persons, events, indicators 1.0; commitments 0.909;
# sectors 0.990
SEEDS_PART_F1_FLOOR = {
    "countries": 0.95, "persons": 0.95, "events": 0.95, "indicators": 0.95,
    "commitments": 0.88, "sectors": 0.95,
}
# five real articles (tuned on since it was first pinned at 0.582): measured 0.924 when raised
RU_NEWS_MEAN_F1_FLOOR = 0.85
# the development sets pooled: the first five measured 0.768 when pinned at 0.75 and 0.773
# later; with the sixth to eighth (harder, newer) the pool measured 0.728 when re-pinned
# (2026-11-24 afternoon)
DEV_SETS = tuple(f"ru_news_dev{n}" for n in ("", 2, 3, 4, 5, 6, 7, 8))
DEV_MEAN_F1_FLOOR = 0.71

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS, SEEDS_GOLD = SHARED / "seeds", SHARED / "gold" / "seeds.jsonl"
RU_NEWS, RU_NEWS_GOLD = SHARED / "corpora" / "ru_news", REPO / "tests" / "gold" / "ru_news.jsonl"


def _need(*paths: Path) -> None:
    for path in paths:
        if not path.exists():
            pytest.skip(f"{path} is absent")


@pytest.fixture(scope="module")
def seeds_report():
    _need(SEEDS, SEEDS_GOLD)
    from bilat.eval.run import iter_records

    predicted = [r for r in iter_records([SEEDS]) if isinstance(r, dict)]
    assert len(predicted) == len(list(SEEDS.glob("*.txt")))
    return score(load_jsonl(SEEDS_GOLD), predicted)


def test_seeds_mean_f1_above_floor(seeds_report):
    print(json.dumps(seeds_report.as_dict(), indent=1))
    assert not [d.doc for d in seeds_report.docs if d.missing_doc]
    assert seeds_report.mean_f1 >= SEEDS_MEAN_F1_FLOOR


@pytest.mark.parametrize("part", sorted(SEEDS_PART_F1_FLOOR))
def test_seeds_part_f1_above_floor(seeds_report, part):
    assert seeds_report.parts[part].f1 >= SEEDS_PART_F1_FLOOR[part]


def ru_news_predictions(gold: list[dict]) -> list[dict]:
    """Extract the gold's ru_news articles (found by url in the shared archives)."""
    from bilat.extract.api import extract
    from bilat.record import to_record

    records = []
    for art in iter_corpus(RU_NEWS, urls=[g["doc"] for g in gold]):
        doc = extract(art.url, art.content, published=art.published, title=art.title, url=art.url)
        records.append(to_record(doc))
    return records


def test_ru_news_gold_through_bilat_eval(tmp_path):
    _need(RU_NEWS)
    gold = load_jsonl(RU_NEWS_GOLD)
    predicted = ru_news_predictions(gold)
    assert sorted(r["doc"] for r in predicted) == sorted(g["doc"] for g in gold)
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in predicted),
                         encoding="utf-8")
    result = CliRunner().invoke(
        eval_command, ["--gold", str(RU_NEWS_GOLD), "--pred", str(pred_file), "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    print("ru_news gold:", json.dumps({"mean_f1": figures["mean_f1"],
                                       **{p: v["f1"] for p, v in figures["parts"].items()}}))
    assert figures["documents"] == len(gold) and not figures["missing_documents"]
    assert figures["mean_f1"] >= RU_NEWS_MEAN_F1_FLOOR


def test_development_sets_pooled_above_floor():
    _need(RU_NEWS)
    gold = [g for name in DEV_SETS for g in load_jsonl(REPO / "tests" / "gold" / f"{name}.jsonl")]
    predicted = ru_news_predictions(gold)
    assert sorted(r["doc"] for r in predicted) == sorted(g["doc"] for g in gold)
    report = score(gold, predicted)
    print("development sets:", json.dumps({"mean_f1": report.mean_f1,
                                           **{p: v.f1 for p, v in report.parts.items()}}))
    assert report.mean_f1 >= DEV_MEAN_F1_FLOOR
