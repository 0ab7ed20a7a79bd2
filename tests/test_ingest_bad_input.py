"""Bad input of every kind gives one clear error naming the input, and the run goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from entente.errors import InputError
from entente.ingest.files import read_inputs
from entente.ingest.options import ReadOptions
from entente.model import Article
from tests.test_ingest_sources import BODY, PAGE, RSS, write_warc

CASES: list[tuple[str, bytes, str]] = [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content (NUL bytes), not text"),
    ("binary.html", b"\x00\x01\x02<html>", "binary content (NUL bytes), not HTML"),
    ("latin1.txt", "Café in Zürich".encode("latin-1"), "not valid UTF-8 (byte 3)"),
    ("empty.txt", b"  \n", "empty"),
    ("empty.jsonl", b"\n\n", "empty"),
    ("truncated.html", b"<html><head><title>Talks</ti", "no article text found in the HTML"),
    (
        "nav-only.html",
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "no article text found in the HTML",
    ),
    (
        "truncated.json",
        b'[{"text": "India and Japan',
        "malformed JSON (Unterminated string starting at: line 1 column 11 (char 10))",
    ),
    ("empty.json", b"[]", "no records (an empty JSON array)"),
    ("scalar.json", b"42", "record is not a JSON object"),
    ("no-column.csv", b"headline,when\nTalks,2025-03-04\n", "no 'text' column in the CSV header"),
    ("truncated.rss", RSS.encode()[:400], "malformed feed XML (<unknown>:"),
    (
        "empty.rss",
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title></channel></rss>',
        "the feed has no entries",
    ),
    (
        "not-a-feed.xml",
        b'<?xml version="1.0"?><sitemap><loc>x</loc></sitemap>',
        "not an RSS or Atom feed",
    ),
    ("binary.rss", b"\x00\x00\x00", "binary content (NUL bytes), not a feed"),
    (
        "garbage.warc",
        b"this is not a web archive\r\n\r\n",
        "not a WARC file (no WARC record header)",
    ),
    ("data.parquet", b"PAR1", "unsupported file type .parquet"),
]


@pytest.mark.parametrize(("name", "data", "reason"), CASES, ids=[c[0] for c in CASES])
def test_each_bad_input_gives_one_clear_error_and_the_run_goes_on(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(BODY)
    bad, good = read_inputs([tmp_path / name, tmp_path / "good.txt"])
    assert isinstance(bad, InputError)
    assert bad.source == str(tmp_path / name)
    assert bad.reason.startswith(reason), bad.reason
    assert isinstance(good, Article)


@pytest.mark.parametrize("name", ["huge.txt", "huge.html", "huge.json", "huge.rss"])
def test_files_over_the_size_cap_are_refused_unread(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"x" * 2048)
    [error] = read_inputs([tmp_path / name], options=ReadOptions(max_bytes=1024))
    assert isinstance(error, InputError)
    assert error.reason == "file is 2048 bytes, over the 1024-byte limit"


def test_a_warc_record_over_the_cap_is_refused_and_the_next_is_read(tmp_path: Path) -> None:
    big = PAGE.replace("</article>", "<p>" + "More words here. " * 2000 + "</p></article>")
    write_warc(
        tmp_path / "a.warc.gz",
        [("http://x.org/big", "text/html", big), ("http://x.org/ok", "text/html", PAGE)],
    )
    error, page = read_inputs([tmp_path / "a.warc.gz"], options=ReadOptions(max_bytes=20_000))
    assert isinstance(error, InputError)
    assert error.reason == "record is over the 20000-byte limit"
    assert isinstance(page, Article)
    assert page.url == "http://x.org/ok"


def test_a_truncated_warc_gives_its_pages_then_one_error(tmp_path: Path) -> None:
    write_warc(
        tmp_path / "a.warc",
        [("http://x.org/1", "text/html", PAGE), ("http://x.org/2", "text/html", PAGE)],
    )
    data = (tmp_path / "a.warc").read_bytes()
    (tmp_path / "a.warc").write_bytes(data[: len(data) - 600])
    page, error = read_inputs([tmp_path / "a.warc"])
    assert isinstance(page, Article)
    assert page.url == "http://x.org/1"
    assert isinstance(error, InputError)
    assert error.source.startswith(f"{tmp_path / 'a.warc'}#")
    assert error.reason == "truncated record (596 bytes missing)"


def test_a_warc_without_pages_says_so(tmp_path: Path) -> None:
    write_warc(tmp_path / "a.warc", [("http://x.org/l.png", "image/png", "png")])
    [error] = read_inputs([tmp_path / "a.warc"])
    assert isinstance(error, InputError)
    assert error.reason == "the WARC holds no HTML responses"


def test_a_missing_input_is_named() -> None:
    [error] = read_inputs([Path("/nonexistent/entente/file.txt")])
    assert isinstance(error, InputError)
    assert error.reason == "no such file or folder"
