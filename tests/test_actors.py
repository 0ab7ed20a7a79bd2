from __future__ import annotations

import pytest


def codes(analysis):  # type: ignore[no-untyped-def]
    return {m.text: [a.code for a in m.actors] for m in analysis.mentions}


@pytest.mark.parametrize(
    ("date", "entity"),
    [("2019-06-01", "donald-trump"), ("2023-06-01", "joe-biden"), ("2025-06-01", "donald-trump")],
)
def test_title_resolves_to_the_holder_on_the_article_date(analyze, date, entity):  # type: ignore[no-untyped-def]
    a = analyze("The US President criticised China.", date)
    person = next(m for m in a.mentions if m.text == "US President")
    assert person.actors[0].entity_id == entity
    assert person.actors[0].code == "USAGOV"


def test_former_holder_is_not_the_government(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Biden spoke about Russia.", "2025-06-01")
    assert codes(a)["Biden"] == ["USA"]


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        (
            "Indian Prime Minister Narendra Modi spoke.",
            "Indian Prime Minister Narendra Modi",
            ["INDGOV"],
        ),
        ("PM Modi spoke.", "PM Modi", ["INDGOV"]),
        ("Washington is worried.", "Washington", ["USAGOV"]),
        ("Indian diplomats are working.", "Indian diplomats", ["INDGOV"]),
        ("Russian troops advanced.", "Russian troops", ["RUSMIL"]),
        ("ISRO and Roscosmos met.", "ISRO", ["INDGOV"]),
        ("Quad partners met.", "Quad partners", ["IGO"]),
        ("🇮🇳🇺🇸 India–USA ties", "India–USA", ["IND", "USA"]),
    ],
)
def test_composed_mentions(analyze, text, mention, code):  # type: ignore[no-untyped-def]
    assert codes(analyze(text, "2025-01-01"))[mention] == code


def test_places_named_after_countries_are_not_actors(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Ships sailed across the Indian Ocean to Indiana.")
    assert a.mentions == ()


def test_both_sides_refers_to_the_last_two_countries(analyze):  # type: ignore[no-untyped-def]
    a = analyze("India is working with the United States. Officials from both sides met.")
    group = next(m for m in a.mentions if m.text == "Officials from both sides")
    assert sorted(x.code for x in group.actors) == ["INDGOV", "USAGOV"]


def test_pronouns_in_quotes_take_the_speaker(analyze):  # type: ignore[no-untyped-def]
    a = analyze("“We will help,” Putin said.", "2025-01-01")
    we = next(m for m in a.mentions if m.text == "We")
    assert we.actors[0].entity_id == "vladimir-putin"
