"""VADER with entente's news lexicon and idioms (see :mod:`entente.enrich.sentiment`).

A module of its own because it subclasses VADER's analyzer, a class of an untyped
package: the compiled build (``setup.py``) compiles the sentiment module around it and
leaves this one interpreted.
"""

from __future__ import annotations

from collections.abc import Sequence

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer

from entente.lexicons.schema import ToneCues

# The last words of VADER's boosters of more than one word ("kind of", "just enough")
BOOSTER_PHRASE_ENDS = frozenset(k.rsplit(" ", 1)[1] for k in BOOSTER_DICT if " " in k)


class NewsVader(SentimentIntensityAnalyzer):  # type: ignore[misc]
    """VADER with this scorer's own lexicon additions and idioms."""

    def __init__(self, cues: ToneCues) -> None:
        super().__init__()
        self.lexicon.update(cues.valences)  # the instance's dict: VADER's file is untouched
        self.idioms = {tuple(k.lower().split()): v for k, v in cues.idioms.items()}
        self._idiom_words = frozenset(w for idiom in self.idioms for w in idiom)

    def _special_idioms_check(self, valence: float, words: Sequence[str], i: int) -> float:
        """An idiom of two or three words holding word ``i`` sets its valence; a booster
        phrase ("kind of", "sort of") just before it adds its own, as VADER does."""
        return self.idioms_of_lower(valence, [w.lower() for w in words], i)

    def idioms_of_lower(self, valence: float, lower: Sequence[str], i: int) -> float:
        """:meth:`_special_idioms_check` of words already lower-cased."""
        if (
            i >= 3
            and lower[i] not in self._idiom_words
            and lower[i - 1] not in BOOSTER_PHRASE_ENDS
            and lower[i - 2] not in BOOSTER_PHRASE_ENDS
        ):
            # no idiom holds word i and no booster phrase ends before it: the three
            # look-ups below would each add 0.0
            return float(valence + 0.0)
        for n in (3, 2):
            for start in range(max(0, i - n + 1), min(i, len(lower) - n) + 1):
                idiom = self.idioms.get(tuple(lower[start : start + n]))
                if idiom is not None:
                    return idiom
        for first, last in ((i - 3, i), (i - 3, i - 1), (i - 2, i)):
            if first >= 0:
                valence += BOOSTER_DICT.get(" ".join(lower[first:last]), 0.0)
        return float(valence)
