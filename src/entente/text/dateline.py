"""Metadata lines and datelines at the head of a story.

``date 2025-09-08`` (the shape of the seed articles) gives the article date when the
source had none. A dateline is an upper-case place name, optionally followed by a
region, a month and day and an agency, and closed by a colon or a dash:
``NEW DELHI:``, ``MOSCOW, July 9 —``, ``VLADIVOSTOK, Russia, Sept 5 —``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from entente.model import Span

_DATE_LINE_RE = re.compile(r"(?im)^[ \t]*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})\b")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_DATELINE_RE = re.compile(
    rf"""
    (?P<place>[A-Z][A-Z'.\-]+(?:[ ][A-Z][A-Z'.\-]+){{0,3}})
    (?:,[ ](?P<region>[A-Z][A-Za-z.'\-]+(?:[ ][A-Z][A-Za-z.'\-]+){{0,2}})(?=,|[ ]*[:—–-]))?
    (?:,[ ](?P<when>{_MONTH}))?
    (?:[ ]\((?P<agency>[A-Za-z .]+)\))?
    [ ]*(?::|—|–|--|-)[ ]+
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class DateLine:
    span: Span
    date: dt.date


@dataclass(frozen=True, slots=True)
class PlaceLine:
    span: Span
    place: str
    region: str | None


def find_date_line(text: str, start: int = 0) -> DateLine | None:
    """A ``date YYYY-MM-DD`` line in the first lines of the text."""
    match = _DATE_LINE_RE.search(text, start, min(len(text), start + 400))
    if match is None:
        return None
    try:
        date = dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None
    first = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
    return DateLine(Span(first, match.end()), date)


def find_dateline(text: str, start: int) -> PlaceLine | None:
    """A dateline beginning exactly at ``start``."""
    match = _DATELINE_RE.match(text, start)
    if match is None or len(match.group("place").replace(".", "")) < 3:
        return None
    place = match.group("place").title()
    return PlaceLine(Span(start, match.end()), place, match.group("region"))
