"""Amounts: quantities with their units, bound to the event they belong to.

A quantity is a number (digits, or number words such as ``three`` or ``twenty-five``),
its scale (``million``, ``bn``, ``crore``), and what it counts, from ``amounts.yaml``:

* money: a currency before it (``$1.2 billion``, ``US$40bn``, ``Rs 5,000 crore``,
  ``EUR 2 billion``) or after it (``5 million dollars``, ``500 crore rupees``);
* a percentage: ``50%``, ``3.5 per cent``, ``2 percentage points``;
* a unit: ``1.7 million barrels a day``, ``10,000 troops``, ``31 Abrams tanks`` (up to two
  names or modifiers between number and unit: ``5,000 more US troops``).

A number with none of these is no amount, nor is a ratio (``18.9 deaths per 100,000
people``) or a vague count (``a few hundred people``). Years, dates, times, ages, ordinals
and decades never are (``in 2022 troops crossed`` is a year; ``6:30``, ``9/11``, ``2nd``,
``1990s``, ``12-year-old`` have no unit). A range (``$3-4 billion``, ``3 to 4 million
barrels``) is one amount valued at its upper bound.

An amount belongs to an event of its sentence when it sits inside the event's trigger
(``imposed a 50% tariff``), between the trigger and its target, or next to either (at
most three tokens away, with no comma or clause word between); the nearest such event
wins. Otherwise ``event_id`` is ``None``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from entente.lexicons.lexicon import Lexicon
from entente.model import (
    Amount,
    Analysis,
    Event,
    Provenance,
    Span,
    ThemeTag,
    Token,
    TokenKind,
    make_id,
)
from entente.text.tokens import iter_raw_tokens, to_norm

LAYER = "amounts"
Key = tuple[str, ...]
_SYMBOLS = "$€£₹"
_GAPS = ("", " ", "\u00a0")  # what may stand between a currency and its number
_RANGE_WORDS = frozenset({"-", "–", "to"})
_VAGUE = frozenset({"few", "several", "many", "some"})
_DENOMINATORS = frozenset({"per", "every"})  # "per 100,000 people" is no amount
_MAX_MODIFIERS = 2
_MAX_GAP = 3  # tokens between an amount and the event phrase it qualifies
_CLAUSE_BREAKS = frozenset(
    {",", ";", ":", "(", ")", "—", "–", '"', "“", "”", "and", "but", "while", "whereas"}
    | {"which", "who", "after", "before", "as", "when", "since"}
)


@dataclass(frozen=True, slots=True)
class _Units:
    """``amounts.yaml`` compiled: phrases as token keys, prefixes longest first."""

    before: tuple[tuple[str, str], ...]
    after: dict[Key, str]
    scales: dict[str, float]
    joined_scales: dict[str, float]
    numbers: dict[str, int]
    percent: dict[Key, str]
    units: dict[Key, str]
    rates: dict[Key, str]
    modifiers: frozenset[str]
    year_openers: frozenset[str]
    months: frozenset[str]
    # ``before`` by the last character of each prefix, with its place there
    before_by_last: dict[str, tuple[tuple[int, str, str], ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FoundAmount:
    """A quantity found in a sentence: characters, sentence-local tokens, reading."""

    span: Span
    token_start: int
    token_end: int
    value: float
    unit: str
    rule: str


def analyze_amounts(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """Add the amounts of every sentence, each bound to its event if it has one."""
    analysis.require("text", "events")
    units = compile_units(lexicon)
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for event in analysis.events:
        by_sentence[event.sentence].append(event)
    themes: dict[int, list[ThemeTag]] = defaultdict(list)
    for tag in analysis.themes:
        themes[tag.sentence].append(tag)
    amounts: list[Amount] = []
    broad = lexicon.taxonomy.broad
    openings = _openings(analysis.tokens, units)
    for sentence in analysis.sentences:
        first, last = sentence.token_start, sentence.token_end
        here = openings[bisect_left(openings, first) : bisect_left(openings, last)]
        if not here:
            continue  # no number in the sentence
        tokens = analysis.sentence_tokens(sentence.index)
        for found in find_amounts(analysis.text, tokens, units, [k - first for k in here]):
            event_id = bind_event(found, by_sentence[sentence.index], tokens)
            amount = _make(analysis, sentence.index, found, event_id)
            theme = bind_theme(found.span, themes[sentence.index], broad)
            amounts.append(replace(amount, theme=theme))
    return analysis.with_layer(LAYER, amounts=tuple(amounts))


def bind_theme(span: Span, tags: list[ThemeTag], broad: frozenset[str]) -> str | None:
    """The theme whose cue words stand nearest the amount in its sentence (a finer theme
    over its parent when their cues are the same words), else ``None``."""
    best: tuple[int, int, bool, float] | None = None
    chosen: str | None = None
    for tag in tags:
        for cue in tag.cues:
            gap = max(cue.start - span.end, span.start - cue.end, 0)
            key = (gap, -(cue.end - cue.start), tag.theme in broad, -tag.score)
            if best is None or key < best:
                best, chosen = key, tag.theme
    return chosen


def _make(analysis: Analysis, sentence: int, found: FoundAmount, event_id: str | None) -> Amount:
    span = found.span
    return Amount(
        amount_id=make_id("n", analysis.article.article_id, span.start, span.end),
        span=span,
        sentence=sentence,
        text=span.text_of(analysis.text),
        value=found.value,
        unit=found.unit,
        event_id=event_id,
        provenance=Provenance(LAYER, found.rule),
    )


@lru_cache(maxsize=4)
def compile_units(lexicon: Lexicon) -> _Units:
    """The amounts cues of ``lexicon`` as lookups, built once per lexicon."""
    cues = lexicon.amounts
    before = tuple(
        sorted(
            ((p, c.code) for c in cues.currencies for p in c.before),
            key=lambda pair: -len(pair[0]),
        )
    )
    by_last: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for place, (prefix, code) in enumerate(before):
        by_last[prefix[-1:]].append((place, prefix, code))
    return _Units(
        before=before,
        after={_key(w): c.code for c in cues.currencies for w in c.after},
        scales={k.lower(): v for k, v in cues.scales.items()},
        joined_scales={k.lower(): v for k, v in cues.joined_scales.items()},
        numbers={k.lower(): v for k, v in cues.numbers.items()},
        percent={_key(p): "percent" for p in cues.percent},
        units={_key(p): unit for p, unit in cues.units.items()},
        rates={_key(p): period for p, period in cues.rates.items()},
        modifiers=frozenset(m.lower() for m in cues.modifiers),
        year_openers=frozenset(to_norm(w) for w in cues.year_openers),
        months=frozenset(lexicon.dates.months),  # the month names of dates.yaml
        before_by_last={last: tuple(group) for last, group in by_last.items()},
    )


def _key(phrase: str) -> Key:
    return tuple(to_norm(phrase[s:e]) for s, e, _ in iter_raw_tokens(phrase))


def find_amounts(
    text: str, tokens: Sequence[Token], units: _Units, openings: Sequence[int] | None = None
) -> Iterator[FoundAmount]:
    """The amounts among ``tokens`` (one sentence's), left to right, not overlapping;
    ``openings``: where a number stands among them, when known."""
    after = 0  # where the next amount may open (past the last one)
    for i in _openings(tokens, units) if openings is None else openings:
        if i < after:
            continue
        found = _read_at(text, tokens, i, units)
        if found is not None:
            yield found
            after = found.token_end


def _openings(tokens: Sequence[Token], units: _Units) -> list[int]:
    """Where an amount may open: at a number or a number word (as ``_number`` checks)."""
    number, numbers = TokenKind.NUMBER, units.numbers
    return [i for i, t in enumerate(tokens) if t.kind is number or t.norm in numbers]


def _read_at(text: str, tokens: Sequence[Token], i: int, units: _Units) -> FoundAmount | None:
    number = _number(tokens, i, units)
    if number is None or _is_date(tokens, i, units) or _is_designation(tokens, i, units):
        return None
    if _opens_range(tokens, i, number[1], units) or (i and tokens[i - 1].norm in _DENOMINATORS):
        return None
    value, j, is_percent = number
    first = _range_start(tokens, i, units)
    start, currency = _currency_before(text, tokens[first], units)
    j, value = _scale(tokens, j, value, units)
    if is_percent:
        return _found(tokens, start, first, j, value, "percent", "percent")
    if currency is None and (match := _match(units.after, tokens, j)):
        currency, j = match
    if currency is not None:
        return _found(tokens, start, first, j, value, currency, f"currency:{currency}")
    if match := _match(units.percent, tokens, j):
        return _found(tokens, start, first, match[1], value, "percent", "percent")
    if unit := _unit(tokens, j, units):
        name, end = unit
        return _found(tokens, start, first, end, value, name, f"unit:{name}")
    return None


def _found(
    tokens: Sequence[Token], start: int, first: int, end: int, value: float, unit: str, rule: str
) -> FoundAmount:
    span = Span(start, tokens[end - 1].span.end)
    return FoundAmount(span, first, end, value, unit, rule)


def _number(tokens: Sequence[Token], i: int, units: _Units) -> tuple[float, int, bool] | None:
    """``(value, next token, is a percentage)`` of a number at ``i``, or ``None``."""
    token = tokens[i]
    if token.kind is TokenKind.NUMBER:
        value = parse_number(token.text)
        return None if value is None else (value, i + 1, token.text.endswith("%"))
    if token.kind is not TokenKind.WORD or token.norm not in units.numbers:
        return None
    if i and tokens[i - 1].norm in _VAGUE:  # "a few hundred", "several dozen"
        return None
    value, j = float(units.numbers[token.norm]), i + 1
    if (  # twenty-five
        j + 1 < len(tokens)
        and tokens[j].text == "-"
        and value >= 20
        and units.numbers.get(tokens[j + 1].norm, 10) < 10
    ):
        value, j = value + units.numbers[tokens[j + 1].norm], j + 2
    return value, j, False


def parse_number(text: str) -> float | None:
    """The value of a number token (``$1,200.5`` → 1200.5, ``50%`` → 50), or ``None``
    for what is no plain quantity: times, fractions and dates (``6:30``, ``9/11``),
    ordinals and decades (``2nd``, ``1990s``), ambiguous decimal commas (``1,5``)."""
    digits = text.lstrip(_SYMBOLS).removesuffix("%")
    if not digits or not digits[-1].isdigit() or ":" in digits or "/" in digits:
        return None
    whole, _, fraction = digits.partition(".")
    groups = whole.split(",")
    if len(groups) > 1 and (len(groups[-1]) != 3 or any(len(g) not in (2, 3) for g in groups[1:])):
        return None  # thousands ("5,000") and lakh groups ("5,00,000") only
    if "." in fraction:
        return None
    return float("".join(groups) + ("." + fraction if fraction else ""))


def _is_date(tokens: Sequence[Token], i: int, units: _Units) -> bool:
    """A year after a year opener (``in 2022``, ``July 2019``: a bare four-digit number
    from 1800 to 2100) or a day after a month (``July 9``)."""
    text, before = tokens[i].text, tokens[i - 1].norm if i > 0 else ""
    if not text.isdigit():
        return False
    if len(text) == 4 and 1800 <= int(text) <= 2100:
        return before in units.year_openers or before in units.months
    return before in units.months and int(text) <= 31


def _is_designation(tokens: Sequence[Token], i: int, units: _Units) -> bool:
    """A number that is part of a name: after a capitalised word (``Leopard 2 tanks``,
    ``Boeing 737 jets``) or joined to one by a hyphen (``F-16 jets``, ``Su-35``)."""
    if tokens[i].kind is not TokenKind.NUMBER or i == 0:
        return False
    before = tokens[i - 1]
    if before.text == "-" and i >= 2:
        word = tokens[i - 2]
        joined = word.span.end == before.span.start and before.span.end == tokens[i].span.start
        return joined and word.kind is TokenKind.WORD
    return (
        i >= 2  # a capitalised first word of the sentence may be a plain word ("About 5")
        and before.kind is TokenKind.WORD
        and before.text[:1].isupper()
        and before.norm not in units.months
        and tokens[i].text.isdigit()
        and len(tokens[i].text) <= 4
    )


def _opens_range(tokens: Sequence[Token], i: int, j: int, units: _Units) -> bool:
    """The number at ``i`` (ending before ``j``) is the lower bound of a range (``3-4``,
    ``3 to 4``, ``between 3 and 4``), read with its upper bound."""
    return (
        j + 1 < len(tokens)
        and _is_range_word(tokens, i, j)
        and _number(tokens, j + 1, units) is not None
    )


def _range_start(tokens: Sequence[Token], i: int, units: _Units) -> int:
    """Where the amount at ``i`` starts: at the lower bound if it closes a range."""
    for lower in (i - 4, i - 2):  # a number word pair ("twenty-five"), or one token
        if lower < 0 or not _is_range_word(tokens, lower, i - 1):
            continue
        number = _number(tokens, lower, units)
        if number is not None and number[1] == i - 1:
            return lower
    return i


def _is_range_word(tokens: Sequence[Token], lower: int, j: int) -> bool:
    """Token ``j`` joins a range whose lower bound starts at token ``lower``."""
    word = tokens[j].norm
    if word == "and":  # "between 3 and 4", "between US$3 and 4"
        return any(t.norm == "between" for t in tokens[max(0, lower - 2) : lower])
    return word in _RANGE_WORDS


def _currency_before(text: str, token: Token, units: _Units) -> tuple[int, str | None]:
    """The start of the amount and its currency when one is written before the number
    (``$``, ``US$``, ``Rs``, ``EUR``), at most one space away: the longest prefix, right
    before the number rather than a space away."""
    digits_at = token.span.start + (1 if token.text[0] in _SYMBOLS else 0)
    for _, gap, prefix, code in _currency_candidates(text, digits_at, units):
        start = digits_at - len(gap) - len(prefix)
        if start < 0 or text[start:digits_at] != prefix + gap:
            continue
        if start == 0 or not text[start - 1].isalnum():
            return start, code
    return token.span.start, None


def _currency_candidates(
    text: str, digits_at: int, units: _Units
) -> list[tuple[int, str, str, str]]:
    """The prefixes that may end right before ``digits_at`` or a space before it, as
    ``(place, gap, prefix, code)`` in the order they are tried: by place, then gap."""
    table = units.before_by_last
    empty = table.get("", ())  # an empty prefix ends anywhere
    ends: list[tuple[str, str | None]] = [("", text[digits_at - 1] if digits_at else None)]
    if digits_at and text[digits_at - 1] in _GAPS:
        ends.append((text[digits_at - 1], text[digits_at - 2] if digits_at >= 2 else None))
    found: list[tuple[int, str, str, str]] = []
    for gap, last in ends:
        group = (*table.get(last, ()), *empty) if last is not None else empty
        found.extend((place, gap, prefix, code) for place, prefix, code in group)
    if len(found) > 1:
        found.sort(key=lambda c: (c[0], _GAPS.index(c[1])))
    return found


def _scale(tokens: Sequence[Token], j: int, value: float, units: _Units) -> tuple[int, float]:
    """Multiply by the scale words after the number (``million``; ``m`` only joined)."""
    while j < len(tokens):
        token = tokens[j]
        factor = units.scales.get(token.norm)
        if factor is None and token.span.start == tokens[j - 1].span.end:
            factor = units.joined_scales.get(token.norm)
        if factor is None:
            break
        value, j = value * factor, j + 1
    return j, value


def _match(table: dict[Key, str], tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    """The longest phrase of ``table`` at token ``j``: its value and the next token."""
    words = tuple([t.norm for t in tokens[j : j + 3]])
    for n in range(len(words), 0, -1):
        key = words[:n]
        if key in table:
            return table[key], j + n
    return None


def _unit(tokens: Sequence[Token], j: int, units: _Units) -> tuple[str, int] | None:
    """The unit after the number, past up to two names or modifiers, with its rate."""
    for _ in range(_MAX_MODIFIERS + 1):
        if match := _match(units.units, tokens, j):
            name, end = match
            if rate := _rate(tokens, end, units):
                return f"{name}_per_{rate[0]}", rate[1]
            if _is_ratio(tokens, end, units):
                return None
            return name, end
        j = _past_modifier(tokens, j, units)
        if j < 0:
            return None
    return None


def _rate(tokens: Sequence[Token], j: int, units: _Units) -> tuple[str, int] | None:
    """A rate right after the unit (``barrels a day``) or after what it measures
    (``barrels of oil a day``, ``cubic metres of natural gas per year``)."""
    if rate := _match(units.rates, tokens, j):
        return rate
    if j < len(tokens) and tokens[j].norm == "of":
        for k in (j + 2, j + 3):
            words = all(t.kind is TokenKind.WORD for t in tokens[j + 1 : k])
            if words and (rate := _match(units.rates, tokens, k)):
                return rate
    return None


def _is_ratio(tokens: Sequence[Token], j: int, units: _Units) -> bool:
    """``per 100,000 people``, ``for every 1,000 births`` after a unit."""
    for opener in (("per",), ("for", "every")):
        k = j + len(opener)
        if tuple(t.norm for t in tokens[j:k]) == opener and k < len(tokens):
            return _number(tokens, k, units) is not None
    return False


def _past_modifier(tokens: Sequence[Token], j: int, units: _Units) -> int:
    """The token after a modifier at ``j`` (``more``, a name such as ``US``, ``Abrams``,
    or a model such as ``F-16``, ``MiG-29``, ``Leopard 2``), or -1 when there is none."""
    if j >= len(tokens) or tokens[j].kind is not TokenKind.WORD:
        return -1
    if tokens[j].norm in units.modifiers:
        return j + 1
    if not tokens[j].text[:1].isupper():
        return -1
    end = j + 1  # a model name runs on while its tokens touch: F-16, MiG-29
    while end < len(tokens) and tokens[end].span.start == tokens[end - 1].span.end:
        end += 1
    if end < len(tokens) and tokens[end].kind is TokenKind.NUMBER:  # Leopard 2
        end += 1
    return end


def bind_event(found: FoundAmount, events: Sequence[Event], tokens: Sequence[Token]) -> str | None:
    """The event the amount belongs to: the nearest whose trigger holds it, whose
    trigger-to-target phrase holds it, or that it stands next to (see the module)."""
    best: tuple[tuple[int, int], str] | None = None
    for event in events:
        key = _closeness(found.span, event, tokens)
        if key is not None and (best is None or key < best[0]):
            best = (key, event.event_id)
    return best[1] if best else None


def _closeness(amount: Span, event: Event, tokens: Sequence[Token]) -> tuple[int, int] | None:
    """How near the amount is to the event: ``(0, 0)`` inside its trigger, ``(1, d)``
    between trigger and target, ``(2, d)`` next to either, ``d`` the distance to the
    trigger; ``None`` when a clause boundary separates them or they are far apart."""
    trigger = event.trigger
    if amount.overlaps(trigger):
        return (0, 0)
    if _breaks(tokens, amount, trigger):
        return None
    ends = [trigger, *((event.target_span,) if event.target_span else ())]
    phrase = Span(min(s.start for s in ends), max(s.end for s in ends))
    distance = abs(amount.start - trigger.start)
    if phrase.contains(amount):
        return (1, distance)
    if len(_between(tokens, amount, phrase)) > _MAX_GAP or _breaks(tokens, amount, phrase):
        return None
    return (2, distance)


def _between(tokens: Sequence[Token], a: Span, b: Span) -> list[Token]:
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return [t for t in tokens if lo <= t.span.start and t.span.end <= hi]


def _breaks(tokens: Sequence[Token], a: Span, b: Span) -> bool:
    """A comma or clause word stands between ``a`` and ``b`` ("killing three soldiers
    and injuring eight": the three are not the injured)."""
    return any(t.norm in _CLAUSE_BREAKS for t in _between(tokens, a, b))
