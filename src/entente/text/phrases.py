"""Small syntactic facts read off tokens: the preposition that governs a phrase."""

from __future__ import annotations

from entente.lexicons.lexicon import Grammar
from entente.model import Token


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
