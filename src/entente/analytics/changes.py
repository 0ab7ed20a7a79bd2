"""Change points: significant shifts in a dyad's series, each with the events behind it.

Method: PELT (Killick, Fearnhead and Eckley 2012) from the ``ruptures`` library with the
``l2`` cost (shifts in the mean) on one column of the dyad series (by default
``net_cooperation_per_1k``), minimum segment length ``min_size`` periods. The penalty is
BIC-like, ``penalty = 2·σ²·ln(n)``, with σ the noise estimated robustly from the first
differences (median absolute deviation / (0.6745·√2); the series' standard deviation
when that is 0, as in a sparse series), so a break is flagged only when it
moves the mean by much more than the period-to-period noise. Each break names the first
period of the new segment, the means before and after (adjacent segments), ``z`` = the
shift divided by σ·√(1/n_before + 1/n_after), the period of the new segment that moved
most, and that period's events pulling in the direction of the shift (cooperative or
conflictual; any event for ``events_per_1k`` and ``n_events``, whose shifts are "more
events" or "fewer events"), heaviest first.

Rates per 1,000 articles are only as good as the coverage under them: one article with five
events is 5,000 per 1,000. With ``min_articles`` set, a rate signal is searched only over
the periods with at least that many articles; when fewer than ``2·min_size`` periods are
that well covered (a store of a few dozen articles), the search falls back to the raw
counterpart (``net_cooperation`` for ``net_cooperation_per_1k``, ``n_events`` for
``events_per_1k``), and each change says in ``signal`` which column it was found on.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import statistics
from typing import Any

import numpy as np
import ruptures as rpt  # type: ignore[import-untyped]

from entente.analytics.base import Scope
from entente.analytics.series import dyad_series
from entente.analytics.top import top_events
from entente.errors import EntenteError
from entente.store.database import Store

SIGNALS = (
    "net_cooperation_per_1k",
    "net_cooperation",
    "goldstein_total",
    "events_per_1k",
    "n_events",
)
COOPERATION_SIGNALS = SIGNALS[:3]
MIN_ARTICLES = 20  # the coverage under which a period's rate per 1,000 articles means little
RAW = {"net_cooperation_per_1k": "net_cooperation", "events_per_1k": "n_events"}


def covered_signal(
    series: list[dict[str, Any]], signal: str, min_articles: int, min_size: int = 2
) -> tuple[str, list[int]]:
    """The column to search and the indexes of the periods to search it over.

    A rate column keeps only the periods with at least ``min_articles`` articles; where
    fewer than ``2·min_size`` remain, its raw counterpart is searched over every period.
    """
    every = list(range(len(series)))
    if signal not in RAW or min_articles <= 0:
        return signal, every
    kept = [i for i in every if series[i]["n_articles"] >= min_articles]
    if len(kept) >= 2 * min_size:
        return signal, kept
    return RAW[signal], every


def _direction(signal: str, sign: int) -> str:
    if signal in COOPERATION_SIGNALS:
        return "cooperative" if sign > 0 else "conflictual"
    return "more events" if sign > 0 else "fewer events"


def noise_sigma(values: list[float]) -> float:
    diffs = [b - a for a, b in itertools.pairwise(values)]
    if not diffs:
        return 1.0
    centre = statistics.median(diffs)
    mad = statistics.median(abs(d - centre) for d in diffs)
    sigma = mad / (0.6745 * math.sqrt(2))
    if sigma == 0:
        sigma = statistics.pstdev(values) or 1.0
    return sigma


def breakpoints(values: list[float], min_size: int = 2, penalty: float | None = None) -> list[int]:
    """Indexes where a new segment starts (PELT, l2 cost)."""
    n = len(values)
    if n < 2 * min_size:
        return []
    sigma = noise_sigma(values)
    pen = penalty if penalty is not None else 2 * sigma**2 * math.log(n)
    signal = np.asarray(values, dtype=float).reshape(-1, 1)
    ends = rpt.Pelt(model="l2", min_size=min_size, jump=1).fit(signal).predict(pen=pen)
    return [int(e) for e in ends[:-1]]


def find_changes(
    store: Store,
    scope: Scope,
    by: str = "month",
    *,
    signal: str = "net_cooperation_per_1k",
    min_size: int = 2,
    penalty: float | None = None,
    n_events: int = 5,
    min_articles: int = 0,
) -> list[dict[str, Any]]:
    if signal not in SIGNALS:
        raise EntenteError(f"--signal {signal!r}: choose one of {', '.join(SIGNALS)}")
    full = dyad_series(store, scope, by)
    signal, kept = covered_signal(full, signal, min_articles, min_size)
    series = [full[i] for i in kept]
    values = [float(r[signal]) for r in series]
    cuts = breakpoints(values, min_size, penalty)
    sigma = noise_sigma(values)
    bounds = [0, *cuts, len(values)]
    found = []
    for k, cut in enumerate(cuts):
        before = values[bounds[k] : cut]
        after = values[cut : bounds[k + 2]]
        mean_before, mean_after = sum(before) / len(before), sum(after) / len(after)
        shift = mean_after - mean_before
        direction = 1 if shift >= 0 else -1
        mover = max(range(cut, bounds[k + 2]), key=lambda i: (values[i] - mean_before) * direction)
        row = series[mover]
        start, end = row["period_start"], _period_end(full, kept[mover], scope)
        evidence = top_events(
            store,
            Scope(scope.a, scope.b, scope.directed, start, end, scope.theme),
            limit=n_events,
            sign=direction if signal in COOPERATION_SIGNALS else 0,
        )
        found.append(
            {
                "period": series[cut]["period"],
                "signal": signal,
                "mean_before": mean_before,
                "mean_after": mean_after,
                "shift": shift,
                "z": shift / (sigma * math.sqrt(1 / len(before) + 1 / len(after))),
                "direction": _direction(signal, direction),
                "moved_most": row["period"],
                "events": evidence,
            }
        )
    return found


def _period_end(series: list[dict[str, Any]], i: int, scope: Scope) -> Any:
    if i + 1 < len(series):
        return series[i + 1]["period_start"] - dt.timedelta(days=1)
    return scope.until
