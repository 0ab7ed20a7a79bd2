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
from itertools import compress, count

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SentimentIntensityAnalyzer,
    normalize,
)

from entente.enrich.vader import BOOSTER_PHRASE_ENDS, NewsVader
from entente.lexicons.lexicon import Lexicon
from entente.lexicons.schema import ToneCues
from entente.model import Token, TokenKind

# What a muted word becomes: no entry in VADER's lexicon, no negation, no booster.
NEUTRAL_WORD = "someone"
# VADER strips ASCII punctuation only and finds "n't" with a straight apostrophe
_TO_ASCII = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})
_PUNCTUATION = string.punctuation
# After these, a capitalised word opens a clause or a quotation rather than naming
_OPENERS = frozenset({"“", '"', "‘", "(", ":", "—", "–", "--", ";"})


class _ReadAs(dict[str, str]):
    """What VADER reads a word split from a text as: the word stripped of its ASCII
    punctuation, or the word itself when that leaves two characters or fewer. Words
    recur from text to text: each is worked out once, up to :data:`_READ_AS_SIZE` of
    them at a time."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _READ_AS_SIZE:
            self.clear()
        read = self[word] = word if len(s := word.strip(_PUNCTUATION)) <= 2 else s
        return read


_READ_AS_SIZE = 1 << 16
_READ_AS = _ReadAs()


class NewsScorer:
    """Scores text with VADER and says which words it must not read (see the module)."""

    def __init__(self, cues: ToneCues) -> None:
        self._vader = NewsVader(cues)
        self._lexicon: dict[str, float] = self._vader.lexicon
        # VADER looks emojis up character by character
        self._emoji_chars = frozenset(e for e in self._vader.emojis if len(e) == 1)
        self._neutral = frozenset(w.lower() for w in cues.neutral)
        self._only_after = {w.lower(): frozenset(v) for w, v in cues.only_after.items()}
        self._never_after = {w.lower(): frozenset(v) for w, v in cues.never_after.items()}
        # union(), not "|": a frozenset | a dict's keys is a set, though typed a frozenset
        self._special = self._neutral.union(self._only_after, self._never_after)
        # rated words whose valence a neighbour may change even with no cue before them
        self._plain_unsafe = self._vader._idiom_words | {"no"}

    def score(self, text: str) -> float:
        """VADER's compound score of ``text``: -1 very negative .. +1 very positive."""
        if not text.isascii():  # the quotes and apostrophes folded are none of ASCII
            text = text.translate(_TO_ASCII)
        if not text.isascii() and not self._emoji_chars.isdisjoint(text):
            # emojis are read through their descriptions: VADER's own pass
            return float(self._vader.polarity_scores(text)["compound"])
        return self._compound(text)

    def may_rate(self, text: str) -> bool:
        """Whether ``text`` with any of its stretches muted may score other than 0: false
        for an ASCII text none of whose words, as VADER reads them, is in the lexicon. A
        muted stretch becomes :data:`NEUTRAL_WORD`, in no word of the lexicon: the words
        read after muting are words read before or words holding it, none of them rated.
        A text not plain ASCII (curly quotes, emojis, accents) is scored."""
        if not text.isascii():
            return True
        words = map(_READ_AS.__getitem__, text.lower().split())
        return not self._lexicon.keys().isdisjoint(words)

    def _compound(self, text: str) -> float:
        """VADER's compound score of an emoji-free ``text``, computed as
        ``SentimentIntensityAnalyzer.polarity_scores`` computes it, step for step and in
        the same float order, but only for the words of its lexicon: every other word
        adds an exact 0. Most news sentences have no such word and score 0 at once."""
        lexicon = self._lexicon
        # VADER strips each word of its ASCII punctuation, which has no case: where only
        # the case of a word counts (capitals, boosters), the word as split does
        if text.isascii():
            # lower-casing ASCII keeps each word's length and its punctuation: the words
            # lower-cased first and stripped after are those stripped first
            low = text.lower()
            lower = list(map(_READ_AS.__getitem__, low.split()))
            split: list[str] | None = None  # split when a rated word is found
            words = lower  # "but" is looked for in lower case
            # "n't" holds no whitespace and no stripped end: in the text iff in a word
            nt = "n't" in low
        else:
            split = text.split()
            words = [w if len(s := w.strip(_PUNCTUATION)) <= 2 else s for w in split]
            lower = [w.lower() for w in words]
            nt = "n't" in " ".join(lower)  # "N'T" is read lower-cased
        hits = list(compress(count(), map(lexicon.__contains__, lower)))
        if not hits:
            return 0.0
        if split is None:
            split = text.split()
        n_words = len(split)
        # VADER's "is_cap_diff" (some words all capitals, not all), worked out the first
        # time a capital counts
        is_cap_diff: bool | None = None
        sentiments: list[float] = [0] * n_words
        # a rated word with no word before it that could boost, negate or end a booster
        # phrase, and no idiom to join, keeps its rating: VADER adds exact zeros to it
        last = n_words - 1
        for i in hits:
            word = lower[i]
            if word in BOOSTER_DICT or (word == "kind" and i < last and lower[i + 1] == "of"):
                continue
            window = lower[i - 3 : i] if i >= 3 else lower[:i]
            if (
                word in self._plain_unsafe
                or not _WINDOW_CUES.isdisjoint(window)
                or (nt and "n't" in " ".join(window))
            ):
                if is_cap_diff is None:
                    is_cap_diff = _is_cap_diff(split)
                sentiments[i] = self._valence(split, lower, i, is_cap_diff)
                continue
            valence = lexicon[word]
            if split[i].isupper() and (
                is_cap_diff if is_cap_diff is not None else (is_cap_diff := _is_cap_diff(split))
            ):
                if valence > 0:
                    valence += C_INCR
                else:
                    valence -= C_INCR
            if i:
                valence = valence + 0.0
            sentiments[i] = valence
        if "but" in lower:
            sentiments = SentimentIntensityAnalyzer._but_check(words, sentiments)
        total = float(sum(sentiments))
        emphasis = _punctuation_emphasis(text)
        if total > 0:
            total += emphasis
        elif total < 0:
            total -= emphasis
        return float(round(normalize(total), 4))

    def _valence(self, words: list[str], lower: list[str], i: int, is_cap_diff: bool) -> float:
        """VADER's ``sentiment_valence`` of word ``i``, a word of its lexicon (``words``
        are read for their capitals only)."""
        lexicon = self._lexicon
        word = lower[i]
        valence = lexicon[word]
        last = len(words) - 1
        if word == "no" and i != last and lower[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[word] * N_SCALAR
        if is_cap_diff and words[i].isupper():
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(3):
            if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                s = _scalar_inc_dec(
                    words[i - (start_i + 1)], lower[i - (start_i + 1)], valence, is_cap_diff
                )
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lower, start_i, i)
                if start_i == 2:
                    valence = self._vader.idioms_of_lower(valence, lower, i)
        if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence

    def muted_words(self, tokens: Sequence[Token], start: int, end: int) -> list[tuple[int, int]]:
        """The ``(start, end)`` of the tokens inside ``[start, end)`` that
        :meth:`is_muted` mutes, each read after the token before it in that range."""
        if not tokens:
            return []
        if start <= tokens[0].span.start and tokens[-1].span.end <= end:
            inside: Sequence[Token] = tokens  # tokens run in order: all are in the range
        else:
            inside = [t for t in tokens if start <= t.span.start and t.span.end <= end]
        word_kind = TokenKind.WORD
        special = self._special
        muted: list[tuple[int, int]] = []
        previous: Token | None = None
        for token in inside:
            if token.kind is word_kind:
                word = token.text
                # a lower-case word (most) opens with no capital
                if (
                    not word.islower()
                    and word[:1].isupper()
                    and not word.isupper()
                    and previous is not None
                    and previous.text not in _OPENERS
                ) or (token.norm in special and self.is_muted(token, previous)):
                    span = token.span
                    muted.append((span.start, span.end))
            previous = token
        return muted

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


def to_scored_text(text: str, start: int, end: int, muted: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` with each muted ``(start, end)`` (sorted, inside the range)
    replaced by :data:`NEUTRAL_WORD`; overlapping ones are replaced once."""
    pieces: list[str] = []
    at = start
    for m_start, m_end in muted:
        if m_end <= at:
            continue
        if m_start >= at:
            pieces += [text[at:m_start], NEUTRAL_WORD]
        at = m_end  # a stretch overlapping the one before extends it
    pieces.append(text[at:end])
    return "".join(pieces)


_NEGATE = frozenset(NEGATE)
# The words before a rated word that VADER's boosters, negations, "least" and "so"/"this"
# read (words holding "n't" are negations too): with none of them in the three words
# before it, a rated word keeps its rating
_WINDOW_CUES = (
    frozenset(BOOSTER_DICT)
    | BOOSTER_PHRASE_ENDS
    | _NEGATE
    | {"no", "never", "without", "so", "this", "least"}
)


def _is_cap_diff(words: Sequence[str]) -> bool:
    """VADER's ``allcap_differential``: some of ``words`` are all capitals, not all."""
    allcaps = sum(map(str.isupper, words))
    return 0 < len(words) - allcaps < len(words)


def _negated(word: str) -> bool:
    """VADER's ``negated`` of one lower-cased word."""
    return word in _NEGATE or "n't" in word


def _scalar_inc_dec(word: str, lower: str, valence: float, is_cap_diff: bool) -> float:
    """VADER's ``scalar_inc_dec``: what a booster before a rated word adds to it."""
    scalar = 0.0
    if lower in BOOSTER_DICT:
        scalar = BOOSTER_DICT[lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and is_cap_diff:
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _negation_check(valence: float, lower: Sequence[str], start_i: int, i: int) -> float:
    """VADER's ``_negation_check`` of word ``i`` against the word ``start_i + 1`` before."""
    if start_i == 0:
        if _negated(lower[i - 1]):
            valence = valence * N_SCALAR
    elif start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(lower[i - 2]):
            valence = valence * N_SCALAR
    elif start_i == 2:
        if (lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this")) or (
            lower[i - 1] == "so" or lower[i - 1] == "this"
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negated(lower[i - 3]):
            valence = valence * N_SCALAR
    return valence


def _punctuation_emphasis(text: str) -> float:
    """VADER's ``_punctuation_emphasis``: up to four "!" and two or more "?"."""
    ep_amplifier = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0.0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier
