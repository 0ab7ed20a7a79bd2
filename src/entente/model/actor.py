"""Actors and their mentions in text."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from entente.model.provenance import Provenance
from entente.model.span import Span


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor.

    ``code`` is the CAMEO-style code: ISO 3166 alpha-3 plus an optional sector
    (``USAGOV``), or a non-state code (``IGO``, ``EUR``...). ``entity_id`` names a
    specific person or organisation (``narendra-modi``), ``None`` for a collective.
    ``members`` lists the member countries of an organisation.
    """

    code: str
    name: str
    country: str | None = None
    sector: str | None = None
    entity_id: str | None = None
    members: tuple[str, ...] = ()

    def __init__(
        self,
        code: str,
        name: str,
        country: str | None = None,
        sector: str | None = None,
        entity_id: str | None = None,
        members: tuple[str, ...] = (),
    ) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "sector", sector)
        object.__setattr__(self, "entity_id", entity_id)
        object.__setattr__(self, "members", members)

    @property
    def root(self) -> str:
        """The country or non-state part of the code (first three letters)."""
        return self.code[:3]


# Codes of actors that are not states: intergovernmental bodies, the UN, the EU,
# non-governmental organisations and multinational companies (PLOVER's non-state codes).
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC"})


class MentionKind(StrEnum):
    COUNTRY = "country"
    ADJECTIVE = "adjective"  # ``Russian`` in ``Russian oil``
    GOVERNMENT = "government"  # metonyms: ``Washington``, ``the Kremlin``
    PERSON = "person"
    ORGANISATION = "organisation"
    SECTOR = "sector"  # ``Indian diplomats``, ``officials``
    PRONOUN = "pronoun"
    GROUP = "group"  # several actors at once: ``both sides``, ``India–USA``


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that refers to one or more actors.

    ``token_start``/``token_end`` are article token indices (half-open); ``actors`` has
    several entries for a group. An unresolved anonymous source (``a source``) has an
    empty ``actors`` tuple and keeps its text.
    """

    mention_id: str
    span: Span
    text: str
    sentence: int
    token_start: int
    token_end: int
    actors: tuple[Actor, ...]
    kind: MentionKind
    provenance: Provenance

    def __init__(
        self,
        mention_id: str,
        span: Span,
        text: str,
        sentence: int,
        token_start: int,
        token_end: int,
        actors: tuple[Actor, ...],
        kind: MentionKind,
        provenance: Provenance,
    ) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "mention_id", mention_id)
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "token_start", token_start)
        object.__setattr__(self, "token_end", token_end)
        object.__setattr__(self, "actors", actors)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "provenance", provenance)

    @property
    def is_group(self) -> bool:
        return len(self.actors) > 1
