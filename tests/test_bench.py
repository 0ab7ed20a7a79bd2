"""The pieces of bench/pipeline.py, on three short articles: copies stay distinct articles
with the same text, the counts scale with the number of copies, the JSON has its keys."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from entente.ingest.files import read_inputs
from entente.lexicons.lexicon import Lexicon
from entente.model import Article

BENCH = Path(__file__).resolve().parents[1] / "bench" / "pipeline.py"

RECORDS = [
    {
        "id": "t-1",
        "date": "2020-03-02",
        "title": "Trade",
        "url": "https://example.org/trade",
        "text": "France and Germany signed a trade agreement in Paris on Monday. "
        "The French president said the deal would help both economies.",
    },
    {
        "id": "t-2",
        "date": "2020-03-03",
        "title": "Protest",
        "url": "https://example.org/protest",
        "text": "Thousands of people protested in Moscow against the Russian government.",
    },
    {
        "id": "t-3",
        "date": "2020-03-05",
        "title": "Talks",
        "url": "https://example.org/talks",
        "text": "India criticised Pakistan on Thursday. China urged both sides to hold talks.",
    },
]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_pipeline", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_copies_are_distinct_articles_with_the_same_text(bench: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "x3.jsonl"
    assert bench.write_repeated(RECORDS, 3, path) == 9
    written = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in written}) == 9
    assert len({r["url"] for r in written}) == 9
    assert {r["id"] for r in written[3:6]} == {"t-1-r1", "t-2-r1", "t-3-r1"}
    assert [r["text"] for r in written] == [r["text"] for r in RECORDS] * 3
    articles = [a for a in read_inputs([path]) if isinstance(a, Article)]
    assert len({a.article_id for a in articles}) == 9  # none would be skipped as coded


def test_an_undated_copy_gets_a_line_of_its_own(bench: ModuleType) -> None:
    record = {"id": "u", "text": "Japan thanked Korea."}
    assert bench.copy_record(record, 0)["text"] == record["text"]
    assert bench.copy_record(record, 2)["text"] != record["text"]


def test_counts_scale_with_the_copies(bench: ModuleType, lexicon: Lexicon) -> None:
    one = bench.run_size(RECORDS, 1)
    two = bench.run_size(RECORDS, 2)
    assert one["articles"] == 3
    assert two["articles"] == 6
    assert two["skipped"] == one["skipped"] == 0
    assert two["stories"] == 2 * one["stories"]
    assert two["duplicates"] == 2 * one["duplicates"]
    assert two["stories"] + two["duplicates"] == two["articles"]
    assert one["sentences"] > 0
    assert two["sentences"] == 2 * one["sentences"]
    assert two["mb"] == pytest.approx(2 * one["mb"])
    stages = one["stages_s"]
    assert {"ingest", "dedup", "text", "actors", "events", "store", "other"} <= set(stages)
    assert stages["text"] > 0
    assert stages["store"] > 0
    assert one["peak_rss_mb"] > 0

    doc = bench.report(BENCH, RECORDS, bench.floor([r["text"] for r in RECORDS]), [two, one], 2)
    json.dumps(doc)  # plain JSON
    for key in (
        "corpus",
        "machine",
        "floor_mb_per_second",
        "articles_per_second",
        "sentences_per_second",
        "mb_per_second",
        "floor_ratio",
        "peak_rss_mb",
        "stages",
        "sizes",
        "growth",
        "per_core_articles_per_second",
    ):
        assert key in doc
    assert [s["repeat"] for s in doc["sizes"]] == [1, 2]
    assert doc["articles"] == 3
    assert doc["floor_ratio"] == pytest.approx(doc["mb_per_second"] / doc["floor_mb_per_second"])
    assert doc["growth"]["repeat_to"] == 2
    first: dict[str, Any] = doc["sizes"][0]
    assert first["seconds_per_article"] == pytest.approx(first["seconds"] / 3)
    assert sum(s["share"] for s in doc["stages"].values()) == pytest.approx(1.0)
    assert "floor ratio" in bench.table(doc)
    assert doc["per_core_articles_per_second"] == pytest.approx(doc["articles_per_second"] / 2)
    alone = bench.report(BENCH, RECORDS, bench.floor([r["text"] for r in RECORDS]), [one], None)
    assert alone["per_core_articles_per_second"] == alone["articles_per_second"]

    # each size is rated against the floor its own runs timed, not the one of the start
    assert one["floor_mb_per_second"] > 0
    at_start = {"mb_per_second": 1e6, "tokens": 1, "findall_mb_per_second": 1e6}
    doc = bench.report(BENCH, RECORDS, at_start, [one, two], None)
    assert doc["floor_mb_per_second"] == one["floor_mb_per_second"]
    assert doc["floor_mb_per_second_at_start"] == 1e6
    second = doc["sizes"][1]
    assert second["floor_ratio"] == pytest.approx(
        second["mb_per_second"] / two["floor_mb_per_second"]
    )
    untimed = {k: v for k, v in one.items() if k != "floor_mb_per_second"}
    assert bench.report(BENCH, RECORDS, at_start, [untimed], None)["floor_mb_per_second"] == 1e6


def test_no_corpus_is_a_skip(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--corpus", str(tmp_path / "none.jsonl")]) == 0
    assert "skipped" in capsys.readouterr().out
