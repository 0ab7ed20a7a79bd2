from __future__ import annotations

import json
import pickle

import pytest

from entente.lexicons.gazetteer import KeyIndex, name_key
from entente.model import Article
from entente.text.normalize import normalize_text
from tests.conftest import SHARED, needs_shared


@pytest.mark.parametrize(
    ("text", "place", "country", "venue"),
    [
        # the seat of the UN: filed in New York, but lending no country to the story
        ("UNITED NATIONS, March 2 — India abstained.", "United Nations", "USA", True),
        # Malé has no ASCII alias in places.yaml ("male" is a word); a dateline is upper case
        ("MALE, Jan 14 — The president spoke.", "Male", "MDV", False),
        # the region slot decides: Birmingham, Alabama, not the English city
        ("BIRMINGHAM, Ala. — The mayor spoke.", "Birmingham", "USA", False),
        # not curated: the wide gazetteer's largest city of that name
        ("MAGNITOGORSK: An apartment block collapsed.", "Magnitogorsk", "RUS", False),
        ("NEW DELHI: India is working with the United States.", "New Delhi", "IND", False),
    ],
)
def test_dateline_country(analyze, text, place, country, venue):  # type: ignore[no-untyped-def]
    a = analyze(text, "2024-03-02")
    assert a.dateline is not None
    assert (a.dateline.place, a.dateline.country, a.dateline.venue) == (place, country, venue)


@pytest.mark.parametrize(
    ("dateline", "code"), [("UNITED NATIONS", "GOV"), ("MOSCOW", "RUSGOV"), ("MALE", "MDVGOV")]
)
def test_a_venue_dateline_lends_no_country_to_unnamed_officials(analyze, dateline, code):  # type: ignore[no-untyped-def]
    a = analyze(f"{dateline}, March 2 — Officials said the vote was delayed.", "2024-03-02")
    assert [m.actors[0].code for m in a.mentions if m.text == "Officials"] == [code]


def test_curated_names_keep_their_diacritics_in_text(lexicon):  # type: ignore[no-untyped-def]
    # "Malé" is curated; the English word "Male" must not reach it outside a dateline
    assert lexicon.gazetteer.curated.get(name_key("Malé", folded=False)) is not None
    assert lexicon.gazetteer.curated.get(name_key("Male", folded=False)) is None
    assert lexicon.gazetteer.dateline("MALE").country == "MDV"


def test_the_gazetteer_pickles_without_its_wide_index(lexicon):  # type: ignore[no-untyped-def]
    assert lexicon.gazetteer.wide.get(("kramatorsk",))  # built
    copy = pickle.loads(pickle.dumps(lexicon.gazetteer))
    assert copy._wide is None
    assert copy.dateline("MAGNITOGORSK").country == "RUS"  # rebuilt on first use


@needs_shared
def test_every_dev_dateline_has_a_country(pipeline):  # type: ignore[no-untyped-def]
    missing, found = [], 0
    for line in (SHARED / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        article = Article.create(normalize_text(record["text"]), source_id=record["id"])
        dateline = pipeline.analyze(article).dateline
        if dateline is not None:
            found += 1
            if dateline.country is None:
                missing.append((record["id"], dateline.place))
    assert found >= 200
    assert missing == []


def places(a):  # type: ignore[no-untyped-def]
    """(text, name, country) of the places found outside the dateline."""
    return [(p.text, p.name, p.country) for p in a.places if not p.dateline]


def test_a_place_carries_country_region_and_coordinates(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Shelling hit the eastern Ukrainian city of Kramatorsk on Monday.", "2024-07-09")
    (place,) = a.places
    assert (place.text, place.country, place.admin1) == ("Kramatorsk", "UKR", "Donetsk")
    assert place.latitude == pytest.approx(48.73, abs=0.05)
    assert place.longitude == pytest.approx(37.57, abs=0.05)
    assert place.span.text_of(a.text) == place.text
    assert place.provenance.rule == "places.yaml+named"
    assert not place.dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # GeoNames cities after a locative, a place noun, or with their country
        ("A gas leak destroyed a building in Magnitogorsk.", ("Magnitogorsk", "RUS")),
        ("Troops entered the town of Tal Afar.", ("Tal Afar", "IRQ")),
        ("A storm hit Paris, Texas, overnight.", ("Paris", "USA")),
        ("A storm hit Atlanta, Georgia, overnight.", ("Atlanta", "USA")),
        # a namesake tied to a country next to it beats the one places.yaml keeps
        ("Clashes broke out in Lebanon's Tripoli.", ("Tripoli", "LBN")),
        ("Police clashed with protesters near Hyderabad in Pakistan.", ("Hyderabad", "PAK")),
        # a capital the actors stage reads as a government is a place after a locative
        ("Modi held talks with Putin in Moscow on Tuesday.", ("Moscow", "RUS")),
        # a country's alias that places.yaml lists as a place
        ("Fighting continued in Gaza.", ("Gaza", "PSE")),
    ],
)
def test_places_in_text(analyze, text, expected):  # type: ignore[no-untyped-def]
    found = [(t, c) for t, _, c in places(analyze(text, "2024-07-09"))]
    assert found[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        # words that are also GeoNames cities
        "A first reading of the bill took place in March.",
        "He said he did not believe in God.",
        "The team studied patterns in Conway's Game of Life.",
        "Victoria Beckham opened a shop.",
        "Reporters reached out to Richardson for comment.",
        "The judge, Richard J. Leon, ruled on Friday.",
        "It was the first case identified outside Africa.",
        # seas and other named features are not places of a country, nor their country
        "The navies held drills in the Indian Ocean.",
        # a capital that stands for its government
        "Moscow sent troops into Ukraine.",
        "The deal caused concern in Washington.",
        "New Delhi's envoy urged a return to dialogue.",
        # countries are actors, not places
        "Protests spread in India and Pakistan.",
    ],
)
def test_not_places(analyze, text):  # type: ignore[no-untyped-def]
    assert places(analyze(text, "2024-07-09")) == []


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # a story that names its countries: a small namesake elsewhere is not meant
        ("Israeli drones struck Bint Jbeil and Shaqra in southern Lebanon.", {"LBN"}),
        # a direction is not a region (Iceland's Northeast), Philadelphia is the place
        ("An air ambulance crashed in Northeast Philadelphia.", {"USA"}),
    ],
)
def test_wide_names_stay_in_the_story_s_countries(analyze, text, countries):  # type: ignore[no-untyped-def]
    assert {c for _, _, c in places(analyze(text, "2025-01-31"))} == countries


def test_indian_ocean_is_not_india(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Chinese ships patrolled the Indian Ocean near the Maldives.", "2024-07-09")
    assert "IND" not in {p.country for p in a.places}
    assert "IND" not in {x.country for m in a.mentions for x in m.actors}


def test_coordinated_places_share_the_locative(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Drones struck targets in Kharkiv, Sumy and Poltava.", "2024-07-09")
    assert [(t, c) for t, _, c in places(a)] == [
        ("Kharkiv", "UKR"),
        ("Sumy", "UKR"),
        ("Poltava", "UKR"),
    ]


def test_the_dateline_is_a_place(analyze):  # type: ignore[no-untyped-def]
    a = analyze("UNITED NATIONS, March 2 — India abstained in the vote.", "2024-03-02")
    (place,) = [p for p in a.places if p.dateline]
    assert (place.text, place.name, place.country, place.admin1) == (
        "UNITED NATIONS",
        "United Nations",
        "USA",
        "New York",
    )
    assert place.span.text_of(a.text) == "UNITED NATIONS"
    assert place.latitude is not None


def test_place_ids_are_stable(analyze):  # type: ignore[no-untyped-def]
    text = "MOSCOW, July 9 — Modi arrived in Moscow from Vienna."
    first, again = analyze(text, "2024-07-09"), analyze(text, "2024-07-09")
    assert [p.place_id for p in first.places] == [p.place_id for p in again.places]
    assert len({p.place_id for p in first.places}) == len(first.places) == 3


@needs_shared
def test_the_seed_dateline(pipeline):  # type: ignore[no-untyped-def]
    for line in (SHARED / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = (SHARED / record["file"]).read_text(encoding="utf-8")
        article = Article.create(normalize_text(text), source_id=record["id"])
        found = [(p.name, p.country) for p in pipeline.analyze(article).places]
        gold = [(p["text"], p["country"]) for p in record["places"]]
        assert found == gold


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Modi held talks with Putin in Vienna on Tuesday.", "Vienna"),
        # none in the sentence: the dateline's
        ("MOSCOW, July 9 — Modi held talks with Putin on Tuesday.", "MOSCOW"),
        # the nearest to the trigger of the sentence's places
        ("After a stop in Vienna, Modi held talks with Putin in Moscow.", "Moscow"),
        ("Modi held talks with Putin.", None),
    ],
)
def test_an_event_takes_the_place_of_its_sentence(analyze, text, place):  # type: ignore[no-untyped-def]
    a = analyze(text, "2024-07-09")
    by_id = {p.place_id: p.text for p in a.places}
    talks = [e for e in a.events if e.trigger.text_of(a.text).startswith("held")]
    assert [by_id.get(e.place_id) for e in talks] == [place]


def test_key_index_openers_name_every_word_a_key_may_start_at():  # type: ignore[no-untyped-def]
    index = KeyIndex([(("tal", "afar"), 1), (("kharkiv",), 2), (("tal", "abyad"), 3)])
    openers = index.openers()
    assert openers.single == {"kharkiv"}
    assert openers.second == {"tal": {"afar", "abyad"}}
    index.add(("tal",), 4)  # a key added later is seen
    assert index.openers().single == {"kharkiv", "tal"}


@pytest.mark.parametrize(
    "text",
    [
        # curly quotes and accents: words read through fold / fold_word, not as written
        "“We will rebuild,” the mayor said in Kramatorsk, near Bakhmut’s ruins.",
        "Troops entered the town of Tal Afar. The navies held drills in the Indian Ocean.",
    ],
)
def test_places_read_as_one_sentence_at_a_time(analyze, text):  # type: ignore[no-untyped-def]
    """The article-wide word lists give what each sentence read alone gives."""
    whole = places(analyze(text, "2024-07-09"))
    alone = [p for s in text.split(". ") for p in places(analyze(s, "2024-07-09"))]
    assert [(t, c) for t, _, c in whole] == [(t, c) for t, _, c in alone]
    assert whole  # the texts do name places
