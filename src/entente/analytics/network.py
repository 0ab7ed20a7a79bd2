"""Network: who acts on whom, weighted, for a period and a theme.

One edge per ordered pair of actors (``src`` acting on ``tgt``; with ``undirected`` the
pair sorted alphabetically) other than an actor with itself. Its weight ``n_events`` counts
asserted events once per story; ``goldstein_total``, ``goldstein_mean`` and
``net_cooperation`` (as in the dyad series) say how the pair gets on; ``n_reports`` sums the
articles that reported them.
"""

from __future__ import annotations

from typing import Any

from entente.analytics.base import BASE_SQL, NET_COOPERATION_SQL, Scope
from entente.store.database import Store


def network(
    store: Store, scope: Scope, *, undirected: bool = False, min_events: int = 1
) -> list[dict[str, Any]]:
    where, params = scope.where("b")
    left, right = (
        ("least(b.src, b.tgt)", "greatest(b.src, b.tgt)")
        if undirected
        else (
            "b.src",
            "b.tgt",
        )
    )
    sql = f"""
    WITH base AS ({BASE_SQL})
    SELECT {left} AS source, {right} AS target, count(*) AS n_events,
           sum(b.goldstein) AS goldstein_total, avg(b.goldstein) AS goldstein_mean,
           {NET_COOPERATION_SQL} AS net_cooperation,
           sum(b.n_reports) AS n_reports
    FROM base b WHERE {where} AND b.src <> b.tgt
    GROUP BY 1, 2 HAVING count(*) >= ?
    ORDER BY n_events DESC, source, target
    """
    return store.query(sql, [*params, min_events])
