"""Small syntactic facts read off tokens: the preposition that governs a phrase, how far
apart two phrases are in clauses."""

from __future__ import annotations

import re

from entente.lexicons.lexicon import Grammar
from entente.model import Span, Token

# what separates clauses (or a parenthesis, a quotation) between two phrases
_BOUNDARY_RE = re.compile(r"[;:—–()“”\"]|,|\b(?:and|but|while|whereas|after|before|as)\b")


def governing_preposition(
    tokens: tuple[Token, ...], start: int, floor: int, grammar: Grammar
) -> str | None:
    """The preposition before the phrase at token ``start`` (determiners skipped)."""
    k = start - 1
    while k >= floor and tokens[k].norm in grammar.determiners:
        k -= 1
    if k >= floor and tokens[k].norm in grammar.prepositions:
        return tokens[k].norm
    return None


def clause_distance(text: str, a: Span, b: Span) -> tuple[int, int]:
    """How far apart two spans of a sentence are: the clause boundaries between them,
    then the characters (``met Putin on Monday and Xi criticised Japan on Wednesday``:
    ``Wednesday`` is nearer ``criticised`` than ``Monday`` is)."""
    lo, hi = min(a.end, b.end), max(a.start, b.start)
    between = text[lo:hi] if lo < hi else ""
    return len(_BOUNDARY_RE.findall(between)), len(between)
