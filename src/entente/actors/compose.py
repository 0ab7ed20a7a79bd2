"""Composing candidates into resolved mentions.

The shapes, tried left to right:

* ``its|the country's [modifiers] sector|title`` – its air force, the country's foreign
  minister: the owner is found by coreference later;
* ``[country|adjective]['s] [modifiers] title [person]`` – US President Joe Biden,
  Pakistan's visiting prime minister (the office holder on the article's date; ``former``
  stops the title from naming the holder);
* ``title person`` – President Vladimir Putin, PM Modi;
* ``title of country`` – the President of Russia;
* ``sector from|of|in country|pair`` – officials from both sides, the government of India;
* ``adjective, adjective and adjective sector`` – Indian and US forces (a group);
* ``[country|adjective]['s] [modifiers] sector`` – Indian diplomats, Ethiopia's federal
  government;
* ``organisation sector`` – Hamas gunmen (the organisation);
* ``country company-word``, ``Air country`` – Malaysia Airlines, Air India (business);
* ``organisation member-noun`` – Quad partners;
* ``country–country`` and adjacent flags – India–USA, 🇮🇳🇺🇸 (a group);
* a single person, country, adjective, metonym, organisation, sector or anonymous noun.
  A sector or title with no country is left for the stage to place from context.

Before any shape, a candidate that is part of a longer proper name is dropped: a
country, adjective or surname touching a capitalised word the lexicon does not know
(``Michael Jordan``, ``Nirav Modi``, ``American Airlines``, ``India Today``), and a
nationality in a hyphenated compound (``an Indian-British author``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from entente.actors.detect import COUNTRY_ANAPHOR, PAIR, PRONOUN, Candidate
from entente.actors.resolve import (
    office_actor,
    organisation_actor,
    person_actor,
    role_on,
)
from entente.lexicons.lexicon import EntryKind, Lexicon, PhraseEntry
from entente.lexicons.schema import PersonEntry, Role
from entente.model import Actor, MentionKind, Token, TokenKind

_NATIONAL = (EntryKind.COUNTRY, EntryKind.ADJECTIVE, EntryKind.GOVERNMENT)
_NAME_PARTS = (EntryKind.COUNTRY, EntryKind.ADJECTIVE, EntryKind.PERSON)
# the kinds a proper-name trap may catch (see _in_longer_name)
_TRAPPED = frozenset({*_NAME_PARTS, EntryKind.COMMUNITY, EntryKind.ORGANISATION})
_LINKS = frozenset({"from", "of", "in"})
_DASHES = frozenset({"-", "–", "—", "/"})
_LIST_JOINERS = frozenset({",", "and", "or"})


@dataclass(frozen=True, slots=True)
class Composed:
    """A composed mention before it becomes a record: tokens, actors, kind and rule.

    ``pending`` marks what needs context to resolve: ``pronoun``; ``pair:SECTOR`` (both
    sides); ``owner:SECTOR`` and ``owner-title:OFFICE`` (its army, the country's
    president); ``context:SECTOR`` and ``title:OFFICE`` (the army, the prime minister);
    ``resident:SECTOR`` (a people the sentence may place in one of ``homes``, or with no
    ``homes`` in any country but its own: ethnic Albanians, Kurds).
    """

    start: int
    end: int
    actors: tuple[Actor, ...]
    kind: MentionKind
    rule: str
    pending: str | None = None
    possessive: bool = False
    title: PhraseEntry | None = None
    homes: tuple[str, ...] = ()  # ``resident:``: the countries the stage may place it in

    def __init__(
        self,
        start: int,
        end: int,
        actors: tuple[Actor, ...],
        kind: MentionKind,
        rule: str,
        pending: str | None = None,
        possessive: bool = False,
        title: PhraseEntry | None = None,
        homes: tuple[str, ...] = (),
    ) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "actors", actors)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "pending", pending)
        object.__setattr__(self, "possessive", possessive)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "homes", homes)


class Composer:
    """Turns the candidates of one sentence into composed mentions."""

    def __init__(self, lexicon: Lexicon, tokens: tuple[Token, ...], date: dt.date | None):
        self.lexicon = lexicon
        self.tokens = tokens
        self.date = date
        self.grammar = lexicon.grammar
        self._floor = 0
        self._headline: bool | Callable[[], bool] = False
        self.named: list[str] = []  # people named unambiguously so far, in order
        self._covered: set[int] | None = set()  # the words the candidates cover, once asked
        self._cands: list[Candidate] = []
        self._sectors: dict[int, Candidate] = {}

    def compose(
        self,
        cands: list[Candidate],
        floor: int = 0,
        headline: bool | Callable[[], bool] = False,
    ) -> list[Composed]:
        """Mentions of one sentence; ``floor`` is its first token, ``headline`` whether it
        is written in title case (where capitals say nothing about names), or a function
        that tells, asked only if it matters."""
        self._floor, self._headline = floor, headline
        self._covered, self._cands = None, cands  # read when a trap first asks
        self._sectors = {c.start: c for c in cands if c.kind is EntryKind.SECTOR}
        # only the kinds a trap may catch are asked (the others are never in a longer name)
        cands = [c for c in cands if c.kind not in _TRAPPED or not self._in_longer_name(c)]
        found: list[Composed] = []
        i, n = 0, len(cands)
        while i < n:
            composed, used = self._compose_at(cands, i)
            if composed is not None:
                found.append(composed)
            i += used
        return found

    def _compose_at(self, cands: list[Candidate], i: int) -> tuple[Composed | None, int]:
        c = cands[i]
        if c.kind == PRONOUN and self.tokens[c.start].norm != "its":
            # what _owned turns down and _single makes of a pronoun (near half the
            # candidates), made directly
            return Composed(c.start, c.end, (), MentionKind.PRONOUN, "pronoun", "pronoun"), 1
        by_kind = _SHAPE_METHODS if i + 1 < len(cands) else _LAST_SHAPE_METHODS
        for shape in by_kind.get(c.kind, _ANY_SHAPE):
            result = shape(self, cands, i)
            if result is not None:
                composed, used = result
                break
        else:
            composed, used = self._single(cands[i]), 1
        if cands[i + used - 1].kind is not EntryKind.PERSON:
            return composed, used  # only a person may lead a sector (see _leader_sector)
        return self._leader_sector(cands, i, composed, used)

    def _leader_sector(
        self, cands: list[Candidate], i: int, composed: Composed | None, used: int
    ) -> tuple[Composed | None, int]:
        """``the Bush administration``, ``President Suharto's government``, ``Assad's
        forces``: a leader's government or army is the country's. A leader of an armed
        group keeps the group's sector (``Savimbi's forces``: rebels)."""
        last = i + used - 1
        c = cands[last]
        if c.kind is not EntryKind.PERSON or c.entry is None:
            return composed, used
        if not self._follows(cands, last, EntryKind.SECTOR, possessive=True):
            return composed, used
        noun = cands[last + 1].entry
        person = composed.actors[0] if composed is not None and composed.actors else None
        country = person.country if person is not None else self._compatriots(c.entry)
        if noun is None or country is None:
            return composed, used
        sector = noun.sector
        if person is not None and self.lexicon.sector_sides.get(person.sector or "") == "armed":
            sector = person.sector if sector in _ARMED else sector
        actor = self.lexicon.country_actor(country, sector)
        start = composed.start if composed is not None else c.start
        rule = f"leader:{c.entry.rule}+{noun.rule}"
        return self._make(start, cands[last + 1].end, actor, MentionKind.SECTOR, rule), used + 1

    def _compatriots(self, entry: PhraseEntry) -> str | None:
        """The country all the people sharing a name belong to, if they share one."""
        countries = {self.lexicon.people[pid].country for pid in entry.people}
        return countries.pop() if len(countries) == 1 else None

    def _is_headline(self) -> bool:
        if callable(self._headline):
            self._headline = self._headline()
        return self._headline

    # -- proper-name traps ------------------------------------------------------------
    def _in_longer_name(self, c: Candidate) -> bool:
        if c.kind not in _TRAPPED:
            return False  # a pronoun, a sector, a title...: none of the traps below
        if c.kind in (EntryKind.PERSON, EntryKind.COMMUNITY) and self._particle_compound(c):
            return True
        if c.kind is EntryKind.PERSON and self._abbreviates_unknown(c):
            return True
        if c.kind is EntryKind.COUNTRY and self._text_at(c.end).startswith("$"):
            return True  # US$20 billion: a currency
        if (
            c.kind is EntryKind.ORGANISATION
            and c.end - c.start == 1
            and self._unknown_capital(c.start - 1, c)
        ):
            return True  # the Trinamool Congress is not the US Congress
        if c.kind not in _NAME_PARTS or c.entry is None:
            return False
        if c.kind is EntryKind.ADJECTIVE and (
            self._hyphen_compound(c)
            or self._second_half(c)
            or self._text_at(c.end).lower() in self.grammar.language_nouns
        ):
            return True  # an Indian-British author; the Russian language
        # in a headline capitals say nothing (asked last: the checks below read words
        # only, and most names pass them, so most sentences are never asked)
        return self._beside_unknown(c) and not self._is_headline()

    def _beside_unknown(self, c: Candidate) -> bool:
        """A country, adjective or lone surname touching a capitalised word the lexicon
        does not know (outside a headline: see ``_in_longer_name``)."""
        if c.kind is EntryKind.PERSON and c.end - c.start > 1:
            return False  # a full name is a name already
        before, after = c.start - 1, c.end
        if not (self._text_at(before)[:1].isupper() or self._text_at(after)[:1].isupper()):
            return False  # no capitalised word beside it (most names): none unknown
        if c.kind is EntryKind.COUNTRY and (
            self._text_at(after) in self.grammar.company_words
            or self._text_at(before) in self.grammar.company_prefixes
        ):
            return False  # Malaysia Airlines, Air India: see _company
        if c.kind is not EntryKind.PERSON and self._body_name(c) is not None:
            return False  # the Latvian Constitutional Court: see _national_sector
        acronym = all(self.tokens[k].text.isupper() for k in range(c.start, c.end))
        # a lone surname before an unknown capitalised word is another person's given
        # name (Abdelaziz Bouteflika is not Mohamed Abdelaziz)
        return self._unknown_capital(before, c) or (not acronym and self._unknown_capital(after, c))

    def _particle_compound(self, c: Candidate) -> bool:
        """``Shan`` and ``Mustafa`` in ``Shan-e-Mustafa``: a word tied to another by a short
        lower-case particle between hyphens is part of one compound name (``al-Assad``,
        a particle only before, is still Assad)."""
        if c.end - c.start != 1:
            return False
        if "-" not in (self._text_at(c.end), self._text_at(c.start - 1), self._text_at(c.start)):
            return False  # no hyphen where either shape needs one (most names)
        after = [c.start, c.end, c.end + 1, c.end + 2]
        before = [c.start - 3, c.start - 2, c.start - 1, c.start]
        return self._hyphen_particle(after) or self._hyphen_particle(before)

    def _hyphen_particle(self, k: list[int]) -> bool:
        """Tokens ``k`` are word, hyphen, particle, hyphen or hyphen, particle, hyphen, word
        with no space anywhere."""
        if k[0] < self._floor or k[-1] >= len(self.tokens):
            return False
        words = [self.tokens[j] for j in k]
        if any(a.span.end != b.span.start for a, b in pairwise(words)):
            return False
        texts = [t.text for t in words]
        if texts[0] == "-":  # hyphen, particle, hyphen, word
            texts = texts[::-1]
        return texts[1] == "-" and texts[3] == "-" and texts[2].islower() and len(texts[2]) <= 3

    def _abbreviates_unknown(self, c: Candidate) -> bool:
        """``Montenegro Municipality Association (AKK)``: initials in brackets after a name
        the lexicon does not know abbreviate that name, not the person they also fit."""
        k = c.start
        if not self.tokens[k].text.isupper() or self._text_at(c.end) != ")":
            return False
        if k - 2 < self._floor or self._text_at(k - 1) != "(":
            return False
        name = self.tokens[k - 2]
        return name.text[:1].isupper() and (k - 2) not in self._covered_words()

    def _text_at(self, k: int) -> str:
        return self.tokens[k].text if 0 <= k < len(self.tokens) else ""

    def _hyphen_compound(self, c: Candidate) -> bool:
        """``Indian-British``, ``Indian-origin``, ``US-led``: a nationality that only
        describes (an author, a coalition), written as one hyphenated word."""
        k = c.end
        if k + 1 >= len(self.tokens) or self.tokens[k].text not in ("-", "‐"):
            return False
        if not (
            self.tokens[k].span.start == self.tokens[k - 1].span.end
            and self.tokens[k + 1].span.start == self.tokens[k].span.end
        ):
            return False
        after = self.tokens[k + 1]
        if after.norm in self.grammar.descent_words:
            return True
        return self._kind_of(k + 1) in (EntryKind.ADJECTIVE, EntryKind.COUNTRY)

    def _second_half(self, c: Candidate) -> bool:
        """``British`` in ``Indian-British``: the second nationality of a compound."""
        k = c.start - 1
        if k < 1 or self.tokens[k].text not in ("-", "‐"):
            return False
        if self.tokens[k].span.end != self.tokens[c.start].span.start:
            return False
        return self._kind_of(k - 1) is EntryKind.ADJECTIVE

    def _unknown_capital(self, k: int, c: Candidate) -> bool:
        """Token ``k`` is a capitalised word the lexicon does not know, next to ``c``."""
        if k < self._floor or k >= len(self.tokens) or k < 0:
            return False
        token = self.tokens[k]
        if token.sentence != self.tokens[c.start].sentence or token.kind is not TokenKind.WORD:
            return False
        text = token.text
        if not text[:1].isupper() or (text.isupper() and len(text) <= 4):
            return False  # acronyms are often units, not name parts (US GDP)
        if k < c.start:
            if (k == self._floor or self._after_opening(k)) and (
                token.norm.endswith(self.grammar.descriptive_endings)
                or token.norm in self.grammar.sentence_starters
            ):
                return False  # Neighbouring Jordan: capitalised because it starts
            if self.tokens[k].span.end != self.tokens[c.start].span.start - 1:
                return False
        elif self.tokens[c.end - 1].span.end != token.span.start - 1:
            return False
        word = token.norm.rstrip(".")
        g = self.grammar
        if word in g.name_neighbours or word in g.clause_words or word in g.prepositions:
            return False  # Mr Modi, Can India..., Will China...
        return not self._known(k)

    def _after_opening(self, k: int) -> bool:
        prev = self.tokens[k - 1] if k > 0 else None
        return prev is not None and prev.text in ("“", '"', "‘", "'", ":", "(", "—", "–", "-")

    def _known(self, k: int) -> bool:
        """Token ``k`` is part of a lexicon phrase (``Indian Foreign Ministry``) or is one."""
        return k in self._covered_words() or self._kind_of(k) is not None

    def _covered_words(self) -> set[int]:
        """The words the sentence's candidates cover."""
        if self._covered is None:
            self._covered = {k for c in self._cands for k in range(c.start, c.end)}
        return self._covered

    def _kind_of(self, k: int) -> EntryKind | None:
        """What the one-word phrase at token ``k`` is in the lexicon, if anything."""
        token = self.tokens[k]
        match = self.lexicon.phrases.match([token.text], [token.norm], 0)
        return match[1].kind if match is not None else None

    # -- shapes -----------------------------------------------------------------------
    def _anonymous_sector(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        """``a senior government source``, ``military sources``: an unnamed speaker whose
        sector is stated; the country comes from context like any sector noun's."""
        c = cands[i]
        if c.kind is not EntryKind.SECTOR or c.entry is None:
            return None
        if i + 1 >= len(cands) or cands[i + 1].kind is not EntryKind.ANONYMOUS:
            return None
        if cands[i + 1].start != c.end:
            return None
        sector = c.entry.sector or ""
        actor = Actor(sector, self._text(cands[i + 1]), sector=sector)
        return Composed(
            self._determiner_start(c.start),
            cands[i + 1].end,
            (actor,),
            MentionKind.SECTOR,
            f"anonymous+{c.entry.rule}",
            pending=f"context:{sector}",
        ), 2

    def _owned(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        """``its air force``, ``the country's foreign minister``: a sector or title whose
        owner is the country or body referred to before."""
        c = cands[i]
        owner_start: int | None = None
        j = i
        if c.kind == PRONOUN and self._word(c.start) == "its":
            owner_start, j = c.start, i + 1
            if j >= len(cands):
                return None
            head = cands[j]
            if self._modifiers(c.end, head.start) is None:
                return None
        else:
            head = c
            if head.entry is None or head.kind not in (EntryKind.SECTOR, EntryKind.TITLE):
                return None
            owner_start = self._owner_noun_start(c.start)
            if owner_start is None:
                return None
        if head.entry is None or head.kind not in (EntryKind.SECTOR, EntryKind.TITLE):
            return None
        # its: the subject before; the country's: the nearest country; the bloc's: a body
        near = "" if c.kind == PRONOUN else self._owner_kind(owner_start)
        if head.kind is EntryKind.SECTOR:
            pending = f"owner{near}:{head.entry.sector}"
        else:
            pending = f"owner-title{near}:{head.entry.office}"
        return Composed(
            owner_start,
            head.end,
            (),
            MentionKind.SECTOR,
            head.entry.rule + "+owner",
            pending=pending,
            title=head.entry if head.kind is EntryKind.TITLE else None,
        ), j + 1 - i

    def _owner_kind(self, start: int) -> str:
        noun = self._word(start + 1)
        return "-body" if noun in self.grammar.body_nouns else "-near"

    def _owner_noun_start(self, start: int) -> int | None:
        """Where ``the country's`` (or ``the bloc's``...) begins, if it precedes ``start``
        with at most two modifiers between."""
        k = start - 1
        for _ in range(3):
            if k - 2 >= self._floor and self._word(k) == "'s":
                noun, det = self._word(k - 1), self._word(k - 2)
                owners = self.grammar.owner_nouns | self.grammar.body_nouns
                if noun in owners and det in self.grammar.definite_determiners:
                    return k - 2
                return None
            if k < self._floor or not self._is_modifier(k):
                return None
            k -= 1
        return None

    def _titled(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        c = cands[i]
        country: str | None = None
        j = i
        if c.kind in _NATIONAL and self._follows(cands, i, EntryKind.TITLE, possessive=True):
            country = _country_of(c)
            j = i + 1
        title = cands[j]
        if title.kind is not EntryKind.TITLE or title.entry is None:
            return None
        entry = self.lexicon.title_for(title.entry, country or title.entry.office_country)
        former = self._former(title.start)
        person = (
            self._person(cands[j + 1].entry) if self._follows(cands, j, EntryKind.PERSON) else None
        )
        if person is not None:
            actor = person_actor(self.lexicon, person, self.date, None if former else entry)
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
                if country is None:
                    return None
                entry = self.lexicon.title_for(title.entry, country)
                actor = self._office(entry, country, former)
                return self._make(
                    title.start,
                    nxt.end,
                    actor,
                    MentionKind.PERSON,
                    f"office:{country}.{entry.office}",
                ), j + 2 - i
        if country is None:
            return None
        actor = self._office(entry, country, former)
        return self._make(
            c.start, title.end, actor, MentionKind.PERSON, f"office:{country}.{entry.office}"
        ), j + 1 - i

    def _office(self, title: PhraseEntry, country: str, former: bool) -> Actor:
        if former:
            return self.lexicon.country_actor(country, None)
        return office_actor(self.lexicon, title, country, self.date)

    def _community_sector(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        """``Tigrayan forces``: a community's armed men are rebels, not the state's army;
        ``Uyghur activists`` keep the noun's sector. A community living in several
        states is left for the sentence to place (``Kurdish refugees in Iraq``)."""
        c = cands[i]
        if c.kind is not EntryKind.COMMUNITY or c.entry is None or c.entry.actor is None:
            return None
        if not self._follows(cands, i, EntryKind.SECTOR):
            return None
        sector = _group_sector(cands[i + 1].entry)
        actor = self.lexicon.country_actor(c.entry.actor.country or "", sector)
        composed = self._make(
            c.start, cands[i + 1].end, actor, MentionKind.SECTOR, f"{c.entry.rule}+{sector}"
        )
        return _open_to_homes(composed, c.entry, sector), 2

    def _ethnic(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        """``ethnic Albanians``, ``ethnic Turks``: a people named as a minority lives in
        another state than its own; the stage places it in the country the sentence names
        (``ethnic Albanians demonstrated in Serbia``: Serbia's civilians)."""
        c = cands[i]
        if c.entry is None or c.entry.actor is None or self._word(c.start - 1) not in _ETHNIC:
            return None
        if c.kind not in (EntryKind.ADJECTIVE, EntryKind.COUNTRY, EntryKind.COMMUNITY):
            return None
        end, used = c.end, 1
        if self._follows(cands, i, EntryKind.SECTOR):
            end, used = cands[i + 1].end, 2
        sector = _group_sector(cands[i + 1].entry if used == 2 else None)
        own = c.entry.actor.country or ""
        homes = c.entry.homes if c.kind is EntryKind.COMMUNITY else ()
        actor = self.lexicon.country_actor(own, sector)
        return Composed(
            c.start - 1,
            end,
            (actor,),
            MentionKind.SECTOR,
            f"ethnic:{c.entry.rule}",
            pending=f"resident:{sector}",
            homes=homes,
        ), used

    def _people_of(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        """``the Albanians of southern Serbia``, ``Kurds in Iraq``: a people located in a
        state is that state's. ``of`` places any people (``the Chinese of Malaysia``);
        ``in`` only a community in one of the states it lives in, as a nationality ``in``
        a country is often a visitor (``Indian students in Ukraine``)."""
        c = cands[i]
        if c.entry is None or i + 1 >= len(cands) or not _is_people(c):
            return None
        nxt = cands[i + 1]
        link = self._word(c.end)
        if link not in ("of", "in") or nxt.kind is not EntryKind.COUNTRY or nxt.entry is None:
            return None
        k = c.end + 1
        while k < nxt.start and self._word(k) in self.grammar.determiners:
            k += 1
        if self._modifiers(k, nxt.start) is None or (country := _country_of(nxt)) is None:
            return None
        if link == "in" and country not in c.entry.homes[1:]:
            return None
        actor = self.lexicon.country_actor(country, "CVL")
        return self._make(c.start, nxt.end, actor, MentionKind.SECTOR, f"resident:{country}"), 2

    def _resident_group(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        """``Iraqi Kurds``, ``Croatian Serb refugees``, ``Kosovo Albanians``: a state named
        before a people that lives in it is where they live. The people is a community, a
        country's short ethnic form (``Serb``, ``Croats``: not its first adjective), or any
        nationality after a country's name; ``Indian American`` (origin first) is not."""
        c, nxt = cands[i], cands[i + 1] if i + 1 < len(cands) else None
        if c.kind not in (EntryKind.ADJECTIVE, EntryKind.COUNTRY) or nxt is None:
            return None
        if nxt.start != c.end or nxt.entry is None or (country := _country_of(c)) is None:
            return None
        if not self._is_resident_people(c, nxt):
            return None
        if nxt.kind is not EntryKind.COMMUNITY and _country_of(nxt) == country:
            return None
        end, used = nxt.end, 2
        if self._follows(cands, i + 1, EntryKind.SECTOR):
            end, used = cands[i + 2].end, 3
        sector = _group_sector(cands[i + 2].entry if used == 3 else None)
        actor = self.lexicon.country_actor(country, sector)
        rule = f"resident:{country}+{nxt.entry.rule}"
        return self._make(c.start, end, actor, MentionKind.SECTOR, rule), used

    def _is_resident_people(self, c: Candidate, people: Candidate) -> bool:
        if people.kind is EntryKind.COMMUNITY:
            return True
        if people.kind not in (EntryKind.ADJECTIVE, EntryKind.COUNTRY) or not _is_people(people):
            return people.kind is EntryKind.ADJECTIVE and self._is_short_form(people)
        return c.kind is EntryKind.COUNTRY or self._is_short_form(people)

    def _is_short_form(self, c: Candidate) -> bool:
        """``Serb`` and ``Serbs`` rather than ``Serbian`` and ``Serbians``: the words for a
        people apart from its state (a country's first adjective and demonym name both)."""
        entry = self.lexicon.countries.get(_country_of(c) or "")
        if entry is None:
            return False
        text = self._text(c)
        return text not in entry.adjectives[:1] and text not in entry.demonyms[:1]

    def _described(self, cands: list[Candidate], i: int) -> bool:
        """``French paper workers``, ``Russian nuclear missiles``: a nationality adjective
        and its sector noun with up to two modifiers between (a country's name is not
        read so: in ``India sent troops`` the words between are a verb)."""
        nxt = cands[i + 1]
        return (
            cands[i].kind is EntryKind.ADJECTIVE
            and nxt.kind is EntryKind.SECTOR
            and self._modifiers(cands[i].end, nxt.start) is not None
        )

    def _body_name(self, c: Candidate) -> Candidate | None:
        """The sector noun closing a capitalised name that a nationality opens: ``Court``
        in ``the Latvian Constitutional Court`` (a state's body named in full)."""
        k = c.end
        while (
            k < len(self.tokens)
            and k - c.end < 3
            and k not in self._sectors
            and self.tokens[k].kind is TokenKind.WORD
            and self.tokens[k].text[:1].isupper()
            and self.tokens[k].sentence == self.tokens[c.start].sentence
        ):
            k += 1
        noun = self._sectors.get(k)
        if k == c.end or noun is None or not self.tokens[k].text[:1].isupper():
            return None
        return noun

    def _national_sector(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        c = cands[i]
        if c.kind not in _NATIONAL or i + 1 >= len(cands):
            return None
        named = c.kind is not EntryKind.GOVERNMENT and self._body_name(c) is cands[i + 1]
        if not (
            named
            or self._follows(cands, i, EntryKind.SECTOR, possessive=True)
            or self._described(cands, i)
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

    def _coordinated(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        """``Indian and US forces``, ``Chinese, Russian and Iranian warships``: the sector
        noun applies to every nationality listed before it."""
        if cands[i].kind is not EntryKind.ADJECTIVE and cands[i].kind is not EntryKind.COUNTRY:
            return None
        j = i
        while j + 1 < len(cands) and cands[j + 1].kind in (EntryKind.ADJECTIVE, EntryKind.COUNTRY):
            gap = [self._word(k) for k in range(cands[j].end, cands[j + 1].start)]
            if not gap or len(gap) > 2 or not all(w in _LIST_JOINERS for w in gap):
                break
            j += 1
        if j == i or not self._follows(cands, j, EntryKind.SECTOR):
            return None
        if not {self._word(k) for k in range(cands[j - 1].end, cands[j].start)} & {"and", "or"}:
            return None  # "Bulgaria, Macedonian officials": a comma alone ends a phrase
        sector = cands[j + 1].entry
        countries = [_country_of(c) for c in cands[i : j + 1]]
        if sector is None or None in countries:
            return None
        actors = tuple(
            dict.fromkeys(
                self.lexicon.country_actor(code or "", sector.sector) for code in countries
            )
        )
        rule = "coordinated:" + "+".join(a.code for a in actors)
        return Composed(
            cands[i].start, cands[j + 1].end, actors, MentionKind.GROUP, rule
        ), j + 2 - i

    def _sector_of(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        c = cands[i]
        if c.kind is not EntryKind.SECTOR or c.entry is None or i + 1 >= len(cands):
            return None
        nxt = cands[i + 1]
        gap = [self._word(k) for k in range(c.end, nxt.start)]
        if (
            not gap
            or gap[0] not in _LINKS
            or not all(w in _LINKS or w in self.grammar.determiners for w in gap)
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

    def _org_sector(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        """``Hamas gunmen``, ``Houthi rebels``, ``European Community foreign ministers``:
        the members of an organisation (up to two modifiers between)."""
        c = cands[i]
        if c.kind is not EntryKind.ORGANISATION or c.entry is None or c.entry.actor is None:
            return None
        if i + 1 >= len(cands) or cands[i + 1].kind is not EntryKind.SECTOR:
            return None
        if self._modifiers(c.end, cands[i + 1].start) is None:
            return None
        noun = cands[i + 1].entry
        rule = f"{c.entry.rule}+{noun.rule if noun else ''}"
        actor = organisation_actor(self.lexicon, c.entry.actor, self.date)
        return self._make(c.start, cands[i + 1].end, actor, MentionKind.ORGANISATION, rule), 2

    def _company(self, cands: list[Candidate], i: int) -> tuple[Composed, int] | None:
        """``Malaysia Airlines``, ``Air India``: a company named after its country."""
        c = cands[i]
        if c.kind is not EntryKind.COUNTRY or (country := _country_of(c)) is None:
            return None
        start, end = c.start, c.end
        if end < len(self.tokens) and self.tokens[end].text in self.grammar.company_words:
            end += 1
        elif start > self._floor and self.tokens[start - 1].text in self.grammar.company_prefixes:
            start -= 1
        else:
            return None
        actor = self.lexicon.country_actor(country, "BUS")
        return self._make(start, end, actor, MentionKind.ORGANISATION, f"company:{country}"), 1

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
        if self._word(c.end) not in self.grammar.member_nouns:
            return None
        return self._make(
            c.start, c.end + 1, c.entry.actor, MentionKind.ORGANISATION, c.entry.rule + "+members"
        ), 1

    def _single(self, c: Candidate) -> Composed | None:
        if c.kind == PRONOUN:
            return Composed(c.start, c.end, (), MentionKind.PRONOUN, "pronoun", pending="pronoun")
        if c.kind == PAIR:
            return Composed(c.start, c.end, (), MentionKind.GROUP, "pair", pending="pair:")
        if c.kind == COUNTRY_ANAPHOR:
            return Composed(
                c.start, c.end, (), MentionKind.COUNTRY, "country-anaphor", pending="country"
            )
        entry = c.entry
        if entry is None:
            return None
        if entry.kind is EntryKind.PERSON:
            person = self._person(entry)
            if person is None:
                return None
            actor = person_actor(self.lexicon, person, self.date, None)
            return self._make(c.start, c.end, actor, MentionKind.PERSON, entry.rule)
        if entry.kind is EntryKind.SECTOR:
            actor = Actor(entry.sector or "", self._text(c), sector=entry.sector)
            placed = not entry.rule.startswith("instrument:")  # a weapon has no home
            return Composed(
                c.start,
                c.end,
                (actor,),
                MentionKind.SECTOR,
                entry.rule,
                pending=f"context:{entry.sector}" if placed else None,
                possessive=self._word(c.end) == "'s",
            )
        if entry.kind is EntryKind.TITLE:
            if self._former(c.start):
                return None
            return Composed(
                c.start,
                c.end,
                (),
                MentionKind.PERSON,
                entry.rule,
                pending=f"title:{entry.office}",
                possessive=self._word(c.end) == "'s",
                title=entry,
            )
        if entry.kind is EntryKind.ANONYMOUS:
            return Composed(
                self._determiner_start(c.start), c.end, (), MentionKind.SECTOR, entry.rule
            )
        if entry.actor is None:
            return None
        kind = _MENTION_KIND[entry.kind]
        actor = entry.actor
        if entry.kind is EntryKind.ORGANISATION:
            actor = organisation_actor(self.lexicon, actor, self.date)
        composed = self._make(c.start, c.end, actor, kind, entry.rule)
        if entry.kind is EntryKind.COMMUNITY:
            return _open_to_homes(composed, entry, "CVL")
        return composed

    # -- helpers ----------------------------------------------------------------------
    def _make(self, start: int, end: int, actor: Actor, kind: MentionKind, rule: str) -> Composed:
        return Composed(start, end, (actor,), kind, rule, possessive=self._word(end) == "'s")

    def _make_group(self, start: int, end: int, actors: tuple[Actor, ...]) -> Composed:
        rule = "group:" + "+".join(a.code for a in actors)
        return Composed(start, end, actors, MentionKind.GROUP, rule)

    def _person(self, entry: PhraseEntry | None) -> PersonEntry | None:
        """The person a name stands for. A name several people share is the one the
        article named in full before, else the only one in office on its date."""
        assert entry is not None
        people = self.lexicon.people
        if len(entry.people) <= 1:
            person = people[entry.person_id or ""]
            self.named.append(person.id)
            return person
        for pid in reversed(self.named):
            if pid in entry.people:
                return people[pid]
        roles = {pid: role_on(people[pid], self.date) for pid in entry.people}
        in_office = [pid for pid, role in roles.items() if role is not None]
        if len(in_office) > 1:  # a leader before a minister or a general of the same name
            top = min(_rank(roles[pid]) for pid in in_office)
            in_office = [pid for pid in in_office if _rank(roles[pid]) == top]
        if len(in_office) == 1:
            return people[in_office[0]]
        return self._compatriot(entry) if self.date is None else None

    def _compatriot(self, entry: PhraseEntry) -> PersonEntry | None:
        """Undated, a name shared by people of one country (``Bush``) is that country's
        whichever it is: the one whose career ended last stands for them."""
        people = [self.lexicon.people[pid] for pid in entry.people]
        if len({p.country for p in people}) > 1 or not all(p.roles for p in people):
            return None
        return max(people, key=lambda p: max(r.start or dt.date.min for r in p.roles))

    def _follows(
        self, cands: list[Candidate], i: int, kind: EntryKind, possessive: bool = False
    ) -> bool:
        """Candidate ``i + 1`` is of ``kind`` and right after ``i``; with ``possessive``,
        also after ``'s`` and up to two modifiers (``Pakistan's visiting prime minister``)."""
        if i + 1 >= len(cands) or cands[i + 1].kind is not kind:
            return False
        end, nxt = cands[i].end, cands[i + 1].start
        if nxt == end:
            return True
        if not possessive or self._word(end) != "'s":
            return False
        return self._modifiers(end + 1, nxt) is not None

    def _modifiers(self, start: int, end: int) -> int | None:
        """How many modifier words fill tokens ``[start, end)``, or None: at most two
        (``most senior``), or two joined by ``and`` (``foreign and defence``)."""
        n = end - start
        if n < 0 or n > 3:
            return None
        if n == 3 and self._word(start + 1) not in ("and", "or"):
            return None
        if all(self._is_modifier(k) for k in range(start, end) if not (n == 3 and k == start + 1)):
            return n
        return None

    def _is_modifier(self, k: int) -> bool:
        token = self.tokens[k]
        word = token.norm
        g = self.grammar
        return (
            token.kind is TokenKind.WORD
            and token.text.islower()
            and word not in g.prepositions
            and word not in g.coordinators
            and word not in g.speech_verbs
            and word not in g.clause_words
            and (
                word not in g.determiners
                or word in g.former_words
                or word in g.speaker_modifiers
                or word == "other"
            )
        )

    def _former(self, start: int) -> bool:
        """``former President``, ``ex-minister``: the title does not name the holder."""
        k = start - 1
        for _ in range(3):
            if k < self._floor:
                return False
            word = self._word(k)
            if word in self.grammar.former_words:
                return True
            if word not in ("'s", "-") and not self._is_modifier(k):
                return False
            k -= 1
        return False

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
                self.tokens[k - 1].norm in self.grammar.determiners
                or self.tokens[k - 1].norm in self.grammar.speaker_modifiers
            )
        ):
            k -= 1
        return k

    def _word(self, index: int) -> str:
        return self.tokens[index].norm if 0 <= index < len(self.tokens) else ""

    def _text(self, c: Candidate) -> str:
        return " ".join(t.text for t in self.tokens[c.start : c.end])


# the shapes in the order they are tried, each with the kinds of candidate it may open
# with (any other kind it turns down before looking further)
_SHAPE_OPENERS: tuple[tuple[str, frozenset[EntryKind | str]], ...] = (
    ("_anonymous_sector", frozenset({EntryKind.SECTOR})),
    ("_owned", frozenset({PRONOUN, EntryKind.SECTOR, EntryKind.TITLE})),
    ("_ethnic", frozenset({EntryKind.ADJECTIVE, EntryKind.COUNTRY, EntryKind.COMMUNITY})),
    ("_titled", frozenset({*_NATIONAL, EntryKind.TITLE})),
    ("_sector_of", frozenset({EntryKind.SECTOR})),
    ("_people_of", frozenset({EntryKind.COMMUNITY, EntryKind.COUNTRY})),
    ("_resident_group", frozenset({EntryKind.ADJECTIVE, EntryKind.COUNTRY})),
    ("_coordinated", frozenset({EntryKind.ADJECTIVE, EntryKind.COUNTRY})),
    ("_national_sector", frozenset(_NATIONAL)),
    ("_community_sector", frozenset({EntryKind.COMMUNITY})),
    ("_org_sector", frozenset({EntryKind.ORGANISATION})),
    ("_company", frozenset({EntryKind.COUNTRY})),
    ("_group", frozenset({EntryKind.COUNTRY})),
    ("_members", frozenset({EntryKind.ORGANISATION})),
)
_SHAPES = tuple(name for name, _ in _SHAPE_OPENERS)
_SHAPES_BY_KIND: dict[EntryKind | str, tuple[str, ...]] = {
    kind: tuple(name for name, kinds in _SHAPE_OPENERS if kind in kinds)
    for kind in (*EntryKind, PRONOUN, PAIR, COUNTRY_ANAPHOR)
}

# the shapes to try by the first candidate's kind, as plain functions: bound methods
# kept on the instance would tie it into a reference cycle, and every article's tokens
# would then wait for the cyclic garbage collector instead of going when it is done
_ShapeMethod = Callable[[Composer, list[Candidate], int], tuple[Composed | None, int] | None]
_SHAPE_METHODS: dict[EntryKind | str, tuple[_ShapeMethod, ...]] = {
    kind: tuple(getattr(Composer, name) for name in names)
    for kind, names in _SHAPES_BY_KIND.items()
}
_ANY_SHAPE: tuple[_ShapeMethod, ...] = tuple(getattr(Composer, name) for name in _SHAPES)
# the shapes that turn down a candidate with no candidate after it (each says so first:
# they join it to the next one), and the shapes left for the last candidate of a sentence
_NEED_NEXT = frozenset(
    {
        "_anonymous_sector",
        "_sector_of",
        "_people_of",
        "_resident_group",
        "_coordinated",
        "_national_sector",
        "_community_sector",
        "_org_sector",
        "_group",
    }
)
_LAST_SHAPE_METHODS: dict[EntryKind | str, tuple[_ShapeMethod, ...]] = {
    kind: tuple(getattr(Composer, name) for name in names if name not in _NEED_NEXT)
    for kind, names in _SHAPES_BY_KIND.items()
}

_MENTION_KIND = {
    EntryKind.COUNTRY: MentionKind.COUNTRY,
    EntryKind.COMMUNITY: MentionKind.SECTOR,
    EntryKind.ADJECTIVE: MentionKind.ADJECTIVE,
    EntryKind.GOVERNMENT: MentionKind.GOVERNMENT,
    EntryKind.ORGANISATION: MentionKind.ORGANISATION,
}


_ARMED = frozenset({"MIL", "UAF", "REB", "COP"})
_ETHNIC = frozenset({"ethnic"})


def _group_sector(noun: PhraseEntry | None) -> str:
    """The sector of a people's members: the noun's, an armed one as rebels, else CVL."""
    sector = noun.sector if noun is not None and noun.sector else "CVL"
    return "REB" if sector in _ARMED else sector


def _is_people(c: Candidate) -> bool:
    """A community, or a country's demonym (``Albanians``: its people, coded CVL)."""
    if c.kind is EntryKind.COMMUNITY:
        return True
    return (
        c.kind is EntryKind.COUNTRY and c.entry is not None and c.entry.rule.startswith("demonym:")
    )


def _open_to_homes(composed: Composed, entry: PhraseEntry, sector: str) -> Composed:
    """A community of several states waits for the stage to place it in one."""
    if len(entry.homes) < 2:
        return composed
    return replace(composed, pending=f"resident:{sector}", homes=entry.homes)


_LEADING_OFFICES = ("head_of_state", "head_of_government")


def _rank(role: Role | None) -> int:
    """Offices by how often news names their holder by surname alone."""
    if role is None:
        return 3
    return 0 if role.office in _LEADING_OFFICES else 1


def _country_of(c: Candidate) -> str | None:
    if c.entry is None or c.entry.actor is None:
        return None
    return c.entry.actor.country
