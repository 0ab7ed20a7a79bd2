"""Reading articles from every kind of input; each yields articles or input errors.

An input is a file, a folder (read recursively, in name order), ``-`` (standard input),
an ``http(s)://`` URL, or ``urls:PATH`` (a list of URLs, one per line; a ``.urls`` file
is read the same way). A file's kind follows its suffix:

=====================  ==========================================  =====================
suffix                 reader                                      module
=====================  ==========================================  =====================
.txt .md               plain text (a Markdown heading is the title) here
.html .htm .xhtml      main text and metadata of a web page         :mod:`.html`
.json .jsonl .csv      records, field names set in ReadOptions      :mod:`.tabular`
.rss .atom .xml        RSS and Atom feeds, an article per entry     :mod:`.feeds`
.warc .warc.gz         HTML responses in a web archive              :mod:`.warc`
.urls                  URLs, each fetched                           :mod:`.web`
=====================  ==========================================  =====================

Standard input and fetched URLs are read by their content type or, failing that, by
their first bytes (JSON lines when the first line is a whole object and more follow).
Each input yields either an :class:`Article` or an :class:`InputError` naming the input
and the reason, so that one bad input never stops a run; articles in a language not
coded are skipped the same way.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from entente.errors import InputError
from entente.ingest.build import build_article, decode
from entente.ingest.feeds import FEED_SUFFIXES, read_feed
from entente.ingest.html import HTML_SUFFIXES, read_html
from entente.ingest.options import MAX_BYTES, ReadOptions
from entente.ingest.tabular import (
    CSV_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    read_csv,
    read_json,
    read_jsonl,
    read_jsonl_lines,
)
from entente.ingest.warc import is_warc, read_warc
from entente.ingest.web import fetch, is_url
from entente.model import Article

__all__ = ["MAX_BYTES", "SUFFIXES", "ReadOptions", "decode", "read_file", "read_inputs"]

TEXT_SUFFIXES = frozenset({".txt", ".md"})
URL_LIST_SUFFIXES = frozenset({".urls"})
SUFFIXES = (
    TEXT_SUFFIXES
    | HTML_SUFFIXES
    | JSON_SUFFIXES
    | JSONL_SUFFIXES
    | CSV_SUFFIXES
    | FEED_SUFFIXES
    | URL_LIST_SUFFIXES
    | {".warc", ".gz"}
)
URL_LIST_PREFIX = "urls:"
_JSONL_SNIFF = 1024 * 1024
_FLATTENED_URL = re.compile(r"^(https?):/(?!/)")  # Path("https://x") reads "https:/x"

Item = Article | InputError


def read_inputs(
    paths: Iterable[Path | str], max_bytes: int = MAX_BYTES, options: ReadOptions | None = None
) -> Iterator[Item]:
    """Articles (or errors) from every input, folders read recursively in order."""
    options = options or ReadOptions(max_bytes=max_bytes)
    for given in paths:
        yield from _read_input(_FLATTENED_URL.sub(r"\1://", str(given)), options)


def _read_input(name: str, options: ReadOptions) -> Iterator[Item]:
    path = Path(name)
    if name == "-":
        yield from read_stdin(options)
    elif is_url(name):
        yield from read_url(name, options)
    elif name.startswith(URL_LIST_PREFIX):
        yield from read_url_list(Path(name.removeprefix(URL_LIST_PREFIX)), options)
    elif path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            if _is_known(file):
                yield from read_file(file, options=options)
    elif path.exists():
        yield from read_file(path, options=options)
    else:
        yield InputError(name, "no such file or folder")


def _is_known(path: Path) -> bool:
    return is_warc(path) or (path.suffix.lower() in SUFFIXES and path.suffix.lower() != ".gz")


def read_file(
    path: Path, max_bytes: int = MAX_BYTES, options: ReadOptions | None = None
) -> Iterator[Item]:
    """The articles of one file, read by its suffix."""
    options = options or ReadOptions(max_bytes=max_bytes)
    suffix = path.suffix.lower()
    if is_warc(path):
        yield from read_warc(path, options)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, options)
    elif suffix in URL_LIST_SUFFIXES:
        yield from read_url_list(path, options)
    elif suffix in SUFFIXES - {".gz"}:
        try:
            data = _read_capped(path, options.max_bytes)
        except InputError as exc:
            yield exc
            return
        yield from read_bytes(data, _kind(suffix), str(path), path.name, options)
    else:
        yield InputError(str(path), f"unsupported file type {suffix or '(none)'}")


def read_bytes(
    data: bytes, kind: str, origin: str, name: str, options: ReadOptions, url: str | None = None
) -> Iterator[Item]:
    """Articles from bytes of a known kind: text, markdown, html, json, csv or feed."""
    try:
        if kind == "html":
            yield read_html(data, origin, options, source_id=url or name, url=url)
        elif kind == "feed":
            yield from read_feed(data, origin, options)
        elif kind == "json":
            yield from read_json(data, origin, name, options)
        elif kind == "jsonl":
            yield from read_jsonl_lines(data.splitlines(), origin, name, options)
        elif kind == "csv":
            yield from read_csv(data, origin, name, options)
        else:
            text = decode(data, origin)
            title = _markdown_title(text) if kind == "markdown" else None
            yield build_article(
                text, source_id=url or name, origin=origin, options=options, title=title, url=url
            )
    except InputError as exc:
        yield exc


def read_stdin(options: ReadOptions) -> Iterator[Item]:
    """Standard input, read by its first bytes (a page, a feed, JSON, else text)."""
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield InputError("-", f"standard input is over the {options.max_bytes}-byte limit")
        return
    yield from read_bytes(data, sniff_kind(data), "-", "stdin", options)


def read_url(url: str, options: ReadOptions) -> Iterator[Item]:
    """The page, feed or text at ``url``."""
    try:
        fetched = fetch(url, options)
    except InputError as exc:
        yield exc
        return
    kind = _content_kind(fetched.content_type) or sniff_kind(fetched.data)
    yield from read_bytes(fetched.data, kind, url, url, options, url=fetched.url)


def read_url_list(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Each URL of a list (one per line; blank lines and ``#`` comments ignored)."""
    try:
        text = decode(_read_capped(path, options.max_bytes), str(path))
    except InputError as exc:
        yield exc
        return
    for number, line in enumerate(text.splitlines(), start=1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if is_url(url):
            yield from read_url(url, options)
        else:
            yield InputError(f"{path}:{number}", f"not an http(s) URL: {url[:80]!r}")


def sniff_kind(data: bytes) -> str:
    """The kind of content by its first bytes: html, feed, json, jsonl or text."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "html"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if head.startswith(b"{") and _is_json_lines(data):
        return "jsonl"
    if head.startswith((b"{", b"[")):
        return "json"
    return "text"


def _is_json_lines(data: bytes) -> bool:
    """Whether the first non-blank line is a whole JSON object and more lines follow."""
    lines = [line for line in data[:_JSONL_SNIFF].splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except ValueError:
        return False


def _content_kind(content_type: str) -> str | None:
    if content_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if content_type.endswith(("rss+xml", "atom+xml", "/xml", "rdf+xml")):
        return "feed"
    if content_type == "application/json":
        return "json"
    if content_type in ("application/x-ndjson", "application/jsonl"):
        return "jsonl"
    if content_type == "text/csv":
        return "csv"
    return None


def _kind(suffix: str) -> str:
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in CSV_SUFFIXES:
        return "csv"
    return "markdown" if suffix == ".md" else "text"


def _read_capped(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(str(path), f"file is {size} bytes, over the {max_bytes}-byte limit")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from None


def _markdown_title(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.lstrip("#").strip() if line.startswith("#") else None
    return None
