"""Finding the source and target of a trigger from the mentions around it.

Without a parser, roles come from word order and prepositions:

* the subject is the nearest mention to the left that no preposition governs (a mention
  right before a gerund counts even so: ``on Donald Trump travelling``, and right before a
  verb unless the preposition is one of place or means: ``the heads of NASA congratulated``,
  ``after Putin and Modi held``, not ``operating in Iraq said``); where there is
  none, the first such mention after the comma that closes an opening phrase
  (``Far from signalling rupture, both governments``);
* a nationality adjective is a subject when it qualifies the subject's head, a few plain
  words before the trigger (``Russian missiles and drones pounded``);
* an object is the first mention after the trigger (adjectives count: ``Russian crude``);
* ``after: [with]`` takes the first mention after the trigger governed by one of those
  prepositions;
* the agent of a passive or of a nominal trigger is ``by X`` close after it;
* the actor of a nominal trigger may qualify it: ``the US strikes``, ``India's purchases``;
* each role extends over coordination: ``X and Y``, ``X, Y and Z``, ``X and in Y``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from entente.lexicons.lexicon import Grammar
from entente.model import Mention, MentionKind, Token
from entente.text.phrases import governing_preposition

_TARGET_REACH = 14
_AGENT_REACH = 8
_QUALIFIER_GAP = 3
_MODIFIER_REACH = 3
_BOUNDARIES = frozenset({";", ":"})


@dataclass(frozen=True, slots=True)
class Context:
    """The tokens and mentions of one sentence, for role finding."""

    tokens: tuple[Token, ...]
    start: int
    end: int
    mentions: tuple[Mention, ...]
    grammar: Grammar

    def __init__(
        self,
        tokens: tuple[Token, ...],
        start: int,
        end: int,
        mentions: tuple[Mention, ...],
        grammar: Grammar,
    ) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "tokens", tokens)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "mentions", mentions)
        object.__setattr__(self, "grammar", grammar)

    def governor(self, m: Mention) -> str | None:
        """The preposition governing ``m``, past determiners, numbers and modifiers (``of
        20 Palestinians``, ``in the occupied West Bank``, ``with senior Indian officials``)."""
        k = m.token_start
        g = self.grammar
        while k > self.start and k > m.token_start - _MODIFIER_REACH:
            word = self.tokens[k - 1].norm
            if not (
                word.replace(",", "").isdigit()
                or word in g.speaker_modifiers
                or (word.isalpha() and word.endswith(g.descriptive_endings))
            ):
                break
            k -= 1
        governor = governing_preposition(self.tokens, k, self.start, self.grammar)
        if governor == "to" and self._up_to(k):
            return None  # "up to 1,000 ethnic Turks": a quantity, not a goal
        quantity = self.tokens[k].norm.replace(",", "").isdigit()
        if governor in self.grammar.events.quantifiers and quantity:
            return None  # "more than 100 protesters", "about 60 civilians"
        return governor

    def _up_to(self, k: int) -> bool:
        j = k - 1
        while j > self.start and self.tokens[j].norm != "to":
            j -= 1
        return j > self.start and self.tokens[j - 1].norm == "up"


def find_subject(ctx: Context, trigger_start: int, trigger_end: int) -> list[Mention]:
    left = [m for m in ctx.mentions if m.token_end <= trigger_start]
    for m in reversed(left):
        if _crosses_boundary(ctx, m.token_end, trigger_start) or _own_clause(
            ctx, m.token_end, trigger_start
        ):
            break
        if (
            m.kind is MentionKind.ADJECTIVE
            and not _is_possessive(ctx, m)
            and not (_opens_phrase(ctx, m) and _qualifies(ctx, m, trigger_start))
        ) or _is_audience(ctx, m):
            continue
        if m.token_end == trigger_start and (
            ctx.tokens[trigger_start].norm.endswith("ing")
            or _coordinated_governor(ctx, m) not in ctx.grammar.events.place_prepositions
        ):
            # "on Donald Trump travelling", "the heads of NASA and Roscosmos congratulated"
            return _coordinated_left(ctx, m)
        group = _coordinated_left(ctx, m)
        if ctx.governor(group[0]) is None and ctx.governor(m) is None:
            return group  # "with A and B": B is governed through A, so not a subject
    return _subject_after_opening(ctx, trigger_end)


def find_main_subject(ctx: Context, before: int) -> list[Mention]:
    """The sentence's first subject-like mention before token ``before``: the subject that a
    coordinated verb (``... and called on Maduro``) shares."""
    for m in ctx.mentions:
        if m.token_end > before:
            break
        if m.kind is MentionKind.ADJECTIVE and not (
            _is_possessive(ctx, m) or _opens_phrase(ctx, m)
        ):
            continue
        if ctx.governor(m) is None:
            return _coordinated_right(ctx, m)
    return []


def find_speaker(ctx: Context, trigger_start: int) -> list[Mention]:
    """The subject of the nearest speech verb before the trigger (``Britain reiterated
    that Libya must``)."""
    for k in range(trigger_start - 1, ctx.start - 1, -1):
        if ctx.tokens[k].norm in ctx.grammar.speech_verbs:
            return find_subject(ctx, k, k + 1)
    return []


def shares_subject(ctx: Context, trigger_start: int) -> bool:
    """Whether the verb at ``trigger_start`` continues the clause before it with no subject
    of its own: ``X closed ... and suspended``, ``X spoke ..., urging``, ``after meeting``
    (adverbs and day adjuncts skipped)."""
    words = ctx.grammar.events
    k = trigger_start - 1
    while k >= ctx.start and (
        ctx.tokens[k].norm.endswith("ly")
        or ctx.tokens[k].norm in words.days
        or ctx.tokens[k].norm in words.adjunct_words
    ):
        k -= 1  # "and on Friday advised", "and also urged"
    if k < ctx.start:
        return False
    before = ctx.tokens[k].norm
    head = ctx.tokens[trigger_start].norm
    if before in ctx.grammar.coordinators:
        return True
    return head.endswith("ing") and (before == "," or before in words.gerund_openers)


def find_after(ctx: Context, trigger_end: int, preps: Sequence[str]) -> list[Mention]:
    for m in _right_of(ctx, trigger_end):
        if ctx.governor(m) in preps:
            return _coordinated_right(ctx, m)
    return []


def find_between(ctx: Context, trigger_end: int) -> list[Mention]:
    """Both parties of ``between X and Y`` after the trigger, where X may carry a few plain
    words of its own (``between an Israeli peace movement and the PLO``)."""
    first = find_after(ctx, trigger_end, ("between",))
    if len(first) != 1:
        return first
    m = first[0]
    for k in range(m.token_end, min(ctx.end, m.token_end + _BETWEEN_GAP + 1)):
        word = ctx.tokens[k].norm
        if word == "and":
            second = next((o for o in ctx.mentions if k < o.token_start <= k + 4), None)
            if second is None or not _qualifies_as_party(ctx, k + 1, second.token_start):
                return first
            return [m, *_coordinated_right(ctx, second)]
        if not word.isalnum() or word in ctx.grammar.prepositions:
            break
    return first


def _qualifies_as_party(ctx: Context, start: int, end: int) -> bool:
    """Whether only determiners and plain modifiers stand between ``and`` and a party."""
    g = ctx.grammar
    return all(
        t.norm in g.determiners or (t.norm.isalpha() and t.norm not in g.prepositions)
        for t in ctx.tokens[start:end]
    )


def find_agent(ctx: Context, trigger_end: int) -> list[Mention]:
    """``by X`` after a passive or nominal trigger, before any comma and with no other
    past participle between (which would own the ``by``)."""
    for m in _right_of(ctx, trigger_end):
        if m.token_start - trigger_end > _AGENT_REACH:
            break
        if ctx.governor(m) != "by":
            continue
        gap = ctx.tokens[trigger_end : m.token_start - 1]
        if any(t.norm == "," or (t.norm.endswith("ed") and len(t.norm) > 4) for t in gap):
            return []
        return _coordinated_right(ctx, m)
    return []


def find_qualifier(ctx: Context, trigger_start: int) -> list[Mention]:
    """The actor qualifying a nominal trigger: ``the US strikes``, ``India's purchases``,
    ``Chinese military drills``: a mention a few plain words before it."""
    left = [m for m in ctx.mentions if m.token_end <= trigger_start]
    if not left or not _qualifies(ctx, left[-1], trigger_start):
        return []
    m = left[-1]
    # "for New Delhi's purchases": the preposition governs the phrase, not the possessor
    if _is_possessive(ctx, m) or ctx.governor(m) is None:
        return _coordinated_left(ctx, m)
    return []


def find_object(ctx: Context, trigger_end: int, own: str | None = None) -> list[Mention]:
    """The first mention after the trigger, unless a preposition governs it (``of`` does
    not count, nor ``own``: the trigger's own last word, ``called on China``). A possessive
    pronoun gives way to the mention it qualifies (``his Russian counterpart``)."""
    right = _right_of(ctx, trigger_end)
    for i, m in enumerate(right):
        governor = ctx.governor(m)
        if governor is not None and governor not in ("of", own):
            return []
        follower = right[i + 1] if i + 1 < len(right) else None
        if m.kind is MentionKind.PRONOUN and follower and follower.token_start == m.token_end:
            return _coordinated_right(ctx, follower)
        return _coordinated_right(ctx, m)
    return []


_BETWEEN_GAP = 3  # plain words a first party may carry: "an Israeli peace movement"


def _right_of(ctx: Context, trigger_end: int) -> list[Mention]:
    out = []
    for m in ctx.mentions:
        if m.token_start < trigger_end:
            continue
        if m.token_start - trigger_end > _TARGET_REACH or _crosses_boundary(
            ctx, trigger_end, m.token_start
        ):
            break
        if _opens_adjunct(ctx, trigger_end, m.token_start):
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


def _opens_adjunct(ctx: Context, start: int, end: int) -> bool:
    """Whether a time adjunct opens in ``[start, end)``: a target is not looked for in it
    (``the strikes after the attack on tourists``: the tourists are not struck)."""
    adjunct = ctx.grammar.events.time_prepositions
    return any(ctx.tokens[k].norm in adjunct for k in range(start, end))


def _crosses_boundary(ctx: Context, start: int, end: int) -> bool:
    return any(ctx.tokens[k].norm in _BOUNDARIES for k in range(start, end))


def _qualifies(ctx: Context, m: Mention, head: int) -> bool:
    """Whether only plain words (no punctuation, preposition, determiner or clause word)
    stand between ``m`` and the word at ``head``, at most a few of them."""
    if head - m.token_end > _QUALIFIER_GAP:
        return False
    g = ctx.grammar
    closed = g.prepositions | g.determiners | g.clause_words
    for t in ctx.tokens[m.token_end : head]:
        if t.norm == "'s" or t.norm in g.coordinators:
            continue
        if not t.norm.replace("-", "").isalnum() or t.norm in closed:
            return False
    return True


def _coordinated_governor(ctx: Context, m: Mention) -> str | None:
    return ctx.governor(_coordinated_left(ctx, m)[0])


def _is_audience(ctx: Context, m: Mention) -> bool:
    """``told reporters``, ``told parliament``: who was spoken to is not a subject."""
    k = m.token_start - 1
    words = ctx.grammar.events
    while k >= ctx.start and ctx.tokens[k].norm in words.articles:
        k -= 1
    return k >= ctx.start and ctx.tokens[k].norm in words.audience_verbs


def _own_clause(ctx: Context, start: int, trigger: int) -> bool:
    """Whether a subordinate clause opens between ``start`` and the trigger with words of
    its own before it (``after a 7.7-magnitude earthquake killed``): its subject is there,
    even when it is no actor."""
    barriers = ctx.grammar.events.subject_barriers
    if any(ctx.tokens[k].norm in barriers for k in range(start, trigger - 1)):
        return True
    return _reported_clause_subject(ctx, start, trigger)


def _reported_clause_subject(ctx: Context, start: int, trigger: int) -> bool:
    """Whether a speech verb between ``start`` and the trigger reports a clause with a
    subject of its own that is no actor: ``India said other countries buy``. A pronoun
    there (``said it would buy``) or a prepositional phrase (``said in a statement``) is
    not such a subject."""
    g = ctx.grammar
    pronouns = g.subject_pronouns | g.person_pronouns | g.thing_pronouns | g.self_pronouns
    starts = {m.token_start for m in ctx.mentions}
    named = {k for m in ctx.mentions for k in range(m.token_start, m.token_end)}
    for k in range(start, trigger - 1):
        if ctx.tokens[k].norm not in g.speech_verbs or k in named:
            continue  # "the United States": no verb
        j = k + 1
        while j < trigger and (
            ctx.tokens[j].norm == "that"
            or ctx.tokens[j].norm in g.events.days
            or ctx.tokens[j].norm.endswith("ly")
        ):
            j += 1
        if j >= trigger - 1:
            continue
        word = ctx.tokens[j].norm
        if word in pronouns or word in g.prepositions or word in g.clause_words:
            continue
        if word in g.coordinators:
            continue
        if any(j <= s < trigger for s in starts):
            continue  # an actor there was weighed as the subject already
        if word in g.determiners or (word.isalpha() and ctx.tokens[j].text.islower()):
            return True
    return False


def _opens_phrase(ctx: Context, m: Mention) -> bool:
    """Whether ``m`` begins its noun phrase at a clause opening: after the sentence start,
    punctuation, a clause word or a coordinator (determiners skipped)."""
    g = ctx.grammar
    k = m.token_start - 1
    while k >= ctx.start and ctx.tokens[k].norm in g.determiners:
        k -= 1
    if k < ctx.start:
        return True
    word = ctx.tokens[k].norm
    return not word.isalnum() or word in g.clause_words or word in g.coordinators


def _is_possessive(ctx: Context, m: Mention) -> bool:
    return m.token_end < len(ctx.tokens) and ctx.tokens[m.token_end].norm == "'s"
