from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entente.events.factuality import _find, _find_each
from entente.events.patterns import (
    _auxiliary_at,
    _longest_first,
    _match_at,
    _Words,
    compile_patterns,
)
from entente.model import Article, Factuality
from entente.text.normalize import normalize_text
from tests.conftest import asserted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India is working with the United States.", ("IND", "USA", "05")),
        ("India continues to import discounted Russian crude.", ("IND", "RUS", "06")),
        ("The United States imposed tariffs on Indian goods.", ("USA", "IND", "16")),
        ("Modi held talks with Putin in Moscow.", ("IND", "RUS", "04")),
        ("Talks between ISRO and Roscosmos resumed.", ("RUS", "IND", "04")),
    ],
)
def test_patterns_code_source_target_and_root(analyze, text, expected):  # type: ignore[no-untyped-def]
    assert expected in asserted(analyze(text, "2025-01-01"))


def test_compound_target_gives_one_event_per_party(analyze):  # type: ignore[no-untyped-def]
    a = analyze("India held meetings with both the United States and Russia.")
    assert {("IND", "USA", "04"), ("IND", "RUS", "04")} <= asserted(a)


def test_compound_subject_without_target_is_reciprocal(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Modi and Biden emphasized expanding cooperation.", "2024-01-01")
    assert {("IND", "USA", "03"), ("USA", "IND", "03")} <= asserted(a)


@pytest.mark.parametrize(
    ("text", "factuality"),
    [
        ("India did not hold talks with Russia.", Factuality.NEGATED),
        ("India could hold talks with Russia.", Factuality.HYPOTHETICAL),
        ("India reportedly held talks with Russia.", Factuality.REPORTED),
        ("Can India hold talks with Russia?", Factuality.HYPOTHETICAL),
    ],
)
def test_factuality(analyze, text, factuality):  # type: ignore[no-untyped-def]
    assert {e.factuality for e in analyze(text).events} == {factuality}


def test_a_future_act_is_the_intent_it_states(analyze):  # type: ignore[no-untyped-def]
    (event,) = analyze("India will hold talks with Russia.").events
    assert (event.cameo, event.factuality) == ("036", Factuality.ASSERTED)
    assert event.provenance.rule == "consult.hold-talks+future"


def test_would_reported_by_a_speech_verb_is_the_future(analyze):  # type: ignore[no-untyped-def]
    reported = analyze("India said it would hold talks with Russia.").events
    assert {(e.cameo, e.factuality) for e in reported} == {("036", Factuality.ASSERTED)}
    bare = analyze("India would hold talks with Russia if asked.").events
    assert {e.factuality for e in bare} == {Factuality.HYPOTHETICAL}


def test_a_refused_act_is_a_rejection(analyze):  # type: ignore[no-untyped-def]
    refused = analyze("India refused to hold talks with Pakistan.").events
    assert {(e.cameo, e.factuality) for e in refused} == {("125", Factuality.ASSERTED)}
    plain = analyze("India did not hold talks with Pakistan.").events
    assert {(e.cameo, e.factuality) for e in plain} == {("040", Factuality.NEGATED)}


def test_passive_agent_is_the_source(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Pakistan was praised by the United States on Monday.")
    assert asserted(a) == {("USA", "PAK", "05")}
    assert not analyze("Pakistan was praised on Monday.").events  # no agent, no source


def test_nominal_trigger_takes_its_qualifier_as_source(analyze):  # type: ignore[no-untyped-def]
    a = analyze("The Indian talks with Russia ended on Friday.")
    assert ("IND", "RUS", "04") in asserted(a)


def test_a_clause_on_an_action_noun_targets_its_actor(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Japan imposed sanctions on South Korea, a move Seoul condemned.")
    assert {("JPN", "KOR", "16"), ("KOR", "JPN", "11")} <= asserted(a)


def test_state_and_non_state_actors_of_one_country(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Myanmar soldiers attacked Myanmar protesters.", "2021-03-28")
    assert ("MMR", "MMR", "19") in asserted(a)
    assert not analyze("The Indian government praised India.").events


def test_negation_scopes_to_its_clause(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "India is working with the United States. Far from signalling rupture, "
        "both governments are negotiating."
    )
    by_root = {e.cameo_root: e.factuality for e in a.events if e.sentence == 1}
    assert by_root == {"16": Factuality.NEGATED, "04": Factuality.ASSERTED}


def test_negation_in_the_trigger_is_the_event(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "“I’ll always be friends with Modi. But I don’t like what he’s doing,” Trump said.",
        "2025-09-08",
    )
    (event,) = [e for e in a.events if e.cameo_root == "11"]
    assert (event.source.code, event.target.code, event.factuality) == (
        "USAGOV",
        "INDGOV",
        Factuality.ASSERTED,
    )
    assert event.trigger.text_of(a.text) == "don’t like"


def test_events_carry_evidence_and_rule(analyze):  # type: ignore[no-untyped-def]
    a = analyze("First line here. India is working with the United States.")
    (event,) = a.events
    assert event.evidence.text_of(a.text) == "India is working with the United States."
    assert event.trigger.text_of(a.text).startswith("working")
    assert event.provenance.rule == "diplomatic.work-with"
    assert (event.plover, event.quad_class) == ("SUPPORT", 1)


def test_same_input_gives_same_ids(analyze):  # type: ignore[no-untyped-def]
    text = "Modi held talks with Putin."
    assert [e.event_id for e in analyze(text).events] == [e.event_id for e in analyze(text).events]


def test_an_announced_measure_is_the_measure_and_announced_aid_an_intent(analyze):  # type: ignore[no-untyped-def]
    measure = analyze("Japan said it would tighten curbs on exports to South Korea.", "2019-07-01")
    assert ("JPN", "KOR", "16") in asserted(measure)
    aid = analyze("Germany said it would supply tanks to Ukraine.", "2023-01-25")
    assert {e.cameo[:2] for e in aid.events if e.is_asserted} == {"03"}
    force = analyze("NATO confirmed on Wednesday it would tighten the naval blockade of Serbia.")
    assert {(e.source.code, e.target.code, e.cameo) for e in force.events} == {
        ("IGO", "SRB", "1381")
    }  # announced force is a threat, not the blockade itself


def test_would_after_a_speech_verb_late_in_the_clause_is_the_future(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "King Hassan of Morocco was quoted as saying he would host a meeting between an "
        "Israeli peace movement and the PLO.",
        "1993-01-01",
    )
    assert {e.factuality for e in a.events} == {Factuality.ASSERTED}
    # both parties of "between X ... and Y", though X carries words of its own
    assert {(e.source.root, e.target.root, e.cameo) for e in a.events} == {
        ("MAR", "ISR", "039"),
        ("MAR", "PSE", "039"),
    }


def test_a_noun_verb_word_after_a_modal_is_the_verb(analyze):  # type: ignore[no-untyped-def]
    a = analyze("French farmers said they would blockade Paris.", "1992-05-01")
    assert {(e.cameo, e.provenance.rule) for e in a.events} == {("1381", "fight.blockade+future")}
    noun = analyze("France lifted the blockade of Paris.", "1992-05-01")
    assert "fight.blockade" not in {e.provenance.rule for e in noun.events}


def test_an_earlier_event_cited_as_context_is_background(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Modi held talks with Putin, his first trip to Russia since Moscow sent troops "
        "into Ukraine in February 2022.",
        "2024-07-09",
    )
    assert ("IND", "RUS", "04") in asserted(a)
    assert not any(e.target.root == "UKR" for e in a.events if e.is_asserted)
    assert Factuality.BACKGROUND in {e.factuality for e in a.events if e.target.root == "UKR"}


def test_force_used_in_a_city_targets_its_country(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Russian missiles struck an apartment building in Kharkiv on Friday.")
    assert ("RUS", "UKR", "19") in asserted(a)


def test_a_reported_must_is_the_speakers_demand(analyze):  # type: ignore[no-untyped-def]
    a = analyze("A senior British minister said that Libya must hand over the suspects.")
    assert asserted(a) == {("GBR", "LBY", "10")}


def test_quantities_do_not_hide_the_target(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Myanmar soldiers killed more than 100 protesters on Saturday.", "2021-03-28")
    assert ("MMR", "MMR", "17") in asserted(a)  # killing protesters: violent repression


def test_a_time_adjunct_noun_takes_the_main_subject(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "External Affairs Minister S. Jaishankar told reporters after talks with "
        "Sergei Lavrov that ties were strong.",
        "2025-08-21",
    )
    assert asserted(a) == {("IND", "RUS", "04")}


def test_a_states_act_on_its_own_country(analyze):  # type: ignore[no-untyped-def]
    curfew = analyze("Turkish authorities imposed a curfew in the town of Cizre.", "2016-03-01")
    assert asserted(curfew) == {("TUR", "TUR", "17")}
    resigned = analyze("Prime Minister K.P. Sharma Oli resigned on Tuesday.", "2025-09-09")
    assert asserted(resigned) == {("NPL", "NPL", "08")}
    assert not analyze("The Indian government praised India.").events


def test_a_coordinated_verb_without_target_keeps_the_previous_one(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Blinken spoke by phone with the leaders of Armenia and Azerbaijan on Tuesday and "
        "urged an immediate end to hostilities.",
        "2022-09-13",
    )
    assert {("USA", "ARM", "02"), ("USA", "AZE", "02")} <= asserted(a)


def test_a_dismissal_targets_who_made_the_allegations_a_sentence_before(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Britain accused Chinese hackers on Monday of a cyber-espionage campaign. "
        "Beijing dismissed the allegations as fabricated.",
        "2024-03-26",
    )
    assert ("CHN", "GBR", "01") in asserted(a)


def test_an_unsaid_target_is_the_counterpart_in_the_discourse(analyze):  # type: ignore[no-untyped-def]
    reaction = analyze(
        "Indian jets struck targets in Pakistan on Tuesday. Islamabad vowed to respond.",
        "2019-02-26",
    )
    assert ("PAK", "IND", "13") in asserted(reaction)
    only_other = analyze(
        "Pakistan vowed to retaliate as Indian troops massed along the frontier.", "2025-04-28"
    )
    assert ("PAK", "IND", "13") in asserted(only_other)
    # a verb with an object of its own that is no actor has no unsaid target
    own_object = analyze(
        "American aid reached Delhi as India battles a second wave of Covid-19.", "2021-04-30"
    )
    assert not [e for e in own_object.events if e.cameo_root == "19"]
    # a noun after an actor that opens a noun phrase is no verb
    qualifier = analyze("Yemen has rejected a U.S. request to interrogate detainees.")
    assert {e.cameo_root for e in qualifier.events} == {"12"}


def test_a_protest_with_no_stated_target_is_against_its_own_state(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Thousands of Egyptian demonstrators rioted in Cairo on Friday.", "2011-01-28")
    assert ("EGY", "EGY", "14") in asserted(a)
    riots_in_passing = analyze("Serbia lifted a curfew in Montenegro after ethnic riots.")
    assert not [e for e in riots_in_passing.events if e.cameo_root == "14"]


def test_an_unnamed_perpetrator_is_coded_from_the_place(analyze):  # type: ignore[no-untyped-def]
    active = analyze("A roadside bombing near the town of Samarra killed one U.S. soldier.")
    assert asserted(active) == {("IRQ", "USA", "18")}
    passive = analyze(
        "Three US servicemen were killed by an improvised explosive device outside Basra."
    )
    assert asserted(passive) == {("IRQ", "USA", "18")}
    assert not analyze("Floods killed 20 people in northern Pakistan.").events


def test_denied_that_negates_the_clause_it_governs(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "India denied on Tuesday that Prime Minister Narendra Modi had asked Donald Trump "
        "to mediate on Kashmir.",
        "2019-07-23",
    )
    assert not [e for e in a.events if e.cameo_root == "02" and e.is_asserted]


def test_a_threat_whose_target_goes_unsaid(analyze):  # type: ignore[no-untyped-def]
    # the act threatened has its own object; "its Gulf war" is the source's own
    a = analyze(
        "Iran today threatened to launch a new military offensive in its Gulf war with Iraq "
        "unless Baghdad accepted its conditions.",
        "1983-01-10",
    )
    assert ("IRN", "IRQ", "13") in asserted(a)


def test_a_coordinated_verb_shares_the_main_subject_not_a_nested_actor(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "The Taliban denounced as theft a US decision to freeze Afghan reserves, and "
        "demanded that Washington release all of the funds.",
        "2022-02-12",
    )
    assert ("AFG", "USA", "10") in asserted(a)
    assert ("USA", "AFG", "10") not in asserted(a)


def test_an_infinitive_after_another_verbs_object_is_the_main_subjects(analyze):  # type: ignore[no-untyped-def]
    purpose = analyze(
        "Gambian President Dawda Jawara will visit Mauritania and Senegal to mediate in a "
        "border dispute.",
        "1989-05-03",
    )
    assert not [e for e in purpose.events if e.source.root in ("MRT", "SEN")]
    control = analyze("Lula urged the United States to hold talks with Russia.", "2023-04-15")
    assert ("USA", "RUS", "04") in {
        (e.source.root, e.target.root, e.cameo_root) for e in control.events
    }


def test_of_patterns_on_the_same_words_the_one_whose_target_is_stated_wins(analyze):  # type: ignore[no-untyped-def]
    aid = analyze("The United States sent tanks to Ukraine.", "2023-01-25")
    assert asserted(aid) == {("USA", "UKR", "07")}
    deployment = analyze("Russia sent tanks toward the border with Ukraine.", "2022-01-25")
    assert asserted(deployment) == {("RUS", "UKR", "15")}


def test_a_gerund_after_by_takes_the_subject_of_its_verb(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Korean activists rallied outside the Japanese embassy as Japan began the release, "
        "and China responded by banning all seafood imports from Japan.",
        "2023-08-24",
    )
    assert ("CHN", "JPN", "16") in asserted(a)
    assert ("KOR", "JPN", "16") not in asserted(a)


def test_an_agentless_arrest_is_by_the_state_where_it_happened(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Alexei Navalny was detained at a Moscow airport on his return from Germany.",
        "2021-01-18",
    )
    assert asserted(a) == {("RUS", "RUS", "17")}


def test_a_future_cue_inside_a_light_verbs_span_makes_the_threat(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Iraq's interim government announced that it is prepared to impose martial law as "
        "street battles raged in central Baghdad.",
        "2004-11-07",
    )
    assert {(e.source.root, e.target.root, e.cameo) for e in a.events if e.is_asserted} == {
        ("IRQ", "IRQ", "1324")
    }


def test_a_protest_against_a_named_foreign_actor_targets_it(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Palestinian youths threw stones during demonstrations against the Israeli military.",
        "2000-10-05",
    )
    assert ("PSE", "ISR", "14") in asserted(a)
    assert ("PSE", "PSE", "14") not in asserted(a)


def test_an_offered_concession_is_the_intent_to_yield(analyze):  # type: ignore[no-untyped-def]
    offered = analyze("Israel offered concessions to the Palestinians.", "2000-01-01")
    assert {e.cameo for e in offered.events} == {"035"}
    made = analyze("Israel made concessions to the Palestinians.", "2000-01-01")
    assert {e.cameo for e in made.events} == {"080"}


def test_a_possessive_inside_a_light_verb_span_is_not_the_target(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "The rebel group FDD insisted on its demands that Burundi's government grant the "
        "Hutu majority more rights.",
        "2000-01-01",
    )
    assert {(e.source.code, e.target.code, e.cameo) for e in a.events} == {
        ("BDIREB", "BDIGOV", "1043")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian troops will attack Kyiv.", ("1384", "force.attack+future")),
        ("Russian troops are preparing to attack Kyiv.", ("150", "force.attack+preparing")),
        ("The Russian army prepared to resume shelling Ukraine.", ("150", "fight.shell+preparing")),
        ("Russia is prepared to strike Ukraine.", ("1384", "force.attack+future")),
    ],
)
def test_force_made_ready_is_posture_and_force_promised_a_threat(analyze, text, expected):  # type: ignore[no-untyped-def]
    assert {(e.cameo, e.provenance.rule) for e in analyze(text).events} == {expected}


def test_a_word_both_noun_and_verb_is_the_verb_only_after_a_modal(analyze):  # type: ignore[no-untyped-def]
    noun = analyze("Russia said the attack on Kyiv would continue.")
    assert "force.attack" not in {e.provenance.rule.split("+")[0] for e in noun.events}
    assert {e.provenance.rule for e in analyze("India will ban Chinese apps.").events} == {
        "reduce.ban+future"
    }


def test_captors_releasing_office_holders_release_persons(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "The Fijian rebels said they will release Prime Minister Mahendra Chaudhry.", "1999-10-01"
    )
    assert {(e.source.root, e.target.root, e.cameo) for e in a.events} == {("FJI", "FJI", "0353")}


def test_a_trigger_opening_inside_an_actor_mention_is_that_actors_act(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "The first deployment of NATO peacekeeping troops have arrived in Bosnia, Defense "
        "Secretary William Perry said.",
        "1995-12-10",
    )
    assert {(e.source.code, e.target.code, e.cameo) for e in a.events} == {("IGO", "BIH", "074")}


def test_a_ceasefire_an_agreement_is_on_is_not_yet_declared(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Sudan and the SPLA signed a Memorandum of Understanding (MOU) on Cessation of "
        "Hostilities.",
        "2002-10-15",
    )
    ceasefire = [e for e in a.events if e.provenance.rule == "yield.ceasefire-noun"]
    assert ceasefire
    assert {e.factuality for e in ceasefire} == {Factuality.FUTURE}
    declared = analyze("Sudan and the SPLA declared a cessation of hostilities.", "2002-10-15")
    assert {e.factuality for e in declared.events} == {Factuality.ASSERTED}


def test_the_act_a_judgement_answers_is_background(analyze):  # type: ignore[no-untyped-def]
    a = analyze("The US praised India for hosting talks with Pakistan.", "2024-01-01")
    by_rule = {e.provenance.rule: e.factuality for e in a.events}
    assert by_rule == {
        "diplomatic.praise": Factuality.ASSERTED,
        "consult.host-talks": Factuality.BACKGROUND,
    }
    plain = analyze("India is hosting talks with Pakistan.", "2024-01-01")
    assert {e.factuality for e in plain.events} == {Factuality.ASSERTED}


def test_the_act_a_measure_is_taken_over_is_background(analyze):  # type: ignore[no-untyped-def]
    over = analyze(
        "The US imposed a 25% tariff on Indian goods over India's purchases of Russian oil.",
        "2025-08-06",
    )
    by_pair = {(e.source.root, e.target.root): e.factuality for e in over.events}
    assert by_pair == {("USA", "IND"): Factuality.ASSERTED, ("IND", "RUS"): Factuality.BACKGROUND}
    punished = analyze("The order punishes India for its purchases of Russian oil.", "2025-08-06")
    assert {e.factuality for e in punished.events} == {Factuality.BACKGROUND}
    plain = analyze("India has increased its purchases of Russian oil.", "2025-08-06")
    assert asserted(plain) == {("IND", "RUS", "06")}


def test_a_time_adjunct_is_no_part_of_the_act_before_it(analyze):  # type: ignore[no-untyped-def]
    # the strikes are not on the tourists, and India did not make the attack it answers
    a = analyze("India carried out strikes after the attack on tourists in Pahalgam.", "2025-05-07")
    assert not {e for e in a.events if e.is_asserted and e.target.root == "IND"}
    struck = analyze("India carried out strikes on Pakistan after the attack.", "2025-05-07")
    assert asserted(struck) == {("IND", "PAK", "19")}


def test_a_threatened_curfew_on_ones_own_city_is_a_threat_to_ones_own_country(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "President Abdelaziz Bouteflika threatened to institute a curfew in Algiers.", "2003-01-01"
    )
    assert {(e.source.code, e.target.code, e.cameo) for e in a.events} == {
        ("DZAGOV", "DZA", "1323")
    }


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("India has pulled out of talks with China.", "reduce.halt-talks"),
        ("India has repeatedly rejected talks with Pakistan.", "reject.reject-talks"),
        ("India has held talks with China.", "consult.hold-talks"),
        ("India and China had talks on Monday.", "consult.hold-talks"),
    ],
)
def test_have_as_an_auxiliary_is_no_light_verb(analyze, text, rule):  # type: ignore[no-untyped-def]
    assert {e.provenance.rule for e in analyze(text, "2024-01-01").events} == {rule}


def test_a_reported_clause_with_a_subject_of_its_own_is_not_the_speakers_act(analyze):  # type: ignore[no-untyped-def]
    others = analyze("India said other countries buy goods from Russia.", "2025-08-06")
    assert not [e for e in others.events if e.source.root == "IND"]
    own = analyze("India said it buys oil from Russia.", "2025-08-06")
    assert asserted(own) == {("IND", "RUS", "06")}
    # "States" in "the United States" is no speech verb: the arrest keeps its patient
    passive = analyze(
        "Tahawwur Rana, a Canadian businessman, was extradited from the United States and"
        " formally arrested by India's anti-terrorism agency.",
        "2025-04-10",
    )
    assert ("IND", "CAN", "17") in asserted(passive)


_PHRASES = (("will",), ("would", "not"), ("not",), ("could",), ("not", "go"))


@pytest.mark.parametrize(
    ("words", "reach", "found"),
    [
        ("they would not", 3, ("would", "not")),  # first listed of those ending there
        ("they would not go", 3, ("not", "go")),  # nearest the end
        ("they will say so", 2, ("will",)),
        ("they will say so", 1, None),  # out of reach
        ("not", 0, ("not",)),
        ("", 3, None),
    ],
)
def test_a_factuality_cue_is_the_phrase_ending_nearest(words, reach, found):  # type: ignore[no-untyped-def]
    assert _find(words.split(), _PHRASES, reach) == found
    assert _find_each(words.split(), _PHRASES, reach) == found


@given(
    st.lists(st.sampled_from(["will", "would", "not", "go", "x"]), max_size=8),
    st.integers(-1, 9),
)
def test_finding_cues_by_last_word_finds_what_trying_each_does(words, reach):  # type: ignore[no-untyped-def]
    assert _find(words, _PHRASES, reach) == _find_each(words, _PHRASES, reach)
    with_empty = (*_PHRASES, ())
    assert _find(words, with_empty, reach) == _find_each(words, with_empty, reach)


_EVENT_WORDS = ["India", "has", "will", "not", "imposed", "sanctions", "tariffs", "on", "talks"]
_EVENT_WORDS += ["held", "pulled", "out", "of", "attack", "attacked", "the", ",", "after", "sent"]
_EVENT_WORDS += ["tanks", "troops", "to", "joint", "military", "drills", "began", "aid", "."]


def _find_trying_every_trigger(index, tokens, start, end):  # type: ignore[no-untyped-def]
    """Every trigger of the index tried at every token, in the index's order."""
    triggers = sorted(
        (
            hit
            for opening in index._by_first.values()
            for form in _forms(opening)
            for hit in form.hits
        ),
        key=lambda hit: hit[0],
    )
    words, found = _Words(tokens, start, end), []
    for i in range(start, end):
        for _, trigger in triggers:
            if trigger.after_modal and (i == start or tokens[i - 1].norm not in index._modals):
                continue
            if trigger.follow and _auxiliary_at(tokens, i, end, index._participles):
                continue
            match = _match_at(trigger, words, i, start, end, index._barriers)
            if match is not None:
                found.append(match)
    return _longest_first(found)


def _forms(opening):  # type: ignore[no-untyped-def]
    yield from [opening.alone] if opening.alone else []
    for group in opening.by_second.values():
        yield from group


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_EVENT_WORDS), min_size=1, max_size=14))
def test_finding_triggers_by_form_finds_what_trying_each_does(pipeline, words):  # type: ignore[no-untyped-def]
    text = normalize_text(" ".join(words))
    a = pipeline.analyze(Article.create(text, source_id="property"))
    index = compile_patterns(pipeline.lexicon)
    for s in a.sentences:
        expected = _find_trying_every_trigger(index, a.tokens, s.token_start, s.token_end)
        assert index.find(a.tokens, s.token_start, s.token_end) == expected
