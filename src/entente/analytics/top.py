"""Top events and quotations of a dyad in a period, each with its evidence sentence.

Events are ranked by weight, |Goldstein|, then by the number of articles that reported
them, then by date. Quotations are those whose speaker belongs to one side and that are
about the other; they are ranked by the heaviest event coded from them (|Goldstein|, 0 when
none), then by the strength of their tone, |tone|.
"""

from __future__ import annotations

from typing import Any

from entente.analytics.base import BASE_SQL, EVIDENCE_SQL, Scope, actor_code, date_where
from entente.store.database import Store

TOP_EVENT_COLUMNS = (
    "date",
    "source",
    "target",
    "cameo",
    "quad_class",
    "goldstein",
    "n_reports",
    "source_id",
    "evidence",
    "event_id",
)


def top_events(
    store: Store, scope: Scope, *, limit: int = 10, sign: int = 0
) -> list[dict[str, Any]]:
    """``sign`` 1 keeps cooperative events (quad 1-2), -1 conflictual ones, 0 both."""
    where, params = scope.where("b")
    if sign > 0:
        where += " AND b.quad_class <= 2"
    elif sign < 0:
        where += " AND b.quad_class >= 3"
    sql = f"""
    WITH base AS ({BASE_SQL})
    SELECT b.date, b.source_code AS source, b.target_code AS target, b.cameo, b.quad_class,
           b.goldstein, b.n_reports, a.source_id,
           {EVIDENCE_SQL} AS evidence, b.event_id
    FROM base b JOIN articles a USING (article_id) WHERE {where}
    ORDER BY abs(b.goldstein) DESC, b.n_reports DESC, b.date, b.event_id
    LIMIT {int(limit)}
    """
    return store.query(sql, params)


def top_quotes(store: Store, scope: Scope, *, limit: int = 10) -> list[dict[str, Any]]:
    a, b = actor_code(scope.a or ""), actor_code(scope.b or "")
    pairs = [(a, b)] if scope.directed else [(a, b), (b, a)]
    sides = " OR ".join(
        "(starts_with(q.speaker_code, ?) AND list_contains(q.targets, ?))" for _ in pairs
    )
    params: list[Any] = [code for pair in pairs for code in pair]
    dates, more = date_where("ar.date", scope.since, scope.until)
    sql = f"""
    SELECT ar.date, q.speaker_name, q.speaker_code, q.targets, q.text, q.tone, ar.source_id,
           coalesce((SELECT max(abs(e.goldstein)) FROM events e
                     WHERE e.article_id = q.article_id AND e.quote_id = q.quote_id
                       AND e.factuality = 'asserted'), 0.0) AS weight,
           substr(ar.text, s.start_char + 1, s.end_char - s.start_char) AS evidence,
           q.quote_id
    FROM quotes q JOIN articles ar USING (article_id)
    LEFT JOIN sentences s ON s.article_id = q.article_id
         AND s.start_char <= q.start_char AND q.start_char < s.end_char
    WHERE ({sides}) AND {dates}
    ORDER BY weight DESC, abs(coalesce(q.tone, 0)) DESC, ar.date, q.quote_id
    LIMIT {int(limit)}
    """
    return store.query(sql, params + more)
