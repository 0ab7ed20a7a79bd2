"""Analytics over the store: dyad series, balance, change points, networks, top events.

Every function reads the store (SQL in DuckDB) and returns plain rows (dictionaries);
``entente.open`` wraps them in pandas DataFrames. Only events whose factuality is
``asserted`` count, and an event reported by several articles of one story counts once
(its ``n_reports`` says how many articles carried it).
"""

from __future__ import annotations

from entente.analytics.balance import balance
from entente.analytics.changes import find_changes
from entente.analytics.corpus import Corpus, open_corpus
from entente.analytics.network import network
from entente.analytics.series import PERIODS, dyad_series
from entente.analytics.top import top_events, top_quotes

__all__ = [
    "PERIODS",
    "Corpus",
    "balance",
    "dyad_series",
    "find_changes",
    "network",
    "open_corpus",
    "top_events",
    "top_quotes",
]
