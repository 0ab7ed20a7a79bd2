"""Resolving people and titles to actors on the article's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from entente.lexicons.lexicon import Lexicon, PhraseEntry
from entente.lexicons.schema import PersonEntry, Role
from entente.model import NON_STATE, Actor


def role_on(person: PersonEntry, date: dt.date | None) -> Role | None:
    """The role ``person`` held on ``date``; without a date, a role still open."""
    for role in person.roles:
        if (date is None and role.end is None) or (date is not None and role.is_held_on(date)):
            return role
    return None


def career_role(person: PersonEntry) -> Role | None:
    """For a text without a date: the last role of a career spent in one state or body
    (Kofi Annan: the UN; Ariel Sharon: Israel's government), the office the text most
    likely names the person for. A career across several (a Soviet foreign minister who
    later led Georgia) gives none: the person's own country decides."""
    if not person.roles or len({role.country for role in person.roles}) > 1:
        return None
    return max(person.roles, key=lambda role: role.start or dt.date.min)


def person_actor(
    lexicon: Lexicon, person: PersonEntry, date: dt.date | None, title: PhraseEntry | None
) -> Actor:
    """A person coded by the office they hold on ``date``.

    In office, a person is coded with the office's country and sector (a defence minister
    is ``MIL``, a head of government ``GOV``; the UN Secretary-General ``UNO``). Someone
    holding no office that day (a former leader, a president-elect) is coded with their
    country and the sector their entry states, if any: not as the government. In a text
    without a date, a role still open counts, else the last role of a career in one state
    or body (:func:`career_role`). A title in the text is believed only when there is no
    date to check it against.
    """
    role = role_on(person, date) or (career_role(person) if date is None else None)
    if role is not None:
        if role.country in NON_STATE:
            return Actor(role.country, person.name, sector=None, entity_id=person.id)
        return _actor(role.country, role.sector or lexicon.office_sector(role.office), person)
    sector = person.sector
    if date is None and title is not None:
        sector = title.sector or sector
    return _actor(person.country, sector, person)


def _actor(country: str, sector: str | None, person: PersonEntry) -> Actor:
    return Actor(
        country + (sector or ""), person.name, country=country, sector=sector, entity_id=person.id
    )


def organisation_actor(lexicon: Lexicon, actor: Actor, date: dt.date | None) -> Actor:
    """An organisation coded as it stood on ``date``: the Taliban are ``AFGREB`` in 2010
    and ``AFGGOV`` in 2022 (its ``periods``); without a date, its main code."""
    org = lexicon.organisations.get(actor.entity_id or "")
    if org is None or not org.periods or date is None:
        return actor
    for period in org.periods:
        if period.is_held_on(date):
            head, tail = period.code[:3], period.code[3:] or None
            country = head if head not in NON_STATE else None
            return replace(actor, code=period.code, country=country, sector=tail)
    return actor


def office_actor(lexicon: Lexicon, title: PhraseEntry, country: str, date: dt.date | None) -> Actor:
    """``US President``: the holder on ``date`` where known, else the country's government
    (or the sector the office belongs to: a defence minister is ``MIL``). An office of a
    body (``UN chief``) is the body when its holder is unknown."""
    holder = lexicon.holder_of(country, title.office or "", date)
    if holder is not None:
        return person_actor(lexicon, holder, date, title)
    if country in NON_STATE:
        return Actor(country, country)
    return lexicon.country_actor(country, title.sector or "GOV")


def is_codable(actor: Actor) -> bool:
    """An actor an event can be coded for: a country or a non-state body."""
    return actor.country is not None or actor.root in NON_STATE
