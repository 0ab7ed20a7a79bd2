from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from entente.cli import build_parser, main
from tests.test_store import write_inputs

README = Path(__file__).resolve().parents[1] / "README.md"
REQUIRED = {
    "event_id",
    "article_id",
    "source_id",
    "date",
    "source",
    "target",
    "cameo",
    "plover",
    "goldstein",
    "quad_class",
    "factuality",
    "confidence",
    "evidence",
    "trigger",
    "rule",
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "e.duckdb"
    assert main(["--db", str(path), "code", "--quiet", str(write_inputs(tmp_path / "in"))]) == 0
    return path


def test_events_jsonl_has_the_documented_fields(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db), "events", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows
    for row in rows:
        assert set(row) >= REQUIRED
        assert row["trigger"] in row["evidence"]


def test_events_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--db", str(db), "events", "--dyad", "IND-USA", "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert all({r["source"][:3], r["target"][:3]} == {"IND", "USA"} for r in rows)
    main(["--db", str(db), "events", "--since", "2025-01-01", "--code", "16", "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert all(r["cameo"].startswith("16") and r["date"] >= "2025-01-01" for r in rows)
    main(["--db", str(db), "events", "--actor", "RUS", "--until", "2024-12-31", "--format", "csv"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("event_id,")
    assert len(lines) > 1


def test_article_marks_evidence(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "article", "b.md"]) == 0
    out = capsys.readouterr().out
    assert "[[held talks]]1" in out
    assert "rule consult.hold-talks" in out


def test_unknown_article_is_a_clear_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "article", "nope"]) == 1
    assert "no article" in capsys.readouterr().err


def test_readme_documents_every_command_and_option() -> None:
    text = README.read_text(encoding="utf-8")
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():  # type: ignore[union-attr]
        assert re.search(rf"entente[^\n`]* {name}\b", text), f"README lacks `entente {name}`"
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in text, f"README lacks {flag} of `entente {name}`"
    assert "--db" in text
    assert "ENTENTE_DB" in text


def test_quotes_by_speaker_name_as_written_or_code(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db), "quotes", "--format", "jsonl"]) == 0
    every = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert every
    assert all(
        {"source_id", "text", "speaker", "speaker_code", "targets", "tone"} <= set(r) for r in every
    )
    named = {r["speaker_name"] for r in every if r["speaker_name"]}
    assert named
    name = sorted(named)[0]
    main(["--db", str(db), "quotes", "--speaker", name, "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert {r["speaker_name"] for r in rows} == {name}
    code = rows[0]["speaker_code"]
    main(["--db", str(db), "quotes", "--speaker", code, "--format", "json"])
    assert {r["speaker_code"] for r in json.loads(capsys.readouterr().out)} == {code}


def test_quotes_about_a_country_carry_it_among_their_targets(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(
        [
            "--db",
            str(db),
            "quotes",
            "--speaker",
            "Donald Trump",
            "--about",
            "IND",
            "--format",
            "json",
        ]
    )
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert all("IND" in r["targets"] and -1.0 <= r["tone"] <= 1.0 for r in rows)
    main(["--db", str(db), "quotes", "--about", "CHN", "--format", "json"])
    assert json.loads(capsys.readouterr().out) == []


def test_article_shows_themes_tone_and_quotations_with_targets(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db), "article", "b.md"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"themes: .*DIPLOMACY", out)
    assert "dateline: Moscow (RUS)" in out
    assert main(["--db", str(db), "article", "c.txt"]) == 0
    out = capsys.readouterr().out
    assert re.search(
        r"Donald Trump \[USAGOV\] about IND, tone [+-]\d\.\d\d: “a great partner”", out
    )
    assert "tone: " in out


def test_events_carry_their_place_and_the_day_their_sentence_names(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--db", str(db), "events", "--dyad", "IND-RUS", "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert {(r["place"], r["place_country"]) for r in rows} == {("Moscow", "RUS")}
    assert all(r["latitude"] and r["longitude"] for r in rows)
    main(["--db", str(db), "events", "--dyad", "CHN-JPN", "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert {r["date"] for r in rows} == {"2025-03-04"}  # the Tuesday before the Friday
