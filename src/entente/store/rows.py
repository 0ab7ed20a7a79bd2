"""Records to table rows: an article's ``articles`` row as a dictionary, the rows of
every other table as tuples in the order of that table's :data:`COLUMNS` (the store
inserts them column by column, by name)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from mypy_extensions import mypyc_attr

from entente.dedup import StoryLink
from entente.dedup.library import Signature
from entente.enrich.themes import article_themes, event_themes
from entente.enrich.tone import article_tone, event_tone
from entente.model import Analysis, Article, Event

ArticleRow = dict[str, Any]
Row = tuple[Any, ...]

_ROLE = ("code", "country", "sector", "entity", "name", "start", "end")

# the columns of every table but ``articles``, in the order of its rows' values
COLUMNS: dict[str, tuple[str, ...]] = {
    "sentences": (
        "article_id", "sentence", "start_char", "end_char", "kind", "paragraph", "tone"
    ),
    "mentions": (
        "mention_id", "article_id", "sentence", "start_char", "end_char", "text", "kind",
        "codes", "entity_ids", "rule",
    ),
    "quotes": (
        "quote_id", "article_id", "start_char", "end_char", "text", "speaker_text",
        "speaker_code", "speaker_name", "targets", "tone", "speaker_entity", "speaker_start",
        "speaker_end", "rule",
    ),
    "events": (
        "event_id", "article_id", "sentence", "date",
        *(f"source_{c}" for c in _ROLE), *(f"target_{c}" for c in _ROLE),
        "cameo", "cameo_root", "plover", "goldstein", "quad_class", "factuality",
        "confidence", "trigger_start", "trigger_end", "evidence_start", "evidence_end",
        "rule", "quote_id", "place_id", "themes", "tone",
    ),
    "amounts": (
        "amount_id", "article_id", "sentence", "start_char", "end_char", "text", "value",
        "unit", "event_id", "theme", "rule",
    ),
    "places": (
        "place_id", "article_id", "sentence", "start_char", "end_char", "text", "name",
        "country", "admin1", "latitude", "longitude", "dateline", "rule",
    ),
    "time_refs": (
        "article_id", "sentence", "start_char", "end_char", "text", "date", "precision",
        "rule",
    ),
    "themes": ("article_id", "sentence", "theme", "score", "rule"),
    "article_themes": ("article_id", "theme", "weight"),
    "stories": ("story_id", "article_id", "signature"),
    "sightings": ("article_id", "outlet", "origin", "url"),
}  # fmt: skip


def article_row(a: Analysis) -> ArticleRow:
    art = a.article
    return {
        "article_id": art.article_id,
        "source_id": art.source_id,
        "origin": art.origin,
        "title": art.title,
        "url": art.url,
        "date": a.date,
        "dateline_place": a.dateline.place if a.dateline else None,
        "dateline_country": a.dateline.country if a.dateline else None,
        "text": art.text,
        "n_sentences": len(a.sentences),
        "n_mentions": len(a.mentions),
        "n_quotes": len(a.quotes),
        "n_events": len(a.events),
        "tone": round(article_tone(a), 4) if a.tones else None,
        "outlet": art.outlet,
        "author": art.author,
        "published_at": art.published_at.astimezone(dt.UTC) if art.published_at else None,
        "language": art.language,
    }


def story_row(link: StoryLink) -> Row:
    return (link.story_id, link.article_id, list(link.signature))


def sentence_rows(a: Analysis) -> list[Row]:
    aid, tones = a.article.article_id, a.tones
    n = len(tones)
    return [
        (
            aid, s.index, s.span.start, s.span.end, s.kind.value, s.paragraph,
            tones[s.index] if s.index < n else None,
        )
        for s in a.sentences
    ]  # fmt: skip


def mention_rows(a: Analysis) -> list[Row]:
    aid = a.article.article_id
    return [
        (
            m.mention_id, aid, m.sentence, m.span.start, m.span.end, m.text, m.kind.value,
            [x.code for x in m.actors], [x.entity_id or "" for x in m.actors],
            m.provenance.rule,
        )
        for m in a.mentions
    ]  # fmt: skip


def quote_rows(a: Analysis) -> list[Row]:
    aid = a.article.article_id
    rows = []
    for q in a.quotes:
        sp, span = q.speaker, q.speaker_span
        rows.append(
            (
                q.quote_id, aid, q.span.start, q.span.end, q.text, q.speaker_text,
                sp.code if sp else None, sp.name if sp else None, list(q.targets), q.tone,
                sp.entity_id if sp else None, span.start if span else None,
                span.end if span else None, q.provenance.rule,
            )
        )  # fmt: skip
    return rows


def event_rows(a: Analysis) -> list[Row]:
    tones = a.tones
    return [
        (*event_row(e), list(event_themes(a, e)), event_tone(a, e) if tones else None)
        for e in a.events
    ]


def event_row(e: Event) -> Row:
    """An event's values in the order of ``COLUMNS["events"]`` up to ``place_id`` (its
    themes and tone need the analysis)."""
    s, t, ss, ts = e.source, e.target, e.source_span, e.target_span
    return (
        e.event_id, e.article_id, e.sentence, e.date,
        s.code, s.country, s.sector, s.entity_id, s.name,
        ss.start if ss else None, ss.end if ss else None,
        t.code, t.country, t.sector, t.entity_id, t.name,
        ts.start if ts else None, ts.end if ts else None,
        e.cameo, e.cameo_root, e.plover, e.goldstein, e.quad_class, e.factuality.value,
        e.confidence, e.trigger.start, e.trigger.end, e.evidence.start, e.evidence.end,
        e.provenance.rule, e.quote_id, e.place_id,
    )  # fmt: skip


def theme_rows(a: Analysis) -> list[Row]:
    aid = a.article.article_id
    return [(aid, t.sentence, t.theme, t.score, t.provenance.rule) for t in a.themes]


def article_theme_rows(a: Analysis) -> list[Row]:
    aid = a.article.article_id
    return [(aid, theme, weight) for theme, weight in article_themes(a)]


def place_rows(a: Analysis) -> list[Row]:
    aid = a.article.article_id
    return [
        (
            p.place_id, aid, p.sentence, p.span.start, p.span.end, p.text, p.name, p.country,
            p.admin1, p.latitude, p.longitude, p.dateline, p.provenance.rule,
        )
        for p in a.places
    ]  # fmt: skip


def time_ref_rows(a: Analysis) -> list[Row]:
    aid = a.article.article_id
    return [
        (
            aid, t.sentence, t.span.start, t.span.end, t.text, t.date, t.precision.value,
            t.provenance.rule,
        )
        for t in a.time_refs
    ]  # fmt: skip


def amount_rows(a: Analysis) -> list[Row]:
    aid = a.article.article_id
    return [
        (
            n.amount_id, aid, n.sentence, n.span.start, n.span.end, n.text, n.value, n.unit,
            n.event_id, n.theme, n.provenance.rule,
        )
        for n in a.amounts
    ]  # fmt: skip


TABLE_ROWS = {
    "sentences": sentence_rows,
    "mentions": mention_rows,
    "quotes": quote_rows,
    "events": event_rows,
    "amounts": amount_rows,
    "places": place_rows,
    "time_refs": time_ref_rows,
    "themes": theme_rows,
    "article_themes": article_theme_rows,
}


@mypyc_attr(native_class=False)  # compiled, a frozen class must still pickle
@dataclass(frozen=True, slots=True)
class Coded:
    """An article's analysis as the rows the store writes (``articles``: one
    :data:`ArticleRow`; every table of ``TABLE_ROWS``: tuples in the order of its
    :data:`COLUMNS`), with the counts a run reports and, where a worker computed it, its
    near-duplicate signature. This is what a worker process sends back: a few kB, where
    the whole Analysis with its tokens is tens and takes longer to unpickle than to
    write."""

    article: Article
    rows: dict[str, list[Any]]
    events: int
    asserted: int
    quotes: int
    signature: Signature | None = None


def coded(a: Analysis, signature: Signature | None = None) -> Coded:
    rows: dict[str, list[Any]] = {"articles": [article_row(a)]}
    for name, to_rows in TABLE_ROWS.items():
        rows[name] = to_rows(a)
    return Coded(
        a.article,
        rows,
        len(a.events),
        sum(1 for e in a.events if e.is_asserted),
        len(a.quotes),
        signature,
    )
