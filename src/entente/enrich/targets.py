"""What a quotation is about: the countries (and non-state bodies) it names or is aimed at.

A quotation's targets are, in order of first appearance:

* the actors mentioned inside it (``“China must respect the ruling”``), a pronoun
  counting for the actor it was resolved to;
* the ones the events of its sentences direct it at: the targets of the events coded
  inside it, and of the events whose source is its speaker (``Jaishankar criticised
  Washington, saying “...”``).

Each actor counts by its country (``INDGOV`` is ``IND``), a body with no country by its
code's first three letters (``EUR``, ``UNO``, ``IGO``); a sector noun with neither
(``troops``) does not count. The speaker's own country is left out, unless it is the
only one named (``“India will not bow to pressure,” Modi said`` is about India).
"""

from __future__ import annotations

from entente.model import NON_STATE, Actor, Analysis, Event, MentionKind, Quote


def quote_targets(analysis: Analysis, quote: Quote) -> tuple[str, ...]:
    """The codes ``quote`` is about (see the module)."""
    own = target_code(quote.speaker) if quote.speaker is not None else None
    named: list[str] = []
    pronouns: list[str] = []
    for m in analysis.mentions:
        if quote.span.contains(m.span):
            found = pronouns if m.kind is MentionKind.PRONOUN else named
            found.extend(c for a in m.actors if (c := target_code(a)))
    directed = [
        c
        for e in analysis.events
        if _directs(e, quote, own)
        for c in (target_code(e.target), *_inside_source(e, quote))
        if c
    ]
    codes = list(dict.fromkeys([*named, *pronouns, *directed]))
    others = tuple(c for c in codes if c != own)
    if others:
        return others
    return (own,) if own is not None and own in named else ()


def target_code(actor: Actor) -> str | None:
    """The country of ``actor``, else its non-state code; ``None`` for neither."""
    if actor.country:
        return actor.country
    return actor.root if actor.root in NON_STATE else None


def _inside_source(event: Event, quote: Quote) -> tuple[str | None, ...]:
    """The source of an event coded inside the quotation (often the speaker's own side)."""
    return (target_code(event.source),) if event.quote_id == quote.quote_id else ()


def _directs(event: Event, quote: Quote, own: str | None) -> bool:
    """An event inside the quotation, or one its speaker makes in the same sentence."""
    if event.quote_id == quote.quote_id:
        return True
    if not event.evidence.overlaps(quote.span):
        return False
    said, did = quote.speaker_span, event.source_span
    if said is not None and did is not None and did.overlaps(said):
        return True
    return own is not None and target_code(event.source) == own
