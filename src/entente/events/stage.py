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
  forces and protesters), not between a state and its own government;
* a verb whose target goes unsaid takes its counterpart from the discourse: the actor
  that just acted on its subject, or the one other country the sentence names; a protest
  with no stated target is against its own state;
* violence by an unnamed perpetrator (``a roadside bombing near Samarra killed``) is coded
  from the country where it happened.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from entente.actors.resolve import is_codable
from entente.enrich.places import event_place
from entente.events.factuality import Cues, classify, compile_cues, within
from entente.events.ontology import Ontology, load_ontology
from entente.events.patterns import Match, compile_patterns
from entente.events.roles import (
    Context,
    find_after,
    find_agent,
    find_between,
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
    MentionKind,
    Provenance,
    Sentence,
    SentenceKind,
    Span,
    Token,
    make_id,
)
from entente.text.dates import event_date

LAYER = "events"
_SKIPPED = (SentenceKind.META, SentenceKind.DATELINE)
_RIGHT_SUBJECT_PENALTY = 0.85
_RECIPROCAL_PENALTY = 0.9
_IMPLIED_PENALTY = 0.8
_UNNAMED_PENALTY = 0.7
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
_PLACE_KINDS = frozenset({MentionKind.COUNTRY, MentionKind.GOVERNMENT, MentionKind.ADJECTIVE})
_PLACE_WORDS = 6
_CLAUSE_ENDS = frozenset({",", ";", ":"})
_PLACE_REACH = 12
_INTENT_ROOTS = ("03", "13")  # a future intent or threat is already what it says
# Measures a government decides: announced, they are the act ("said it would impose
# sanctions"); announced force or protest is a threat ("confirmed it would tighten the
# blockade" is CAMEO 1381), as CAMEO codes warnings of what is yet to be done.
_FORCE_ROOTS = frozenset({"18", "19", "20"})
_POSTURE = "150"  # demonstrate military or police power
_DECIDED_ROOTS = frozenset({"10", "11", "12", "16", "17"})
_NO_RECODING = Recoding()  # "a planned summit" states no intent: it stays future
_JOINT_ROOTS = frozenset({"03", "04", "05", "06"})  # what parties do together
_DOMESTIC_ROOTS = frozenset({"17"})
# threats to restrict freedoms, ban parties, impose curfew or martial law, repress
_DOMESTIC_THREATS = frozenset({"132", "1321", "1322", "1323", "1324", "137"})
_AT_HOME_ROOTS = frozenset({"14"})  # a protest with no stated target is against its state
_IMPLIED_REACH = 2  # sentences back in which a targetless act finds its counterpart
_EXPULSION = frozenset({"16", "17"})  # "was expelled from X": X acted
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
    previous: list[Mention] = []
    dyads: list[_Dyad] = []
    for sentence in analysis.sentences:
        if sentence.kind in _SKIPPED or sentence.index not in by_sentence:
            continue
        memory = _Memory(previous=previous, dyads=dyads)
        mentions = tuple(by_sentence[sentence.index])
        for event in code_sentence(analysis, sentence, mentions, lexicon, memory):
            events.setdefault(event.event_id, event)
        previous = memory.main or previous
    return analysis.with_layer(LAYER, events=tuple(events.values()))


def code_sentence(
    analysis: Analysis,
    sentence: Sentence,
    mentions: tuple[Mention, ...],
    lexicon: Lexicon,
    memory: _Memory | None = None,
) -> Iterator[Event]:
    """Every event of one sentence (given its resolved mentions), one per source–target
    pair of each trigger; ``memory`` collects the actors of its events."""
    ctx = Context(
        analysis.tokens, sentence.token_start, sentence.token_end, mentions, lexicon.grammar
    )
    ontology = load_ontology(lexicon)
    cues = compile_cues(lexicon)
    events: list[Event] = []
    memory = memory if memory is not None else _Memory()
    last_quad = 0
    for found in compile_patterns(lexicon).find(analysis.tokens, ctx.start, ctx.end):
        match = _stating_its_target(ctx, found)
        quad = ontology.code(match.trigger.pattern.cameo).quad_class
        if (
            _adjectival(ctx, match)
            or _noun_reading(ctx, match)
            or (quad == last_quad == 4 and _elaborates(ctx, match))
        ):
            continue
        pairs, confidence = _pairs(ctx, match, memory, lexicon)
        if not pairs:
            continue
        reading = _read(analysis, sentence, match, cues, lexicon)
        events.extend(_event(analysis, sentence, reading, ontology, p, confidence) for p in pairs)
        if reading.factuality is Factuality.ASSERTED:
            memory.dyads.extend(_Dyad(sentence.index, p[1], p[2], p[3], p[0]) for p in pairs)
        if reading.factuality is not Factuality.HYPOTHETICAL:
            # "demanded that Hamas release ..., warning": a demanded act's actor is not
            # the subject that the next verb shares
            memory.last = _distinct(pair[0] for pair in pairs)
            memory.last_targets = _distinct(pair[2] for pair in pairs)
        last_quad = quad
        if not memory.main and reading.factuality is Factuality.ASSERTED:
            memory.main = memory.last
    yield from _without_generic_duplicates(events)


@dataclass
class _Memory:
    """The actors of the sentence's events so far: the last trigger's sources and targets
    (a verb that shares their subject, and with no object of its own their target), and
    the first asserted event's sources (what ``a move`` refers to)."""

    last: list[Mention] = field(default_factory=list)
    main: list[Mention] = field(default_factory=list)
    last_targets: list[Mention] = field(default_factory=list)
    previous: list[Mention] = field(default_factory=list)  # the last sentence's main sources
    dyads: list[_Dyad] = field(default_factory=list)  # the article's asserted events so far


@dataclass(frozen=True, slots=True)
class _Dyad:
    """An asserted event already coded: where, and who did it to whom."""

    sentence: int
    source: Actor
    target_mention: Mention
    target: Actor
    source_mention: Mention


def _pairs(
    ctx: Context, match: Match, memory: _Memory, lexicon: Lexicon
) -> tuple[list[Pair], float]:
    """The source–target pairs of one trigger and their confidence."""
    p = match.trigger.pattern
    sides = lexicon.sector_sides
    confidence = p.confidence
    if match.trigger.nominal:
        between = _between(ctx, match)
        if len(between) >= 2:
            return _reciprocal(between, sides), confidence
    passive = _passive(ctx, match)
    if passive is not None:
        agents = find_agent(ctx, match.end)
        if agents:
            return _cross(agents, _patients(ctx, match, memory, passive), sides), confidence
        expelled = p.cameo[:2] in _EXPULSION and match.end < ctx.end
        from_ = expelled and ctx.tokens[match.end].norm == "from"
        expeller = find_after(ctx, match.end, ("from",)) if from_ else []
        if expeller and passive < match.head:  # "was deported from Australia"
            patients = find_subject(ctx, passive, match.end)
            return _cross(expeller, patients, sides), confidence
        if (
            p.cameo[:2] in _DOMESTIC_ROOTS
            and passive < match.head
            and (state := _place_of(ctx, lexicon))
        ):  # "was detained at a Moscow airport": by the state of the place
            patients = find_subject(ctx, passive, match.end)
            return _cross(state, patients, sides, True), confidence * _UNNAMED_PENALTY
        unnamed = _unnamed_perpetrator(ctx, match, lexicon, match.end, match.end + 8)
        if unnamed and passive < match.head:  # "were killed by a roadside bomb in Basra"
            patients = _patients(ctx, match, memory, passive)
            return _cross(unnamed, patients, sides, True), confidence * _UNNAMED_PENALTY
        if passive < match.head:  # "was detained": no agent, no source
            return [], confidence
    sources = _sources_of(ctx, match, memory)
    if (not sources or sources[0].token_start >= match.end) and (
        unnamed := _unnamed_perpetrator(ctx, match, lexicon, ctx.start, match.start)
    ):
        sources, confidence = unnamed, confidence * _UNNAMED_PENALTY  # "a bombing killed"
    if not sources:
        return [], confidence
    if sources[0].token_start >= match.end:
        confidence *= _RIGHT_SUBJECT_PENALTY
    # a threat of curfew or martial law is, like the act, a state's on its own country
    at_home = p.domestic or _refine_at(p, ctx.tokens, match.end, ctx.end) in _DOMESTIC_THREATS
    domestic = at_home or p.cameo[:2] in _DOMESTIC_ROOTS
    targets = _targets_of(ctx, match, memory, lexicon, sources)
    protest = p.cameo[:2] in _AT_HOME_ROOTS
    if not targets and protest and (p.domestic or _verb_position(ctx, match, sources)):
        # "threw stones during demonstrations against the Israeli military": the one
        # other country named; with none, the protesters' own state
        targets = _only_other(ctx, sources) or _own_countries(ctx, sources, lexicon)
    if not targets and at_home:
        targets = _own_countries(ctx, sources, lexicon)
    if targets and (pairs := _cross(sources, targets, sides, domestic)):
        return pairs, confidence
    if (
        targets
        and at_home  # "impose martial law ... in central Baghdad"
        and (pairs := _cross(sources, _own_countries(ctx, sources, lexicon), sides, domestic))
    ):
        return pairs, confidence
    if targets and not _own_targets(targets, sources):
        return [], confidence
    if _is_reciprocal(p) and (pairs := _reciprocal(sources, sides)):
        return pairs, confidence * _RECIPROCAL_PENALTY
    if (
        p.target != "none"
        and not match.trigger.nominal
        and (implied := _implied_target(ctx, match, sources, memory))
    ):
        return _cross(sources, implied, sides), confidence * _IMPLIED_PENALTY
    return [], confidence


def _unnamed_perpetrator(
    ctx: Context, match: Match, lexicon: Lexicon, start: int, end: int
) -> list[Mention]:
    """Violence by a weapon or attack whose perpetrator goes unnamed (``a roadside bombing
    near Samarra killed``, ``were killed by an improvised explosive device outside Basra``)
    is coded from the country where it happened, as event datasets code an unidentified
    attacker: the place the sentence puts it in, a gazetteer name or a country's own."""
    toll = _elaborates(ctx, match) or ctx.tokens[match.start].norm == ","
    if match.trigger.pattern.cameo[:2] not in _VIOLENT_ROOTS or toll:
        return []  # ", killing one man" tells the toll of the clause before
    agents = ctx.grammar.events.violent_agents
    if not any(t.norm in agents for t in ctx.tokens[max(start, ctx.start) : min(end, ctx.end)]):
        return []
    return _place_of(ctx, lexicon)


def _place_of(ctx: Context, lexicon: Lexicon) -> list[Mention]:
    """The country of the first place the sentence puts something in: a locative followed,
    within a few words (``near the town of Samarra``, ``outside of the Iraqi city of``), by
    a gazetteer place or a country's own mention."""
    tokens = ctx.tokens
    locatives = ctx.grammar.events.place_locatives
    by_start = {m.token_start: m for m in ctx.mentions if m.kind in _PLACE_KINDS}
    for k in range(ctx.start, ctx.end):
        if tokens[k].norm not in locatives:
            continue
        for j in range(k + 1, min(ctx.end, k + 1 + _PLACE_WORDS)):
            if tokens[j].norm in _CLAUSE_ENDS:
                break
            if (m := by_start.get(j)) is not None and m.actors[0].country:
                actor = lexicon.country_actor(m.actors[0].country)
                return [_country_mention(ctx, actor, j, m.token_end, "place-source")]
            if (place := lexicon.place_at(tokens, j, ctx.end)) is not None:
                actor = lexicon.country_actor(place[0])
                return [_country_mention(ctx, actor, j, j + place[1], "place-source")]
    return []


def _stating_its_target(ctx: Context, match: Match) -> Match:
    """Of patterns matching the same words, the first whose target the sentence states
    (``sent tanks to Ukraine`` is aid, ``sent tanks toward the border`` a deployment)."""
    if not match.alternatives:
        return match
    k = match.head - 1
    if match.trigger.nominal and k >= ctx.start:
        # "would blockade Paris": after a modal, an auxiliary or "to" the word is a verb
        verbal = [m for m in match.alternatives if not m.trigger.nominal]
        if verbal and ctx.tokens[k].norm in ctx.grammar.events.modal_openers:
            return verbal[0]
    for m in (match, *match.alternatives):
        spec = m.trigger.pattern.target
        if isinstance(spec, RoleAfter) and find_after(ctx, m.end, spec.after):
            return m
    return match


def _implied_target(
    ctx: Context, match: Match, sources: list[Mention], memory: _Memory
) -> list[Mention]:
    """The counterpart of a verb whose target goes unsaid (it has no object of its own):
    the actor that just acted on the source (``Indian forces struck ... while Islamabad
    vowed to retaliate``), else the one the source just acted on (``demanded that Hamas
    release ..., warning that``), else the one other country the sentence names
    (``Taiwan put its forces on alert ... as China began drills``)."""
    light = bool(match.trigger.pattern.objects)  # "threatened to ban voting": its own object
    if (not light and _has_object(ctx, match)) or not _verb_position(ctx, match, sources):
        return []
    roots = {a.root for m in sources for a in m.actors}
    sentence = ctx.mentions[0].sentence if ctx.mentions else -1
    recent = [d for d in memory.dyads if sentence - d.sentence <= _IMPLIED_REACH]
    for d in reversed(recent):
        if d.target.root in roots and d.source.root not in roots:
            return [d.source_mention]
    for d in reversed(recent):
        if d.source.root in roots and d.target.root not in roots:
            return [d.target_mention]
    return _only_other(ctx, sources)


def _only_other(ctx: Context, sources: list[Mention]) -> list[Mention]:
    """The first mention of the one country other than the source's that the sentence
    names, if it names exactly one."""
    roots = {a.root for m in sources for a in m.actors}
    starts = {m.token_start for m in sources}
    others = [
        m
        for m in ctx.mentions
        if m.actors
        and m.kind is not MentionKind.PRONOUN
        and m.token_start not in starts
        and all(a.root not in roots and a.country for a in m.actors)
    ]
    if len({a.root for m in others for a in m.actors}) == 1:
        return others[:1]
    return []


def _own_targets(targets: list[Mention], sources: list[Mention]) -> bool:
    """Whether every target found is the source's own (``its Gulf war with Iraq``) or no
    codable actor (``sent tanks toward``): the real counterpart then goes unsaid."""
    roots = {a.root for m in sources for a in m.actors}
    return all(a.root in roots or not is_codable(a) for m in targets for a in m.actors)


def _verb_position(ctx: Context, match: Match, sources: list[Mention]) -> bool:
    """Whether the trigger stands where a verb does: right after its subject, an
    auxiliary, ``to``, a coordinator or an adverb (not ``spying charges``)."""
    words = ctx.grammar.events
    k = match.start - 1
    while k > ctx.start and (
        ctx.tokens[k].norm in words.days or ctx.tokens[k].norm in words.adjunct_words
    ):
        k -= 1  # "Iran today threatened", "Israel on Tuesday threatened"
    if k < ctx.start:
        return False
    word = ctx.tokens[k].norm
    if word in words.verb_openers or word.endswith("ly"):
        return True
    subject = next((m for m in sources if m.token_end == k + 1), None)
    if subject is None:
        return False
    # "Yemen rejected a U.S. request": an actor after a determiner inside a clause
    # qualifies a noun ("The United States sent" opens its clause)
    j = subject.token_start - 1
    if j < ctx.start or ctx.tokens[j].norm not in words.noun_markers:
        return True
    return j == ctx.start or _opens_clause(ctx, j - 1)


def _opens_clause(ctx: Context, k: int) -> bool:
    word = ctx.tokens[k].norm
    g = ctx.grammar
    return word in _CLAUSE_ENDS or word in g.coordinators or word in g.events.subject_barriers


def _has_object(ctx: Context, match: Match) -> bool:
    """Whether a noun phrase follows the trigger (``battles a second wave``): a verb with
    an object of its own that is no actor has no unsaid target either."""
    k = match.end
    while k < ctx.end and ctx.tokens[k].norm.endswith("ly"):
        k += 1
    if k >= ctx.end:
        return False
    word = ctx.tokens[k].norm
    g = ctx.grammar
    return (
        word.isalnum()
        and word not in g.prepositions
        and word not in g.coordinators
        and word not in g.events.days
        and word not in g.events.adjunct_words
        and word not in g.events.subject_barriers
        and word not in g.events.clause_openers
    )


def _patients(ctx: Context, match: Match, memory: _Memory, passive: int) -> list[Mention]:
    """Who undergoes a passive: the pattern's stated target, what an action noun refers
    back to (``a step welcomed by``), or the passive subject."""
    p = match.trigger.pattern
    patients = [] if p.target == "object" else _role(ctx, match, p.target)
    if patients:
        return patients
    if _refers_back(ctx, passive):
        return memory.main or memory.last
    return find_subject(ctx, passive, match.end)


def _sources_of(ctx: Context, match: Match, memory: _Memory) -> list[Mention]:
    p = match.trigger.pattern
    sources: list[Mention] = []
    if p.source == "subject" and (
        holder := [m for m in ctx.mentions if m.token_start < match.start < m.token_end]
    ):
        return holder  # "NATO peacekeeping troops have arrived": the trigger opens in it
    if match.trigger.nominal and p.source == "subject":
        sources = find_agent(ctx, match.end) or find_qualifier(ctx, match.start)
        if (
            not sources and p.cameo[:2] not in _OWN_ACT_ROOTS and _follows_subordinator(ctx, match)
        ):  # "X said, after talks with Y"; but "X struck after the attack on Y" answers it
            sources = find_main_subject(ctx, match.start)
        if (
            not sources
            and p.cameo[:2] in _OWN_ACT_ROOTS
            and not _is_reciprocal(p)
            and not _after_light_verb(ctx, match)
        ):
            return []  # "condemned the killing of": not the subject's act
    elif p.source == "subject" and shares_subject(ctx, match.start):
        opener = match.start - 1
        if ctx.tokens[opener].norm in ctx.grammar.events.gerund_openers:
            # "China responded by banning": the subject of the verb the gerund hangs on
            sources = find_subject(ctx, opener, opener + 1)
        sources = sources or memory.main or memory.last or find_main_subject(ctx, match.start)
    elif p.source == "subject" and (noun := _purpose_noun(ctx, match)) is not None:
        sources = find_qualifier(ctx, noun)  # "a US decision to set aside"
    sources = sources or _role(ctx, match, p.source)
    if p.source == "subject" and sources and _object_of_a_verb(ctx, match, sources):
        return find_main_subject(ctx, sources[0].token_start) or sources
    return sources


def _object_of_a_verb(ctx: Context, match: Match, subjects: list[Mention]) -> bool:
    """Whether the infinitive trigger's nearest actor is the object of a verb that does
    not hand it the infinitive (``will visit Mauritania and Senegal to mediate``, where
    ``urged the US to stop`` does): its subject is then the main subject's."""
    k = match.start - 1
    subject = subjects[0]
    if subjects[-1].token_end != k or ctx.tokens[k].norm != "to":
        return False
    j = subject.token_start - 1
    g = ctx.grammar
    while j >= ctx.start and (
        ctx.tokens[j].norm in g.determiners or ctx.tokens[j].norm in g.events.articles
    ):
        j -= 1
    if j < ctx.start:
        return False
    word = ctx.tokens[j].norm
    return (
        word.isalpha()
        and word not in g.prepositions
        and word not in g.coordinators
        and word not in g.events.object_control
        and word not in g.speech_verbs
        and ctx.governor(subject) is None
    )


def _purpose_noun(ctx: Context, match: Match) -> int | None:
    """The action noun whose infinitive the trigger is (``a US decision to set aside``)."""
    k = match.start - 1
    tokens = ctx.tokens
    if (
        k - 1 >= ctx.start
        and tokens[k].norm == "to"
        and tokens[k - 1].norm in ctx.grammar.event_nouns
    ):
        return k - 1
    return None


def _targets_of(
    ctx: Context, match: Match, memory: _Memory, lexicon: Lexicon, sources: list[Mention]
) -> list[Mention]:
    p = match.trigger.pattern
    if p.target == "none":
        return []
    if p.target == "subject" and shares_subject(ctx, match.start) and memory.last:
        return memory.last  # "..., drawing a rebuke from Trump": the pounding's actor
    targets = _role(ctx, match, p.target)
    if targets:
        return targets
    if memory.last_targets and p.target != "subject" and shares_subject(ctx, match.start):
        # "spoke by phone with the leaders of Armenia and Azerbaijan and urged an end"
        return memory.last_targets
    if p.target == "object":
        if _refers_back(ctx, sources[0].token_start) or _object_is_an_act(ctx, match):
            # "a move Seoul condemned", "condemned the attack"; "Beijing dismissed the
            # allegations" after a sentence in which they were made
            return memory.main or memory.last or memory.previous
        if p.cameo[:2] in _OWN_ACT_ROOTS:
            # "struck nine sites in Pakistan", "struck a building in central Tel Aviv"
            locatives = tuple(ctx.grammar.events.target_locatives)
            return find_after(ctx, match.end, locatives) or _place_target(ctx, match, lexicon)
    if not isinstance(p.target, RoleAfter):
        return []
    if inner := _inside_span(ctx, match):
        return inner  # "provided Ukraine with air defences", "gave Sri Lanka $4 billion"
    if ctx.grammar.events.goal_prepositions.intersection(p.target.after):
        return _place_target(ctx, match, lexicon)  # "arrived in Gujarat"
    return []


def _inside_span(ctx: Context, match: Match, own: str | None = None) -> list[Mention]:
    """The first actor between a light verb and the end of its object (``provided Ukraine
    with air defences``, ``summoned Japan's ambassador``)."""
    verb_end = match.head + len(match.trigger.words)
    if verb_end >= match.end:
        return []
    inner = find_object(ctx, verb_end, own)
    if inner and inner[0].kind is MentionKind.PRONOUN and inner[0].token_end < match.end:
        return []  # "insisted on its demands that ...": the subject's own, not a target
    # the object words may open the actor's own mention: "release Prime Minister Chaudhry"
    return inner if inner and inner[0].token_start < match.end else []


def _place_target(ctx: Context, match: Match, lexicon: Lexicon) -> list[Mention]:
    """The country of a gazetteer place the act is put in, as its target: force used in a
    country's city is used against that country (places are never actors otherwise)."""
    tokens = ctx.tokens
    words = ctx.grammar.events
    for k in range(match.end, min(ctx.end, match.end + _PLACE_REACH)):
        if tokens[k].norm in (",", ";", ":"):
            return []
        if tokens[k].norm not in words.target_locatives:
            continue
        j = k + 1
        while j < ctx.end and (
            tokens[j].norm in ctx.grammar.determiners or tokens[j].norm in words.area_words
        ):
            j += 1
        place = lexicon.place_at(tokens, j, ctx.end)
        if place is not None:
            country, n = place
            actor = lexicon.country_actor(country)
            return [_country_mention(ctx, actor, j, j + n, "place-target")]
    return []


def _country_mention(ctx: Context, actor: Actor, start: int, end: int, rule: str) -> Mention:
    """A mention made by the events stage for a country the words imply."""
    span = Span(ctx.tokens[start].span.start, ctx.tokens[end - 1].span.end)
    return Mention(
        make_id("m", span.start, span.end, actor.code, rule),
        span,
        " ".join(t.text for t in ctx.tokens[start:end]),
        ctx.mentions[0].sentence if ctx.mentions else -1,
        start,
        end,
        (actor,),
        MentionKind.COUNTRY,
        Provenance(LAYER, rule),
    )


def _follows_subordinator(ctx: Context, match: Match) -> bool:
    """Whether a nominal trigger opens a time adjunct: ``after talks with``, ``during a
    visit to`` (determiners and modifiers skipped)."""
    k = match.start - 1
    while k >= ctx.start and k > match.start - 4 and ctx.tokens[k].norm.isalpha():
        if ctx.tokens[k].norm in ctx.grammar.events.time_prepositions:
            return True
        if ctx.tokens[k].norm not in ctx.grammar.determiners and not ctx.tokens[k].norm.endswith(
            ctx.grammar.descriptive_endings
        ):
            return False
        k -= 1
    return False


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
        if word in g.prepositions or word in g.events.object_barriers:
            return False
        if not (word.isalnum() or word == "-"):
            return False
    return False


def _role(ctx: Context, match: Match, spec: str | RoleAfter) -> list[Mention]:
    if isinstance(spec, RoleAfter):
        if "between" in spec.after and (parties := find_between(ctx, match.end)):
            return parties
        return find_after(ctx, match.end, spec.after)
    if spec == "object":
        last = match.trigger.words[-1]
        own = last if last in ctx.grammar.prepositions else None
        # "summoned Japan's ambassador", "burned Chinese flags": the actor inside the span
        return _inside_span(ctx, match, own) or find_object(ctx, match.end, own)
    if spec == "subject":
        return find_subject(ctx, match.start, match.end)
    if spec == "speaker":
        return find_speaker(ctx, match.start)
    return []


def _cross(
    sources: list[Mention],
    targets: list[Mention],
    sides: Mapping[str, str],
    domestic: bool = False,
) -> list[Pair]:
    return [
        (s, sa, t, ta)
        for s in sources
        for sa in s.actors
        for t in targets
        for ta in t.actors
        if _codable_pair(sa, ta, sides) or (domestic and _state_on_country(sa, ta))
    ]


def _own_countries(ctx: Context, sources: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """The country of each source mention, as a mention over the same words."""
    return [
        _country_mention(
            ctx,
            lexicon.country_actor(m.actors[0].country or m.actors[0].root),
            m.token_start,
            m.token_end,
            "own-country",
        )
        for m in sources
        if m.actors
    ]


def _state_on_country(source: Actor, target: Actor) -> bool:
    """``Turkish authorities imposed a curfew in southeastern Turkey``: a state's coercion
    of its own country is coded, its other acts on itself are not."""
    return (
        source.root == target.root
        and target.sector is None
        and source.sector is not None
        and is_codable(source)
    )


def _distinct(mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions in order of appearance, each once (by where it starts)."""
    seen: dict[int, Mention] = {}
    for m in mentions:
        seen.setdefault(m.token_start, m)
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


def _object_is_an_act(ctx: Context, match: Match) -> bool:
    """Whether the object is a noun for the action just reported: ``Qatar condemned the
    attack``, ``describing the measure as``, ``dismissed the allegations`` (the object of
    a light verb's own span counts)."""
    if match.end > match.head + len(match.trigger.words):
        return ctx.tokens[match.end - 1].norm in ctx.grammar.event_nouns
    k = match.end
    while k < ctx.end and ctx.tokens[k].norm in ctx.grammar.determiners:
        k += 1
    return k < ctx.end and k > match.end and ctx.tokens[k].norm in ctx.grammar.event_nouns


def _noun_reading(ctx: Context, match: Match) -> bool:
    """A verb trigger right after an article or a possessive is a noun: ``a warning``,
    ``the attack``, ``China's demand`` (the noun has its own pattern where it is an
    event)."""
    k = match.head - 1
    markers = ctx.grammar.events.noun_markers
    return not match.trigger.nominal and k >= ctx.start and ctx.tokens[k].norm in markers


def _between(ctx: Context, match: Match) -> list[Mention]:
    for k in range(match.end, min(ctx.end, match.end + 3)):
        if ctx.tokens[k].norm == "between":
            return find_between(ctx, k)
    return []


def _reciprocal(mentions: list[Mention], sides: Mapping[str, str]) -> list[Pair]:
    """Events both ways between every two parties of a compound (``X and Y met``)."""
    parties = [(m, a) for m in mentions for a in m.actors]
    return [
        (sm, sa, tm, ta)
        for sm, sa in parties
        for tm, ta in parties
        if sa is not ta and _codable_pair(sa, ta, sides)
    ]


def _codable_pair(source: Actor, target: Actor, sides: Mapping[str, str]) -> bool:
    """Actors of two countries, or actors of one country on different sides of it: the
    state (a bare country among it), armed groups, society (``sides`` in sectors.yaml)."""
    if not (is_codable(source) and is_codable(target)):
        return False
    if source.root != target.root:
        return True
    return _side(source, sides) != _side(target, sides)


def _side(actor: Actor, sides: Mapping[str, str]) -> str:
    if actor.sector is None:
        return "state"
    return sides.get(actor.sector, "society")


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


@dataclass(frozen=True, slots=True)
class _Reading:
    """What one trigger says, the same for each of its source–target pairs."""

    trigger: Span
    cameo: str
    factuality: Factuality
    rule: str
    quote_id: str | None


def _read(
    analysis: Analysis, sentence: Sentence, match: Match, cues: Cues, lexicon: Lexicon
) -> _Reading:
    """The trigger's span, code, factuality and rule: the refined code, recoded where the
    act is announced, promised or refused."""
    tokens = analysis.tokens
    trigger = Span(tokens[match.start].span.start, tokens[match.end - 1].span.end)
    year = analysis.date.year if analysis.date else None
    reading = classify(tokens, sentence.token_start, sentence.token_end, match.start, cues, year)
    verb_end = match.head + len(match.trigger.words)
    if reading.factuality is Factuality.ASSERTED and match.end - verb_end > 1:
        # "announced that it is prepared to impose martial law": a cue between a light
        # verb and its object presents the act the object names
        reading = within(tokens[verb_end : match.end - 1], cues) or reading
    cameo = _refine(match.trigger.pattern, analysis, sentence, match.end)
    rule = match.trigger.pattern.id
    conditions = lexicon.grammar.events.conditions
    if (
        reading.announced
        and cameo[:2] in _DECIDED_ROOTS
        and not _conditional(tokens, match.end, sentence.token_end, conditions)
    ):
        # "Japan said it would tighten curbs": a measure announced is coded as the act;
        # announced cooperation ("said it would send tanks") is an intent, as below
        factuality, rule = Factuality.ASSERTED, f"{rule}+announced"
    elif reading.preparing and cameo[:2] in _FORCE_ROOTS:
        # "the army prepared to resume shelling": force made ready is force posture
        cameo, factuality, rule = _POSTURE, Factuality.ASSERTED, f"{rule}+preparing"
    else:
        nominal = match.trigger.nominal
        cameo, factuality, rule = _recode(
            cameo,
            reading.factuality,
            reading.refusal and not nominal,
            lexicon.recoding if not nominal else _NO_RECODING,
            rule,
        )
    quote = next((q.quote_id for q in analysis.quotes if q.span.contains(trigger)), None)
    return _Reading(trigger, cameo, factuality, rule, quote)


def _event(
    analysis: Analysis,
    sentence: Sentence,
    reading: _Reading,
    ontology: Ontology,
    pair: Pair,
    confidence: float,
) -> Event:
    source_m, source, target_m, target = pair
    trigger, cameo = reading.trigger, reading.cameo
    code = ontology.code(cameo)
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
        date=event_date(analysis, sentence, trigger),
        sentence=sentence.index,
        source=source,
        target=target,
        source_span=source_m.span,
        target_span=target_m.span,
        cameo=cameo,
        plover=code.plover,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        factuality=reading.factuality,
        confidence=round(confidence, 3),
        trigger=trigger,
        evidence=sentence.span,
        provenance=Provenance(LAYER, reading.rule),
        quote_id=reading.quote_id,
        place_id=event_place(analysis, sentence, trigger),
    )


def _conditional(
    tokens: tuple[Token, ...], start: int, end: int, conditions: frozenset[str]
) -> bool:
    """Whether ``if`` or ``unless`` follows the trigger in its sentence: a future act on a
    condition is a threat or a promise, not a decision."""
    return any(t.norm in conditions for t in tokens[start : min(end, start + 20)])


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
    return _refine_at(pattern, analysis.tokens, after, sentence.token_end)


def _refine_at(pattern: PatternEntry, tokens: tuple[Token, ...], after: int, end: int) -> str:
    """The pattern's code, refined by the first rule one of whose words follows it."""
    if not pattern.refine:
        return pattern.cameo
    words = {t.norm for t in tokens[after:end]}
    for rule in pattern.refine:
        if words.intersection(rule.words):
            return rule.cameo
    return pattern.cameo
