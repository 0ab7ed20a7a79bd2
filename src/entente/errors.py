"""Exceptions raised by entente.

The tree::

    EntenteError                 base of everything entente raises on purpose
    ├── LexiconError             a lexicon file is missing, malformed or inconsistent
    ├── InputError               one input cannot be read (binary, empty, undecodable,
    │                            too large, malformed record); the run goes on
    ├── StoreError               the database cannot be opened or migrated
    └── GoldError                a gold file for ``entente eval`` is malformed

Every exception carries a plain message that names the thing at fault and the reason;
they pickle cleanly so that worker processes can send them back.
"""

from __future__ import annotations


class EntenteError(Exception):
    """Base class of entente's errors."""


class LexiconError(EntenteError):
    """A lexicon file is malformed or inconsistent."""


class InputError(EntenteError):
    """One input could not be read; ``source`` names it and ``reason`` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        return (InputError, (self.source, self.reason))


class StoreError(EntenteError):
    """The database could not be opened, migrated or written."""


class GoldError(EntenteError):
    """A gold annotation file is malformed."""
