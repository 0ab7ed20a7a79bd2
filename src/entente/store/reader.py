"""Read queries over the store: events with filters, one article, dyad counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from entente.errors import EntenteError
from entente.store.database import Store

EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "source_id",
    "date",
    "source",
    "target",
    "source_name",
    "target_name",
    "cameo",
    "plover",
    "goldstein",
    "quad_class",
    "factuality",
    "confidence",
    "evidence",
    "trigger",
    "rule",
    "quote_id",
    "themes",
    "tone",
    "place",
    "place_country",
    "latitude",
    "longitude",
    "story_id",
    "n_articles",
    "n_sources",
    "n_mentions",
)

_EVENT_SQL = """
WITH ev AS (
    SELECT e.*, coalesce(s.story_id, e.article_id) AS story_id, a.source_id AS a_source_id
    FROM events e JOIN articles a USING (article_id)
    LEFT JOIN stories s USING (article_id)
    {where}
), reports AS (
    SELECT ev.story_id, left(ev.source_code, 3) AS sr, left(ev.target_code, 3) AS tr,
           ev.cameo_root, count(DISTINCT (g.article_id, g.origin)) AS n_articles,
           count(DISTINCT g.outlet) AS n_sources, count(*) AS n_mentions
    FROM ev LEFT JOIN sightings g USING (article_id) GROUP BY ALL
), ranked AS (
    SELECT ev.*, r.n_articles, r.n_sources, r.n_mentions,
           row_number() OVER (
               PARTITION BY ev.story_id, left(ev.source_code, 3), left(ev.target_code, 3),
                            ev.cameo_root
               ORDER BY ev.date NULLS LAST, ev.a_source_id, ev.trigger_start, ev.event_id
           ) AS report_rank
    FROM ev JOIN reports r ON r.story_id = ev.story_id AND r.sr = left(ev.source_code, 3)
         AND r.tr = left(ev.target_code, 3) AND r.cameo_root = ev.cameo_root
)
SELECT e.event_id, e.article_id, a.source_id, e.date,
       e.source_code AS source, e.target_code AS target, e.source_name, e.target_name,
       e.cameo, e.plover, e.goldstein, e.quad_class, e.factuality, e.confidence,
       substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence,
       substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) AS trigger,
       e.rule, e.quote_id, e.themes, e.tone, p.name AS place, p.country AS place_country,
       p.latitude, p.longitude, e.story_id, e.n_articles, e.n_sources, e.n_mentions,
       e.trigger_start, e.trigger_end
FROM ranked e JOIN articles a USING (article_id)
LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place_id
{story_where}
"""


@dataclass(frozen=True)
class EventFilter:
    dyad: str | None = None
    actor: str | None = None
    code: str | None = None
    since: str | None = None
    until: str | None = None
    include_all: bool = False
    limit: int | None = None
    every_report: bool = False  # each article's events, not each event once per story

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if not self.include_all:
            clauses.append("e.factuality = 'asserted'")
        if self.dyad:
            a, b = _dyad(self.dyad)
            clauses.append(
                "((e.source_country = ? OR left(e.source_code, 3) = ?) AND "
                "(e.target_country = ? OR left(e.target_code, 3) = ?) OR "
                "(e.source_country = ? OR left(e.source_code, 3) = ?) AND "
                "(e.target_country = ? OR left(e.target_code, 3) = ?))"
            )
            params += [a, a, b, b, b, b, a, a]
        if self.actor:
            code = self.actor.upper()
            clauses.append("(left(e.source_code, ?) = ? OR left(e.target_code, ?) = ?)")
            params += [len(code), code, len(code), code]
        if self.code:
            clauses.append("starts_with(e.cameo, ?)")
            params.append(self.code)
        _date_bounds("e.date", self.since, self.until, clauses, params)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def find_events(store: Store, filters: EventFilter) -> list[dict[str, Any]]:
    where, params = filters.where()
    story_where = "" if filters.every_report else "WHERE e.report_rank = 1"
    sql = (
        _EVENT_SQL.format(where=where, story_where=story_where)
        + " ORDER BY e.date NULLS LAST, a.source_id, e.trigger_start, e.event_id"
    )
    if filters.limit is not None:
        sql += f" LIMIT {int(filters.limit)}"
    rows = store.query(sql, params)
    for row in rows:
        row.pop("trigger_start")
        row.pop("trigger_end")
    return rows


@dataclass(frozen=True)
class ArticleView:
    """One stored article with what was found in it, each list in text order."""

    article: dict[str, Any]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    themes: list[dict[str, Any]]  # the article's themes, strongest first
    amounts: list[dict[str, Any]]
    places: list[dict[str, Any]]


def find_article(store: Store, ident: str) -> ArticleView | None:
    articles = store.query(
        "SELECT * FROM articles WHERE article_id = ? OR source_id = ? "
        "OR starts_with(article_id, ?) OR starts_with(source_id, ?) ORDER BY source_id LIMIT 2",
        [ident, ident, ident, ident],
    )
    if not articles:
        return None
    if len(articles) > 1 and ident not in (articles[0]["article_id"], articles[0]["source_id"]):
        raise EntenteError(f"{ident!r} matches several articles; give more of the id")
    article = articles[0]
    key = [article["article_id"]]
    sql = _EVENT_SQL.format(where="", story_where="WHERE e.article_id = ?")
    events = store.query(sql + " ORDER BY e.trigger_start", key)
    for n, event in enumerate(events, start=1):
        event["n"] = n

    def rows(sql: str) -> list[dict[str, Any]]:
        return store.query(sql, key)

    return ArticleView(
        article,
        events,
        rows("SELECT * FROM quotes WHERE article_id = ? ORDER BY start_char"),
        rows("SELECT * FROM article_themes WHERE article_id = ? ORDER BY weight DESC, theme"),
        rows("SELECT * FROM amounts WHERE article_id = ? ORDER BY start_char"),
        rows("SELECT * FROM places WHERE article_id = ? ORDER BY start_char"),
    )


QUOTE_COLUMNS = (
    "quote_id",
    "article_id",
    "source_id",
    "date",
    "text",
    "speaker",
    "speaker_code",
    "speaker_name",
    "targets",
    "tone",
    "rule",
)


@dataclass(frozen=True)
class QuoteFilter:
    """``speaker``: a name as written or the speaker's canonical name, or an actor code
    (``USAGOV``, ``IND``: a prefix); ``about``: a country or body the quotation is about."""

    speaker: str | None = None
    about: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.speaker:
            who = self.speaker.strip()
            clauses.append(
                "(lower(q.speaker_name) = lower(?) OR lower(q.speaker_text) = lower(?)"
                " OR (upper(?) = ? AND starts_with(q.speaker_code, ?)))"
            )
            params += [who, who, who, who, who]
        if self.about:
            clauses.append("list_contains(q.targets, ?)")
            params.append(self.about.strip().upper())
        _date_bounds("a.date", self.since, self.until, clauses, params)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def find_quotes(store: Store, filters: QuoteFilter) -> list[dict[str, Any]]:
    """Quotations with their speakers, the countries they are about and their tone."""
    where, params = filters.where()
    sql = (
        "SELECT q.quote_id, q.article_id, a.source_id, a.date, q.text,"
        " q.speaker_text AS speaker, q.speaker_code, q.speaker_name, q.targets, q.tone, q.rule"
        " FROM quotes q JOIN articles a USING (article_id)"
        + where
        + " ORDER BY a.date NULLS LAST, a.source_id, q.start_char"
    )
    if filters.limit is not None:
        sql += f" LIMIT {int(filters.limit)}"
    return store.query(sql, params)


def dyad_counts(store: Store) -> list[dict[str, Any]]:
    """Asserted events per undirected pair of countries or bodies."""
    return store.query(
        """
        SELECT least(left(source_code, 3), left(target_code, 3)) || '-' ||
               greatest(left(source_code, 3), left(target_code, 3)) AS dyad,
               count(*) AS n_events,
               count(*) FILTER (WHERE quad_class <= 2) AS cooperative,
               count(*) FILTER (WHERE quad_class >= 3) AS conflictual,
               avg(goldstein) AS goldstein_mean
        FROM events WHERE factuality = 'asserted'
        GROUP BY dyad ORDER BY n_events DESC, dyad
        """
    )


def _dyad(text: str) -> tuple[str, str]:
    parts = [p.strip().upper() for p in text.replace("–", "-").split("-")]
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise EntenteError(f"--dyad {text!r}: expected two three-letter codes such as IND-USA")
    return parts[0], parts[1]


def _date_bounds(
    column: str, since: str | None, until: str | None, clauses: list[str], params: list[Any]
) -> None:
    """Add an inclusive date range on ``column`` to a filter's clauses."""
    for bound, op in ((since, ">="), (until, "<=")):
        if bound:
            clauses.append(f"{column} {op} ?")
            params.append(_date(bound))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise EntenteError(f"{text!r} is not a date (YYYY-MM-DD)") from None
