from __future__ import annotations

import pytest

from entente.model import Factuality
from tests.conftest import asserted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India is working with the United States.", ("IND", "USA", "05")),
        ("India continues to import discounted Russian crude.", ("IND", "RUS", "06")),
        ("The United States imposed tariffs on Indian goods.", ("USA", "IND", "16")),
        ("Modi held talks with Putin in Moscow.", ("IND", "RUS", "04")),
        ("Renewed cooperation between ISRO and Roscosmos.", ("RUS", "IND", "06")),
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
        ("India will hold talks with Russia.", Factuality.FUTURE),
        ("India reportedly held talks with Russia.", Factuality.REPORTED),
        ("Can India hold talks with Russia?", Factuality.HYPOTHETICAL),
    ],
)
def test_factuality(analyze, text, factuality):  # type: ignore[no-untyped-def]
    assert {e.factuality for e in analyze(text).events} == {factuality}


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
    assert event.trigger.text_of(a.text) == "working"
    assert event.provenance.rule == "diplomatic.work-with"
    assert (event.plover, event.quad_class) == ("SUPPORT", 1)


def test_same_input_gives_same_ids(analyze):  # type: ignore[no-untyped-def]
    text = "Modi held talks with Putin."
    assert [e.event_id for e in analyze(text).events] == [e.event_id for e in analyze(text).events]
