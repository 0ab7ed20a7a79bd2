"""Quantities with their units: money, percentages, barrels, troops."""

from __future__ import annotations

from dataclasses import dataclass

from entente.model.provenance import Provenance
from entente.model.span import Span


@dataclass(frozen=True, slots=True)
class Amount:
    """A quantity with its unit, and the event it belongs to.

    ``value`` is normalized: scale words are multiplied out (``$1.2 billion`` is 1.2e9
    ``USD``, ``Rs 5,000 crore`` 5e10 ``INR``); a percentage keeps its number (``50%`` is
    50.0 ``percent``). ``unit`` is an ISO 4217 code for money, else a unit name from
    ``amounts.yaml`` (``percent``, ``barrels_per_day``, ``tonnes``, ``troops``,
    ``people``...). ``event_id`` is the event of the same sentence whose phrase the
    amount sits in or next to, if any; ``theme`` the theme of its sentence whose cue words
    stand nearest it (``50% tariff``: TARIFFS; ``1.7 million barrels a day`` of crude: OIL).
    """

    amount_id: str  # make_id("n", article_id, span.start, span.end)
    span: Span
    sentence: int
    text: str  # as written
    value: float
    unit: str
    event_id: str | None
    provenance: Provenance
    theme: str | None = None
