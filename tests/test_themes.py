"""Themes: the taxonomy, sentence tags, their cue spans, article and event themes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from entente.enrich.themes import (
    THRESHOLD,
    article_themes,
    compile_themes,
    event_themes,
    find_cues,
    tag_sentence,
)
from entente.errors import LexiconError
from entente.evaluation.gate import pin
from entente.evaluation.score import evaluate_file
from entente.lexicons.check import check_lexicons
from entente.lexicons.lexicon import Lexicon, check_themes, load_lexicon
from entente.lexicons.load import DATA_DIR
from entente.lexicons.schema import ThemeEntry
from entente.pipeline import Pipeline

PLOVER = yaml.safe_load((DATA_DIR / "plover.yaml").read_text(encoding="utf-8"))

BROAD = {
    "DEFENSE", "ENERGY", "TECHNOLOGY", "SPACE", "TRADE", "SANCTIONS", "ECONOMY", "SECURITY",
    "TERRORISM", "NUCLEAR", "MARITIME", "CYBER", "CLIMATE", "HEALTH", "EDUCATION",
    "MIGRATION", "HUMAN_RIGHTS", "ELECTIONS", "DIPLOMACY", "CONFLICT",
}  # fmt: skip


def themes_of(analysis) -> list[str]:  # type: ignore[no-untyped-def]
    return [theme for theme, _ in article_themes(analysis)]


def test_the_taxonomy_has_forty_themes_each_with_a_plover_context(lexicon: Lexicon) -> None:
    themes = lexicon.taxonomy.themes
    assert len(themes) >= 40
    assert all(t.plover in PLOVER["contexts"] for t in themes)
    assert lexicon.taxonomy.broad == BROAD
    assert {t.parent for t in themes if t.parent} <= BROAD


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("India and Britain signed a free trade agreement cutting tariffs on whisky.",
         {"TRADE", "TARIFFS"}, {"DIPLOMACY"}),
        ("Russia began delivering S-400 air defence systems to India.", {"DEFENSE"}, set()),
        ("State-backed hackers broke into the ministry's email servers.", {"CYBER"}, set()),
        ("The two armies agreed a ceasefire after weeks of fighting.",
         {"CONFLICT", "PEACE_PROCESS"}, set()),
        ("Indian students will find it easier to get places at British universities.",
         {"EDUCATION"}, set()),
        ("The central bank raised interest rates to curb inflation.",
         {"ECONOMY", "FINANCE"}, set()),
        ("Floods displaced thousands of families in the delta.",
         {"CLIMATE", "MIGRATION"}, set()),
        ("The IAEA said Iran had expanded uranium enrichment.",
         {"NUCLEAR", "NONPROLIFERATION"}, {"ENERGY"}),
        ("ISRO launched a weather satellite into orbit.", {"SPACE"}, set()),
        ("India banned TikTok and dozens of other Chinese apps.", {"TECHNOLOGY"}, set()),
        ("Kenya sent relief supplies and a field hospital to the flooded region.",
         {"HEALTH", "HUMANITARIAN"}, set()),
        # named systems keep their case and their hyphen; a plural "s" matches
        ("Pakistan bought more F-16s.", {"DEFENSE", "WEAPONS"}, set()),
        # a neutral phrase takes its words out of every theme
        ("A think tank in Washington published the report.", set(), {"DEFENSE"}),
        # weapons in a battle report are the means of the fighting
        ("Russian warplanes struck a market in the city, killing 20 people.",
         {"CONFLICT"}, {"DEFENSE"}),
        # a summit that signs a trade deal is trade news
        ("The two leaders signed a trade pact at their annual summit.",
         {"TRADE"}, {"DIPLOMACY"}),
        # the same summit as the news
        ("The two leaders held their annual summit in Tokyo.", {"DIPLOMACY"}, set()),
    ],
)  # fmt: skip
def test_sentences_tag_as_expected(analyze, text, expected, absent):  # type: ignore[no-untyped-def]
    found = set(themes_of(analyze(text, "2024-05-01")))
    assert expected <= found
    assert not absent & found


def test_cue_spans_reproduce_their_words(analyze):  # type: ignore[no-untyped-def]
    a = analyze("Japan curbed exports of chips and fighter-jet engines to its neighbour.")
    by_theme = {t.theme: t for t in a.themes}
    assert [c.text_of(a.text) for c in by_theme["SEMICONDUCTORS"].cues] == ["chips"]
    assert by_theme["SEMICONDUCTORS"].provenance.rule == "SEMICONDUCTORS:chip"
    assert [c.text_of(a.text) for c in by_theme["WEAPONS"].cues] == ["fighter-jet"]
    sentence = a.sentences[0].span
    assert all(sentence.contains(c) for t in a.themes for c in t.cues)
    assert all(t.provenance.stage == "themes" and 0 < t.score <= 1 for t in a.themes)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the longest phrase wins; a hyphen joining two words is skipped; a sentence may
        # end on a word that only opens longer phrases
        ("The Security Council voted on new tariffs after talks on fighter-jet sales by phone in",
         [("Security Council", "DIPLOMACY:Security Council"), ("voted", "ELECTIONS:vote"),
          ("tariffs", "TARIFFS:tariff"), ("talks", "CONSULTATIONS:talks"),
          ("fighter-jet", "WEAPONS:fighter jet"), ("by phone", "CONSULTATIONS:by phone")]),
        # named phrases match as written: "WHO" is the organisation, "who" is not
        ("TikTok and the WHO, who spoke of people in custody", [
            ("TikTok", "DIGITAL:TikTok"), ("WHO", "HEALTH:WHO"),
            ("in custody", "HUMAN_RIGHTS:in custody")]),
        ("Tariffs rose in", [("Tariffs", "TARIFFS:tariff")]),
    ],
)  # fmt: skip
def test_cue_phrases_are_found_left_to_right(analyze, lexicon, text, found):  # type: ignore[no-untyped-def]
    a = analyze(text)
    matches = find_cues(a.tokens, compile_themes(lexicon))
    assert [(m.span.text_of(a.text), m.cues[0].rule) for m in matches] == found
    assert all(a.tokens[m.start].span.start == m.span.start for m in matches)


def test_a_parent_carries_its_childs_cues(analyze):  # type: ignore[no-untyped-def]
    a = analyze("India will keep buying crude from Russia.")
    energy = next(t for t in a.themes if t.theme == "ENERGY")
    assert energy.provenance.rule == "OIL:crude"
    assert [c.text_of(a.text) for c in energy.cues] == ["crude"]


def test_a_setting_clause_halves_the_occasion(analyze):  # type: ignore[no-untyped-def]
    news = analyze("Officials held talks in Geneva.")
    occasion = analyze("Officials spoke to the press after talks in Geneva.")

    def score(a) -> float:  # type: ignore[no-untyped-def]
        return next(t.score for t in a.themes if t.provenance.rule == "CONSULTATIONS:talks")

    assert score(occasion) == pytest.approx(score(news) / 2)


def test_article_themes_rank_and_drop_a_lone_weak_cue(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Russia and India signed an arms deal for fighter jets and air defence systems. "
        "The deal also covers oil. Officials met at the border."
    )
    ranked = article_themes(a)
    weights = [w for _, w in ranked]
    assert weights == sorted(weights, reverse=True)
    assert ranked[0][0] == "DEFENSE"
    assert all(w >= THRESHOLD for w in weights)
    assert "ENERGY" in dict(ranked)
    assert "SECURITY" not in dict(ranked)  # "border" alone only suggests it


def test_event_themes_include_the_theme_its_code_implies(analyze):  # type: ignore[no-untyped-def]
    a = analyze("North Korea fired artillery shells at South Korean positions.", "2024-05-01")
    (event,) = a.events
    assert event.cameo.startswith("19")
    implied = next(t for t in a.themes if t.theme == "CONFLICT")
    assert implied.provenance.rule == "cameo:19"
    assert implied.cues == (event.trigger,)
    themes = event_themes(a, event)
    assert "CONFLICT" in themes
    assert "DEFENSE" not in themes  # the artillery is the means of the fighting


def test_an_unknown_plover_context_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "themes.yaml").write_text(
        "themes:\n  - id: WHALING\n    description: Whaling.\n    plover: fisheries\n"
        "    cues:\n      - weight: 0.9\n        words: [whaling]\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match="WHALING: unknown PLOVER context fisheries"):
        load_lexicon((tmp_path,))
    report = check_lexicons((tmp_path,))
    assert any("unknown PLOVER context fisheries" in e for e in report.errors)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"id": "OIL", "plover": "economic", "cues": [{"weight": 0.5, "words": ["oil"]}]},
         "duplicate theme id OIL"),
        ({"id": "WHALES", "parent": "OIL", "plover": "economic",
          "cues": [{"weight": 0.5, "words": ["whale"]}]}, "parent OIL is not a broad theme"),
        ({"id": "WHALES", "plover": "economic", "cameo": [{"code": "999"}]},
         "unknown CAMEO code 999"),
        ({"id": "WHALES", "plover": "economic", "yields_to": ["FISH"],
          "cues": [{"weight": 0.5, "words": ["whale"]}]}, "unknown theme FISH"),
        ({"id": "WHALES", "plover": "economic"}, "needs cue words or CAMEO codes"),
    ],
)  # fmt: skip
def test_a_bad_theme_entry_is_named(
    lexicon: Lexicon, entry: dict[str, object], message: str
) -> None:
    themes = [*lexicon.taxonomy.themes, ThemeEntry.model_validate({"description": "x", **entry})]
    with pytest.raises(LexiconError, match=message):
        check_themes(themes, frozenset(PLOVER["contexts"]), frozenset(lexicon.cameo))


def test_themes_are_scored_against_gold(tmp_path: Path, pipeline: Pipeline) -> None:
    records = [
        {"id": "t1", "date": "2024-05-01", "events": [], "themes": ["TRADE"],
         "text": "India and Britain signed a free trade agreement on Monday."},
        {"id": "t2", "date": "2024-05-01", "events": [], "themes": [],
         "text": "Pakistan bought more F-16s on Monday."},
        {"id": "t3", "date": "2024-05-01", "events": [],
         "text": "The central bank raised interest rates on Monday."},
    ]  # fmt: skip
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = evaluate_file(gold, pipeline).as_dict()
    themes = report["themes"]
    assert (themes["n_records"], themes["n_gold"], themes["n_pred"]) == (2, 1, 2)
    assert (themes["precision"], themes["recall"]) == (0.5, 1.0)
    assert themes["per_theme"]["DEFENSE"]["n_pred"] == 1  # WEAPONS counted as DEFENSE
    assert report["theme_errors"] == ["t2: extra ['DEFENSE'], missed []"]
    assert pin([report])["files"]["gold.jsonl"]["floors"]["themes.f1"] == 0.6667


def test_a_sentence_holding_only_a_hyphen_joined_cue_is_read(analyze, lexicon):  # type: ignore[no-untyped-def]
    # "air" opens no cue alone and "air -" is no phrase's start: the stage skips a
    # sentence only where no cue phrase can open, hyphens dropped
    a = analyze("Its air-defence network was old. The weather was fine.")
    weapons = [t for t in a.themes if t.theme == "WEAPONS"]
    assert [(t.sentence, [c.text_of(a.text) for c in t.cues]) for t in weapons] == [
        (0, ["air-defence"])
    ]
    index = compile_themes(lexicon)
    per_sentence = [t for s in a.sentences for t in tag_sentence(a, s.index, index)]
    assert list(a.themes) == per_sentence
