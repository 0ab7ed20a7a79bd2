"""entente: explainable coding of international-relations news.

Turns news text into who did what to whom (CAMEO and PLOVER, with Goldstein scores),
each event with its evidence span and the rule that produced it, and stores it in an
embedded DuckDB database.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from entente.analytics.corpus import Corpus

__version__ = "0.1.0"

__all__ = ["__version__", "open"]


def open(path: str | os.PathLike[str]) -> Corpus:
    """Open a store for analysis: ``entente.open("entente.duckdb").dyad("IND", "USA")``."""
    from entente.analytics.corpus import Corpus

    return Corpus(path)
