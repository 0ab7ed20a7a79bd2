"""PLOVER events as JSON lines, one object per event, named as in the POLECAT data set:
each key is a column of POLECAT's weekly files (``Event ID``, ``Actor Name Raw``, ...)
in lower case with underscores:

``event_id``, ``event_date``, ``event_type``, ``event_mode``, ``event_intensity``
(the CAMEO Goldstein value: entente has no separate PLOVER intensity), ``quad_code``
(1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict),
``contexts`` (the PLOVER contexts of the event's themes), ``actor_name``,
``actor_country``, ``primary_actor_sector``, ``actor_sectors`` (3-letter parts of the
sector code), ``actor_name_raw`` (the words the article used) and the same for
``recipient_*``; ``placename``, ``province``, ``country``, ``latitude``, ``longitude``,
``raw_placename``; ``source`` (outlet or source id), ``publication_date``, ``language``,
``version`` (entente's).

entente adds what POLECAT has no column for: ``actor_code``/``recipient_code`` (CAMEO),
``actor_id``/``recipient_id`` (entente's entity id of a named person or body),
``event_text`` (the evidence sentence), ``trigger``, ``cameo``, ``factuality``,
``confidence``, ``rule``, ``themes``, ``article_id``, ``url``, ``story_id`` and the story counts
``n_articles``, ``n_sources``, ``n_mentions``.

Events with no PLOVER type (CAMEO 01 and 02 statements) are left out.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from entente import __version__
from entente.export.records import export_events, sector_parts
from entente.lexicons.lexicon import Lexicon
from entente.store.database import Store


def write_plover(store: Store, path: Path, lexicon: Lexicon, *, include_all: bool = False) -> int:
    """Write the events with a PLOVER type to ``path``, one JSON object a line."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for record in to_plover_records(export_events(store, include_all=include_all), lexicon):
            out.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
            n += 1
    return n


def to_plover_records(
    events: Iterable[dict[str, Any]], lexicon: Lexicon
) -> Iterable[dict[str, Any]]:
    contexts = {t.id: t.plover for t in lexicon.taxonomy.themes}
    for e in events:
        if not e.get("plover"):
            continue
        row = lexicon.cameo.get(e["cameo"])
        themes = list(e.get("themes") or [])
        yield {
            "event_id": e["event_id"],
            "event_date": e.get("date") or e.get("article_date"),
            "event_type": e["plover"],
            "event_mode": row.plover_mode if row is not None else None,
            "event_intensity": e["goldstein"],
            "quad_code": e["quad_class"],
            "contexts": sorted({contexts[t] for t in themes if t in contexts}),
            **_actor("actor", e, "source"),
            **_actor("recipient", e, "target"),
            **_place(e),
            "source": e.get("outlet") or e["source_id"],
            "publication_date": e.get("published_at") or e.get("article_date"),
            "language": e.get("language"),
            "version": __version__,
            "story_id": e["story_id"],
            "event_text": e["evidence"],
            "trigger": e["trigger"],
            "cameo": e["cameo"],
            "factuality": e["factuality"],
            "confidence": e["confidence"],
            "rule": e["rule"],
            "themes": themes,
            "article_id": e["article_id"],
            "url": e.get("url"),
            "n_articles": e["n_articles"],
            "n_sources": e["n_sources"],
            "n_mentions": e["n_mentions"],
        }


def _actor(role: str, e: dict[str, Any], side: str) -> dict[str, Any]:
    sector = e[f"{side}_sector"]
    return {
        f"{role}_name": e[f"{side}_name"],
        f"{role}_country": e[f"{side}_country"],
        f"primary_{role}_sector": sector,
        f"{role}_sectors": sector_parts(sector),
        f"{role}_name_raw": e[f"{side}_text"],
        f"{role}_code": e[side],
        f"{role}_id": e[f"{side}_entity"],
    }


def _place(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "placename": e.get("place"),
        "province": e.get("place_admin1"),
        "country": e.get("place_country"),
        "latitude": e.get("latitude"),
        "longitude": e.get("longitude"),
        "raw_placename": e.get("place_text"),
    }


def _json_default(value: object) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
