"""Light coreference: pronouns resolved once speakers are known.

* ``I``, ``we``, ``our``... inside a quotation: its speaker;
* ``he``, ``she``, ``his``...: the last named person in the same or the two previous
  sentences;
* ``its``: the last country, government or organisation in the same or previous
  sentence.

Pronouns that resolve to nothing are dropped.
"""

from __future__ import annotations

from dataclasses import replace

from entente.lexicons.lexicon import Lexicon
from entente.model import Actor, Analysis, Mention, MentionKind, Provenance
from entente.text.phrases import governing_preposition

LAYER = "coref"
_THINGS = (
    MentionKind.COUNTRY,
    MentionKind.GOVERNMENT,
    MentionKind.ORGANISATION,
    MentionKind.SECTOR,
)


def resolve_pronouns(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    analysis.require("actors", "quotes")
    grammar = lexicon.grammar
    resolved: list[Mention] = []
    for m in analysis.mentions:
        if m.kind is not MentionKind.PRONOUN:
            resolved.append(m)
            continue
        word = analysis.tokens[m.token_start].norm
        actor, rule = None, ""
        if word in grammar.self_pronouns:
            actor, rule = _speaker_of(analysis, m), "speaker"
        elif word in grammar.person_pronouns:
            actor, rule = (
                _last(analysis, lexicon, resolved, m, (MentionKind.PERSON,), 2),
                "last-person",
            )
        elif word in grammar.thing_pronouns:
            actor, rule = _last(analysis, lexicon, resolved, m, _THINGS, 1), "last-country"
        if actor is not None:
            resolved.append(replace(m, actors=(actor,), provenance=Provenance(LAYER, rule)))
    return analysis.with_layer(LAYER, mentions=tuple(resolved))


def _speaker_of(analysis: Analysis, mention: Mention) -> Actor | None:
    for quote in analysis.quotes:
        if quote.span.contains(mention.span):
            return quote.speaker
    return None


def _last(
    analysis: Analysis,
    lexicon: Lexicon,
    mentions: list[Mention],
    pronoun: Mention,
    kinds: tuple[MentionKind, ...],
    back: int,
) -> Actor | None:
    """The nearest earlier mention of ``kinds``, preferring one not inside a
    prepositional phrase (``India's talks with Russia reflect its...``: India)."""
    fallback: Actor | None = None
    for m in reversed(mentions):
        if pronoun.sentence - m.sentence > back:
            break
        if (
            m.kind not in kinds
            or len(m.actors) != 1
            or (m.actors[0].country is None and (m.kind is MentionKind.SECTOR))
        ):
            continue
        floor = analysis.sentences[m.sentence].token_start
        if governing_preposition(analysis.tokens, m.token_start, floor, lexicon.grammar) is None:
            return m.actors[0]
        fallback = fallback or m.actors[0]
    return fallback
