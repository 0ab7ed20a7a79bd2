"""The actors stage: every actor mention of an article, resolved on its date.

Pronouns and owners (``its army``) are left pending here and resolved by
:mod:`entente.actors.coref` once the quotation layer has named the speakers. The rest of
the context rules live here:

* ``both sides`` and its kin: the two countries last named; ``the country``: the last;
* a sector noun with no country (``the army``, ``protesters``) takes one from context:
  a definite noun first looks back for the same sector with a country (``Indian troops
  ... the army``), then for a place it is ``in`` within the sentence (``soldiers seized
  power in Niamey``), the dateline's country, and the article's first country; a bare
  noun tries the place first;
* a title alone (``the prime minister``) is the office's last holder named in the
  article, or the holder on the article's date in the context country;
* a people is coded by the state it lives in, as the sentence places it: a minority
  (``ethnic Albanians``) in the other state the sentence puts things in or names, a
  community of several states (Kurds, Hutu) in the one of them the sentence names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import compress
from operator import itemgetter

from entente.actors.compose import Composed, Composer
from entente.actors.detect import any_between as _any_between
from entente.actors.detect import find_candidates, read_words
from entente.actors.resolve import office_actor, role_on
from entente.lexicons.lexicon import Lexicon
from entente.model import (
    Actor,
    Analysis,
    Mention,
    MentionKind,
    Provenance,
    Sentence,
    SentenceKind,
    Span,
    Token,
)
from entente.model.ids import ID_LENGTH as _ID

_ID_BYTES = _ID // 2  # an id's hex digits: the digest's first bytes
if _ID % 2:
    raise RuntimeError("an id of an odd length: take the mentions' ids from hexdigest")

LAYER = "actors"
_SKIPPED = (SentenceKind.META, SentenceKind.DATELINE)
_PLACED = (MentionKind.COUNTRY, MentionKind.GOVERNMENT, MentionKind.ADJECTIVE)
_PLACING = ("context:", "resident:")  # the pending mentions placed by the sentence's places
_RESPELLED = "+respelled"  # the rule suffix of a mention read through a correction
_FIRST = itemgetter(0)
_sha256 = hashlib.sha256
_PROVENANCES: dict[str, Provenance] = {}  # rule -> the (frozen) provenance of its mentions
_PROVENANCES_MAX = 4096


@dataclass
class _Context:
    """What the article has said so far that later mentions lean on."""

    dateline: str | None
    date: dt.date | None
    seen: list[str] = field(default_factory=list)  # countries named, in order
    first: str | None = None
    by_sector: dict[str, str] = field(default_factory=dict)  # sector -> last country
    by_office: dict[str, Actor] = field(default_factory=dict)  # office -> last holder named

    def note(self, composed: Composed, lexicon: Lexicon) -> None:
        for actor in composed.actors:
            if actor.country is None:
                continue
            self.first = self.first or actor.country
            if composed.kind is not MentionKind.ADJECTIVE:
                self.seen.append(actor.country)
            if actor.sector:
                self.by_sector[actor.sector] = actor.country
            if actor.entity_id in lexicon.people:
                role = role_on(lexicon.people[actor.entity_id], self.date)
                if role is not None:
                    self.by_office[role.office] = actor


def analyze_actors(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """Add actor mentions (pronouns and owners pending)."""
    analysis.require("text")
    composer = Composer(lexicon, analysis.tokens, analysis.date)
    # a venue's country (UNITED NATIONS: the US) is not what the story is about
    dateline = (
        analysis.dateline.country if analysis.dateline and not analysis.dateline.venue else None
    )
    context = _Context(dateline, analysis.date)
    kept: list[tuple[Composed, int]] = []  # the mentions' composed forms and sentences
    words = read_words(analysis.tokens, lexicon)
    tokens, text, id_head = analysis.tokens, analysis.text, _id_head(analysis.article.article_id)
    for sentence in analysis.sentences:
        if sentence.kind in _SKIPPED:
            continue
        start, end = sentence.token_start, sentence.token_end
        cands = find_candidates(analysis.tokens, start, end, lexicon, words)
        if not cands:
            continue  # nothing to compose (nor to place)
        headline = partial(_is_headline, analysis, sentence)  # asked only where it matters
        composed_all = composer.compose(cands, start, headline)
        # where the sentence puts things: read when a sector or a people waiting to be
        # placed first asks (it depends on the sentence's composed mentions alone)
        places: list[tuple[int, str]] | None = None
        respelled = (  # words read through a one-letter correction (actors/spelling.py)
            {
                k
                for c in cands
                if c.entry is not None and c.entry.rule.endswith(_RESPELLED)
                for k in range(c.start, c.end)
            }
            if _any_between(words.slips, start, end)  # only a slip is corrected
            else None
        )
        for composed in composed_all:
            pending = composed.pending
            if pending is not None and pending != "pronoun":
                if places is None and pending.startswith(_PLACING):
                    places = _locatives(analysis, lexicon, composed_all, sentence, words.lower)
                resolved = _resolve(
                    analysis, lexicon, composed, composed_all, context, places or []
                )
                if resolved is None:
                    continue
                composed = resolved
            if (
                respelled
                and respelled.intersection(range(composed.start, composed.end))
                and not composed.rule.endswith(_RESPELLED)
            ):
                composed = replace(composed, rule=f"{composed.rule}{_RESPELLED}")
            kept.append((composed, sentence.index))
            if composed.actors:
                context.note(composed, lexicon)
    mentions = _mentions(tokens, text, id_head, kept)
    return analysis.with_layer(LAYER, mentions=mentions)


def _resolve(
    analysis: Analysis,
    lexicon: Lexicon,
    composed: Composed,
    composed_all: list[Composed],
    context: _Context,
    places: list[tuple[int, str]],
) -> Composed | None:
    """A mention with what its ``pending`` waits for taken from context (pronouns and
    owners stay pending); None for one that context cannot resolve and that is dropped."""
    pending = composed.pending or ""
    if pending.startswith("pair:"):
        return _resolve_pair(composed, context.seen, lexicon)
    if pending.startswith("context:"):
        return _place_sector(analysis, lexicon, composed, context, places)
    if pending.startswith("resident:"):
        return _place_people(lexicon, composed, composed_all, places)
    if pending == "country":
        if not context.seen:
            return None
        country = context.seen[-1]
        return _settled(
            composed, actors=(lexicon.country_actor(country),), rule=f"country-anaphor:{country}"
        )
    if pending.startswith("title:"):
        return _place_title(analysis, lexicon, composed, context)
    return composed


def _is_headline(analysis: Analysis, sentence: Sentence) -> bool:
    """A line in title case (``Modi Meets Putin in Moscow``), where capitals do not mark
    names: most longer words capitalised, in a heading or a line of four or more."""
    tokens = analysis.tokens[sentence.token_start : sentence.token_end]
    words = [t.text for t in tokens if len(t.text) > 3 and t.text.isalpha()]
    enough = len(words) >= (3 if sentence.kind is SentenceKind.HEADING else 4)
    return enough and sum(map(str.isupper, map(_FIRST, words))) >= 0.8 * len(words)


def _locatives(
    analysis: Analysis,
    lexicon: Lexicon,
    composed: list[Composed],
    sentence: Sentence,
    norms: list[str],
) -> list[tuple[int, str]]:
    """Countries of the places the sentence puts things ``in`` (``in Niamey``, ``in
    several Indian cities``)."""
    found: list[tuple[int, str]] = []
    for c in composed:
        if c.kind not in _PLACED or len(c.actors) != 1 or c.actors[0].country is None:
            continue
        if c.kind is MentionKind.ADJECTIVE:
            after = analysis.tokens[c.end].norm if c.end < len(analysis.tokens) else ""
            if after not in lexicon.grammar.place_nouns:
                continue
        k = c.start - 1
        while k >= sentence.token_start and (
            analysis.tokens[k].norm in lexicon.grammar.determiners
            or analysis.tokens[k].norm.isdigit()
        ):
            k -= 1
        if k >= sentence.token_start and analysis.tokens[k].norm in lexicon.grammar.locatives:
            found.append((c.start, c.actors[0].country))
    return found + _gazetteer_places(analysis, lexicon, sentence, norms)


def _gazetteer_places(
    analysis: Analysis, lexicon: Lexicon, sentence: Sentence, norms: list[str]
) -> list[tuple[int, str]]:
    """Places that are not actors, from the gazetteer: ``in Melbourne``, ``in Yangon``
    (``norms``: the article's token norms)."""
    tokens = analysis.tokens
    found: list[tuple[int, str]] = []
    # the sentence's locatives (``in``, ``near``) but its last word, read only in the
    # sentences that ask
    start, stop = sentence.token_start, sentence.token_end - 1
    is_locative = lexicon.grammar.locatives.__contains__
    for k in compress(range(start, stop), map(is_locative, norms[start:stop])):
        j = k + 1
        while j < sentence.token_end and tokens[j].norm in lexicon.grammar.determiners:
            j += 1
        place = lexicon.place_at(tokens, j, sentence.token_end)
        if place is not None:
            found.append((j, place[0]))
    return found


def _definite(analysis: Analysis, lexicon: Lexicon, composed: Composed) -> bool:
    k = composed.start - 1
    return k >= 0 and analysis.tokens[k].norm in lexicon.grammar.definite_determiners


def _place_sector(
    analysis: Analysis,
    lexicon: Lexicon,
    composed: Composed,
    context: _Context,
    places: list[tuple[int, str]],
) -> Composed:
    sector = (composed.pending or "").split(":", 1)[1]
    anaphor = context.by_sector.get(sector)
    definite = _definite(analysis, lexicon, composed)
    if anaphor and definite:
        country: str | None = anaphor  # the same sector named with a country before
    else:
        place = min(places, key=lambda p: abs(p[0] - composed.start))[1] if places else None
        order = (
            (anaphor, place, context.dateline, context.first)
            if definite
            else (place, context.dateline, anaphor, context.first)
        )
        country = next((c for c in order if c), None)
    if country is None:
        return _settled(composed)
    actor = Actor(country + sector, composed.actors[0].name, country=country, sector=sector)
    return _settled(composed, actors=(actor,), rule=composed.rule + "+context")


def _place_people(
    lexicon: Lexicon,
    composed: Composed,
    composed_all: list[Composed],
    places: list[tuple[int, str]],
) -> Composed:
    """A people the sentence places: a community of several states in the one of them the
    sentence puts things in (``Kurds demonstrated in Iraq``), a minority (``ethnic Turks``)
    in the first other state the sentence puts things in or names; unplaced, its main
    country."""
    sector = (composed.pending or "").split(":", 1)[1]
    own = composed.actors[0].country
    named = [c.actors[0].country for c in composed_all if c.kind in _PLACED and len(c.actors) == 1]
    for country in [p[1] for p in places] + ([] if composed.homes else named):
        if country is None or country == own:
            continue
        if not composed.homes or country in composed.homes:
            actor = lexicon.country_actor(country, sector)
            return _settled(composed, actors=(actor,), rule=f"resident:{country}")
    return _settled(composed)


def _place_title(
    analysis: Analysis, lexicon: Lexicon, composed: Composed, context: _Context
) -> Composed | None:
    """``the prime minister``: the last holder of the office named, else the holder in
    the context country (a title alone written without ``the`` is not resolved)."""
    office = (composed.pending or "").split(":", 1)[1]
    if not _definite(analysis, lexicon, composed) or composed.title is None:
        return None
    named = context.by_office.get(office)
    if named is not None:
        return _settled(composed, actors=(named,), rule=composed.rule + "+anaphor")
    country = context.dateline or context.first
    if country is None:
        return None
    title = lexicon.title_for(composed.title, country)
    actor = office_actor(lexicon, title, country, context.date)
    return _settled(composed, actors=(actor,), rule=composed.rule + "+context")


def _resolve_pair(composed: Composed, seen: list[str], lexicon: Lexicon) -> Composed:
    """``both sides``: the two distinct countries named last."""
    pair: list[str] = []
    for country in reversed(seen):
        if country not in pair:
            pair.append(country)
        if len(pair) == 2:
            break
    if len(pair) < 2:
        return composed
    sector = (composed.pending or "pair:").split(":", 1)[1] or "GOV"
    actors = tuple(lexicon.country_actor(code, sector) for code in reversed(pair))
    return _settled(composed, actors=actors)


def _mentions(
    tokens: tuple[Token, ...], text: str, id_head: str, kept: list[tuple[Composed, int]]
) -> tuple[Mention, ...]:
    """The records of an article's mentions (``kept``: each composed with its sentence)."""
    mentions: list[Mention] = []
    for composed, sentence in kept:
        start, end = tokens[composed.start].span.start, tokens[composed.end - 1].span.end
        # make_id("m", article_id, start, end), its digest taken here without the joins
        digest = _sha256(f"{id_head}{start}\x1f{end}".encode()).digest()
        kind, rule = _kind_rule(composed)
        mentions.append(
            Mention(
                "m_" + digest[:_ID_BYTES].hex(),
                Span(start, end),
                text[start:end],
                sentence,
                composed.start,
                composed.end,
                composed.actors,
                kind,
                _provenance(rule),
            )
        )
    return tuple(mentions)


def _kind_rule(composed: Composed) -> tuple[MentionKind, str]:
    """A mention's kind and rule: a pending owner (``its army``) is a pronoun for now."""
    pending = composed.pending
    if pending is None:
        return composed.kind, composed.rule
    if pending.startswith("owner"):
        return MentionKind.PRONOUN, pending
    return MentionKind.PRONOUN if pending == "pronoun" else composed.kind, composed.rule


def _provenance(rule: str) -> Provenance:
    """The (frozen, shared) provenance of the mentions a rule makes."""
    provenance = _PROVENANCES.get(rule)
    if provenance is None:
        if len(_PROVENANCES) >= _PROVENANCES_MAX:
            _PROVENANCES.clear()
        provenance = _PROVENANCES[rule] = Provenance(LAYER, rule)
    return provenance


def _id_head(article_id: str | None) -> str:
    """What :func:`make_id` hashes for ``("m", article_id, start, end)`` before the
    span's offsets: ``_mentions`` adds them and hashes it, the same id."""
    return "m\x1e" + ("\x00" if article_id is None else article_id) + "\x1f"


def _settled(
    composed: Composed, actors: tuple[Actor, ...] | None = None, rule: str | None = None
) -> Composed:
    """``composed`` with nothing pending, its actors and rule replaced where given (what
    ``dataclasses.replace`` makes, built directly: it reads the fields each call)."""
    return Composed(
        composed.start,
        composed.end,
        composed.actors if actors is None else actors,
        composed.kind,
        composed.rule if rule is None else rule,
        None,
        composed.possessive,
        composed.title,
        composed.homes,
    )
