"""The actors stage: every actor mention of an article, resolved on its date.

Pronouns are left pending here and resolved by :mod:`entente.actors.coref` once the
quotation layer has named the speakers. ``both sides`` and its kin are resolved here to
the two countries last named.
"""

from __future__ import annotations

from dataclasses import replace

from entente.actors.compose import Composed, Composer
from entente.actors.detect import find_candidates
from entente.lexicons.lexicon import Lexicon
from entente.model import Analysis, Mention, MentionKind, Provenance, SentenceKind, Span, make_id

LAYER = "actors"
_SKIPPED = (SentenceKind.META, SentenceKind.DATELINE)


def analyze_actors(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """Add actor mentions (pronouns pending)."""
    analysis.require("text")
    composer = Composer(lexicon, analysis.tokens, analysis.date)
    seen: list[str] = []
    mentions: list[Mention] = []
    for sentence in analysis.sentences:
        if sentence.kind in _SKIPPED:
            continue
        cands = find_candidates(analysis.tokens, sentence.token_start, sentence.token_end, lexicon)
        for composed in composer.compose(cands):
            if composed.pending and composed.pending.startswith("pair:"):
                composed = _resolve_pair(composed, seen, lexicon)
            mentions.append(_to_mention(analysis, composed, sentence.index))
            if composed.kind is not MentionKind.ADJECTIVE:
                seen.extend(a.country for a in composed.actors if a.country)
    return analysis.with_layer(LAYER, mentions=tuple(mentions))


def _resolve_pair(composed: Composed, seen: list[str], lexicon: Lexicon) -> Composed:
    """``both sides``: the two distinct countries named last."""
    pair: list[str] = []
    for country in reversed(seen):
        if country not in pair:
            pair.append(country)
        if len(pair) == 2:
            break
    if len(pair) < 2:
        return composed
    sector = (composed.pending or "pair:").split(":", 1)[1] or "GOV"
    actors = tuple(lexicon.country_actor(code, sector) for code in reversed(pair))
    return replace(composed, actors=actors, pending=None)


def _to_mention(analysis: Analysis, composed: Composed, sentence: int) -> Mention:
    first = analysis.tokens[composed.start]
    last = analysis.tokens[composed.end - 1]
    span = Span(first.span.start, last.span.end)
    kind = MentionKind.PRONOUN if composed.pending == "pronoun" else composed.kind
    return Mention(
        mention_id=make_id("m", analysis.article.article_id, span.start, span.end),
        span=span,
        text=span.text_of(analysis.text),
        sentence=sentence,
        token_start=composed.start,
        token_end=composed.end,
        actors=composed.actors,
        kind=kind,
        provenance=Provenance(LAYER, composed.rule),
    )
