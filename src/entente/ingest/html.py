"""Web pages: the article's main text and metadata, extracted with ``trafilatura``.

Navigation, comments, share boxes and other boilerplate are left out by trafilatura's
extractor; the title, author, outlet (site name) and date come from the page's metadata.
A timezone-aware publication time is taken from ``article:published_time`` or a
``datePublished`` value when the page gives one with an offset.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from entente.errors import InputError
from entente.ingest.build import build_article, refuse_binary, to_date, to_datetime
from entente.ingest.options import ReadOptions
from entente.model import Article

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_PUBLISHED_META = re.compile(
    r"""(?:property|name|itemprop)\s*=\s*["']?(?:article:published_time|datePublished)""",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']+)""", re.IGNORECASE)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
MIN_WORDS = 5  # less is a menu or a stub, not a report


def read_html(
    data: bytes, origin: str, options: ReadOptions, *, source_id: str, url: str | None = None
) -> Article:
    """The article a page holds, or an :class:`InputError` when it holds none."""
    refuse_binary(data, origin, "HTML")
    doc = _extract(data, origin, url)
    text = str(doc.get("text") or "")
    if len(text.split()) < MIN_WORDS:
        raise InputError(origin, "no article text found in the HTML")
    return build_article(
        text,
        source_id=source_id,
        origin=origin,
        options=options,
        title=doc.get("title"),
        url=url or doc.get("url"),
        outlet=doc.get("sitename"),
        author=doc.get("author"),
        date=_date(doc.get("date")),
        published_at=published_time(data[: 256 * 1024].decode("utf-8", "replace")),
    )


def published_time(head: str) -> dt.datetime | None:
    """The page's publication time from its meta tags or JSON-LD, when it has a zone."""
    for tag in _META_TAG.findall(head):
        content = _CONTENT.search(tag)
        if content and _PUBLISHED_META.search(tag):
            return to_datetime(content.group(1))
    found = _JSON_LD_PUBLISHED.search(head)
    return to_datetime(found.group(1)) if found else None


def _extract(data: bytes, origin: str, url: str | None) -> dict[str, Any]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False)
    except (ValueError, TypeError) as exc:  # lxml refuses some documents outright
        raise InputError(origin, f"malformed HTML ({exc})") from None
    if doc is None:
        raise InputError(origin, "no article text found in the HTML")
    return doc if isinstance(doc, dict) else dict(doc.as_dict())


def _date(value: Any) -> Any:
    try:
        return to_date(value, "")
    except InputError:
        return None
