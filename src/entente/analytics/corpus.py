"""The Python API: ``entente.open(db)`` and its DataFrames."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd  # type: ignore[import-untyped]

from entente.analytics.base import BASE_SQL, EVIDENCE_SQL, Scope
from entente.analytics.series import dyad_series
from entente.store.database import Store


class Corpus:
    """A store opened read-only for analysis. Use as a context manager or call ``close``."""

    def __init__(self, path: Path | str | os.PathLike[str]) -> None:
        self.store = Store(Path(path), read_only=True)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def events(
        self,
        a: str | None = None,
        b: str | None = None,
        *,
        directed: bool = False,
        since: str | None = None,
        until: str | None = None,
        theme: str | None = None,
    ) -> pd.DataFrame:
        """Asserted events, once per story, of an actor (``a``) or a pair (``a``, ``b``), with
        ``src``/``tgt`` (the sides' countries), ``n_reports`` and the ``evidence`` sentence."""
        where, params = Scope(a, b, directed, since, until, theme).where("b")
        sql = (
            f"WITH base AS ({BASE_SQL}) SELECT b.*, a.source_id, {EVIDENCE_SQL} AS evidence"
            f" FROM base b JOIN articles a USING (article_id) WHERE {where}"
            " ORDER BY b.date, b.event_id"
        )
        return pd.DataFrame(self.store.query(sql, params))

    def dyad(self, a: str, b: str, *, by: str = "month", **scope: Any) -> pd.DataFrame:
        """The dyad series (see ``entente.analytics.series``) as a DataFrame."""
        return pd.DataFrame(dyad_series(self.store, Scope(a, b, **scope), by))


def open_corpus(path: Path | str) -> Corpus:
    return Corpus(path)
