"""The event rows every analysis starts from, and the filters they share.

``BASE_SQL`` selects the asserted events with a date, one row per event per story (the
first report of each source country, target country and CAMEO root within a story), with
``src`` and ``tgt`` the countries (or three-letter bodies) of the two sides and
``n_reports`` the number of articles of the story that reported it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from entente.errors import EntenteError

BASE_SQL = """
WITH ev AS (
    SELECT e.*, coalesce(s.story_id, e.article_id) AS story_id,
           coalesce(e.source_country, left(e.source_code, 3)) AS src,
           coalesce(e.target_country, left(e.target_code, 3)) AS tgt
    FROM events e LEFT JOIN stories s USING (article_id)
    WHERE e.factuality = 'asserted' AND e.date IS NOT NULL
), reports AS (
    SELECT story_id, src, tgt, cameo_root, count(DISTINCT article_id) AS n_reports
    FROM ev GROUP BY ALL
), ranked AS (
    SELECT ev.*, r.n_reports, row_number() OVER (
        PARTITION BY ev.story_id, ev.src, ev.tgt, ev.cameo_root
        ORDER BY ev.date, ev.article_id, ev.trigger_start, ev.event_id) AS report_rank
    FROM ev JOIN reports r USING (story_id, src, tgt, cameo_root)
)
SELECT * EXCLUDE (report_rank) FROM ranked WHERE report_rank = 1
"""
# Σ|Goldstein| of cooperative events (quad 1-2) − Σ|Goldstein| of conflictual ones (3-4),
# over base rows aliased ``b``; and the evidence sentence of a base row ``b`` of article ``a``.
NET_COOPERATION_SQL = (
    "sum(CASE WHEN b.quad_class <= 2 THEN abs(b.goldstein) ELSE -abs(b.goldstein) END)"
)
EVIDENCE_SQL = "substr(a.text, b.evidence_start + 1, b.evidence_end - b.evidence_start)"


def actor_code(text: str) -> str:
    code = text.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise EntenteError(f"{text!r}: expected a three-letter country or body code (IND)")
    return code


def to_date(text: str | dt.date | None) -> dt.date | None:
    if text is None or isinstance(text, dt.date):
        return text
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise EntenteError(f"{text!r} is not a date (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Scope:
    """Which events: a pair (``directed``: ``a`` acting on ``b`` only), dates, a theme."""

    a: str | None = None
    b: str | None = None
    directed: bool = False
    since: str | dt.date | None = None
    until: str | dt.date | None = None
    theme: str | None = None

    def where(self, alias: str = "b") -> tuple[str, list[Any]]:
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if self.a and self.b:
            a, b = actor_code(self.a), actor_code(self.b)
            if self.directed:
                clauses.append(f"({alias}.src = ? AND {alias}.tgt = ?)")
                params += [a, b]
            else:
                one_way = f"({alias}.src = ? AND {alias}.tgt = ?)"
                clauses.append(f"({one_way} OR {one_way})")
                params += [a, b, b, a]
        elif self.a:
            clauses.append(f"(? IN ({alias}.src, {alias}.tgt))")
            params.append(actor_code(self.a))
        if self.theme:
            clauses.append(f"list_contains({alias}.themes, ?)")
            params.append(self.theme.strip().upper())
        clause, more = date_where(f"{alias}.date", self.since, self.until)
        return " AND ".join([*clauses, clause]), params + more


def date_where(
    column: str, since: str | dt.date | None, until: str | dt.date | None
) -> tuple[str, list[Any]]:
    clauses, params = ["TRUE"], []
    for bound, op in ((since, ">="), (until, "<=")):
        day = to_date(bound)
        if day is not None:
            clauses.append(f"{column} {op} ?")
            params.append(day)
    return " AND ".join(clauses), params
