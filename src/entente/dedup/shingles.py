"""Word shingles of an article's text: what near-duplicate detection compares."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
SHINGLE_WORDS = 3


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased runs of ``size`` consecutive words (the whole text if shorter)."""
    words = list(map(str.lower, _WORD.findall(text)))
    if "\u2019" in text:
        words = [w.replace("\u2019", "'") for w in words]
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    # shorter rows end the zip at the last full run
    return set(map(" ".join, zip(*(words[k:] for k in range(size)), strict=False)))
