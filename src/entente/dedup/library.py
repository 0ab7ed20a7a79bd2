"""The near-duplicate library: MinHash signatures by day, stories assigned.

Copies of a story appear within ``MAX_DAYS`` of each other, so an article is compared
only with the articles dated within that many days of its own, and with undated ones (an
undated article, with every article held). The signatures of a day sit in one matrix, so
the comparison is one vectorised pass: the estimated Jaccard similarity of two articles is
the share of their MinHash values that agree. Every held article within the window is
scored (no banding, so no near-duplicate is missed by chance); the nearest at or above
the threshold gives its story.

The library need not hold the whole store: given a ``loader``, it reads the stored
signatures of the days a new article needs when it first needs them, and forgets the
least recently needed days once it holds more than ``max_articles`` dated articles (never
a day whose new articles are not stored yet). Memory stays flat however large the store
grows: about half a kilobyte per held article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from entente.dedup.shingles import shingle_bytes
from entente.model import make_id

NUM_PERM = 128
THRESHOLD = 0.4  # estimated Jaccard of word 3-shingles (tests/test_dedup.py measures it)
SHORT_WORDS = 30  # a text this short (one-line summaries) must be nearly identical ...
SHORT_THRESHOLD = 0.7  # ... since one changed number already halves its shingles' overlap
MAX_DAYS = 3  # copies of a story appear within days; the same wording later is news again
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures depend on it
MAX_ARTICLES = 5_000  # dated articles held before the least recently needed days go
READ_AHEAD = 14  # days read beyond the window either side when the store is read
MAX_DAYS_HELD = 2_000  # days held (most of them empty) before the least recently needed go

# a text's MinHash values, and whether it is short (held to the higher threshold)
Signature = tuple[np.ndarray, bool]
# (article_id, story_id, signature, date) of stored articles
StoredRow = tuple[str, str, Iterable[int], dt.date | None]
# the stored articles dated from the first day to the second, both included
Loader = Callable[[dt.date, dt.date], Iterable[StoredRow]]


@dataclass(frozen=True, slots=True)
class StoryLink:
    """An article's story and the MinHash signature that put it there."""

    article_id: str
    story_id: str
    signature: tuple[int, ...]
    is_new_story: bool = True


def signature_of(text: str, num_perm: int = NUM_PERM) -> Signature:
    """The MinHash values of ``text``'s word shingles, and whether it is short."""
    words = shingle_bytes(text)
    return _minhash(words, num_perm), len(words) < SHORT_WORDS  # 32 bits a value, as held


def _minhash(words: set[bytes], num_perm: int) -> np.ndarray:
    """datasketch's MinHash values of the shingles under its default 32-bit SHA-1 hash,
    computed here in a few numpy steps: the same values as ``MinHash(num_perm,
    scheme=SCHEME).update_batch(encoded).hashvalues`` at a fraction of the cost.

    datasketch's value of a shingle is the first four bytes of its SHA-1 digest read
    little-endian: the digests (20 bytes each) are joined and read as 32-bit words, every
    fifth being a shingle's. The affine32 scheme mixes each value with MurmurHash3's
    32-bit finalizer, maps it through every permutation ``a * h + b`` (modulo 2**32) and
    keeps each permutation's minimum (all ones when there are no shingles). The order of
    the shingles does not matter to a minimum.
    """
    a, b = _permutations(num_perm)
    if not words:
        return np.full(num_perm, _MAX_VALUE, dtype=np.uint32)
    sha1 = hashlib.sha1
    digests = b"".join([sha1(w).digest() for w in words])
    h = np.frombuffer(digests, dtype="<u4")[::_DIGEST_WORDS].astype(np.uint32)
    h ^= h >> 16  # MurmurHash3's fmix32, wrapping as datasketch's does
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> 13
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> 16
    mapped = a[:, None] * h  # a permutation a row: the minimum of a row is contiguous
    mapped += b[:, None]
    values: np.ndarray = mapped.min(axis=1)
    return values


_DIGEST_WORDS = hashlib.sha1().digest_size // 4  # 32-bit words in a SHA-1 digest


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> np.ndarray:
    """The permutations datasketch draws for ``num_perm`` (seed 1), drawn once: ``a``
    and ``b``, 32 bits each."""
    permutations: np.ndarray = MinHash(num_perm=num_perm, scheme=SCHEME).permutations
    assert permutations.dtype == np.uint32
    permutations.setflags(write=False)
    return permutations


def _held_values(values: np.ndarray) -> np.ndarray:
    """``values`` as held: 32 bits each, which is all the scheme's hash values have."""
    if len(values) and int(values.max()) > _MAX_VALUE:
        raise ValueError(f"MinHash value over 32 bits in a {SCHEME} signature")
    return values.astype(np.uint32)


_MAX_VALUE = 0xFFFFFFFF


@dataclass
class _Day:
    """The articles held for one day (or the undated ones): ids, stories, signatures."""

    ids: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    # a signature a row, 32 bits a value; room for one article at first, doubled when full
    # (most days of a long backfill hold an article or two: a larger start would cost
    # more than the signatures themselves)
    matrix: np.ndarray | None = None

    def add(self, article_id: str, story_id: str, values: np.ndarray) -> None:
        n = len(self.ids)
        if self.matrix is None or n == len(self.matrix):
            grown = np.empty((max(1, 2 * n), len(values)), dtype=np.uint32)
            if self.matrix is not None:
                grown[:n] = self.matrix
            self.matrix = grown
        self.matrix[n] = values
        self.ids.append(article_id)
        self.stories.append(story_id)

    def signatures(self) -> np.ndarray:
        assert self.matrix is not None
        return self.matrix[: len(self.ids)]


class StoryLibrary:
    """Signatures of the stored articles, and the story each belongs to."""

    def __init__(
        self,
        threshold: float = THRESHOLD,
        num_perm: int = NUM_PERM,
        *,
        loader: Loader | None = None,
        max_articles: int = MAX_ARTICLES,
        stored_days: Iterable[dt.date] | None = None,
    ) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.loader = loader
        self.max_articles = max_articles
        # the days with stored articles, where known: the loader is asked only for them
        self.stored_days: set[dt.date] | None = None if stored_days is None else set(stored_days)
        self._story: dict[str, str] = {}
        self._undated = _Day()
        self._days: OrderedDict[dt.date, _Day] = OrderedDict()  # held days, LRU first
        self._dated = 0  # dated articles held
        self._unstored: set[dt.date] = set()  # days with assigned articles not yet stored
        self._days_bound = MAX_DAYS_HELD  # days held before empty ones are looked for again

    def __len__(self) -> int:
        return len(self._story)

    def add(
        self, article_id: str, story_id: str, signature: Iterable[int], date: dt.date | None
    ) -> None:
        """Enter a stored article (from the database) into the library."""
        if article_id in self._story:
            return
        values = _held_values(np.fromiter(signature, dtype=np.uint64, count=self.num_perm))
        self._remember(article_id, story_id, values, date)

    def assign(
        self,
        article_id: str,
        text: str,
        date: dt.date | None = None,
        prepared: Signature | None = None,
    ) -> StoryLink:
        """The story of a new article: its nearest stored neighbour's, or a new one.

        A neighbour counts when its estimated Jaccard similarity reaches the threshold and
        the two dates (where both are known) are at most ``MAX_DAYS`` apart. ``prepared``
        is the text's :func:`signature_of`, when it was computed elsewhere (a worker).
        """
        if prepared is None or len(prepared[0]) != self.num_perm:
            prepared = signature_of(text, self.num_perm)
        values, short = prepared
        signature = tuple(values.tolist())
        values = _held_values(values)
        if date is not None and self.loader is not None:
            self._hold(date)
        if article_id in self._story:
            return StoryLink(article_id, self._story[article_id], signature, False)
        best = self._nearest(
            values, date, max(self.threshold, SHORT_THRESHOLD) if short else self.threshold
        )
        story_id = best or make_id("s", article_id)
        self._remember(article_id, story_id, values, date)
        if date is not None:
            self._unstored.add(date)
            if self.stored_days is not None:
                self.stored_days.add(date)  # stored with this batch, reloadable when forgotten
        return StoryLink(article_id, story_id, signature, best is None)

    def story_of(self, article_id: str) -> str | None:
        return self._story.get(article_id)

    def held(self) -> int:
        """How many articles the library holds now (dated and undated)."""
        return len(self._story)

    def signature_bytes(self) -> int:
        """The memory the held signatures take, spare rows included."""
        days = [self._undated, *self._days.values()]
        return sum(day.matrix.nbytes for day in days if day.matrix is not None)

    def stored(self) -> None:
        """Say that every article assigned so far is in the store (so may be forgotten)."""
        self._unstored.clear()

    def _window(self, date: dt.date | None) -> list[_Day]:
        if date is None:
            return [self._undated, *self._days.values()]
        days = (date + dt.timedelta(days=k) for k in range(-MAX_DAYS, MAX_DAYS + 1))
        return [self._undated, *(self._days[d] for d in days if d in self._days)]

    def _nearest(self, values: np.ndarray, date: dt.date | None, threshold: float) -> str | None:
        """The story of the most similar held article at or above ``threshold`` (ties: the
        smallest article id, so the choice is deterministic)."""
        best: tuple[float, str, str] | None = None
        for day in self._window(date):
            if not day.ids:
                continue
            scores = (day.signatures() == values).mean(axis=1)
            for k in np.flatnonzero(scores >= threshold):
                candidate = (-float(scores[k]), day.ids[k], day.stories[k])
                if best is None or candidate < best:
                    best = candidate
        return best[2] if best else None

    def _remember(
        self, article_id: str, story_id: str, values: np.ndarray, date: dt.date | None
    ) -> None:
        day = self._undated if date is None else self._days.setdefault(date, _Day())
        day.add(article_id, story_id, values)
        self._story[article_id] = story_id
        if date is not None:
            self._dated += 1

    def _hold(self, date: dt.date) -> None:
        """Load the stored articles of the days within ``MAX_DAYS`` of ``date`` not held
        yet, mark those days as the most recently needed, and forget older ones."""
        window = [date + dt.timedelta(days=k) for k in range(-MAX_DAYS, MAX_DAYS + 1)]
        missing = [day for day in window if day not in self._days]
        if missing:  # read a few weeks at once: inputs often come in date order
            reach = range(-MAX_DAYS - READ_AHEAD, MAX_DAYS + READ_AHEAD + 1)
            block = [date + dt.timedelta(days=k) for k in reach]
            missing = [day for day in block if day not in self._days]
        if missing and self.loader is not None:
            for day in missing:
                self._days[day] = _Day()
            if self.stored_days is not None:  # the days with nothing stored need no query
                missing = [day for day in missing if day in self.stored_days]
            wanted = set(missing)
            rows = self.loader(missing[0], missing[-1]) if missing else ()
            for article_id, story_id, signature, on in rows:
                if article_id not in self._story and on in wanted:
                    self.add(article_id, story_id, signature, on)
        for day in window:
            self._days.move_to_end(day)
        self._forget(keep=window)

    def _forget(self, keep: list[dt.date]) -> None:
        """Drop the least recently needed days while more than ``max_articles`` dated
        articles are held; they are reloaded when needed again. The days in ``keep`` stay,
        and so do days with articles assigned but not stored yet (not reloadable). Empty
        days go too beyond ``MAX_DAYS_HELD``, so that a long run over many dates holds a
        bounded number (the store is asked again for the few needed again); days with
        articles go for that bound never, as undated articles compare with what is held."""
        too_many_days = len(self._days) > max(MAX_DAYS_HELD, self._days_bound)
        if self._dated <= self.max_articles and not too_many_days:
            return
        protected = set(keep) | self._unstored
        for date in list(self._days):
            too_many_articles = self._dated > self.max_articles
            if not too_many_articles and len(self._days) <= MAX_DAYS_HELD:
                break
            if date in protected or (not too_many_articles and self._days[date].ids):
                continue  # over the day bound alone, only empty days go
            day = self._days.pop(date)
            for article_id in day.ids:
                del self._story[article_id]
            self._dated -= len(day.ids)
        # the days left hold articles: look for empty ones again only when as many more
        # have come, so that the walk over the held days stays rare
        self._days_bound = len(self._days) + MAX_DAYS_HELD // 2
