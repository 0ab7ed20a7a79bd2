"""Tone: how positive or negative the words of a sentence, a quotation, an article are.

The scale is VADER's compound score (:mod:`entente.enrich.sentiment`): -1 very negative,
0 neutral, +1 very positive. As a rough guide, beyond ±0.05 a text leans that way and
beyond ±0.5 it is strongly worded. Tone measures the language, not the act: "Russia
invaded Ukraine" and "the attack killed 12" are negative, "the talks were warm and
productive" positive, "India signed a deal with Russia" neutral (the event coder, not the
tone, says what was done).

* a sentence: its body text with names muted (``Analysis.tones``, indexed by sentence;
  0.0 for headings, bullets, datelines and metadata lines);
* a quotation (``Quote.tone``): the mean over the parts of it in each sentence, each
  scored alone, names inside it muted;
* an article (:func:`article_tone`): the mean over its body sentences, neutral ones
  included, so that one angry sentence in a calm report stays a small share;
* an event (:func:`event_tone`): the tone of its sentence;
* a dyad (:func:`dyad_tone`): the mean tone of the sentences that mention both countries.

The stage also fills each quotation's ``targets`` (:mod:`entente.enrich.targets`), which
need the events coded before it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import replace

from entente.enrich.sentiment import NewsScorer, news_scorer, to_scored_text
from entente.enrich.targets import quote_targets
from entente.lexicons.lexicon import Lexicon
from entente.model import Analysis, Event, MentionKind, Quote, SentenceKind

LAYER = "tone"


def analyze_tone(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """Add the tone of every sentence and of every quotation, and quotation targets."""
    analysis.require("text", "actors", "quotes", "events")
    reader = _ToneReader(analysis, news_scorer(lexicon))
    tones = reader.sentence_tones()
    quotes = tuple(
        replace(q, tone=reader.quote_tone(q), targets=quote_targets(analysis, q))
        for q in analysis.quotes
    )
    return analysis.with_layer(LAYER, tones=tones, quotes=quotes)


def article_tone(analysis: Analysis) -> float:
    """The mean tone of the article's body sentences (0.0 when it has none)."""
    analysis.require(LAYER)
    body = [analysis.tones[s.index] for s in analysis.sentences if s.kind is SentenceKind.BODY]
    return sum(body) / len(body) if body else 0.0


def event_tone(analysis: Analysis, event: Event) -> float:
    """The tone of the sentence the event was coded from."""
    analysis.require(LAYER)
    return analysis.tones[event.sentence]


def dyad_tone(analysis: Analysis, a: str, b: str) -> float | None:
    """The mean tone of the body sentences that mention both ``a`` and ``b`` (country or
    non-state codes such as ``IND``, ``USA``, ``EUR``: a mention counts for its actors'
    country and their code's first three letters); ``None`` when no sentence does. The
    same both ways round: the tone of what is written about the two together."""
    analysis.require(LAYER)
    codes: dict[int, set[str]] = defaultdict(set)
    for m in analysis.mentions:
        for actor in m.actors:
            codes[m.sentence].update(c for c in (actor.country, actor.root) if c)
    tones = [
        analysis.tones[s.index]
        for s in analysis.sentences
        if s.kind is SentenceKind.BODY and {a, b} <= codes[s.index]
    ]
    return sum(tones) / len(tones) if tones else None


class _ToneReader:
    """Scores spans of one analysis with its names muted."""

    def __init__(self, analysis: Analysis, scorer: NewsScorer) -> None:
        self.analysis = analysis
        self.scorer = scorer
        self.mentions: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for m in analysis.mentions:
            if m.kind is not MentionKind.PRONOUN:
                self.mentions[m.sentence].append((m.span.start, m.span.end))
        self._tones: dict[tuple[int, int, int], float] = {}
        self._starts = [s.span.start for s in analysis.sentences]
        self._ends = [s.span.end for s in analysis.sentences]
        self._text = analysis.text

    def sentence_tones(self) -> tuple[float, ...]:
        """The tone of each sentence, by index: 0.0 off the body."""
        span_tone, body = self.span_tone, SentenceKind.BODY
        return tuple(
            span_tone(s.index, s.span.start, s.span.end) if s.kind is body else 0.0
            for s in self.analysis.sentences
        )

    def quote_tone(self, quote: Quote) -> float:
        start, end = quote.span.start, quote.span.end
        sentences = self.analysis.sentences
        # sentences run in order without overlapping: those the quotation overlaps are one run
        first, last = bisect_right(self._ends, start), bisect_left(self._starts, end)
        parts = [
            self.span_tone(s.index, max(s.span.start, start), min(s.span.end, end))
            for s in sentences[first:last]
        ]
        return sum(parts) / len(parts) if parts else 0.0

    def span_tone(self, index: int, start: int, end: int) -> float:
        """The tone of ``[start, end)`` inside sentence ``index`` (a quotation filling its
        sentence is scored once)."""
        key = (index, start, end)
        tone = self._tones.get(key)
        if tone is None:
            scorer, text = self.scorer, self._text
            if scorer.may_rate(text[start:end]):
                muted = self._muted(index, start, end)
                tone = scorer.score(to_scored_text(text, start, end, muted))
            else:  # muting adds no rated word: nothing to score
                tone = 0.0
            self._tones[key] = tone
        return tone

    def _muted(self, index: int, start: int, end: int) -> list[tuple[int, int]]:
        """The ``(start, end)`` of what VADER must not read, sorted: mentions, names and
        muted words in the range."""
        muted = [
            (max(start, m_start), min(end, m_end))
            for m_start, m_end in self.mentions[index]
            if m_start < end and start < m_end
        ]
        muted += self.scorer.muted_words(self.analysis.sentence_tokens(index), start, end)
        muted.sort()
        return muted
