"""The near-duplicate library: MinHash signatures in an LSH index, stories assigned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from entente.dedup.shingles import shingles
from entente.model import make_id

NUM_PERM = 128
THRESHOLD = 0.4  # estimated Jaccard of word 3-shingles (tests/test_dedup.py measures it)
SHORT_WORDS = 30  # a text this short (one-line summaries) must be nearly identical ...
SHORT_THRESHOLD = 0.7  # ... since one changed number already halves its shingles' overlap
MAX_DAYS = 3  # copies of a story appear within days; the same wording later is news again
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures depend on it


@dataclass(frozen=True, slots=True)
class StoryLink:
    """An article's story and the MinHash signature that put it there."""

    article_id: str
    story_id: str
    signature: tuple[int, ...]
    is_new_story: bool = True


class StoryLibrary:
    """Signatures of the stored articles, and the story each belongs to."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, MinHash] = {}
        self._story: dict[str, str] = {}
        self._date: dict[str, dt.date | None] = {}

    def __len__(self) -> int:
        return len(self._story)

    def add(
        self, article_id: str, story_id: str, signature: Iterable[int], date: dt.date | None
    ) -> None:
        """Enter a stored article (from the database) into the library."""
        if article_id in self._story:
            return
        minhash = MinHash(num_perm=self.num_perm, hashvalues=list(signature), scheme=SCHEME)
        self._remember(article_id, story_id, minhash, date)

    def assign(self, article_id: str, text: str, date: dt.date | None = None) -> StoryLink:
        """The story of a new article: its nearest stored neighbour's, or a new one.

        A neighbour counts when its estimated Jaccard similarity reaches the threshold and
        the two dates (where both are known) are at most ``MAX_DAYS`` apart.
        """
        minhash = self.signature(text)
        signature = tuple(int(v) for v in minhash.hashvalues)
        if article_id in self._story:
            return StoryLink(article_id, self._story[article_id], signature, False)
        best = self._nearest(minhash, date, self.threshold_for(text))
        story_id = self._story[best] if best else make_id("s", article_id)
        self._remember(article_id, story_id, minhash, date)
        return StoryLink(article_id, story_id, signature, best is None)

    def signature(self, text: str) -> MinHash:
        minhash = MinHash(num_perm=self.num_perm, scheme=SCHEME)
        minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
        return minhash

    def threshold_for(self, text: str) -> float:
        """The similarity a neighbour needs: higher for very short texts."""
        short = len(shingles(text)) < SHORT_WORDS
        return max(self.threshold, SHORT_THRESHOLD) if short else self.threshold

    def story_of(self, article_id: str) -> str | None:
        return self._story.get(article_id)

    def _nearest(self, minhash: MinHash, date: dt.date | None, threshold: float) -> str | None:
        near = [c for c in self._lsh.query(minhash) if _is_near(self._date[c], date)]
        scored = [(minhash.jaccard(self._hashes[c]), c) for c in near]
        scored = [(score, c) for score, c in scored if score >= threshold]
        # highest similarity first, then the smallest id, so the choice is deterministic
        return min(scored, key=lambda sc: (-sc[0], sc[1]))[1] if scored else None

    def _remember(
        self, article_id: str, story_id: str, minhash: MinHash, date: dt.date | None
    ) -> None:
        self._date[article_id] = date
        self._lsh.insert(article_id, minhash)
        self._hashes[article_id] = minhash
        self._story[article_id] = story_id


def _is_near(a: dt.date | None, b: dt.date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= MAX_DAYS
