"""Which language an article is written in, identified offline with ``langdetect``.

``langdetect`` (a port of Google's language-detection library, profiles for 55 languages
shipped in the wheel) is seeded per call so the same text always gets the same answer.
Texts too short to judge are given no language, and are coded. On headlines and single
sentences langdetect often mistakes English for another language (on 10,859 English
articles of ``../shared/corpus`` it called five one-line items Swahili, Dutch, Estonian,
Spanish and Romanian), so a text whose words are at least one in ten English function
words (none of them common words of another language that langdetect knows) is English;
that share is counted first, and langdetect runs only on texts it does not settle.
"""

from __future__ import annotations

import re
from functools import cache

from langdetect import DetectorFactory, LangDetectException
from langdetect.detector_factory import init_factory

MIN_LETTERS = 60  # fewer letters than this: too little to judge
MIN_PROBABILITY = 0.80
MIN_ENGLISH_SHARE = 0.10
# Frequent English function words that are not frequent words of other Latin-script
# languages ("a", "in", "die", "will", "an", "on" are left out for that reason).
ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "for",
        "that",
        "with",
        "by",
        "from",
        "has",
        "have",
        "had",
        "said",
        "who",
        "its",
        "are",
        "were",
        "was",
        "is",
        "this",
        "after",
        "been",
        "their",
        "they",
        "which",
        "would",
        "at",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 1000  # characters read: on ../shared/corpus, 4000 gave the same answers, 60% slower


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when it cannot be told."""
    sample = text[:_SAMPLE]
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return None
    if english_share(sample) >= MIN_ENGLISH_SHARE:
        return "en"  # what the statistical model would be overruled to anyway; 20x cheaper
    detector = _get_factory().create()
    detector.seed = 0
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    language = str(best.lang).split("-")[0]
    return language if best.prob >= MIN_PROBABILITY else None


def english_share(text: str) -> float:
    """The share of ``text``'s words that are English function words."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(map(ENGLISH_FUNCTION_WORDS.__contains__, map(str.lower, words))) / len(words)


@cache
def _get_factory() -> DetectorFactory:
    init_factory()  # loads the profiles once
    from langdetect.detector_factory import _factory

    assert _factory is not None
    return _factory
