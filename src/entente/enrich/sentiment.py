"""VADER, read for news.

VADER (vaderSentiment, Hutto and Gilbert 2014) scores a text from its bundled lexicon of
about 7,500 words and emoticons rated -4 .. +4, with rules for negation, intensifiers,
capitals, "but" and punctuation; its *compound* score is the normalized sum, from -1
(very negative) to +1 (very positive). It was built on social-media text, so entente
changes what it reads before it scores, and nothing in the package it came with:

* names carry no sentiment: every actor mention (people with their titles, countries,
  governments, organisations, sector nouns) and every capitalised word inside a sentence
  is replaced by a neutral word, so "Prime Minister", "Security Council", "Supreme
  Court", "United States" or "Trump" neither lift nor lower a sentence;
* the words of ``tone.yaml``: ``neutral`` ones are replaced the same way ("party",
  "security", "defence", "interest", "despite"...), ``only_after`` and ``never_after``
  ones when the word before says they are not the sentiment word ("countries like
  India", "as well as", "tested positive");
* ``valences`` of ``tone.yaml`` are added to this scorer's copy of the lexicon (news words
  VADER lacks: "invasion", "airstrikes", "ceasefire", "cooperation"...);
* VADER's social-media idioms ("the bomb" +3) give way to the ``idioms`` of
  ``tone.yaml``.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from functools import lru_cache

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer

from entente.lexicons.lexicon import Lexicon
from entente.lexicons.schema import ToneCues
from entente.model import Span, Token, TokenKind

# What a muted word becomes: no entry in VADER's lexicon, no negation, no booster.
NEUTRAL_WORD = "someone"
# VADER strips ASCII punctuation only and finds "n't" with a straight apostrophe
_TO_ASCII = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})
_PUNCTUATION = string.punctuation
# After these, a capitalised word opens a clause or a quotation rather than naming
_OPENERS = frozenset({"“", '"', "‘", "(", ":", "—", "–", "--", ";"})


class _NewsVader(SentimentIntensityAnalyzer):  # type: ignore[misc]
    """VADER with this scorer's own lexicon additions and idioms."""

    def __init__(self, cues: ToneCues) -> None:
        super().__init__()
        self.lexicon.update(cues.valences)  # the instance's dict: VADER's file is untouched
        self.idioms = {tuple(k.lower().split()): v for k, v in cues.idioms.items()}

    def _special_idioms_check(self, valence: float, words: Sequence[str], i: int) -> float:
        """An idiom of two or three words holding word ``i`` sets its valence; a booster
        phrase ("kind of", "sort of") just before it adds its own, as VADER does."""
        lower = [w.lower() for w in words]
        for n in (3, 2):
            for start in range(max(0, i - n + 1), min(i, len(lower) - n) + 1):
                idiom = self.idioms.get(tuple(lower[start : start + n]))
                if idiom is not None:
                    return idiom
        for first, last in ((i - 3, i), (i - 3, i - 1), (i - 2, i)):
            if first >= 0:
                valence += BOOSTER_DICT.get(" ".join(lower[first:last]), 0.0)
        return float(valence)


class NewsScorer:
    """Scores text with VADER and says which words it must not read (see the module)."""

    def __init__(self, cues: ToneCues) -> None:
        self._vader = _NewsVader(cues)
        self._neutral = frozenset(w.lower() for w in cues.neutral)
        self._only_after = {w.lower(): frozenset(v) for w, v in cues.only_after.items()}
        self._never_after = {w.lower(): frozenset(v) for w, v in cues.never_after.items()}

    def score(self, text: str) -> float:
        """VADER's compound score of ``text``: -1 very negative .. +1 very positive."""
        text = text.translate(_TO_ASCII)
        if not self._may_move(text):
            return 0.0
        return float(self._vader.polarity_scores(text)["compound"])

    def _may_move(self, text: str) -> bool:
        """Whether VADER could score ``text`` other than 0: only a word of its lexicon
        (read as VADER reads words: split on spaces, outer punctuation stripped from
        words longer than two letters) or an emoji it describes with such words carries
        a valence; negations, boosters, "but" and punctuation only scale valences found.
        Most news sentences have none, and skip VADER's word-by-word pass."""
        lexicon = self._vader.lexicon
        for word in text.split():
            if word.lower() in lexicon or word.strip(_PUNCTUATION).lower() in lexicon:
                return True
        return not text.isascii() and any(ch in self._vader.emojis for ch in text)

    def is_muted(self, token: Token, previous: Token | None) -> bool:
        """Whether ``token`` must carry no sentiment, given the token before it in its
        sentence (``None`` at the start of the text scored)."""
        if token.kind is not TokenKind.WORD:
            return False
        if is_name(token, previous) or token.norm in self._neutral:
            return True
        before = previous.norm if previous is not None else ""
        if token.norm in self._only_after:
            return before not in self._only_after[token.norm]
        return before in self._never_after.get(token.norm, frozenset())


def is_name(token: Token, previous: Token | None) -> bool:
    """A capitalised word that opens neither the text nor a clause or quotation: a name
    (``Security Council``, ``Trump``). All-capital words stay: VADER reads them as
    emphasis."""
    word = token.text
    if not word[:1].isupper() or word.isupper():
        return False
    return previous is not None and previous.text not in _OPENERS


@lru_cache(maxsize=4)
def news_scorer(lexicon: Lexicon) -> NewsScorer:
    """The scorer for ``lexicon``'s tone cues, built once per lexicon."""
    return NewsScorer(lexicon.tone)


def to_scored_text(text: str, start: int, end: int, muted: Sequence[Span]) -> str:
    """``text[start:end]`` with each muted span (sorted, inside the range) replaced by
    :data:`NEUTRAL_WORD`; overlapping spans are replaced once."""
    pieces: list[str] = []
    at = start
    for span in muted:
        if span.end <= at:
            continue
        if span.start >= at:
            pieces += [text[at : span.start], NEUTRAL_WORD]
        at = span.end  # a span overlapping the one before extends it
    pieces.append(text[at:end])
    return "".join(pieces)
