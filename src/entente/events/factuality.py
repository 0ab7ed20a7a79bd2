"""How the text presents an event: asserted, negated, hypothetical, future or reported.

A cue counts when it stands before the trigger in the same clause (no comma or semicolon
between) within the lexicon's window; ``far from`` and its kin reach to the end of their
clause. A question is hypothetical. Negation outranks the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from entente.lexicons.lexicon import Lexicon
from entente.model import Factuality, Token
from entente.text.tokens import iter_raw_tokens, to_norm

_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "-", "–", "—"})
_HYPOTHETICAL_REACH = 8


@dataclass(frozen=True, slots=True)
class Cues:
    negated: tuple[tuple[str, ...], ...]
    negated_clause: tuple[tuple[str, ...], ...]
    hypothetical: tuple[tuple[str, ...], ...]
    future: tuple[tuple[str, ...], ...]
    reported: tuple[tuple[str, ...], ...]
    window: int


@lru_cache(maxsize=4)
def compile_cues(lexicon: Lexicon) -> Cues:
    f = lexicon.factuality

    def words(phrases: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(to_norm(p[s:e]) for s, e, _ in iter_raw_tokens(p)) for p in phrases)

    return Cues(
        words(f.negated),
        words(f.negated_clause),
        words(f.hypothetical + f.hypothetical_nouns),
        words(f.future),
        words(f.reported),
        f.window,
    )


def classify(
    tokens: tuple[Token, ...],
    sentence_start: int,
    sentence_end: int,
    trigger_start: int,
    cues: Cues,
) -> Factuality:
    """The factuality of a trigger at ``trigger_start`` in the sentence."""
    clause = _clause_start(tokens, sentence_start, trigger_start)
    words = [t.norm for t in tokens[clause:trigger_start]]
    if _has(words, cues.negated, cues.window) or _has(words, cues.negated_clause, len(words)):
        return Factuality.NEGATED
    if _has(words, cues.hypothetical, _HYPOTHETICAL_REACH) or (
        tokens[sentence_end - 1].norm == "?"
    ):
        return Factuality.HYPOTHETICAL
    if _has(words, cues.future, _HYPOTHETICAL_REACH):
        return Factuality.FUTURE
    if _has([t.norm for t in tokens[sentence_start:trigger_start]], cues.reported, 40):
        return Factuality.REPORTED
    return Factuality.ASSERTED


def _clause_start(tokens: tuple[Token, ...], start: int, trigger: int) -> int:
    k = trigger - 1
    while k >= start and tokens[k].norm not in _CLAUSE_BREAKS:
        k -= 1
    return k + 1


def _has(words: list[str], phrases: tuple[tuple[str, ...], ...], reach: int) -> bool:
    """Whether a phrase ends within ``reach`` words of the end of ``words``."""
    n = len(words)
    for phrase in phrases:
        size = len(phrase)
        for end in range(n, max(size - 1, n - reach - size), -1):
            if tuple(words[end - size : end]) == phrase:
                return True
    return False
