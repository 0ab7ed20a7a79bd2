"""Analytics on a store built by hand, with answers worked out in the comments.

Ten months, 2025-01 .. 2025-10, five articles each. India and the United States
cooperate for six months (each month a +3 verbal and a +7 material cooperation) and turn
to conflict for four (a -4 verbal and a -10 material conflict each month). India and
Russia: one +4 DEFENSE cooperation a month. Noise that must not count: a hypothetical
event, and a second report of a story (counted once, with two reports).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest

import entente
from entente.analytics import balance, dyad_series, find_changes, network, top_events
from entente.analytics.base import Scope
from entente.analytics.changes import breakpoints
from entente.cli import main
from entente.errors import EntenteError
from entente.store.database import Store

MONTHS = [dt.date(2025, m, 15) for m in range(1, 11)]
ARTICLES_PER_MONTH = 5
COOPERATIVE_MONTHS = 6


class Builder:
    def __init__(self, store: Store) -> None:
        self.con = store.con
        self.n = 0

    def article(self, day: dt.date, text: str = "Filler.") -> str:
        self.n += 1
        article_id = f"a{self.n:03d}"
        self.con.execute(
            "INSERT INTO articles (article_id, source_id, date, text) VALUES (?, ?, ?, ?)",
            [article_id, f"src-{self.n:03d}", day, text],
        )
        return article_id

    def event(
        self,
        day: dt.date,
        source: str,
        target: str,
        goldstein: float,
        quad: int,
        *,
        themes: list[str] | None = None,
        tone: float = 0.0,
        factuality: str = "asserted",
        article_id: str | None = None,
        cameo: str | None = None,
    ) -> str:
        text = f"{source} and {target} event weighing {goldstein}."
        article_id = article_id or self.article(day, text)
        self.n += 1
        cameo = cameo or {1: "040", 2: "061", 3: "111", 4: "163"}[quad]
        event_id = f"e{self.n:03d}"
        self.con.execute(
            "INSERT INTO events (event_id, article_id, sentence, date, source_code,"
            " source_country, target_code, target_country, cameo, cameo_root, goldstein,"
            " quad_class, factuality, confidence, trigger_start, trigger_end, evidence_start,"
            " evidence_end, rule, themes, tone)"
            " VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1.0, 0, 3, 0, ?, 'test', ?, ?)",
            [
                event_id,
                article_id,
                day,
                source + "GOV",
                source,
                target,
                target,
                cameo,
                cameo[:2],
                goldstein,
                quad,
                factuality,
                len(text),
                themes or [],
                tone,
            ],
        )
        return article_id


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analytics") / "a.duckdb"
    with Store(path) as store:
        b = Builder(store)
        for i, day in enumerate(MONTHS):
            used = 0
            if i < COOPERATIVE_MONTHS:
                b.event(day, "IND", "USA", 3.0, 1, themes=["TRADE"], tone=0.2)
                b.event(day, "USA", "IND", 7.0, 2, tone=0.4)
            else:
                b.event(day, "USA", "IND", -4.0, 3, themes=["TRADE"], tone=-0.2)
                b.event(day, "USA", "IND", -10.0, 4, tone=-0.6)
            b.event(day, "IND", "RUS", 4.0, 2, themes=["DEFENSE"])
            used = 3
            if i == 0:  # noise: not asserted
                b.event(day, "USA", "IND", -10.0, 4, factuality="hypothetical")
                used += 1
            for _ in range(ARTICLES_PER_MONTH - used):
                b.article(day)
        # a second report (another article of the same story) of August's -10 event
        first = store.query(
            "SELECT article_id FROM events WHERE date = '2025-08-15' AND goldstein = -10"
        )[0]["article_id"]
        copy = b.article(dt.date(2025, 8, 16), "Second report.")
        b.event(dt.date(2025, 8, 16), "USA", "IND", -10.0, 4, article_id=copy)
        store.con.execute("INSERT INTO stories VALUES ('s1', ?, []), ('s1', ?, [])", [first, copy])
    return path


@pytest.fixture
def store(db: Path):  # type: ignore[no-untyped-def]
    with Store(db, read_only=True) as s:
        yield s


def by_period(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["period"]: r for r in rows}


def test_monthly_counts_means_and_coverage(store: Store) -> None:
    rows = by_period(dyad_series(store, Scope("IND", "USA"), "month"))
    assert list(rows) == [d.strftime("%Y-%m") for d in MONTHS]
    jan = rows["2025-01"]
    # the hypothetical -10 is not counted
    assert (jan["n_articles"], jan["n_events"]) == (5, 2)
    assert (jan["quad1"], jan["quad2"], jan["quad3"], jan["quad4"]) == (1, 1, 0, 0)
    assert jan["goldstein_mean"] == pytest.approx(5.0)
    assert jan["goldstein_total"] == pytest.approx(10.0)
    assert jan["net_cooperation"] == pytest.approx(10.0)
    assert jan["tone"] == pytest.approx(0.3)
    assert jan["events_per_1k"] == pytest.approx(400.0)
    assert jan["net_cooperation_per_1k"] == pytest.approx(2000.0)
    half = 1.96 * math.sqrt(8) / math.sqrt(2)  # s of (3, 7) is √8
    assert jan["goldstein_low"] == pytest.approx(5.0 - half)
    assert jan["goldstein_high"] == pytest.approx(5.0 + half)
    assert jan["events_per_1k_low"] < 400 < jan["events_per_1k_high"]
    aug = rows["2025-08"]
    # six articles (one more report); the event of two reports counts once
    assert (aug["n_articles"], aug["n_events"]) == (6, 2)
    assert aug["net_cooperation"] == pytest.approx(-14.0)
    assert aug["events_per_1k"] == pytest.approx(2000 / 6)


def test_direction_theme_and_period_filters(store: Store) -> None:
    directed = dyad_series(store, Scope("IND", "USA", directed=True), "month")
    assert sum(r["n_events"] for r in directed) == COOPERATIVE_MONTHS
    trade = dyad_series(store, Scope("IND", "USA", theme="trade"), "quarter")
    assert [(r["period"], r["n_events"]) for r in trade] == [
        ("2025-Q1", 3),
        ("2025-Q2", 3),
        ("2025-Q3", 3),
        ("2025-Q4", 1),
    ]
    window = dyad_series(store, Scope("IND", "USA", since="2025-03-01", until="2025-03-31"))
    assert [r["period"] for r in window] == ["2025-03"]
    with pytest.raises(EntenteError):
        dyad_series(store, Scope("IND", "USA"), "fortnight")


def test_balance_says_which_relation_is_warmer_and_where_it_moves(store: Store) -> None:
    rows, summary = balance(store, "IND", ["USA", "RUS"], themes=[None, "DEFENSE"], by="month")
    overall = {s["partner"]: s for s in summary if s["theme"] == "ALL"}
    usa, rus = 6 * 10 - 4 * 14, 10 * 4  # Goldstein totals
    assert overall["USA"]["warmth"] == pytest.approx(usa / (20 + 2))
    assert overall["RUS"]["warmth"] == pytest.approx(rus / (10 + 2))
    assert overall["RUS"]["warmest"]
    assert not overall["USA"]["warmest"]
    assert overall["RUS"]["balance"] > 0 > overall["USA"]["balance"]
    assert overall["USA"]["trend"] < 0 < overall["RUS"]["trend"]  # the US relation cools
    defense = {s["partner"]: s for s in summary if s["theme"] == "DEFENSE"}
    assert defense["USA"]["n_events"] == 0
    assert defense["RUS"]["n_events"] == 10
    jan = {r["partner"]: r for r in rows if r["theme"] == "ALL" and r["period"] == "2025-01"}
    assert jan["USA"]["warmth"] == pytest.approx(10 / 4)
    assert jan["USA"]["balance"] == pytest.approx(10 / 4 - 4 / 3)
    with pytest.raises(EntenteError):
        balance(store, "IND", ["USA"])


def test_constructed_shift_is_flagged_at_its_month(store: Store) -> None:
    found = find_changes(store, Scope("IND", "USA"), "month")
    assert [c["period"] for c in found] == ["2025-07"]
    change = found[0]
    assert change["direction"] == "conflictual"
    assert change["mean_before"] == pytest.approx(2000.0)  # +10 per 5 articles
    assert change["shift"] < 0
    moved = change["moved_most"]
    assert moved >= "2025-07"
    assert change["events"]
    assert all(e["quad_class"] >= 3 for e in change["events"])
    assert all(e["date"].strftime("%Y-%m") == moved for e in change["events"])


def test_a_flat_series_has_no_change() -> None:
    assert breakpoints([1.0, 1.2, 0.9, 1.1, 1.0, 0.8, 1.1, 1.0]) == []
    assert breakpoints([0.0] * 5 + [9.0] * 5) == [5]


def test_network_weights(store: Store) -> None:
    edges = {(e["source"], e["target"]): e for e in network(store, Scope())}
    assert edges["IND", "RUS"]["n_events"] == 10
    assert edges["IND", "USA"]["n_events"] == 6
    assert edges["USA", "IND"]["n_events"] == 6 + 8
    assert edges["USA", "IND"]["n_reports"] == 6 + 8 + 1
    assert edges["IND", "RUS"]["goldstein_total"] == pytest.approx(40.0)
    merged = {(e["source"], e["target"]): e for e in network(store, Scope(), undirected=True)}
    assert merged["IND", "USA"]["n_events"] == 20
    assert merged["IND", "USA"]["net_cooperation"] == pytest.approx(4.0)
    defense = network(store, Scope(theme="DEFENSE", since="2025-06-01"))
    assert [(e["source"], e["target"], e["n_events"]) for e in defense] == [("IND", "RUS", 5)]
    assert [(e["source"], e["target"]) for e in network(store, Scope(), min_events=11)] == [
        ("USA", "IND")
    ]


def test_top_events_by_weight_then_reports(store: Store) -> None:
    top = top_events(store, Scope("IND", "USA"), limit=3)
    assert [e["goldstein"] for e in top] == [-10.0, -10.0, -10.0]
    assert top[0]["n_reports"] == 2  # the story reported twice comes first
    assert top[0]["evidence"] == "USA and IND event weighing -10.0."


def test_cli_dyad_json_and_python_api(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "dyad", "IND", "USA", "--by", "month", "--format", "json"]) == 0
    periods = json.loads(capsys.readouterr().out)
    assert len(periods) == len(MONTHS)
    keys = {"period", "n_events", "goldstein_mean", "net_cooperation", "tone"}
    assert keys | {"quad1", "quad2", "quad3", "quad4"} <= set(periods[0])
    assert periods[6]["net_cooperation"] == pytest.approx(-14.0)
    for command in (
        ["balance", "IND", "USA", "RUS", "--theme", "TRADE"],
        ["changes", "IND", "USA"],
        ["network", "--since", "2025-01-01"],
        ["top", "IND", "USA"],
    ):
        assert main(["--db", str(db), *command]) == 0
    out = capsys.readouterr().out
    assert "2025-07: conflictual shift" in out
    with entente.open(db) as corpus:
        frame = corpus.dyad("IND", "USA")
        assert list(frame["n_events"]) == [2] * len(MONTHS)
        events = corpus.events("IND", "RUS", theme="DEFENSE")
        assert len(events) == 10
        assert set(events["src"]) == {"IND"}
        assert events["evidence"].iloc[0] == "IND and RUS event weighing 4.0."
        assert corpus.events("USA").shape[0] == 20  # either side


def test_weeks_start_on_monday_and_days_are_dated(store: Store) -> None:
    weeks = dyad_series(store, Scope("IND", "USA", since="2025-01-01", until="2025-01-31"), "week")
    assert [(r["period"], r["n_events"]) for r in weeks] == [("2025-01-13", 2)]  # Wed the 15th
    days = dyad_series(store, Scope("IND", "USA", since="2025-08-01", until="2025-08-31"), "day")
    assert [(r["period"], r["n_articles"], r["n_events"]) for r in days] == [
        ("2025-08-15", 5, 2),
        ("2025-08-16", 1, 0),  # the second report is not a second event
    ]


def test_the_signal_decides_what_counts_as_a_shift(store: Store) -> None:
    # the pair turns hostile in July, but its volume (two events a month) never moves
    totals = find_changes(store, Scope("IND", "USA"), "month", signal="goldstein_total")
    assert [(c["period"], c["direction"]) for c in totals] == [("2025-07", "conflictual")]
    assert find_changes(store, Scope("IND", "USA"), "month", signal="events_per_1k") == []
    with pytest.raises(EntenteError):
        find_changes(store, Scope("IND", "USA"), signal="tone")


def test_too_few_covered_periods_fall_back_to_the_raw_signal(store: Store) -> None:
    rate = find_changes(store, Scope("IND", "USA"), "month", min_articles=1)
    raw = find_changes(store, Scope("IND", "USA"), "month", min_articles=ARTICLES_PER_MONTH + 1)
    assert [(c["period"], c["signal"]) for c in rate] == [("2025-07", "net_cooperation_per_1k")]
    assert [(c["period"], c["signal"]) for c in raw] == [("2025-07", "net_cooperation")]
    assert raw[0]["mean_before"] == pytest.approx(10.0)  # +3 and +7 a month
    counts = find_changes(
        store, Scope("IND", "USA"), "month", signal="events_per_1k", min_articles=1000
    )
    assert counts == []  # two events a month throughout: no shift in the count either
