"""A set of article ids that stays small however large the store grows.

A run must know which articles are coded already (and which it has met itself) to skip
them. Held as Python strings, an id costs about a hundred bytes, so a run over a store of
millions of articles would start by reading hundreds of megabytes of ids. Every article
id is ``a_`` and 16 hex digits (:func:`entente.model.make_id`): 64 bits, held here as one
unsigned integer in a sorted array, 8 bytes an id. Ids added since the last merge wait in
a small set of integers; any id of another form (none today) is held as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

ARTICLE_ID = re.compile(r"a_[0-9a-f]{16}")
MERGE_AT = 1 << 16  # ids added before they are merged into the sorted array


def id_key(article_id: str) -> int | None:
    """The 64 bits of an ``a_`` + 16 hex digits id, or None for an id of another form."""
    if ARTICLE_ID.fullmatch(article_id) is None:
        return None
    return int(article_id[2:], 16)


class HeldIds:
    """Article ids, 8 bytes each: ``in`` and ``add`` as for a set of strings."""

    def __init__(self, keys: Iterable[int] | np.ndarray = (), others: Iterable[str] = ()):
        self._sorted = np.unique(np.asarray(keys, dtype=np.uint64))
        self._recent: set[int] = set()
        self._others = set(others)

    def __contains__(self, article_id: object) -> bool:
        if not isinstance(article_id, str):
            return False
        key = id_key(article_id)
        if key is None:
            return article_id in self._others
        if key in self._recent:
            return True
        held = self._sorted
        at = int(np.searchsorted(held, np.uint64(key)))
        return at < len(held) and int(held[at]) == key

    def add(self, article_id: str) -> None:
        key = id_key(article_id)
        if key is None:
            self._others.add(article_id)
            return
        self._recent.add(key)
        if len(self._recent) >= MERGE_AT:
            self._merge()

    def __len__(self) -> int:
        self._merge()
        return len(self._sorted) + len(self._others)

    def nbytes(self) -> int:
        """Bytes of the sorted array (the waiting integers and odd ids not counted)."""
        return int(self._sorted.nbytes)

    def _merge(self) -> None:
        if self._recent:
            recent = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
            self._sorted = np.union1d(self._sorted, recent)
            self._recent = set()
