"""The events stage: code each sentence's triggers into CAMEO/PLOVER events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from entente.actors.resolve import is_codable
from entente.events.factuality import Cues, classify, compile_cues
from entente.events.ontology import Ontology, load_ontology
from entente.events.patterns import Match, compile_patterns
from entente.events.roles import Context, find_after, find_object, find_subject
from entente.lexicons.lexicon import Lexicon
from entente.lexicons.schema import PatternEntry, RoleAfter
from entente.model import (
    Actor,
    Analysis,
    Event,
    Mention,
    Provenance,
    Sentence,
    SentenceKind,
    Span,
    make_id,
)

LAYER = "events"
_SKIPPED = (SentenceKind.META, SentenceKind.DATELINE)
_RIGHT_SUBJECT_PENALTY = 0.85
_RECIPROCAL_PENALTY = 0.9

Pair = tuple[Mention, Actor, Mention, Actor]


def analyze_events(analysis: Analysis, lexicon: Lexicon) -> Analysis:
    """Add the coded events of every sentence."""
    analysis.require("text", "actors", "quotes", "coref")
    events: dict[str, Event] = {}
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in analysis.mentions:
        if m.actors:
            by_sentence[m.sentence].append(m)
    for sentence in analysis.sentences:
        if sentence.kind in _SKIPPED or sentence.index not in by_sentence:
            continue
        for event in code_sentence(analysis, sentence, tuple(by_sentence[sentence.index]), lexicon):
            events.setdefault(event.event_id, event)
    return analysis.with_layer(LAYER, events=tuple(events.values()))


def code_sentence(
    analysis: Analysis, sentence: Sentence, mentions: tuple[Mention, ...], lexicon: Lexicon
) -> Iterator[Event]:
    """Every event of one sentence (given its resolved mentions), one per source–target
    pair of each trigger."""
    ctx = Context(
        analysis.tokens, sentence.token_start, sentence.token_end, mentions, lexicon.grammar
    )
    ontology = load_ontology(lexicon)
    cues = compile_cues(lexicon)
    for match in compile_patterns(lexicon).find(analysis.tokens, ctx.start, ctx.end):
        pairs, confidence = _pairs(ctx, match)
        for source_m, source, target_m, target in pairs:
            yield _event(
                analysis,
                sentence,
                match,
                ontology,
                cues,
                source_m,
                source,
                target_m,
                target,
                confidence,
            )


def _pairs(ctx: Context, match: Match) -> tuple[list[Pair], float]:
    p = match.trigger.pattern
    confidence = p.confidence
    between = _between(ctx, match) if match.trigger.nominal else []
    if len(between) >= 2:
        return _reciprocal(between), confidence
    sources = _role(ctx, match, p.source)
    if not sources:
        return [], confidence
    if sources[0].token_start >= match.end:
        confidence *= _RIGHT_SUBJECT_PENALTY
    targets = [] if p.target == "none" else _role(ctx, match, p.target)
    if not targets:
        return _reciprocal(sources), confidence * _RECIPROCAL_PENALTY
    pairs = [
        (s, sa, t, ta)
        for s in sources
        for sa in s.actors
        for t in targets
        for ta in t.actors
        if _codable_pair(sa, ta)
    ]
    return pairs, confidence


def _role(ctx: Context, match: Match, spec: str | RoleAfter) -> list[Mention]:
    if isinstance(spec, RoleAfter):
        return find_after(ctx, match.end, spec.after)
    if spec == "object":
        return find_object(ctx, match.end)
    if spec == "subject":
        return find_subject(ctx, match.start, match.end)
    return []


def _between(ctx: Context, match: Match) -> list[Mention]:
    for k in range(match.end, min(ctx.end, match.end + 3)):
        if ctx.tokens[k].norm == "between":
            return find_after(ctx, k, ("between",))
    return []


def _reciprocal(mentions: list[Mention]) -> list[Pair]:
    """Events both ways between every two parties of a compound (``X and Y met``)."""
    parties = [(m, a) for m in mentions for a in m.actors]
    return [
        (sm, sa, tm, ta)
        for sm, sa in parties
        for tm, ta in parties
        if sa is not ta and _codable_pair(sa, ta)
    ]


def _codable_pair(source: Actor, target: Actor) -> bool:
    return is_codable(source) and is_codable(target) and source.root != target.root


def _event(
    analysis: Analysis,
    sentence: Sentence,
    match: Match,
    ontology: Ontology,
    cues: Cues,
    source_m: Mention,
    source: Actor,
    target_m: Mention,
    target: Actor,
    confidence: float,
) -> Event:
    tokens = analysis.tokens
    trigger = Span(tokens[match.start].span.start, tokens[match.end - 1].span.end)
    cameo = _refine(match.trigger.pattern, analysis, sentence, match.end)
    code = ontology.code(cameo)
    factuality = classify(tokens, sentence.token_start, sentence.token_end, match.start, cues)
    quote = next((q.quote_id for q in analysis.quotes if q.span.contains(trigger)), None)
    return Event(
        event_id=make_id(
            "e",
            analysis.article.article_id,
            trigger.start,
            trigger.end,
            source.code,
            source.entity_id,
            target.code,
            target.entity_id,
            cameo,
        ),
        article_id=analysis.article.article_id,
        date=analysis.date,
        sentence=sentence.index,
        source=source,
        target=target,
        source_span=source_m.span,
        target_span=target_m.span,
        cameo=cameo,
        plover=code.plover,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        factuality=factuality,
        confidence=round(confidence, 3),
        trigger=trigger,
        evidence=sentence.span,
        provenance=Provenance(LAYER, match.trigger.pattern.id),
        quote_id=quote,
    )


def _refine(pattern: PatternEntry, analysis: Analysis, sentence: Sentence, after: int) -> str:
    if not pattern.refine:
        return pattern.cameo
    words = {t.norm for t in analysis.tokens[after : sentence.token_end]}
    for rule in pattern.refine:
        if words.intersection(rule.words):
            return rule.cameo
    return pattern.cameo
