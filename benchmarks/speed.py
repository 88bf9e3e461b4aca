"""Speed of bilat's full pipeline against plain natasha on the same ru_news articles, one run.

Plain natasha: Segmenter + NewsMorphTagger + NewsNERTagger + span normalisation (MorphVocab).
bilat: ``bilat.extract.api.extract`` with every stage that exists. Both run single-threaded in
this process (numpy held to one BLAS thread) on the same N articles after a warm-up on the first
few, so per-core throughput is documents (or KB of UTF-8 text) per second of process CPU time; wall-clock figures are printed
too. Peak memory is the process's maximum resident set size (resource.getrusage).
``--interleave`` times the two systems article by article, alternating, so that load from
other processes on a shared machine falls on both alike.

    .venv/bin/python benchmarks/speed.py [-n 500] [--corpus DIR] [--json] [--interleave]
"""

from __future__ import annotations

import os

# per-core figures: one BLAS thread for both (numpy's thread pool would burn a second core
# spinning, which process CPU time counts); set before numpy is first imported
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from bilat.eval.corpus import CorpusArticle, iter_corpus  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "ru_news"
DEFAULT_DOCS = 500
WARMUP_DOCS = 10


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def cpu_seconds() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def run_natasha(article: CorpusArticle) -> int:
    from natasha import Doc

    from bilat.extract import models

    doc = Doc(article.content)
    doc.segment(models.segmenter())
    doc.tag_morph(models.morph_tagger())
    doc.tag_ner(models.ner_tagger())
    vocab = models.morph_vocab()
    for span in doc.spans:
        span.normalize(vocab)
    return len(doc.spans)


def bilat_runner(stages: list[str] | None) -> tuple[Callable[[CorpusArticle], int], list[str]]:
    """``bilat.extract.api.extract`` (every stage), or only the named ``stages`` in order."""
    from bilat.doc import Doc
    from bilat.extract.api import default_pipeline, extract
    from bilat.pipeline import build_pipeline

    if stages is None:
        names = [s.name for s in default_pipeline().stages]

        def run(article: CorpusArticle) -> int:
            doc = extract(article.url, article.content, published=article.published,
                          title=article.title)
            return len(doc.entities) + len(doc.events) + len(doc.indicators)

        return run, names
    pipeline = build_pipeline(stages)

    def run_subset(article: CorpusArticle) -> int:
        doc = pipeline(Doc(id=article.url, text=article.content, published=article.published,
                           title=article.title))
        return len(doc.entities) + len(doc.events) + len(doc.indicators)

    return run_subset, list(stages)


def measure(name: str, func: Callable[[CorpusArticle], int], articles: list[CorpusArticle]) -> dict:
    for article in articles[:WARMUP_DOCS]:
        func(article)
    kb = sum(len(a.content.encode("utf-8")) for a in articles) / 1024
    cpu0, wall0 = cpu_seconds(), time.perf_counter()
    for article in articles:
        func(article)
    cpu, wall = cpu_seconds() - cpu0, time.perf_counter() - wall0
    return {
        "name": name,
        "docs": len(articles),
        "kb": round(kb, 1),
        "cpu_s": round(cpu, 2),
        "wall_s": round(wall, 2),
        "docs_per_s_per_core": round(len(articles) / cpu, 2),
        "kb_per_s_per_core": round(kb / cpu, 1),
        "docs_per_s_wall": round(len(articles) / wall, 2),
        "kb_per_s_wall": round(kb / wall, 1),
        "peak_rss_mb_after": round(peak_rss_mb(), 1),
    }


def measure_interleaved(runs: dict[str, Callable[[CorpusArticle], int]],
                        articles: list[CorpusArticle]) -> dict[str, dict]:  # fmt: skip
    """Each article through every system in turn, timing each call: a burst of load from
    other processes on a shared machine falls on both systems alike, not on one of two
    back-to-back passes. Each system still meets every article once (bilat's word caches
    start cold on it, as in the sequential passes)."""
    for article in articles[:WARMUP_DOCS]:
        for func in runs.values():
            func(article)
    kb = sum(len(a.content.encode("utf-8")) for a in articles) / 1024
    cpu = dict.fromkeys(runs, 0.0)
    wall = dict.fromkeys(runs, 0.0)
    for article in articles:
        for name, func in runs.items():
            cpu0, wall0 = cpu_seconds(), time.perf_counter()
            func(article)
            cpu[name] += cpu_seconds() - cpu0
            wall[name] += time.perf_counter() - wall0
    n = len(articles)
    return {name: {"name": name, "docs": n, "kb": round(kb, 1), "cpu_s": round(cpu[name], 2),
                   "wall_s": round(wall[name], 2),
                   "docs_per_s_per_core": round(n / cpu[name], 2),
                   "kb_per_s_per_core": round(kb / cpu[name], 1),
                   "docs_per_s_wall": round(n / wall[name], 2),
                   "kb_per_s_wall": round(kb / wall[name], 1),
                   "peak_rss_mb_after": round(peak_rss_mb(), 1)}
            for name in runs}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--docs", type=int, default=DEFAULT_DOCS)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--stages", help="comma-separated bilat stages to run instead of all")
    parser.add_argument("--interleave", action="store_true",
                        help="time both systems article by article, alternating (robust to "
                             "load from other processes), instead of one pass each")  # fmt: skip
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"no ru_news corpus at {args.corpus}")
    articles = list(iter_corpus(args.corpus, limit=args.docs))
    rss_start = peak_rss_mb()
    run_bilat, stage_names = bilat_runner(args.stages.split(",") if args.stages else None)
    if args.interleave:
        both = measure_interleaved({"natasha": run_natasha, "bilat": run_bilat}, articles)
        natasha, bilat = both["natasha"], both["bilat"]
    else:
        natasha = measure("natasha", run_natasha, articles)
        bilat = measure("bilat", run_bilat, articles)
    result = {
        "docs": len(articles),
        "bilat_stages": stage_names,
        "natasha": natasha,
        "bilat": bilat,
        "ratio_bilat_to_natasha_speed": round(
            bilat["kb_per_s_per_core"] / natasha["kb_per_s_per_core"], 3),
        "interleaved": args.interleave,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "rss_mb_before_models": round(rss_start, 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{len(articles)} ru_news articles, {natasha['kb']} KB; bilat stages: "
          f"{', '.join(result['bilat_stages'])}")
    for r in (natasha, bilat):
        print(f"{r['name']:>8}: {r['kb_per_s_per_core']:8.1f} KB/s/core "
              f"{r['docs_per_s_per_core']:7.2f} docs/s/core  (wall {r['kb_per_s_wall']:.1f} KB/s, "
              f"{r['docs_per_s_wall']:.2f} docs/s; peak RSS so far {r['peak_rss_mb_after']} MB)")
    print(f"bilat/natasha speed ratio: {result['ratio_bilat_to_natasha_speed']}")
    print(f"peak memory: {result['peak_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
