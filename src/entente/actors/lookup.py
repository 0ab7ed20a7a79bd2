"""Looking up one actor phrase on a date: what ``entente actors lookup`` answers.

The phrase goes through the same text and actor stages as an article dated ``date``, so
the answer is exactly what the coder would resolve in running text: ``PM Modi`` in 2019,
``the US president`` in 2023, ``Indian diplomats``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import takewhile
from typing import Any

from entente.actors.resolve import role_on
from entente.lexicons.lexicon import Lexicon
from entente.model import Article, Mention
from entente.pipeline import STAGES, Pipeline

# the coder's own stages up to coreference: a phrase resolves exactly as in an article
_ACTOR_STAGES = tuple(takewhile(lambda named: named[0] != "events", STAGES))


@dataclass(frozen=True)
class Resolution:
    """The answer for one phrase. ``code`` is None when nothing resolves."""

    text: str
    date: dt.date | None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    actor_id: str | None = None
    name: str | None = None
    role: dict[str, Any] | None = None
    members: tuple[str, ...] = ()
    rule: str | None = None
    matched: str | None = None
    kind: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "date": self.date.isoformat() if self.date else None,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "actor_id": self.actor_id,
            "name": self.name,
            "role": self.role,
            "members": list(self.members),
            "rule": self.rule,
            "matched": self.matched,
            "kind": self.kind,
        }


def lookup(text: str, date: dt.date | None, lexicon: Lexicon) -> Resolution:
    """Resolve ``text`` as the coder would in an article dated ``date``.

    Where the phrase holds several actors, the mention covering most of it answers
    (``Prime Minister Narendra Modi`` rather than ``Narendra Modi`` alone)."""
    # a phrase is read as running text, not as a heading (where capitals mean nothing)
    body = text if text.rstrip()[-1:] in (".", "!", "?") else text.rstrip() + " ."
    article = Article.create(body, date=date, source_id="lookup")
    analysis = Pipeline(lexicon, _ACTOR_STAGES).analyze(article)
    best = _widest(tuple(m for m in analysis.mentions if m.span.start < len(text)))
    if best is None or not best.actors:
        return Resolution(text, date)
    actor = best.actors[0]
    person = lexicon.people.get(actor.entity_id or "")
    role = None
    if person is not None:
        held = role_on(person, date)
        if held is not None:
            role = {
                "office": held.office,
                "country": held.country,
                "start": held.start.isoformat() if held.start else None,
                "end": held.end.isoformat() if held.end else None,
            }
    code = "+".join(a.code for a in best.actors) if best.is_group else actor.code
    return Resolution(
        text=text,
        date=date,
        code=code,
        country=actor.country if not best.is_group else None,
        sector=actor.sector if not best.is_group else None,
        actor_id=actor.entity_id,
        name=actor.name if not best.is_group else " and ".join(a.name for a in best.actors),
        role=role,
        members=actor.members,
        rule=best.provenance.rule,
        matched=analysis.text[best.span.start : min(best.span.end, len(text))],
        kind=str(best.kind),
    )


def _widest(mentions: tuple[Mention, ...]) -> Mention | None:
    resolved = [m for m in mentions if m.actors]
    if not resolved:
        return None
    return max(resolved, key=lambda m: (m.span.end - m.span.start, -m.span.start))
