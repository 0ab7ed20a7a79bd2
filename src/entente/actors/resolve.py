"""Resolving people and titles to actors on the article's date."""

from __future__ import annotations

import datetime as dt

from entente.lexicons.lexicon import Lexicon, PhraseEntry
from entente.lexicons.schema import PersonEntry
from entente.model import Actor

NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC"})


def person_actor(
    lexicon: Lexicon, person: PersonEntry, date: dt.date | None, title: PhraseEntry | None
) -> Actor:
    """A person coded by the office they hold on ``date``.

    A title written in the text (``President Putin``) states the role. Without a date
    the person's open-ended role counts; someone holding no office on the date is coded
    as an elite (``ELI``) of their country, not as its government.
    """
    sector = person_sector(person, date)
    if title is not None and (date is None or sector != "ELI"):
        sector = title.sector or sector
    country = _role_country(person, date) or person.country
    return Actor(country + sector, person.name, country=country, sector=sector, entity_id=person.id)


def person_sector(person: PersonEntry, date: dt.date | None) -> str:
    if date is None:
        current = [role for role in person.roles if role.end is None]
        return current[0].sector if current else person.sector
    for role in person.roles:
        if role.is_held_on(date):
            return role.sector
    return person.sector


def _role_country(person: PersonEntry, date: dt.date | None) -> str | None:
    for role in person.roles:
        if date is not None and role.is_held_on(date):
            return role.country
    return None


def office_actor(lexicon: Lexicon, title: PhraseEntry, country: str, date: dt.date | None) -> Actor:
    """``US President``: the holder on ``date`` where known, else the country's government."""
    holder = lexicon.holder_of(country, title.office or "", date)
    if holder is not None:
        return person_actor(lexicon, holder, date, title)
    return lexicon.country_actor(country, title.sector or "GOV")


def is_codable(actor: Actor) -> bool:
    """An actor an event can be coded for: a country or a non-state body."""
    return actor.country is not None or actor.root in NON_STATE
