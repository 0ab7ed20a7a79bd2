"""The actor knowledge base and resolver: traps, dates, context and coreference."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from entente.actors.lookup import lookup
from entente.lexicons.check import check_lexicons
from entente.lexicons.lexicon import Lexicon, load_lexicon


def codes(analysis):  # type: ignore[no-untyped-def]
    return {m.text: [a.code for a in m.actors] for m in analysis.mentions}


def roots(analysis) -> set[str]:  # type: ignore[no-untyped-def]
    return {a.root for m in analysis.mentions for a in m.actors}


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# -- traps -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "not_there"),
    [
        ("Ships crossed the Indian Ocean toward the Gulf.", "IND"),
        ("Voters in Indiana went to the polls on Tuesday.", "IND"),
        ("Families across the country roasted a turkey for the holiday.", "TUR"),
        ("She inherited a cabinet of fine china and silverware.", "CHN"),
        ("The museum sold a set of bone china plates.", "CHN"),
        ("Residents of Atlanta, Georgia, lined up to vote.", "GEO"),
        ("The Georgia governor signed the bill on Monday.", "GEO"),
        ("The state of Georgia certified the count.", "GEO"),
        ("He was compared with Michael Jordan by fans.", "JOR"),
        ("Far-right leader Jordan Bardella spoke to supporters.", "JOR"),
        ("A flight on American Airlines was delayed by fog.", "USA"),
        ("The gamble was a game of Russian roulette for the firm.", "RUS"),
        ("The prize went to an Indian-British author for her novel.", "IND"),
        ("The prize went to an Indian-British author for her novel.", "GBR"),
        ("He played Chad Smith in the film.", "TCD"),
    ],
)
def test_traps_are_not_actors(analyze, text, not_there):  # type: ignore[no-untyped-def]
    assert not_there not in roots(analyze(text))


def test_the_country_beside_the_trap_is_still_found(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Turkey sent troops to the border while families roasted a turkey.")
    assert "TUR" in roots(a)
    assert codes(analyze("Georgia and Russia fought a war in 2008."))["Georgia"] == ["GEO"]
    assert "JOR" in roots(analyze("King Abdullah of Jordan met the president."))


def test_nationals_are_people_not_the_state(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Indian nationals were evacuated from Sudan.")
    found = codes(a)["Indian nationals"]
    assert found == ["INDCVL"]
    assert codes(analyze("Five detained Americans flew home."))["Americans"] == ["USACVL"]


def test_a_hyphen_that_states_involvement_keeps_the_state(analyze):  # type: ignore[no-untyped-def]
    a = analyze("A US-brokered ceasefire took effect.")
    assert "USA" in roots(a)


# -- names, titles and dates --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "date", "entity", "code"),
    [
        ("PM Modi", "2019-05-01", "narendra-modi", "INDGOV"),
        ("Prime Minister Narendra Modi", "2024-01-01", "narendra-modi", "INDGOV"),
        ("US President Joe Biden", "2022-03-01", "joe-biden", "USAGOV"),
        ("the US president", "2019-06-01", "donald-trump", "USAGOV"),
        ("the US president", "2023-06-01", "joe-biden", "USAGOV"),
        ("the US president", "2025-06-01", "donald-trump", "USAGOV"),
        ("Russia's defence minister", "2025-06-01", None, "RUSMIL"),
        ("Sergei Lavrov", "2024-01-01", "sergei-lavrov", "RUSGOV"),
    ],
)
def test_lookup_resolves_on_the_date(lexicon, text, date, entity, code):  # type: ignore[no-untyped-def]
    r = lookup(text, day(date), lexicon)
    assert r.code == code
    if entity:
        assert r.actor_id == entity
        assert r.role is not None
        assert r.role["start"] <= date


def test_titles_alone_take_the_country_from_the_dateline(analyze):  # type: ignore[no-untyped-def]
    a = analyze("NEW DELHI, June 3 — The prime minister met business leaders.", "2023-06-03")
    pm = next(m for m in a.mentions if m.text == "prime minister")
    assert pm.actors[0].entity_id == "narendra-modi"
    assert pm.actors[0].code == "INDGOV"


def test_title_alone_refers_back_to_the_holder_named(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Russian President Vladimir Putin met Narendra Modi on Monday. "
        "The president later flew home.",
        "2024-07-08",
    )
    later = [m for m in a.mentions if m.text == "president"]
    assert [m.actors[0].entity_id for m in later] == ["vladimir-putin"]


def test_former_holders_are_not_the_government(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Former Prime Minister Imran Khan was arrested.", "2023-05-09")
    khan = next(m for m in a.mentions if "Imran Khan" in m.text)
    assert khan.actors[0].country == "PAK"
    assert khan.actors[0].sector != "GOV"
    biden = codes(analyze("Joe Biden criticised the plan.", "2025-03-01"))["Joe Biden"]
    assert biden == ["USA"]


def test_surname_alone_after_the_full_name(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Pakistani Prime Minister Shehbaz Sharif met the Chinese premier. Sharif said talks went well.",
        "2024-06-07",
    )
    sharif = [m for m in a.mentions if m.text == "Sharif"]
    assert sharif
    assert sharif[0].actors[0].entity_id == "shehbaz-sharif"


def test_a_surname_shared_with_another_person_is_not_the_leader(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Fugitive jeweller Nirav Modi lost his appeal in London.", "2022-12-15")
    assert "narendra-modi" not in {a.entity_id for m in a.mentions for a in m.actors}


def test_anonymous_sources_keep_their_sector(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Indian officials said the talks would resume.", "2025-01-01")
    assert codes(a)["Indian officials"] == ["INDGOV"]
    b = analyze("A source said the deal was close.", "2025-01-01")
    source = next(m for m in b.mentions if "source" in m.text)
    assert source.actors == ()
    c = analyze("MOSCOW, May 2 — A senior military source said drills would go on.", "2025-05-02")
    stated = next(m for m in c.mentions if "source" in m.text)
    assert stated.text == "A senior military source"
    assert [x.code for x in stated.actors] == ["RUSMIL"]
    assert stated.actors[0].entity_id is None


def test_sector_nouns_alone_take_the_dateline_country(analyze):  # type: ignore[no-untyped-def]
    a = analyze("KATHMANDU, Sept 9 — Protesters set fire to parliament.", "2025-09-09")
    assert codes(a)["Protesters"] == ["NPLCVL"]
    assert codes(a)["parliament"] == ["NPLLEG"]


def test_coordinated_nationalities_share_the_sector(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Indian and Chinese troops clashed in the Galwan valley.", "2020-06-16")
    group = next(m for m in a.mentions if m.text == "Indian and Chinese troops")
    assert {x.code for x in group.actors} == {"INDMIL", "CHNMIL"}


# -- coreference ----------------------------------------------------------------------------
def test_pair_anaphora(analyze):  # type: ignore[no-untyped-def]
    a = analyze("India and Russia signed a deal. The two countries agreed to meet again.")
    pair = next(m for m in a.mentions if m.text == "The two countries")
    assert {x.root for x in pair.actors} == {"IND", "RUS"}
    b = analyze("Japan hosted Australia. Both governments praised the talks.")
    both = next(m for m in b.mentions if m.text == "Both governments")
    assert {x.code for x in both.actors} == {"JPNGOV", "AUSGOV"}


def test_the_country_and_its_owner(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Aid arrived in Myanmar on Saturday. The country's military rulers thanked donors.",
        "2025-03-29",
    )
    rulers = next(m for m in a.mentions if "military rulers" in m.text)
    assert rulers.actors[0].code == "MMRMIL"
    b = analyze("Canada expelled diplomats. The country said it had evidence.")
    assert codes(b)["The country"] == ["CAN"]
    c = analyze("India said it was withdrawing its high commissioner.", "2024-10-14")
    envoy = next(m for m in c.mentions if "high commissioner" in m.text)
    assert envoy.actors[0].code == "INDGOV"


def test_he_refers_to_the_subject_not_the_last_name(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Foreign Minister S. Jaishankar spoke after meeting Sergei Lavrov. "
        "“Ties are strong,” he told reporters.",
        "2022-11-08",
    )
    he = next(m for m in a.mentions if m.text == "he")
    assert he.actors[0].entity_id == "subrahmanyam-jaishankar"


def test_she_skips_people_of_the_other_gender(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Kamala Harris met Narendra Modi. She praised the partnership.", "2023-06-23")
    she = next(m for m in a.mentions if m.text == "She")
    assert she.actors[0].entity_id == "kamala-harris"


def test_metonyms_after_the_country(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Russia denied the report. The Kremlin said Moscow would respond.")
    assert codes(a)["Kremlin"] == ["RUSGOV"]
    assert codes(a)["Moscow"] == ["RUSGOV"]


# -- the lexicon check and user lexicons ---------------------------------------------------
def test_package_lexicons_pass_the_check() -> None:
    report = check_lexicons()
    assert report.errors == []
    assert report.counts["people"] >= 500


def _user_dir(tmp_path: Path, people: str) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "people.yaml").write_text(textwrap.dedent(people), encoding="utf-8")
    return folder


def test_check_rejects_overlaps_duplicates_and_unknown_codes(tmp_path: Path) -> None:
    folder = _user_dir(
        tmp_path,
        """
        people:
          - id: narendra-modi
            name: Someone Else
            country: IND
          - id: zara-test
            name: Zara Test
            country: XXA
            roles:
              - {office: head_of_government, country: IND, start: 2020-01-01}
          - id: omar-test
            name: Omar Test
            country: IND
            roles:
              - {office: chief_wizard, country: IND, start: 2020-01-01}
        """,
    )
    errors = "\n".join(check_lexicons((folder,)).errors)
    assert "duplicate person id: narendra-modi" in errors
    assert "zara-test: unknown country XXA" in errors
    assert "overlapping terms: head_of_government of IND" in errors
    assert "omar-test: unknown office chief_wizard" in errors


def test_a_user_folder_adds_actors_without_editing_the_package(tmp_path: Path) -> None:
    folder = _user_dir(
        tmp_path,
        """
        people:
          - id: ada-quillon
            name: Ada Quillon
            aliases: [Quillon]
            country: FRA
            gender: f
            roles:
              - {office: interior_minister, country: FRA, start: 2031-01-01}
        """,
    )
    mine: Lexicon = load_lexicon((folder,))
    assert lookup("Ada Quillon", day("2031-06-01"), mine).code == "FRAGOV"
    assert lookup("Ada Quillon", day("2030-06-01"), mine).code == "FRA"
    assert lookup("Ada Quillon", day("2031-06-01"), load_lexicon()).code is None


# -- the commands -----------------------------------------------------------------------
def _entente(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "entente", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_actors_lookup_json() -> None:
    done = _entente("actors", "lookup", "PM Modi", "--date", "2019-05-01", "--format", "json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["code"] == "INDGOV"
    assert answer["country"] == "IND"
    assert answer["sector"] == "GOV"
    assert answer["actor_id"] == "narendra-modi"
    assert answer["name"] == "Narendra Modi"
    assert answer["role"]["office"] == "head_of_government"
    nothing = json.loads(_entente("actors", "lookup", "the weather", "--format", "json").stdout)
    assert nothing["code"] is None


def test_actors_lookup_batch_from_stdin() -> None:
    lines = "the US president\t2019-06-01\nthe US president\t2023-06-01\nIndian Ocean\t\nPM Modi\tsoon\n"
    done = _entente("actors", "lookup", "-", stdin=lines)
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["actor_id"] for a in answers[:2]] == ["donald-trump", "joe-biden"]
    assert answers[2]["code"] is None
    assert answers[3]["code"] is None
    assert "not a date" in answers[3]["error"]
    assert "line 4" in done.stderr
    assert done.returncode == 2


def test_lexicon_check_command_passes() -> None:
    done = _entente("lexicon", "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "lexicons: ok" in done.stdout


@pytest.mark.parametrize(("date", "code"), [("2010-06-01", "AFGREB"), ("2022-06-01", "AFGGOV")])
def test_organisations_are_coded_as_they_stood_on_the_date(lexicon, date, code):  # type: ignore[no-untyped-def]
    assert lookup("the Taliban", day(date), lexicon).code == code


def test_members_of_an_armed_group_are_the_group(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Hamas gunmen crossed the border fence.", "2023-10-07")
    assert codes(a)["Hamas gunmen"] == ["PSEREB"]


def test_communities_are_people_of_a_state_and_their_fighters_rebels(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Tigrayan forces pushed south as Amhara villagers fled.", "2021-08-01")
    assert codes(a)["Tigrayan forces"] == ["ETHREB"]
    assert codes(a)["Amhara villagers"] == ["ETHCVL"]
    assert codes(analyze("Rohingya refugees crossed into Bangladesh."))["Rohingya refugees"] == [
        "MMRCVL"
    ]


def test_places_from_the_gazetteer_place_sector_nouns(analyze):  # type: ignore[no-untyped-def]
    a = analyze("MELBOURNE, Jan 16 — The government's decision was upheld.", "2022-01-16")
    assert codes(a)["government"] == ["AUSGOV"]
    b = analyze("Soldiers opened fire on protesters in Yangon on Saturday.", "2021-03-27")
    assert codes(b)["protesters"] == ["MMRCVL"]
    c = analyze("BIRMINGHAM, Ala. — Police said the suspect had fled.", "2024-01-01")
    assert codes(c)["Police"] == ["USACOP"]
