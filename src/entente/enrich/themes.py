"""Themes: what each sentence is about (defence, energy, trade...), and the words that show it.

The taxonomy lives in ``lexicons/data/themes.yaml``: each theme has cue words (every
plural or verb form matches), named systems (``S-400``, ``TikTok``, matched as written),
and CAMEO code prefixes whose events imply it. A sentence is read left to right; at each
token the longest cue phrase wins (``Security Council`` over ``security``), and a
``neutral`` phrase consumes its words without a theme (``think tank``). A hyphen joining
two words is ignored, so ``fighter-jet`` matches ``fighter jet``.

A theme's score in a sentence combines the weights ``w`` of its distinct cue words as
independent evidence, ``1 - prod(1 - w)``; a word repeated adds nothing. A finer theme's
cues count for its parent too (a sentence about ``OIL`` is about ``ENERGY``). Two
adjustments, both declared per theme in the data:

* an *occasion* theme (diplomacy, elections) is often the setting of the news, not the
  news ("said after talks with", "ahead of elections"): its cues in a clause opened by a
  setting word (``after``, ``during``) carry half their weight, and so do every theme's
  cues in a clause citing the past (``since``: "the worst violence since its civil war");
* a theme that *yields to* another (weapons to conflict, a summit to the trade deal it
  signs) keeps a quarter of each cue's weight in a sentence that shows the other theme
  (by its words or its events' codes): the missiles of a battle report are the means of
  the fighting, not its subject.

An event whose CAMEO code implies a theme adds it to its sentence when the words show
neither it nor one of the themes the implication gives way to, and the theme does not
yield there, with the implication's weight; its cue is the event's trigger. Events
presented as hypothetical, negated or cited as background imply nothing.

:func:`article_themes` combines the sentences the same way and keeps the themes at or
above :data:`THRESHOLD`: one clear cue, or two suggestive ones, anywhere in the
article.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
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
# An article (or a sentence) shows a theme when its combined weight reaches this: one cue
# of weight 0.5 or more, or two of 0.3 (1 - 0.7 * 0.7 = 0.51).
THRESHOLD = 0.5
CODE_RULE = "cameo:"  # rule prefix of a theme implied by an event's CAMEO code
_YIELD_FACTOR = 0.25  # what is left of a cue's weight where its theme yields to another
_SETTING_FACTOR = 0.5  # an occasion theme's cue in a setting clause ("after talks")
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "-", '"', "."})
_LONE_WEAK = 0.3  # a sentence tag below this (one weak cue) does not count for the article
_IMPLYING = frozenset({Factuality.ASSERTED, Factuality.REPORTED, Factuality.FUTURE})

Words = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cue:
    """What one cue phrase shows: its theme, weight and the entry naming it."""

    theme: str
    weight: float
    rule: str  # "TRADE:tariff"

    @property
    def phrase(self) -> str:
        return self.rule.split(":", 1)[1]


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue phrase found at sentence tokens ``[start, end)`` (hyphens skipped)."""

    span: Span
    start: int
    cues: tuple[Cue, ...]


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


class ThemeIndex:
    """Cue phrases by first word: lower-case ones matched on ``norm``, named ones on the
    cased form; with the taxonomy's structure the stage needs."""

    def __init__(self, lexicon: Lexicon) -> None:
        taxonomy = lexicon.taxonomy
        self.parents = {t.id: t.parent for t in taxonomy.themes if t.parent}
        self.occasions = frozenset(t.id for t in taxonomy.themes if t.occasion)
        self.yields = {t.id: frozenset(t.yields_to) for t in taxonomy.themes if t.yields_to}
        self.settings = tuple(_words(s, cased=False) for s in taxonomy.settings)
        self.background = tuple(_words(s, cased=False) for s in taxonomy.background)
        self.implications = tuple(
            Implication(i.code, t.id, i.weight, frozenset(i.unless))
            for t in taxonomy.themes
            for i in t.cameo
        )
        self._tables: dict[bool, dict[str, dict[Words, list[Cue]]]] = {True: {}, False: {}}

    def add(self, words: Words, cue: Cue | None, *, cased: bool) -> None:
        if not words:
            return
        bucket = self._tables[cased].setdefault(words[0], {}).setdefault(words, [])
        if cue is not None and cue not in bucket:
            bucket.append(cue)

    def starts(self) -> tuple[dict[str, dict[Words, list[Cue]]], dict[str, dict[Words, list[Cue]]]]:
        """The first words of the lower-case phrases, and of the cased ones."""
        return self._tables[False], self._tables[True]

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

    def with_parent(self, theme: str) -> tuple[str, ...]:
        parent = self.parents.get(theme)
        return (theme, parent) if parent else (theme,)


@lru_cache(maxsize=4)
def compile_themes(lexicon: Lexicon) -> ThemeIndex:
    """Every cue of the taxonomy in every form (cached per lexicon)."""
    index = ThemeIndex(lexicon)
    for theme in lexicon.taxonomy.themes:
        for group in theme.cues:
            for phrase, words, cased in _forms(group, lexicon):
                index.add(words, Cue(theme.id, group.weight, f"{theme.id}:{phrase}"), cased=cased)
    for phrase in lexicon.taxonomy.neutral:
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
    spans = iter_raw_tokens(phrase)
    return tuple(convert(phrase[s:e]) for s, e, _ in spans if to_norm(phrase[s:e]) != "-")


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
    tokens = analysis.sentence_tokens(sentence)
    matches = [_in_setting(m, tokens, index) for m in find_cues(tokens, index)]
    evidence = _evidence(matches, index)
    implied = _implied(analysis, sentence, index, evidence, set())
    shown = _shown(evidence) | {t.theme for t in implied if t.score >= THRESHOLD}
    yielding = {theme for theme, others in index.yields.items() if others & shown}
    if yielding:
        evidence = _evidence([_yielded(m, yielding) for m in matches], index)
        implied = _implied(analysis, sentence, index, evidence, yielding)
    tags = [_tag(theme, sentence, found) for theme, found in evidence.items()]
    return sorted(tags + implied, key=lambda t: (-t.score, t.theme))


def find_cues(tokens: tuple[Token, ...], index: ThemeIndex) -> Iterator[CueMatch]:
    """Cue phrases in ``tokens``, longest first at each position, left to right."""
    kept = _joined(tokens)
    lower = [tokens[k].norm for k in kept]
    cased = [to_cased(tokens[k].text) for k in kept]
    lower_starts, cased_starts = index.starts()
    i = 0
    while i < len(kept):
        if lower[i] not in lower_starts and cased[i] not in cased_starts:
            i += 1  # no cue phrase opens here
            continue
        n, cues = index.match(lower, cased, i)
        if n and cues:
            first, last = tokens[kept[i]], tokens[kept[i + n - 1]]
            yield CueMatch(Span(first.span.start, last.span.end), kept[i], cues)
        i += max(n, 1)


def _joined(tokens: tuple[Token, ...]) -> list[int]:
    """Indices of the tokens but the hyphens that join two words (``fighter-jet``)."""
    kept = []
    for k, t in enumerate(tokens):
        joins = (
            t.norm == "-"
            and 0 < k < len(tokens) - 1
            and tokens[k - 1].span.end == t.span.start
            and t.span.end == tokens[k + 1].span.start
        )
        if not joins:
            kept.append(k)
    return kept


def _in_setting(match: CueMatch, tokens: tuple[Token, ...], index: ThemeIndex) -> CueMatch:
    """Cues at half weight in a clause citing the past, and an occasion theme's in a
    clause opened by a setting word."""
    start = match.start
    while start > 0 and tokens[start - 1].norm not in _CLAUSE_BREAKS:
        start -= 1
    clause = [t.norm for t in tokens[start : match.start]]
    if any(_contains(clause, words) for words in index.background):
        halved = {cue.theme for cue in match.cues}
    elif any(_contains(clause, words) for words in index.settings):
        halved = {cue.theme for cue in match.cues} & index.occasions
    else:
        return match
    cues = tuple(
        replace(cue, weight=cue.weight * _SETTING_FACTOR) if cue.theme in halved else cue
        for cue in match.cues
    )
    return replace(match, cues=cues)


def _contains(words: list[str], phrase: Words) -> bool:
    n = len(phrase)
    return any(tuple(words[k : k + n]) == phrase for k in range(len(words) - n + 1))


def _yielded(match: CueMatch, yielding: set[str]) -> CueMatch:
    cues = tuple(
        replace(cue, weight=cue.weight * _YIELD_FACTOR) if cue.theme in yielding else cue
        for cue in match.cues
    )
    return replace(match, cues=cues)


def _evidence(matches: list[CueMatch], index: ThemeIndex) -> dict[str, dict[str, Evidence]]:
    """For each theme, its distinct cue words with their strongest reading."""
    evidence: dict[str, dict[str, Evidence]] = defaultdict(dict)
    for match in matches:
        for theme, cue in _strongest_cues(match, index).items():
            seen = evidence[theme].get(cue.phrase)
            spans = (*seen.spans, match.span) if seen else (match.span,)
            if seen and seen.cue.weight >= cue.weight:
                cue = seen.cue
            evidence[theme][cue.phrase] = Evidence(cue, spans)
    return evidence


def _strongest_cues(match: CueMatch, index: ThemeIndex) -> dict[str, Cue]:
    """For each theme a match shows (a finer theme's parent included), its strongest cue:
    one word counts once per theme."""
    best: dict[str, Cue] = {}
    for cue in match.cues:
        for theme in index.with_parent(cue.theme):
            if theme not in best or cue.weight > best[theme].weight:
                best[theme] = cue
    return best


def _shown(evidence: dict[str, dict[str, Evidence]]) -> set[str]:
    """The themes the words show: a combined weight at or above :data:`THRESHOLD`."""
    return {theme for theme, found in evidence.items() if _score(found) >= THRESHOLD}


def _score(found: dict[str, Evidence]) -> float:
    return combine(e.cue.weight for e in found.values())


def _tag(theme: str, sentence: int, found: dict[str, Evidence]) -> ThemeTag:
    strongest = max(found.values(), key=lambda e: e.cue.weight)  # the first of the strongest
    return ThemeTag(
        theme=theme,
        sentence=sentence,
        score=_score(found),
        cues=tuple(sorted({span for e in found.values() for span in e.spans})),
        provenance=Provenance(LAYER, strongest.cue.rule),
    )


def _implied(
    analysis: Analysis,
    sentence: int,
    index: ThemeIndex,
    evidence: dict[str, dict[str, Evidence]],
    yielding: set[str],
) -> list[ThemeTag]:
    """Themes the sentence's events imply by their CAMEO codes and its words do not show;
    none that yields there, and none whose cue words the event's trigger holds (the same
    words count once). The cues are the events' triggers."""
    shown = _shown(evidence)
    weights: dict[str, dict[str, float]] = defaultdict(dict)  # theme: code prefix: weight
    triggers: dict[str, set[Span]] = defaultdict(set)
    for event in analysis.events:
        if event.sentence != sentence or event.factuality not in _IMPLYING:
            continue
        for imp in index.implications:
            if not event.cameo.startswith(imp.code) or imp.theme in yielding:
                continue
            if imp.unless & shown or _holds_cue(event.trigger, evidence.get(imp.theme, {})):
                continue
            for theme in index.with_parent(imp.theme):
                if theme not in shown:
                    weights[theme][imp.code] = imp.weight
                    triggers[theme].add(event.trigger)
    tags = []
    for theme, by_code in weights.items():
        code = max(by_code, key=lambda c: (by_code[c], len(c)))  # strongest, most specific
        rule = Provenance(LAYER, CODE_RULE + code)
        tags.append(ThemeTag(theme, sentence, by_code[code], tuple(sorted(triggers[theme])), rule))
    return tags


def _holds_cue(trigger: Span, found: dict[str, Evidence]) -> bool:
    return any(trigger.overlaps(span) for e in found.values() for span in e.spans)


def combine(weights: Iterable[float]) -> float:
    """Independent pieces of evidence combined: ``1 - prod(1 - w)``, rounded to 4 places."""
    return round(1 - math.prod(1 - w for w in weights), 4)


def article_themes(analysis: Analysis) -> tuple[tuple[str, float], ...]:
    """The article's themes with their weight, strongest first: the sentences' scores
    combined, kept at or above :data:`THRESHOLD`. A sentence holding only a weak cue of a
    theme (score below 0.3) does not count: weak cues show a theme only beside others in
    the same sentence. Parents are included (the stage tags them with their children)."""
    scores: dict[str, list[float]] = defaultdict(list)
    for tag in analysis.themes:
        if tag.score >= _LONE_WEAK:
            scores[tag.theme].append(tag.score)
    weights = {theme: combine(found) for theme, found in scores.items()}
    ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    return tuple((theme, weight) for theme, weight in ranked if weight >= THRESHOLD)


def event_themes(analysis: Analysis, event: Event) -> tuple[str, ...]:
    """The themes the sentence carrying ``event`` shows (score at or above
    :data:`THRESHOLD`), strongest first, with those its own code implies (not those another
    event's code implies in the same sentence)."""
    themes: dict[str, None] = {}
    for tag in analysis.themes:
        if tag.sentence != event.sentence or tag.score < THRESHOLD:
            continue
        if tag.provenance.rule.startswith(CODE_RULE) and event.trigger not in tag.cues:
            continue
        themes[tag.theme] = None
    return tuple(themes)
