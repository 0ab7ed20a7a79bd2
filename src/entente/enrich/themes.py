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

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

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
# A phrase of the index: its length, its words, whether they are cased, its cues
_Entry = tuple[int, Words, bool, tuple["Cue", ...]]


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

    def __init__(self, span: Span, start: int, cues: tuple[Cue, ...]) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "cues", cues)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A cue word found in a sentence: its strongest reading and every place it occurs."""

    cue: Cue
    spans: tuple[Span, ...]

    def __init__(self, cue: Cue, spans: tuple[Span, ...]) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "spans", spans)


@dataclass(frozen=True, slots=True)
class Implication:
    code: str
    theme: str
    weight: float
    unless: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Opening:
    """The phrases opening with one ``norm``: longest first (at one length, lower-case
    before cased, each in the order added, as the longest match reads them); whether one
    is that word alone; the ``norm`` of the second words of the others; and the cues of
    the one phrase when it is a single lower-case word (nothing to compare)."""

    entries: tuple[_Entry, ...]
    single: bool
    seconds: frozenset[str]
    only: tuple[Cue, ...] | None

    @classmethod
    def of(cls, entries: list[_Entry]) -> _Opening:
        ordered = tuple(sorted(entries, key=lambda e: -e[0]))  # stable: keeps the order
        seconds = frozenset(to_norm(e[1][1]) for e in entries if e[0] > 1)
        single = any(e[0] == 1 for e in entries)
        alone = len(entries) == 1 and single and not entries[0][2]
        return cls(ordered, single, seconds, entries[0][3] if alone else None)


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
        # Built by :meth:`finish`: by the ``norm`` of a phrase's first word, its phrases
        # longest first (lower-case before cased at one length, as :meth:`match` reads
        # them), and the first words of the setting and background phrases.
        self._by_norm: dict[str, _Opening] = {}
        # the norms a phrase of one word is, and the first two of the longer ones': words
        # holding neither (their hyphens kept) open no phrase
        self.singles: frozenset[str] = frozenset()
        self.pairs: frozenset[tuple[str, str]] = frozenset()
        self.setting_starts = frozenset(w[0] for w in (*self.settings, *self.background) if w)

    def add(self, words: Words, cue: Cue | None, *, cased: bool) -> None:
        if not words:
            return
        bucket = self._tables[cased].setdefault(words[0], {}).setdefault(words, [])
        if cue is not None and cue not in bucket:
            bucket.append(cue)

    def finish(self) -> None:
        """Index the phrases by the ``norm`` of their first word, for :func:`find_cues`.
        A token's ``norm`` is the ``norm`` of its cased form, so a cased phrase can open
        only where its first word's ``norm`` is, and go on where its second word's is."""
        by_norm: dict[str, list[_Entry]] = defaultdict(list)
        for is_cased in (False, True):
            for first, phrases in self._tables[is_cased].items():
                key = to_norm(first) if is_cased else first
                for words, found in phrases.items():
                    by_norm[key].append((len(words), words, is_cased, tuple(found)))
        self._by_norm = {k: _Opening.of(v) for k, v in by_norm.items()}
        self.singles = frozenset(k for k, o in self._by_norm.items() if o.single)
        self.pairs = frozenset((k, w) for k, o in self._by_norm.items() for w in o.seconds)

    def openings(self) -> dict[str, _Opening]:
        """The phrases by the ``norm`` of their first word."""
        return self._by_norm

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
    index.finish()
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
    implying: dict[int, list[Event]] = defaultdict(list)
    for event in analysis.events:
        if event.factuality in _IMPLYING:
            implying[event.sentence].append(event)
    tokens = analysis.tokens
    norms = [t.norm for t in tokens]
    singles, pairs = index.singles, index.pairs
    tags: list[ThemeTag] = []
    for sentence in analysis.sentences:
        if sentence.kind is SentenceKind.META:
            continue
        events = implying.get(sentence.index, ())
        start, end = sentence.token_start, sentence.token_end
        words = norms[start:end]
        if (
            not events
            and singles.isdisjoint(words)
            and pairs.isdisjoint(pairwise(words))
            and "-" not in words  # a joining hyphen drops out, making other pairs
        ):
            continue  # no cue phrase opens here: no cue, no tag
        tags.extend(_tag_words(tokens[start:end], words, sentence.index, index, events))
    return analysis.with_layer(LAYER, themes=tuple(tags))


def tag_sentence(
    analysis: Analysis,
    sentence: int,
    index: ThemeIndex,
    events: Sequence[Event] | None = None,
) -> list[ThemeTag]:
    """The themes of one sentence, strongest first. ``events``: those of the sentence
    that may imply a theme (asserted, reported or future), found when not given."""
    if events is None:
        events = [e for e in analysis.events if e.sentence == sentence]
        events = [e for e in events if e.factuality in _IMPLYING]
    tokens = analysis.sentence_tokens(sentence)
    return _tag_words(tokens, [t.norm for t in tokens], sentence, index, events)


def _tag_words(
    tokens: tuple[Token, ...],
    norms: list[str],
    sentence: int,
    index: ThemeIndex,
    events: Sequence[Event],
) -> list[ThemeTag]:
    """:func:`tag_sentence` of a sentence's ``tokens`` and their ``norms``."""
    matches = find_cues(tokens, index, norms)
    if not matches and not events:
        return []
    if not index.setting_starts.isdisjoint(norms):  # else no clause is a setting
        matches = [_in_setting(m, norms, index) for m in matches]
    evidence = _evidence(matches, index)
    scores = _scores(evidence)
    by_words = _shown(scores)
    implied = _implied(events, sentence, index, evidence, by_words, set())
    shown = by_words | {t.theme for t in implied if t.score >= THRESHOLD}
    yielding = {theme for theme, others in index.yields.items() if others & shown}
    if yielding:
        if any(cue.theme in yielding for m in matches for cue in m.cues):
            # else no cue changes and neither does the evidence
            evidence = _evidence([_yielded(m, yielding) for m in matches], index)
            scores = _scores(evidence)
            by_words = _shown(scores)
        implied = _implied(events, sentence, index, evidence, by_words, yielding)
    tags = [_tag(theme, sentence, found, scores[theme]) for theme, found in evidence.items()]
    return sorted(tags + implied, key=_rank)


def find_cues(
    tokens: tuple[Token, ...],
    index: ThemeIndex,
    norms: list[str] | None = None,
) -> list[CueMatch]:
    """Cue phrases in ``tokens`` (whose ``norm`` are ``norms`` when given), longest
    first at each position, left to right."""
    if norms is None:
        norms = [t.norm for t in tokens]
    kept: Sequence[int]
    openings = index.openings()
    if "-" in norms:
        kept = _joined(tokens, norms)
        lower = [norms[k] for k in kept]
    else:
        kept = range(len(tokens))
        lower = norms
    found: list[CueMatch] = []
    after = 0  # the first position a phrase may open at (past the last one)
    end = len(lower) - 1
    for i in [i for i, word in enumerate(lower) if word in openings]:  # a phrase may open
        if i < after:
            continue
        opening = openings[lower[i]]
        if not opening.single and (i == end or lower[i + 1] not in opening.seconds):
            continue  # no phrase goes on here
        if opening.only is not None:
            n, cues = 1, opening.only
        else:
            n, cues = _longest(opening.entries, lower, tokens, kept, i)
        if n and cues:
            first, last = tokens[kept[i]], tokens[kept[i + n - 1]]
            found.append(CueMatch(Span(first.span.start, last.span.end), kept[i], cues))
        after = i + max(n, 1)
    return found


def _longest(
    entries: tuple[_Entry, ...],
    lower: list[str],
    tokens: tuple[Token, ...],
    kept: Sequence[int],
    i: int,
) -> tuple[int, tuple[Cue, ...]]:
    """The longest phrase of ``entries`` at ``i``: its length (0 for none) and its cues
    (none for a neutral phrase); those of one length in the index's order."""
    best = 0
    cues: tuple[Cue, ...] = ()
    cased: list[str] | None = None
    for n, words, is_cased, found in entries:
        if n < best:
            break
        if is_cased:
            if cased is None:
                cased = [to_cased(tokens[k].text) for k in kept[i : i + entries[0][0]]]
            if tuple(cased[:n]) != words:
                continue
        elif n > 1 and tuple(lower[i : i + n]) != words:
            continue
        cues = (*cues, *found) if n == best else found
        best = n
    return best, cues


def _joined(tokens: tuple[Token, ...], norms: list[str]) -> list[int]:
    """Indices of the tokens but the hyphens that join two words (``fighter-jet``)."""
    last = len(tokens) - 1
    joins = {
        k
        for k, word in enumerate(norms)
        if word == "-"
        and 0 < k < last
        and tokens[k - 1].span.end == tokens[k].span.start
        and tokens[k].span.end == tokens[k + 1].span.start
    }
    return [k for k in range(len(tokens)) if k not in joins]


def _in_setting(match: CueMatch, norms: list[str], index: ThemeIndex) -> CueMatch:
    """Cues at half weight in a clause citing the past, and an occasion theme's in a
    clause opened by a setting word (``norms``: those of the sentence's tokens)."""
    start = match.start
    while start > 0 and norms[start - 1] not in _CLAUSE_BREAKS:
        start -= 1
    clause = norms[start : match.start]
    if index.setting_starts.isdisjoint(clause):
        return match
    if any(_contains(clause, words) for words in index.background):
        halved = {cue.theme for cue in match.cues}
    elif any(_contains(clause, words) for words in index.settings):
        halved = {cue.theme for cue in match.cues} & index.occasions
    else:
        return match
    cues = tuple(
        Cue(cue.theme, cue.weight * _SETTING_FACTOR, cue.rule) if cue.theme in halved else cue
        for cue in match.cues
    )
    return CueMatch(match.span, match.start, cues)


def _contains(words: list[str], phrase: Words) -> bool:
    """Whether ``phrase`` occurs in ``words`` (looked for where its first word is)."""
    if not phrase:
        return True
    n, k = len(phrase), -1
    try:
        while True:
            k = words.index(phrase[0], k + 1)
            if tuple(words[k : k + n]) == phrase:
                return True
    except ValueError:
        return False


def _yielded(match: CueMatch, yielding: set[str]) -> CueMatch:
    cues = tuple(
        Cue(cue.theme, cue.weight * _YIELD_FACTOR, cue.rule) if cue.theme in yielding else cue
        for cue in match.cues
    )
    return CueMatch(match.span, match.start, cues)


def _evidence(matches: list[CueMatch], index: ThemeIndex) -> dict[str, dict[str, Evidence]]:
    """For each theme, its distinct cue words with their strongest reading."""
    evidence: dict[str, dict[str, Evidence]] = defaultdict(dict)
    for match in matches:
        if len(match.cues) == 1:  # the one cue is the strongest for its theme and parent
            cue = match.cues[0]
            phrase = cue.phrase
            for theme in index.with_parent(cue.theme):
                _add_evidence(evidence[theme], phrase, cue, match.span)
        else:
            for theme, cue in _strongest_cues(match, index).items():
                _add_evidence(evidence[theme], cue.phrase, cue, match.span)
    return evidence


def _add_evidence(found: dict[str, Evidence], phrase: str, cue: Cue, span: Span) -> None:
    """Count ``cue`` (whose phrase is ``phrase``) at ``span`` in a theme's evidence."""
    seen = found.get(phrase)
    if seen is None:
        found[phrase] = Evidence(cue, (span,))
    else:
        found[phrase] = Evidence(
            seen.cue if seen.cue.weight >= cue.weight else cue, (*seen.spans, span)
        )


def _strongest_cues(match: CueMatch, index: ThemeIndex) -> dict[str, Cue]:
    """For each theme a match shows (a finer theme's parent included), its strongest cue:
    one word counts once per theme."""
    best: dict[str, Cue] = {}
    for cue in match.cues:
        for theme in index.with_parent(cue.theme):
            if theme not in best or cue.weight > best[theme].weight:
                best[theme] = cue
    return best


def _scores(evidence: dict[str, dict[str, Evidence]]) -> dict[str, float]:
    """Each theme's combined weight."""
    return {theme: _score(found) for theme, found in evidence.items()}


def _shown(scores: dict[str, float]) -> set[str]:
    """The themes the words show: a combined weight at or above :data:`THRESHOLD`."""
    return {theme for theme, score in scores.items() if score >= THRESHOLD}


def _score(found: dict[str, Evidence]) -> float:
    return combine(e.cue.weight for e in found.values())


def _tag(theme: str, sentence: int, found: dict[str, Evidence], score: float) -> ThemeTag:
    if len(found) == 1:
        (strongest,) = found.values()
        spans = strongest.spans
    else:
        strongest = max(found.values(), key=_weight)  # the first of the strongest
        spans = tuple(span for e in found.values() for span in e.spans)
    return ThemeTag(
        theme=theme,
        sentence=sentence,
        score=score,
        cues=tuple(sorted(set(spans))) if len(spans) > 1 else spans,
        provenance=Provenance(LAYER, strongest.cue.rule),
    )


def _weight(e: Evidence) -> float:
    return e.cue.weight


def _rank(t: ThemeTag) -> tuple[float, str]:
    return (-t.score, t.theme)


def _implied(
    events: Sequence[Event],
    sentence: int,
    index: ThemeIndex,
    evidence: dict[str, dict[str, Evidence]],
    shown: set[str],
    yielding: set[str],
) -> list[ThemeTag]:
    """Themes the sentence's ``events`` (those that may imply) imply by their CAMEO codes
    and its words do not show (``shown``: those of ``evidence`` at or above the threshold);
    none that yields there, and none whose cue words the event's trigger holds (the same
    words count once). The cues are the events' triggers."""
    if not events:
        return []
    weights: dict[str, dict[str, float]] = defaultdict(dict)  # theme: code prefix: weight
    triggers: dict[str, set[Span]] = defaultdict(set)
    for event in events:
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
    rest = 1.0  # a loop, not math.prod: whose type (int | float) the compiled build can't hold
    for w in weights:
        rest *= 1 - w
    return round(1 - rest, 4)


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
