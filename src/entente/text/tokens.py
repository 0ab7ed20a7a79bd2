"""Tokens with character offsets.

One regular-expression pass finds raw tokens; clitics (``’s``, ``n’t``, ``’ll``) are split
off so that ``don’t`` matches ``do not`` and ``India’s`` yields the actor ``India``.
Hyphens and dashes are tokens of their own (``India–USA`` is three tokens).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from entente.model import TokenKind
from entente.text.normalize import fold

RawToken = tuple[int, int, TokenKind]

_TOKEN_RE = re.compile(
    r"""
    (?P<flag>[\U0001F1E6-\U0001F1FF]{2})
    |(?P<abbr>(?:[A-Za-z]\.){2,})
    |(?P<num>[$€£₹]?\d+(?:[.,:/]\d+)*(?:%|st|nd|rd|th|s)?)
    |(?P<word>[^\W\d_](?:[\w]|['’](?=\w))*)
    |(?P<punct>\.\.\.|--|[^\w\s])
    """,
    re.VERBOSE,
)
_CLITIC_RE = re.compile(r"(?i)(?:(?<=[a-z])n['’]t|['’](?:s|ll|re|ve|d|m))$")
_NOT_CLITIC_HOSTS = frozenset({"o", "d", "l"})  # O’Brien, d’Estaing, l’Aquila
_CONTRACTIONS = {
    "n't": "not",
    "'ll": "will",
    "'re": "are",
    "'ve": "have",
    "'m": "am",
    "'d": "would",
    "ca": "can",
    "wo": "will",
    "sha": "shall",
}


_KINDS = {
    "num": TokenKind.NUMBER,
    "punct": TokenKind.PUNCT,
    "flag": TokenKind.SYMBOL,
    "abbr": TokenKind.WORD,
}


def iter_raw_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[RawToken]:
    """Yield ``(start, end, kind)`` for each token of ``text[start:end]``."""
    word = TokenKind.WORD
    kinds = _KINDS
    for match in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        kind = match.lastgroup
        s, e = match.span()
        if kind != "word":
            yield (s, e, kinds[kind])  # type: ignore[index]
        elif "'" in (surface := text[s:e]) or "’" in surface:
            yield from _split_clitic(text, s, e)  # only a word with an apostrophe may
        else:
            yield (s, e, word)


def _split_clitic(text: str, start: int, end: int) -> Iterator[RawToken]:
    word = text[start:end]
    match = _CLITIC_RE.search(word)
    if match and match.start() > 0 and word[: match.start()].lower() not in _NOT_CLITIC_HOSTS:
        cut = start + match.start()
        yield (start, cut, TokenKind.WORD)
        yield (cut, end, TokenKind.WORD)
        return
    yield (start, end, TokenKind.WORD)


@lru_cache(maxsize=1 << 16)
def to_norm(surface: str) -> str:
    """Lower-case, folded form used for matching; contractions spelled out."""
    folded = fold(surface).lower()
    return _CONTRACTIONS.get(folded, folded)


def to_cased(surface: str) -> str:
    """Folded form that keeps case, for proper names and acronyms."""
    return fold(surface)
