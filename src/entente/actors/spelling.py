"""Names misspelled by one letter.

Wire copy misspells names (``Bouteflicka``, ``Ethopia``, ``Gbago``, ``Phillippines``),
and an exact lexicon misses them. But most capitalised words one letter away from a
known name are other names or plain words (Columbia, Nicholas, Boston, Being), so a
correction needs more than closeness. A capitalised word the lexicon does not know is
read as a known name word, one edit away and with the same first letter, in two cases:

* **it completes a known name with its neighbour**: ``Abdelaziz Bouteflicka`` is
  ``Abdelaziz Bouteflika``, ``President Laurent Gbago`` is ``Laurent Gbagbo``, where
  the neighbouring word matches exactly and the pair is a name the lexicon holds;
* **it is a country's name with a letter dropped or doubled** inside the word
  (``Ethopia``, ``Phillippines``), for names of ``MIN_COUNTRY`` letters or more.
  A changed letter is not read as a slip here: Columbia is not Colombia, Granada not
  Grenada, Guiana not Guyana.

A letter more or less at the end is an inflection, not a slip (``Ivanova``). Each
mention found through a correction says ``+respelled`` in its rule. Candidates come
from the deletion neighbourhood of each known word (every form with one letter
dropped), so a lookup is a handful of hash probes whatever the lexicon's size.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import compress

from entente.lexicons.lexicon import EntryKind, Lexicon

MIN_KNOWN = 5  # letters of a known name word a slip may be corrected to
MIN_COUNTRY = 7  # letters of a country's name corrected on its own
_NAME_KINDS = frozenset(
    {
        EntryKind.COUNTRY,
        EntryKind.ADJECTIVE,
        EntryKind.GOVERNMENT,
        EntryKind.PERSON,
        EntryKind.ORGANISATION,
        EntryKind.COMMUNITY,
    }
)


_SEEN_MAX = 50_000
_SLIPS_MAX = 200_000  # words of every kind: a corpus's vocabulary, bounded
_NO_SLIPS: frozenset[str] = frozenset()


class Speller:
    """The known name words a capitalised word may misspell."""

    def __init__(
        self,
        known: set[str],
        countries: set[str],
        every_word: set[str],
        in_longer: frozenset[str] = frozenset(),
        opens_longer: frozenset[str] = frozenset(),
    ) -> None:
        self._every = every_word
        # the words of the phrases of two words or more (``in_longer``) and their first
        # words (``opens_longer``), as written and as norms: a correction completes a
        # longer name only to one of these
        self.in_longer = in_longer
        self.opens_longer = opens_longer
        self._countries = countries
        self._by_deletion: dict[str, set[str]] = defaultdict(set)
        self._seen: dict[str, frozenset[str]] = {}  # words already looked up
        self._slips: dict[str, frozenset[str]] = {}  # any word already looked up
        self._clean: set[str] = set()  # words known to misspell no name
        for word in known:
            if len(word) >= MIN_KNOWN and word.isalpha():
                for form in _deletions(word) | {word}:
                    self._by_deletion[form].add(word)

    def near(self, word: str) -> set[str]:
        """Known name words one slip from ``word`` (none for a word the lexicon knows,
        an acronym or a short word)."""
        if (
            not word[:1].isupper()
            or len(word) < MIN_KNOWN - 1
            or not word.isalpha()
            or word.isupper()
            or word.lower() in self._every
        ):
            return set()
        if (known := self._seen.get(word)) is not None:
            return set(known)
        return set(self._near(word))

    def slips(self, word: str) -> frozenset[str]:
        """What :meth:`near` answers, remembered for every word (most are no name)."""
        if (known := self._slips.get(word)) is not None:
            return known
        near = self.near(word)
        known = frozenset(near) if near else _NO_SLIPS  # one shared empty set: most words
        if len(self._slips) >= _SLIPS_MAX:
            self._slips.clear()
        self._slips[word] = known
        return known

    def slips_of(self, words: list[str]) -> list[frozenset[str]]:
        """:meth:`slips` of each word (looked up in bulk: most words are remembered)."""
        found: list[frozenset[str] | None] = list(map(self._slips.get, words))
        if None not in found:
            return found  # type: ignore[return-value]  # no None left
        return [self.slips(w) if f is None else f for w, f in zip(words, found, strict=True)]

    def slipped(self, words: list[str]) -> list[int]:
        """The positions of the words that may misspell a name (whose :meth:`slips` are
        some), in order."""
        if len(self._clean) >= _SLIPS_MAX:
            self._clean.clear()
        slipped = set()
        for word in set(words).difference(self._clean):
            if self.slips(word):
                slipped.add(word)
            else:
                self._clean.add(word)
        if not slipped:
            return []
        return list(compress(range(len(words)), map(slipped.__contains__, words)))

    def _near(self, word: str) -> frozenset[str]:
        found: set[str] = set()
        for form in _deletions(word) | {word}:
            found.update(self._by_deletion.get(form, ()))
        near = frozenset(k for k in found if k[0] == word[0] and _one_edit(word, k))
        if len(self._seen) >= _SEEN_MAX:
            self._seen.clear()  # names recur within a corpus; a bound keeps memory flat
        self._seen[word] = near
        return near

    def country(self, word: str) -> str | None:
        """The country name ``word`` writes with a letter dropped or doubled, if one."""
        near = {
            k
            for k in self.near(word)
            if k in self._countries and len(k) >= MIN_COUNTRY and len(k) != len(word)
        }
        return next(iter(near)) if len(near) == 1 else None


@lru_cache(maxsize=4)
def speller(lexicon: Lexicon) -> Speller:
    """The speller of a lexicon's name words (cached per lexicon)."""
    known: set[str] = set()
    countries: set[str] = set()
    every: set[str] = set()
    in_longer: set[str] = set()
    opens_longer: set[str] = set()
    for key, entry in lexicon.phrases.entries():
        every.update(word.lower() for word in key)
        if len(key) > 1:
            in_longer.update(key)
            opens_longer.add(key[0])
        if entry.kind in _NAME_KINDS:
            known.update(word for word in key if word[:1].isupper())
        if entry.kind is EntryKind.COUNTRY and len(key) == 1:
            countries.add(key[0])
    return Speller(known, countries, every, frozenset(in_longer), frozenset(opens_longer))


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added or dropped inside the word, one
    letter changed, or two neighbours swapped (they are known to differ)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return k < len(short) and short[k:] == long_[k + 1 :]
