"""Every kind of source, read from files the tests write: text, pages, records, feeds,
web archives, folders and standard input; with the metadata each one carries."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from entente.errors import InputError
from entente.ingest.files import read_inputs
from entente.ingest.options import ReadOptions
from entente.model import Article

BODY = (
    "India and Pakistan resumed talks on Monday in Geneva after a year of silence between "
    "the two governments, officials said. The foreign ministers met for three hours and "
    "agreed to meet again next month to discuss trade and water."
)
PAGE = f"""<!DOCTYPE html><html><head><title>Talks resume | Daily Planet</title>
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="Daily Planet">
<meta property="og:title" content="Talks resume">
<meta property="article:published_time" content="2025-03-04T10:20:00+05:30">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Talks resume</h1><p>{BODY}</p>
<p>Both sides said the meeting had been useful and that their officials would keep in
touch over the coming weeks to prepare the next round.</p></article>
<div class="share">Share this article on Facebook</div>
<div id="comments" class="comments"><h3>Leave a comment</h3><p>Log in to comment</p></div>
<footer>Copyright Daily Planet</footer></body></html>"""
RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>World Wire</title><link>http://example.org/</link>
<item><title>Talks resume</title><link>http://example.org/talks</link>
<guid>talks-1</guid><author>desk@example.org (Jane Roe)</author>
<pubDate>Tue, 04 Mar 2025 10:20:00 +0530</pubDate>
<description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>Second</title><link>http://example.org/second</link>
<description>Japan and South Korea signed a fisheries agreement on Friday in Tokyo, the
two foreign ministries said in a joint statement.</description></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:wire</id>
<updated>2025-03-04T05:00:00Z</updated>
<entry><title>Talks resume</title><id>urn:talks</id>
<link href="http://example.org/talks"/><updated>2025-03-04T04:50:00Z</updated>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""


def articles(items: list[Article | InputError]) -> list[Article]:
    errors = [i for i in items if isinstance(i, InputError)]
    assert not errors, errors
    return [i for i in items if isinstance(i, Article)]


def read(*inputs: Path | str, **settings: object) -> list[Article | InputError]:
    return list(read_inputs(list(inputs), options=ReadOptions(**settings)))  # type: ignore[arg-type]


def test_text_and_markdown_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.md").write_text(f"# Talks resume\n\n{BODY}\n")
    a, b = articles(read(tmp_path / "a.txt", tmp_path / "b.md"))
    assert (a.title, a.source_id, a.language) == (None, "a.txt", "en")
    assert b.title == "Talks resume"


def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE)
    [art] = articles(read(tmp_path / "page.html"))
    assert "resumed talks on Monday in Geneva" in art.text
    for boilerplate in ("Home", "Share this", "Leave a comment", "Copyright"):
        assert boilerplate not in art.text
    assert (art.title, art.author, art.outlet) == ("Talks resume", "Jane Roe", "Daily Planet")
    assert art.published_at == dt.datetime(
        2025, 3, 4, 10, 20, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))
    )
    assert art.date == dt.date(2025, 3, 4)


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".csv"])
def test_records_with_configured_field_names(tmp_path: Path, suffix: str) -> None:
    rows = [
        {
            "body": BODY,
            "headline": "Talks resume",
            "when": "2025-03-04T10:20:00Z",
            "link": "http://example.org/talks",
            "key": "r1",
            "byline": "Jane Roe",
        },
        {"body": "", "headline": "empty", "when": "", "link": "", "key": "r2", "byline": ""},
    ]
    path = tmp_path / f"records{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(rows))
    elif suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    else:
        header = list(rows[0])
        lines = [",".join(header)] + [",".join(json.dumps(r[h]) for h in header) for r in rows]
        path.write_text("\n".join(lines) + "\n")
    fields = {
        "text_field": "body",
        "title_field": "headline",
        "date_field": "when",
        "url_field": "link",
        "id_field": "key",
        "author_field": "byline",
    }
    good, bad = read(path, **fields)
    assert isinstance(good, Article)
    assert (good.source_id, good.title, good.url, good.author) == (
        "r1",
        "Talks resume",
        "http://example.org/talks",
        "Jane Roe",
    )
    assert good.date == dt.date(2025, 3, 4)
    assert good.published_at == dt.datetime(2025, 3, 4, 10, 20, tzinfo=dt.UTC)
    assert isinstance(bad, InputError)
    assert "no text (field 'body')" in bad.reason


def test_records_with_default_field_names_keep_the_corpus_shape(tmp_path: Path) -> None:
    record = {"id": "x9", "date": "2025-03-04", "title": "T", "url": "u", "text": BODY}
    (tmp_path / "c.jsonl").write_text(json.dumps(record) + "\n")
    [art] = articles(read(tmp_path / "c.jsonl"))
    assert (art.source_id, art.date, art.published_at) == ("x9", dt.date(2025, 3, 4), None)
    assert art.origin == f"{tmp_path / 'c.jsonl'}:1"


def test_article_id_rule_is_unchanged_by_metadata() -> None:
    day = dt.date(2025, 3, 4)
    plain = Article.create(BODY, source_id="a", date=day)
    rich = Article.create(
        BODY,
        source_id="b",
        date=day,
        outlet="X",
        author="Y",
        published_at=dt.datetime(2025, 3, 4, tzinfo=dt.UTC),
        language="en",
    )
    assert plain.article_id == rich.article_id
    assert plain.outlet is plain.author is plain.published_at is plain.language is None


@pytest.mark.parametrize(
    ("name", "feed", "outlet"), [("w.rss", RSS, "World Wire"), ("w.atom", ATOM, "Atom Wire")]
)
def test_feeds_from_files(tmp_path: Path, name: str, feed: str, outlet: str) -> None:
    (tmp_path / name).write_text(feed)
    arts = articles(read(tmp_path / name))
    first = arts[0]
    assert first.text.startswith("India and Pakistan resumed talks")
    assert "<p>" not in first.text
    assert (first.title, first.url, first.outlet) == (
        "Talks resume",
        "http://example.org/talks",
        outlet,
    )
    assert first.published_at == dt.datetime(2025, 3, 4, 4, 50, tzinfo=dt.UTC)
    assert first.date == dt.date(2025, 3, 4)
    assert len(arts) == (2 if name.endswith(".rss") else 1)


def write_warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, content_type, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            data = body.encode()
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(data), length=len(data), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["news.warc", "news.warc.gz"])
def test_warc_html_responses_become_articles(tmp_path: Path, name: str) -> None:
    write_warc(
        tmp_path / name,
        [
            ("http://example.org/talks", "text/html; charset=utf-8", PAGE),
            ("http://example.org/logo.png", "image/png", "not a page"),
        ],
    )
    [art] = articles(read(tmp_path / name))
    assert art.url == art.source_id == "http://example.org/talks"
    assert (art.title, art.outlet) == ("Talks resume", "Daily Planet")
    assert "resumed talks" in art.text


def test_folders_are_read_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "z" / "deep").mkdir(parents=True)
    (tmp_path / "z" / "deep" / "b.html").write_text(PAGE)
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "feed.rss").write_text(RSS)
    write_warc(tmp_path / "z" / "c.warc.gz", [("http://example.org/x", "text/html", PAGE)])
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # unknown suffix: passed over
    arts = articles(read(tmp_path))
    assert [Path(a.origin.split("#")[0]).name for a in arts] == [
        "a.txt",
        "feed.rss",
        "feed.rss",
        "c.warc.gz",
        "b.html",
    ]


JSONL = (
    json.dumps({"id": "s1", "title": "Talks resume", "text": BODY})
    + "\n"
    + json.dumps({"id": "s2", "text": BODY})
)


@pytest.mark.parametrize(
    ("data", "title"),
    [(PAGE, "Talks resume"), (RSS, "Talks resume"), (JSONL, "Talks resume"), (BODY, None)],
)
def test_standard_input_is_read_by_its_first_bytes(
    monkeypatch: pytest.MonkeyPatch, data: str, title: str | None
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    arts = articles(read("-"))
    assert arts[0].title == title
    assert "resumed talks" in arts[0].text


def test_articles_not_in_english_are_skipped_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(
        "La France et l'Allemagne ont signé lundi à Paris un accord de coopération "
        "militaire qui prévoit des exercices communs et un état-major partagé."
    )
    (tmp_path / "en.txt").write_text(BODY)
    skipped, kept = read(tmp_path / "fr.txt", tmp_path / "en.txt")
    assert isinstance(skipped, InputError)
    assert skipped.reason == "language is 'fr', not one coded: skipped"
    assert isinstance(kept, Article)
    [coded] = articles(read(tmp_path / "fr.txt", languages=("en", "fr")))
    assert coded.language == "fr"


def test_metadata_is_stored_with_the_article(tmp_path: Path, pipeline: object) -> None:
    from entente.pipeline import Pipeline
    from entente.store.database import Store

    assert isinstance(pipeline, Pipeline)
    (tmp_path / "page.html").write_text(PAGE)
    (tmp_path / "w.rss").write_text(RSS)
    arts = articles(read(tmp_path / "page.html", tmp_path / "w.rss"))
    with Store(tmp_path / "e.duckdb") as store:
        store.write([pipeline.analyze(a) for a in arts])
        rows = store.query(
            "SELECT outlet, author, language, epoch(published_at) AS t FROM articles "
            "ORDER BY outlet, t"
        )
    instant = dt.datetime(2025, 3, 4, 4, 50, tzinfo=dt.UTC).timestamp()
    assert rows[0] == {
        "outlet": "Daily Planet",
        "author": "Jane Roe",
        "language": "en",
        "t": instant,
    }
    assert rows[1]["outlet"] == rows[2]["outlet"] == "World Wire"
    assert {r["t"] for r in rows[1:]} == {instant, None}


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<meta content="2025-03-04T10:20:00Z" property="article:published_time">',
            dt.datetime(2025, 3, 4, 10, 20, tzinfo=dt.UTC),
        ),
        (
            '<meta itemprop="datePublished" content="2025-03-04T12:20:00+02:00">',
            dt.datetime(2025, 3, 4, 10, 20, tzinfo=dt.UTC),
        ),
        (
            '<script type="application/ld+json">{"datePublished": "2025-03-04T10:20:00Z"}</script>',
            dt.datetime(2025, 3, 4, 10, 20, tzinfo=dt.UTC),
        ),
        ('<meta property="article:published_time" content="2025-03-04">', None),
        ('<meta property="article:published_time" content="2025-03-04T10:20:00">', None),
        ('<meta property="og:updated_time" content="2025-03-04T10:20:00Z">', None),
    ],
)
def test_publication_time_needs_a_time_and_a_zone(head: str, expected: dt.datetime | None) -> None:
    from entente.ingest.html import published_time

    assert published_time(head) == expected


def test_html_in_a_declared_legacy_encoding(tmp_path: Path) -> None:
    page = PAGE.replace("<head>", '<head><meta charset="iso-8859-1">').replace(
        "in Geneva", "in Genève"
    )
    (tmp_path / "latin.html").write_bytes(page.encode("latin-1"))
    [art] = articles(read(tmp_path / "latin.html"))
    assert "in Genève after" in art.text
