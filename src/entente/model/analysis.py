"""The analyzed article: an article plus the layers each stage adds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from entente.model.actor import Mention
from entente.model.amount import Amount
from entente.model.article import Article, Dateline, Sentence, Token
from entente.model.event import Event, Quote
from entente.model.place import Place, TimeRef
from entente.model.theme import ThemeTag


@dataclass(frozen=True, slots=True)
class Analysis:
    """An article and its layers. Stages return a copy with one more layer filled.

    ``date`` is the effective article date: the metadata date, else a ``date`` line
    found in the text. ``layers`` names the stages that have run.
    """

    article: Article
    date: dt.date | None = None
    dateline: Dateline | None = None
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    time_refs: tuple[TimeRef, ...] = ()
    events: tuple[Event, ...] = ()
    tones: tuple[float, ...] = ()  # per sentence index, VADER compound; 0.0 off the body
    amounts: tuple[Amount, ...] = ()
    themes: tuple[ThemeTag, ...] = ()
    layers: frozenset[str] = frozenset()

    def __init__(
        self,
        article: Article,
        date: dt.date | None = None,
        dateline: Dateline | None = None,
        sentences: tuple[Sentence, ...] = (),
        tokens: tuple[Token, ...] = (),
        mentions: tuple[Mention, ...] = (),
        quotes: tuple[Quote, ...] = (),
        places: tuple[Place, ...] = (),
        time_refs: tuple[TimeRef, ...] = (),
        events: tuple[Event, ...] = (),
        tones: tuple[float, ...] = (),
        amounts: tuple[Amount, ...] = (),
        themes: tuple[ThemeTag, ...] = (),
        layers: frozenset[str] = frozenset(),
    ) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "article", article)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "dateline", dateline)
        object.__setattr__(self, "sentences", sentences)
        object.__setattr__(self, "tokens", tokens)
        object.__setattr__(self, "mentions", mentions)
        object.__setattr__(self, "quotes", quotes)
        object.__setattr__(self, "places", places)
        object.__setattr__(self, "time_refs", time_refs)
        object.__setattr__(self, "events", events)
        object.__setattr__(self, "tones", tones)
        object.__setattr__(self, "amounts", amounts)
        object.__setattr__(self, "themes", themes)
        object.__setattr__(self, "layers", layers)

    @property
    def text(self) -> str:
        return self.article.text

    def with_layer(self, layer: str, **changes: object) -> Analysis:
        """A copy with ``changes`` applied and ``layer`` recorded as done."""
        values = {name: getattr(self, name) for name in _FIELDS} | changes  # a bad name: TypeError
        values["layers"] = self.layers | {layer}
        return Analysis(**values)

    def require(self, *layers: str) -> None:
        missing = [layer for layer in layers if layer not in self.layers]
        if missing:
            raise ValueError(f"stage needs layers {missing}; run them first")

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        sentence = self.sentences[index]
        return self.tokens[sentence.token_start : sentence.token_end]


# what with_layer copies (dataclasses.replace reads the fields on every call)
_FIELDS = tuple(f.name for f in fields(Analysis))
