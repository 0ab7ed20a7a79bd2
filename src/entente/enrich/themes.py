"""Themes: what each sentence is about (defence, energy, trade...), and the words that show it.

The taxonomy lives in ``lexicons/data/themes.yaml``: each theme has cue words (every
plural or verb form matches), named systems (``S-400``, ``TikTok``, matched as written),
and CAMEO code prefixes whose events imply it. A sentence is read left to right; at each
token the longest cue phrase wins (``Security Council`` over ``security``), and a
``neutral`` phrase consumes its words without a theme (``think tank``). A hyphen joining
two words is ignored, so ``fighter-jet`` matches ``fighter jet`` and ``S400`` is not
needed beside ``S-400``.

A theme's score in a sentence combines the weights ``w`` of its distinct cues as
independent evidence: ``1 - prod(1 - w)``. A finer theme's cues count for its parent too
(a sentence about ``OIL`` is about ``ENERGY``). An event whose CAMEO code implies a theme
adds it to its sentence when the words do not already show it (nor one of the themes the
implication yields to), with the implication's weight; its cue is the event's trigger.

:func:`article_themes` combines the sentences the same way and keeps the themes at or
above :data:`ARTICLE_THRESHOLD`: one clear cue, or two suggestive ones, anywhere in the
article.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from entente.lexicons.lexicon import Lexicon
from entente.lexicons.schema import ThemeCues
from entente.model import (
    Analysis,
    Event,
    Factuality,
    Provenance,
    SentenceKind,
    Span,
    ThemeTag,
    Token,
)
from entente.text.tokens import iter_raw_tokens, to_cased, to_norm

LAYER = "themes"
# An article is about a theme when its combined weight reaches this: one cue of weight
# 0.5 or more, or two of 0.3 (1 - 0.7 * 0.7 = 0.51), anywhere in the article.
ARTICLE_THRESHOLD = 0.5
CODE_RULE = "cameo:"  # rule prefix of a theme implied by an event's CAMEO code

Words = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cue:
    """What one cue phrase shows: its theme, weight and the entry naming it."""

    theme: str
    weight: float
    rule: str  # "TRADE:tariff"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A cue word found in a sentence: its strongest reading and every place it occurs."""

    cue: Cue
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Implication:
    code: str
    theme: str
    weight: float
    unless: frozenset[str]


@dataclass(frozen=True, slots=True)
class CueMatch:
    span: Span
    cues: tuple[Cue, ...]


class ThemeIndex:
    """Cue phrases by first word, longest first: lower-case ones matched on ``norm``,
    named ones on the cased form."""

    def __init__(self, parents: dict[str, str], implications: tuple[Implication, ...]) -> None:
        self.parents = parents
        self.implications = implications
        self._tables: dict[bool, dict[str, dict[Words, list[Cue]]]] = {True: {}, False: {}}

    def add(self, words: Words, cue: Cue | None, *, cased: bool) -> None:
        if not words:
            return
        bucket = self._tables[cased].setdefault(words[0], {}).setdefault(words, [])
        if cue is not None and cue not in bucket:
            bucket.append(cue)

    def match(self, lower: list[str], cased: list[str], i: int) -> tuple[int, tuple[Cue, ...]]:
        """The longest phrase at ``i``: its length (0 for none) and its cues (none for
        a neutral phrase)."""
        best = 0
        cues: tuple[Cue, ...] = ()
        for is_cased, keys in ((False, lower), (True, cased)):
            for words, found in self._tables[is_cased].get(keys[i], {}).items():
                n = len(words)
                if n >= best and tuple(keys[i : i + n]) == words:
                    cues = (*cues, *found) if n == best else tuple(found)
                    best = n
        return best, cues


@lru_cache(maxsize=4)
def compile_themes(lexicon: Lexicon) -> ThemeIndex:
    """Every cue of the taxonomy in every form (cached per lexicon)."""
    taxonomy = lexicon.taxonomy
    parents = {t.id: t.parent for t in taxonomy.themes if t.parent}
    implications = tuple(
        Implication(i.code, t.id, i.weight, frozenset(i.unless))
        for t in taxonomy.themes
        for i in t.cameo
    )
    index = ThemeIndex(parents, implications)
    for theme in taxonomy.themes:
        for group in theme.cues:
            for phrase, words, cased in _forms(group, lexicon):
                index.add(words, Cue(theme.id, group.weight, f"{theme.id}:{phrase}"), cased=cased)
    for phrase in taxonomy.neutral:
        index.add(_words(phrase, cased=False), None, cased=False)
    return index


def _forms(group: ThemeCues, lexicon: Lexicon) -> Iterator[tuple[str, Words, bool]]:
    inflect = lexicon.inflector
    for word in group.words:
        for form in inflect.noun_forms(word):
            yield word, _words(form, cased=False), False
    for verb in group.verbs:
        for form in inflect.verb_forms(verb):
            yield verb, _words(form, cased=False), False
    for name in group.names:
        words = _words(name, cased=True)
        yield name, words, True
        if words and words[-1][-1:].isalnum() and not words[-1].endswith("s"):
            yield name, (*words[:-1], words[-1] + "s"), True  # F-35s, Rafales


def _words(phrase: str, *, cased: bool) -> Words:
    convert = to_cased if cased else to_norm
    return tuple(
        convert(phrase[s:e]) for s, e, _ in iter_raw_tokens(phrase) if phrase[s:e] not in "-‐‑–"
    )


def analyze_themes(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """Tag every sentence with the themes its words show, and its events' codes when the
    events layer has run (a pipeline without it, such as actor lookup, still works)."""
    analysis.require("text")
    index = compile_themes(lexicon)
    tags: list[ThemeTag] = []
    for sentence in analysis.sentences:
        if sentence.kind is not SentenceKind.META:
            tags.extend(tag_sentence(analysis, sentence.index, index))
    return analysis.with_layer(LAYER, themes=tuple(tags))


def tag_sentence(analysis: Analysis, sentence: int, index: ThemeIndex) -> list[ThemeTag]:
    """The themes of one sentence, strongest first."""
    evidence: dict[str, dict[str, Evidence]] = defaultdict(dict)
    for match in find_cues(analysis.sentence_tokens(sentence), index):
        for theme, cue in _strongest_cues(match, index).items():
            phrase = cue.rule.split(":", 1)[1]  # the same word again adds no evidence
            seen = evidence[theme].get(phrase)
            spans = (*seen.spans, match.span) if seen else (match.span,)
            if seen and seen.cue.weight >= cue.weight:
                cue = seen.cue
            evidence[theme][phrase] = Evidence(cue, spans)
    tags = [_tag(theme, sentence, found) for theme, found in evidence.items()]
    tags += _implied(analysis, sentence, index, frozenset(evidence))
    return sorted(tags, key=lambda t: (-t.score, t.theme))


def _strongest_cues(match: CueMatch, index: ThemeIndex) -> dict[str, Cue]:
    """For each theme a match shows (a finer theme's parent included), its strongest cue:
    one word counts once per theme."""
    best: dict[str, Cue] = {}
    for cue in match.cues:
        for theme in _with_parent(cue.theme, index):
            if theme not in best or cue.weight > best[theme].weight:
                best[theme] = cue
    return best


def find_cues(tokens: tuple[Token, ...], index: ThemeIndex) -> Iterator[CueMatch]:
    """Cue phrases in ``tokens``, longest first at each position, left to right."""
    words = _joined(tokens)
    lower = [t.norm for t in words]
    cased = [to_cased(t.text) for t in words]
    i = 0
    while i < len(words):
        n, cues = index.match(lower, cased, i)
        if n and cues:
            yield CueMatch(Span(words[i].span.start, words[i + n - 1].span.end), cues)
        i += max(n, 1)


def _joined(tokens: tuple[Token, ...]) -> list[Token]:
    """The tokens without the hyphens that join two words (``fighter-jet``, ``S-400``)."""
    kept = []
    for k, t in enumerate(tokens):
        joins = (
            t.norm == "-"
            and 0 < k < len(tokens) - 1
            and tokens[k - 1].span.end == t.span.start
            and t.span.end == tokens[k + 1].span.start
        )
        if not joins:
            kept.append(t)
    return kept


def _with_parent(theme: str, index: ThemeIndex) -> tuple[str, ...]:
    parent = index.parents.get(theme)
    return (theme, parent) if parent else (theme,)


def _tag(theme: str, sentence: int, found: dict[str, Evidence]) -> ThemeTag:
    strongest = max(found.values(), key=lambda e: e.cue.weight)  # the first of the strongest
    return ThemeTag(
        theme=theme,
        sentence=sentence,
        score=combine(e.cue.weight for e in found.values()),
        cues=tuple(sorted({span for e in found.values() for span in e.spans})),
        provenance=Provenance(LAYER, strongest.cue.rule),
    )


def _implied(
    analysis: Analysis, sentence: int, index: ThemeIndex, shown: frozenset[str]
) -> list[ThemeTag]:
    """Themes the sentence's events imply by their CAMEO codes and its words do not show;
    an event cited as background implies nothing. The cues are the events' triggers."""
    weights: dict[str, dict[str, float]] = defaultdict(dict)  # theme: code prefix: weight
    triggers: dict[str, set[Span]] = defaultdict(set)
    for event in analysis.events:
        if event.sentence != sentence or event.factuality is Factuality.BACKGROUND:
            continue
        for imp in index.implications:
            if event.cameo.startswith(imp.code) and not imp.unless & shown:
                for theme in _with_parent(imp.theme, index):
                    if theme not in shown:
                        weights[theme][imp.code] = imp.weight
                        triggers[theme].add(event.trigger)
    tags = []
    for theme, by_code in weights.items():
        code = max(by_code, key=lambda c: (by_code[c], len(c)))  # strongest, most specific
        rule = Provenance(LAYER, CODE_RULE + code)
        tags.append(ThemeTag(theme, sentence, by_code[code], tuple(sorted(triggers[theme])), rule))
    return tags


def combine(weights: Iterable[float]) -> float:
    """Independent pieces of evidence combined: ``1 - prod(1 - w)``, rounded to 4 places."""
    return round(1 - math.prod(1 - w for w in weights), 4)


def article_themes(analysis: Analysis) -> tuple[tuple[str, float], ...]:
    """The article's themes with their weight, strongest first: the sentences' scores
    combined, kept at or above :data:`ARTICLE_THRESHOLD`. Parents are included (the
    stage tags them with their children)."""
    scores: dict[str, list[float]] = defaultdict(list)
    for tag in analysis.themes:
        scores[tag.theme].append(tag.score)
    weights = {theme: combine(found) for theme, found in scores.items()}
    ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    return tuple((theme, weight) for theme, weight in ranked if weight >= ARTICLE_THRESHOLD)


def event_themes(analysis: Analysis, event: Event) -> tuple[str, ...]:
    """The themes of the sentence carrying ``event``, strongest first, plus those its own
    code implies (not those another event's code implies in the same sentence)."""
    themes: dict[str, None] = {}
    for tag in analysis.themes:
        if tag.sentence != event.sentence:
            continue
        if tag.provenance.rule.startswith(CODE_RULE) and event.trigger not in tag.cues:
            continue
        themes[tag.theme] = None
    return tuple(themes)
