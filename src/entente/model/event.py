"""Coded events and quotations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from entente.model.actor import Actor
from entente.model.provenance import Provenance
from entente.model.span import Span


class Factuality(StrEnum):
    """How the text presents an event. Only ``asserted`` events count in analytics."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    FUTURE = "future"
    REPORTED = "reported"
    BACKGROUND = "background"  # an earlier event cited as context: "since Moscow sent troops"


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: ``span`` covers the words inside the quotation marks.

    ``tone`` (VADER compound, -1 very negative .. +1 very positive) and ``targets`` (the
    country or non-state codes the quotation is about) are filled by the tone stage.
    """

    quote_id: str
    span: Span
    text: str
    speaker_text: str | None
    speaker: Actor | None
    speaker_span: Span | None
    provenance: Provenance
    tone: float | None = None
    targets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its evidence.

    ``evidence`` is the sentence, ``trigger`` the words that matched the rule named in
    ``provenance``. ``quad_class``: 1 verbal cooperation, 2 material cooperation,
    3 verbal conflict, 4 material conflict (GDELT convention). ``date`` is the day its
    sentence gives it (``on Tuesday``), else the article date; ``place_id`` the place of
    its sentence nearest the trigger, else the dateline's (neither is part of the id).
    """

    event_id: str
    article_id: str
    date: dt.date | None
    sentence: int
    source: Actor
    target: Actor
    source_span: Span | None
    target_span: Span | None
    cameo: str
    plover: str | None
    goldstein: float
    quad_class: int
    factuality: Factuality
    confidence: float
    trigger: Span
    evidence: Span
    provenance: Provenance
    quote_id: str | None = None
    place_id: str | None = None

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]

    @property
    def is_asserted(self) -> bool:
        return self.factuality is Factuality.ASSERTED
