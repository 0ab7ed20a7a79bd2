"""From raw text and metadata to an :class:`Article`: decoding, dates, language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from entente.errors import InputError
from entente.ingest.language import detect_language
from entente.ingest.options import ReadOptions
from entente.model import Article
from entente.text.normalize import normalize_text

_SNIFF = 8192


def refuse_binary(data: bytes, source: str, kind: str) -> None:
    """An :class:`InputError` if the first bytes hold a NUL: binary content, not ``kind``."""
    if b"\x00" in data[:_SNIFF]:
        raise InputError(source, f"binary content (NUL bytes), not {kind}")


def decode(data: bytes, source: str) -> str:
    """UTF-8 text, or an :class:`InputError` saying why the bytes are not text."""
    refuse_binary(data, source, "text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not valid UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise InputError(source, "empty")
    return text


def build_article(
    text: str,
    *,
    source_id: str,
    origin: str,
    options: ReadOptions,
    title: Any = None,
    url: Any = None,
    outlet: Any = None,
    author: Any = None,
    date: dt.date | None = None,
    published_at: dt.datetime | None = None,
) -> Article:
    """The article, or an :class:`InputError` if it is empty or not in a coded language.

    Metadata values are cleaned to one-line strings (or None); ``date`` defaults to the
    day of ``published_at``.
    """
    normalized = normalize_text(text)
    if not normalized:
        raise InputError(origin, "empty")
    language = detect_language(normalized)
    if language is not None and language not in options.languages:
        raise InputError(origin, f"language is {language!r}, not one coded: skipped")
    return Article.create(
        normalized,
        source_id=source_id,
        origin=origin,
        date=date or (published_at.date() if published_at else None),
        title=to_str(title),
        url=to_str(url),
        outlet=to_str(outlet),
        author=to_str(author),
        published_at=published_at,
        language=language,
    )


def to_date(value: Any, where: str) -> dt.date | None:
    """An ISO date (the first ten characters of an ISO timestamp) or None."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(where, f"date {value!r} is not an ISO date (YYYY-MM-DD)") from None


def to_datetime(value: Any) -> dt.datetime | None:
    """A timezone-aware time from an ISO timestamp with a time and an offset, else None
    (a bare date or a time without a zone says no instant)."""
    if not isinstance(value, str) or "T" not in value.strip()[:11]:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def to_str(value: Any) -> str | None:
    if value in (None, ""):
        return None
    return " ".join(str(value).split()) or None
