"""Event patterns compiled into a first-word index of triggers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from entente.lexicons.inflect import Inflector, third_person
from entente.lexicons.lexicon import Lexicon
from entente.lexicons.schema import PatternEntry
from entente.model import Token
from entente.text.tokens import iter_raw_tokens, to_norm

Words = tuple[str, ...]
_OBJECT_GAP = 6
_PARTICLE_GAP = 2
_NEGATORS = frozenset({"not", "never"})
_INLINE_PUNCT = frozenset({"-", '"', "'", "``", "''"})  # "called “a stab in the back”"
_AUXILIARIES = frozenset({"do", "does", "did", "will", "would", "could", "can"})
_HAVE = frozenset({"have", "has", "had", "having", "'ve"})


def _by_first_word(follow: tuple[Words, ...]) -> dict[str, tuple[Words, ...]]:
    out: dict[str, list[Words]] = defaultdict(list)
    for words in follow:
        out[words[0]].append(words)
    return {first: tuple(group) for first, group in out.items()}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One surface form of a pattern's trigger, with what must follow it."""

    pattern: PatternEntry
    words: Words
    nominal: bool
    follow: tuple[Words, ...]  # objects or particles, one of which must follow, longest first
    gap: int
    participle: bool = False  # a past form: "deported", "held" (passive when "was" precedes)
    after_modal: bool = False  # only right after a modal or "to": "will attack"
    # ``follow`` by first word, longest first: what may start at each word after the trigger
    follow_by_first: dict[str, tuple[Words, ...]] = field(
        default_factory=dict, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        if self.follow and not self.follow_by_first:
            object.__setattr__(self, "follow_by_first", _by_first_word(self.follow))


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger found at tokens ``[start, end)`` (``head`` is the trigger word itself)."""

    trigger: Trigger
    start: int
    end: int
    head: int
    weight: int = 0  # words of the trigger and of its matched object: the more specific
    # other patterns matching the very same words ("sent tanks": aid or deployment), in
    # pattern order; the events stage picks the one whose target the sentence states
    alternatives: tuple[Match, ...] = ()


@dataclass(frozen=True, slots=True)
class _Form:
    """The triggers sharing one surface form, with their places in the index's order;
    where every one of them needs an object or particle, the words one may open with and
    the widest gap any allows."""

    words: Words
    n: int
    hits: tuple[tuple[int, Trigger], ...]
    firsts: frozenset[str] | None
    gap: int

    @classmethod
    def of(cls, words: Words, hits: list[tuple[int, Trigger]]) -> _Form:
        triggers = [trigger for _, trigger in hits]
        needy = all(t.follow for t in triggers)
        firsts = frozenset(w for t in triggers for w in t.follow_by_first) if needy else None
        return cls(words, len(words), tuple(hits), firsts, max(t.gap for t in triggers))

    def hopeless(self, words: _Words, i: int, barriers: frozenset[str]) -> bool:
        """Whether no trigger of the form at ``i`` can match: none has an object or
        particle opening within the widest reach."""
        if self.firsts is None:
            return False
        return self.firsts.isdisjoint(words.reach(i + self.n, self.gap, barriers))


@dataclass(frozen=True, slots=True)
class _Opening:
    """The surface forms opening with one word: the one-word form, and the longer forms
    by their second word."""

    alone: _Form | None
    by_second: dict[str, tuple[_Form, ...]]
    triggers: list[Trigger]  # those of ``alone``, when no longer form opens here

    @classmethod
    def of(cls, forms: list[_Form]) -> _Opening:
        alone = next((form for form in forms if form.n == 1), None)
        by_second: dict[str, list[_Form]] = defaultdict(list)
        for form in forms:
            if form.n > 1:
                by_second[form.words[1]].append(form)
        return cls(
            alone,
            {second: tuple(group) for second, group in by_second.items()},
            [trigger for _, trigger in alone.hits] if alone else [],
        )

    def triggers_at(
        self, words: _Words, k: int, barriers: frozenset[str] = frozenset()
    ) -> list[Trigger]:
        """The triggers whose words are those at ``words.norms[k]``, in the index's
        order, but those of a form that cannot match there."""
        norms, i = words.norms, words.start + k
        longer = self.by_second.get(norms[k + 1]) if k + 1 < len(norms) else None
        alone = self.alone
        if not longer:
            return [] if alone is None or alone.hopeless(words, i, barriers) else self.triggers
        hits = [] if alone is None or alone.hopeless(words, i, barriers) else list(alone.hits)
        for form in longer:
            if norms[k : k + form.n] == form.words and not form.hopeless(words, i, barriers):
                hits.extend(form.hits)
        if len(hits) > 1:
            hits.sort(key=lambda hit: hit[0])
        return [trigger for _, trigger in hits]


class PatternIndex:
    def __init__(
        self,
        triggers: list[Trigger],
        modals: frozenset[str] = frozenset(),
        participles: frozenset[str] = frozenset(),
        barriers: frozenset[str] = frozenset(),
    ) -> None:
        self._modals = modals
        self._participles = participles
        self._barriers = barriers
        by_words: dict[Words, list[tuple[int, Trigger]]] = defaultdict(list)
        for order, trigger in enumerate(triggers):
            by_words[trigger.words].append((order, trigger))
        forms: dict[str, list[_Form]] = defaultdict(list)
        for words, group in by_words.items():
            forms[words[0]].append(_Form.of(words, group))
        # by first word: each surface form compared once, not once per trigger
        self._by_first = {first: _Opening.of(group) for first, group in forms.items()}

    def find(self, tokens: tuple[Token, ...], start: int, end: int) -> list[Match]:
        """All matches in tokens ``[start, end)``, overlapping ones resolved to the longest."""
        found: list[Match] = []
        words = _Words(tokens, start, end)
        norms = words.norms
        by_first, modals, barriers = self._by_first, self._modals, self._barriers
        last = len(norms) - 1
        for k in [k for k, norm in enumerate(norms) if norm in by_first]:
            opening = by_first[norms[k]]
            if opening.alone is None and (k == last or norms[k + 1] not in opening.by_second):
                continue  # only longer forms open with the word, and none goes on here
            i = start + k
            auxiliary: bool | None = None
            for trigger in opening.triggers_at(words, k, barriers):
                if trigger.after_modal and (i == start or tokens[i - 1].norm not in modals):
                    continue
                if trigger.follow:
                    if auxiliary is None:
                        auxiliary = _auxiliary_at(tokens, i, end, self._participles)
                    if auxiliary:
                        continue  # "has pulled out of talks": "has" is no light verb there
                match = _matched(trigger, words, i, start, barriers)
                if match is not None:
                    found.append(match)
        return _longest_first(found)


def _auxiliary_at(tokens: tuple[Token, ...], i: int, end: int, participles: frozenset[str]) -> bool:
    """Whether the word at ``i`` is ``have`` as an auxiliary: a past participle follows,
    past adverbs (``has pulled out of``, ``has repeatedly rejected``, ``have been``)."""
    if tokens[i].norm not in _HAVE:
        return False
    k = i + 1
    while k < end and tokens[k].norm.endswith("ly"):
        k += 1
    if k >= end:
        return False
    word = tokens[k].norm
    return word in participles or (word.endswith("ed") and len(word) > 3)


class _Words:
    """The norms of tokens ``[start, end)``, read once per sentence: each trigger and
    object is then compared as one tuple slice, and kinds are looked up by index."""

    __slots__ = ("_reach", "end", "norms", "start", "tokens")

    def __init__(self, tokens: tuple[Token, ...], start: int, end: int) -> None:
        self.tokens = tokens
        self.start = start
        self.end = end
        self.norms = tuple([t.norm for t in tokens[start:end]])
        self._reach: dict[tuple[int, int], Words] = {}

    def at(self, i: int, n: int) -> Words:
        return self.norms[i - self.start : i - self.start + n]

    def reach(self, start: int, gap: int, barriers: frozenset[str]) -> Words:
        """The words from ``start`` on where an object or particle may open, at most
        ``gap + 1``, up to a clause break: punctuation (but inline marks) or a barrier
        word. Read once per place and gap, shared by every trigger that looks there."""
        key = (start, gap)
        found = self._reach.get(key)
        if found is None:
            tokens = self.tokens
            k = start
            stop = min(self.end, start + gap + 1)
            while k < stop:
                norm = tokens[k].norm
                if (tokens[k].kind == "punct" and norm not in _INLINE_PUNCT) or norm in barriers:
                    break
                k += 1
            found = self._reach[key] = self.norms[start - self.start : k - self.start]
        return found


def _match_at(
    trigger: Trigger,
    words: _Words,
    i: int,
    floor: int,
    end: int,
    barriers: frozenset[str] = frozenset(),
) -> Match | None:
    n = len(trigger.words)
    if i + n > end or words.at(i, n) != trigger.words:
        return None
    return _matched(trigger, words, i, floor, barriers)


def _matched(
    trigger: Trigger, words: _Words, i: int, floor: int, barriers: frozenset[str]
) -> Match | None:
    """The match of ``trigger``, whose words are those at ``i``: with its object or
    particle and its negation where it needs them."""
    stop = i + len(trigger.words)
    weight = stop - i
    if trigger.follow:
        found = _follow(trigger, words, stop, words.end, barriers)
        if found is None:
            return None
        stop, length = found
        weight += length
    first = i
    if trigger.pattern.negated:
        first = _negation_start(words.tokens, i, floor)
        if first < 0:
            return None
    return Match(trigger, first, stop, i, weight)


def _follow(
    trigger: Trigger,
    words: _Words,
    start: int,
    end: int,
    barriers: frozenset[str] = frozenset(),
) -> tuple[int, int] | None:
    """Where the nearest object or particle ends, and how many words it has (the longest
    one where several start at the same word: "relief supplies" over "relief"). The search
    stops at a clause break: punctuation, or a word opening a clause of its own
    (``carried out the strikes after the attack on``: the attack is not the strikes)."""
    reach = words.reach(start, trigger.gap, barriers)
    by_first = trigger.follow_by_first
    if by_first.keys().isdisjoint(reach):
        return None  # no object or particle opens within reach
    norms, base = words.norms, start - words.start
    for offset, norm in enumerate(reach):
        for follow in by_first.get(norm, ()):
            k = base + offset
            if norms[k : k + len(follow)] == follow:
                return start + offset + len(follow), len(follow)
    return None


def _negation_start(tokens: tuple[Token, ...], i: int, floor: int) -> int:
    """``don't like``: the first token of the auxiliary and negator before ``i``, or -1."""
    for k in range(i - 1, max(floor - 1, i - 4), -1):
        if tokens[k].norm in _NEGATORS:
            aux = k - 1
            return aux if aux >= floor and tokens[aux].norm in _AUXILIARIES else k
    return -1


def _longest_first(matches: list[Match]) -> list[Match]:
    """Overlapping matches resolved to the longest span, then to the most specific words
    (``began joint drills`` over ``began ... drills``), then to the earlier start."""
    chosen: list[Match] = []
    ties: dict[int, list[Match]] = defaultdict(list)
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), -m.weight, m.start)):
        if all(m.end <= c.start or c.end <= m.start for c in chosen):
            chosen.append(m)
        elif (same := _same_words(m, chosen)) is not None:
            ties[id(same)].append(m)
    chosen = [replace(c, alternatives=tuple(ties[id(c)])) if ties[id(c)] else c for c in chosen]
    return sorted(chosen, key=lambda m: m.start)


def _same_words(m: Match, chosen: list[Match]) -> Match | None:
    """The chosen match over exactly the same words and as specific as ``m``, if any."""
    for c in chosen:
        if (c.start, c.end, c.weight) == (
            m.start,
            m.end,
            m.weight,
        ) and c.trigger.pattern.id != m.trigger.pattern.id:
            return c
    return None


@lru_cache(maxsize=4)
def compile_patterns(lexicon: Lexicon) -> PatternIndex:
    """Expand every pattern into its surface triggers (cached per lexicon)."""
    inflect = lexicon.inflector
    triggers: list[Trigger] = []
    for p in lexicon.patterns:
        objects = tuple(_words(form) for obj in p.objects for form in inflect.noun_forms(obj))
        particles = tuple(_words(x) for x in p.particle)
        follow, gap = (objects, _OBJECT_GAP) if objects else (particles, _PARTICLE_GAP)
        follow = tuple(sorted(follow, key=len, reverse=True))
        for verb in p.verb:
            for form in inflect.verb_forms(verb):
                past = _is_past(form.split()[0], verb.split()[0], inflect)
                triggers.append(Trigger(p, _words(form), False, follow, gap, past))
        for noun in p.noun:
            for form in inflect.noun_forms(noun):
                triggers.append(Trigger(p, _words(form), True, follow, gap))
        for verb in p.modal_verb:
            triggers.append(Trigger(p, _words(verb), False, follow, gap, after_modal=True))
    participles = frozenset(
        form
        for lemma, forms in inflect.irregular.items()
        for form in forms
        if not form.endswith("ing") and form != third_person(lemma)
    )
    events = lexicon.grammar.events
    return PatternIndex(triggers, events.modal_openers, participles, events.object_barriers)


def _is_past(form: str, lemma: str, inflect: Inflector) -> bool:
    """Whether ``form`` is the simple past or past participle of ``lemma`` (``held``,
    ``deported``; ``hit`` too, being its own participle)."""
    if form.endswith("ing") or form == third_person(lemma):
        return False
    if form.endswith("ed"):
        return True
    if form == lemma:
        return form in inflect.irregular.get(lemma, ())
    return not (form.endswith("s") and not form.endswith("ss"))


def _words(phrase: str) -> Words:
    return tuple(to_norm(phrase[s:e]) for s, e, _ in iter_raw_tokens(phrase))
