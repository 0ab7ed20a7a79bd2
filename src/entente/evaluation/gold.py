"""Reading gold annotation files (schema in ``../shared/gold/README.md``)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from entente.errors import GoldError
from entente.model import Article
from entente.text.normalize import normalize_text


@dataclass(frozen=True)
class GoldEvent:
    source: str
    target: str
    cameo: tuple[str, ...]
    plover: tuple[str, ...]
    symmetric: bool
    level: str
    evidence: str

    def label(self) -> str:
        arrow = "<->" if self.symmetric else "->"
        codes = "/".join(self.cameo) or "/".join(self.plover)
        return f"{self.source}{arrow}{self.target} {codes}"


@dataclass(frozen=True)
class GoldRecord:
    record_id: str
    article: Article
    events: tuple[GoldEvent, ...]
    optional: tuple[GoldEvent, ...]
    absent: tuple[GoldEvent, ...]
    quotes: tuple[dict[str, Any], ...]
    actors: tuple[dict[str, Any], ...]
    phenomena: tuple[str, ...] = field(default=())
    themes: tuple[str, ...] | None = None  # None: the record does not annotate themes


def read_gold(path: Path) -> list[GoldRecord]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    records.append(_record(json.loads(line), path))
                except (KeyError, TypeError, ValueError, OSError) as exc:
                    raise GoldError(f"{path}:{number}: malformed gold record ({exc})") from exc
    return records


def _record(obj: dict[str, Any], path: Path) -> GoldRecord:
    if "file" in obj:
        text = (path.parent.parent / obj["file"]).read_text(encoding="utf-8")
    else:
        text = obj["text"]
    date = dt.date.fromisoformat(obj["date"]) if obj.get("date") else None
    article = Article.create(
        normalize_text(text), source_id=obj["id"], date=date, origin=f"{path.name}:{obj['id']}"
    )
    return GoldRecord(
        record_id=obj["id"],
        article=article,
        events=tuple(_event(e) for e in obj.get("events", [])),
        optional=tuple(_event(e) for e in obj.get("optional", [])),
        absent=tuple(_event(e) for e in obj.get("absent", [])),
        quotes=tuple(obj.get("quotes", [])),
        actors=tuple(obj.get("actors", [])),
        phenomena=tuple(obj.get("phenomena", [])),
        themes=tuple(obj["themes"]) if obj.get("themes") is not None else None,
    )


def _event(e: dict[str, Any]) -> GoldEvent:
    return GoldEvent(
        source=str(e.get("source") or "")[:3],
        target=str(e.get("target") or "")[:3],
        cameo=tuple(e.get("cameo") or ()),
        plover=tuple(e.get("plover") or ()),
        symmetric=bool(e.get("symmetric")),
        level=e.get("level", "core"),
        evidence=e.get("evidence", ""),
    )
