"""RSS and Atom feeds, read with ``feedparser``: one article per entry.

An entry's text is its full content when the feed carries it, else its summary, with
markup removed. Its publication time (timezone-aware, UTC when the feed gives a zone),
author and link come from the entry; the outlet is the feed's title.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import Any
from xml.sax import SAXParseException

from entente.errors import InputError
from entente.ingest.build import build_article, refuse_binary
from entente.ingest.options import ReadOptions
from entente.model import Article

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})

Item = Article | InputError


def read_feed(data: bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    """An article (or error) per entry; one error when the feed is malformed or empty."""
    import feedparser

    try:
        refuse_binary(data, origin, "a feed")
    except InputError as exc:
        yield exc
        return
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if isinstance(parsed.get("bozo_exception"), SAXParseException):
        yield InputError(origin, f"malformed feed XML ({parsed['bozo_exception']})")
        return
    if not parsed.entries:
        yield InputError(origin, _empty_reason(parsed))
        return
    outlet = parsed.feed.get("title")
    for index, entry in enumerate(parsed.entries):
        where = f"{origin}#{index}"
        try:
            yield _entry_article(entry, where, outlet, options)
        except InputError as exc:
            yield exc


def _empty_reason(parsed: Any) -> str:
    if parsed.get("bozo"):
        return f"malformed feed ({parsed.get('bozo_exception')})"
    if not parsed.get("version"):
        return "not an RSS or Atom feed"
    return "the feed has no entries"


def _entry_article(entry: Any, where: str, outlet: Any, options: ReadOptions) -> Article:
    text = _strip_markup(_entry_html(entry))
    if not text.strip():
        raise InputError(where, "feed entry has no text")
    published_at = _entry_time(entry)
    return build_article(
        text,
        source_id=str(entry.get("id") or entry.get("link") or where),
        origin=where,
        options=options,
        title=entry.get("title"),
        url=entry.get("link"),
        outlet=outlet,
        author=entry.get("author"),
        published_at=published_at,
    )


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [str(c.get("value") or "") for c in contents]
    return "\n\n".join(v for v in values if v.strip()) or str(entry.get("summary") or "")


def _entry_time(entry: Any) -> dt.datetime | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp is None:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(stamp), tz=dt.UTC)


def _strip_markup(markup: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if "<" not in markup:
        return markup
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for block in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4"):
        block.tail = "\n\n" + (block.tail or "")
    return str(root.text_content())
