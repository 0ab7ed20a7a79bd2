"""Records to table rows (column order matches ``schema/*.sql``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from entente.dedup import StoryLink
from entente.dedup.library import Signature
from entente.enrich.themes import article_themes, event_themes
from entente.enrich.tone import article_tone, event_tone
from entente.model import Analysis, Article, Event

Row = dict[str, Any]


def article_row(a: Analysis) -> Row:
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
    return {
        "story_id": link.story_id,
        "article_id": link.article_id,
        "signature": list(link.signature),
    }


def sentence_rows(a: Analysis) -> Iterable[Row]:
    for s in a.sentences:
        yield {
            "article_id": a.article.article_id,
            "sentence": s.index,
            "start_char": s.span.start,
            "end_char": s.span.end,
            "kind": s.kind.value,
            "paragraph": s.paragraph,
            "tone": a.tones[s.index] if s.index < len(a.tones) else None,
        }


def mention_rows(a: Analysis) -> Iterable[Row]:
    for m in a.mentions:
        yield {
            "mention_id": m.mention_id,
            "article_id": a.article.article_id,
            "sentence": m.sentence,
            "start_char": m.span.start,
            "end_char": m.span.end,
            "text": m.text,
            "kind": m.kind.value,
            "codes": [x.code for x in m.actors],
            "entity_ids": [x.entity_id or "" for x in m.actors],
            "rule": m.provenance.rule,
        }


def quote_rows(a: Analysis) -> Iterable[Row]:
    for q in a.quotes:
        yield {
            "quote_id": q.quote_id,
            "article_id": a.article.article_id,
            "start_char": q.span.start,
            "end_char": q.span.end,
            "text": q.text,
            "speaker_text": q.speaker_text,
            "speaker_code": q.speaker.code if q.speaker else None,
            "speaker_name": q.speaker.name if q.speaker else None,
            "targets": list(q.targets),
            "tone": q.tone,
            "speaker_entity": q.speaker.entity_id if q.speaker else None,
            "speaker_start": q.speaker_span.start if q.speaker_span else None,
            "speaker_end": q.speaker_span.end if q.speaker_span else None,
            "rule": q.provenance.rule,
        }


def event_rows(a: Analysis) -> Iterable[Row]:
    for e in a.events:
        row = event_row(e)
        row["themes"] = list(event_themes(a, e))
        row["tone"] = event_tone(a, e) if a.tones else None
        yield row


def theme_rows(a: Analysis) -> Iterable[Row]:
    for t in a.themes:
        yield {
            "article_id": a.article.article_id,
            "sentence": t.sentence,
            "theme": t.theme,
            "score": t.score,
            "rule": t.provenance.rule,
        }


def article_theme_rows(a: Analysis) -> Iterable[Row]:
    for theme, weight in article_themes(a):
        yield {"article_id": a.article.article_id, "theme": theme, "weight": weight}


def event_row(e: Event) -> Row:
    row: Row = {
        "event_id": e.event_id,
        "article_id": e.article_id,
        "sentence": e.sentence,
        "date": e.date,
    }
    for role, actor, span in (
        ("source", e.source, e.source_span),
        ("target", e.target, e.target_span),
    ):
        row |= {
            f"{role}_code": actor.code,
            f"{role}_country": actor.country,
            f"{role}_sector": actor.sector,
            f"{role}_entity": actor.entity_id,
            f"{role}_name": actor.name,
            f"{role}_start": span.start if span else None,
            f"{role}_end": span.end if span else None,
        }
    row |= {
        "cameo": e.cameo,
        "cameo_root": e.cameo_root,
        "plover": e.plover,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "factuality": e.factuality.value,
        "confidence": e.confidence,
        "trigger_start": e.trigger.start,
        "trigger_end": e.trigger.end,
        "evidence_start": e.evidence.start,
        "evidence_end": e.evidence.end,
        "rule": e.provenance.rule,
        "quote_id": e.quote_id,
        "place_id": e.place_id,
    }
    return row


def place_rows(a: Analysis) -> Iterable[Row]:
    for p in a.places:
        yield {
            "place_id": p.place_id,
            "article_id": a.article.article_id,
            "sentence": p.sentence,
            "start_char": p.span.start,
            "end_char": p.span.end,
            "text": p.text,
            "name": p.name,
            "country": p.country,
            "admin1": p.admin1,
            "latitude": p.latitude,
            "longitude": p.longitude,
            "dateline": p.dateline,
            "rule": p.provenance.rule,
        }


def time_ref_rows(a: Analysis) -> Iterable[Row]:
    for t in a.time_refs:
        yield {
            "article_id": a.article.article_id,
            "sentence": t.sentence,
            "start_char": t.span.start,
            "end_char": t.span.end,
            "text": t.text,
            "date": t.date,
            "precision": t.precision.value,
            "rule": t.provenance.rule,
        }


def amount_rows(a: Analysis) -> Iterable[Row]:
    for n in a.amounts:
        yield {
            "amount_id": n.amount_id,
            "article_id": a.article.article_id,
            "sentence": n.sentence,
            "start_char": n.span.start,
            "end_char": n.span.end,
            "text": n.text,
            "value": n.value,
            "unit": n.unit,
            "event_id": n.event_id,
            "theme": n.theme,
            "rule": n.provenance.rule,
        }


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


@dataclass(frozen=True, slots=True)
class Coded:
    """An article's analysis as the rows the store writes (``articles`` and every table
    of ``TABLE_ROWS``), with the counts a run reports and, where a worker computed it,
    its near-duplicate signature. This is what a worker process sends back: a few kB,
    where the whole Analysis with its tokens is tens and takes longer to unpickle than
    to write."""

    article: Article
    rows: dict[str, list[Row]]
    events: int
    asserted: int
    quotes: int
    signature: Signature | None = None


def coded(a: Analysis, signature: Signature | None = None) -> Coded:
    rows = {"articles": [article_row(a)]}
    rows |= {name: list(to_rows(a)) for name, to_rows in TABLE_ROWS.items()}
    return Coded(
        a.article,
        rows,
        len(a.events),
        sum(1 for e in a.events if e.is_asserted),
        len(a.quotes),
        signature,
    )
