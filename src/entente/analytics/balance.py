"""Balance: one actor's relations with several partners side by side, per theme, over time.

Warmth of a relation in a period is a shrunk mean Goldstein score,
``warmth = Σ goldstein / (n_events + PRIOR_EVENTS)``: ``PRIOR_EVENTS`` pseudo-events of
weight 0 pull relations with few events toward neutral (one +7 event is not as warm as
twenty). ``balance`` of a partner = its warmth − the mean warmth of the other partners:
positive means the relation with that partner is the warmer one. ``trend`` (per partner
and theme, in the summary) is the least-squares slope of ``balance`` per period: positive
means that relation is getting warmer relative to the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from entente.analytics.base import Scope, actor_code
from entente.analytics.series import dyad_series
from entente.errors import EntenteError
from entente.store.database import Store

PRIOR_EVENTS = 2
ALL_THEMES = "ALL"


def warmth(goldstein_total: float, n_events: int) -> float:
    return goldstein_total / (n_events + PRIOR_EVENTS)


def balance(
    store: Store,
    actor: str,
    partners: Sequence[str],
    *,
    themes: Sequence[str | None] = (None,),
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(rows per theme, partner and period; summary rows per theme and partner)."""
    if len(partners) < 2:
        raise EntenteError("balance needs an actor and at least two partners (IND USA RUS)")
    actor = actor_code(actor)
    rows: list[dict[str, Any]] = []
    summary: list[dict[str, Any]] = []
    for theme in themes:
        label = theme.upper() if theme else ALL_THEMES
        series = {
            p: dyad_series(store, Scope(actor, p, since=since, until=until, theme=theme), by)
            for p in (actor_code(p) for p in partners)
        }
        periods = [r["period"] for r in next(iter(series.values()))]
        per_partner: dict[str, list[float]] = {p: [] for p in series}
        for i, period in enumerate(periods):
            heat = {p: warmth(s[i]["goldstein_total"], s[i]["n_events"]) for p, s in series.items()}
            for p, s in series.items():
                bal = relative(heat, p)
                per_partner[p].append(bal)
                rows.append(
                    {
                        "theme": label,
                        "period": period,
                        "partner": p,
                        "n_events": s[i]["n_events"],
                        "goldstein_total": s[i]["goldstein_total"],
                        "warmth": heat[p],
                        "balance": bal,
                    }
                )
        totals = {
            p: (sum(r["goldstein_total"] for r in s), sum(r["n_events"] for r in s))
            for p, s in series.items()
        }
        heat_all = {p: warmth(*t) for p, t in totals.items()}
        for p in series:
            summary.append(
                {
                    "theme": label,
                    "partner": p,
                    "n_events": totals[p][1],
                    "warmth": heat_all[p],
                    "balance": relative(heat_all, p),
                    "trend": slope(per_partner[p]),
                    "warmest": heat_all[p] == max(heat_all.values()),
                }
            )
    return rows, summary


def relative(heat: dict[str, float], partner: str) -> float:
    """The partner's warmth minus the mean warmth of the other partners."""
    others = [w for q, w in heat.items() if q != partner]
    return heat[partner] - sum(others) / len(others)


def slope(values: Sequence[float]) -> float:
    """Least-squares slope of values against 0, 1, 2, ... (0 for fewer than two)."""
    n = len(values)
    if n < 2:
        return 0.0
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    num = sum((i - mean_x) * (v - mean_y) for i, v in enumerate(values))
    den = sum((i - mean_x) ** 2 for i in range(n))
    return num / den
