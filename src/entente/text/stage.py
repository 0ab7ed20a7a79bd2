"""The text stage: metadata line, dateline, sentences and tokens of an article."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import fields
from itertools import repeat

from entente.lexicons.lexicon import Lexicon
from entente.model import Analysis, Dateline, Sentence, SentenceKind, Span, Token
from entente.text.dateline import PlaceLine, find_date_line, find_dateline
from entente.text.sentences import Unit, iter_units, split_unit
from entente.text.tokens import RawToken, iter_raw_tokens, to_norm

LAYER = "text"


def analyze_text(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """Add sentences, tokens, the article date and the dateline."""
    text = analysis.text
    builder = _Builder(text)
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
        for raw in split_unit(
            text, unit, lexicon.grammar.abbreviations, lexicon.grammar.sentence_starters
        ):
            builder.add_sentence(raw, unit)
    return analysis.with_layer(
        LAYER,
        date=date,
        dateline=dateline,
        sentences=tuple(builder.sentences),
        tokens=builder.tokens(),
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


# Tokens are the most numerous records (about 900 an article), and the offsets come
# straight from regular-expression matches, so they are valid by construction: build
# them without the frozen dataclasses' per-field __setattr__ and the span check.
def _setter(cls: type, name: str) -> Callable[[object, object], None]:
    setter: Callable[[object, object], None] = cls.__dict__[name].__set__
    return setter


_TOKEN_NAMES = ("index", "span", "text", "norm", "kind", "sentence")
if tuple(f.name for f in fields(Token)) != _TOKEN_NAMES or len(fields(Span)) != 2:
    raise RuntimeError("Token or Span changed shape: update the text stage's fast builder")
_SPAN_START, _SPAN_END = _setter(Span, "start"), _setter(Span, "end")
_TOKEN_FIELDS = tuple(_setter(Token, name) for name in _TOKEN_NAMES)


class _Builder:
    """Collects sentences and tokens in text order, numbering both.

    The sentences' raw tokens are gathered first and turned into Token records once at
    the end, a field at a time over the whole article (``map`` over the slot setters runs
    in C, with no interpreter step per token and field)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences: list[Sentence] = []
        self.raw: list[RawToken] = []
        self.owners: list[int] = []  # the sentence of each raw token

    def add_meta(self, span: Span, kind: SentenceKind, paragraph: int = 0) -> None:
        raw = list(iter_raw_tokens(self.text, span.start, span.end))
        self._add(raw, kind, paragraph)

    def add_sentence(self, raw: list[RawToken], unit: Unit) -> None:
        if raw:
            self._add(raw, unit.kind, unit.paragraph)

    def _add(self, raw: list[RawToken], kind: SentenceKind, paragraph: int) -> None:
        index = len(self.sentences)
        first = len(self.raw)
        self.raw += raw
        self.owners += repeat(index, len(raw))
        span = Span(raw[0][0], raw[-1][1])
        self.sentences.append(Sentence(index, span, kind, paragraph, first, len(self.raw)))

    def tokens(self) -> tuple[Token, ...]:
        raw, n = self.raw, len(self.raw)
        if not n:
            return ()
        starts, ends, kinds = zip(*raw, strict=True)
        new = object.__new__
        set_start, set_end = _SPAN_START, _SPAN_END
        set_index, set_span, set_text, set_norm, set_kind, set_sentence = _TOKEN_FIELDS
        spans = list(map(new, repeat(Span, n)))
        _consume(map(set_start, spans, starts))
        _consume(map(set_end, spans, ends))
        surfaces = list(map(self.text.__getitem__, map(slice, starts, ends)))
        tokens = tuple(map(new, repeat(Token, n)))
        _consume(map(set_index, tokens, range(n)))
        _consume(map(set_span, tokens, spans))
        _consume(map(set_text, tokens, surfaces))
        _consume(map(set_norm, tokens, map(to_norm, surfaces)))
        _consume(map(set_kind, tokens, kinds))
        _consume(map(set_sentence, tokens, self.owners))
        return tokens


# runs an iterator to its end, keeping nothing
_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend
