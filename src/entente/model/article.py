"""Articles and the text layer: sentences, tokens, dateline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from entente.model.ids import make_id
from entente.model.span import Span


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as ingested. ``text`` is the canonical text every span indexes."""

    article_id: str
    source_id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    origin: str = ""
    outlet: str | None = None
    author: str | None = None
    published_at: dt.datetime | None = None  # timezone-aware
    language: str | None = None  # ISO 639-1, as identified at ingest

    @classmethod
    def create(
        cls,
        text: str,
        *,
        source_id: str,
        date: dt.date | None = None,
        title: str | None = None,
        url: str | None = None,
        origin: str = "",
        outlet: str | None = None,
        author: str | None = None,
        published_at: dt.datetime | None = None,
        language: str | None = None,
    ) -> Article:
        """Build an article whose id is derived from its normalized text and date (the
        metadata fields do not enter the id)."""
        article_id = make_id("a", date.isoformat() if date else None, text)
        return cls(
            article_id,
            source_id,
            text,
            date,
            title,
            url,
            origin,
            outlet,
            author,
            published_at,
            language,
        )


class SentenceKind(StrEnum):
    META = "meta"  # a metadata line such as ``date 2025-09-08``
    DATELINE = "dateline"  # ``NEW DELHI:`` at the head of the story
    HEADING = "heading"
    BULLET = "bullet"
    BODY = "body"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or heading, bullet, metadata line) with its span and paragraph."""

    index: int
    span: Span
    kind: SentenceKind
    paragraph: int
    token_start: int
    token_end: int

    def __init__(
        self,
        index: int,
        span: Span,
        kind: SentenceKind,
        paragraph: int,
        token_start: int,
        token_end: int,
    ) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "paragraph", paragraph)
        object.__setattr__(self, "token_start", token_start)
        object.__setattr__(self, "token_end", token_end)


class TokenKind(StrEnum):
    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"
    SYMBOL = "symbol"


@dataclass(frozen=True, slots=True)
class Token:
    """A token with its span, its surface text and its folded form ``norm``.

    ``norm`` is lower-cased with curly quotes, apostrophes and dashes folded, and
    contractions spelled out (``n't`` becomes ``not``); matching uses it.
    """

    index: int
    span: Span
    text: str
    norm: str
    kind: TokenKind
    sentence: int

    def __init__(
        self, index: int, span: Span, text: str, norm: str, kind: TokenKind, sentence: int
    ) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "norm", norm)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "sentence", sentence)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place a story was filed from (``NEW DELHI:``). ``venue``: the seat of an
    international body (``UNITED NATIONS``: New York), whose country is where the story
    was filed but not what it is about, so it lends no country to unnamed actors."""

    span: Span
    place: str
    country: str | None
    venue: bool = False
