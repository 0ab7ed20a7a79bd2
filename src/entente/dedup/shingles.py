"""Word shingles of an article's text: what near-duplicate detection compares."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
SHINGLE_WORDS = 3


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased runs of ``size`` consecutive words (the whole text if shorter)."""
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}
