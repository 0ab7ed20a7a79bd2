"""entente: explainable coding of international-relations news.

Turns news text into who did what to whom (CAMEO and PLOVER, with Goldstein scores),
each event with its evidence span and the rule that produced it, and stores it in an
embedded DuckDB database.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
