"""Near-duplicates grouped into stories; events counted across a story's reports;
incremental runs skip what is already coded."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest
from datasketch import MinHash

from entente.dedup import StoryLibrary, StoryLink, shingles
from entente.dedup import library as library_module
from entente.dedup.library import NUM_PERM, SCHEME, signature_of
from entente.model import Article
from entente.pipeline import Pipeline
from entente.runner import code_items, code_paths
from entente.store.database import DATA_TABLES, Store
from entente.store.reader import EventFilter, find_events
from entente.text.normalize import normalize_text
from tests.conftest import SHARED
from tests.syndicated import SAME_TOPIC, STORIES, variants

OUTLETS = ["wire.example", "herald.example", "daily.example", "post.example", "times.example"]


def _corpus() -> list[tuple[Article, int]]:
    """Every story's 3-5 outlets' copies, then the same-topic different stories."""
    day = dt.date(2025, 3, 3)
    out = []
    for s, story in enumerate(STORIES):
        for j, text in enumerate(variants(story, 3 + s % 3)):
            url = f"https://{OUTLETS[j]}/news/{s}"
            article = Article.create(
                normalize_text(text), source_id=f"{s}-{j}", date=day, url=url, origin=url
            )
            out.append((article, s))
    for k, text in enumerate(SAME_TOPIC):
        url = f"https://other.example/{k}"
        article = Article.create(
            normalize_text(text), source_id=f"t{k}", date=day, url=url, origin=url
        )
        out.append((article, 100 + k))
    return out


def _rates(story_of: dict[str, str], truth: dict[str, int]) -> tuple[float, int]:
    pairs = list(itertools.combinations(truth, 2))
    same = [(a, b) for a, b in pairs if truth[a] == truth[b]]
    merged = sum(story_of[a] == story_of[b] for a, b in same) / len(same)
    false = sum(story_of[a] == story_of[b] for a, b in pairs if truth[a] != truth[b])
    return merged, false


def test_shingles_are_word_runs_in_lower_case() -> None:
    assert shingles("India and Russia signed") == {"india and russia", "and russia signed"}
    assert shingles("Hello") == {"hello"}


def test_signatures_are_datasketchs_minhash_of_the_shingles() -> None:
    """Stored signatures outlive a run: the fast path must give datasketch's own values
    (SHA-1 of each shingle, seed-1 permutations), whatever the shingles' order."""
    for text in [*STORIES, "Short.", ""]:
        reference = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
        reference.update_batch([s.encode("utf-8") for s in shingles(text)])
        values, _ = signature_of(text)
        assert values.tolist() == reference.hashvalues.tolist()


def test_signatures_of_other_lengths() -> None:
    values, short = signature_of("India and Russia signed a deal on oil supplies.", 64)
    assert len(values) == 64
    assert short
    library = StoryLibrary(num_perm=64)
    first = library.assign("a", STORIES[0], dt.date(2025, 1, 1))
    assert library.assign("b", STORIES[0], dt.date(2025, 1, 2)).story_id == first.story_id


def test_over_the_day_bound_only_empty_days_are_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_module, "MAX_DAYS_HELD", 50)

    def loader(first: dt.date, last: dt.date):  # type: ignore[no-untyped-def]
        return iter(())

    library = StoryLibrary(loader=loader)
    text = normalize_text(STORIES[0])
    kept = library.assign("kept", text, dt.date(2025, 1, 1))
    library.stored()
    for k in range(1, 6):  # each date's window brings some fifty empty days
        library.assign(
            f"far{k}", normalize_text(STORIES[k]), dt.date(2025, 1, 1) + dt.timedelta(days=100 * k)
        )
        library.stored()
    assert library.held() == 6  # every article is still held ...
    assert library.story_of("kept") == kept.story_id
    undated = library.assign("undated", text)  # ... so an undated copy still finds it
    assert undated.story_id == kept.story_id


def test_syndicated_copies_collapse_and_same_topic_stories_stay_apart() -> None:
    library = StoryLibrary()
    corpus = _corpus()
    links = {a.article_id: library.assign(a.article_id, a.text, a.date) for a, _ in corpus}
    truth = {a.article_id: s for a, s in corpus}
    merged, false_merges = _rates({k: v.story_id for k, v in links.items()}, truth)
    assert merged == 1.0
    assert false_merges == 0
    assert len({link.story_id for link in links.values()}) == len(STORIES) + len(SAME_TOPIC)


def test_the_same_wording_weeks_apart_is_a_new_story() -> None:
    library = StoryLibrary()
    text = normalize_text(STORIES[0])
    first = library.assign("a1", text, dt.date(2025, 1, 1))
    again = library.assign("a2", text + " More talks follow.", dt.date(2025, 1, 2))
    later = library.assign("a3", text + " More talks follow.", dt.date(2025, 2, 20))
    assert again.story_id == first.story_id
    assert not again.is_new_story
    assert later.story_id != first.story_id
    assert later.is_new_story


def test_a_held_article_costs_about_half_a_kilobyte_however_its_days_fall() -> None:
    """A backfill over years puts an article or two on most days: the held signatures
    cost 32 bits a value and at most a row of slack an article, not a block a day."""
    library = StoryLibrary()
    texts = [normalize_text(story) for story in STORIES]
    start = dt.date(2020, 1, 1)
    for k in range(300):  # one article on most days, three on every tenth
        for j in range(3 if k % 10 == 0 else 1):
            text = f"{texts[(k + j) % len(texts)]} Report {k}-{j}."
            library.assign(f"a{k}-{j}", text, start + dt.timedelta(days=10 * k))
    per_article = library.signature_bytes() / library.held()
    assert library.held() == 360
    assert NUM_PERM * 4 <= per_article <= NUM_PERM * 4 * 1.25


def test_the_library_holds_only_the_days_it_needs_and_reloads_forgotten_ones() -> None:
    text = normalize_text(STORIES[0])
    source = StoryLibrary()
    stored = {}  # a stand-in store: one copy of the story a day for 60 days
    for k in range(60):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=k)
        link = source.assign(f"old{k}", f"{text} Day {k}.", day)
        stored[f"old{k}"] = (link.story_id, link.signature, day)
    asked: list[tuple[dt.date, dt.date]] = []

    def loader(first: dt.date, last: dt.date):  # type: ignore[no-untyped-def]
        asked.append((first, last))
        for article_id, (story, signature, day) in sorted(stored.items()):
            if first <= day <= last:
                yield article_id, story, signature, day

    library = StoryLibrary(loader=loader, max_articles=10)
    assert library.held() == 0  # nothing read before it is needed
    copy = library.assign("new1", f"{text} Day 30.", dt.date(2025, 1, 31))
    assert copy.story_id == stored["old30"][0]
    assert not copy.is_new_story
    ((first, last),) = asked  # its day and three either side, read with a few weeks more
    assert first <= dt.date(2025, 1, 28)
    assert last >= dt.date(2025, 2, 3)
    assert library.held() <= 10 + 7  # over the cap only by the window it needs
    library.stored()
    far = library.assign("new2", f"{text} Day 5.", dt.date(2025, 1, 6))
    assert far.story_id == stored["old5"][0]
    assert library.held() <= 10 + 7  # the days of January 31 were forgotten ...
    library.stored()
    again = library.assign("new3", f"{text} Day 30.", dt.date(2025, 1, 31))
    assert again.story_id == stored["old30"][0]  # ... and read again when needed
    assert len(asked) == 3  # January 31's days read again, as they had been forgotten
    assert asked[-1][0] <= dt.date(2025, 1, 31) <= asked[-1][1]


def test_the_store_is_asked_only_for_days_it_has_articles_of() -> None:
    text = normalize_text(STORIES[0])
    first = StoryLibrary().assign("old", text)
    stored = {"old": (first.story_id, first.signature, dt.date(2025, 1, 1))}
    asked: list[tuple[dt.date, dt.date]] = []

    def loader(first: dt.date, last: dt.date):  # type: ignore[no-untyped-def]
        asked.append((first, last))
        for article_id, (story, signature, day) in stored.items():
            if first <= day <= last:
                yield article_id, story, signature, day

    library = StoryLibrary(loader=loader, stored_days={dt.date(2025, 1, 1)}, max_articles=1)

    def code(article_id: str, text: str, day: dt.date) -> StoryLink:
        link = library.assign(article_id, text, day)
        stored[article_id] = (link.story_id, link.signature, day)  # written with its batch
        library.stored()
        return link

    other = code("x1", normalize_text(STORIES[1]), dt.date(2026, 6, 1))
    assert other.is_new_story
    assert asked == []  # nothing stored within weeks of June 2026: no query
    copy = code("x2", text, dt.date(2025, 1, 2))
    assert copy.story_id == first.story_id
    assert len(asked) == 1
    for k in range(1, 5):  # days far apart push the first ones out of the library ...
        code(f"y{k}", normalize_text(STORIES[k]), dt.date(2027, k, 1))
    assert library.held() < 4
    again = code("x3", normalize_text(STORIES[1]), dt.date(2026, 6, 2))
    assert again.story_id == other.story_id  # ... and June 2026, stored in this run, is read
    assert asked[-1][0] <= dt.date(2026, 6, 1) <= asked[-1][1]


def test_articles_not_yet_stored_are_never_forgotten() -> None:
    text = normalize_text(STORIES[1])
    library = StoryLibrary(loader=lambda first, last: iter(()), max_articles=1)
    first = library.assign("a", text, dt.date(2025, 5, 1))
    library.assign(
        "b", "Something else entirely happened in another place today.", dt.date(2025, 9, 1)
    )
    copy = library.assign("c", text + " More.", dt.date(2025, 5, 2))
    assert copy.story_id == first.story_id  # "a" could not be reloaded, so it was kept


def test_events_are_listed_once_per_story_with_report_counts(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    corpus = [(a, s) for a, s in _corpus() if s == 0]  # three outlets' copies
    with Store(tmp_path / "e.duckdb") as store:
        summary = code_items((a for a, _ in corpus), store, pipeline)
        assert (summary.articles, summary.stories, summary.duplicates) == (3, 1, 2)
        each = find_events(store, EventFilter(every_report=True))
        once = find_events(store, EventFilter())
    signing = [
        r for r in once if (r["source"][:3], r["target"][:3], r["cameo"]) == ("IND", "RUS", "057")
    ]
    assert len(signing) == 1
    assert signing[0]["n_articles"] == 3
    assert signing[0]["n_sources"] == 3
    assert signing[0]["n_mentions"] >= 3
    assert len(each) > len(once)
    assert {r["story_id"] for r in each} == {signing[0]["story_id"]}


def test_coding_again_skips_what_is_stored_and_changes_nothing(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(STORIES[:3]):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    (folder / "copy.txt").write_text(STORIES[0], encoding="utf-8")  # same text twice
    with Store(tmp_path / "e.duckdb") as store:
        first = code_paths([folder], store, pipeline)
        dumps = {t: store.table_dump(t) for t in DATA_TABLES}
        second = code_paths([folder], store, pipeline)
        assert {t: store.table_dump(t) for t in DATA_TABLES} == dumps
    assert (first.articles, first.skipped) == (3, 1)
    assert (second.articles, second.skipped) == (0, 4)


@pytest.mark.skipif(
    not (SHARED / "corpus" / "wikinews-2019-2020.jsonl").is_file(),
    reason="../shared/corpus (the wikinews benchmark) is not beside the checkout",
)
def test_wikinews_coded_twice_is_stored_once(tmp_path: Path, pipeline: Pipeline) -> None:
    path = SHARED / "corpus" / "wikinews-2019-2020.jsonl"
    n_records = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    with Store(tmp_path / "e.duckdb") as store:
        first = code_paths([path], store, pipeline)
        dumps = {t: store.table_dump(t) for t in DATA_TABLES}
        second = code_paths([path], store, pipeline)
        assert {t: store.table_dump(t) for t in DATA_TABLES} == dumps
        n_articles = store.query("SELECT count(*) AS n FROM articles")[0]["n"]
    assert first.articles + first.skipped + first.failed == n_records
    assert second.articles == 0
    assert second.skipped == first.articles + first.skipped
    assert n_articles == first.articles
    assert json.dumps(first.counts())


def test_the_same_text_from_two_outlets_is_stored_once_and_counted_twice(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    text = normalize_text(STORIES[0])
    day = dt.date(2025, 3, 3)
    copies = [
        Article.create(text, source_id=f"c{i}", date=day, url=url, origin=url)
        for i, url in enumerate(["https://www.wire.example/a", "https://herald.example/b"])
    ]
    with Store(tmp_path / "e.duckdb") as store:
        summary = code_items(iter(copies), store, pipeline)
        again = code_items(iter(copies), store, pipeline)
        n_articles = store.query("SELECT count(*) AS n FROM articles")[0]["n"]
        outlets = store.query("SELECT outlet FROM sightings ORDER BY outlet")
        rows = find_events(store, EventFilter(code="057"))
    assert (summary.articles, summary.skipped, again.skipped) == (1, 1, 2)
    assert n_articles == 1
    assert [r["outlet"] for r in outlets] == ["herald.example", "wire.example"]
    signing = [r for r in rows if (r["source"][:3], r["target"][:3]) == ("IND", "RUS")]
    assert len(signing) == 1
    assert (signing[0]["n_articles"], signing[0]["n_sources"]) == (2, 2)
