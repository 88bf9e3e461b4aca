"""Score bilat on every gold set in one run: the seeds and the twelve ru_news sets.

    .venv/bin/python benchmarks/gold_sets.py [--json]

ru_news gold records name articles by url; the articles are read from the shared zip archives
at run time (whole corpus rows with ``id`` = url, exactly as ``bilat ingest`` would read them).
``ru_news_test.jsonl`` is held out: report its figures, never tune on its misses.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import zipfile
from pathlib import Path

from bilat.eval.run import iter_records, load_jsonl
from bilat.eval.scoring import PARTS, score

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "seeds": (SHARED / "gold" / "seeds.jsonl", None),
    "ru_news (5, tuned on)": (ROOT / "tests" / "gold" / "ru_news.jsonl", "urls"),
    "ru_news_dev (15, tuned on)": (ROOT / "tests" / "gold" / "ru_news_dev.jsonl", "urls"),
    "ru_news_dev2 (17, tuned on)": (ROOT / "tests" / "gold" / "ru_news_dev2.jsonl", "urls"),
    "ru_news_dev3 (14, tuned on)": (ROOT / "tests" / "gold" / "ru_news_dev3.jsonl", "urls"),
    "ru_news_dev4 (15, tuned on)": (ROOT / "tests" / "gold" / "ru_news_dev4.jsonl", "urls"),
    "ru_news_dev5 (15, tuned on)": (ROOT / "tests" / "gold" / "ru_news_dev5.jsonl", "urls"),
    "ru_news_dev6 (15, tuned on)": (ROOT / "tests" / "gold" / "ru_news_dev6.jsonl", "urls"),
    "ru_news_dev7 (15, tuned on)": (ROOT / "tests" / "gold" / "ru_news_dev7.jsonl", "urls"),
    "ru_news_dev8 (15, tuned on)": (ROOT / "tests" / "gold" / "ru_news_dev8.jsonl", "urls"),
    "ru_news_dev9 (15, tuned on)": (ROOT / "tests" / "gold" / "ru_news_dev9.jsonl", "urls"),
    "ru_news_dev10 (15, tuned on)": (ROOT / "tests" / "gold" / "ru_news_dev10.jsonl", "urls"),
    "ru_news_test (15, held out)": (ROOT / "tests" / "gold" / "ru_news_test.jsonl", "urls"),
}


def corpus_rows(urls: set[str]) -> list[dict]:
    rows: dict[str, dict] = {}
    for archive in sorted((SHARED / "corpora" / "ru_news").glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for member in zf.namelist():
                with zf.open(member) as fh:
                    for line in fh:
                        row = json.loads(line)
                        if row.get("url") in urls and row["url"] not in rows:
                            rows[row["url"]] = {"id": row["url"], **row}
    return [rows[u] for u in sorted(rows)]


def predictions(gold_file: Path, kind: str | None) -> list[dict]:
    if kind is None:
        return [r for r in iter_records([SHARED / "seeds"]) if isinstance(r, dict)]
    urls = {g["doc"] for g in load_jsonl(gold_file)}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus_rows(urls)),
            encoding="utf-8",
        )
        return [r for r in iter_records([path]) if isinstance(r, dict)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    results = {}
    for name, (gold_file, kind) in SETS.items():
        report = score(load_jsonl(gold_file), predictions(gold_file, kind))
        results[name] = report.as_dict()
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    print("| set | " + " | ".join(PARTS) + " | mean F1 |")
    print("|---" * (len(PARTS) + 2) + "|")
    for name, r in results.items():
        cells = [f"{r['parts'][p]['f1']:.3f}" for p in PARTS]
        print(f"| {name} | " + " | ".join(cells) + f" | **{r['mean_f1']:.3f}** |")


if __name__ == "__main__":
    main()
