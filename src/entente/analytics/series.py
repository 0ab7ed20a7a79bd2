"""Dyad series: per period, what a pair of actors did to each other, normalized by coverage.

For each period (``day``, ``week`` starting Monday, ``month``, ``quarter``, ``year``) that
has stored articles:

* ``n_events`` and ``quad1`` .. ``quad4``: asserted events by quad class (1 verbal
  cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict);
* ``goldstein_mean`` and ``goldstein_total``; ``goldstein_low`` / ``goldstein_high`` is a
  95% normal interval of the mean, mean ± 1.96·s/√n (``None`` under two events);
* ``net_cooperation`` = Σ|Goldstein| of cooperative events (quad 1-2) − Σ|Goldstein| of
  conflictual events (quad 3-4): positive when cooperation outweighs conflict;
* ``tone``: mean tone of the sentences the events were found in;
* ``n_articles``: articles stored in the period (all of them: the coverage), and
  ``events_per_1k`` = 1000·n_events/n_articles with ``events_per_1k_low`` / ``_high``, a 95%
  square-root Poisson interval, 1000·(√n ± 0.98)²/n_articles (the lower end 0 when n = 0);
  ``net_cooperation_per_1k`` = 1000·net_cooperation/n_articles.

Periods with articles but no event of the pair are kept (counts 0, means ``None``), so a
series has no silent gaps where the corpus has coverage.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from entente.analytics.base import BASE_SQL, NET_COOPERATION_SQL, Scope, date_where
from entente.errors import EntenteError
from entente.store.database import Store

PERIODS = ("day", "week", "month", "quarter", "year")
Z95 = 1.96

_SERIES_SQL = """
WITH base AS ({base}),
periods AS (
    SELECT date_trunc('{by}', a.date) AS period, count(*) AS n_articles
    FROM articles a WHERE a.date IS NOT NULL AND {article_where} GROUP BY 1
),
d AS (
    SELECT date_trunc('{by}', b.date) AS period, count(*) AS n_events,
           count(*) FILTER (WHERE b.quad_class = 1) AS quad1,
           count(*) FILTER (WHERE b.quad_class = 2) AS quad2,
           count(*) FILTER (WHERE b.quad_class = 3) AS quad3,
           count(*) FILTER (WHERE b.quad_class = 4) AS quad4,
           avg(b.goldstein) AS goldstein_mean, sum(b.goldstein) AS goldstein_total,
           stddev_samp(b.goldstein) AS goldstein_sd,
           {net_cooperation} AS net_cooperation, avg(b.tone) AS tone
    FROM base b WHERE {where} GROUP BY 1
)
SELECT p.period, p.n_articles, coalesce(d.n_events, 0) AS n_events,
       coalesce(d.quad1, 0) AS quad1, coalesce(d.quad2, 0) AS quad2,
       coalesce(d.quad3, 0) AS quad3, coalesce(d.quad4, 0) AS quad4,
       d.goldstein_mean, coalesce(d.goldstein_total, 0.0) AS goldstein_total, d.goldstein_sd,
       coalesce(d.net_cooperation, 0.0) AS net_cooperation, d.tone
FROM periods p LEFT JOIN d USING (period) ORDER BY p.period
"""


def period_label(day: dt.date, by: str) -> str:
    if by == "month":
        return day.strftime("%Y-%m")
    if by == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if by == "year":
        return str(day.year)
    return day.isoformat()


def dyad_series(store: Store, scope: Scope, by: str = "month") -> list[dict[str, Any]]:
    """One row per period with coverage; see the module docstring for the fields."""
    if by not in PERIODS:
        raise EntenteError(f"--by {by!r}: choose one of {', '.join(PERIODS)}")
    where, params = scope.where("b")
    article_where, article_params = date_where("a.date", scope.since, scope.until)
    sql = _SERIES_SQL.format(
        base=BASE_SQL,
        by=by,
        where=where,
        article_where=article_where,
        net_cooperation=NET_COOPERATION_SQL,
    )
    rows = store.query(sql, article_params + params)
    return [_finish(row, by) for row in rows]


def _finish(row: dict[str, Any], by: str) -> dict[str, Any]:
    period = row.pop("period")
    day = period.date() if isinstance(period, dt.datetime) else period
    n, n_articles = row["n_events"], row["n_articles"]
    sd = row.pop("goldstein_sd")
    mean = row["goldstein_mean"]
    low = high = None
    if mean is not None and n >= 2 and sd is not None:
        half = Z95 * sd / math.sqrt(n)
        low, high = mean - half, mean + half
    root = math.sqrt(n)
    return {
        "period": period_label(day, by),
        "period_start": day,
        **row,
        "goldstein_low": low,
        "goldstein_high": high,
        "events_per_1k": 1000 * n / n_articles,
        "events_per_1k_low": 1000 * max(root - Z95 / 2, 0.0) ** 2 / n_articles if n else 0.0,
        "events_per_1k_high": 1000 * (root + Z95 / 2) ** 2 / n_articles,
        "net_cooperation_per_1k": 1000 * row["net_cooperation"] / n_articles,
    }
