"""Analysing articles in worker processes, in input order, with bounded work in flight.

:func:`analyses` takes ``(item, fresh)`` pairs in input order and yields ``(item,
result)`` in the same order: ``result`` is the item's :class:`~entente.model.Analysis`
(or the :class:`~entente.errors.InputError` its analysis raised) when ``fresh``, and
``None`` otherwise. With one worker the analysis runs here; with more, fresh articles go
to a process pool in chunks. The pairs are read lazily and at most a window of items is
read ahead of what has been yielded, so memory stays flat however long the input is.

Each worker holds the :class:`~entente.pipeline.Pipeline` once, set by the pool's
initializer. On Linux the pool forks and the workers share the parent's loaded lexicon
for nothing. A run happens inside :func:`collector_for_run`: the parent first warms the
pipeline up on one short made-up article, so that what the stages build on first use is
built once, not once per worker, then freezes those objects for the garbage collector,
so that no process walks them again on every full collection and the workers'
collector does not copy them page by page. Elsewhere the pipeline is pickled to each
worker once (a few MB, a fraction of a second, against seconds to load the lexicon
again). A worker's analysis is pure, so the results are the ones one process would get.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field

from entente.dedup.library import signature_of
from entente.errors import EntenteError, InputError
from entente.model import Analysis, Article
from entente.pipeline import Pipeline
from entente.store.rows import Coded, coded

log = logging.getLogger(__name__)

CHUNK_SIZE = 8  # articles a task: an article takes tens of ms, its result some 20 kB
READ_AHEAD = 4  # chunks in flight per worker
YOUNG_THRESHOLD = 50_000  # allocations between young collections during a run

Item = Article | InputError
Result = Analysis | Coded | InputError

_pipeline: Pipeline | None = None  # a worker's pipeline, set by _start_worker


def worker_count(workers: int) -> int:
    """The processes ``--workers N`` asks for: N itself, or every usable core for 0."""
    if workers < 0:
        raise EntenteError(f"--workers must be 0 (every core) or more, not {workers}")
    if workers:
        return workers
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def analyze_guarded(pipeline: Pipeline, article: Article) -> Result:
    """The article's analysis, or an InputError naming it if the analysis failed."""
    try:
        return pipeline.analyze(article)
    except Exception as exc:  # a coding bug on one article must not end the run
        log.exception("analysis of %s failed", article.source_id)
        source = article.origin or article.source_id
        return InputError(source, f"analysis failed ({type(exc).__name__}: {exc})")


@contextmanager
def collector_for_run(pipeline: Pipeline) -> Iterator[None]:
    """Warm the pipeline up, tune the garbage collector for coding, and put it back
    afterwards.

    An analysis allocates hundreds of thousands of small objects, nearly all freed by
    reference counting, while the loaded lexicon holds about a million long-lived
    ones. With the default settings the collector runs every 700 allocations and
    every so often walks the whole lexicon; that was a quarter of the run's time.
    Freezing what exists when the run starts (the lexicon, the caches) takes it out of
    every collection, and the young generation is collected less often; cycles are
    still collected. Forked workers inherit both settings.
    """
    warm_up(pipeline)  # what the stages build on first use is frozen too
    global _runs, _settings
    if _runs == 0:  # the first of runs that overlap tunes; the last to end restores
        _settings = (gc.get_threshold(), gc.get_freeze_count() > 0)
        gc.freeze()
        gc.set_threshold(YOUNG_THRESHOLD, *_settings[0][1:])
    _runs += 1
    try:
        yield
    finally:
        _runs -= 1
        if _runs == 0:
            threshold, frozen_before = _settings
            gc.set_threshold(*threshold)
            if not frozen_before:  # frozen by whoever runs us: theirs to undo
                gc.unfreeze()


_runs = 0  # runs in progress in this process (a generator may outlive another's start)
_settings: tuple[tuple[int, ...], bool] = ((700, 10, 10), False)


def analyses(
    pipeline: Pipeline, jobs: Iterable[tuple[Item, bool]], workers: int = 1
) -> Generator[tuple[Item, Result | None], None, None]:
    """Each job's item with its analysis if it is fresh, in input order.

    The whole loop, including what the caller does between items, runs with the
    collector tuned by :func:`collector_for_run`."""
    with collector_for_run(pipeline):
        if workers <= 1:
            for item, fresh in jobs:
                yield item, _analyze_here(pipeline, item, fresh)
            return
        yield from _pooled(pipeline, jobs, workers)


def _analyze_here(pipeline: Pipeline, item: Item, fresh: bool) -> Result | None:
    if fresh and isinstance(item, Article):
        return analyze_guarded(pipeline, item)
    return None


@dataclass
class _Chunk:
    """Fresh articles sent to a worker together, and then their results."""

    articles: list[Article] = field(default_factory=list)
    future: Future[list[Result]] | None = None
    results: list[Result] | None = None


@dataclass
class _Pool:
    pipeline: Pipeline
    executor: ProcessPoolExecutor | None = None

    def submit(self, chunk: _Chunk) -> None:
        if self.executor is None:
            return  # no pool (it broke): the parent analyses the chunk when it is due
        try:
            chunk.future = self.executor.submit(_analyze_chunk, chunk.articles)
        except BrokenProcessPool:
            self._lose_pool()

    def results(self, chunk: _Chunk) -> list[Result]:
        if chunk.results is None:
            chunk.results = self._wait(chunk)
            chunk.articles = []
        return chunk.results

    def _wait(self, chunk: _Chunk) -> list[Result]:
        if chunk.future is not None:
            try:
                return chunk.future.result()
            except BrokenProcessPool:
                self._lose_pool()
            except Exception as exc:  # a result that failed to travel: redo it here
                if not chunk.future.cancelled():
                    log.warning("a worker's chunk failed (%s); analysing it here", exc)
        return [analyze_guarded(self.pipeline, a) for a in chunk.articles]

    def _lose_pool(self) -> None:
        if self.executor is not None:
            log.warning("a worker process died; the rest of the run is analysed in one process")
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None


def _pooled(
    pipeline: Pipeline, jobs: Iterable[tuple[Item, bool]], workers: int
) -> Generator[tuple[Item, Result | None], None, None]:
    window = workers * READ_AHEAD * CHUNK_SIZE  # items read but not yet yielded
    context = _context()
    executor = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(pipeline,)
    )
    pool = _Pool(pipeline, executor)
    pending: deque[tuple[Item, _Chunk | None, int]] = deque()
    open_chunk = _Chunk()

    def next_out() -> tuple[Item, Result | None]:
        nonlocal open_chunk
        item, chunk, index = pending.popleft()
        if chunk is None:
            return item, None
        if chunk is open_chunk:  # due before it filled up: send it as it is
            pool.submit(chunk)
            open_chunk = _Chunk()
        return item, pool.results(chunk)[index]

    try:
        for item, fresh in jobs:
            if fresh and isinstance(item, Article):
                pending.append((item, open_chunk, len(open_chunk.articles)))
                open_chunk.articles.append(item)
                if len(open_chunk.articles) >= CHUNK_SIZE:
                    pool.submit(open_chunk)
                    open_chunk = _Chunk()
            else:
                pending.append((item, None, 0))
            while len(pending) > window:
                yield next_out()
        if open_chunk.articles:
            pool.submit(open_chunk)
            open_chunk = _Chunk()
        while pending:
            yield next_out()
    finally:
        if pool.executor is not None:
            pool.executor.shutdown(wait=True, cancel_futures=True)


WARM_UP = (
    "NEW DELHI, 3 March 2020 - Prime Minister Narendra Modi said on Tuesday that India "
    'would buy $5 billion of oil from Russia. "We will not accept pressure," he told '
    "reporters in Moscow, after talks with President Vladimir Putin on trade and defence."
)


def warm_up(pipeline: Pipeline) -> None:
    """Analyse a short made-up report, so that what the stages build on first use (the
    wide gazetteer takes seconds) is built before the workers fork and is theirs too."""
    analyze_guarded(pipeline, Article.create(WARM_UP, source_id="warm-up"))


def _context() -> multiprocessing.context.BaseContext:
    """Fork where there is fork (a cheap start that shares the loaded lexicon)."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _start_worker(pipeline: Pipeline) -> None:
    global _pipeline
    _pipeline = pipeline


def _analyze_chunk(articles: list[Article]) -> list[Result]:
    """In a worker: each article's rows and near-duplicate signature (what the parent
    stores and matches), not its whole Analysis, which costs more to send back than to
    write."""
    if _pipeline is None:
        raise RuntimeError("worker started without a pipeline")
    return [_rows(analyze_guarded(_pipeline, article), article) for article in articles]


def _rows(result: Result, article: Article) -> Result:
    if isinstance(result, Analysis):
        return coded(result, signature_of(article.text))
    return result
