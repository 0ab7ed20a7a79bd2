"""Composing candidates into resolved mentions.

The shapes, tried left to right:

* ``[country|adjective]['s] title [person]`` – US President Joe Biden, India's foreign
  minister (the office holder on the article's date);
* ``title person`` – President Vladimir Putin, PM Modi;
* ``title of country`` – the President of Russia;
* ``[country|adjective]['s] sector`` – Indian diplomats (INDGOV), Russian troops;
* ``sector from|of|in country|pair`` – officials from both sides, the government of India;
* ``organisation member-noun`` – Quad partners;
* ``country–country`` and adjacent flags – India–USA, 🇮🇳🇺🇸 (a group);
* a single person, country, adjective, metonym, organisation, sector or anonymous noun.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from entente.actors.detect import PAIR, PRONOUN, Candidate
from entente.actors.resolve import office_actor, person_actor
from entente.lexicons.lexicon import EntryKind, Lexicon, PhraseEntry
from entente.lexicons.schema import PersonEntry
from entente.model import Actor, MentionKind, Token

_NATIONAL = (EntryKind.COUNTRY, EntryKind.ADJECTIVE, EntryKind.GOVERNMENT)
_LINKS = frozenset({"from", "of", "in"})
_DASHES = frozenset({"-", "–", "—", "/"})


@dataclass(frozen=True, slots=True)
class Composed:
    """A composed mention before it becomes a record: tokens, actors, kind and rule.

    ``pending`` marks pronouns and pair anaphors, resolved later from context.
    """

    start: int
    end: int
    actors: tuple[Actor, ...]
    kind: MentionKind
    rule: str
    pending: str | None = None
    possessive: bool = False


class Composer:
    """Turns the candidates of one sentence into composed mentions."""

    def __init__(self, lexicon: Lexicon, tokens: tuple[Token, ...], date: dt.date | None):
        self.lexicon = lexicon
        self.tokens = tokens
        self.date = date

    def compose(self, cands: list[Candidate]) -> Iterator[Composed]:
        i = 0
        while i < len(cands):
            composed, used = self._compose_at(cands, i)
            if composed is not None:
                yield composed
            i += used

    def _compose_at(self, cands: list[Candidate], i: int) -> tuple[Composed | None, int]:
        for shape in (
            self._titled,
            self._sector_of,
            self._national_sector,
            self._group,
            self._members,
        ):
            result = shape(cands, i)
            if result is not None:
                return result
        return self._single(cands[i]), 1

    # -- shapes -----------------------------------------------------------------------
    def _titled(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        c = cands[i]
        country: str | None = None
        j = i
        if c.kind in _NATIONAL and self._next_is(cands, i, EntryKind.TITLE, allow_possessive=True):
            country = _country_of(c)
            j = i + 1
        title = cands[j]
        if title.kind is not EntryKind.TITLE or title.entry is None:
            return None
        entry = title.entry
        if self._next_is(cands, j, EntryKind.PERSON):
            person = self._person(cands[j + 1].entry)
            actor = person_actor(self.lexicon, person, self.date, entry)
            return self._make(
                c.start,
                cands[j + 1].end,
                actor,
                MentionKind.PERSON,
                f"person:{person.id}+{entry.rule}",
            ), j + 2 - i
        country = country or entry.office_country
        if country is None and self._word(title.end) == "of" and j + 1 < len(cands):
            nxt = cands[j + 1]
            if nxt.start == title.end + 1 and nxt.kind in _NATIONAL:
                country = _country_of(nxt)
                actor = office_actor(self.lexicon, entry, country or "", self.date)
                return self._make(
                    title.start,
                    nxt.end,
                    actor,
                    MentionKind.PERSON,
                    f"office:{country}.{entry.office}",
                ), j + 2 - i
        if country is None:
            return None
        actor = office_actor(self.lexicon, entry, country, self.date)
        return self._make(
            c.start, title.end, actor, MentionKind.PERSON, f"office:{country}.{entry.office}"
        ), j + 1 - i

    def _national_sector(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        c = cands[i]
        if c.kind not in _NATIONAL or not self._next_is(
            cands, i, EntryKind.SECTOR, allow_possessive=True
        ):
            return None
        sector = cands[i + 1].entry
        country = _country_of(c)
        if sector is None or country is None:
            return None
        actor = self.lexicon.country_actor(country, sector.sector)
        return self._make(
            c.start,
            cands[i + 1].end,
            actor,
            MentionKind.SECTOR,
            f"{c.entry.rule if c.entry else ''}+{sector.rule}",
        ), 2

    def _sector_of(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        c = cands[i]
        if c.kind is not EntryKind.SECTOR or c.entry is None or i + 1 >= len(cands):
            return None
        nxt = cands[i + 1]
        gap = [self._word(k) for k in range(c.end, nxt.start)]
        if (
            not gap
            or gap[0] not in _LINKS
            or not all(w in _LINKS or w in self.lexicon.grammar.determiners for w in gap)
        ):
            return None
        sector = c.entry.sector
        if nxt.kind == PAIR:
            return Composed(
                c.start,
                nxt.end,
                (),
                MentionKind.GROUP,
                f"pair+{c.entry.rule}",
                pending=f"pair:{sector}",
            ), 2
        if nxt.kind in (EntryKind.COUNTRY, EntryKind.GOVERNMENT):
            country = _country_of(nxt)
            if country:
                actor = self.lexicon.country_actor(country, sector)
                return self._make(
                    c.start,
                    nxt.end,
                    actor,
                    MentionKind.SECTOR,
                    f"{c.entry.rule}+{nxt.entry.rule if nxt.entry else ''}",
                ), 2
        return None

    def _group(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        """``India–USA`` or adjacent flags: several countries named as one unit."""
        j = i
        actors: list[Actor] = []
        while j < len(cands) and cands[j].kind is EntryKind.COUNTRY and cands[j].entry:
            actor = cands[j].entry.actor  # type: ignore[union-attr]
            if actor is None:
                break
            actors.append(actor)
            if j + 1 >= len(cands) or not self._joined(cands[j].end, cands[j + 1].start):
                break
            j += 1
        unique = tuple(dict.fromkeys(actors))
        if len(unique) < 2:
            return None
        return self._make_group(cands[i].start, cands[j].end, unique), j + 1 - i

    def _members(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        c = cands[i]
        if c.kind is not EntryKind.ORGANISATION or c.entry is None or c.entry.actor is None:
            return None
        if self._word(c.end) not in self.lexicon.grammar.member_nouns:
            return None
        return self._make(
            c.start, c.end + 1, c.entry.actor, MentionKind.ORGANISATION, c.entry.rule + "+members"
        ), 1

    def _single(self, c: Candidate) -> Composed | None:
        if c.kind == PRONOUN:
            return Composed(c.start, c.end, (), MentionKind.PRONOUN, "pronoun", pending="pronoun")
        if c.kind == PAIR:
            return Composed(c.start, c.end, (), MentionKind.GROUP, "pair", pending="pair:")
        entry = c.entry
        if entry is None:
            return None
        if entry.kind is EntryKind.PERSON:
            person = self._person(entry)
            actor = person_actor(self.lexicon, person, self.date, None)
            return self._make(c.start, c.end, actor, MentionKind.PERSON, entry.rule)
        if entry.kind is EntryKind.SECTOR:
            actor = Actor(entry.sector or "", self._text(c), sector=entry.sector)
            return self._make(c.start, c.end, actor, MentionKind.SECTOR, entry.rule)
        if entry.kind is EntryKind.ANONYMOUS:
            return Composed(
                self._determiner_start(c.start), c.end, (), MentionKind.SECTOR, entry.rule
            )
        if entry.actor is None:
            return None  # a title alone: resolved by issue 3's context rules
        kind = _MENTION_KIND[entry.kind]
        return self._make(c.start, c.end, entry.actor, kind, entry.rule)

    # -- helpers ----------------------------------------------------------------------
    def _make(self, start: int, end: int, actor: Actor, kind: MentionKind, rule: str) -> Composed:
        return Composed(start, end, (actor,), kind, rule, possessive=self._word(end) == "'s")

    def _make_group(self, start: int, end: int, actors: tuple[Actor, ...]) -> Composed:
        rule = "group:" + "+".join(a.code for a in actors)
        return Composed(start, end, actors, MentionKind.GROUP, rule)

    def _person(self, entry: PhraseEntry | None) -> PersonEntry:
        assert entry is not None
        assert entry.person_id is not None
        return self.lexicon.people[entry.person_id]

    def _next_is(
        self, cands: list[Candidate], i: int, kind: EntryKind, allow_possessive: bool = False
    ) -> bool:
        if i + 1 >= len(cands) or cands[i + 1].kind is not kind:
            return False
        gap = cands[i + 1].start - cands[i].end
        return gap == 0 or (allow_possessive and gap == 1 and self._word(cands[i].end) == "'s")

    def _joined(self, end: int, nxt: int) -> bool:
        """Two country names written as one unit: touching, or joined by a dash."""
        if nxt == end:
            return self.tokens[nxt].span.start == self.tokens[end - 1].span.end
        if nxt == end + 1 and self._word(end) in _DASHES:
            return self.tokens[end].span.start == self.tokens[end - 1].span.end
        return False

    def _determiner_start(self, start: int) -> int:
        k = start
        while (
            k > 0
            and self.tokens[k - 1].sentence == self.tokens[start].sentence
            and (
                self.tokens[k - 1].norm in self.lexicon.grammar.determiners
                or self.tokens[k - 1].norm in self.lexicon.grammar.speaker_modifiers
            )
        ):
            k -= 1
        return k

    def _word(self, index: int) -> str:
        return self.tokens[index].norm if index < len(self.tokens) else ""

    def _text(self, c: Candidate) -> str:
        return " ".join(t.text for t in self.tokens[c.start : c.end])


_MENTION_KIND = {
    EntryKind.COUNTRY: MentionKind.COUNTRY,
    EntryKind.ADJECTIVE: MentionKind.ADJECTIVE,
    EntryKind.GOVERNMENT: MentionKind.GOVERNMENT,
    EntryKind.ORGANISATION: MentionKind.ORGANISATION,
}


def _country_of(c: Candidate) -> str | None:
    if c.entry is None or c.entry.actor is None:
        return None
    return c.entry.actor.country
