"""Coding inputs into the store: ingest → pipeline → store, in batches.

A bad input is reported through ``on_error`` and recorded in ``input_errors``; the run
goes on, and what is already stored is neither lost nor doubled; so does an article whose
analysis raises (it is recorded as a failed input). Runs are incremental:
an article already stored as coded with the same lexicon is skipped, and the same
article met twice in one run is coded once. Every coded article joins a story (its
near-duplicates, :mod:`entente.dedup`). The input is read as a stream and written in
batches; the analyses can run in a pool of processes (:mod:`entente.parallel`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from entente.dedup import StoryLibrary, StoryLink
from entente.errors import InputError
from entente.ingest.files import MAX_BYTES, read_inputs
from entente.ingest.options import ReadOptions
from entente.model import Analysis, Article
from entente.parallel import analyses, worker_count
from entente.pipeline import Pipeline
from entente.store.database import Store
from entente.store.held import HeldIds
from entente.store.rows import Coded, coded

BATCH_SIZE = 200  # articles a transaction: larger batches write faster but raise the peak
BATCH_TEXT = 8 << 20  # characters of text a transaction at most: long articles come fewer


@dataclass
class RunSummary:
    run_id: str = ""
    inputs: int = 0
    articles: int = 0  # coded in this run
    events: int = 0
    asserted: int = 0
    quotes: int = 0
    skipped: int = 0  # already stored, coded with the same lexicon
    duplicates: int = 0  # joined a story already known (near-duplicates, repeats)
    stories: int = 0  # new stories started
    errors: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def counts(self) -> dict[str, int]:
        """The progress counts, for a progress bar."""
        return {
            "coded": self.articles,
            "skipped": self.skipped,
            "duplicate": self.duplicates,
            "failed": self.failed,
        }


Item = Article | InputError


@dataclass
class _Run:
    """The state of one run: what is stored already, what waits to be written."""

    store: Store
    pipeline: Pipeline
    summary: RunSummary
    library: StoryLibrary
    done: HeldIds  # stored and met ids, 8 bytes each
    batch: list[Coded] = field(default_factory=list)  # rows only: no tokens held
    links: list[StoryLink] = field(default_factory=list)
    seen: list[Article] = field(default_factory=list)  # skipped, but seen here
    text: int = 0  # characters of text in the batch
    on_error: Callable[[InputError], None] = lambda e: None

    def admit(self, item: Item) -> bool:
        """Whether ``item`` is an article to analyse: not stored, not met before in this
        run. Decided as the items are read, in input order."""
        if isinstance(item, InputError) or item.article_id in self.done:
            return False
        self.done.add(item.article_id)
        return True

    def take(self, item: Item, result: Analysis | Coded | InputError | None) -> None:
        """Account for one item, in input order: record it as failed, skipped or coded."""
        if isinstance(item, InputError):
            self.fail(item)
        elif result is None:
            self.summary.skipped += 1
            self.seen.append(item)
        elif isinstance(result, InputError):
            self.fail(result)
        else:
            rows = result if isinstance(result, Coded) else coded(result)
            link = self.library.assign(item.article_id, item.text, item.date, rows.signature)
            self.summary.stories += link.is_new_story
            self.summary.duplicates += not link.is_new_story
            self.batch.append(rows)
            self.links.append(link)
            self.text += len(item.text)
            _count(self.summary, rows)
        if len(self.batch) + len(self.seen) >= BATCH_SIZE or self.text >= BATCH_TEXT:
            self.flush()

    def fail(self, error: InputError) -> None:
        self.summary.errors.append(error)
        self.store.record_error(error.source, error.reason, self.summary.run_id)
        self.on_error(error)

    def flush(self) -> None:
        digest = self.pipeline.lexicon.digest
        self.store.write(self.batch, lexicon_digest=digest, stories=self.links)
        self.store.add_sightings(self.seen)
        self.library.stored()
        self.batch, self.links, self.seen, self.text = [], [], [], 0


def code_items(
    items: Iterable[Item],
    store: Store,
    pipeline: Pipeline,
    *,
    settings: dict[str, object] | None = None,
    on_error: Callable[[InputError], None] = lambda e: None,
    on_progress: Callable[[RunSummary], None] = lambda s: None,
    workers: int = 1,
) -> RunSummary:
    """Code articles (or record errors) into ``store`` and return the counts.

    With ``workers`` above 1 the analyses run in that many processes (0: one a core);
    everything else (skipping, stories, counts, writes) stays here, in input order, so
    the store ends up as one process would leave it.
    """
    summary = RunSummary()
    summary.run_id = store.start_run(pipeline.lexicon.digest, dict(settings or {}))
    run = _Run(
        store,
        pipeline,
        summary,
        store.load_stories(StoryLibrary()),
        store.coded_ids(pipeline.lexicon.digest),
        on_error=on_error,
    )
    jobs = ((item, run.admit(item)) for item in items)
    with (
        store.writing_run(),  # its memory must not grow with the store
        closing(analyses(pipeline, jobs, worker_count(workers))) as results,
    ):
        for item, result in results:
            summary.inputs += 1
            run.take(item, result)
            on_progress(summary)
        run.flush()
    store.finish_run(
        summary.run_id,
        {
            "inputs": summary.inputs,
            "articles": summary.articles,
            "events": summary.events,
            "failed": summary.failed,
        },
    )
    return summary


def code_paths(
    paths: Iterable[Path],
    store: Store,
    pipeline: Pipeline,
    *,
    max_bytes: int = MAX_BYTES,
    on_error: Callable[[InputError], None] = lambda e: None,
    on_progress: Callable[[RunSummary], None] = lambda s: None,
    options: ReadOptions | None = None,
    workers: int = 1,
) -> RunSummary:
    """Code every article of ``paths`` into ``store`` and return the counts."""
    return code_items(
        read_inputs(paths, max_bytes, options),
        store,
        pipeline,
        settings={"max_bytes": max_bytes},
        on_error=on_error,
        on_progress=on_progress,
        workers=workers,
    )


def _count(summary: RunSummary, rows: Coded) -> None:
    summary.articles += 1
    summary.events += rows.events
    summary.asserted += rows.asserted
    summary.quotes += rows.quotes
