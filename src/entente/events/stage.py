"""The events stage: code each sentence's triggers into CAMEO/PLOVER events.

Beyond the roles of ``roles.py``, the stage reads:

* the passive (``was detained by``, ``a ceremony hosted by``): the agent is the source and
  the subject the target; a passive with no agent names no source and codes nothing;
* nominal triggers: a ``by`` agent or a qualifying actor (``the US strikes``) is the
  source, ``between X and Y`` makes the event reciprocal;
* a clause hanging on a noun that stands for the action just reported (``a move Seoul
  condemned``) targets that action's actor;
* an act stated as future is coded as the intent (03) or threat (13) it expresses, and a
  refused cooperative act as the rejection (12) it is; both are then asserted;
* within a country, events are coded between the state and non-state actors (security
  forces and protesters), not between a state and its own government.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from entente.actors.resolve import is_codable
from entente.events.factuality import Cues, classify, compile_cues
from entente.events.ontology import Ontology, load_ontology
from entente.events.patterns import Match, compile_patterns
from entente.events.roles import (
    Context,
    find_after,
    find_agent,
    find_main_subject,
    find_object,
    find_qualifier,
    find_speaker,
    find_subject,
    shares_subject,
)
from entente.lexicons.lexicon import Lexicon
from entente.lexicons.schema import PatternEntry, Recoding, RoleAfter
from entente.model import (
    Actor,
    Analysis,
    Event,
    Factuality,
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
_STATE_SECTORS = frozenset({None, "GOV", "MIL", "SPY", "JUD", "LEG", "POL"})
_INTENT_ROOTS = ("03", "13")  # a future intent or threat is already what it says
_NO_RECODING = Recoding()  # "a planned summit" states no intent: it stays future
_NOUN_MARKERS = frozenset({"a", "an", "the", "'s", "this", "that", "its", "their", "his", "her"})
_JOINT_ROOTS = frozenset({"03", "04", "05", "06"})  # what parties do together
_OWN_ACT_ROOTS = frozenset({"17", "18", "19", "20"})  # coercion and violence

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
    events: list[Event] = []
    antecedent: list[Mention] = []
    last_quad = 0
    for match in compile_patterns(lexicon).find(analysis.tokens, ctx.start, ctx.end):
        quad = ontology.code(match.trigger.pattern.cameo).quad_class
        if (
            _adjectival(ctx, match)
            or _noun_reading(ctx, match)
            or (quad == last_quad == 4 and _elaborates(ctx, match))
        ):
            continue
        pairs, confidence = _pairs(ctx, match, antecedent)
        if pairs:
            antecedent = _sources(pairs)
            last_quad = quad
        for pair in pairs:
            events.append(
                _event(
                    analysis, sentence, match, ontology, cues, lexicon.recoding, pair, confidence
                )
            )
    yield from _without_generic_duplicates(events)


def _pairs(ctx: Context, match: Match, antecedent: list[Mention]) -> tuple[list[Pair], float]:
    p = match.trigger.pattern
    confidence = p.confidence
    nominal = match.trigger.nominal
    if nominal:
        between = _between(ctx, match)
        if len(between) >= 2:
            return _reciprocal(between), confidence
    passive = _passive(ctx, match)
    if passive is not None:
        agents = find_agent(ctx, match.end)
        if agents:
            patients = [] if p.target == "object" else _role(ctx, match, p.target)
            if not patients:
                patients = (
                    antecedent
                    if _refers_back(ctx, passive)
                    else find_subject(ctx, passive, match.end)
                )
            return _cross(agents, patients), confidence
        if passive < match.head:  # "was detained": no agent, no source
            return [], confidence
    sources: list[Mention] = []
    if nominal and p.source == "subject":
        sources = find_agent(ctx, match.end) or find_qualifier(ctx, match.start)
        if not sources and p.cameo[:2] in _OWN_ACT_ROOTS and not _after_light_verb(ctx, match):
            return [], confidence  # "condemned the killing of": not the subject's act
    elif p.source == "subject" and shares_subject(ctx, match.start):
        sources = antecedent or find_main_subject(ctx, match.start)
    if not sources:
        sources = _role(ctx, match, p.source)
    if not sources:
        return [], confidence
    if sources[0].token_start >= match.end:
        confidence *= _RIGHT_SUBJECT_PENALTY
    targets = [] if p.target == "none" else _role(ctx, match, p.target)
    if not targets and p.target == "object" and _refers_back(ctx, sources[0].token_start):
        targets = antecedent
    if not targets:
        if not _is_reciprocal(p):
            return [], confidence
        return _reciprocal(sources), confidence * _RECIPROCAL_PENALTY
    return _cross(sources, targets), confidence


def _is_reciprocal(p: PatternEntry) -> bool:
    return p.reciprocal if p.reciprocal is not None else p.cameo[:2] in _JOINT_ROOTS


def _adjectival(ctx: Context, match: Match) -> bool:
    """A past participle opening a noun phrase (``ousted president Assad``, ``the detained
    reporter``) describes, it does not report."""
    if not match.trigger.participle or match.trigger.nominal:
        return False
    k = match.start - 1
    opens = k < ctx.start or ctx.tokens[k].norm in ctx.grammar.determiners
    return opens and match.end < ctx.end and ctx.tokens[match.end].norm.isalpha()


def _elaborates(ctx: Context, match: Match) -> bool:
    """``..., killing at least 12 people``: a participle clause after a violent event tells
    its toll, not another event."""
    k = match.start - 1
    return (
        k >= ctx.start and ctx.tokens[k].norm == "," and ctx.tokens[match.head].norm.endswith("ing")
    )


def _after_light_verb(ctx: Context, match: Match) -> bool:
    """Whether a light verb (``launched``, ``carried out``) governs the nominal trigger,
    a few modifier words before it."""
    g = ctx.grammar
    for k in range(match.start - 1, max(ctx.start, match.start - 5) - 1, -1):
        word = ctx.tokens[k].norm
        if word in g.light_verbs:
            return True
        if word in g.prepositions or not (word.isalnum() or word == "-"):
            return False
    return False


def _role(ctx: Context, match: Match, spec: str | RoleAfter) -> list[Mention]:
    if isinstance(spec, RoleAfter):
        return find_after(ctx, match.end, spec.after)
    if spec == "object":
        last = match.trigger.words[-1]
        own = last if last in ctx.grammar.prepositions else None
        verb_end = match.head + len(match.trigger.words)
        if verb_end < match.end:  # "summoned Japan's ambassador", "burned Chinese flags"
            inner = find_object(ctx, verb_end, own)
            if inner and inner[0].token_end <= match.end:
                return inner
        return find_object(ctx, match.end, own)
    if spec == "subject":
        return find_subject(ctx, match.start, match.end)
    if spec == "speaker":
        return find_speaker(ctx, match.start)
    return []


def _cross(sources: list[Mention], targets: list[Mention]) -> list[Pair]:
    return [
        (s, sa, t, ta)
        for s in sources
        for sa in s.actors
        for t in targets
        for ta in t.actors
        if _codable_pair(sa, ta)
    ]


def _sources(pairs: list[Pair]) -> list[Mention]:
    seen: dict[int, Mention] = {}
    for source_m, _, _, _ in pairs:
        seen.setdefault(source_m.token_start, source_m)
    return list(seen.values())


def _passive(ctx: Context, match: Match) -> int | None:
    """Where the passive verb group of a past-form trigger starts (``was`` in ``was
    detained``), or the trigger itself for a reduced passive followed by ``by``; ``None``
    for the active voice. Only patterns whose source is the subject can turn."""
    p = match.trigger.pattern
    if not match.trigger.participle or p.source != "subject" or p.target in ("subject", "none"):
        return None
    k = match.head - 1
    while k >= ctx.start and k > match.head - 3 and ctx.tokens[k].norm.endswith("ly"):
        k -= 1
    if k >= ctx.start and ctx.tokens[k].norm in ctx.grammar.passive_auxiliaries:
        return k
    if match.end < ctx.end and ctx.tokens[match.end].norm == "by":
        return match.head
    return None


def _refers_back(ctx: Context, k: int) -> bool:
    """Whether the words right before token ``k`` are a noun standing for the action just
    reported (``a move`` Seoul condemned, ``a step`` welcomed by, ``a step the ministry
    described``), with an optional ``that``/``which`` and determiner between."""
    j = k - 1
    while j >= ctx.start and ctx.tokens[j].norm in ctx.grammar.determiners:
        j -= 1
    if j >= ctx.start and ctx.tokens[j].norm in ("that", "which"):
        j -= 1
    return j >= ctx.start and ctx.tokens[j].norm in ctx.grammar.event_nouns


def _noun_reading(ctx: Context, match: Match) -> bool:
    """A verb trigger right after an article or a possessive is a noun: ``a warning``,
    ``the attack``, ``China's demand`` (the noun has its own pattern where it is an
    event)."""
    k = match.head - 1
    return not match.trigger.nominal and k >= ctx.start and ctx.tokens[k].norm in _NOUN_MARKERS


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
    """Actors of two countries, or the state and a non-state actor of one country."""
    if not (is_codable(source) and is_codable(target)):
        return False
    if source.root != target.root:
        return True
    return (source.sector in _STATE_SECTORS) != (target.sector in _STATE_SECTORS)


def _without_generic_duplicates(events: list[Event]) -> list[Event]:
    """One event, said once: drop an unspecific event (``030``) where the sentence codes the
    same pair under a more specific code of the same root (``0353``), and repeats of the
    same code between the same pair."""
    specific = {
        (e.source.code, e.target.code, e.cameo[:2])
        for e in events
        if not _generic(e.cameo) and e.is_asserted
    }
    seen: set[tuple[str, str, str, str]] = set()
    kept = []
    for e in events:
        key = (e.source.code, e.target.code, e.cameo, e.factuality.value)
        if key in seen or (
            _generic(e.cameo) and (e.source.code, e.target.code, e.cameo[:2]) in specific
        ):
            continue
        seen.add(key)
        kept.append(e)
    return kept


def _generic(cameo: str) -> bool:
    return len(cameo) == 3 and cameo.endswith("0")


def _event(
    analysis: Analysis,
    sentence: Sentence,
    match: Match,
    ontology: Ontology,
    cues: Cues,
    recoding: Recoding,
    pair: Pair,
    confidence: float,
) -> Event:
    source_m, source, target_m, target = pair
    tokens = analysis.tokens
    trigger = Span(tokens[match.start].span.start, tokens[match.end - 1].span.end)
    year = analysis.date.year if analysis.date else None
    reading = classify(tokens, sentence.token_start, sentence.token_end, match.start, cues, year)
    cameo, factuality, rule = _recode(
        _refine(match.trigger.pattern, analysis, sentence, match.end),
        reading.factuality,
        reading.refusal and not match.trigger.nominal,
        recoding if not match.trigger.nominal else _NO_RECODING,
        match.trigger.pattern.id,
    )
    code = ontology.code(cameo)
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
        provenance=Provenance(LAYER, rule),
        quote_id=quote,
    )


def _recode(
    cameo: str, factuality: Factuality, refusal: bool, recoding: Recoding, rule: str
) -> tuple[str, Factuality, str]:
    """An act stated as future becomes the intent or threat it expresses, a refused act the
    rejection; both asserted, the rule id saying which reading applied."""
    if factuality is Factuality.FUTURE and recoding.future:
        if cameo.startswith(_INTENT_ROOTS):
            return cameo, Factuality.ASSERTED, rule
        if (code := recoding.code(recoding.future, cameo)) is not None:
            return code, Factuality.ASSERTED, f"{rule}+future"
    refused = recoding.code(recoding.refusal, cameo) if refusal else None
    if factuality is Factuality.NEGATED and refused is not None:
        return refused, Factuality.ASSERTED, f"{rule}+refusal"
    return cameo, factuality, rule


def _refine(pattern: PatternEntry, analysis: Analysis, sentence: Sentence, after: int) -> str:
    if not pattern.refine:
        return pattern.cameo
    words = {t.norm for t in analysis.tokens[after : sentence.token_end]}
    for rule in pattern.refine:
        if words.intersection(rule.words):
            return rule.cameo
    return pattern.cameo
