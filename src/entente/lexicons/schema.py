"""Schemas of the lexicon files, validated when they are loaded."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CountryEntry(_Entry):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    name: str
    official: str | None = None
    aliases: list[str] = []
    adjectives: list[str] = []
    demonyms: list[str] = []
    capital: str | None = None
    government: list[str] = []


class Role(_Entry):
    office: str = Field(pattern=r"^[a-z_]+$")
    country: str = Field(pattern=r"^[A-Z]{3}$")
    sector: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")  # None: the office's
    start: dt.date | None = None
    end: dt.date | None = None

    def is_held_on(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


class PersonEntry(_Entry):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    aliases: list[str] = []
    country: str = Field(pattern=r"^[A-Z]{3}$")
    sector: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")  # when no role applies
    gender: Literal["f", "m"] | None = None
    roles: list[Role] = []


class CodePeriod(_Entry):
    """A code an organisation held for a time (the Taliban: AFGREB, then AFGGOV)."""

    code: str = Field(pattern=r"^[A-Z]{3}([A-Z]{3})?$")
    start: dt.date | None = None
    end: dt.date | None = None

    def is_held_on(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


class OrganisationEntry(_Entry):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    aliases: list[str] = []
    code: str = Field(pattern=r"^[A-Z]{3}([A-Z]{3})?$")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    sector: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    members: list[str] = []
    periods: list[CodePeriod] = []


class SectorEntry(_Entry):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    nouns: list[str]
    instruments: bool = False  # weapons: a sector only with an owner, never from context


class PlaceEntry(_Entry):
    name: str
    country: str = Field(pattern=r"^[A-Z]{3}$")
    kind: Literal["city", "region", "state", "abbreviation", "area", "venue"]
    aliases: list[str] = []
    # where the wide gazetteer (GeoNames) has no such place: its region and coordinates
    admin1: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)


class GazetteerRules(_Entry):
    """``gazetteer.yaml``: how the wide gazetteer (GeoNames cities) is read in text."""

    territories: dict[str, str]  # ISO alpha-2 of a dependency -> its sovereign's alpha-3
    locatives: list[str]  # "in Kramatorsk", "near Bakhmut"
    not_locative: list[str]  # words that make the next locative no place: "according to"
    weak_locatives: list[str]  # "spoke to Richardson": a wide name needs more than these
    place_nouns: list[str]  # "the town of Tal Afar"
    suffixes: list[str]  # "Kherson region", "Idlib province"
    area_words: list[str]  # "in central Tel Aviv", "in the occupied West Bank"
    connectors: list[str]  # particles joining a name's words: Tren de Aragua, Ali al-Taher
    government_nouns: list[str]  # "concern in Washington": the capital is its government
    stop_names: list[str]  # city names that are also common words or names
    population_alone: int = Field(gt=0)  # a city this large needs no locative context
    # a namesake in a country the sentence, the dateline or an earlier place names beats a
    # larger one when at least this share of its size; in a country the article names
    # anywhere, at ``article_ratio``
    preference_ratio: float = Field(gt=0, le=1)
    article_ratio: float = Field(gt=0, le=1)


class Admin1Row(_Entry):
    """``geonames_admin1.tsv``: a GeoNames first-level division code and its name."""

    code: str = Field(pattern=r"^[A-Z]{2}\.[0-9A-Z]+$")
    name: str


class DateWords(_Entry):
    """``dates.yaml``: the calendar words time expressions are read by."""

    months: dict[str, int]
    ambiguous_months: list[str]
    weekdays: dict[str, int]
    days: dict[str, int]
    parts_of_day: list[str]
    units: dict[str, Literal["day", "week", "month", "year"]]
    numbers: dict[str, int]
    previous: list[str]
    following: list[str]
    current: list[str]
    within: list[str]
    time_prepositions: list[str]
    future_cues: list[str]


class CommunityEntry(_Entry):
    country: str = Field(pattern=r"^[A-Z]{3}$")  # the main country of residence
    names: list[str]
    also: list[str] = []  # other countries the group lives in, where a sentence may place it


class TitleEntry(_Entry):
    office: str
    phrases: list[str]
    country: str | None = None
    sector: str = "GOV"


class RefineRule(_Entry):
    cameo: str = Field(pattern=r"^\d{2,4}$")
    words: list[str]


RoleSpec = Literal["subject", "object", "none", "subject_or_none", "speaker"]


class RoleAfter(_Entry):
    after: list[str]


class PatternEntry(_Entry):
    id: str = Field(pattern=r"^[a-z0-9_.-]+$")
    cameo: str = Field(pattern=r"^\d{2,4}$")
    verb: list[str] = []
    noun: list[str] = []
    # words that are nouns as often as verbs ("attack", "ban"): read as the verb only
    # right after a modal or "to" ("will attack", "threatened to ban")
    modal_verb: list[str] = []
    objects: list[str] = Field(default=[], alias="object")
    particle: list[str] = []
    negated: bool = False
    source: RoleSpec | RoleAfter = "subject"
    target: RoleSpec | RoleAfter = "object"
    refine: list[RefineRule] = []
    confidence: float = Field(default=0.9, gt=0, le=1)
    # "X and Y <trigger>" with no target: events both ways between X and Y. Default: for
    # the cooperative roots where parties act together (03 to 06), not for the others.
    reciprocal: bool | None = None
    # Acts of a state on its own country (curfews, martial law, resignations): with no
    # other target, the target is the source's country.
    domestic: bool = False

    @field_validator("verb", "noun", "modal_verb", "objects", "particle", mode="before")
    @classmethod
    def _listify(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class Recoding(_Entry):
    """How an act presented as future or refused is coded: CAMEO prefix → code, the
    longest prefix applying (``future``: ``04`` → ``036``; ``refusal``: ``06`` → ``121``)."""

    future: dict[str, str] = {}
    refusal: dict[str, str] = {}

    def code(self, table: dict[str, str], cameo: str) -> str | None:
        for size in range(len(cameo), 1, -1):
            if (code := table.get(cameo[:size])) is not None:
                return code
        return None


class CameoRow(_Entry):
    code: str
    name: str
    goldstein: float = Field(ge=-10, le=10)
    plover: str | None
    plover_mode: str | None


class FactualityCues(_Entry):
    negated: list[str]
    negated_clause: list[str]
    hypothetical: list[str]
    hypothetical_nouns: list[str]
    future: list[str]
    refusal: list[str] = []
    preparation: list[str] = []
    willingness: list[str] = []
    background: list[str] = []
    reason_verbs: list[str] = []
    reported: list[str]
    window: int = 4


class ToneCues(_Entry):
    """How news language adjusts VADER (``tone.yaml``, where each list is explained)."""

    neutral: list[str] = []
    only_after: dict[str, list[str]] = {}
    never_after: dict[str, list[str]] = {}
    valences: dict[str, float] = {}
    idioms: dict[str, float] = {}

    @model_validator(mode="after")
    def _consistent(self) -> ToneCues:
        for word, valence in {**self.valences, **self.idioms}.items():
            if not -4 <= valence <= 4:
                raise ValueError(f"{word}: valence {valence} is outside VADER's -4 .. +4")
        contextual = set(self.only_after) | set(self.never_after)
        if clash := set(self.neutral) & (set(self.valences) | contextual):
            raise ValueError(f"neutral, yet given a valence or a context: {sorted(clash)}")
        return self


class CurrencyEntry(_Entry):
    code: str = Field(pattern=r"^[A-Z]{3}$")  # ISO 4217
    before: list[str] = []  # written before the number: "$", "US$", "Rs", "EUR"
    after: list[str] = []  # words after the number or its scale: "dollars", "rupees"


class AmountCues(_Entry):
    """Currencies, scales and units of quantities (``amounts.yaml``)."""

    currencies: list[CurrencyEntry]
    scales: dict[str, float]  # "million": 1e6, "crore": 1e7
    joined_scales: dict[str, float] = {}  # only written against the number: "$5m", "10k"
    numbers: dict[str, int] = {}  # number words: "three": 3
    percent: list[str]  # "per cent", "percent"
    units: dict[str, str]  # unit phrase → unit: "barrels": "barrels", "soldiers": "troops"
    rates: dict[str, str] = {}  # "a day": "day" → "barrels_per_day"
    modifiers: list[str] = []  # words allowed between a number and its unit: "more"
    year_openers: list[str] = []  # words before a year: "in", "since" (never an amount)

    @model_validator(mode="after")
    def _consistent(self) -> AmountCues:
        owners: dict[str, set[str]] = {}
        for currency in self.currencies:
            for word in currency.before + currency.after:
                owners.setdefault(word, set()).add(currency.code)
        if shared := sorted(w for w, codes in owners.items() if len(codes) > 1):
            raise ValueError(f"currency words claimed by two currencies: {shared}")
        if clash := set(self.scales) & set(self.units):
            raise ValueError(f"both a scale and a unit: {sorted(clash)}")
        return self


class ThemeCues(_Entry):
    """A group of cue words of a theme, each carrying ``weight`` (0 < weight <= 1)."""

    weight: float = Field(gt=0, le=1)
    words: list[str] = []  # nouns, adjectives, phrases: the last word's plural matches too
    verbs: list[str] = []  # verb lemmas: every inflected form of the first word matches
    names: list[str] = []  # named systems and bodies, matched as written (case kept)


class ThemeFromCode(_Entry):
    """A CAMEO code prefix whose events imply the theme in their sentence, unless the
    sentence's words already show one of the ``unless`` themes (``163`` is SANCTIONS
    unless the words say TRADE)."""

    code: str = Field(pattern=r"^\d{2,4}$")
    weight: float = Field(default=0.6, gt=0, le=1)
    unless: list[str] = []


class ThemeEntry(_Entry):
    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")
    description: str
    plover: str  # the PLOVER context the theme maps to
    parent: str | None = None  # a broad theme (one with no parent)
    cues: list[ThemeCues] = []
    cameo: list[ThemeFromCode] = []
    # the theme's words often name the occasion of the news rather than the news ("said
    # after talks with"): in a clause opened by a setting word they carry half their weight
    occasion: bool = False
    # in a sentence that shows one of these themes, this theme's own cues keep a quarter of
    # their weight and its codes imply nothing (weapons in a battle report are the means of
    # the fighting, not its subject)
    yields_to: list[str] = []
