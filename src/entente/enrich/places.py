"""The places stage: places named in the text and the dateline, resolved in the gazetteer.

A name is looked up longest first in the curated places (``places.yaml``, the capitals)
and in the wide gazetteer (GeoNames cities and regions; ``lexicons/gazetteer.py``). It is
a place when:

* it is curated: news uses these names for places, so the name alone is enough;
* it is a wide-gazetteer name the text puts in a place's role: after a locative (``in
  Kramatorsk``, ``near the northern town of Tal Afar``), after a place noun and ``of``
  (``the city of Magnitogorsk``), qualified by a country or region (``Paris, Texas``),
  followed by a division word (``Zaporizhzhia region``), or coordinated with such a place
  (``in Kharkiv and Sumy``); or the city is so large its name rarely means anything else.

It is never a place when it is (part of) an actor's mention, a country's name, or inside a
phrase the lexicon knows is not an actor (``Indian Ocean``, ``Washington Post``); nor when
it runs into another capitalised word (``Victoria Beckham``, ``Moscow State University``).
One exception: a capital read as its government (``Moscow``) is a place after a locative
(``talks in Moscow``), unless a noun before it makes it the government again (``concern in
Washington``).

A name several cities share is the largest one, unless one in a country the sentence, the
dateline or an earlier place names is close enough in size (``Tripoli`` in a sentence
about Lebanon); a qualifier (``Birmingham, Alabama``) decides outright.
"""

from __future__ import annotations

import operator
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter

from entente.lexicons.gazetteer import GeoName, fold_word, name_key
from entente.lexicons.lexicon import EntryKind, Lexicon
from entente.model import (
    Analysis,
    Mention,
    MentionKind,
    Place,
    Provenance,
    Sentence,
    SentenceKind,
    Span,
    TokenKind,
    make_id,
)
from entente.text.normalize import fold_all, non_ascii
from entente.text.phrases import clause_distance

LAYER = "places"
_SKIPPED = (SentenceKind.META, SentenceKind.DATELINE)
_STATE_KINDS = frozenset({MentionKind.COUNTRY, MentionKind.GOVERNMENT})
_PLACING = frozenset({"locative", "weak-locative", "named", "coordinated", "qualified"})
_HELD = frozenset({"held", "controlled", "occupied", "run"})
_BETWEEN_PLACES = frozenset({",", "and", "or", "&"})
_REACH = 5  # words a locative may stand before the name ("in the eastern Ukrainian city of")


@dataclass(frozen=True, slots=True)
class Candidate:
    """Words that name a place: tokens ``[start, end)``, the curated entry or the wide
    gazetteer's namesakes (the largest first), and the context that makes them a place."""

    start: int
    end: int
    curated: GeoName | None
    wide: tuple[GeoName, ...]
    context: str
    qualifier: frozenset[str] | None = None  # the countries ", Georgia" after it may mean
    hint: frozenset[str] = frozenset()  # countries "Lebanon's", "in Pakistan" point to


def analyze_places(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """Add the places of the dateline and the sentences."""
    analysis.require("text", "actors")
    reader = PlaceReader(analysis, lexicon)
    places: list[Place] = []
    if (dateline := reader.dateline_place()) is not None:
        places.append(dateline)
        reader.placed.add(dateline.country)
    for sentence in analysis.sentences:
        if sentence.kind in _SKIPPED:
            continue
        places.extend(reader.resolve(c, sentence) for c in reader.find(sentence))
    return analysis.with_layer(LAYER, places=tuple(places))


class PlaceReader:
    """One article's words as the gazetteer sees them, and what the actors stage read."""

    def __init__(self, analysis: Analysis, lexicon: Lexicon) -> None:
        self.analysis = analysis
        self.lexicon = lexicon
        self.gazetteer = lexicon.gazetteer
        rules = self.gazetteer.rules
        self.locatives = frozenset(rules.locatives)
        self.place_nouns = frozenset(rules.place_nouns)
        self.suffixes = frozenset(rules.suffixes)
        # hyphenated area words are cut as the tokenizer cuts them (front-line: front - line)
        self.area_words = frozenset(w for a in rules.area_words for w in a.split("-"))
        self.connectors = frozenset(rules.connectors)
        self.government_nouns = frozenset(rules.government_nouns)
        self.not_locative = frozenset(rules.not_locative)
        self.weak_locatives = frozenset(rules.weak_locatives)
        tokens = analysis.tokens
        texts = [t.text for t in tokens]
        self.norms = [t.norm for t in tokens]  # curated names keep their diacritics
        self.keys = _fold_words(self.norms)  # GeoNames names are folded
        self.mentions: dict[int, Mention] = {
            k: m
            for m in analysis.mentions
            if m.kind is not MentionKind.PRONOUN
            for k in range(m.token_start, m.token_end)
        }
        self.texts = texts
        # the no-actor phrases by sentence, read when a name there is first tried (a
        # sentence with no name holds nothing they could veto)
        self.not_actors: dict[int, list[tuple[int, int, int]]] = {}
        self.openings = self._openings(texts)
        self.countries = frozenset(
            a.country for m in analysis.mentions for a in m.actors if a.country is not None
        )
        self.placed: set[str] = set()  # countries of the places read so far

    # ---- finding ----

    def _openings(self, texts: list[str]) -> list[int]:
        """The tokens a place name may open at: a capitalised word (as ``candidate_at``
        checks) where a name of the curated or the wide gazetteer may start, in order."""
        curated = self.gazetteer.curated.openers()
        wide = self.gazetteer.wide.openers()
        one_word, one_curated = wide.single, curated.single
        after, after_curated = wide.second.get, curated.second.get
        keys, norms, tokens, word = self.keys, self.norms, self.analysis.tokens, TokenKind.WORD
        last, nothing = len(keys) - 1, frozenset[str]()
        first, first_curated = wide.first, curated.first
        maybe = [  # a key's first word: most capitalised words are none
            k for k in _capitalised(texts) if keys[k] in first or norms[k] in first_curated
        ]
        return [
            k
            for k in maybe
            if (
                keys[k] in one_word
                or norms[k] in one_curated
                or (
                    k < last
                    and (
                        keys[k + 1] in after(keys[k], nothing)
                        or norms[k + 1] in after_curated(norms[k], nothing)
                    )
                )
            )
            and tokens[k].kind is word
        ]

    def find(self, sentence: Sentence) -> Iterator[Candidate]:
        """The place names of a sentence, left to right."""
        i, end = sentence.token_start, sentence.token_end
        openings = self.openings
        previous: Candidate | None = None
        for k in openings[bisect_left(openings, i) : bisect_left(openings, end)]:
            if k < i:
                continue  # inside the name found before
            candidate = self.candidate_at(k, sentence, previous)
            if candidate is not None:
                yield candidate
                previous = candidate
                i = candidate.end

    def candidate_at(
        self, i: int, sentence: Sentence, previous: Candidate | None = None
    ) -> Candidate | None:
        """The longest place name at token ``i`` that its context lets be a place."""
        token = self.analysis.tokens[i]
        if token.kind is not TokenKind.WORD or not token.text[:1].isupper():
            return None
        end = sentence.token_end
        curated = self.gazetteer.curated.matches(self.norms, i, end)
        wide = self.gazetteer.wide.matches(self.keys, i, end)
        for n in sorted(curated.keys() | wide.keys(), reverse=True):
            found = self._accept(i, i + n, sentence, previous, curated.get(n), wide.get(n, ()))
            if found is not None:
                return found
        return None

    def _accept(
        self,
        start: int,
        end: int,
        sentence: Sentence,
        previous: Candidate | None,
        entry: GeoName | None,
        namesakes: tuple[GeoName, ...],
    ) -> Candidate | None:
        if not self._is_name(start, end, sentence) or self._is_other_thing(
            start, end, entry, sentence
        ):
            return None
        context = self._context(start, end, sentence, previous)
        qualifier = self._qualifier(end, sentence)
        if qualifier is not None:
            context = context or "qualified"
        if self._is_actor(start, end, entry, context):
            return None
        hint = self._hint(start, end, sentence)
        if entry is not None and (qualifier is None or entry.country in qualifier):
            context = "locative" if context == "weak-locative" else context or "name"
            return Candidate(start, end, entry, namesakes, context, qualifier, hint)
        found = Candidate(start, end, None, namesakes, context or "", qualifier, hint)
        return self._wide_candidate(found, sentence)

    def _is_actor(self, start: int, end: int, entry: GeoName | None, context: str | None) -> bool:
        """Whether the actors stage's reading of these words stands: a person's or a
        body's name, a mention running past the name; a capital (or area) read as a state
        unless the words put something in it ("talks in Moscow", not "concern in
        Washington"). A curated name holding a state's mention ("Washington, D.C.") is a
        place as it stands."""
        read = {self.mentions[k] for k in range(start, end) if k in self.mentions}
        if not read:
            return False
        if any(
            m.kind not in _STATE_KINDS or not start <= m.token_start < m.token_end <= end
            for m in read
        ):
            return True
        exact = any((m.token_start, m.token_end) == (start, end) for m in read)
        if entry is not None and not exact:
            return False
        return entry is None or context not in _PLACING or self._governs(start)

    def _wide_candidate(self, c: Candidate, sentence: Sentence) -> Candidate | None:
        """A wide-gazetteer name where its context makes it a place: another name of a
        city (Avdiivka for Avdiyivka; but Africa for Mahdia) only in a country the words
        around it name; in a story that names countries, only in one of them (or one a
        qualifier names); after "to" (as often a person: "spoke to Richardson") only in
        a country the sentence names or for a large city."""
        namesakes = self._wide_namesakes(c.start, c.end, c.wide, c.qualifier)
        near = (c.qualifier or frozenset()) | c.hint
        if namesakes and self._is_alias(c.start, c.end, namesakes[0]):
            namesakes = tuple(
                g for g in namesakes if g.country in near | self._near_countries(sentence)
            )
        if c.qualifier is None and not c.hint and self.countries:
            # a story that names its countries names the one its small places lie in
            # ("Shaqra, in southern Lebanon" is not the Saudi town)
            known = self.countries | self.placed | self._near_countries(sentence)
            namesakes = tuple(g for g in namesakes if g.country in known)
        if not namesakes:
            return None
        large = self._is_large_city(c.start, c.end, namesakes[0])
        context = c.context or ("population" if large else "")
        if context == "weak-locative":
            near |= self._sentence_countries(sentence)
            if not large and not any(g.country in near for g in namesakes):
                return None
            context = "locative"
        return replace(c, wide=namesakes, context=context) if context else None

    def _wide_namesakes(
        self,
        start: int,
        end: int,
        namesakes: tuple[GeoName, ...],
        qualifier: frozenset[str] | None,
    ) -> tuple[GeoName, ...]:
        """The wide gazetteer's namesakes these words may be: none for a stop name or a
        name that heads an ``of`` phrase (``University of Geneva``, ``Southern District
        of New York``) or owns something (mostly a person: ``in Conway's Game of Life``);
        those in the qualifier's countries where there is one."""
        if tuple(self.keys[start:end]) in self.gazetteer.stop_keys:
            return ()
        if end < len(self.keys) and self.keys[end] in ("of", "'s"):
            return ()  # "University of", "in Conway's Game of Life" (a person's, mostly)
        if qualifier is not None:
            return tuple(g for g in namesakes if g.country in qualifier)
        return namesakes

    def _is_alias(self, start: int, end: int, g: GeoName) -> bool:
        """Whether the words are another name of the city, not its own."""
        return g.kind == "city" and name_key(g.name) != tuple(self.keys[start:end])

    def _is_large_city(self, start: int, end: int, g: GeoName) -> bool:
        """A city large enough to need no context, named by its own name (a city's other
        names and a division's summed people do not count)."""
        return (
            g.kind == "city"
            and g.population >= self.gazetteer.rules.population_alone
            and not self._is_alias(start, end, g)
        )

    def _is_name(self, start: int, end: int, sentence: Sentence) -> bool:
        """Words from a capitalised one to a capitalised one (``Rostov-on-Don``) that do
        not run on into another capitalised word (``Victoria Beckham``, over a particle:
        ``Observatoire de Paris``), nor follow one mid-sentence (``Boris Johnson``)."""
        tokens = self.analysis.tokens
        if not tokens[end - 1].text[:1].isupper():  # inner words may be lower-case
            return False
        if self._glued(start - 2, start - 1, start) or self._glued(end - 1, end, end + 1):
            return False  # Pierre-Auguste, Oke-Ode
        k = start - 1
        while k > sentence.token_start and self.keys[k] in self.connectors:
            k -= 1  # Lucas do Rio Verde, Tren de Aragua
        if k < start - 1 and tokens[k].text[:1].isupper():
            return False
        k = end
        while k < sentence.token_end - 1 and (
            self.keys[k] in self.connectors or tokens[k].text == "-"
        ):
            k += 1  # Ali al-Taher, Observatoire de Paris (an en dash joins two names)
        if k < sentence.token_end:
            after = tokens[k]
            if (
                after.kind is TokenKind.WORD
                and after.text[:1].isupper()
                and after.text not in self.suffixes
                and not ("." in after.text and after.text.lower() in self.lexicon.regions)
            ):  # but "Washington D.C.", "Springfield Ill."
                return False
        if start - 2 >= sentence.token_start and self._initial(start - 2, start - 1):
            return False  # Richard J. Leon, Mr. Lincoln
        if start - 1 > sentence.token_start:  # a capitalised word before, mid-sentence
            before = tokens[start - 1]
            if (
                before.kind is TokenKind.WORD
                and before.text[:1].isupper()
                and before.norm not in self.locatives
                and before.norm not in self.area_words  # Northeast Philadelphia
            ):
                return False
        return True

    def _initial(self, word: int, stop: int) -> bool:
        """An initial or a short title before a full stop: ``J.``, ``Mr.``, ``Gen.``."""
        tokens = self.analysis.tokens
        w = tokens[word]
        return (
            tokens[stop].text == "."
            and w.span.end == tokens[stop].span.start
            and w.text[:1].isupper()
            and len(w.text) <= 3
        )

    def _glued(self, left: int, hyphen: int, right: int) -> bool:
        """Whether a hyphen joins two capitalised words without spaces."""
        tokens = self.analysis.tokens
        if left < 0 or right >= len(tokens) or tokens[hyphen].text != "-":
            return False
        a, h, b = tokens[left], tokens[hyphen], tokens[right]
        return (
            a.span.end == h.span.start
            and h.span.end == b.span.start
            and a.text[:1].isupper()
            and b.text[:1].isupper()
        )

    def _is_other_thing(
        self, start: int, end: int, entry: GeoName | None, sentence: Sentence
    ) -> bool:
        """A country (an actor), or words inside a phrase that is no actor (``Indian
        Ocean``, ``Washington Post``) unless the phrase is this curated place (``Mexico
        City``) or its head (``Atlanta`` of ``Atlanta, Georgia``)."""
        if tuple(self.keys[start:end]) in self.gazetteer.country_keys:
            return True
        not_actors = self.not_actors.get(sentence.index)
        if not_actors is None:
            not_actors = self.not_actors[sentence.index] = _sentence_not_actors(
                self.lexicon, self.texts, self.norms, sentence.token_start, sentence.token_end
            )
        for s, e, head in not_actors:
            if s >= end or start >= e:
                continue
            if not (
                (start == s and end <= head) or (entry is not None and start <= s and e <= end)
            ):
                return True
        return False

    def _context(
        self, start: int, end: int, sentence: Sentence, previous: Candidate | None
    ) -> str | None:
        """What makes these words a place: ``locative``, ``named`` (``the town of``,
        ``Kherson region``), ``coordinated`` (``in Kharkiv and Sumy``), or None."""
        keys, first = self.keys, sentence.token_start
        if start - 2 >= first and keys[start - 1] == "of" and keys[start - 2] in self.place_nouns:
            return "named"
        if end < sentence.token_end and keys[end] in self.suffixes:
            return "named"
        if (k := self._locative_before(start, first)) is not None:
            return "weak-locative" if self.keys[k] in self.weak_locatives else "locative"
        if (
            previous is not None
            and 0 < start - previous.end <= 2
            and all(k in _BETWEEN_PLACES for k in keys[previous.end : start])
        ):
            return "coordinated"
        return None

    def _locative_before(self, start: int, first: int) -> int | None:
        """The token of a locative before ``start``, over determiners, area words and
        country adjectives (``in the occupied West Bank``, ``in Ukrainian-held Kupiansk``)."""
        k = start - 1
        while k >= first and start - k <= _REACH:
            key = self.keys[k]
            if key in self.locatives:
                blocked = k > first and self.keys[k - 1] in self.not_locative
                return None if blocked else k
            if key in _HELD and k - 2 >= first and self.keys[k - 1] == "-":
                k -= 3  # "in Kurdish-held", "in government-controlled"
                continue
            mention = self.mentions.get(k)
            if not (
                key in self.area_words
                or key == "-"
                or (mention is not None and mention.kind is MentionKind.ADJECTIVE)
            ):
                return None
            k -= 1
        return None

    def _governs(self, start: int) -> bool:
        """Whether a noun of opinion or of officials comes right before the locative:
        ``concern in Washington``, ``officials in Kyiv`` stand for the government."""
        k = self._locative_before(start, 0)
        return k is not None and k > 0 and self.keys[k - 1] in self.government_nouns

    def _qualifier(self, end: int, sentence: Sentence) -> frozenset[str] | None:
        """The countries ``, Russia`` / ``, Ill.`` / ``, Georgia`` (the country or the US
        state) right after a name may mean."""
        tokens = self.analysis.tokens
        if end + 1 >= sentence.token_end or tokens[end].norm != ",":
            return None
        if not tokens[end + 1].text[:1].isupper():
            return None
        m = self.mentions.get(end + 1)
        if m is not None and m.kind in _STATE_KINDS and m.token_start == end + 1:
            return frozenset(a.country for a in m.actors[:1] if a.country)
        text = self.analysis.text
        for n in (3, 2, 1):
            last = end + n
            if last >= sentence.token_end:
                continue
            words = tokens[end + 1 : last + 1]
            countries = {
                g.country
                for g in self.gazetteer.wide.get(tuple(self.keys[end + 1 : last + 1])) or ()
                if g.kind == "division"
            }
            region = text[words[0].span.start : words[-1].span.end].lower()
            if (country := self.lexicon.regions.get(region)) is not None:
                countries.add(country)
            if countries:
                return frozenset(countries)
        return None

    def _hint(self, start: int, end: int, sentence: Sentence) -> frozenset[str]:
        """Countries the words next to a name tie it to: ``in Pakistan`` right after it,
        ``Lebanon's`` or ``the Lebanese city of`` right before it."""
        keys, found = self.keys, set[str]()
        if end + 1 < sentence.token_end and keys[end] == "in":
            found |= self._state_at(end + 1, MentionKind.COUNTRY)
        k = start - 1
        while k > sentence.token_start and (
            keys[k] in self.area_words or keys[k] in self.place_nouns or keys[k] == "of"
        ):
            k -= 1
        if k >= sentence.token_start and keys[k] == "'s":
            found |= self._state_at(k - 1, MentionKind.COUNTRY, ending=True)
        elif k >= sentence.token_start and keys[k + 1] != "-":
            found |= self._state_at(k, MentionKind.ADJECTIVE, ending=True)
        return frozenset(found)

    def _state_at(self, k: int, kind: MentionKind, *, ending: bool = False) -> set[str]:
        """The country of a one-actor mention of ``kind`` starting (ending) at ``k``."""
        m = self.mentions.get(k)
        if m is None or m.kind is not kind or len(m.actors) != 1 or not m.actors[0].country:
            return set()
        edge = m.token_end - 1 if ending else m.token_start
        return {m.actors[0].country} if edge == k else set()

    # ---- resolving ----

    def resolve(self, c: Candidate, sentence: Sentence) -> Place:
        """The place a candidate names: the curated entry (located in the wide gazetteer),
        else the namesake the article's countries point to, else the largest."""
        hinted = [g for g in c.wide if g.country in c.hint]
        if c.curated is not None and (c.curated.country in c.hint or not hinted):
            found, source = self.gazetteer.locate(c.curated), c.curated.source
        else:
            found = hinted[0] if hinted else self._choose(c, sentence)
            alias = self._is_alias(c.start, c.end, found)
            source = f"{found.source}-alias" if alias else found.source
        tokens = self.analysis.tokens
        span = Span(tokens[c.start].span.start, tokens[c.end - 1].span.end)
        self.placed.add(found.country)
        return self._place(span, sentence.index, found, f"{source}+{c.context}", dateline=False)

    def _choose(self, c: Candidate, sentence: Sentence) -> GeoName:
        """The largest namesake (a division's before a city's where a division word
        follows: ``Mount Lebanon Governorate``), unless one in a country named near it
        (the sentence, the dateline, an earlier place) or anywhere in the article is
        close enough in size."""
        namesakes = c.wide
        if c.end < len(self.keys) and self.keys[c.end] in self.suffixes:
            namesakes = tuple(g for g in namesakes if g.kind == "division") or namesakes
        top = namesakes[0]
        rules = self.gazetteer.rules
        for ratio, countries in (
            (rules.preference_ratio, self._near_countries(sentence)),
            (rules.article_ratio, self.countries),
        ):
            for g in namesakes:
                if g.country in countries and g.population >= ratio * top.population:
                    return g
        return top

    def _sentence_countries(self, sentence: Sentence) -> frozenset[str]:
        """The countries of the sentence's one-actor mentions."""
        return frozenset(
            m.actors[0].country
            for k in range(sentence.token_start, sentence.token_end)
            if (m := self.mentions.get(k)) is not None
            and len(m.actors) == 1
            and m.actors[0].country
        )

    def _near_countries(self, sentence: Sentence) -> frozenset[str]:
        """The countries of the sentence's mentions, the dateline and the places so far."""
        seen = set(self._sentence_countries(sentence)) | self.placed
        dateline = self.analysis.dateline
        if dateline is not None and dateline.country and not dateline.venue:
            seen.add(dateline.country)
        return frozenset(seen)

    def dateline_place(self) -> Place | None:
        """The place of the dateline, in the country the text stage gave it."""
        dateline = self.analysis.dateline
        if dateline is None or dateline.country is None:
            return None
        text = self.analysis.text
        start = dateline.span.start
        span = Span(start, start + len(dateline.place))
        if span.text_of(text).lower() != dateline.place.lower():
            return None
        found = self.gazetteer.dateline(dateline.place, dateline.country)
        if found is None:  # known only through its region slot ("SPRINGFIELD, Ill.")
            found = GeoName(dateline.place, dateline.country, None, None, None, 0, "region", "city")
        sentence = next(
            (s.index for s in self.analysis.sentences if s.span.contains(dateline.span)), 0
        )
        return self._place(span, sentence, found, f"{found.source}+dateline", dateline=True)

    def _place(
        self, span: Span, sentence: int, found: GeoName, rule: str, *, dateline: bool
    ) -> Place:
        article_id = self.analysis.article.article_id
        return Place(
            place_id=make_id("p", article_id, span.start, span.end, found.name),
            span=span,
            sentence=sentence,
            text=span.text_of(self.analysis.text),
            name=found.name,
            country=found.country,
            admin1=found.admin1,
            latitude=found.latitude,
            longitude=found.longitude,
            dateline=dateline,
            provenance=Provenance(LAYER, rule),
        )


def _sentence_not_actors(
    lexicon: Lexicon, texts: list[str], norms: list[str], start: int, end: int
) -> list[tuple[int, int, int]]:
    """Token spans of phrases the lexicon marks as no actor (``Indian Ocean``) in the
    sentence of tokens ``[start, end)`` (whose ``text`` and ``norm`` are ``texts`` and
    ``norms`` there), read left to right, longest first, as the actors stage reads them;
    with the end of the words before a comma (``Atlanta`` of ``Atlanta, Georgia``; the
    start if none)."""
    found: list[tuple[int, int, int]] = []
    first, no_actor_first = _phrase_first_words(lexicon, lexicon.phrases.size)
    lower, cased = norms[start:end], fold_all(texts[start:end])
    if no_actor_first.isdisjoint(lower) and no_actor_first.isdisjoint(cased):
        return found  # a sentence with no word a no-actor phrase starts with holds none
    phrases = lexicon.phrases
    i = 0
    for k in range(len(cased)):  # a phrase opens only at a word some phrase starts with
        if k < i or not (lower[k] in first or cased[k] in first):
            continue
        if not phrases.starts(cased[k], lower[k]):
            continue
        match = phrases.match(cased, lower, k)
        if match is None:
            continue
        n, entry = match
        if entry.kind is EntryKind.NOT_ACTOR:
            head = next((j for j in range(k, k + n) if lower[j] == ","), k)
            found.append((start + k, start + k + n, start + head))
        i = k + n
    return found


@lru_cache(maxsize=4)
def _phrase_first_words(lexicon: Lexicon, n_phrases: int) -> tuple[frozenset[str], frozenset[str]]:
    """The words the lexicon's phrases start with, and those its no-actor phrases start
    with (``n_phrases`` keys the cache to its size)."""
    entries = list(lexicon.phrases.entries())
    no_actor = frozenset(key[0] for key, e in entries if e.kind is EntryKind.NOT_ACTOR)
    return frozenset(key[0] for key, _ in entries), no_actor


def _capitalised(texts: list[str]) -> Iterator[int]:
    """The words that start with a capital letter, in order."""
    try:
        firsts = list(map(_INITIAL, texts))  # a token's text is never empty
    except IndexError:  # but should one be, it has no capital
        firsts = list(map(operator.getitem, texts, repeat(_FIRST)))
    return compress(range(len(texts)), map(str.isupper, firsts))


_FIRST = slice(0, 1)
_INITIAL = itemgetter(0)


def _fold_words(norms: list[str]) -> list[str]:
    """``fold_word`` of each norm: a plain ASCII one is its lower case, and norms in
    lower case already (as a whole) are their own: plain ASCII lower-case norms (most
    articles') are their own keys, the very list (neither is changed)."""
    joined = "".join(norms)
    if joined != joined.lower():
        return list(map(fold_word, norms))
    if joined.isascii():
        return norms
    keys = norms.copy()
    for k in non_ascii(norms):
        keys[k] = fold_word(norms[k])
    return keys


def event_place(analysis: Analysis, sentence: Sentence, trigger: Span) -> str | None:
    """The place of an event: the place of its sentence nearest its trigger (in clauses,
    then in words), else the dateline's, else None."""
    here = [p for p in analysis.places if p.sentence == sentence.index and not p.dateline]
    if here:
        return min(here, key=lambda p: clause_distance(analysis.text, p.span, trigger)).place_id
    return next((p.place_id for p in analysis.places if p.dateline), None)
