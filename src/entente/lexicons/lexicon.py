"""The compiled lexicon: every knowledge file loaded once into fast lookup structures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from mypy_extensions import mypyc_attr
from pydantic import ValidationError

from entente.errors import LexiconError
from entente.lexicons import load
from entente.lexicons.gazetteer import Gazetteer
from entente.lexicons.inflect import Inflector
from entente.lexicons.load import ModelT
from entente.lexicons.schema import (
    Admin1Row,
    AmountCues,
    CameoRow,
    CommunityEntry,
    CountryEntry,
    DateWords,
    FactualityCues,
    GazetteerRules,
    OrganisationEntry,
    PatternEntry,
    PersonEntry,
    PlaceEntry,
    Recoding,
    Role,
    SectorEntry,
    ThemeEntry,
    TitleEntry,
    ToneCues,
)
from entente.model import Actor, Token
from entente.text.tokens import iter_raw_tokens, to_cased, to_norm


class EntryKind(StrEnum):
    COUNTRY = "country"
    ADJECTIVE = "adjective"
    GOVERNMENT = "government"
    PERSON = "person"
    ORGANISATION = "organisation"
    SECTOR = "sector"
    TITLE = "title"
    ANONYMOUS = "anonymous"
    COMMUNITY = "community"  # Rohingya, Tigrayan: people of one state, not the state
    NOT_ACTOR = "not_actor"


# Compiled (setup.py), this module's classes still stay Python classes: a worker
# process that is spawned, not forked, gets the lexicon pickled, and a compiled frozen
# class does not unpickle. Their methods are compiled all the same.
@mypyc_attr(native_class=False)
@dataclass(frozen=True, slots=True)
class PhraseEntry:
    """What a lexicon phrase stands for. ``rule`` names the entry for provenance."""

    kind: EntryKind
    rule: str
    actor: Actor | None = None
    person_id: str | None = None
    sector: str | None = None
    office: str | None = None
    office_country: str | None = None
    variants: tuple[tuple[str | None, str, str], ...] = ()
    people: tuple[str, ...] = ()
    homes: tuple[str, ...] = ()  # a community: every country it lives in, the main first


Key = tuple[str, ...]


@mypyc_attr(native_class=False)
class PhraseIndex:
    """Longest-match lookup of token sequences. Phrases with a capital letter match
    case-sensitively (``Quad``, ``US``); lower-case phrases match any case.

    Phrases are grouped by first token, then by length, then hashed: a lookup costs one
    hash probe per distinct phrase length starting with that token, however many phrases
    the lexicon holds (``make bench`` measures this)."""

    def __init__(self) -> None:
        self._cased: dict[str, dict[int, dict[Key, PhraseEntry]]] = {}
        self._lower: dict[str, dict[int, dict[Key, PhraseEntry]]] = {}
        self._lengths: dict[tuple[bool, str], tuple[int, ...]] = {}
        self.max_length = 1
        self.size = 0

    def add(self, phrase: str, entry: PhraseEntry) -> None:
        surfaces = [phrase[s:e] for s, e, _ in iter_raw_tokens(phrase)]
        if not surfaces:
            return
        cased = any(ch.isupper() for ch in phrase)
        key = tuple(to_cased(s) if cased else to_norm(s) for s in surfaces)
        table = self._cased if cased else self._lower
        by_length = table.setdefault(key[0], {})
        bucket = by_length.setdefault(len(key), {})
        if key in bucket:
            return  # the first entry for a phrase wins; `lexicon check` reports clashes
        bucket[key] = entry
        self._lengths[(cased, key[0])] = tuple(sorted(by_length, reverse=True))
        self.max_length = max(self.max_length, len(key))
        self.size += 1

    def entries(self) -> Iterator[tuple[Key, PhraseEntry]]:
        """Every phrase key with its entry."""
        for table in (self._cased, self._lower):
            for by_length in table.values():
                for bucket in by_length.values():
                    yield from bucket.items()

    def starts(self, cased: str, lower: str) -> bool:
        """Whether some phrase may start with this token (a cheap test before ``match``)."""
        return cased in self._cased or lower in self._lower

    def match(self, cased: list[str], lower: list[str], i: int) -> tuple[int, PhraseEntry] | None:
        """The longest phrase starting at token ``i``: ``(length, entry)``."""
        best: tuple[int, PhraseEntry] | None = None
        word = cased[i]
        by_length = self._cased.get(word)
        if by_length is not None:  # the cased phrases first, longest first
            room = len(cased) - i
            for n in self._lengths[(True, word)]:
                if n <= room and (entry := by_length[n].get(tuple(cased[i : i + n]))) is not None:
                    best = (n, entry)
                    break
        word = lower[i]
        by_length = self._lower.get(word)
        if by_length is not None:  # a lower-case phrase only where it is longer
            room = len(lower) - i
            for n in self._lengths[(False, word)]:
                if best is not None and n <= best[0]:
                    break
                if n <= room and (entry := by_length[n].get(tuple(lower[i : i + n]))) is not None:
                    return n, entry
        return best


@mypyc_attr(native_class=False)
@dataclass(frozen=True, slots=True)
class EventGrammar:
    """The word lists the events stage reads roles and factuality by (``events:`` in
    ``grammar.yaml``, where each is explained)."""

    articles: frozenset[str]
    quantifiers: frozenset[str]
    days: frozenset[str]
    adjunct_words: frozenset[str]
    audience_verbs: frozenset[str]
    place_prepositions: frozenset[str]
    subject_barriers: frozenset[str]
    object_barriers: frozenset[str]
    gerund_openers: frozenset[str]
    target_locatives: frozenset[str]
    goal_prepositions: frozenset[str]
    area_words: frozenset[str]
    time_prepositions: frozenset[str]
    conditions: frozenset[str]
    noun_markers: frozenset[str]
    verb_openers: frozenset[str]
    modal_openers: frozenset[str]
    violent_agents: frozenset[str]
    object_control: frozenset[str]
    place_locatives: frozenset[str]
    clause_openers: frozenset[str]


@mypyc_attr(native_class=False)
@dataclass(frozen=True, slots=True)
class QuoteGrammar:
    subject_gap: frozenset[str]
    relatives: frozenset[str]
    bare_pronouns: frozenset[str]
    irregular_pasts: frozenset[str]


@mypyc_attr(native_class=False)
@dataclass(frozen=True, slots=True)
class Grammar:
    abbreviations: frozenset[str]
    sentence_starters: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    coordinators: frozenset[str]
    self_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    pair_determiners: frozenset[str]
    pair_nouns: frozenset[str]
    member_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    quote_verbs: frozenset[str]
    speaker_openers: tuple[tuple[str, ...], ...]
    anonymous_speakers: frozenset[str]
    speaker_modifiers: frozenset[str]
    name_neighbours: frozenset[str]
    owner_nouns: frozenset[str]
    body_nouns: frozenset[str]
    country_nouns: frozenset[str]
    clause_words: frozenset[str]
    place_nouns: frozenset[str]
    company_words: frozenset[str]
    company_prefixes: frozenset[str]
    descent_words: frozenset[str]
    language_nouns: frozenset[str]
    surname_stoplist: frozenset[str]
    former_words: frozenset[str]
    locatives: frozenset[str]
    definite_determiners: frozenset[str]
    descriptive_endings: tuple[str, ...]
    feminine_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    subject_pronouns: frozenset[str]
    passive_auxiliaries: frozenset[str]
    event_nouns: frozenset[str]
    light_verbs: frozenset[str]
    quotes: QuoteGrammar
    events: EventGrammar


@mypyc_attr(native_class=False)
@dataclass(frozen=True, slots=True)
class Taxonomy:
    """The themes of ``themes.yaml``, validated: each maps to a PLOVER context and names
    at most one broad theme (a theme with no parent) as its parent. ``neutral`` phrases
    cover words that would otherwise read as cues (``think tank``); ``settings`` open a
    clause that gives the occasion of the news (``after``, ``during``), ``background`` one
    that cites the past (``since``)."""

    themes: tuple[ThemeEntry, ...]
    neutral: tuple[str, ...]
    settings: tuple[str, ...]
    background: tuple[str, ...]

    @property
    def broad(self) -> frozenset[str]:
        """The ids of the themes with no parent: the level gold annotations use."""
        return frozenset(t.id for t in self.themes if t.parent is None)


@mypyc_attr(native_class=False)
@dataclass(frozen=True, eq=False)
class Lexicon:
    """All knowledge entente uses, compiled. Build it with :func:`load_lexicon`."""

    grammar: Grammar
    countries: dict[str, CountryEntry]
    people: dict[str, PersonEntry]
    organisations: dict[str, OrganisationEntry]
    phrases: PhraseIndex
    holders: dict[tuple[str, str], tuple[tuple[Role, str], ...]]
    office_sectors: dict[str, str]
    sector_sides: dict[str, str]
    places: dict[str, str]
    regions: dict[str, str]
    gazetteer: Gazetteer
    dates: DateWords
    cameo: dict[str, CameoRow]
    patterns: tuple[PatternEntry, ...]
    factuality: FactualityCues
    recoding: Recoding
    tone: ToneCues
    amounts: AmountCues
    inflector: Inflector
    taxonomy: Taxonomy
    digest: str

    def country_actor(self, code: str, sector: str | None = None) -> Actor:
        entry = self.countries.get(code)
        name = entry.name if entry else code
        return Actor(code + (sector or ""), name, country=code, sector=sector)

    def place_at(self, tokens: Sequence[Token], start: int, end: int) -> tuple[str, int] | None:
        """The country of a capitalised gazetteer name of one to three words at ``start``
        (``Tel Aviv``, ``Yangon``), longest first, and how many words it takes."""
        for n in (3, 2, 1):
            words = tokens[start : min(start + n, end)]
            if len(words) < n or not all(t.text[:1].isupper() for t in words):
                continue
            country = self.places.get(" ".join(t.text for t in words).lower())
            if country:
                return country, n
        return None

    def office_sector(self, office: str) -> str:
        """The sector an office belongs to (``defence_minister``: MIL); GOV by default."""
        return self.office_sectors.get(office, "GOV")

    def title_for(self, title: PhraseEntry, country: str | None) -> PhraseEntry:
        """The reading of a title phrase that applies in ``country``."""
        for office_country, office, sector in title.variants:
            if office_country is not None and office_country == country:
                return replace(
                    title,
                    rule=f"title:{office}",
                    office=office,
                    sector=sector,
                    office_country=office_country,
                )
        return title

    def holder_of(self, country: str, office: str, date: Any) -> PersonEntry | None:
        """Who held ``office`` in ``country`` on ``date`` (None if unknown)."""
        if date is None:
            return None
        for role, person_id in self.holders.get((country, office), ()):
            if role.is_held_on(date):
                return self.people[person_id]
        return None


@lru_cache(maxsize=4)
def load_lexicon(extra_dirs: tuple[Path, ...] = ()) -> Lexicon:
    """Load, validate and compile the lexicons (cached per process)."""
    dirs = load.lexicon_dirs(extra_dirs)
    countries = {
        c.code: c for c in load.read_yaml_list(dirs, "countries.yaml", "countries", CountryEntry)
    }
    people = {p.id: p for p in load.read_yaml_list(dirs, "people.yaml", "people", PersonEntry)}
    orgs = {
        o.id: o
        for o in load.read_yaml_list(dirs, "organisations.yaml", "organisations", OrganisationEntry)
    }
    sectors = load.read_yaml_list(dirs, "sectors.yaml", "sectors", SectorEntry)
    titles = load.read_yaml_list(dirs, "titles.yaml", "titles", TitleEntry)
    grammar_doc = load.read_yaml_document(dirs, "grammar.yaml")
    sectors_doc = load.read_yaml_document(dirs, "sectors.yaml")
    phrases = PhraseIndex()
    _add_countries(phrases, countries)
    _add_organisations(phrases, orgs)
    grammar = _grammar(grammar_doc)
    _add_people(phrases, people, countries, grammar.surname_stoplist)
    _add_titles(phrases, titles)
    _add_sectors(phrases, sectors, sectors_doc)
    for group in load.read_yaml_list(dirs, "communities.yaml", "communities", CommunityEntry):
        homes = (group.country, *group.also)
        if unknown := [code for code in homes if code not in countries]:
            raise LexiconError(f"communities.yaml: unknown country {unknown[0]}")
        actor = Actor(group.country + "CVL", group.names[0], country=group.country, sector="CVL")
        entry = PhraseEntry(EntryKind.COMMUNITY, f"community:{group.country}", actor, homes=homes)
        for name in group.names:
            phrases.add(name, entry)
    for phrase in load.read_yaml_document(dirs, "non_actors.yaml").get("phrases", []):
        phrases.add(str(phrase), PhraseEntry(EntryKind.NOT_ACTOR, "not-actor"))
    gazetteer = load.read_yaml_list(dirs, "places.yaml", "places", PlaceEntry)
    cameo = {row.code: row for row in load.read_table(dirs, "cameo.tsv", CameoRow)}
    patterns = tuple(load.read_yaml_list(dirs, "patterns.yaml", "patterns", PatternEntry))
    _check_patterns(patterns, cameo)
    factuality = load.read_yaml_document(dirs, "factuality.yaml")
    recoding = Recoding.model_validate(factuality.get("recode", {}))
    _check_recoding(recoding, cameo)
    return Lexicon(
        grammar=grammar,
        countries=countries,
        people=people,
        organisations=orgs,
        phrases=phrases,
        holders=_holders(people),
        office_sectors=_office_sectors(titles),
        sector_sides={
            str(code): side
            for side, codes in (sectors_doc.get("sides") or {}).items()
            for code in codes
        },
        places=_places(countries, gazetteer),
        regions=_places(countries, gazetteer, regions=True),
        gazetteer=Gazetteer(
            gazetteer,
            countries,
            GazetteerRules.model_validate(load.read_yaml_document(dirs, "gazetteer.yaml")),
            {row.code: row.name for row in load.read_table(dirs, "geonames_admin1.tsv", Admin1Row)},
        ),
        dates=DateWords.model_validate(load.read_yaml_document(dirs, "dates.yaml")),
        cameo=cameo,
        patterns=patterns,
        factuality=FactualityCues.model_validate(factuality.get("cues", {})),
        recoding=recoding,
        tone=_validated(dirs, "tone.yaml", ToneCues),
        amounts=_validated(dirs, "amounts.yaml", AmountCues),
        inflector=_inflector(dirs),
        taxonomy=_taxonomy(dirs, cameo),
        digest=load.digest(dirs),
    )


def _add_countries(index: PhraseIndex, countries: dict[str, CountryEntry]) -> None:
    for c in countries.values():
        actor = Actor(c.code, c.name, country=c.code)
        gov = Actor(c.code + "GOV", c.name, country=c.code, sector="GOV")
        for phrase in [c.name, *((c.official and [c.official]) or []), *c.aliases]:
            index.add(phrase, PhraseEntry(EntryKind.COUNTRY, f"country:{c.code}", actor))
        people = Actor(c.code + "CVL", c.name, country=c.code, sector="CVL")
        for phrase in c.demonyms:  # Indians, Americans: the people, not the state
            index.add(phrase, PhraseEntry(EntryKind.COUNTRY, f"demonym:{c.code}", people))
        index.add(flag_emoji(c.iso2), PhraseEntry(EntryKind.COUNTRY, f"flag:{c.code}", actor))
        for phrase in c.adjectives:
            index.add(phrase, PhraseEntry(EntryKind.ADJECTIVE, f"adjective:{c.code}", actor))
        for phrase in c.government:
            index.add(phrase, PhraseEntry(EntryKind.GOVERNMENT, f"government:{c.code}", gov))


def _add_organisations(index: PhraseIndex, orgs: dict[str, OrganisationEntry]) -> None:
    for o in orgs.values():
        actor = Actor(
            o.code,
            o.name,
            country=o.country,
            sector=o.sector,
            entity_id=o.id,
            members=tuple(o.members),
        )
        for phrase in [o.name, *o.aliases]:
            index.add(phrase, PhraseEntry(EntryKind.ORGANISATION, f"org:{o.id}", actor))


def _add_people(
    index: PhraseIndex,
    people: dict[str, PersonEntry],
    countries: dict[str, CountryEntry],
    stoplist: frozenset[str],
) -> None:
    """Every name and alias of every person, and the surname of a Western-order name
    (``Sharif`` for Shehbaz Sharif). A name several people share (``Kim``, ``Sharif``)
    keeps all of them in ``people``; the resolver picks one from the article."""
    owners: dict[str, list[str]] = defaultdict(list)
    for p in people.values():
        if p.country not in countries:
            raise LexiconError(f"people: {p.id}: unknown country {p.country}")
        for phrase in dict.fromkeys([p.name, *p.aliases, *_surname(p.name, stoplist)]):
            owners[phrase].append(p.id)
    for phrase, ids in owners.items():
        entry = PhraseEntry(
            EntryKind.PERSON, f"person:{ids[0]}", person_id=ids[0], people=tuple(ids)
        )
        index.add(phrase, entry)


def _surname(name: str, stoplist: frozenset[str]) -> list[str]:
    """The last word of a name of two or more words, unless it is short, lower-case
    (``da``, ``bin``) or an ordinary English word (``May``, ``Brown``)."""
    words = name.split()
    last = words[-1] if len(words) > 1 else ""
    if len(last) < 3 or not last[0].isupper() or last.lower().strip(".") in stoplist:
        return []
    return [last]


def _add_titles(index: PhraseIndex, titles: list[TitleEntry]) -> None:
    """One entry per title phrase. A phrase used by several offices (``Foreign
    Secretary``: India's second diplomat, Britain's foreign minister) keeps every
    reading in ``variants``; :meth:`Lexicon.title_for` picks one by country."""
    readings: dict[str, list[TitleEntry]] = defaultdict(list)
    for t in titles:
        for phrase in t.phrases:
            readings[phrase].append(t)
    for phrase, entries in readings.items():
        default = next((t for t in entries if t.country is None), entries[0])
        variants = tuple((t.country, t.office, t.sector) for t in entries)
        index.add(
            phrase,
            PhraseEntry(
                EntryKind.TITLE,
                f"title:{default.office}",
                sector=default.sector,
                office=default.office,
                office_country=default.country,
                variants=variants,
            ),
        )


def _add_sectors(index: PhraseIndex, sectors: list[SectorEntry], doc: dict[str, Any]) -> None:
    for s in sectors:
        rule = f"{'instrument' if s.instruments else 'sector'}:{s.code}"
        for noun in s.nouns:
            index.add(noun, PhraseEntry(EntryKind.SECTOR, rule, sector=s.code))
    for group in doc.get("anonymous") or []:
        for noun in group.get("nouns", []):
            index.add(noun, PhraseEntry(EntryKind.ANONYMOUS, "anonymous"))


def _holders(people: dict[str, PersonEntry]) -> dict[tuple[str, str], tuple[tuple[Role, str], ...]]:
    table: dict[tuple[str, str], list[tuple[Role, str]]] = defaultdict(list)
    for p in people.values():
        for role in p.roles:
            table[(role.country, role.office)].append((role, p.id))
    return {key: tuple(value) for key, value in table.items()}


def _office_sectors(titles: list[TitleEntry]) -> dict[str, str]:
    sectors: dict[str, str] = {}
    for t in titles:
        if t.country is None:
            sectors.setdefault(t.office, t.sector)
    return sectors


def _places(
    countries: dict[str, CountryEntry], gazetteer: list[PlaceEntry], *, regions: bool = False
) -> dict[str, str]:
    """Lower-cased place names to country codes: the countries' own names and capitals
    first, then the gazetteer. Short forms that are also words (``Ill.``, ``Wash.``)
    count only in a dateline's region slot (``regions``); venues only as a dateline (see
    :class:`~entente.lexicons.gazetteer.Gazetteer`)."""
    places: dict[str, str] = {}
    for c in countries.values():
        for name in [c.name, *c.aliases, *((c.capital and [c.capital]) or []), *c.government]:
            places.setdefault(name.lower(), c.code)
    for p in gazetteer:
        if p.kind == "venue" or (p.kind == "abbreviation" and not regions):
            continue
        for name in [p.name, *p.aliases]:
            places.setdefault(name.lower(), p.country)
    return places


def _grammar(doc: dict[str, Any]) -> Grammar:
    def words(key: str, sub: str | None = None) -> frozenset[str]:
        value = doc.get(key, {}) if sub is None else doc.get(key, {}).get(sub, [])
        return frozenset(str(v).lower() for v in value)

    pronouns_self = words("pronouns", "self")
    return Grammar(
        abbreviations=words("abbreviations"),
        sentence_starters=words("determiners")
        | pronouns_self
        | words("pronouns", "person")
        | frozenset({"but", "and", "it", "they", "in", "on", "at", "for", "as", "if", "when"}),
        determiners=words("determiners"),
        prepositions=words("prepositions"),
        coordinators=words("coordinators"),
        self_pronouns=pronouns_self,
        person_pronouns=words("pronouns", "person"),
        thing_pronouns=words("pronouns", "thing"),
        pair_determiners=words("pair_anaphora", "determiners"),
        pair_nouns=words("pair_anaphora", "nouns"),
        member_nouns=words("member_nouns"),
        speech_verbs=words("speech_verbs"),
        quote_verbs=words("quote_verbs"),
        speaker_openers=tuple(tuple(o.lower().split()) for o in doc.get("speaker_openers", [])),
        anonymous_speakers=words("anonymous_speakers"),
        speaker_modifiers=words("speaker_modifiers"),
        name_neighbours=words("name_neighbours"),
        owner_nouns=words("owner_nouns"),
        body_nouns=words("body_nouns"),
        country_nouns=words("country_nouns"),
        clause_words=words("clause_words"),
        passive_auxiliaries=words("passive_auxiliaries"),
        event_nouns=words("event_nouns"),
        light_verbs=words("light_verbs"),
        quotes=QuoteGrammar(
            **{name: words("quotes", name) for name in QuoteGrammar.__dataclass_fields__}
        ),
        events=EventGrammar(
            **{name: words("events", name) for name in EventGrammar.__dataclass_fields__}
        ),
        place_nouns=words("place_nouns"),
        company_words=frozenset(str(v) for v in doc.get("company_words", [])),
        company_prefixes=frozenset(str(v) for v in doc.get("company_prefixes", [])),
        descent_words=words("descent_words"),
        language_nouns=words("language_nouns"),
        surname_stoplist=words("surname_stoplist"),
        former_words=words("former_words"),
        locatives=words("locatives"),
        definite_determiners=words("definite_determiners"),
        descriptive_endings=tuple(str(e) for e in doc.get("descriptive_endings", [])),
        feminine_pronouns=words("pronouns", "feminine"),
        object_pronouns=words("pronouns", "object"),
        subject_pronouns=words("pronouns", "subject"),
    )


def _validated(dirs: tuple[Path, ...], name: str, model: type[ModelT]) -> ModelT:
    """A whole lexicon file (the package's merged with the user's) as one record."""
    try:
        return model.model_validate(load.read_yaml_document(dirs, name))
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(part) for part in first["loc"])
        raise LexiconError(f"{name}: {loc}: {first['msg']}") from exc


def _inflector(dirs: tuple[Path, ...]) -> Inflector:
    irregular: dict[str, tuple[str, ...]] = {}
    for path in dirs:
        file = path / "irregular_verbs.tsv"
        if not file.is_file():
            continue
        lines = [ln for ln in file.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
        for line in lines[1:]:
            lemma, *forms = line.split("\t")
            irregular[lemma] = tuple(f for col in forms for f in col.split("|") if f)
    doubling = frozenset(load.read_word_list(dirs, "doubling_verbs.txt"))
    british = frozenset(load.read_word_list(dirs, "british_doubling_verbs.txt"))
    return Inflector(irregular, doubling | british)


def _check_patterns(patterns: tuple[PatternEntry, ...], cameo: dict[str, CameoRow]) -> None:
    seen: set[str] = set()
    for p in patterns:
        if p.id in seen:
            raise LexiconError(f"patterns.yaml: duplicate pattern id {p.id}")
        seen.add(p.id)
        for code in [p.cameo, *(r.cameo for r in p.refine)]:
            if code not in cameo:
                raise LexiconError(f"patterns.yaml: {p.id}: unknown CAMEO code {code}")
        if not (p.verb or p.noun):
            raise LexiconError(f"patterns.yaml: {p.id}: needs a verb or a noun")


def _check_recoding(recoding: Recoding, cameo: dict[str, CameoRow]) -> None:
    for name, table in (("future", recoding.future), ("refusal", recoding.refusal)):
        for prefix, code in table.items():
            if code not in cameo or not prefix.isdigit():
                raise LexiconError(
                    f"factuality.yaml: recode.{name}: {prefix} → {code} is not CAMEO"
                )


def _taxonomy(dirs: tuple[Path, ...], cameo: dict[str, CameoRow]) -> Taxonomy:
    themes = tuple(load.read_yaml_list(dirs, "themes.yaml", "themes", ThemeEntry))
    contexts = load.read_yaml_document(dirs, "plover.yaml").get("contexts") or []
    check_themes(themes, frozenset(map(str, contexts)), frozenset(cameo))
    document = load.read_yaml_document(dirs, "themes.yaml")

    def words(key: str) -> tuple[str, ...]:
        return tuple(map(str, document.get(key) or []))

    return Taxonomy(themes, words("neutral"), words("settings"), words("background"))


def check_themes(
    themes: Sequence[ThemeEntry], contexts: frozenset[str], codes: frozenset[str]
) -> None:
    """Unique ids, known PLOVER contexts and CAMEO codes, parents that are broad themes."""
    by_id: dict[str, ThemeEntry] = {}
    for t in themes:
        if t.id in by_id:
            raise LexiconError(f"themes.yaml: duplicate theme id {t.id}")
        by_id[t.id] = t
    for t in themes:
        where = f"themes.yaml: {t.id}"
        if t.plover not in contexts:
            raise LexiconError(f"{where}: unknown PLOVER context {t.plover}")
        if t.parent is not None and (t.parent not in by_id or by_id[t.parent].parent):
            raise LexiconError(f"{where}: parent {t.parent} is not a broad theme")
        if not any(c.words or c.verbs or c.names for c in t.cues) and not t.cameo:
            raise LexiconError(f"{where}: needs cue words or CAMEO codes")
        for implied in t.cameo:
            if implied.code not in codes:
                raise LexiconError(f"{where}: unknown CAMEO code {implied.code}")
        named = [u for i in t.cameo for u in i.unless] + t.yields_to
        if unknown := [u for u in named if u not in by_id]:
            raise LexiconError(f"{where}: unknown theme {unknown[0]}")


def flag_emoji(iso2: str) -> str:
    """The flag emoji of a country: two regional indicator symbols."""
    return "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in iso2.upper())
