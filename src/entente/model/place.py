"""Where and when: places named in the text and time expressions resolved to dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from entente.model.provenance import Provenance
from entente.model.span import Span


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in the text (or the dateline), resolved in a gazetteer.

    ``text`` is the name as written, ``name`` the gazetteer's; ``country`` is ISO 3166
    alpha-3, ``admin1`` the first-level region's name. ``provenance.rule`` names the
    gazetteer (``places.yaml``, ``countries.yaml``, ``geonames``, ``admin1``) and, after a
    ``+``, the context that made the words a place (``locative``, ``qualified``...).
    Countries are actors, not places: they have mentions instead.
    """

    place_id: str  # make_id("p", article_id, span.start, span.end, name)
    span: Span
    sentence: int
    text: str
    name: str
    country: str
    admin1: str | None
    latitude: float | None
    longitude: float | None
    dateline: bool  # the story's dateline
    provenance: Provenance


class Precision(StrEnum):
    """How much of a date a time expression fixes."""

    DAY = "day"
    WEEK = "week"  # ``date`` is the Monday
    MONTH = "month"  # ``date`` is the first of the month
    YEAR = "year"  # ``date`` is 1 January


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression (``on Tuesday``, ``last month``, ``in 2014``) resolved against
    the article date: ``date`` is its first day at ``precision``."""

    span: Span
    sentence: int
    text: str
    date: dt.date
    precision: Precision
    provenance: Provenance
