"""Sentence splitting over tokens.

A text is read line by line: headings (``# Title``, short lines without final
punctuation) and bullets (``- item``) are units of their own; a line break inside
running prose joins only when the next line continues in lower case. Inside a unit, a
sentence ends at ``.``, ``!``, ``?`` (with any closing quotes or brackets after it) when
the next token can start a sentence and the period does not close an abbreviation or an
initial. Quotations that run over several sentences are split like any other text; the
quotation layer works on characters, not sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter

from entente.model import SentenceKind, TokenKind
from entente.text.tokens import RawToken

_BULLET_RE = re.compile(r"^\s*(?:[-•*▪◦‣–—]|\d{1,2}[.)])\s+")
_TERMINAL = frozenset({".", "!", "?", "...", "…"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})
_OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", "«"})
_HEADING_MAX_WORDS = 16
_ENDERS_RE = re.compile(r"[.!?\u2026]")  # the last characters of _TERMINAL's marks
_END = itemgetter(1)


@dataclass(frozen=True, slots=True)
class Unit:
    """A stretch of text that sentences never cross: a heading, bullet or paragraph."""

    start: int
    end: int
    kind: SentenceKind
    paragraph: int

    def __init__(self, start: int, end: int, kind: SentenceKind, paragraph: int) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "paragraph", paragraph)


def iter_units(text: str, start: int = 0) -> Iterator[Unit]:
    """Yield the headings, bullets and prose paragraphs of ``text[start:]``, numbered."""
    body = SentenceKind.BODY
    paragraph = 0
    first = -1  # where the open prose paragraph starts (-1: none is open) ...
    last_end, last_line = 0, ""  # ... and where and what its last line is
    line_end = start - 1
    for line in text[start:].split("\n"):
        line_start = line_end + 1
        line_end = line_start + len(line)
        if not line.strip():
            if first >= 0:
                yield Unit(first, last_end, body, paragraph)
                paragraph += 1
            first = -1
            continue
        kind = _line_kind(line)
        if kind is body and first >= 0 and _continues(last_line, line):
            last_end, last_line = line_end, line
            continue
        if first >= 0:
            yield Unit(first, last_end, body, paragraph)
            paragraph += 1
        first = -1
        if kind is body:
            first, last_end, last_line = line_start, line_end, line
            continue
        yield Unit(line_start + _marks(line), line_end, kind, paragraph)
        paragraph += 1
    if first >= 0:
        yield Unit(first, last_end, body, paragraph)


def _marks(line: str) -> int:
    """How many characters of Markdown heading marks (``## ``) open the line: they are no
    part of the heading's sentence, nor of the evidence quoted from it."""
    stripped = line.lstrip()
    if not stripped.startswith("#"):
        return 0
    return len(line) - len(stripped.lstrip("#").lstrip())


def _line_kind(line: str) -> SentenceKind:
    stripped = line.strip()
    if stripped.startswith("#"):
        return SentenceKind.HEADING
    if _BULLET_RE.match(line):
        return SentenceKind.BULLET
    last = stripped.rstrip("\"”’')]»")[-1:]
    if (
        last not in {".", "!", "?", ":", ",", ";", "…"}
        and len(stripped.split()) <= _HEADING_MAX_WORDS
    ):
        return SentenceKind.HEADING
    return SentenceKind.BODY


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line continues the sentence of the line before it."""
    tail = previous.rstrip()
    first = line.lstrip()[:1]
    return bool(tail) and tail[-1] not in '.!?:”"' and first.islower()


def sentence_cuts(
    text: str,
    unit: Unit,
    tokens: Sequence[RawToken],
    abbreviations: frozenset[str],
    starters: frozenset[str],
) -> list[int]:
    """Where each sentence of the unit's ``tokens`` ends: the index after its last token,
    in order (the last is ``len(tokens)``; none when there are no tokens)."""
    n = len(tokens)
    ends = list(map(_END, tokens))
    cuts: list[int] = []
    begin, consumed = 0, -1
    # only a token ending in one of _ENDERS may end a sentence (every terminal mark does,
    # and so does an abbreviation such as U.S.): find those characters with one search and
    # the token each closes, if any, by its end offset (ends rise strictly)
    for match in _ENDERS_RE.finditer(text, unit.start, unit.end):
        end = match.end()
        i = bisect_left(ends, end)
        if i == n or ends[i] != end or i <= consumed:
            continue  # inside a token (U.S.), or a mark already taken into the sentence
        if _is_terminal(text, tokens, i, abbreviations) or _abbreviation_ends(
            text, tokens, i, starters
        ):
            while i + 1 < n and text[tokens[i + 1][0] : tokens[i + 1][1]] in _CLOSERS:
                i += 1
            consumed = i
            if _can_start(text, tokens, i + 1):
                begin = i + 1
                cuts.append(begin)
    if begin < n:
        cuts.append(n)
    return cuts


def _is_terminal(
    text: str, tokens: Sequence[RawToken], i: int, abbreviations: frozenset[str]
) -> bool:
    start, end, kind = tokens[i]
    surface = text[start:end]
    if kind is not TokenKind.PUNCT or surface not in _TERMINAL:
        return False
    if surface != "." or i == 0:
        return True
    prev = text[tokens[i - 1][0] : tokens[i - 1][1]]
    if tokens[i - 1][1] != start:  # a period after a space ends the sentence
        return True
    if len(prev) == 1 and prev.isupper():  # an initial: "S. Jaishankar"
        return False
    return prev.lower() not in abbreviations


def _can_start(text: str, tokens: Sequence[RawToken], i: int) -> bool:
    if i >= len(tokens):
        return True
    start, end, kind = tokens[i]
    first = text[start:end]
    if first in _OPENERS or kind in (TokenKind.NUMBER, TokenKind.SYMBOL):
        return True
    return first[:1].isupper() or not first[:1].isalpha()


def _abbreviation_ends(
    text: str, tokens: Sequence[RawToken], i: int, starters: frozenset[str]
) -> bool:
    """``U.S.`` ends a sentence only before a line end or a typical sentence opener."""
    start, end, _ = tokens[i]
    if not text[start:end].endswith(".") or text[start:end].count(".") < 2:
        return False
    if i + 1 >= len(tokens):
        return True
    nxt = text[tokens[i + 1][0] : tokens[i + 1][1]]
    return "\n" in text[end : tokens[i + 1][0]] or (nxt[:1].isupper() and nxt.lower() in starters)
