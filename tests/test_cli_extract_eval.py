"""``bilat extract`` and ``bilat eval`` on small hand-written inputs."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from bilat.cli.eval_cmd import command as eval_command
from bilat.cli.extract_cmd import EXIT_REJECTED
from bilat.cli.extract_cmd import command as extract_command

ARTICLE = (
    " date 2025-03-14 В Анкаре прошли переговоры министров иностранных дел России и Турции.\n\n"
    "Сергей Лавров и его турецкий коллега обсудили торговлю и туризм. Стороны договорились "
    "провести следующее заседание межправительственной комиссии в 2026 году.\n"
)

GOLD = [
    {"doc": "a.txt", "countries": ["RU", "TR"], "sectors": ["trade", "tourism"],
     "persons": [{"name": "Сергей Лавров", "country": "RU"}],
     "events": [{"type": "meeting", "date": "2025-03", "countries": ["RU", "TR"]}],
     "indicators": [], "commitments": [{"quote": "провести следующее заседание", "due": "2026"}]},
    {"doc": "b.txt", "countries": ["CN", "RU"], "sectors": ["energy"], "persons": [],
     "events": [], "indicators": [], "commitments": []},
]
PRED_A = {**GOLD[0], "sectors": ["trade"], "persons": [{"name": "Сергей Лавров", "country": "TR"}],
          "commitments": [{"due": "2026", "evidence": {"start": 0, "end": 60, "text":
                           "Стороны договорились провести следующее заседание комиссии"}}]}


def _write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


@pytest.fixture
def gold_file(tmp_path):
    return _write_jsonl(tmp_path / "gold.jsonl", GOLD)


@pytest.fixture
def pred_file(tmp_path):
    return _write_jsonl(tmp_path / "pred.jsonl", [PRED_A])


def test_eval_json_scores_and_missing_docs(gold_file, pred_file):
    result = CliRunner().invoke(eval_command, ["--gold", str(gold_file), "--pred", str(pred_file),
                                               "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["missing_documents"] == ["b.txt"]  # counted as all misses
    assert out["parts"]["countries"] == pytest.approx(
        {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "tp": 2, "fp": 0, "fn": 2})
    assert out["parts"]["sectors"]["recall"] == pytest.approx(1 / 3)
    assert out["parts"]["commitments"]["f1"] == 1.0
    assert out["secondary"]["person_country"] == {"value": 0.0, "right": 0, "total": 1}
    assert out["mean_f1"] == pytest.approx(sum(p["f1"] for p in out["parts"].values()) / 6)


def test_eval_table_and_diff(gold_file, pred_file):
    result = CliRunner().invoke(eval_command, ["--gold", str(gold_file), "--pred", str(pred_file),
                                               "--diff"])
    assert result.exit_code == 0, result.output
    for expected in ("precision", "mean F1", "commitments", "person country right",
                     "miss      sectors: tourism", "b.txt (no prediction)",
                     "Сергей Лавров country TR, gold RU"):
        assert expected in result.output


@pytest.mark.parametrize("args", [[], ["--pred", "PRED", "ARTICLE_DIR"]])
def test_eval_needs_paths_or_pred_not_both(gold_file, pred_file, tmp_path, args):
    args = [str(pred_file) if a == "PRED" else str(tmp_path) if a == "ARTICLE_DIR" else a
            for a in args]
    result = CliRunner().invoke(eval_command, ["--gold", str(gold_file), *args])
    assert result.exit_code == 2
    assert "either PATH" in result.output


def test_eval_rejects_a_malformed_gold_file(tmp_path, pred_file):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "a.txt"}\nnot json\n', "utf-8")
    result = CliRunner().invoke(eval_command, ["--gold", str(bad), "--pred", str(pred_file)])
    assert result.exit_code == 1
    assert "bad.jsonl:2" in result.output


@pytest.fixture
def article_dir(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ru_tr.txt").write_text(ARTICLE, "utf-8")
    return folder


def test_extract_prints_one_record_per_document(article_dir):
    result = CliRunner().invoke(extract_command, [str(article_dir)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in records] == ["ru_tr.txt"]
    assert records[0]["published"] == "2025-03-14"
    for key in ("countries", "persons", "events", "indicators", "commitments", "sectors"):
        assert isinstance(records[0][key], list)


def test_extract_reports_rejected_inputs_and_goes_on(article_dir):
    (article_dir / "empty.txt").write_text("", "utf-8")
    result = CliRunner().invoke(extract_command, [str(article_dir)])
    assert result.exit_code == EXIT_REJECTED
    assert "empty.txt" in result.stderr and "rejected" in result.stderr
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["ru_tr.txt"]


def test_extract_pretty_summary(article_dir):
    result = CliRunner().invoke(extract_command, [str(article_dir), "--format", "pretty"])
    assert result.exit_code == 0, result.output
    for expected in ("ru_tr.txt", "published 2025-03-14", "countries", "persons", "events",
                     "indicators", "commitments", "sectors"):
        assert expected in result.stdout


def test_eval_extracts_paths(article_dir, tmp_path):
    gold = _write_jsonl(tmp_path / "g.jsonl", [{**GOLD[0], "doc": "ru_tr.txt"}])
    result = CliRunner().invoke(eval_command, ["--gold", str(gold), str(article_dir), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["documents"] == 1 and out["missing_documents"] == []
