"""The evaluation gate: pinned floors hold, a drop fails and names the figure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from entente.cli import main
from entente.errors import GoldError
from entente.evaluation import gate

GOLD = [
    {
        "id": "g1",
        "date": "2024-06-01",
        "text": "Russia invaded Ukraine on Monday.",
        "events": [{"source": "RUS", "target": "UKR", "cameo": ["19"], "plover": ["ASSAULT"]}],
        "absent": [],
    },
    {
        "id": "g2",
        "date": "2024-06-01",
        "text": "India expelled two Pakistani diplomats on Monday.",
        "events": [{"source": "IND", "target": "PAK", "cameo": ["174"], "plover": ["COERCE"]}],
        "absent": [{"source": "IND", "target": "PAK", "cameo": ["04"], "why": "no meeting"}],
    },
]


def _write_gold(path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    return path


def _report(name: str, precision: float, absent_rate: float) -> dict[str, object]:
    metric = {"precision": precision, "recall": 0.5, "f1": 0.5}
    return {
        "gold_file": f"/somewhere/{name}",
        "events": {"root": metric, "code": metric, "plover": metric, "root_core": metric},
        "actors": {"code_accuracy": 0.9},
        "quotes": {"speaker_accuracy": 1.0},
        "absent_hit_rate": absent_rate,
    }


def test_pinned_figures_hold_and_a_drop_is_named() -> None:
    baseline = gate.pin([_report("dev.jsonl", 0.8123456, 0.02)])
    assert baseline["files"]["dev.jsonl"]["floors"]["events.root.precision"] == 0.8123
    assert gate.check([_report("dev.jsonl", 0.8123456, 0.02)], baseline) == ([], [])
    breaches, _ = gate.check([_report("dev.jsonl", 0.80, 0.02)], baseline)
    assert [b.figure for b in breaches] == ["events.root.precision"]
    assert "below the floor 0.8123" in str(breaches[0])


def test_absent_rate_is_a_ceiling_and_unknown_files_are_reported() -> None:
    baseline = gate.pin([_report("dev.jsonl", 0.9, 0.02)])
    breaches, unpinned = gate.check(
        [_report("dev.jsonl", 0.95, 0.05), _report("new.jsonl", 0.1, 0.5)], baseline
    )
    assert [(b.figure, b.measured) for b in breaches] == [("absent_hit_rate", 0.05)]
    assert "above the ceiling" in str(breaches[0])
    assert unpinned == ["new.jsonl"]


def test_eval_cli_pins_then_fails_on_a_raised_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = _write_gold(tmp_path / "tiny.jsonl")
    baseline = tmp_path / "baseline.json"
    assert main(["eval", str(gold), "--show", "0", "--write-baseline", str(baseline)]) == 0
    pinned = json.loads(baseline.read_text(encoding="utf-8"))
    floors = pinned["files"]["tiny.jsonl"]["floors"]
    assert floors["events.root.recall"] > 0  # the tiny gold is coded, so the pin is real
    assert main(["eval", str(gold), "--show", "0", "--baseline", str(baseline)]) == 0
    floors["events.root.recall"] = 1.01  # a floor no run can reach
    baseline.write_text(json.dumps(pinned), encoding="utf-8")
    capsys.readouterr()
    assert main(["eval", str(gold), "--show", "0", "--baseline", str(baseline)]) == 1
    assert "tiny.jsonl: events.root.recall" in capsys.readouterr().err


def test_a_malformed_baseline_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(GoldError, match=r"baseline\.json: a baseline is an object"):
        gate.read_baseline(bad)


def test_gold_igo_accepts_the_un_and_the_eu_and_no_other_code_does(tmp_path: Path) -> None:
    from entente.evaluation import evaluate_file
    from entente.pipeline import Pipeline

    record = {
        "id": "u1",
        "date": "2024-06-01",
        "text": "The United Nations condemned Russia on Monday.",
        "events": [{"source": "IGO", "target": "RUS", "cameo": ["11"], "plover": ["ACCUSE"]}],
    }
    gold = tmp_path / "un.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = evaluate_file(gold, Pipeline.default()).as_dict()
    assert report["events"]["root"]["recall"] == 1.0
    record["text"] = "The European Union condemned Russia on Monday."
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = evaluate_file(gold, Pipeline.default()).as_dict()
    assert report["events"]["root"]["recall"] == 1.0
    record["events"][0]["source"] = "NGO"  # type: ignore[index]
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = evaluate_file(gold, Pipeline.default()).as_dict()
    assert report["events"]["root"]["recall"] == 0.0
