"""The HTML report on a hand-built store (the Builder of test_analytics).

Ten months, 2025-01 .. 2025-10, thirty articles each. India and the United States
cooperate for six months (+3 verbal, +7 material cooperation a month) and turn to conflict
for four (-4 verbal, -10 material conflict): the change point is 2025-07, and its heaviest
conflictual event is July's -10, whose article text carries HTML that must come out
escaped. India and Russia: one +4 DEFENSE cooperation a month. Two months before
2025-01 hold one article each: the report leaves them out (rates per 1,000 of one article).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from entente.cli import main
from entente.store.database import Store
from tests.test_analytics import Builder

MONTHS = [dt.date(2025, m, 15) for m in range(1, 11)]
ARTICLES_PER_MONTH = 30
JULY_TEXT = 'Washington <b>imposed</b> tariffs & "sanctions" on India <script>alert(1)</script>.'
JULY_URL = "https://news.example.org/story?id=7&lang=en"
QUOTE = "We will not accept <i>pressure</i> & threats."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "r.duckdb"
    with Store(path) as store:
        b = Builder(store)
        for early in (dt.date(2024, 10, 1), dt.date(2024, 11, 1)):
            b.event(early, "IND", "USA", 7.0, 2)  # one article, one event: 7,000 per 1,000
        for i, day in enumerate(MONTHS):
            used = 3
            if i < 6:
                b.event(day, "IND", "USA", 3.0, 1, themes=["TRADE"])
                b.event(day, "USA", "IND", 7.0, 2)
            elif i == 6:
                b.event(day, "USA", "IND", -4.0, 3, themes=["TRADE"])
                july = b.article(day, JULY_TEXT)
                store.con.execute(
                    "UPDATE articles SET url = ? WHERE article_id = ?", [JULY_URL, july]
                )
                b.event(day, "USA", "IND", -10.0, 4, article_id=july)
                store.con.execute(
                    "UPDATE events SET evidence_end = ? WHERE article_id = ?",
                    [len(JULY_TEXT), july],
                )
                store.con.execute(
                    "INSERT INTO quotes (quote_id, article_id, start_char, end_char, text,"
                    " speaker_code, speaker_name, targets, tone, rule)"
                    " VALUES ('q1', ?, 0, 10, ?, 'INDGOV', 'Minister <X>', ['USA'], -0.5, 'test')",
                    [july, QUOTE],
                )
                used += 1
            else:
                b.event(day, "USA", "IND", -4.0, 3, themes=["TRADE"])
                b.event(day, "USA", "IND", -10.0, 4)
            b.event(day, "IND", "RUS", 4.0, 2, themes=["DEFENSE"])
            for _ in range(ARTICLES_PER_MONTH - used):
                b.article(day)
    return path


@pytest.fixture(scope="module")
def report(db: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("out") / "report.html"
    assert (
        main(["--db", str(db), "report", "--focus", "IND", "--vs", "USA", "RUS", "-o", str(out)])
        == 0
    )
    return out.read_text(encoding="utf-8")


def test_report_is_self_contained(report: str) -> None:
    assert report.startswith("<!DOCTYPE html>")
    assert report.count("<svg") == 3
    # ids are unique across the inlined charts, and every reference finds its target
    ids = re.findall(r'\bid="([^"]+)"', report)
    assert len(ids) == len(set(ids))
    for ref in re.findall(r'(?:xlink:href="|url\()#([^")]+)', report):
        assert ref in set(ids), ref
    # no resource fetched from the network: scripts, styles, images, fonts
    assert not re.search(r"<(script|img|link|iframe)\b", report, re.IGNORECASE)
    assert not re.search(r"(src|@import|url\()\s*=?\s*[\"']?https?:", report, re.IGNORECASE)
    # the only http(s) in the file are the article's link and the SVG namespaces
    for url in re.findall(r"https?://[^\s\"'<>]+", report):
        assert url.startswith(("http://www.w3.org/", "https://news.example.org/")), url


def test_report_names_the_dyads_and_balance(report: str) -> None:
    assert "IND – USA" in report
    assert "IND – RUS" in report
    assert "Balance by theme" in report
    # DEFENSE is all Russia: the warmest there
    row = re.search(r"<td class=\"l\">DEFENSE</td><td class=\"l\">RUS</td>.*?</tr>", report)
    assert row is not None
    assert "warmest" in row.group(0)
    # themes without any event get no rows (their warmth, 0 for all, says nothing)
    assert "No events with either partner: ENERGY, TECHNOLOGY, SPACE." in report
    assert '<td class="l">SPACE</td>' not in report


def test_report_shows_the_flagged_change_with_its_evidence(report: str) -> None:
    change = re.search(r'<div class="change">.*?</div>\s*</div>', report, re.DOTALL)
    assert change is not None
    assert "<b>2025-07</b>: conflictual shift" in change.group(0)
    escaped = "Washington &lt;b&gt;imposed&lt;/b&gt; tariffs &amp; &quot;sanctions&quot;"
    assert escaped in change.group(0)
    # traceable: date, link to the article (escaped), source id
    assert "2025-07-15" in change.group(0)
    assert 'href="https://news.example.org/story?id=7&amp;lang=en"' in change.group(0)


def test_report_escapes_article_text(report: str) -> None:
    assert "<b>imposed" not in report
    assert "alert(1)</script>" not in report
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "We will not accept &lt;i&gt;pressure&lt;/i&gt; &amp; threats." in report
    assert "Minister &lt;X&gt;" in report


def test_report_leaves_out_thin_periods(report: str) -> None:
    assert "2024-10 (1), 2024-11 (1)" in report
    assert "7000" not in report.replace(",", "")


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_report_writes_chart_files(db: Path, tmp_path: Path, fmt: str) -> None:
    out, charts = tmp_path / "r.html", tmp_path / "charts"
    argv = ["--db", str(db), "report", "--focus", "IND", "--vs", "USA", "RUS", "-o", str(out)]
    assert main([*argv, "--charts", str(charts), "--chart-format", fmt]) == 0
    names = sorted(p.name for p in charts.iterdir())
    assert names == [f"balance-IND.{fmt}", f"series-IND-RUS.{fmt}", f"series-IND-USA.{fmt}"]
    head = (charts / names[0]).read_bytes()[:8]
    assert head.startswith(b"\x89PNG") if fmt == "png" else b"<?xml" in head


def test_report_with_one_partner_has_no_balance(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert main(["--db", str(db), "report", "--focus", "IND", "--vs", "USA", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "IND – USA" in text
    assert "Balance by theme" not in text


def test_thin_periods_do_not_make_change_points(db: Path) -> None:
    from entente.analytics import find_changes
    from entente.analytics.base import Scope

    with Store(db, read_only=True) as store:
        everything = find_changes(store, Scope("IND", "USA"), "month")
        covered = find_changes(store, Scope("IND", "USA"), "month", min_articles=20)
    # 7,000 per 1,000 in the two one-article months reads as a fall in 2025-01
    assert "2025-01" in [c["period"] for c in everything]
    assert [(c["period"], c["signal"]) for c in covered] == [("2025-07", "net_cooperation_per_1k")]


def test_a_store_too_thin_for_rates_charts_raw_net_cooperation(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    argv = ["--db", str(db), "report", "--focus", "IND", "--vs", "USA", "RUS", "-o", str(out)]
    assert main([*argv, "--min-articles", "1000"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "No period has 1000 articles or more" in text
    assert "conflictual shift of net cooperation (Goldstein weight, not a rate)" in text
    assert "per 1,000 articles, mean" not in text
    assert "<th>net</th>" in text
    # nothing is left out, as no period is well covered: the early months are in the table
    assert '<td class="l">2024-10</td>' in text
