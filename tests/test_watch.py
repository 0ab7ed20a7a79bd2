"""Watching feeds: rounds code what is new, failing feeds never stop the watch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from entente.cli import main
from entente.errors import EntenteError, InputError
from entente.model import Article
from entente.pipeline import Pipeline
from entente.runner import RunSummary
from entente.store.database import Store
from entente.watch import (
    WatchSettings,
    parse_duration,
    read_feed_list,
    read_feed_source,
    watch_feeds,
)
from tests.syndicated import STORIES

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example wire</title>
<item><title>Deal signed</title><link>https://wire.example/1</link><guid>w1</guid>
<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;{one}&lt;/p&gt;&lt;p&gt;Read more&lt;/p&gt;</description></item>
<item><title>Protest</title><link>https://wire.example/2</link><guid>w2</guid>
<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
<description>{two}</description></item>
</channel></rss>
"""


def _write_feed(path: Path) -> Path:
    path.write_text(RSS.format(one=STORIES[0], two=STORIES[1]), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "seconds"), [("90", 90.0), ("30s", 30.0), ("15m", 900.0), ("2h", 7200.0)]
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "0m", "fifteen", "15x", "-5m"])
def test_bad_durations_are_refused(text: str) -> None:
    with pytest.raises(EntenteError):
        parse_duration(text)


def test_feed_list_skips_comments_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text("# wires\nhttps://a.example/rss\n\n/tmp/b.xml  # local\n", encoding="utf-8")
    assert read_feed_list(path) == ["https://a.example/rss", "/tmp/b.xml"]


def test_a_local_feed_gives_an_article_per_entry_without_furniture(tmp_path: Path) -> None:
    items = list(read_feed_source(str(_write_feed(tmp_path / "wire.xml"))))
    assert all(isinstance(i, Article) for i in items)
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in articles] == ["https://wire.example/1", "https://wire.example/2"]
    assert articles[0].date is not None
    assert articles[0].date.isoformat() == "2025-03-03"
    assert "Read more" not in articles[0].text
    assert articles[0].text.startswith("NEW DELHI: India and Russia signed")


@pytest.mark.parametrize(
    ("name", "data"), [("garbage.xml", b"\x89PNG not a feed at all"), ("missing.xml", None)]
)
def test_a_bad_feed_is_one_error(tmp_path: Path, name: str, data: bytes | None) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    items = list(read_feed_source(str(path)))
    assert len(items) == 1
    assert isinstance(items[0], InputError)


def test_rounds_code_new_items_and_survive_failing_feeds(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    good = str(_write_feed(tmp_path / "wire.xml"))

    def read(feed: str) -> Iterator[Article | InputError]:
        if feed == "boom":
            raise TimeoutError("timed out")
        yield from read_feed_source(feed)

    slept: list[float] = []
    rounds: list[RunSummary] = []
    with Store(tmp_path / "e.duckdb") as store:
        n = watch_feeds(
            ["boom", good, str(tmp_path / "nowhere.xml")],
            store,
            pipeline,
            WatchSettings(every_seconds=60.0, rounds=2),
            read=read,
            sleep=slept.append,
            on_round=lambda i, s: rounds.append(s),
        )
        stored = store.query("SELECT count(*) AS n FROM articles")[0]["n"]
    assert n == 2
    assert slept == [60.0]
    assert (rounds[0].articles, rounds[0].failed) == (2, 2)
    assert (rounds[1].articles, rounds[1].skipped, rounds[1].failed) == (0, 2, 2)
    assert stored == 2


def test_watch_command_runs_the_rounds_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{_write_feed(tmp_path / 'wire.xml')}\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    assert main(["--db", str(db), "watch", str(feeds), "--every", "1s", "--rounds", "1"]) == 0
    assert "round 1: 2 new articles coded" in capsys.readouterr().err


def test_watch_analyses_in_worker_processes_with_the_same_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{_write_feed(tmp_path / 'wire.xml')}\n", encoding="utf-8")
    found = []
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.duckdb"
        argv = ["--db", str(db), "watch", str(feeds), "--rounds", "1", "--workers", workers]
        assert main(argv) == 0
        with Store(db, read_only=True) as store:
            found.append(
                store.query(
                    "SELECT article_id, source_code, target_code, cameo FROM events ORDER BY ALL"
                )
            )
    assert "round 1: 2 new articles coded" in capsys.readouterr().err
    assert found[0]  # the wire stories are coded into events
    assert found[0] == found[1]


def test_a_round_that_fails_while_coding_does_not_end_the_watch(
    tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import entente.watch as watch

    calls: list[int] = []

    def flaky(*args: object, **kwargs: object) -> RunSummary:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("disk full")
        return RunSummary()

    monkeypatch.setattr(watch, "code_items", flaky)
    errors: list[InputError] = []
    with Store(tmp_path / "e.duckdb") as store:
        n = watch_feeds(
            ["x"],
            store,
            pipeline,
            WatchSettings(every_seconds=1.0, rounds=2),
            read=lambda feed: iter(()),
            sleep=lambda s: None,
            on_error=errors.append,
        )
    assert n == 2
    assert len(calls) == 2
    assert [e.source for e in errors] == ["round 1"]
