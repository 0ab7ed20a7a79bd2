"""Light coreference: pronouns and owners resolved once speakers are known.

* ``I``, ``we``, ``our``... inside a quotation: its speaker;
* ``he``, ``she``, ``his``...: a person of the right gender named before, preferring the
  sentence's own subject, then the subject of the sentences before (the first person
  they name outside a prepositional phrase), as a reader would;
* ``its``: the last country, government or organisation in the same or previous
  sentence;
* owners (``its army``, ``the country's foreign minister``): the sector or office of the
  country ``its`` or ``the country`` refers to (``the bloc's leaders``: the organisation).

Pronouns that resolve to nothing are dropped.
"""

from __future__ import annotations

from dataclasses import replace

from entente.actors.resolve import is_codable, office_actor
from entente.lexicons.lexicon import EntryKind, Lexicon, PhraseEntry
from entente.model import Actor, Analysis, Mention, MentionKind, Provenance, Quote
from entente.text.phrases import governing_preposition

LAYER = "coref"
_THINGS = (
    MentionKind.COUNTRY,
    MentionKind.GOVERNMENT,
    MentionKind.ORGANISATION,
    MentionKind.SECTOR,
)


def resolve_pronouns(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """Resolve pronouns and owners. Third-person pronouns go first; a quotation whose
    speaker is one (``“...,” he said``) then takes its referent as its speaker; ``I``
    and ``we`` inside quotations go last, as their speaker is known by then."""
    analysis.require("actors", "quotes")
    grammar = lexicon.grammar
    known: list[Mention] = []  # resolved so far, in text order: the antecedents
    order: list[tuple[Mention, bool]] = []  # True: a self pronoun, for the second pass
    for m in analysis.mentions:
        resolved: Mention | None = m
        word = analysis.tokens[m.token_start].norm
        if m.kind is not MentionKind.PRONOUN:
            pass
        elif m.provenance.rule.startswith("owner"):
            resolved = _owned(analysis, lexicon, known, m)
        elif word in grammar.self_pronouns:
            order.append((m, True))
            continue
        else:
            actor, rule = None, ""
            if word in grammar.person_pronouns:
                actor, rule = _person(analysis, lexicon, known, m), "subject-person"
            elif word in grammar.thing_pronouns:
                actor, rule = _last(analysis, lexicon, known, m, _THINGS, 1), "last-country"
            resolved = (
                replace(m, actors=(actor,), provenance=Provenance(LAYER, rule))
                if actor is not None
                else None
            )
        if resolved is not None:
            known.append(resolved)
            order.append((resolved, False))
    analysis = analysis.with_layer(LAYER, quotes=_pronoun_speakers(analysis.quotes, known))
    final: list[Mention] = []
    for m, self_pronoun in order:
        if not self_pronoun:
            final.append(m)
        elif (actor := _speaker_of(analysis, m)) is not None:
            final.append(replace(m, actors=(actor,), provenance=Provenance(LAYER, "speaker")))
    return analysis.with_layer(LAYER, mentions=tuple(final))


def _pronoun_speakers(quotes: tuple[Quote, ...], mentions: list[Mention]) -> tuple[Quote, ...]:
    """Quotations whose speaker is a pronoun (``he said``), given its referent."""
    by_span = {m.span: m for m in mentions if m.kind is MentionKind.PRONOUN and m.actors}
    out = []
    for q in quotes:
        m = by_span.get(q.speaker_span) if q.speaker is None and q.speaker_span else None
        if m is not None and len(m.actors) == 1 and is_codable(m.actors[0]):
            actor = m.actors[0]
            q = replace(q, speaker=actor, speaker_text=actor.name or q.speaker_text)
        out.append(q)
    return tuple(out)


def _owned(
    analysis: Analysis, lexicon: Lexicon, mentions: list[Mention], m: Mention
) -> Mention | None:
    kind, _, what = m.provenance.rule.partition(":")
    kinds: tuple[MentionKind, ...] = _THINGS
    near = kind.endswith(("-near", "-body"))
    if kind.endswith("-near"):
        kinds = (MentionKind.COUNTRY, MentionKind.GOVERNMENT)
    elif kind.endswith("-body"):
        kinds = (MentionKind.ORGANISATION,)
    kind = kind.removesuffix("-near").removesuffix("-body")
    owner = _last(analysis, lexicon, mentions, m, kinds, 1, nearest=near)
    if owner is None:
        return None
    if owner.country is None:
        # the bloc's leaders, the alliance's members: the body itself
        return replace(
            m,
            actors=(owner,),
            kind=MentionKind.ORGANISATION,
            provenance=Provenance(LAYER, "owner-body"),
        )
    if kind == "owner-title":
        title = PhraseEntry(
            EntryKind.TITLE, f"title:{what}", sector=lexicon.office_sector(what), office=what
        )
        actor = office_actor(lexicon, title, owner.country, analysis.date)
        return replace(
            m,
            actors=(actor,),
            kind=MentionKind.PERSON,
            provenance=Provenance(LAYER, f"owner:{owner.country}.{what}"),
        )
    actor = lexicon.country_actor(owner.country, what)
    return replace(
        m,
        actors=(actor,),
        kind=MentionKind.SECTOR,
        provenance=Provenance(LAYER, f"owner:{actor.code}"),
    )


def _speaker_of(analysis: Analysis, mention: Mention) -> Actor | None:
    for quote in analysis.quotes:
        if quote.span.contains(mention.span):
            return quote.speaker
    return None


def _person(
    analysis: Analysis, lexicon: Lexicon, mentions: list[Mention], pronoun: Mention
) -> Actor | None:
    """The person a ``he``/``she`` refers to: the subject of its own sentence if a
    person came before it there, else the first person of the nearest earlier sentence
    that names one (outside prepositional phrases where possible)."""
    word = analysis.tokens[pronoun.token_start].norm
    gender = "f" if word in lexicon.grammar.feminine_pronouns else "m"
    quoted = [q.span for q in analysis.quotes]
    home = next((span for span in quoted if span.contains(pronoun.span)), None)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if (
            m.kind is MentionKind.PERSON
            and len(m.actors) == 1
            and 0 <= pronoun.sentence - m.sentence <= 2
            and m.token_end <= pronoun.token_start
            and next((span for span in quoted if span.contains(m.span)), None) == home
            and _gender_ok(lexicon, m.actors[0], gender)
        ):
            by_sentence.setdefault(m.sentence, []).append(m)
    for index in sorted(by_sentence, reverse=True):
        people = by_sentence[index]
        if index == pronoun.sentence and word in lexicon.grammar.object_pronouns:
            return people[-1].actors[0]  # urged him: not the subject of the same clause
        floor = analysis.sentences[index].token_start
        for m in people:
            if (
                governing_preposition(analysis.tokens, m.token_start, floor, lexicon.grammar)
                is None
            ):
                return m.actors[0]
        return people[0].actors[0]
    return None


def _gender_ok(lexicon: Lexicon, actor: Actor, gender: str) -> bool:
    person = lexicon.people.get(actor.entity_id or "")
    return person is None or person.gender is None or person.gender == gender


def _last(
    analysis: Analysis,
    lexicon: Lexicon,
    mentions: list[Mention],
    pronoun: Mention,
    kinds: tuple[MentionKind, ...],
    back: int,
    nearest: bool = False,
) -> Actor | None:
    """The nearest earlier mention of ``kinds``, preferring one not inside a
    prepositional phrase (``India's talks with Russia reflect its...``: India) unless
    ``nearest`` (``flew aid to Myanmar ... the country's rulers``: Myanmar)."""
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
        if (
            nearest
            or governing_preposition(analysis.tokens, m.token_start, floor, lexicon.grammar) is None
        ):
            return m.actors[0]
        fallback = fallback or m.actors[0]
    return fallback
