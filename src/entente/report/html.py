"""Build and render the HTML report: data first (``build_report``), then markup.

Every piece of text that comes from the store (article text, speakers, titles, URLs) goes
through ``html.escape``; links are kept only for http(s) URLs and open nothing when the
report is viewed, so the file needs no network: the charts are inline SVG and the styles a
``<style>`` block.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from entente.analytics import balance, dyad_series, find_changes, top_events, top_quotes
from entente.analytics.base import Scope, actor_code
from entente.analytics.changes import MIN_ARTICLES
from entente.report import charts
from entente.store.database import Store

THEMES = ("DEFENSE", "ENERGY", "TECHNOLOGY", "SPACE", "TRADE")
SIGNAL_LABELS = {
    "net_cooperation_per_1k": "net cooperation per 1,000 articles",
    "net_cooperation": "net cooperation (Goldstein weight, not a rate)",
    "goldstein_total": "total Goldstein",
    "events_per_1k": "events per 1,000 articles",
    "n_events": "events (not a rate)",
}

CSS = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222;
       max-width: 1000px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { border-bottom: 2px solid #ccd;
     padding-bottom: 0.2em; margin-top: 2em; } h3 { margin-top: 1.4em; }
.meta, .note { color: #666; font-size: 0.9em; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.9em; }
th, td { border-bottom: 1px solid #e3e3e8; padding: 3px 8px; text-align: right; }
th { background: #f3f3f7; } td.l, th.l { text-align: left; }
.pos { color: #1f6f3f; } .neg { color: #b03030; }
.chart svg { max-width: 100%; height: auto; }
.evidence { margin: 0.3em 0 0.8em 1em; padding-left: 0.8em; border-left: 3px solid #ccd; }
.evidence .src { color: #666; font-size: 0.85em; }
.change { background: #fafaf2; border: 1px solid #e6e2c8; padding: 0.5em 1em; margin: 0.8em 0; }
details summary { cursor: pointer; color: #335; }
"""


def build_report(
    store: Store,
    focus: str,
    partners: Sequence[str],
    *,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    themes: Sequence[str] = THEMES,
    limit: int = 10,
    min_articles: int = MIN_ARTICLES,
) -> dict[str, Any]:
    """The report's data: per dyad its series, changes, top events and quotations, and the
    balance by theme across partners (when there are two or more).

    Rates per 1,000 articles mean nothing where the store holds a handful of articles (one
    article with five events is 5,000 per 1,000), and such periods would dominate the charts
    and the change points. So the window is first narrowed to run from the first to the last
    period with at least ``min_articles`` articles; what was left out is reported in
    ``trimmed``. Thin periods inside the window stay, and are marked in the charts.
    Where no period has ``min_articles`` articles, no rate can be trusted: the report then
    charts and searches raw net cooperation (``signal``), and says so.
    """
    focus = actor_code(focus)
    codes = [actor_code(p) for p in partners]
    coverage = dyad_series(store, Scope(focus, codes[0], since=since, until=until), by)
    since, until, trimmed = _covered_window(coverage, since, until, min_articles)
    covered = any(r["n_articles"] >= min_articles for r in coverage)
    signal = "net_cooperation_per_1k" if covered else "net_cooperation"
    dyads: list[dict[str, Any]] = []
    for p in codes:
        scope = Scope(focus, p, since=since, until=until)
        dyads.append(
            {
                "partner": p,
                "series": dyad_series(store, scope, by),
                "changes": find_changes(store, scope, by, signal=signal, min_articles=min_articles),
                "events": top_events(store, scope, limit=limit),
                "quotes": top_quotes(store, scope, limit=limit),
            }
        )
    summary: list[dict[str, Any]] = []
    if len(codes) >= 2:
        _, summary = balance(
            store, focus, codes, themes=(None, *themes), by=by, since=since, until=until
        )
    ids: set[str] = set()
    for d in dyads:
        rows = [*d["events"], *d["quotes"], *(ev for c in d["changes"] for ev in c["events"])]
        ids.update(row["source_id"] for row in rows)
    return {
        "focus": focus,
        "partners": codes,
        "by": by,
        "since": since,
        "until": until,
        "dyads": dyads,
        "balance": summary,
        "trimmed": trimmed,
        "min_articles": min_articles,
        "signal": signal,
        "articles": _articles(store, ids),
        "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _covered_window(
    coverage: list[dict[str, Any]], since: str | None, until: str | None, min_articles: int
) -> tuple[str | None, str | None, list[dict[str, Any]]]:
    """(since, until) trimmed to the well-covered periods, and the periods left out."""
    good = [i for i, r in enumerate(coverage) if r["n_articles"] >= min_articles]
    if not good:
        return since, until, []
    first, last = good[0], good[-1]
    if first > 0:
        since = coverage[first]["period_start"].isoformat()
    if last + 1 < len(coverage):
        end = coverage[last + 1]["period_start"] - dt.timedelta(days=1)
        until = end.isoformat()
    left_out = [
        {"period": r["period"], "n_articles": r["n_articles"]}
        for r in coverage[:first] + coverage[last + 1 :]
    ]
    return since, until, left_out


def _articles(store: Store, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = store.query(
        f"SELECT source_id, url, title, origin FROM articles WHERE source_id IN ({marks})",
        sorted(ids),
    )
    return {r["source_id"]: r for r in rows}


def figures(report: dict[str, Any]) -> dict[str, Any]:
    """The report's charts by name (``series-IND-USA``, ``balance-IND``), as Figures."""
    focus = report["focus"]
    found = {
        f"series-{focus}-{d['partner']}": charts.series_chart(
            d["series"],
            f"{focus} – {d['partner']}, by {report['by']}",
            report["min_articles"] if report["signal"] == "net_cooperation_per_1k" else 0,
            [c["period"] for c in d["changes"]],
            value=report["signal"],
            by=report["by"],
        )
        for d in report["dyads"]
    }
    if report["balance"]:
        empty = set(empty_themes(report["balance"]))
        found[f"balance-{focus}"] = charts.balance_chart(
            [s for s in report["balance"] if s["theme"] not in empty],
            f"{focus}'s relations by theme (warmth)",
        )
    return found


def write_report(
    report: dict[str, Any],
    path: Path,
    *,
    charts_dir: Path | None = None,
    chart_format: str = "png",
) -> list[Path]:
    """Write the HTML file (and each chart under ``charts_dir``); the chart files written."""
    written: list[Path] = []
    svgs: dict[str, str] = {}
    if charts_dir is not None:
        charts_dir.mkdir(parents=True, exist_ok=True)
    for name, fig in figures(report).items():
        if charts_dir is not None:
            written.append(charts.save(fig, charts_dir / f"{name}.{chart_format}", chart_format))
        svgs[name] = charts.to_svg(fig, prefix=name)
    path.write_text(render_html(report, svgs), encoding="utf-8")
    return written


def e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _num(value: float | None, fmt: str = "+.2f") -> str:
    if value is None:
        return "–"
    css = "pos" if value > 0 else "neg" if value < 0 else ""
    return f'<span class="{css}">{format(value, fmt)}</span>'


def render_html(report: dict[str, Any], svgs: dict[str, str]) -> str:
    focus, partners = report["focus"], report["partners"]
    window = " to ".join(x for x in (report["since"] or "start", report["until"] or "end"))
    others = partners[0] if len(partners) == 1 else f"{', '.join(partners[:-1])} and {partners[-1]}"
    title = f"Relations of {focus} with {others}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f'<p class="meta">Periods: {e(report["by"])}; window: {e(window)}; generated '
        f"{e(report['generated'])} by entente. Only asserted events count, and an event "
        "reported by several articles of one story counts once.</p>",
        _trimmed_note(report),
        "<nav><ul>",
        *(f'<li><a href="#dyad-{e(p)}">{e(focus)} – {e(p)}</a></li>' for p in partners),
        '<li><a href="#balance">Balance by theme</a></li>' if report["balance"] else "",
        "</ul></nav>",
    ]
    if report["balance"]:
        parts.append(_balance_section(report, svgs.get(f"balance-{focus}", "")))
    for d in report["dyads"]:
        parts.append(_dyad_section(report, d, svgs.get(f"series-{focus}-{d['partner']}", "")))
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p)


def _trimmed_note(report: dict[str, Any]) -> str:
    if report["signal"] != "net_cooperation_per_1k":
        return (
            f'<p class="note">No period has {report["min_articles"]} articles or more in the '
            "store, so rates per 1,000 articles would mean little: the charts and the change "
            "search use raw net cooperation (the Goldstein weight of cooperative events minus "
            "that of conflictual ones), which grows with coverage as well as with events.</p>"
        )
    if not report["trimmed"]:
        return ""
    left = ", ".join(f"{t['period']} ({t['n_articles']})" for t in report["trimmed"])
    return (
        f'<p class="note">Left out, as the store holds fewer than {report["min_articles"]} '
        f"articles there (rates per 1,000 articles would mean nothing): {e(left)}.</p>"
    )


def empty_themes(summary: Sequence[dict[str, Any]]) -> list[str]:
    """Themes with no event for any partner (their warmth, 0 for all, says nothing)."""
    themes = dict.fromkeys(s["theme"] for s in summary)
    return [t for t in themes if not any(s["n_events"] for s in summary if s["theme"] == t)]


def _balance_section(report: dict[str, Any], svg: str) -> str:
    empty = empty_themes(report["balance"])
    rows = [
        '<h2 id="balance">Balance by theme</h2>',
        '<p class="note">Warmth is a shrunk mean Goldstein score, Σ goldstein / (events + 2); '
        "balance is a partner's warmth minus the mean warmth of the other partners; trend is "
        "the slope of the balance per period. ALL is every event whatever its theme.</p>",
        f'<div class="chart">{svg}</div>',
        '<table><tr><th class="l">theme</th><th class="l">partner</th><th>events</th>'
        "<th>warmth</th><th>balance</th><th>trend</th><th></th></tr>",
    ]
    for s in report["balance"]:
        if s["theme"] in empty:
            continue
        rows.append(
            f'<tr><td class="l">{e(s["theme"])}</td><td class="l">{e(s["partner"])}</td>'
            f"<td>{s['n_events']}</td><td>{_num(s['warmth'])}</td><td>{_num(s['balance'])}</td>"
            f"<td>{_num(s['trend'], '+.3f')}</td><td>{'warmest' if s['warmest'] else ''}</td></tr>"
        )
    rows.append("</table>")
    if empty:
        rows.append(f'<p class="note">No events with either partner: {e(", ".join(empty))}.</p>')
    return "\n".join(rows)


def _dyad_section(report: dict[str, Any], d: dict[str, Any], svg: str) -> str:
    focus, partner, articles = report["focus"], d["partner"], report["articles"]
    series = d["series"]
    n_events = sum(r["n_events"] for r in series)
    value = report["signal"]
    rate = value == "net_cooperation_per_1k"
    parts = [
        f'<h2 id="dyad-{e(partner)}">{e(focus)} – {e(partner)}</h2>',
        f'<p class="meta">{n_events} events over {len(series)} periods with coverage.</p>',
        f'<div class="chart">{svg}</div>',
        "<details><summary>Series table</summary>",
        '<table><tr><th class="l">period</th><th>articles</th><th>events</th><th>q1</th>'
        f"<th>q2</th><th>q3</th><th>q4</th><th>{'net / 1k' if rate else 'net'}</th>"
        "<th>95% interval</th>"
        "<th>Goldstein mean</th><th>tone</th></tr>",
    ]
    for r in series:
        low, high = charts.net_interval(r, value)
        interval = f"[{low:+.1f}, {high:+.1f}]" if r["n_events"] else ""
        net = _num(r[value], "+.1f")
        if rate and r["n_articles"] < report["min_articles"]:
            net, interval = "–", "too few articles"
        parts.append(
            f'<tr><td class="l">{e(r["period"])}</td><td>{r["n_articles"]}</td>'
            f"<td>{r['n_events']}</td><td>{r['quad1']}</td><td>{r['quad2']}</td>"
            f"<td>{r['quad3']}</td><td>{r['quad4']}</td>"
            f"<td>{net}</td><td>{interval}</td>"
            f"<td>{_num(r['goldstein_mean'])}</td><td>{_num(r['tone'])}</td></tr>"
        )
    parts += ["</table>", "</details>", "<h3>Flagged changes</h3>"]
    if not d["changes"]:
        parts.append(
            f'<p class="note">No significant shift (PELT on {e(SIGNAL_LABELS[value])}).</p>'
        )
    for c in d["changes"]:
        parts.append(
            f'<div class="change"><p><b>{e(c["period"])}</b>: {e(c["direction"])} shift of '
            f"{e(SIGNAL_LABELS[c['signal']])}, mean {c['mean_before']:+.1f} → "
            f"{c['mean_after']:+.1f} (z {c['z']:+.1f}); moved most in "
            f"{e(c['moved_most'])}. {_behind(c)}</p>"
        )
        parts += [_event(ev, articles) for ev in c["events"]]
        parts.append("</div>")
    parts.append("<h3>Top events</h3>")
    parts += [_event(ev, articles) for ev in d["events"]] or [
        '<p class="note">No event in the window.</p>'
    ]
    parts.append("<h3>Top quotations</h3>")
    parts += [_quote(q, articles) for q in d["quotes"]] or [
        '<p class="note">No quotation whose speaker is on one side and which is about the '
        "other.</p>"
    ]
    return "\n".join(parts)


def _behind(change: dict[str, Any]) -> str:
    if change["events"]:
        return "The events behind it:"
    if change["direction"] == "conflictual":
        return "No conflictual event there: the shift is cooperation falling away."
    if change["direction"] == "cooperative":
        return "No cooperative event there: the shift is conflict falling away."
    return "No event there."


def _source(source_id: str, date: Any, articles: dict[str, dict[str, Any]]) -> str:
    art = articles.get(source_id, {})
    url, title = art.get("url"), art.get("title")
    code = f"<code>{e(source_id)}</code>"
    label = f"{e(title)} · {code}" if title else code
    if url and str(url).startswith(("http://", "https://")):
        label = f'{label} · <a href="{e(url)}" rel="noreferrer">{e(url)}</a>'
    return f'<span class="src">{e(date)} · {label}</span>'


def _event(ev: dict[str, Any], articles: dict[str, dict[str, Any]]) -> str:
    reports = f", {ev['n_reports']} reports" if ev.get("n_reports", 1) > 1 else ""
    return (
        f'<div class="evidence"><b>{e(ev["source"])} → {e(ev["target"])}</b> CAMEO '
        f"{e(ev['cameo'])}, Goldstein {_num(ev['goldstein'], '+.1f')}{e(reports)}<br>"
        f"“{e(_clean(ev['evidence']))}”<br>{_source(ev['source_id'], ev['date'], articles)}</div>"
    )


def _clean(text: str | None) -> str:
    """The evidence sentence for display: a Markdown heading's ``#`` marks dropped."""
    return (text or "").lstrip("#").strip()


def _quote(q: dict[str, Any], articles: dict[str, dict[str, Any]]) -> str:
    speaker = q["speaker_name"] or "(no speaker)"
    return (
        f'<div class="evidence"><b>{e(speaker)}</b> [{e(q["speaker_code"])}] on '
        f"{e(', '.join(q['targets'] or []))}: “{e(q['text'])}”<br>"
        f"{_source(q['source_id'], q['date'], articles)}</div>"
    )
