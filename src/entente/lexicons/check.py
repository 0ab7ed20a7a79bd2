"""``entente lexicon check``: consistency rules a schema alone cannot state.

Loading already validates every entry against its schema. This adds the rules across
entries and files: unique ids and codes, no name claimed by two different entities,
known country, sector and office codes, and no two people holding the same single-holder
office at the same time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from entente.errors import LexiconError
from entente.lexicons import load
from entente.lexicons.lexicon import load_lexicon
from entente.lexicons.schema import (
    CommunityEntry,
    CountryEntry,
    OrganisationEntry,
    PersonEntry,
    SectorEntry,
    TitleEntry,
)
from entente.model import NON_STATE

# CAMEO actor-type codes (CAMEO manual, ch. 4) that may follow a country or body code.
SECTORS = frozenset(
    {
        "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "UAF", "BUS", "MED", "CVL", "SPY",
        "ELI", "PTY", "EDU", "HLH", "REL", "LAB", "AGR", "ENV", "REF", "CRM", "DEV", "HRI",
        "MNC", "NGO", "IGO", "SPC", "ENR", "TRD", "INS", "IRC", "PRO", "MOD", "RAD", "SEP",
    }
)  # fmt: skip


@dataclass
class CheckReport:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_lexicons(extra_dirs: tuple[Path, ...] = ()) -> CheckReport:
    """Every rule over the package lexicons plus ``extra_dirs``."""
    report = CheckReport()
    dirs = load.lexicon_dirs(extra_dirs)
    countries = load.read_yaml_list(dirs, "countries.yaml", "countries", CountryEntry)
    people = load.read_yaml_list(dirs, "people.yaml", "people", PersonEntry)
    orgs = load.read_yaml_list(dirs, "organisations.yaml", "organisations", OrganisationEntry)
    titles = load.read_yaml_list(dirs, "titles.yaml", "titles", TitleEntry)
    sectors = load.read_yaml_list(dirs, "sectors.yaml", "sectors", SectorEntry)
    titles_doc = load.read_yaml_document(dirs, "titles.yaml")
    communities = load.read_yaml_list(dirs, "communities.yaml", "communities", CommunityEntry)
    codes = {c.code for c in countries}
    _unique(report, "country code", [c.code for c in countries])
    _unique(report, "country iso2", [c.iso2 for c in countries])
    _unique(report, "person id", [p.id for p in people])
    _unique(report, "organisation id", [o.id for o in orgs])
    offices = {t.office for t in titles} | set(titles_doc.get("other_offices") or [])
    shared = set(titles_doc.get("shared_offices") or [])
    _check_people(report, people, codes, offices)
    _check_orgs(report, orgs, codes)
    _check_titles(report, titles, codes)
    for s in sectors:
        if s.code not in SECTORS:
            report.errors.append(f"sectors: unknown sector code {s.code}")
    _check_names(report, countries, people, orgs, communities)
    _check_terms(report, people, shared)
    try:
        lexicon = load_lexicon(extra_dirs)  # the loader's own checks too
        patterns, themes = len(lexicon.patterns), len(lexicon.taxonomy.themes)
    except LexiconError as exc:
        if not any(str(exc).endswith(e.split(": ", 1)[-1]) for e in report.errors):
            report.errors.append(str(exc))
        patterns = themes = 0
    report.counts = {
        "countries": len(countries),
        "people": len(people),
        "roles": sum(len(p.roles) for p in people),
        "organisations": len(orgs),
        "titles": len(titles),
        "patterns": patterns,
        "themes": themes,
    }
    return report


def _unique(report: CheckReport, what: str, values: list[str]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            report.errors.append(f"duplicate {what}: {value}")
        seen.add(value)


def _known_code(code: str, codes: set[str]) -> bool:
    head, tail = code[:3], code[3:]
    return (head in codes or head in NON_STATE) and (not tail or tail in SECTORS)


def _check_people(
    report: CheckReport, people: list[PersonEntry], codes: set[str], offices: set[str]
) -> None:
    for p in people:
        if p.country not in codes:
            report.errors.append(f"people: {p.id}: unknown country {p.country}")
        if p.sector and p.sector not in SECTORS:
            report.errors.append(f"people: {p.id}: unknown sector {p.sector}")
        for r in p.roles:
            if r.country not in codes and r.country not in NON_STATE:
                report.errors.append(f"people: {p.id}: role in unknown country {r.country}")
            if r.office not in offices:
                report.errors.append(f"people: {p.id}: unknown office {r.office}")
            if r.sector and r.sector not in SECTORS:
                report.errors.append(f"people: {p.id}: unknown sector {r.sector}")
            if r.start and r.end and r.end <= r.start:
                report.errors.append(f"people: {p.id}: {r.office} ends before it starts")


def _check_orgs(report: CheckReport, orgs: list[OrganisationEntry], codes: set[str]) -> None:
    for o in orgs:
        for code in [o.code, *(period.code for period in o.periods)]:
            if not _known_code(code, codes):
                report.errors.append(f"organisations: {o.id}: unknown code {code}")
        if o.country and o.country not in codes:
            report.errors.append(f"organisations: {o.id}: unknown country {o.country}")
        if o.country and o.code[:3] in codes and o.code[:3] != o.country:
            report.errors.append(f"organisations: {o.id}: code {o.code} is not of {o.country}")
        for member in o.members:
            if member not in codes:
                report.errors.append(f"organisations: {o.id}: unknown member {member}")


def _check_titles(report: CheckReport, titles: list[TitleEntry], codes: set[str]) -> None:
    for t in titles:
        if t.country and t.country not in codes and t.country not in NON_STATE:
            report.errors.append(f"titles: {t.office}: unknown country {t.country}")
        if t.sector not in SECTORS:
            report.errors.append(f"titles: {t.office}: unknown sector {t.sector}")


def _check_names(
    report: CheckReport,
    countries: list[CountryEntry],
    people: list[PersonEntry],
    orgs: list[OrganisationEntry],
    communities: list[CommunityEntry],
) -> None:
    """A name may stand for one country, organisation or community; people may share a
    surname (the resolver decides from the article) but not a country's or body's name."""
    owners: dict[str, set[str]] = defaultdict(set)
    for c in countries:
        for name in [c.name, *((c.official and [c.official]) or []), *c.aliases, *c.adjectives]:
            owners[name].add(f"country {c.code}")
        for name in [*c.demonyms, *c.government]:
            owners[name].add(f"country {c.code}")
    for o in orgs:
        for name in [o.name, *o.aliases]:
            owners[name].add(f"organisation {o.id}")
    for group in communities:
        if group.country not in {c.code for c in countries}:
            report.errors.append(f"communities: unknown country {group.country}")
        for name in group.names:
            owners[name].add(f"community of {group.country}")
    for name, who in sorted(owners.items()):
        if len(who) > 1:
            report.errors.append(f"name {name!r} claimed by {', '.join(sorted(who))}")
    for p in people:
        for name in [p.name, *p.aliases]:
            if name in owners:
                report.warnings.append(
                    f"people: {p.id}: name {name!r} is also {', '.join(sorted(owners[name]))};"
                    " the country or body wins"
                )


def _check_terms(report: CheckReport, people: list[PersonEntry], shared: set[str]) -> None:
    """Two people may not hold a single-holder office of one country at once."""
    terms: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for p in people:
        for r in p.roles:
            if r.office in shared:
                continue
            terms[(r.country, r.office)].append(
                (r.start or dt.date.min, r.end or dt.date.max, p.id)
            )
    for (country, office), spans in sorted(terms.items()):
        spans.sort()
        latest = spans[0]  # the term reaching furthest so far
        for term in spans[1:]:
            s1, e1, a = latest
            s2, e2, b = term
            if e1 > s2:
                report.errors.append(
                    f"overlapping terms: {office} of {country}: {a} ({_day(s1)} to {_day(e1)})"
                    f" and {b} ({_day(s2)} to {_day(e2)})"
                )
            if e2 > e1:
                latest = term


def _day(date: dt.date) -> str:
    return "" if date in (dt.date.min, dt.date.max) else date.isoformat()


def summary(report: CheckReport) -> str:
    counts = ", ".join(f"{v} {k}" for k, v in report.counts.items())
    verdict = "ok" if report.ok else f"{len(report.errors)} errors"
    return f"lexicons: {verdict}, {len(report.warnings)} warnings ({counts})"
