"""Coding inputs into the store: ingest → pipeline → store, in batches.

A bad input is reported through ``on_error`` and recorded in ``input_errors``; the run
goes on, and what is already stored is neither lost nor doubled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from entente.errors import InputError
from entente.ingest.files import MAX_BYTES, read_inputs
from entente.ingest.options import ReadOptions
from entente.model import Analysis
from entente.pipeline import Pipeline
from entente.store.database import Store

BATCH_SIZE = 200


@dataclass
class RunSummary:
    run_id: str = ""
    inputs: int = 0
    articles: int = 0
    events: int = 0
    asserted: int = 0
    quotes: int = 0
    errors: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


def code_paths(
    paths: Iterable[Path],
    store: Store,
    pipeline: Pipeline,
    *,
    max_bytes: int = MAX_BYTES,
    on_error: Callable[[InputError], None] = lambda e: None,
    on_progress: Callable[[int], None] = lambda n: None,
    options: ReadOptions | None = None,
) -> RunSummary:
    """Code every article of ``paths`` into ``store`` and return the counts."""
    summary = RunSummary()
    summary.run_id = store.start_run(pipeline.lexicon.digest, {"max_bytes": max_bytes})
    batch: list[Analysis] = []
    for item in read_inputs(paths, max_bytes, options):
        summary.inputs += 1
        on_progress(1)
        if isinstance(item, InputError):
            summary.errors.append(item)
            store.record_error(item.source, item.reason, summary.run_id)
            on_error(item)
            continue
        analysis = pipeline.analyze(item)
        batch.append(analysis)
        _count(summary, analysis)
        if len(batch) >= BATCH_SIZE:
            store.write(batch)
            batch = []
    store.write(batch)
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


def _count(summary: RunSummary, analysis: Analysis) -> None:
    summary.articles += 1
    summary.events += len(analysis.events)
    summary.asserted += sum(1 for e in analysis.events if e.is_asserted)
    summary.quotes += len(analysis.quotes)
