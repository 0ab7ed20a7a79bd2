from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entente.model import Article, Precision
from entente.pipeline import STAGES, Pipeline
from entente.text.dates import DateReader, undated_day, undated_month, weekday_near
from entente.text.normalize import normalize_text

D = dt.date.fromisoformat


def refs(a):  # type: ignore[no-untyped-def]
    """(text, ISO date, precision) of the time expressions."""
    return [(r.text, r.date.isoformat(), r.precision.value) for r in a.time_refs]


@pytest.mark.parametrize(
    ("date", "text", "expected"),
    [
        # weekdays: on or before the article's day; the day itself counts
        ("2024-03-01", "They met on Tuesday.", ("Tuesday", "2024-02-27", "day")),
        ("2024-03-01", "They met on Friday.", ("Friday", "2024-03-01", "day")),
        ("2025-01-02", "They met on Monday.", ("Monday", "2024-12-30", "day")),
        ("2024-03-01", "They met last Friday.", ("last Friday", "2024-02-23", "day")),
        ("2024-02-28", "They meet next Monday.", ("next Monday", "2024-03-04", "day")),
        # a future clause looks ahead
        ("2024-12-30", "Leaders will meet on Friday.", ("Friday", "2025-01-03", "day")),
        # days named from today, across a leap day and a year end
        ("2024-03-01", "Talks ended yesterday.", ("yesterday", "2024-02-29", "day")),
        ("2024-12-31", "Talks open tomorrow.", ("tomorrow", "2025-01-01", "day")),
        ("2025-01-01", "Shelling went on last night.", ("last night", "2024-12-31", "day")),
        # periods: their first day
        ("2025-01-02", "Prices rose last month.", ("last month", "2024-12-01", "month")),
        ("2024-12-15", "Talks resume next month.", ("next month", "2025-01-01", "month")),
        ("2025-01-02", "Output fell last year.", ("last year", "2024-01-01", "year")),
        ("2025-01-02", "He spoke earlier this week.", ("earlier this week", "2024-12-30", "week")),
        ("2024-07-10", "A vote is due next week.", ("next week", "2024-07-15", "week")),
        ("2024-03-01", "He left two days ago.", ("two days ago", "2024-02-28", "day")),
        # calendar dates: a year written, else the nearest sensible one
        ("2024-07-10", "It began on March 3, 2014.", ("March 3, 2014", "2014-03-03", "day")),
        ("2024-07-10", "It began on 24 February 2022.", ("24 February 2022", "2022-02-24", "day")),
        ("2025-01-02", "It began on Dec. 30.", ("Dec. 30", "2024-12-30", "day")),
        ("2025-02-16", "The ship was seized on 12 February.", ("12 February", "2025-02-12", "day")),
        ("2024-12-28", "It opens on Jan 5.", ("Jan 5", "2025-01-05", "day")),
        ("2025-01-10", "He was elected in March.", ("March", "2024-03-01", "month")),
        ("2025-01-10", "Elections will be held in March.", ("March", "2025-03-01", "month")),
        (
            "2024-07-10",
            "Troops moved in in February 2022.",
            ("February 2022", "2022-02-01", "month"),
        ),
        ("2024-07-10", "Crimea was annexed in 2014.", ("2014", "2014-01-01", "year")),
    ],
)
def test_time_expressions(analyze, date, text, expected):  # type: ignore[no-untyped-def]
    a = analyze(text, date)
    assert refs(a) == [expected]
    (ref,) = a.time_refs
    assert ref.span.text_of(a.text) == ref.text


@pytest.mark.parametrize(
    "text",
    [
        "A total of 2000 people gathered.",
        "May was not there.",
        "Officials said prices rose over the last year.",
        "The March on Washington drew crowds.",
        "Pilgrims gathered for Palm Sunday.",
        "Bombs went off near the Monday Market.",
        "The figures were reported by USA Today.",
    ],
)
def test_not_time_expressions(analyze, text):  # type: ignore[no-untyped-def]
    assert refs(analyze(text, "2024-07-10")) == []


def test_the_dateline_day_anchors_relative_dates(analyze):  # type: ignore[no-untyped-def]
    # filed on July 9 (a Tuesday), published a day later: "on Tuesday" is the dateline's day
    a = analyze("MOSCOW, July 9 — Modi held talks with Putin on Tuesday.", "2024-07-10")
    assert refs(a) == [("Tuesday", "2024-07-09", "day")]
    # a dateline of Dec 31 in a story dated Jan 1 belongs to the year before
    b = analyze("KYIV, Dec 31 — Drones struck the city yesterday.", "2025-01-01")
    assert refs(b) == [("yesterday", "2024-12-30", "day")]


def test_without_an_article_date_only_written_years_resolve(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Talks ended yesterday, as in March 2014.")
    assert refs(a) == [("March 2014", "2014-03-01", "month")]


@pytest.mark.parametrize(
    ("day", "weekday", "future", "strict", "expected"),
    [
        ("2024-03-01", 0, False, False, "2024-02-26"),  # Friday -> the Monday before
        ("2024-03-01", 4, False, True, "2024-02-23"),  # "last Friday" on a Friday
        ("2024-12-30", 2, True, False, "2025-01-01"),  # across the year end
        ("2024-12-31", 1, True, True, "2025-01-07"),  # "next Tuesday" on a Tuesday
    ],
)
def test_weekday_near(day, weekday, future, strict, expected):  # type: ignore[no-untyped-def]
    assert weekday_near(D(day), weekday, future=future, strict=strict) == D(expected)


def test_undated_days_and_months():  # type: ignore[no-untyped-def]
    assert undated_day(D("2024-07-10"), 2, 29, future=False) == D("2024-02-29")
    assert undated_day(D("2025-03-01"), 2, 29, future=False) == D("2024-02-29")
    assert undated_day(D("2024-07-10"), 7, 20, future=False) == D("2024-07-20")  # soon
    assert undated_day(D("2024-07-10"), 9, 20, future=False) == D("2023-09-20")
    assert undated_month(D("2024-07-10"), 7, future=False) == D("2024-07-01")
    assert undated_month(D("2024-07-10"), 7, future=True) == D("2024-07-01")
    assert undated_month(D("2024-07-10"), 6, future=True) == D("2025-06-01")


def test_an_event_takes_the_day_of_its_clause(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Modi held talks with Putin on Tuesday.", "2024-07-11")
    (event,) = a.events
    assert event.date == D("2024-07-09")
    assert [r.precision for r in a.time_refs] == [Precision.DAY]


def test_an_event_without_a_day_takes_the_article_date(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Modi held talks with Putin last month.", "2024-07-11")
    (event,) = a.events
    assert event.date == D("2024-07-11")


def test_the_nearest_day_in_the_sentence_dates_each_event(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Modi met Putin on Monday and Xi criticised Japan on Wednesday.", "2024-07-11")
    dates = {(e.source.root, e.target.root): e.date for e in a.events}
    assert dates[("IND", "RUS")] == D("2024-07-08")
    assert dates[("CHN", "JPN")] == D("2024-07-10")


def test_places_and_dates_change_no_event_but_its_date_and_place(lexicon):  # type: ignore[no-untyped-def]
    text = normalize_text(
        "MOSCOW, July 9 — Prime Minister Narendra Modi held talks with President Vladimir "
        "Putin in the Kremlin on Tuesday. India and China signed a trade deal in Beijing "
        "last month, and Russia attacked Kharkiv yesterday."
    )
    article = Article.create(text, source_id="test", date=D("2024-07-10"))
    full = Pipeline(lexicon).analyze(article)
    bare = Pipeline(lexicon, tuple(s for s in STAGES if s[0] not in ("places", "dates")))
    without = bare.analyze(article).events
    assert len(full.events) == len(without) >= 3
    assert [replace(e, date=None, place_id=None) for e in full.events] == [
        replace(e, date=None, place_id=None) for e in without
    ]
    assert any(e.date != full.date for e in full.events)
    assert all(e.place_id is not None for e in full.events)


_DATE_WORDS = ["a", "one", "two", "3", "2019", "May", "may", "March", "Sept", ".", ",", "the"]
_DATE_WORDS += ["this", "last", "next", "week", "year", "days", "ago", "Tuesday", "night"]
_DATE_WORDS += ["today", "in", "since", "will", "meet", "on", "earlier", "and", "-", "Palm"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), min_size=1, max_size=14))
def test_reading_only_the_readers_a_word_allows_finds_what_trying_all_does(pipeline, words):  # type: ignore[no-untyped-def]
    text = normalize_text(" ".join(words))
    if not text:
        return
    a = pipeline.analyze(Article.create(text, source_id="property", date=D("2024-03-01")))
    reader = DateReader(a.tokens, pipeline.lexicon.dates, D("2024-03-01"))
    for sentence in a.sentences:
        found = list(reader.find(sentence))
        i, expected = sentence.token_start, []
        while i < sentence.token_end:  # every reader tried at every token
            f = reader.at(i)
            if f is not None:
                expected.append(f)
            i = f.end if f is not None else i + 1
        assert found == expected
