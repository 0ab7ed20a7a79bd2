"""The seed articles end to end: every core event, no absent one, every quote's speaker."""

from __future__ import annotations

from entente.evaluation import evaluate_file
from entente.pipeline import Pipeline
from tests.conftest import SHARED, needs_shared


@needs_shared
def test_seed_articles_meet_the_gold(pipeline: Pipeline) -> None:
    report = evaluate_file(SHARED / "gold" / "seeds.jsonl", pipeline).as_dict()
    core = report["events"]["root_core"]
    assert core["recall"] == 1.0, report["misses"]
    assert report["absent"] == []
    assert report["quotes"]["speaker_correct"] == report["quotes"]["n_gold"] > 0, report[
        "quote_errors"
    ]
