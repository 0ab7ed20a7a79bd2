"""Word shingles of an article's text: what near-duplicate detection compares."""

from __future__ import annotations

import re
from typing import AnyStr

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
SHINGLE_WORDS = 3


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased runs of ``size`` consecutive words (the whole text if shorter)."""
    return _runs(_line(text), " ", size)


def shingle_bytes(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """:func:`shingles` encoded in UTF-8 (what their hashes are taken of), encoded as
    one line rather than one by one."""
    return _runs(_line(text).encode(), b" ", size)


def _line(text: str) -> str:
    """The words of ``text`` lower-cased and joined by single spaces. Lower-casing the
    line is lower-casing each word: no word holds a space, and the only lower-casing that
    depends on its neighbours (a final sigma) looks no further than the word."""
    line = " ".join(_WORD.findall(text)).lower()
    return line.replace("\u2019", "'") if "\u2019" in line else line


def _runs(line: AnyStr, space: AnyStr, size: int) -> set[AnyStr]:
    """The runs of ``size`` words of a line (the whole line if it has fewer)."""
    if not line:
        return set()
    words = line.split(space)
    if len(words) <= size:
        return {line}
    # shorter rows end the zip at the last full run
    return set(map(space.join, zip(*(words[k:] for k in range(size)), strict=False)))
