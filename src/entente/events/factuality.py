"""How the text presents an event: asserted, negated, hypothetical, future or reported.

A cue counts when it stands before the trigger in the same clause (no comma or semicolon
between) within the lexicon's window; ``far from`` and its kin reach to the end of their
clause. A question is hypothetical. Negation outranks the rest. Two readings refine this:

* a negation under a refusal cue (``refused to sign``, ``will not cede``) is a refusal,
  which the events stage codes as the rejection it is;
* ``would`` in the clause reported by a speech verb is the future seen from the past
  (``Japan said it would tighten curbs``), not a hypothetical.

An event cited as context is ``background``: under ``since``, or dated in its clause to a
year before the article's (``sent troops into Ukraine in February 2022``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from entente.lexicons.lexicon import Lexicon
from entente.model import Factuality, Token
from entente.text.tokens import iter_raw_tokens, to_norm

_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "-", "–", "—"})
_HYPOTHETICAL_REACH = 8
_YEAR_REACH = 10
_REPORTED_REACH = 12
_REASON_REACH = 6  # words between a verb of judgement and its "for"
_NOUN_REACH = 4  # words from a "for" or "over" of cause to the noun it governs, itself included


Phrases = tuple[tuple[str, ...], ...]
_REPORTED_FUTURE = ("would",)


@dataclass(frozen=True, slots=True)
class Cues:
    negated: Phrases
    negated_clause: Phrases
    hypothetical: Phrases
    future: Phrases
    reported: Phrases
    refusal: Phrases
    preparation: Phrases
    willingness: Phrases
    background: Phrases
    reason_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    days: frozenset[str]
    window: int


@dataclass(frozen=True, slots=True)
class Reading:
    """The factuality of a trigger, and whether its negation is a refusal."""

    factuality: Factuality
    refusal: bool = False
    announced: bool = False  # future reported by a speech verb: "said it would"
    preparing: bool = False  # "the army prepared to resume shelling"


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
        words(f.refusal),
        words(f.preparation),
        words(f.willingness),
        words(f.background),
        frozenset(to_norm(v) for v in f.reason_verbs),
        frozenset(lexicon.grammar.speech_verbs),
        lexicon.grammar.events.days,
        f.window,
    )


def classify(
    tokens: tuple[Token, ...],
    sentence_start: int,
    sentence_end: int,
    trigger_start: int,
    cues: Cues,
    year: int | None = None,
) -> Reading:
    """The factuality of a trigger at ``trigger_start`` in the sentence (``year``: the
    article's, which dates background)."""
    clause = _clause_start(tokens, sentence_start, trigger_start)
    words = _without_days(_without_acronyms(tokens[clause:trigger_start]), cues.days)
    if _find(words, cues.negated, cues.window) or _find(words, cues.negated_clause, len(words)):
        refusal = _find(words, cues.refusal, cues.window + 2) is not None
        return Reading(Factuality.NEGATED, refusal)
    if (
        _find(words, cues.background, cues.window)
        or _cited_as_reason(words, tokens[trigger_start].norm, cues)
    ) or _dated_earlier(tokens, clause, trigger_start, sentence_end, year):
        return Reading(Factuality.BACKGROUND)
    hypothetical = _find(words, cues.hypothetical, _HYPOTHETICAL_REACH)
    if hypothetical == _REPORTED_FUTURE and _reported(
        tokens, sentence_start, clause, trigger_start, cues
    ):
        return Reading(Factuality.FUTURE, announced=True)
    if hypothetical or tokens[sentence_end - 1].norm == "?":
        return Reading(Factuality.HYPOTHETICAL)
    if _find(words, cues.preparation, _HYPOTHETICAL_REACH) and not _find(
        words, cues.willingness, _HYPOTHETICAL_REACH
    ):
        return Reading(Factuality.FUTURE, preparing=True)
    if _find(words, cues.future, _HYPOTHETICAL_REACH):
        return Reading(Factuality.FUTURE)
    if _find(words, cues.reported, _REPORTED_REACH):
        return Reading(Factuality.REPORTED)
    return Reading(Factuality.ASSERTED)


def within(tokens: tuple[Token, ...], cues: Cues) -> Reading | None:
    """The future reading a cue inside a light verb's span gives the object it leads to
    (``announced that it is prepared to impose``), if any; nouns there are the light
    verb's own object (``rejected calls for talks``), not a hypothetical."""
    words = _without_days([t.norm for t in tokens], cues.days)
    if _find(words, cues.future, len(words)):
        return Reading(Factuality.FUTURE)
    return None


def _cited_as_reason(words: list[str], trigger: str, cues: Cues) -> bool:
    """Whether a trigger names the act another answers, so is background to it.

    A gerund or a noun that a verb of judgement answers with ``for``: ``apologized to
    Brazil for one of its gunboats intercepting``, ``praised India for hosting``, ``punishes
    India for its purchases``. A noun right after ``over``, the cause another act is taken
    over: ``a tariff on Indian goods over India's purchases of Russian oil``.
    """
    last = {w: len(words) - 1 - words[::-1].index(w) for w in ("for", "over") if w in words}
    near = {w: k for w, k in last.items() if len(words) - k <= _NOUN_REACH}
    if "over" in near and "for" not in words[near["over"] :]:
        return True
    if "for" not in last or not (trigger.endswith("ing") or "for" in near):
        return False
    f = last["for"]
    return any(w in cues.reason_verbs for w in words[max(0, f - _REASON_REACH) : f])


def _without_acronyms(tokens: tuple[Token, ...]) -> list[str]:
    """The words without parenthesised acronyms: ``understanding (MOU) on`` reads as
    ``understanding on``."""
    words = [t.norm for t in tokens]
    for k in range(len(tokens) - 3, -1, -1):
        if words[k] == "(" and words[k + 2] == ")" and _is_acronym(tokens[k + 1]):
            del words[k : k + 3]
    return words


def _is_acronym(token: Token) -> bool:
    return token.text.isalpha() and token.text.isupper()


def _without_days(words: list[str], days: frozenset[str]) -> list[str]:
    """The words without day adjuncts, so that ``threatened on Saturday to`` reads as
    ``threatened to``."""
    out: list[str] = []
    for word in words:
        if word in days:
            if out and out[-1] == "on":
                out.pop()
            continue
        out.append(word)
    return out


def _reported(tokens: tuple[Token, ...], start: int, clause: int, trigger: int, cues: Cues) -> bool:
    """Whether a speech verb reports the clause of ``would``: within a few words before
    the clause (``said it would``, ``said that Turkey would``) or before the ``would``
    itself (``was quoted as saying he would``, ``confirmed on Wednesday it would``)."""
    would = max(
        (k for k in range(clause, trigger) if tokens[k].norm == _REPORTED_FUTURE[0]),
        default=clause,
    )
    window = (*tokens[max(start, clause - 12) : clause + 6], *tokens[max(start, would - 8) : would])
    return any(t.norm in cues.speech_verbs for t in window)


def _dated_earlier(
    tokens: tuple[Token, ...], clause: int, trigger: int, end: int, year: int | None
) -> bool:
    """Whether the trigger is dated to a year before the article's: ``in 2014`` or ``in
    February 2022`` after it in its clause, or the year right before it (``their 2020
    war``)."""
    if year is None:
        return False

    def earlier(k: int) -> bool:
        word = tokens[k].norm
        return len(word) == 4 and word.isdigit() and 1900 <= int(word) < year

    if any(earlier(k) for k in range(max(clause, trigger - 2), trigger)):
        return True
    k = trigger
    while k < min(end, trigger + _YEAR_REACH) and tokens[k].norm not in _CLAUSE_BREAKS:
        if earlier(k) and any(t.norm == "in" for t in tokens[max(trigger, k - 2) : k]):
            return True
        k += 1
    return False


def _clause_start(tokens: tuple[Token, ...], start: int, trigger: int) -> int:
    """Where the trigger's clause begins; a parenthesised acronym does not end a clause
    (``a Memorandum of Understanding (MOU) on Cessation of Hostilities``)."""
    k = trigger - 1
    while k >= start and tokens[k].norm not in _CLAUSE_BREAKS:
        k -= 1
    if (
        k - 2 >= start
        and tokens[k].norm == ")"
        and tokens[k - 2].norm == "("
        and _is_acronym(tokens[k - 1])
    ):
        return _clause_start(tokens, start, k - 2)
    return k + 1


def _find(words: list[str], phrases: Phrases, reach: int) -> tuple[str, ...] | None:
    """The phrase ending nearest the end of ``words``, within ``reach`` words of it (the
    first listed of those ending there)."""
    by_last = _by_last_word(phrases)
    if by_last is None:
        return _find_each(words, phrases, reach)
    n = len(words)
    for end in range(n, max(0, n - reach - 1), -1):
        for phrase in by_last.get(words[end - 1], ()):
            if end >= len(phrase) and tuple(words[end - len(phrase) : end]) == phrase:
                return phrase
    return None


def _find_each(words: list[str], phrases: Phrases, reach: int) -> tuple[str, ...] | None:
    """:func:`_find` trying every phrase at every end (phrases with an empty one)."""
    n = len(words)
    for end in range(n, 0, -1):
        if n - end > reach:
            break
        for phrase in phrases:
            size = len(phrase)
            if end >= size and tuple(words[end - size : end]) == phrase:
                return phrase
    return None


@lru_cache(maxsize=64)
def _by_last_word(phrases: Phrases) -> dict[str, Phrases] | None:
    """The phrases by their last word, each word's in the order listed (None when one is
    empty: it ends everywhere)."""
    if not all(phrases):
        return None
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        by_last.setdefault(phrase[-1], []).append(phrase)
    return {word: tuple(group) for word, group in by_last.items()}
