from __future__ import annotations

import pytest

from entente.actors.detect import find_candidates, read_words


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


def test_a_lone_surname_before_an_unknown_name_is_someone_elses_given_name(analyze):  # type: ignore[no-untyped-def]
    a = analyze("President Abdelaziz Bouteflicka imposed a curfew.", "2001-06-01")
    assert all(x.country != "LBY" for m in a.mentions for x in m.actors)


@pytest.mark.parametrize(
    ("text", "date", "mention", "code"),
    [
        ("Kofi Annan called for talks.", None, "Kofi Annan", ["UNO"]),
        ("Ariel Sharon spoke.", None, "Ariel Sharon", ["ISRGOV"]),
        ("Ariel Sharon spoke.", "1995-06-01", "Ariel Sharon", ["ISR"]),
        ("Kofi Annan called for talks.", "2010-06-01", "Kofi Annan", ["GHA"]),
    ],
)
def test_undated_text_names_a_person_for_the_last_office_of_a_one_state_career(
    analyze, text, date, mention, code
):  # type: ignore[no-untyped-def]
    assert codes(analyze(text, date))[mention] == code


@pytest.mark.parametrize(
    ("text", "date", "mention", "code"),
    [
        ("The Bush administration warned China.", None, "Bush administration", ["USAGOV"]),
        ("The Bush administration warned China.", "2024-01-01", "Bush administration", ["USAGOV"]),
        (
            "Students defied President Suharto's government.",
            None,
            "President Suharto's government",
            ["IDNGOV"],
        ),
        ("Savimbi's forces shelled the town.", None, "Savimbi's forces", ["AGOREB"]),
    ],
)
def test_a_leaders_government_or_army_is_the_countrys(analyze, text, date, mention, code):  # type: ignore[no-untyped-def]
    assert codes(analyze(text, date))[mention] == code


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        # a state named before a people that lives in it
        ("Thousands of Iraqi Kurds marched.", "Iraqi Kurds", ["IRQCVL"]),
        ("Croatian Serb refugees returned.", "Croatian Serb refugees", ["HRVCVL"]),
        ("Turkish Kurd refugees went home.", "Turkish Kurd refugees", ["TURCVL"]),
        ("Kosovo Albanians voted.", "Kosovo Albanians", ["XKXCVL"]),
        ("Syrian Kurdish fighters advanced.", "Syrian Kurdish fighters", ["SYRREB"]),
        # a people of or in a state
        (
            "The Albanians of southern Serbia want autonomy.",
            "Albanians of southern Serbia",
            ["SRBCVL"],
        ),
        ("Kurds in Iraq voted.", "Kurds in Iraq", ["IRQCVL"]),
        # a minority is placed where the sentence puts it
        ("Ethnic Albanians demonstrated on Tuesday in Serbia.", "Ethnic Albanians", ["SRBCVL"]),
        ("Ethnic Turks protested against Sweden's decision.", "Ethnic Turks", ["SWECVL"]),
        ("Kurdish rebels attacked a post in Iraq.", "Kurdish rebels", ["IRQREB"]),
        # communities without a state of their own: their main country
        ("Ibo elders met Hausa politicians.", "Hausa politicians", ["NGAGOV"]),
        ("Karen guerrillas attacked.", "Karen guerrillas", ["MMRREB"]),
        ("Hutu rebels attacked.", "Hutu rebels", ["BDIREB"]),
        ("Jewish settlers in the West Bank set fire to a house.", "Jewish settlers", ["ISRCVL"]),
        # origin first, then the state: not a resident people
        ("Indian American lawmakers met.", "American lawmakers", ["USALEG"]),
        # a place a people flees to is not its home
        ("Rohingya refugees crossed into Bangladesh.", "Rohingya refugees", ["MMRCVL"]),
    ],
)
def test_a_people_is_coded_by_the_state_it_lives_in(analyze, text, mention, code):  # type: ignore[no-untyped-def]
    assert codes(analyze(text))[mention] == code


def test_a_comma_alone_does_not_join_a_list_of_nationalities(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Villages near the border with Bulgaria, Macedonian officials said.")
    assert codes(a)["Macedonian officials"] == ["MKDGOV"]
    assert codes(analyze("Indian, Japanese and US navies met."))[
        "Indian, Japanese and US navies"
    ] == ["INDMIL", "JPNMIL", "USAMIL"]


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The Red Cross appealed for access.", "Red Cross", ["NGO"]),
        ("Amnesty International accused the police.", "Amnesty International", ["NGO"]),
        ("The European Community imposed sanctions.", "European Community", ["EUR"]),
        ("The OAU met in Addis Ababa.", "OAU", ["IGO"]),
        ("UNITA refused to disarm.", "UNITA", ["AGOREB"]),
        ("The PLO accepted the plan.", "PLO", ["PSEGOV"]),
        ("Jean-Bertrand Aristide returned.", "Jean-Bertrand Aristide", ["HTIGOV"]),
    ],
)
def test_actors_of_older_wire_news(analyze, text, mention, code):  # type: ignore[no-untyped-def]
    assert codes(analyze(text))[mention] == code


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The Latvian Constitutional Court ruled.", "Latvian Constitutional Court", ["LVAJUD"]),
        ("They appealed to the Montenegro Assembly.", "Montenegro Assembly", ["MNELEG"]),
        (
            "European Community foreign ministers met.",
            "European Community foreign ministers",
            ["EUR"],
        ),
        ("NATO defence ministers met.", "NATO defence ministers", ["IGO"]),
    ],
)
def test_bodies_named_with_their_nation_or_organisation(analyze, text, mention, code):  # type: ignore[no-untyped-def]
    assert codes(analyze(text))[mention] == code


def test_a_weapon_takes_no_country_from_the_place_it_strikes(analyze):  # type: ignore[no-untyped-def]
    a = analyze("British aircraft using guided missiles killed four Iraqis in Basra.")
    assert all(x.country is None for m in a.mentions if m.text == "missiles" for x in m.actors)
    assert codes(analyze("Russian missiles struck Kyiv."))["Russian missiles"] == ["RUSMIL"]


@pytest.mark.parametrize(
    "text",
    [
        "The leader allowed the Shan-e-Mustafa rally in Karachi.",  # Shan, Mustafa: one name
        "Montenegro Municipality Association (AKK) officials spoke.",  # AKK: not the German
    ],
)
def test_words_inside_a_longer_name_are_not_actors(analyze, text):  # type: ignore[no-untyped-def]
    a = analyze(text)
    assert not {x.country for m in a.mentions for x in m.actors} & {"MMR", "PSE", "DEU"}


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Russian aircraft bombed a village.", "Russian aircraft", ["RUSMIL"]),
        ("The French paper workers blocked a bridge.", "French paper workers", ["FRACVL"]),
        ("A Saudi businessman sued.", "Saudi businessman", ["SAUBUS"]),
        ("A human rights group protested.", "human rights group", ["NGO"]),
        (
            "The boat sank, the United Nations Observer Mission in Angola said.",
            "United Nations Observer Mission in Angola",
            ["UNO"],
        ),
    ],
)
def test_sector_nouns_and_names_of_older_wire_news(analyze, text, mention, code):  # type: ignore[no-untyped-def]
    assert codes(analyze(text))[mention] == code


def test_a_nationality_does_not_reach_over_a_verb_to_a_sector(analyze):  # type: ignore[no-untyped-def]
    assert "India sent troops" not in codes(analyze("India sent troops to the border."))


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The Soviet Union protested.", "Soviet Union", ["RUS"]),
        ("Yugoslav troops advanced.", "Yugoslav troops", ["SRBMIL"]),
        ("Zaire closed its border.", "Zaire", ["COD"]),
        ("The Czechoslovak government resigned.", "Czechoslovak government", ["CZEGOV"]),
    ],
)
def test_states_that_no_longer_exist_are_their_successors(analyze, text, mention, code):  # type: ignore[no-untyped-def]
    assert codes(analyze(text))[mention] == code


def test_a_nationality_naming_a_language_is_no_actor(analyze):  # type: ignore[no-untyped-def]
    a = analyze("The court lifted restrictions on the Russian language in Latvia.")
    assert "RUS" not in {x.root for m in a.mentions for x in m.actors}
    assert "Latvia" in [m.text for m in a.mentions]


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("President Abdelaziz Bouteflicka spoke.", "President Abdelaziz Bouteflicka", "DZAGOV"),
        ("President Laurent Gbago spoke.", "President Laurent Gbago", "CIVGOV"),
        ("Ethopia has agreed.", "Ethopia", "ETH"),
        ("The Phillippines military attacked.", "Phillippines military", "PHLMIL"),
    ],
)
def test_a_name_misspelled_by_one_letter_is_read_and_marked(analyze, text, mention, code):  # type: ignore[no-untyped-def]
    m = next(m for m in analyze(text, "2003-01-01").mentions if m.text == mention)
    assert [a.code for a in m.actors] == [code]
    assert m.provenance.rule.endswith("+respelled")


@pytest.mark.parametrize(
    "text",
    [
        "Students at Columbia University protested.",  # a changed letter: not Colombia
        "Tourists flew to La Romana on Friday.",  # inside a longer name: not Romania
        "Yelena Ivanova spoke.",  # a letter at the end is an inflection
        "Officials in Boston spoke.",  # no known name around it to complete
    ],
)
def test_other_names_one_letter_from_a_known_one_are_left_alone(analyze, text):  # type: ignore[no-untyped-def]
    rules = {m.provenance.rule for m in analyze(text, "2020-01-01").mentions}
    assert not any(rule.endswith("+respelled") for rule in rules)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("India and New Zealand signed a deal worth US$20 billion.", "USA"),
        ("The Trinamool Congress called a strike in West Bengal.", "USA"),
    ],
)
def test_a_name_inside_a_currency_or_another_name_is_no_actor(analyze, text, absent):  # type: ignore[no-untyped-def]
    roots = {x.root for m in analyze(text, "2025-07-10").mentions for x in m.actors}
    assert absent not in roots


def test_a_bare_congress_is_still_the_us_congress(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Congress passed a bill on China.", "2025-07-10")
    assert codes(a)["Congress"] == ["USALEG"]


@pytest.mark.parametrize(
    "text",
    [
        # misspelled names, "the" opening an anaphor, a pair, a phrase and nothing
        "President Abdelaziz Bouteflicka met the two sides; Ethopia said the country agreed.",
        "The United Nations Observer Mission in Angola left, the UN said, and both sides wept.",
        "“We will not go,” she said of the Hague talks with the Netherlands’ premier.",
    ],
)
def test_candidates_read_per_sentence_match_those_read_per_article(analyze, pipeline, text):  # type: ignore[no-untyped-def]
    """The article's words read once (read_words) find what each sentence reading its
    own words finds."""
    a = analyze(text, "2001-06-01")
    words = read_words(a.tokens, pipeline.lexicon)
    for s in a.sentences:
        alone = find_candidates(a.tokens, s.token_start, s.token_end, pipeline.lexicon)
        shared = find_candidates(a.tokens, s.token_start, s.token_end, pipeline.lexicon, words)
        assert alone == shared
    assert any(
        c.entry is not None and c.entry.rule.endswith("+respelled")
        for s in a.sentences
        for c in find_candidates(a.tokens, s.token_start, s.token_end, pipeline.lexicon, words)
    ) == ("Bouteflicka" in text)


def test_a_mentions_id_is_made_from_its_article_and_characters(analyze):  # type: ignore[no-untyped-def]
    from entente.model import make_id

    a = analyze(
        "Indian troops met Chinese President Xi Jinping. Russia said it would help.", "2020-06-01"
    )
    assert len(a.mentions) >= 3
    assert any(m.token_end - m.token_start > 1 for m in a.mentions)
    assert any(m.token_end - m.token_start == 1 for m in a.mentions)
    for m in a.mentions:
        assert m.mention_id == make_id("m", a.article.article_id, m.span.start, m.span.end)
        assert m.text == a.text[m.span.start : m.span.end]


def test_the_article_openings_leave_out_a_the_that_opens_nothing(analyze, pipeline):  # type: ignore[no-untyped-def]
    """``the`` before an ordinary word opens nothing and is not an opening; before
    ``country`` or ``two sides`` it is, and so is a cased name's first word."""
    a = analyze("The talks ended. India left the country and the two sides wept.", "2020-06-01")
    words = read_words(a.tokens, pipeline.lexicon)
    opening = {a.tokens[k].text.lower() + "@" + a.tokens[k + 1].text for k in words.openings}
    assert "the@talks" not in opening
    assert {"the@country", "the@two"} <= opening
    assert any(a.tokens[k].text == "India" for k in words.openings)


def test_mentions_built_field_by_field_equal_the_records_built_whole(analyze):  # type: ignore[no-untyped-def]
    """The stage sets each mention's fields over the whole article: the records are the
    ones the dataclass itself builds, their spans the characters they say."""
    from dataclasses import fields

    from entente.model import Mention, Span

    a = analyze("Indian troops met President Xi Jinping in Beijing. They left.", "2020-06-01")
    assert len(a.mentions) >= 3
    for m in a.mentions:
        whole = Mention(**{f.name: getattr(m, f.name) for f in fields(Mention)})
        assert m == whole
        assert hash(m) == hash(whole)
        assert m.span == Span(m.span.start, m.span.end)
        assert m.text == a.text[m.span.start : m.span.end]
        assert a.tokens[m.token_start].span.start == m.span.start
        assert a.tokens[m.token_end - 1].span.end == m.span.end
