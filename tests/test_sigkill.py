"""A `bilat ingest` killed with SIGKILL mid-run, then rerun, stores exactly what a clean run does."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from bilat.store import schema as s

ARTICLES = 1200
BATCH = 30
KILL_AFTER_DOCS = 3 * BATCH  # kill once three batches are committed
TIMESTAMPS = {"ingested_at", "created_at", "extracted_at", "at", "applied_at"}
SURROGATE_KEYS = {("rejects", "id")}

WORDS = (
    "министр посол визит переговоры соглашение торговля инвестиции энергетика транспорт "
    "пшеница нефть газ завод маршрут форум делегация сотрудничество проект кредит банк "
    "экспорт импорт рост снижение столица граница порт железная дорога университет "
    "культура туризм здравоохранение строительство вода климат оборона безопасность "
    "цифровизация связь спутник выставка музей фестиваль рынок тариф пошлина квота"
).split()
BILAT = [sys.executable, "-c", "from bilat.cli.main import main; main()"]


def make_corpus(folder: Path) -> None:
    """Distinct short articles, every tenth one a light reprint of the one before, plus rejects."""
    rng = random.Random(20240501)
    folder.mkdir()
    previous = ""
    for i in range(ARTICLES):
        if i % 10 == 9:
            text = previous + " Об этом сообщили журналистам."
        else:
            text = " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "."
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        previous = text
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)


def run_ingest(folder: Path, url: str) -> subprocess.Popen:
    cmd = [*BILAT, "ingest", str(folder), "--db", url, "--no-extract", "--quiet",
           "--batch-size", str(BATCH)]  # fmt: skip
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored_docs(engine: sa.Engine) -> int:
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(s.documents)).scalar_one()
    except sa.exc.DBAPIError:
        return 0  # not created yet


def contents(url: str) -> dict[str, list[tuple]]:
    """Every table's rows, without timestamps and surrogate ids, sorted."""
    engine = sa.create_engine(url, poolclass=NullPool)
    out = {}
    with engine.connect() as conn:
        for table in s.metadata.sorted_tables:
            cols = [c for c in table.columns
                    if c.name not in TIMESTAMPS and (table.name, c.name) not in SURROGATE_KEYS]  # fmt: skip
            rows = conn.execute(sa.select(*cols)).all()
            out[table.name] = sorted(tuple(map(repr, row)) for row in rows)
        if engine.dialect.name == "sqlite":  # the FTS index matches its content table
            conn.exec_driver_sql("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    engine.dispose()
    return out


def second_url(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'clean.db'}"
    return request.getfixturevalue("postgres_cluster").create_database()


@pytest.mark.slow
def test_sigkill_then_rerun_matches_a_clean_run(tmp_path, db_url, request):
    folder = tmp_path / "corpus"
    make_corpus(folder)

    clean_url = second_url(db_url, tmp_path, request)
    clean = run_ingest(folder, clean_url)
    out, err = clean.communicate(timeout=300)
    assert clean.returncode == 3, err  # the two rejects

    proc = run_ingest(folder, db_url)
    watcher = sa.create_engine(db_url, poolclass=NullPool)
    deadline = time.monotonic() + 120
    while stored_docs(watcher) < KILL_AFTER_DOCS and proc.poll() is None:
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    at_kill = stored_docs(watcher)
    watcher.dispose()
    assert KILL_AFTER_DOCS <= at_kill < ARTICLES

    rerun = run_ingest(folder, db_url)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 3, err

    killed, reference = contents(db_url), contents(clean_url)
    assert len(reference["documents"]) == ARTICLES
    assert len(reference["rejects"]) == 2
    for table in reference:
        assert killed[table] == reference[table], f"table {table} differs"
