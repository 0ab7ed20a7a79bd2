"""The evaluation gate: figures pinned in a committed baseline that a change may not lower.

The baseline names, per gold file (by file name), floors for the headline figures and a
ceiling for the ``absent`` hit rate. Results are deterministic, so a floor is the figure
measured when it was pinned: any drop fails. Raising the floors is part of each
improvement (``entente eval --write-baseline``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from entente.errors import GoldError

# Figures that may not fall, as paths into ``Report.as_dict()``.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("events", "root", "precision"),
    ("events", "root", "recall"),
    ("events", "root", "f1"),
    ("events", "code", "f1"),
    ("events", "plover", "f1"),
    ("events", "root_core", "recall"),
    ("actors", "code_accuracy"),
    ("quotes", "speaker_accuracy"),
)
# Figures pinned only where the gold file has them: the theme F1 of a file whose records
# name some theme (a file without theme annotations has no figure to hold).
OPTIONAL_FLOORS: tuple[tuple[str, ...], ...] = (("themes", "f1"),)
# Figures that may not rise.
CEILINGS: tuple[tuple[str, ...], ...] = (("absent_hit_rate",),)


@dataclass(frozen=True)
class Breach:
    gold_file: str
    figure: str
    pinned: float
    measured: float

    def __str__(self) -> str:
        way = "above the ceiling" if self.figure in _names(CEILINGS) else "below the floor"
        return f"{self.gold_file}: {self.figure} {self.measured:.4f} is {way} {self.pinned:.4f}"


def pin(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """A baseline document holding the figures of ``reports`` as floors and ceilings."""
    files = {}
    for report in reports:
        floors = {_name(p): _down(_get(report, p)) for p in FLOORS}
        for path in OPTIONAL_FLOORS:
            if report.get(path[0], {}).get("n_gold"):
                floors[_name(path)] = _down(_get(report, path))
        files[Path(report["gold_file"]).name] = {
            "floors": floors,
            "ceilings": {_name(p): _up(_get(report, p)) for p in CEILINGS},
        }
    return {
        "about": "Pinned evaluation figures; `make eval` fails when a change lowers a floor "
        "or raises a ceiling. Rewrite with `entente eval GOLD... --write-baseline FILE`.",
        "files": files,
    }


def check(
    reports: list[dict[str, Any]], baseline: dict[str, Any]
) -> tuple[list[Breach], list[str]]:
    """The figures that breach the baseline, and the gold files it has no figures for."""
    breaches: list[Breach] = []
    unpinned: list[str] = []
    pinned_files = baseline.get("files", {})
    for report in reports:
        name = Path(report["gold_file"]).name
        pinned = pinned_files.get(name)
        if pinned is None:
            unpinned.append(name)
            continue
        for figure, floor in pinned.get("floors", {}).items():
            value = _get(report, tuple(figure.split(".")))
            if value < floor:
                breaches.append(Breach(name, figure, floor, value))
        for figure, ceiling in pinned.get("ceilings", {}).items():
            value = _get(report, tuple(figure.split(".")))
            if value > ceiling:
                breaches.append(Breach(name, figure, ceiling, value))
    return breaches, unpinned


def read_baseline(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldError(f"{path}: cannot read the baseline ({exc})") from exc
    if not isinstance(document, dict) or not isinstance(document.get("files"), dict):
        raise GoldError(f"{path}: a baseline is an object with a 'files' mapping")
    return document


def write_baseline(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def _get(report: dict[str, Any], path: tuple[str, ...]) -> float:
    value: Any = report
    try:
        for key in path:
            value = value[key]
    except (KeyError, TypeError):
        raise GoldError(f"the evaluation report has no figure {_name(path)}") from None
    return float(value)


def _name(path: tuple[str, ...]) -> str:
    return ".".join(path)


def _names(paths: tuple[tuple[str, ...], ...]) -> set[str]:
    return {_name(p) for p in paths}


def _down(value: float) -> float:
    return math.floor(value * 10_000) / 10_000


def _up(value: float) -> float:
    return math.ceil(value * 10_000) / 10_000
