"""The dates stage: time expressions resolved against the article's day.

In each sentence (not the metadata line or the dateline) it reads:

* days named from the article's: ``today``, ``yesterday``, ``tomorrow``, ``last night``,
  ``this morning``;
* weekdays: ``on Tuesday`` is the Tuesday on or before the article's day, or on or after it
  where the clause speaks of the future (``will meet on Friday``); ``last Tuesday`` the one
  before, ``next Tuesday`` the one after;
* periods, as their first day: ``this week`` (its Monday), ``earlier this month``, ``last
  year``, ``next week``;
* spans back: ``two days ago``, ``a year ago``;
* calendar dates: ``March 3``, ``3 March``, ``March 3, 2014``; without a year, the latest
  on or before the article's day unless the next is within a month (or the clause speaks of
  the future); ``in March`` (the latest March, or the next in a future clause), ``March
  2014``, ``in 2014``.

The article's day is the dateline's (``MOSCOW, July 9``, its year the article date's)
where it gives one, else the article date. Without one, only dates that state their year
are read. The words are data (``lexicons/data/dates.yaml``).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from entente.lexicons.lexicon import Lexicon
from entente.lexicons.schema import DateWords
from entente.model import (
    Analysis,
    Precision,
    Provenance,
    Sentence,
    SentenceKind,
    Span,
    TimeRef,
    Token,
    TokenKind,
)
from entente.text.phrases import clause_distance

LAYER = "dates"
_SKIPPED = (SentenceKind.META, SentenceKind.DATELINE)
_CLAUSE_ENDS = frozenset({",", ";", ":", "-", "--", "(", ")", '"'})
_DAY_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_YEAR_RE = re.compile(r"(1[89]\d\d|20\d\d|2100)")
_DATELINE_DAY_RE = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\b")
_SOON = 31  # days: an undated "March 3" this close ahead is the coming one
_WEEK = dt.timedelta(days=7)


Reader = Callable[["DateReader", int], "Found | None"]


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression over tokens ``[start, end)``, resolved."""

    start: int
    end: int
    date: dt.date
    precision: Precision
    rule: str


def analyze_dates(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """Add the time expressions of the sentences, resolved to dates."""
    analysis.require("text")
    words = lexicon.dates
    day = reference_day(analysis, words)
    tokens, text = analysis.tokens, analysis.text
    reader = DateReader(tokens, words, day, compile_dates(lexicon))
    refs: list[TimeRef] = []
    for sentence in analysis.sentences:
        if sentence.kind in _SKIPPED:
            continue
        for f in reader.find(sentence):
            span = Span(tokens[f.start].span.start, tokens[f.end - 1].span.end)
            refs.append(
                TimeRef(
                    span,
                    sentence.index,
                    span.text_of(text),
                    f.date,
                    f.precision,
                    Provenance(LAYER, f.rule),
                )
            )
    return analysis.with_layer(LAYER, time_refs=tuple(refs))


def reference_day(analysis: Analysis, words: DateWords) -> dt.date | None:
    """The day the article speaks from: the dateline's month and day (``MOSCOW, July 9``)
    in the year that puts it nearest the article date, else the article date."""
    date, dateline = analysis.date, analysis.dateline
    if date is None or dateline is None:
        return date
    match = _DATELINE_DAY_RE.search(dateline.span.text_of(analysis.text))
    month = words.months.get(match.group(1).lower()) if match else None
    if match is None or month is None:
        return date
    days = [
        d
        for y in (date.year - 1, date.year, date.year + 1)
        if (d := _day(y, month, int(match.group(2))))
    ]
    return min(days, key=lambda d: abs((d - date).days)) if days else date


# ---- calendar arithmetic ----


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


def month_start(day: dt.date, months: int = 0) -> dt.date:
    """The first of ``day``'s month, moved by ``months``."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def weekday_near(day: dt.date, weekday: int, *, future: bool, strict: bool = False) -> dt.date:
    """The ``weekday`` on or before ``day`` (on or after it if ``future``); ``strict``
    leaves ``day`` itself out (``last Tuesday``, ``next Tuesday``)."""
    if future:
        ahead = (weekday - day.weekday()) % 7 or (7 if strict else 0)
        return day + dt.timedelta(days=ahead)
    back = (day.weekday() - weekday) % 7 or (7 if strict else 0)
    return day - dt.timedelta(days=back)


def undated_day(day: dt.date, month: int, dom: int, *, future: bool) -> dt.date | None:
    """``March 3`` without a year: the next one if ``future`` or if it comes within a
    month, else the latest on or before ``day``."""
    candidates = [d for y in (day.year - 1, day.year, day.year + 1) if (d := _day(y, month, dom))]
    after = [d for d in candidates if d >= day]
    before = [d for d in candidates if d <= day]
    if after and (future or (after[0] - day).days <= _SOON or not before):
        return after[0]
    return before[-1] if before else None


def undated_month(day: dt.date, month: int, *, future: bool) -> dt.date:
    """``in March``: the latest March up to ``day``'s month, the next one if ``future``."""
    if future:
        return dt.date(day.year + (month < day.month), month, 1)
    return dt.date(day.year - (month > day.month), month, 1)


def shifted(day: dt.date, unit: str, n: int) -> tuple[dt.date, Precision]:
    """The ``unit`` that lies ``n`` units from ``day`` (negative: back), as its first day."""
    if unit == "day":
        return day + dt.timedelta(days=n), Precision.DAY
    if unit == "week":
        return week_start(day) + n * _WEEK, Precision.WEEK
    if unit == "month":
        return month_start(day, n), Precision.MONTH
    return dt.date(day.year + n, 1, 1), Precision.YEAR


# ---- reading ----


@dataclass(frozen=True, slots=True)
class DateCues:
    """``dates.yaml`` compiled for reading (once per lexicon: :func:`compile_dates`)."""

    future_cues: tuple[tuple[str, ...], ...]
    future_by_first: dict[str, tuple[tuple[str, ...], ...]]  # "" for an empty cue
    modifiers: frozenset[str]
    openers: frozenset[str]  # the words a time expression can start with (besides numbers)
    # the readers that may read an expression opening with an opener word (not a number),
    # in their order: the others need a number or another word there
    word_readers: dict[str, tuple[Reader, ...]]


def date_cues(words: DateWords) -> DateCues:
    """The cues of ``words`` as lookups."""
    future = tuple(tuple(c.split()) for c in words.future_cues)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for cue in future:
        by_first.setdefault(cue[0] if cue else "", []).append(cue)
    modifiers = frozenset((*words.previous, *words.following, *words.current))
    openers = modifiers | frozenset(
        (*words.months, *words.weekdays, *words.days, *words.within, *words.numbers)
    )
    return DateCues(
        future,
        {first: tuple(group) for first, group in by_first.items()},
        modifiers,
        openers,
        {word: _word_readers(word, words, modifiers) for word in openers},
    )


@lru_cache(maxsize=4)
def compile_dates(lexicon: Lexicon) -> DateCues:
    """:func:`date_cues` of the lexicon's ``dates.yaml`` (cached per lexicon)."""
    return date_cues(lexicon.dates)


def _word_readers(word: str, w: DateWords, modifiers: frozenset[str]) -> tuple[Reader, ...]:
    month = word in w.months
    may = (
        month,  # _calendar_day: a month, then a day
        month,  # _month_year
        word in w.days or word in w.current or word in w.previous,  # _relative_day
        word in modifiers or word in w.weekdays,  # _weekday
        word in w.within or word in modifiers,  # _period
        word in w.numbers,  # _ago
        month,  # _month
        False,  # _year: a number
    )
    return tuple(read for read, ok in zip(DateReader.READERS, may, strict=True) if ok)


class DateReader:
    """The time expressions of an article's sentences."""

    READERS: ClassVar[tuple[Reader, ...]] = ()  # every reader, in the order tried (set below)

    def __init__(
        self,
        tokens: tuple[Token, ...],
        words: DateWords,
        day: dt.date | None,
        cues: DateCues | None = None,
    ) -> None:
        self.tokens = tokens
        self.norms = [t.norm for t in tokens]
        self.first, self.last = 0, len(tokens)  # the sentence being read
        self.words = words
        self.day = day
        self.cues = cues = cues if cues is not None else date_cues(words)
        self.future_cues = cues.future_cues
        self.modifiers = cues.modifiers
        self.openers = openers = cues.openers
        # where an expression may open: at an opener or a number (as ``at`` checks)
        number = TokenKind.NUMBER
        self.openings = [i for i, t in enumerate(tokens) if t.kind is number or t.norm in openers]

    def find(self, sentence: Sentence) -> Iterator[Found]:
        """Time expressions of ``sentence`` left to right, the longest at each token."""
        self.first, self.last = first, last = sentence.token_start, sentence.token_end
        norms, tokens, number, openings = self.norms, self.tokens, TokenKind.NUMBER, self.openings
        by_word, every = self.cues.word_readers, self.READERS
        after = first  # where the next expression may open (past the last one)
        for i in openings[bisect_left(openings, first) : bisect_left(openings, last)]:
            if i < after:
                continue
            found = self._read(i, every if tokens[i].kind is number else by_word[norms[i]])
            if found is not None:
                yield found
                after = found.end

    def at(self, i: int) -> Found | None:
        """The time expression starting at token ``i``, if any."""
        if self.norms[i] not in self.openers and self.tokens[i].kind is not TokenKind.NUMBER:
            return None
        return self._read(i, self.READERS)

    def _read(self, i: int, readers: tuple[Reader, ...]) -> Found | None:
        for read in readers:
            if (found := read(self, i)) is not None:
                return found
        return None

    # ---- expressions relative to the article's day ----

    def _relative_day(self, i: int) -> Found | None:
        """``today``, ``yesterday``, ``tomorrow``; ``last night``, ``this morning``."""
        if self.day is None:
            return None
        norm = self.norms[i]
        if norm in self.words.days:
            if self.tokens[i].text[:1].isupper() and self._named_day(i):
                return None  # USA Today, Russia Today
            end = i + 1 + self._part_of_day(i + 1)
            when = self.day + dt.timedelta(days=self.words.days[norm])
            return Found(i, end, when, Precision.DAY, "relative-day")
        if self._is_part_of_day(i + 1):
            if norm in self.words.current:
                return Found(i, i + 2, self.day, Precision.DAY, "relative-day")
            if norm in self.words.previous and self.norms[i + 1] == "night":
                return Found(
                    i, i + 2, self.day - dt.timedelta(days=1), Precision.DAY, "relative-day"
                )
        return None

    def _weekday(self, i: int) -> Found | None:
        """``Tuesday``, ``last Tuesday``, ``next Tuesday``, ``Tuesday night``."""
        if self.day is None:
            return None
        modifier = self.norms[i]
        k = i + 1 if modifier in self.modifiers else i
        weekday = self.words.weekdays.get(self.norms[k]) if k < self.last else None
        if weekday is None or not self.tokens[k].text[:1].isupper() or self._named_day(k):
            return None
        end = k + 1 + self._part_of_day(k + 1)
        if k > i and modifier in self.words.previous:
            when, rule = weekday_near(self.day, weekday, future=False, strict=True), "weekday-last"
        elif k > i and modifier in self.words.following:
            when, rule = weekday_near(self.day, weekday, future=True, strict=True), "weekday-next"
        elif self._is_future(i):
            when, rule = weekday_near(self.day, weekday, future=True), "weekday+future"
        else:
            when, rule = weekday_near(self.day, weekday, future=False), "weekday"
        return Found(i, end, when, Precision.DAY, rule)

    def _period(self, i: int) -> Found | None:
        """``this week``, ``earlier this month``, ``last year``, ``next week``."""
        if self.day is None:
            return None
        k = i + 1 if self.norms[i] in self.words.within else i
        if k + 1 >= self.last or self.norms[k] not in self.modifiers:
            return None
        if k == i and i > self.first and self.norms[i - 1] == "the":
            return None  # "over the last year" is a span, not a year
        unit = self.words.units.get(self.norms[k + 1])
        if unit is None or unit == "day" or self.norms[k + 1].endswith("s"):
            return None
        modifier = self.norms[k]
        n = -1 if modifier in self.words.previous else 1 if modifier in self.words.following else 0
        when, precision = shifted(self.day, unit, n)
        return Found(i, k + 2, when, precision, "period")

    def _ago(self, i: int) -> Found | None:
        """``two days ago``, ``a year ago``, ``3 weeks ago``."""
        if self.day is None or i + 2 >= self.last or self.norms[i + 2] != "ago":
            return None
        n = self.words.numbers.get(self.norms[i])
        if n is None and self.tokens[i].kind is TokenKind.NUMBER and self.norms[i].isdigit():
            n = int(self.norms[i])
        unit = self.words.units.get(self.norms[i + 1])
        if n is None or unit is None:
            return None
        when, precision = shifted(self.day, unit, -n)
        return Found(i, i + 3, when, precision, "ago")

    # ---- calendar dates ----

    def _calendar_day(self, i: int) -> Found | None:
        """``March 3``, ``Sept. 5, 2019``, ``3 March 2014``."""
        month = self._month_at(i)
        if month is not None:  # month first
            k = i + 1 + self._abbreviation_dot(i)
            dom = self._day_number(k)
            return self._dated(i, k + 1, month, dom) if dom is not None else None
        dom = self._day_number(i)
        month = self._month_at(i + 1) if dom is not None else None
        if dom is None or month is None:
            return None
        return self._dated(i, i + 2 + self._abbreviation_dot(i + 1), month, dom)

    def _dated(self, start: int, end: int, month: int, dom: int) -> Found | None:
        """A month and day, with the year written after them or the nearest one."""
        year, end = self._year_after(end)
        if year is not None:
            when = _day(year, month, dom)
        elif self.day is not None:
            when = undated_day(self.day, month, dom, future=self._is_future(start))
        else:
            when = None
        return Found(start, end, when, Precision.DAY, "calendar-day") if when else None

    def _month_year(self, i: int) -> Found | None:
        """``March 2014``, ``March of 2014``."""
        month = self._month_at(i)
        if month is None:
            return None
        k = i + 1 + self._abbreviation_dot(i)
        if k < self.last and self.norms[k] in ("of", ","):
            k += 1
        year = self._year_number(k)
        return Found(i, k + 1, dt.date(year, month, 1), Precision.MONTH, "month") if year else None

    def _month(self, i: int) -> Found | None:
        """``in March``, ``since early March``, ``mid-March``: a month of the nearest year."""
        month = self._month_at(i, alone=True)
        if month is None or self.day is None or not self._after_preposition(i):
            return None
        ahead = i > self.first and self.norms[i - 1] in self.words.following
        when = undated_month(self.day, month, future=ahead or self._is_future(i))
        return Found(i, i + 1, when, Precision.MONTH, "month")

    def _year(self, i: int) -> Found | None:
        """``in 2014``, ``since 2014``, ``by 2030``."""
        year = self._year_number(i)
        if year is None or not self._after_preposition(i):
            return None
        return Found(i, i + 1, dt.date(year, 1, 1), Precision.YEAR, "year")

    # ---- words ----

    def _named_day(self, k: int) -> bool:
        """A day word that ends a name (``Palm Sunday``, ``Super Tuesday``, ``USA Today``)
        or names a thing after a determiner (``the Monday Market``, ``the Sunday Times``)."""
        j = k - 1
        if j >= self.first and self.norms[j] in ("the", "a"):
            return True
        return (
            j > self.first
            and self.tokens[j].text[:1].isupper()
            and self.tokens[j].kind is TokenKind.WORD
        )

    def _is_part_of_day(self, k: int) -> bool:
        return k < self.last and self.norms[k] in self.words.parts_of_day

    def _part_of_day(self, k: int) -> int:
        return 1 if self._is_part_of_day(k) else 0

    def _abbreviation_dot(self, k: int) -> int:
        """1 where a full stop closes a month's short form at ``k`` (``Sept.``), else 0."""
        dot = k + 1
        return int(
            dot < self.last
            and self.norms[dot] == "."
            and len(self.norms[k]) <= 4
            and self.tokens[k].span.end == self.tokens[dot].span.start
        )

    def _month_at(self, k: int, *, alone: bool = False) -> int | None:
        """The month a capitalised month name at ``k`` names; alone (no day or year after
        it), not an abbreviation that is also a word (``May``, ``Mar``, ``Dec``)."""
        if not self.first <= k < self.last or not self.tokens[k].text[:1].isupper():
            return None
        norm = self.norms[k]
        if alone and norm in self.words.ambiguous_months and norm != "may":
            return None
        return self.words.months.get(norm)

    def _day_number(self, k: int) -> int | None:
        if not self.first <= k < self.last:
            return None
        t = self.tokens[k]
        match = _DAY_RE.fullmatch(t.norm) if t.kind is TokenKind.NUMBER else None
        return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 31 else None

    def _year_number(self, k: int) -> int | None:
        if not self.first <= k < self.last or self.tokens[k].kind is not TokenKind.NUMBER:
            return None
        match = _YEAR_RE.fullmatch(self.norms[k])
        return int(match.group(1)) if match else None

    def _year_after(self, k: int) -> tuple[int | None, int]:
        """A year after a day (``March 3, 2014``, ``3 March 2014``) and the end."""
        j = k + 1 if k < self.last and self.norms[k] == "," else k
        year = self._year_number(j)
        return (year, j + 1) if year else (None, k)

    def _after_preposition(self, k: int) -> bool:
        """Whether a time preposition comes before ``k`` (``in``, ``since``, ``mid-``), or
        a year and a conjunction (``between 2014 and 2016``, ``2014-2016``)."""
        j = k - 1
        if j < self.first:
            return False
        if self.norms[j] in ("and", "or", "to", "-"):
            if self._year_number(j - 1) is not None:
                return True
            j -= 1  # mid-March
        return j >= self.first and self.norms[j] in self.words.time_prepositions

    def _is_future(self, k: int) -> bool:
        """Whether a cue of the future (``will``, ``is to``) comes before ``k`` in its
        clause."""
        j = k - 1
        norms, by_first = self.norms, self.cues.future_by_first
        empty = by_first.get("", ())
        while j >= self.first and norms[j] not in _CLAUSE_ENDS:
            for cue in (*by_first.get(norms[j], ()), *empty):
                if tuple(norms[j : j + len(cue)]) == cue and j + len(cue) <= k:
                    return True
            j -= 1
        return False


DateReader.READERS = (
    DateReader._calendar_day,
    DateReader._month_year,
    DateReader._relative_day,
    DateReader._weekday,
    DateReader._period,
    DateReader._ago,
    DateReader._month,
    DateReader._year,
)


def event_date(analysis: Analysis, sentence: Sentence, trigger: Span) -> dt.date | None:
    """The day an event happened: the day-precision time expression of its sentence
    nearest its trigger in clauses, then in words; else the article date."""
    days = [
        r
        for r in analysis.time_refs
        if r.sentence == sentence.index and r.precision is Precision.DAY
    ]
    if not days:
        return analysis.date
    return min(days, key=lambda r: clause_distance(analysis.text, r.span, trigger)).date
