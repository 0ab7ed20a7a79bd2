"""Finding candidate actor phrases in a sentence (no resolution yet)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress
from operator import or_

from entente.actors.spelling import Speller, speller
from entente.lexicons.lexicon import EntryKind, Lexicon, PhraseEntry
from entente.model import Token
from entente.text.normalize import fold_all
from entente.text.tokens import to_norm


@dataclass(frozen=True, slots=True)
class Candidate:
    """A lexicon phrase, pronoun or pair anaphor found at tokens ``[start, end)``."""

    start: int
    end: int
    kind: EntryKind | str
    entry: PhraseEntry | None = None

    def __init__(
        self,
        start: int,
        end: int,
        kind: EntryKind | str,
        entry: PhraseEntry | None = None,
    ) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "entry", entry)


PRONOUN = "pronoun"
PAIR = "pair"
COUNTRY_ANAPHOR = "country-anaphor"  # the country, the nation


def find_candidates(
    tokens: tuple[Token, ...], start: int, end: int, lexicon: Lexicon, words: Words | None = None
) -> list[Candidate]:
    """Left-to-right longest-match candidates in tokens ``[start, end)`` (``words``: the
    article's words as :func:`read_words` gives them, read here when not given)."""
    if words is None or words.tokens is not tokens:
        window = tokens[start:end]
        cased, lower = fold_all([t.text for t in window]), [t.norm for t in window]
        corrected = _respell(cased, lower, lexicon)
        positions = _openings(cased, lower, _openers(lexicon, lexicon.phrases.size))
        return _find_at(tokens, start, positions, cased, lower, corrected, lexicon)
    openings = words.openings
    first = bisect_left(openings, start)
    last = bisect_left(openings, end, first)
    slipped = any_between(words.slips, start, end)
    if first == last and not slipped:
        return []  # no word opens a candidate here, nor may once corrected (most sentences)
    cased, lower = words.cased[start:end], words.lower[start:end]
    respelled = _respell(cased, lower, lexicon) if slipped else None
    if respelled:  # a corrected word may open a phrase now
        positions = _openings(cased, lower, _openers(lexicon, lexicon.phrases.size))
    else:
        positions = [k - start for k in openings[first:last]]
    return _find_at(tokens, start, positions, cased, lower, respelled, lexicon)


@dataclass(frozen=True, slots=True)
class Words:
    """An article's words as the detector reads them: the folded surface (``cased``) and
    the ``norm`` (``lower``) of each token, where a candidate may open (``openings``:
    a superset, checked word by word) and which words may misspell a name (``slips``)."""

    tokens: tuple[Token, ...]
    cased: list[str]
    lower: list[str]
    openings: list[int]
    slips: list[int]


def read_words(tokens: tuple[Token, ...], lexicon: Lexicon) -> Words:
    """The words of an article's tokens (read once, for all its sentences)."""
    cased = fold_all([t.text for t in tokens])
    lower = [t.norm for t in tokens]
    openers = _openers(lexicon, lexicon.phrases.size)
    # one pass in C by the norms (a superset: a cased phrase's first word by its norm),
    # the few words it finds then checked as _openings does; most "the"s open nothing,
    # as the word after says, and are left out
    op_lower, op_cased = openers.lower, openers.cased
    after, last = openers.after_the, len(lower) - 1
    openings = [
        i
        for i in compress(range(len(lower)), map(openers.norms.__contains__, lower))
        if (lower[i] in op_lower or cased[i] in op_cased)
        and (
            after is None
            or lower[i] != "the"
            or (i < last and not _opens_nothing(i, cased, lower, after))
        )
    ]
    slips = speller(lexicon).slipped(cased)
    return Words(tokens, cased, lower, openings, slips)


def any_between(positions: list[int], start: int, end: int) -> bool:
    """Whether some of ``positions`` (sorted) is in ``[start, end)``."""
    k = bisect_left(positions, start)
    return k < len(positions) and positions[k] < end


def _openings(cased: list[str], lower: list[str], openers: _Openers) -> list[int]:
    """Where a pair, an anaphor, a phrase or a pronoun may open: ``openers``' words."""
    # two set lookups per word, mapped in C
    hits = map(or_, map(openers.lower.__contains__, lower), map(openers.cased.__contains__, cased))
    return list(compress(range(len(lower)), hits))


def _find_at(
    tokens: tuple[Token, ...],
    start: int,
    positions: list[int],
    cased: list[str],
    lower: list[str],
    respelled: set[int] | None,
    lexicon: Lexicon,
) -> list[Candidate]:
    """The candidates of a sentence's words, tried at ``positions`` (sorted, relative
    to ``start``): nothing opens anywhere else. At each, the candidate opening there
    (a pair, an anaphor, a phrase or a pronoun) is taken with the words it covers."""
    phrases = lexicon.phrases
    openers = _openers(lexicon, phrases.size)
    pair_openers, pronouns, after = openers.pair, openers.pronouns, openers.after_the
    grammar = lexicon.grammar
    determiners, pair_nouns = grammar.pair_determiners, grammar.pair_nouns
    country_nouns, definite = grammar.country_nouns, grammar.definite_determiners
    starts, match = phrases.starts, phrases.match
    found: list[Candidate] = []
    n_words = len(lower)
    p, n_positions = 0, len(positions)
    while p < n_positions:
        i = positions[p]
        p += 1
        word = lower[i]
        if word == "the":
            if after is not None and _opens_nothing(i, cased, lower, after):
                continue  # most "the"s open nothing: the word after says so
        elif word not in pair_openers and not starts(cased[i], word):
            # no pair, anaphor or phrase opens here: only a pronoun may
            if word in pronouns and _is_pronoun(tokens[start + i], lexicon):
                found.append(Candidate(start + i, start + i + 1, PRONOUN))
            continue
        step = 1  # the words the candidate here takes
        # a pair's determiner opens with one of pair_openers (a word of letters is no other)
        if (word in pair_openers or not word.isalpha()) and (
            pair := _pair_length(lower, i, determiners, pair_nouns)
        ):
            found.append(Candidate(start + i, start + i + pair, PAIR))
            step = pair
        elif (
            word == "the"
            and i + 1 < n_words
            and lower[i + 1] in country_nouns
            and (i + 2 >= n_words or lower[i + 2] != "'s")
        ):
            found.append(Candidate(start + i, start + i + 2, COUNTRY_ANAPHOR))
            step = 2
        elif (found_match := match(cased, lower, i)) is not None:
            n, entry = found_match
            if word in definite and _longer_after_article(cased, lower, i, n, lexicon):
                pass  # "the United Nations Observer Mission": the article is not the name's
            else:
                if respelled and respelled.intersection(range(i, i + n)):
                    entry = replace(entry, rule=f"{entry.rule}+respelled")
                if entry.kind is not EntryKind.NOT_ACTOR:
                    found.append(Candidate(start + i, start + i + n, entry.kind, entry))
                step = n
        elif _is_pronoun(tokens[start + i], lexicon):
            found.append(Candidate(start + i, start + i + 1, PRONOUN))
        if step > 1:
            p = bisect_left(positions, i + step, p)
    return found


def _opens_nothing(i: int, cased: list[str], lower: list[str], after_the: frozenset[str]) -> bool:
    """Whether ``the`` at ``i`` opens nothing, by the word after it."""
    return i + 1 == len(lower) or (lower[i + 1] not in after_the and cased[i + 1] not in after_the)


@dataclass(frozen=True, slots=True)
class _Openers:
    """The words a candidate may open with: ``lower`` and ``cased`` hold (a superset
    of) the first words that may open one, ``pair`` the pair determiners' first words."""

    lower: frozenset[str]
    cased: frozenset[str]
    norms: frozenset[str]  # the norms of both (a word's norm is its folded surface's, lowered)
    pair: frozenset[str]
    pronouns: frozenset[str]
    after_the: frozenset[str] | None  # the words after "the" that may make it open one


@lru_cache(maxsize=4)
def _openers(lexicon: Lexicon, n_phrases: int) -> _Openers:
    """The opening words of a lexicon (``n_phrases`` keys the cache to its size)."""
    grammar = lexicon.grammar
    keys = [key for key, _ in lexicon.phrases.entries()]
    first = frozenset(key[0] for key in keys)
    pair = _pair_openers(grammar.pair_determiners)
    pronouns = grammar.person_pronouns | grammar.thing_pronouns | grammar.self_pronouns
    lower = first | pair | pronouns | {"the"}
    norms = lower | {to_norm(word) for word in first}
    return _Openers(lower, first, norms, pair, pronouns, _after_the(lexicon, keys))


def _after_the(lexicon: Lexicon, keys: list[tuple[str, ...]]) -> frozenset[str] | None:
    """The words that, right after ``the``, may make a pair (``the two sides``), an
    anaphor (``the country``) or a phrase (``the Hague``) open at ``the``: any other
    word after it and ``the`` opens nothing. None where ``the`` alone may be one."""
    grammar = lexicon.grammar
    the = [key for key in keys if key[0].lower() == "the"]
    if any(len(key) == 1 for key in the) or "the" in grammar.person_pronouns | (
        grammar.thing_pronouns | grammar.self_pronouns
    ):
        return None
    words = {key[1] for key in the} | grammar.country_nouns
    words |= {d[len("the ") :] for d in grammar.pair_determiners if d.startswith("the ")}
    if "the" in grammar.pair_determiners:
        words |= grammar.pair_nouns
    return frozenset(words)


def _respell(cased: list[str], lower: list[str], lexicon: Lexicon) -> set[int]:
    """Correct, in place, capitalised words that misspell a known name by one letter
    (see ``spelling``); the positions corrected."""
    spell = speller(lexicon)
    corrected: set[int] = set()
    for k, near in enumerate(spell.slips_of(cased)):
        if not near:
            continue
        word = cased[k]
        # only a word of a longer phrase may complete one (as written, or as its norm)
        longer = spell.in_longer
        fitting = {w for w in near if w in longer or to_norm(w) in longer}
        known = _completing(cased, lower, k, fitting, lexicon, spell) if fitting else None
        if known is None and not _inside_a_name(cased, lower, k, lexicon):
            known = spell.country(word)
        if known is not None:
            cased[k], lower[k] = known, to_norm(known)
            corrected.add(k)
    return corrected


def _inside_a_name(cased: list[str], lower: list[str], k: int, lexicon: Lexicon) -> bool:
    """Whether a capitalised word other than an article stands right before or after
    ``k`` (``La Romana``): a word of a longer proper name, not a misspelled country."""
    articles = lexicon.grammar.determiners
    before = k > 0 and cased[k - 1][:1].isupper() and lower[k - 1] not in articles
    after = k + 1 < len(cased) and cased[k + 1][:1].isupper()
    return before or after


def _completing(
    cased: list[str], lower: list[str], k: int, near: set[str], lexicon: Lexicon, spell: Speller
) -> str | None:
    """The one known word that, put at ``k``, makes a name of two words or more with its
    neighbours (``Abdelaziz Bouteflicka``)."""
    fits = set()
    # the name opens at a word before k that opens some phrase, or at k itself with a
    # word opening a longer one
    before = [i for i in range(max(0, k - 2), k) if lexicon.phrases.starts(cased[i], lower[i])]
    opens = spell.opens_longer
    for known in near:
        at_k = known in opens or to_norm(known) in opens
        if not before and not at_k:
            continue
        trial_cased = [*cased[:k], known, *cased[k + 1 :]]
        trial_lower = [*lower[:k], to_norm(known), *lower[k + 1 :]]
        for i in [*before, k] if at_k else before:
            match = lexicon.phrases.match(trial_cased, trial_lower, i)
            if match is not None and match[0] >= 2 and i + match[0] > k:
                fits.add(known)
    return next(iter(fits)) if len(fits) == 1 else None


def _longer_after_article(
    cased: list[str], lower: list[str], i: int, n: int, lexicon: Lexicon
) -> bool:
    """A phrase written with its article (``the United Nations``) that a longer name
    starting one word later overruns (``United Nations Observer Mission in Angola``)."""
    if lower[i] not in lexicon.grammar.definite_determiners or i + 1 >= len(lower):
        return False
    later = lexicon.phrases.match(cased, lower, i + 1)
    return later is not None and i + 1 + later[0] > i + n


@lru_cache(maxsize=8)
def _pair_openers(determiners: frozenset[str]) -> frozenset[str]:
    """The first words of the pair determiners (``both``, ``the`` of ``the two``)."""
    return frozenset(d.split()[0] for d in determiners)


def _pair_length(
    lower: list[str], i: int, determiners: frozenset[str], nouns: frozenset[str]
) -> int:
    for n_det in (2, 1):
        det = " ".join(lower[i : i + n_det])
        if det in determiners and i + n_det < len(lower) and lower[i + n_det] in nouns:
            return n_det + 1
    return 0


def _is_pronoun(token: Token, lexicon: Lexicon) -> bool:
    g = lexicon.grammar
    if token.norm in g.person_pronouns or token.norm in g.thing_pronouns:
        return True
    # "US" in capitals is the country, matched before; "us" and "I" are pronouns
    return token.norm in g.self_pronouns and (token.text != token.text.upper() or token.text == "I")
