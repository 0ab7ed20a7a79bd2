"""Coding in several processes: the same store as one process, errors kept per article,
bounded read-ahead."""

from __future__ import annotations

import gc
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from entente.cli import main
from entente.errors import EntenteError, InputError
from entente.ingest.files import MAX_BYTES, read_inputs
from entente.lexicons.lexicon import Lexicon
from entente.model import Analysis, Article
from entente.parallel import (
    CHUNK_SIZE,
    READ_AHEAD,
    YOUNG_THRESHOLD,
    analyses,
    worker_count,
)
from entente.pipeline import STAGES, Pipeline
from entente.runner import code_items, code_paths
from entente.store.database import Store
from entente.store.rows import Coded

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
SKIPPED_TABLES = {"runs", "schema_migrations"}  # run ids and clock times differ


def store_content(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the run log, sorted; input errors without run id."""
    with Store(db, read_only=True) as store:
        tables = [
            row[0]
            for row in store.con.execute(
                "SELECT table_name FROM information_schema.tables ORDER BY table_name"
            ).fetchall()
        ]
        content = {}
        for table in tables:
            if table in SKIPPED_TABLES:
                continue
            columns = "source, reason" if table == "input_errors" else "*"
            query = f"SELECT {columns} FROM {table} ORDER BY ALL"
            content[table] = store.con.execute(query).fetchall()
        return content


EVENT_QUERY = (
    "SELECT a.source_id, e.source_code, e.target_code, e.cameo, e.goldstein, e.factuality, "
    "e.evidence_start, e.evidence_end, e.rule FROM events e JOIN articles a USING (article_id) "
    "ORDER BY ALL"
)


def test_two_workers_store_what_one_does(tmp_path: Path, pipeline: Pipeline) -> None:
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    for db, workers in ((one, 1), (two, 2)):
        with Store(db) as store:
            summary = code_paths([EXAMPLES], store, pipeline, workers=workers)
        assert summary.articles >= 20
        assert not summary.failed
    first, second = store_content(one), store_content(two)
    assert first["events"]
    assert first["quotes"]
    assert first["stories"]
    assert first == second
    with Store(one, read_only=True) as a, Store(two, read_only=True) as b:
        events = a.con.execute(EVENT_QUERY).fetchall()
        assert events == b.con.execute(EVENT_QUERY).fetchall()


def test_a_second_run_with_workers_skips_what_is_stored(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "db.duckdb"
    with Store(db) as store:
        first = code_paths([EXAMPLES], store, pipeline, workers=2)
        again = code_paths([EXAMPLES, EXAMPLES], store, pipeline, workers=2)
    assert first.articles
    assert again.articles == 0
    assert again.skipped == 2 * first.articles


def test_analyses_pickle(pipeline: Pipeline) -> None:
    items = list(read_inputs([EXAMPLES], MAX_BYTES, None))
    articles = [item for item in items if isinstance(item, Article)][:3]
    found = [pipeline.analyze(article) for article in articles]
    assert pickle.loads(pickle.dumps(found)) == found


def explode(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """A stage that fails on one article (module level, so workers can run it)."""
    if "KABOOM" in analysis.article.text:
        raise ValueError("a bug met this article")
    return analysis


def articles(n: int, bad: int | None = None) -> list[Article]:
    texts = [
        f"India and Russia signed trade agreement number {i} in Moscow on Monday."
        + (" KABOOM" if i == bad else "")
        for i in range(n)
    ]
    return [Article.create(text, source_id=f"item-{i}") for i, text in enumerate(texts)]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_whose_analysis_fails_is_a_failed_input(
    tmp_path: Path, lexicon: Lexicon, workers: int
) -> None:
    pipeline = Pipeline(lexicon, (*STAGES, ("explode", explode)))
    errors: list[InputError] = []
    with Store(tmp_path / "db.duckdb") as store:
        summary = code_items(
            articles(20, bad=11), store, pipeline, workers=workers, on_error=errors.append
        )
        stored = store.con.execute("SELECT count(*) FROM articles").fetchone()
        recorded = store.con.execute("SELECT source, reason FROM input_errors").fetchall()
    assert summary.articles == 19
    assert summary.failed == 1
    assert stored == (19,)
    assert [e.source for e in errors] == ["item-11"]
    assert recorded == [("item-11", "analysis failed (ValueError: a bug met this article)")]


class Echo:
    """A stand-in pipeline whose analysis is the bare article."""

    def analyze(self, article: Article) -> Analysis:
        return Analysis(article)


def test_the_pool_reads_a_bounded_window_ahead() -> None:
    read = 0

    def jobs() -> Iterator[tuple[Article, bool]]:
        nonlocal read
        for article in articles(2000):
            read += 1
            yield article, True

    results = analyses(Echo(), jobs(), 2)  # type: ignore[arg-type]
    taken = [next(results) for _ in range(10)]
    results.close()
    assert [item.source_id for item, _ in taken] == [f"item-{i}" for i in range(10)]
    # a worker sends back the rows to store and the signature, not the whole Analysis
    assert all(isinstance(result, Coded) for _, result in taken)
    assert read <= 10 + 2 * READ_AHEAD * CHUNK_SIZE + 1


def test_results_keep_input_order_with_errors_and_skips() -> None:
    items: list[tuple[Article | InputError, bool]] = []
    for i, article in enumerate(articles(50)):
        items.append((article, i % 3 != 0))
        if i % 7 == 0:
            items.append((InputError(f"bad-{i}", "empty"), False))
    out = list(analyses(Echo(), items, 2))  # type: ignore[arg-type]
    assert [item for item, _ in out] == [item for item, _ in items]
    for (item, fresh), (_, result) in zip(items, out, strict=True):
        if fresh:
            assert isinstance(result, Coded)
            assert result.article == item
            assert result.signature is not None
        else:
            assert result is None


def test_a_run_freezes_the_loaded_objects_and_restores_the_collector(pipeline: Pipeline) -> None:
    before = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    article = Article.create("India and Russia signed a defence agreement.", source_id="a")
    during: list[tuple[int, tuple[int, int, int]]] = []
    for _, result in analyses(pipeline, iter([(article, True)])):
        assert isinstance(result, Analysis)
        during.append((gc.get_freeze_count(), gc.get_threshold()))
    assert during[0][0] > frozen_before  # the lexicon is out of the collector's walks
    assert during[0][1][0] == YOUNG_THRESHOLD
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen_before


def test_worker_count() -> None:
    assert worker_count(3) == 3
    assert worker_count(0) >= 1
    with pytest.raises(EntenteError, match="--workers"):
        worker_count(-1)


def test_cli_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.duckdb"
    assert main(["--db", str(db), "code", "--quiet", "--workers", "2", str(EXAMPLES)]) == 0
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM events").fetchone() != (0,)
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(db), "code", "--workers", "-2", str(EXAMPLES)])
    assert exit_.value.code == 2
    assert "not a number of processes" in capsys.readouterr().err


def test_an_analysis_leaves_no_reference_cycle(pipeline: Pipeline) -> None:
    """An article's tokens and records must go as soon as its rows are taken: a cycle
    (an object holding its own bound methods, say) would keep every article alive until
    the cyclic collector ran, and that walk was a fifth of the run's time."""
    articles = [a for a in read_inputs([EXAMPLES]) if isinstance(a, Article)][:6]
    assert articles, "the example articles are part of the repository"
    pipeline.analyze(articles[0])  # what stages build on first use is not garbage
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for article in articles:
            assert pipeline.analyze(article).events
        unreachable = gc.collect()
    finally:
        if enabled:
            gc.enable()
    assert unreachable == 0


def test_overlapping_runs_restore_the_collector_whatever_order_they_end_in(
    pipeline: Pipeline,
) -> None:
    before = gc.get_threshold()
    article = Article.create("India and Russia signed a defence agreement.", source_id="a")
    first = analyses(pipeline, iter([(article, True), (article, True)]))
    second = analyses(pipeline, iter([(article, True), (article, True)]))
    next(first)
    next(second)
    first.close()  # the first to start ends first: the second still runs tuned
    assert gc.get_threshold()[0] == YOUNG_THRESHOLD
    second.close()
    assert gc.get_threshold() == before
