"""The text stage: metadata line, dateline, sentences and tokens of an article."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from itertools import repeat
from typing import TypeVar

from entente.lexicons.lexicon import Lexicon
from entente.model import Analysis, Dateline, Sentence, SentenceKind, Span, Token
from entente.text.dateline import PlaceLine, find_date_line, find_dateline
from entente.text.sentences import Unit, iter_units, split_unit
from entente.text.tokens import RawToken, iter_raw_tokens, to_norm

LAYER = "text"
_R = TypeVar("_R")


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
        sentences=builder.sentences(),
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
# them (and the sentences) without the frozen dataclasses' per-field __setattr__ and the
# span check, a field at a time over the whole article (``map`` over a slot's setter runs
# in C, with no interpreter step per record and field).
def _setter(cls: type, name: str) -> Callable[[object, object], None]:
    setter: Callable[[object, object], None] = cls.__dict__[name].__set__
    return setter


_TOKEN_NAMES = ("index", "span", "text", "norm", "kind", "sentence")
_SENTENCE_NAMES = ("index", "span", "kind", "paragraph", "token_start", "token_end")
if (
    tuple(f.name for f in fields(Token)) != _TOKEN_NAMES
    or tuple(f.name for f in fields(Sentence)) != _SENTENCE_NAMES
    or tuple(f.name for f in fields(Span)) != ("start", "end")
):
    raise RuntimeError("Token, Sentence or Span changed shape: update the text stage's builder")
_SPAN_FIELDS = (_setter(Span, "start"), _setter(Span, "end"))
_TOKEN_FIELDS = tuple(_setter(Token, name) for name in _TOKEN_NAMES)
_SENTENCE_FIELDS = tuple(_setter(Sentence, name) for name in _SENTENCE_NAMES)
# runs an iterator to its end, keeping nothing
_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend


def _records(
    cls: type[_R],
    setters: Sequence[Callable[[object, object], None]],
    columns: Sequence[Iterable[object]],
    n: int,
) -> tuple[_R, ...]:
    """``n`` new ``cls`` records, each field set from its column."""
    records = tuple(map(object.__new__, repeat(cls, n)))
    for setter, column in zip(setters, columns, strict=True):
        _consume(map(setter, records, column))
    return records


class _Builder:
    """Collects the sentences' raw tokens in text order; makes the records at the end."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.raw: list[RawToken] = []
        self.owners: list[int] = []  # the sentence of each raw token
        # start, end, kind, paragraph, first token and end token of each sentence
        self.rows: list[tuple[int, int, SentenceKind, int, int, int]] = []

    def add_meta(self, span: Span, kind: SentenceKind, paragraph: int = 0) -> None:
        raw = list(iter_raw_tokens(self.text, span.start, span.end))
        self._add(raw, kind, paragraph)

    def add_sentence(self, raw: list[RawToken], unit: Unit) -> None:
        if raw:
            self._add(raw, unit.kind, unit.paragraph)

    def _add(self, raw: list[RawToken], kind: SentenceKind, paragraph: int) -> None:
        first = len(self.raw)
        self.raw += raw
        self.owners += repeat(len(self.rows), len(raw))
        self.rows.append((raw[0][0], raw[-1][1], kind, paragraph, first, len(self.raw)))

    def sentences(self) -> tuple[Sentence, ...]:
        n = len(self.rows)
        if not n:
            return ()
        starts, ends, kinds, paragraphs, firsts, lasts = zip(*self.rows, strict=True)
        spans = _records(Span, _SPAN_FIELDS, (starts, ends), n)
        columns = (range(n), spans, kinds, paragraphs, firsts, lasts)
        return _records(Sentence, _SENTENCE_FIELDS, columns, n)

    def tokens(self) -> tuple[Token, ...]:
        n = len(self.raw)
        if not n:
            return ()
        starts, ends, kinds = zip(*self.raw, strict=True)
        spans = _records(Span, _SPAN_FIELDS, (starts, ends), n)
        text = self.text
        surfaces = [text[start:end] for start, end, _ in self.raw]
        columns = (range(n), spans, surfaces, map(to_norm, surfaces), kinds, self.owners)
        return _records(Token, _TOKEN_FIELDS, columns, n)
