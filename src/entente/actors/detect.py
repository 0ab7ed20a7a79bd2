"""Finding candidate actor phrases in a sentence (no resolution yet)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from entente.actors.spelling import speller
from entente.lexicons.lexicon import EntryKind, Lexicon, PhraseEntry
from entente.model import Token
from entente.text.normalize import fold
from entente.text.tokens import to_norm


@dataclass(frozen=True, slots=True)
class Candidate:
    """A lexicon phrase, pronoun or pair anaphor found at tokens ``[start, end)``."""

    start: int
    end: int
    kind: EntryKind | str
    entry: PhraseEntry | None = None


PRONOUN = "pronoun"
PAIR = "pair"
COUNTRY_ANAPHOR = "country-anaphor"  # the country, the nation


def find_candidates(
    tokens: tuple[Token, ...], start: int, end: int, lexicon: Lexicon
) -> list[Candidate]:
    """Left-to-right longest-match candidates in tokens ``[start, end)``."""
    cased = [fold(t.text) for t in tokens[start:end]]
    lower = [t.norm for t in tokens[start:end]]
    respelled = _respell(cased, lower, lexicon)
    grammar = lexicon.grammar
    phrases = lexicon.phrases
    pair_openers = _pair_openers(grammar.pair_determiners)
    pronouns = grammar.person_pronouns | grammar.thing_pronouns | grammar.self_pronouns
    found: list[Candidate] = []
    i = 0
    while i < len(cased):
        if (
            lower[i] not in pair_openers
            and lower[i] != "the"
            and not phrases.starts(cased[i], lower[i])
        ):
            # no pair, anaphor or phrase opens here: only a pronoun may
            if lower[i] in pronouns and _is_pronoun(tokens[start + i], lexicon):
                found.append(Candidate(start + i, start + i + 1, PRONOUN))
            i += 1
            continue
        pair = _pair_length(lower, i, grammar.pair_determiners, grammar.pair_nouns)
        if pair:
            found.append(Candidate(start + i, start + i + pair, PAIR))
            i += pair
            continue
        if (
            i + 1 < len(lower)
            and lower[i] == "the"
            and lower[i + 1] in grammar.country_nouns
            and (i + 2 >= len(lower) or lower[i + 2] != "'s")
        ):
            found.append(Candidate(start + i, start + i + 2, COUNTRY_ANAPHOR))
            i += 2
            continue
        match = lexicon.phrases.match(cased, lower, i)
        if match is not None and _longer_after_article(cased, lower, i, match[0], lexicon):
            i += 1  # "the United Nations Observer Mission": the article is not the name's
            continue
        if match is not None:
            n, entry = match
            if respelled.intersection(range(i, i + n)):
                entry = replace(entry, rule=f"{entry.rule}+respelled")
            if entry.kind is not EntryKind.NOT_ACTOR:
                found.append(Candidate(start + i, start + i + n, entry.kind, entry))
            i += n
            continue
        if _is_pronoun(tokens[start + i], lexicon):
            found.append(Candidate(start + i, start + i + 1, PRONOUN))
        i += 1
    return found


def _respell(cased: list[str], lower: list[str], lexicon: Lexicon) -> set[int]:
    """Correct, in place, capitalised words that misspell a known name by one letter
    (see ``spelling``); the positions corrected."""
    spell = speller(lexicon)
    corrected: set[int] = set()
    for k, word in enumerate(cased):
        near = spell.near(word)
        if not near:
            continue
        known = _completing(cased, lower, k, near, lexicon)
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
    cased: list[str], lower: list[str], k: int, near: set[str], lexicon: Lexicon
) -> str | None:
    """The one known word that, put at ``k``, makes a name of two words or more with its
    neighbours (``Abdelaziz Bouteflicka``)."""
    fits = set()
    for known in near:
        trial_cased = [*cased[:k], known, *cased[k + 1 :]]
        trial_lower = [*lower[:k], to_norm(known), *lower[k + 1 :]]
        for i in range(max(0, k - 2), k + 1):
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
