"""What a quotation is about: the countries (and non-state bodies) it names or is aimed at.

A quotation's targets are, in order of first appearance:

* the actors mentioned inside it (``“China must respect the ruling”``), a pronoun
  counting for the actor it was resolved to;
* for a partial quotation, the actors between its speaker and it, which its words
  characterise (``Trump called India “a great partner”``);
* the ones the events of its sentences (and of the sentence naming its speaker) direct
  it at: both sides of the events coded inside it, the targets of its speaker's own acts
  (``Jaishankar criticised Washington, saying “...”``), and the sources of acts on the
  speaker's country, which it answers (``Turkish F-16s shot down a Russian warplane, an
  incident Putin called “a stab in the back”``).

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
    inside, outside = quote.span.start, quote.span.end
    for m in analysis.mentions:
        span = m.span
        if inside <= span.start and span.end <= outside:  # quote.span.contains(span)
            found = pronouns if m.kind is MentionKind.PRONOUN else named
            found.extend(c for a in m.actors if (c := target_code(a)))
    directed = [c for e in analysis.events for c in _directed(e, quote, own) if c]
    described = _described(analysis, quote)
    codes = list(dict.fromkeys([*named, *pronouns, *described, *directed]))
    others = tuple(c for c in codes if c != own)
    if others:
        return others
    return (own,) if own is not None and own in named else ()


def _described(analysis: Analysis, quote: Quote) -> list[str]:
    """A partial quotation's words characterise what stands between its speaker and it:
    ``Trump called India “a great partner”``, ``the Quad condemned North Korea's
    “destabilising” launches`` (the speaker found in the same sentence, before it)."""
    said = quote.speaker_span
    if said is None or said.end > quote.span.start or quote.provenance.rule != "clause-subject":
        return []
    after, before, pronoun = said.end, quote.span.start, MentionKind.PRONOUN
    return [
        c
        for m in analysis.mentions
        if after <= (span := m.span).start and span.end <= before and m.kind is not pronoun
        for a in m.actors
        if (c := target_code(a))
    ]


def target_code(actor: Actor) -> str | None:
    """The country of ``actor``, else its non-state code; ``None`` for neither."""
    if actor.country:
        return actor.country
    return actor.root if actor.root in NON_STATE else None


def _directed(event: Event, quote: Quote, own: str | None) -> tuple[str | None, ...]:
    """What ``event`` says the quotation is aimed at: both sides of an event inside it;
    the target of its speaker's own act, and the source of an act on the speaker's
    country, in its sentences or in the sentence naming its speaker."""
    if event.quote_id == quote.quote_id:
        return (target_code(event.target), target_code(event.source))
    near = event.evidence.overlaps(quote.span) or (
        quote.speaker_span is not None and event.evidence.contains(quote.speaker_span)
    )
    if not near:
        return ()
    said, did = quote.speaker_span, event.source_span
    source, target = target_code(event.source), target_code(event.target)
    if (said is not None and did is not None and did.overlaps(said)) or (
        own is not None and source == own
    ):
        return (target,)
    if own is not None and target == own:  # a reply: "an incident Putin called “...”"
        return (source,)
    return ()
