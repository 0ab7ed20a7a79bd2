"""Charts of the report, drawn with matplotlib (Agg backend: no display needed).

Each ``*_chart`` function returns a matplotlib Figure; ``to_svg`` renders one as an inline
``<svg>`` element (no XML prologue, text kept as paths so no font is needed to view it) and
``save`` writes it as a PNG or SVG file. matplotlib is imported only when a chart is drawn.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

QUAD_COLOURS = ("#4c9a2a", "#1f6f3f", "#e0a030", "#b03030")
QUAD_LABELS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
FORMATS = ("png", "svg")


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.fonttype"] = "path"
    import matplotlib.pyplot as plt

    return plt


def series_chart(
    rows: Sequence[dict[str, Any]],
    title: str,
    min_articles: int = 0,
    changes: Sequence[str] = (),
    value: str = "net_cooperation_per_1k",
    by: str = "month",
) -> Any:
    """Net cooperation (bars, with an interval) over event counts by quad.

    ``value`` is the column drawn: the rate per 1,000 articles, or raw ``net_cooperation``
    where the store is too thin for a rate. Periods with fewer than ``min_articles``
    articles get no bar (a rate over a handful of articles would swamp the others) but a
    grey band, labelled in the legend. ``changes`` (period labels) are drawn as dashed lines
    where a new segment starts. Periods sit on a time axis (``by``): a period with no
    article in the store is a gap, not a neighbour.
    """
    plt = _pyplot()
    thin = [r["n_articles"] < min_articles for r in rows]
    rows = [
        r if not t else {**r, value: 0.0, "n_events_shown": 0}
        for r, t in zip(rows, thin, strict=True)
    ]
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(9, 4.6), sharex=True, gridspec_kw={"height_ratios": [3, 2]}
    )
    labels = [r["period"] for r in rows]
    x = [slot(r["period_start"], by) for r in rows]
    x = [v - x[0] for v in x] if x else x
    net = [r[value] for r in rows]
    low, high = zip(*(net_interval(r, value) for r in rows), strict=True) if rows else ((), ())
    colours = ["#2a7a4a" if v >= 0 else "#b03030" for v in net]
    top.bar(x, net, color=colours, width=0.7)
    top.errorbar(
        x,
        net,
        yerr=[
            [v - lo for v, lo in zip(net, low, strict=True)],
            [hi - v for v, hi in zip(net, high, strict=True)],
        ],
        fmt="none",
        ecolor="#444444",
        elinewidth=0.8,
        capsize=2,
    )
    top.axhline(0, color="#888888", linewidth=0.8)
    for i in (i for i, t in enumerate(thin) if t):
        top.axvspan(
            x[i] - 0.45,
            x[i] + 0.45,
            color="#dddddd",
            zorder=0,
            label=f"under {min_articles} articles: no rate" if i == thin.index(True) else None,
        )
    labels_at = {r["period"]: x[i] for i, r in enumerate(rows)}
    for k, period in enumerate(p for p in changes if p in labels_at):
        for ax in (top, bottom):
            ax.axvline(
                labels_at[period] - 0.5,
                color="#555555",
                linestyle="--",
                linewidth=0.9,
                label="flagged change" if k == 0 and ax is top else None,
            )
    if any(thin) or changes:
        top.legend(fontsize=7, loc="upper left", frameon=False)
    top.set_ylabel(
        "net cooperation\nper 1,000 articles"
        if value == "net_cooperation_per_1k"
        else "net cooperation\n(Goldstein weight)"
    )
    top.set_title(title, fontsize=11, loc="left")
    bottoms = [0] * len(rows)
    for q in range(4):
        counts = [r[f"quad{q + 1}"] for r in rows]
        bottom.bar(
            x, counts, bottom=bottoms, color=QUAD_COLOURS[q], width=0.7, label=QUAD_LABELS[q]
        )
        bottoms = [b + c for b, c in zip(bottoms, counts, strict=True)]
    bottom.set_ylim(0, max([*bottoms, 1]) * 1.45)  # headroom for the legend
    bottom.set_ylabel("events")
    bottom.legend(fontsize=7, ncol=4, loc="upper left", frameon=False)
    step = max(1, len(labels) // 12)
    bottom.set_xticks(x[::step], labels[::step], rotation=45, ha="right", fontsize=8)
    for ax in (top, bottom):
        ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def slot(day: Any, by: str) -> int:
    """The period's place on a time axis counted in periods (months since year 0...)."""
    if by == "month":
        return int(day.year * 12 + day.month - 1)
    if by == "quarter":
        return int(day.year * 4 + (day.month - 1) // 3)
    if by == "year":
        return int(day.year)
    if by == "week":
        return int(day.toordinal() // 7)
    return int(day.toordinal())


def net_interval(row: dict[str, Any], value: str = "net_cooperation_per_1k") -> tuple[float, float]:
    """A 95% interval of net cooperation (``value``: per 1,000 articles, or raw) for one
    period.

    The net is a sum of n event weights; its count is scaled by the square-root Poisson
    interval of ``events_per_1k`` (the same interval ``dyad_series`` gives for the rate of
    events), so the interval widens where a period has few events.
    """
    n, net = row.get("n_events_shown", row["n_events"]), row[value]
    if not n:
        return net, net
    rate = row["events_per_1k"]
    ends = (net * row["events_per_1k_low"] / rate, net * row["events_per_1k_high"] / rate)
    return min(ends), max(ends)


def balance_chart(summary: Sequence[dict[str, Any]], title: str) -> Any:
    """Warmth per theme, one bar per partner (grouped)."""
    plt = _pyplot()
    themes = list(dict.fromkeys(s["theme"] for s in summary))
    partners = list(dict.fromkeys(s["partner"] for s in summary))
    by_key = {(s["theme"], s["partner"]): s["warmth"] for s in summary}
    fig, ax = plt.subplots(figsize=(9, 3.2))
    width = 0.8 / max(len(partners), 1)
    palette = ("#1f5f9f", "#c0504d", "#7a5aa6", "#3a9a8a", "#d08020", "#707070")
    for k, p in enumerate(partners):
        xs = [i + (k - (len(partners) - 1) / 2) * width for i in range(len(themes))]
        ax.bar(
            xs,
            [by_key.get((t, p), 0.0) for t in themes],
            width,
            label=p,
            color=palette[k % len(palette)],
        )
    ax.axhline(0, color="#888888", linewidth=0.8)
    ax.set_xticks(list(range(len(themes))), themes, fontsize=8)
    ax.set_ylabel("warmth (shrunk mean Goldstein)")
    ax.set_title(title, fontsize=11, loc="left")
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def to_svg(fig: Any, prefix: str = "") -> str:
    """The figure as an inline ``<svg>`` element (no prologue, no RDF metadata); the figure
    is closed. ``prefix`` is put before every id (and reference to one), so several charts
    inlined in one page cannot take each other's glyphs or clip paths."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    _pyplot().close(fig)
    text = buffer.getvalue()
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.DOTALL)
    text = text[text.index("<svg") :]
    if prefix:
        text = re.sub(r'\bid="', f'id="{prefix}-', text)
        text = re.sub(r'(xlink:href="|url\()#', rf"\1#{prefix}-", text)
    return text


def save(fig: Any, path: Path, fmt: str) -> Path:
    """Write the figure as ``path`` (PNG at 120 dpi, or SVG); the figure stays open."""
    fig.savefig(path, format=fmt, dpi=120)
    return path
