"""Finding the source and target of a trigger from the mentions around it.

Without a parser, roles come from word order and prepositions:

* the subject is the nearest mention to the left that no preposition governs (a mention
  right before the trigger counts even so: ``on Donald Trump travelling``); where there is
  none, the first such mention after the comma that closes an opening phrase
  (``Far from signalling rupture, both governments``);
* an object is the first mention after the trigger (adjectives count: ``Russian crude``);
* ``after: [with]`` takes the first mention after the trigger governed by one of those
  prepositions;
* each role extends over coordination: ``X and Y``, ``X, Y and Z``, ``X and in Y``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from entente.lexicons.lexicon import Grammar
from entente.model import Mention, MentionKind, Token
from entente.text.phrases import governing_preposition

_TARGET_REACH = 14
_BOUNDARIES = frozenset({";", ":"})


@dataclass(frozen=True, slots=True)
class Context:
    """The tokens and mentions of one sentence, for role finding."""

    tokens: tuple[Token, ...]
    start: int
    end: int
    mentions: tuple[Mention, ...]
    grammar: Grammar

    def governor(self, m: Mention) -> str | None:
        return governing_preposition(self.tokens, m.token_start, self.start, self.grammar)


def find_subject(ctx: Context, trigger_start: int, trigger_end: int) -> list[Mention]:
    left = [m for m in ctx.mentions if m.token_end <= trigger_start]
    for m in reversed(left):
        if _crosses_boundary(ctx, m.token_end, trigger_start):
            break
        if m.kind is MentionKind.ADJECTIVE and not _is_possessive(ctx, m):
            continue
        if ctx.governor(m) is None or m.token_end == trigger_start:
            return _coordinated_left(ctx, m)
    return _subject_after_opening(ctx, trigger_end)


def find_after(ctx: Context, trigger_end: int, preps: Sequence[str]) -> list[Mention]:
    for m in _right_of(ctx, trigger_end):
        if ctx.governor(m) in preps:
            return _coordinated_right(ctx, m)
    return []


def find_object(ctx: Context, trigger_end: int) -> list[Mention]:
    for m in _right_of(ctx, trigger_end):
        governor = ctx.governor(m)
        if governor is None or governor == "of":
            return _coordinated_right(ctx, m)
        return []
    return []


def _right_of(ctx: Context, trigger_end: int) -> list[Mention]:
    out = []
    for m in ctx.mentions:
        if m.token_start < trigger_end:
            continue
        if m.token_start - trigger_end > _TARGET_REACH or _crosses_boundary(
            ctx, trigger_end, m.token_start
        ):
            break
        out.append(m)
    return out


def _subject_after_opening(ctx: Context, trigger_end: int) -> list[Mention]:
    comma = next((k for k in range(trigger_end, ctx.end) if ctx.tokens[k].norm == ","), None)
    if comma is None or any(ctx.tokens[k].norm == "," for k in range(ctx.start, trigger_end)):
        return []
    for m in ctx.mentions:
        if comma < m.token_start <= comma + 4 and ctx.governor(m) is None:
            return _coordinated_right(ctx, m)
    return []


def _coordinated_left(ctx: Context, m: Mention) -> list[Mention]:
    """``X, Y and Z`` read leftwards from Z: the link next to Z must be a coordinator."""
    found, links = [m], []
    while (link := _neighbour(ctx, found[0], -1)) is not None:
        found.insert(0, link[0])
        links.append(link[1])
    if not links or not links[0]:
        return [m]
    return found


def _coordinated_right(ctx: Context, m: Mention) -> list[Mention]:
    """``X, Y and Z`` read rightwards from X: kept up to the last coordinator."""
    found, links = [m], []
    while (link := _neighbour(ctx, found[-1], +1)) is not None:
        found.append(link[0])
        links.append(link[1])
    while links and not links[-1]:
        links.pop()
        found.pop()
    return found


def _neighbour(ctx: Context, m: Mention, direction: int) -> tuple[Mention, bool] | None:
    """The mention joined to ``m`` by a coordinator or a comma, and whether the link
    holds a coordinator (``and``, ``or``) rather than a comma alone."""
    g = ctx.grammar
    skippable = g.determiners | g.prepositions
    if direction > 0:
        others = [o for o in ctx.mentions if o.token_start >= m.token_end]
        if not others:
            return None
        o = others[0]
        gap = [t.norm for t in ctx.tokens[m.token_end : o.token_start]]
    else:
        others = [o for o in ctx.mentions if o.token_end <= m.token_start]
        if not others:
            return None
        o = others[-1]
        gap = [t.norm for t in ctx.tokens[o.token_end : m.token_start]]
    joiners = g.coordinators | {","}
    if not gap or gap[0] not in joiners or len(gap) > 4 or o.kind is MentionKind.PRONOUN:
        return None
    if not all(w in joiners or w in skippable for w in gap):
        return None
    return o, any(w in g.coordinators for w in gap)


def _crosses_boundary(ctx: Context, start: int, end: int) -> bool:
    return any(ctx.tokens[k].norm in _BOUNDARIES for k in range(start, end))


def _is_possessive(ctx: Context, m: Mention) -> bool:
    return m.token_end < len(ctx.tokens) and ctx.tokens[m.token_end].norm == "'s"
