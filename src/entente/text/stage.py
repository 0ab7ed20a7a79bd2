"""The text stage: metadata line, dateline, sentences and tokens of an article."""

from __future__ import annotations

from itertools import compress, repeat
from operator import not_
from typing import cast

from entente.lexicons.lexicon import Lexicon
from entente.model import Analysis, Dateline, Sentence, SentenceKind, Span, Token
from entente.text.dateline import PlaceLine, find_date_line, find_dateline
from entente.text.sentences import Unit, iter_units, sentence_cuts
from entente.text.tokens import RawToken, iter_raw_tokens, to_norm

LAYER = "text"


def analyze_text(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """Add sentences, tokens, the article date and the dateline."""
    text = analysis.text
    builder = _Builder(text)
    abbreviations = lexicon.grammar.abbreviations
    starters = lexicon.grammar.sentence_starters
    date = analysis.article.date
    body_start = 0
    date_line = find_date_line(text)
    if date_line is not None:
        builder.add_meta(date_line.span, SentenceKind.META)
        date = date or date_line.date
    dateline: Dateline | None = None
    for whole in iter_units(text):
        unit: Unit | None = whole
        if date_line is not None and whole.start <= date_line.span.start < whole.end:
            unit = _after(text, whole, date_line.span.end)
        if unit is None:
            continue
        if dateline is None and unit.kind is SentenceKind.BODY and unit.start >= body_start:
            place = find_dateline(text, unit.start)
            if place is not None:
                dateline = _dateline(text, place, lexicon)
                builder.add_meta(dateline.span, SentenceKind.DATELINE, unit.paragraph)
                rest = _after(text, unit, place.span.end)
                if rest is None:
                    continue
                unit = rest
        body_start = unit.end
        raw = list(iter_raw_tokens(text, unit.start, unit.end))
        cuts = sentence_cuts(text, unit, raw, abbreviations, starters)
        builder.add(raw, cuts, unit.kind, unit.paragraph)
    sentences, tokens = builder.build()
    return analysis.with_layer(
        LAYER, date=date, dateline=dateline, sentences=sentences, tokens=tokens
    )


def _dateline(text: str, place: PlaceLine, lexicon: Lexicon) -> Dateline:
    """The dateline with its country: the region's where it names one (``BIRMINGHAM,
    Ala.``), else the place's in the curated lists, else in the gazetteer (``MALE`` is
    Malé; ``UNITED NATIONS`` is a venue in New York)."""
    country = lexicon.regions.get(place.region.lower()) if place.region else None
    country = country or lexicon.places.get(place.place.lower())
    venue = False
    if country is None and (found := lexicon.gazetteer.dateline(place.place)) is not None:
        country, venue = found.country, found.kind == "venue"
    return Dateline(_trim(text, place.span), place.place, country, venue)


def _after(text: str, unit: Unit, cut: int) -> Unit | None:
    start = cut
    while start < unit.end and text[start].isspace():
        start += 1
    if start >= unit.end:
        return None
    return Unit(start, unit.end, unit.kind, unit.paragraph)


def _trim(text: str, span: Span) -> Span:
    end = span.end
    while end > span.start and text[end - 1].isspace():
        end -= 1
    return Span(span.start, end)


# the norm of each surface seen lately: a dict's ``get`` mapped over an article's surfaces
# runs in C, cheaper than the cached ``to_norm``'s call per token; bounded by clearing
_NORMS: dict[str, str] = {}
_NORMS_MAX = 1 << 15


def _norms(surfaces: list[str]) -> list[str]:
    """:func:`to_norm` of each surface (norms are never empty, so a miss shows as None)."""
    norms: list[str | None] = list(map(_NORMS.get, surfaces))
    if not all(norms):
        if len(_NORMS) > _NORMS_MAX:
            _NORMS.clear()
        for k in compress(range(len(norms)), map(not_, norms)):
            norms[k] = _NORMS[surfaces[k]] = to_norm(surfaces[k])
    return cast(list[str], norms)  # none missing now


class _Builder:
    """Collects the sentences' raw tokens in text order; makes the records at the end."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.raw: list[RawToken] = []
        # each sentence's end token (one past its last: sentences are contiguous runs of
        # ``raw``, so the one before's end is its first), kind and paragraph
        self.lasts: list[int] = []
        self.kinds: list[SentenceKind] = []
        self.paragraphs: list[int] = []

    def add_meta(self, span: Span, kind: SentenceKind, paragraph: int = 0) -> None:
        raw = list(iter_raw_tokens(self.text, span.start, span.end))
        self.add(raw, [len(raw)] if raw else [], kind, paragraph)

    def add(self, raw: list[RawToken], cuts: list[int], kind: SentenceKind, paragraph: int) -> None:
        """Add a unit's ``raw`` tokens, split into sentences at ``cuts``."""
        if not cuts:
            return
        base = len(self.raw)
        self.raw += raw
        self.lasts += map(base.__add__, cuts)
        self.kinds += repeat(kind, len(cuts))
        self.paragraphs += repeat(paragraph, len(cuts))

    def build(self) -> tuple[tuple[Sentence, ...], tuple[Token, ...]]:
        """The sentences and the tokens (about 900 an article, made in one pass here, each
        by its class's written-out ``__init__``: a native call in the compiled build)."""
        raw, text = self.raw, self.text
        surfaces = [text[start:end] for start, end, _ in raw]
        norms = _norms(surfaces)
        sentences: list[Sentence] = []
        tokens: list[Token] = []
        first = 0
        for k, (last, kind, paragraph) in enumerate(
            zip(self.lasts, self.kinds, self.paragraphs, strict=True)
        ):
            span = Span(raw[first][0], raw[last - 1][1])
            sentences.append(Sentence(k, span, kind, paragraph, first, last))
            for i in range(first, last):
                start, end, token_kind = raw[i]
                tokens.append(Token(i, Span(start, end), surfaces[i], norms[i], token_kind, k))
            first = last
        return tuple(sentences), tuple(tokens)
