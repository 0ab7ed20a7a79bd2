"""Unicode and punctuation normalization.

``normalize_text`` produces the canonical article text (every span indexes it): NFC,
unified line ends, exotic spaces made plain, invisible characters removed, page furniture
lines removed (``text/boilerplate.py``). Punctuation
is *not* rewritten in the text, so evidence shows what the outlet printed; ``fold``
gives the matching form of a token instead (lower case, straight quotes, plain dashes).
"""

from __future__ import annotations

import operator
import re
import unicodedata
from functools import lru_cache
from itertools import compress

from entente.text.boilerplate import strip_boilerplate

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]|[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)


if min(_FOLD) < 128:
    raise RuntimeError("fold must keep plain ASCII as it is: fold_all relies on it")


def normalize_text(raw: str) -> str:
    """Return the canonical form of an article's text."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return strip_boilerplate(text).strip()


@lru_cache(maxsize=1 << 16)
def fold(token: str) -> str:
    """The matching form of a token: straight quotes and dashes, case kept (cached: a
    corpus repeats a small vocabulary)."""
    return token.translate(_FOLD)


def fold_all(words: list[str]) -> list[str]:
    """:func:`fold` of each word, in order: only the words that are not plain ASCII
    (folding keeps those as they are) go through it."""
    folded = words.copy()
    for k in non_ascii(words):
        folded[k] = fold(words[k])
    return folded


def non_ascii(words: list[str]) -> list[int]:
    """The positions of the words that are not plain ASCII, in order."""
    if "".join(words).isascii():
        return []
    return list(compress(range(len(words)), map(operator.not_, map(str.isascii, words))))
