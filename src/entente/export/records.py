"""The events an export writes: each event once per story (with its story's counts, as
``entente events`` lists them), joined with what the exports need besides: the actors'
countries and sectors, the words the article used for them, the article's address and
tone, the event's place and whether it sits in the article's lead paragraph."""

from __future__ import annotations

from typing import Any

from entente.store.database import Store
from entente.store.reader import EventFilter, find_events

_DETAIL_SQL = """
SELECT e.event_id, e.sentence, e.cameo_root,
       e.source_country, e.source_sector, e.source_entity,
       e.target_country, e.target_sector, e.target_entity,
       substr(a.text, e.source_start + 1, e.source_end - e.source_start) AS source_text,
       substr(a.text, e.target_start + 1, e.target_end - e.target_start) AS target_text,
       a.url, a.outlet, a.title, a.language, a.published_at, a.date AS article_date,
       a.tone AS article_tone, p.admin1 AS place_admin1, p.text AS place_text,
       s.paragraph = (
           SELECT min(b.paragraph) FROM sentences b
           WHERE b.article_id = e.article_id AND b.kind = 'body'
       ) AS is_lead
FROM events e JOIN articles a USING (article_id)
LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place_id
LEFT JOIN sentences s ON s.article_id = e.article_id AND s.sentence = e.sentence
"""


def export_events(store: Store, *, include_all: bool = False) -> list[dict[str, Any]]:
    """Asserted events (every factuality with ``include_all``), once per story, in date
    order, each row the ``entente events`` columns plus the details above."""
    rows = find_events(store, EventFilter(include_all=include_all))
    details = {row["event_id"]: row for row in store.query(_DETAIL_SQL)}
    return [{**details[row["event_id"]], **row} for row in rows]


def sector_parts(sector: str | None) -> list[str]:
    """A CAMEO sector code in its 3-letter parts (``GOVMIL`` → ``GOV``, ``MIL``)."""
    return [sector[i : i + 3] for i in range(0, len(sector), 3)] if sector else []
