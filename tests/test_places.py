from __future__ import annotations

import json

import pytest

from entente.lexicons.gazetteer import name_key
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
