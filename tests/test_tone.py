from __future__ import annotations

from dataclasses import replace

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from entente.enrich.sentiment import NEUTRAL_WORD, to_scored_text
from entente.enrich.tone import article_tone, dyad_tone, event_tone
from entente.errors import LexiconError
from entente.lexicons.schema import ToneCues

_VADER = SentimentIntensityAnalyzer()


def raw_vader(text: str) -> float:
    return float(_VADER.polarity_scores(text)["compound"])


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Russian troops killed 12 civilians in an attack on Kharkiv.", -1),
        ("Pakistan condemned the airstrikes on its territory.", -1),
        ("China accused the Philippines of provocations in the South China Sea.", -1),
        ("Iran threatened to close the Strait of Hormuz.", -1),
        ("The two leaders praised the warm and productive talks.", 1),
        ("Israel and Hamas agreed to a ceasefire.", 1),
        ("India and Japan pledged deeper cooperation.", 1),
        ("India signed a contract with Russia on Monday.", 0),
        ("The delegation arrived in Beijing on Tuesday.", 0),
    ],
)
def test_tone_signs_on_news_sentences(analyze, text, sign):  # type: ignore[no-untyped-def]
    (tone,) = analyze(text, "2025-08-27").tones
    if sign == 0:
        assert tone == 0.0
    else:
        assert tone * sign > 0.05


@pytest.mark.parametrize(
    "text",
    [
        "The Security Council met on Monday.",
        "Prime Minister Shehbaz Sharif of the Pakistan Muslim League party arrived in Tokyo.",
        "The defence minister arrived in Tokyo.",
        "Talks on Monday were led by the Justice Ministry and the Supreme Court.",
        "Delegates of the United Nations gathered in Geneva.",
        "The ruling party chose a new leader.",
        "Officials met in New Delhi to discuss energy ties and security.",
        "He spoke on the phone with Trump and with Hope Hicks.",
        "Officials from countries like India attended the summit.",
        "Five soldiers tested positive for the virus.",
    ],
)
def test_names_institutions_and_news_phrases_carry_no_tone(analyze, text):  # type: ignore[no-untyped-def]
    tones = analyze(text, "2025-08-27").tones
    assert tones == (0.0,)
    assert raw_vader(text) != 0.0  # what VADER alone would have read into it


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        # "the bomb" is +3 slang in VADER's idioms
        ("Officials said the bomb was found near the embassy.", -1),
        # "despite" is no negation: the ceasefire stays a ceasefire, the fighting fighting
        ("Despite the talks, the fighting continued.", -1),
        # "like" after its subject is the verb, and "don't" turns it round
        ("“We don’t like what he is doing,” Trump said.", -1),
        ("“I really like him,” Trump said.", 1),
        ("Kim said Pyongyang had no interest in talks.", -1),
    ],
)
def test_news_readings_of_vader_rules(analyze, text, sign):  # type: ignore[no-untyped-def]
    (tone,) = analyze(text, "2025-08-27").tones
    assert tone * sign > 0.05


def test_quote_tone_reads_only_the_quotation(analyze):  # type: ignore[no-untyped-def]
    a = analyze("“This is unfair and unreasonable,” the minister said happily.", "2025-08-27")
    (quote,) = a.quotes
    assert quote.tone is not None
    assert quote.tone < -0.3
    assert a.tones[0] > quote.tone  # "happily" lifts the sentence, not the quotation


def test_a_quotation_over_two_sentences_takes_their_mean(analyze):  # type: ignore[no-untyped-def]
    a = analyze("“It is a provocation. We will respond.” Lavrov said.", "2025-08-27")
    (quote,) = a.quotes
    assert quote.tone is not None
    assert quote.tone == pytest.approx(a.tones[0] / 2, abs=1e-4)  # the second part is 0.0
    assert a.tones[0] < 0


def test_article_tone_is_the_mean_over_body_sentences(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "date 2025-08-27\n\nTroops killed 12 civilians in an attack on Kharkiv. The delegation "
        "arrived in Kyiv. Leaders praised the talks."
    )
    body = [a.tones[s.index] for s in a.sentences if s.kind.value == "body"]
    assert len(body) == 3
    assert len(a.sentences) > 3  # the date line is no body sentence and not counted
    assert article_tone(a) == pytest.approx(sum(body) / 3)
    assert body[0] < 0 < body[2]
    assert body[1] == 0.0


def test_event_tone_is_its_sentence_tone(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "India and Japan held talks in Tokyo. Russia condemned the United States over the deadly "
        "airstrikes.",
        "2025-08-27",
    )
    tones = {e.cameo_root: event_tone(a, e) for e in a.events}
    assert tones["11"] == a.tones[1] < 0
    assert tones["04"] == a.tones[0] == 0.0


def test_dyad_tone_averages_the_sentences_naming_both(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "India and Pakistan traded deadly fire across the border. India and Japan praised their "
        "partnership. Indian troops killed three militants in Kashmir.",
        "2025-08-27",
    )
    assert dyad_tone(a, "IND", "PAK") == a.tones[0] < 0
    assert dyad_tone(a, "JPN", "IND") == a.tones[1] > 0
    assert dyad_tone(a, "PAK", "JPN") is None


def test_tone_helpers_need_the_tone_layer(analyze):  # type: ignore[no-untyped-def]
    a = analyze("India praised Japan.", "2025-08-27")
    bare = replace(a, layers=a.layers - {"tone"})
    with pytest.raises(ValueError, match="tone"):
        article_tone(bare)


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # actors named inside it, the speaker's own country left out
        ("“China must respect the ruling,” the Philippine foreign secretary said.", ("CHN",)),
        ("“India and China will hold talks,” Modi said.", ("CHN",)),
        # the speaker's own country when it is the only one named
        ("“India will not bow to pressure,” Modi said.", ("IND",)),
        # none named: none
        ("“We will respond,” Modi said.", ()),
        # the target of the speaker's own act in the same sentence
        ("Jaishankar criticised Washington, saying “the decision is unfair”.", ("USA",)),
        # the source of an act on the speaker's country, which the quotation answers
        ("Trump imposed tariffs on India, and Modi said “we will respond”.", ("USA",)),
        # the speaker's act in the sentence naming the speaker
        (
            "“Talks and terror cannot go together.” – Prime Minister Narendra Modi, in an "
            "address in which he warned Pakistan that India would answer any attack.",
            ("PAK",),
        ),
        # a body with no country counts by its code
        ("“The European Union must act,” Zelensky said.", ("EUR",)),
    ],
)
def test_quote_targets(analyze, text, targets):  # type: ignore[no-untyped-def]
    (quote,) = analyze(text, "2025-08-27").quotes
    assert quote.targets == targets


def test_scored_text_replaces_muted_spans_once():  # type: ignore[no-untyped-def]
    text = "Prime Minister Modi met Xi."
    muted = [(0, 19), (6, 14), (24, 26)]
    assert to_scored_text(text, 0, len(text), muted) == f"{NEUTRAL_WORD} met {NEUTRAL_WORD}."


@pytest.mark.parametrize(
    ("cues", "message"),
    [
        ({"valences": {"war": -5.0}}, "outside"),
        ({"neutral": ["party"], "valences": {"party": 1.0}}, "neutral"),
        ({"neutral": ["like"], "only_after": {"like": ["i"]}}, "neutral"),
    ],
)
def test_tone_cues_are_validated(cues, message):  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        ToneCues.model_validate(cues)


def test_a_bad_tone_file_names_itself(tmp_path):  # type: ignore[no-untyped-def]
    from entente.lexicons.lexicon import load_lexicon

    (tmp_path / "tone.yaml").write_text("valences: {war: -9}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"tone\.yaml"):
        load_lexicon((tmp_path,))


def test_a_partial_quotation_is_about_what_stands_between_its_speaker_and_it(analyze):  # type: ignore[no-untyped-def]
    (quote,) = analyze("Donald Trump called India “a great partner”.", "2025-09-08").quotes
    assert quote.targets == ("IND",)
    (alone,) = analyze("Donald Trump said he was “very happy”.", "2025-09-08").quotes
    assert alone.targets == ()


@pytest.mark.parametrize(
    "text",
    [
        "The delegation arrived in the capital on Tuesday.",  # no word VADER rates
        "Talks were good, officials said.",
        "It was not bad at all!!!",
        "We are kind of happy with the deal :)",
        "A flag 🇮🇳 and a smile 😀 at the summit.",
        "No.",
        "Relations are CONFLICTED but hopeful.",
        "See you there :)",  # an emoticon alone
        "\U0001f600",  # an emoji alone, read through its description
    ],
)
def test_skipping_vader_where_nothing_can_move_it_changes_no_score(text: str) -> None:
    from entente.enrich.sentiment import NewsScorer

    scorer = NewsScorer(ToneCues())
    plain = SentimentIntensityAnalyzer()
    assert scorer.score(text) == pytest.approx(plain.polarity_scores(text)["compound"])


@pytest.mark.parametrize(
    "text",
    [
        "The talks were not good.",  # negation just before
        "The talks were not very good.",  # negation two words before, across a booster
        "It isn't at all a good deal.",  # "n't" three words before
        "Never so good, never this bad.",  # "never so" strengthens
        "Without doubt a good outcome, without any doubt a fine one.",
        "No good deal, no fair one, no peace or justice.",  # "no" before a rated word
        "No problem.",  # "no" rated alone before a rated word
        "The offer was good but the terms were bad, but fair.",  # "but" halves and boosts
        "Good, good, good but bad bad.",  # equal valences before and after "but"
        "The deal was GOOD and the talks were VERY good.",  # capitals as emphasis
        "ALL OF IT WAS GOOD.",  # all capitals: no emphasis
        "An extremely good, a hugely bad, a slightly happy, a barely fair result.",
        "The least bad option, at least good, the very least happy.",
        "Least bad of all.",
        "We are kind of happy and sort of sad, just enough good.",
        "That was the kiss of death for the accord.",  # an idiom of tone.yaml
        "Good!!! Bad?? Fine?!?! Great!!!!!!",  # punctuation emphasis
        "“Good,” he said. ‘Bad’ — they’re not happy, aren’t they?",  # curly quotes
        "Naïve élan, İstanbul's good cheer :) and :-D",
        "They COULDN'T'VE made a good deal.",  # "N'T" read lower-cased
        "This good deal, so good a deal, this is good, good, good.",  # "so"/"this" before
        "Most good, more bad, of good, enough bad, death of good.",  # boosters and ends
        "Good talks, then good news and a good deal for good people.",  # no cue before
        "The talks were GOOD, the US said, and VERY good.",  # capitals, some words
        "GOOD TALKS, VERY BAD NEWS.",  # all words in capitals: no emphasis
        "Talks failed, then GOOD news.",  # the capital counts for the second rated word
        "",
        "   ",
    ],
)
def test_the_scorer_gives_vaders_exact_compound(text: str) -> None:
    """The scorer reads rated words itself; its score must be the very float VADER
    computes (with this scorer's lexicon and idioms), for each of VADER's rules."""
    from entente.enrich.sentiment import _TO_ASCII, NewsScorer
    from entente.enrich.vader import NewsVader

    cues = ToneCues(valences={"accord": 1.5}, idioms={"kiss of death": -1.5})
    scorer = NewsScorer(cues)
    vader = NewsVader(cues)
    expected = float(vader.polarity_scores(text.translate(_TO_ASCII))["compound"])
    assert repr(scorer.score(text)) == repr(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Officials in New Delhi said the Security Council, like India, tested positive.",
        "He said: “Trump’s defence of the party is in our interest, as well as theirs.”",
    ],
)
def test_muted_words_are_the_tokens_is_muted_mutes(analyze, lexicon, text):  # type: ignore[no-untyped-def]
    """The one-pass muting gives what reading each token after the one before it in the
    range gives, for the whole sentence and for a range starting on a capitalised word."""
    from entente.enrich.sentiment import news_scorer

    scorer = news_scorer(lexicon)
    a = analyze(text, "2025-08-27")
    tokens = a.sentence_tokens(0)
    for first in (0, *(k for k, t in enumerate(tokens) if t.text[:1].isupper())):
        start, end = tokens[first].span.start, a.sentences[0].span.end
        expected, previous = [], None
        for token in tokens[first:]:
            if scorer.is_muted(token, previous):
                expected.append((token.span.start, token.span.end))
            previous = token
        assert scorer.muted_words(tokens, start, end) == expected
        assert expected  # each text has a word to mute after any of its capitals


def test_words_read_are_worked_out_again_once_the_memo_is_full(monkeypatch):  # type: ignore[no-untyped-def]
    from entente.enrich import sentiment

    memo = sentiment._ReadAs()
    monkeypatch.setattr(sentiment, "_READ_AS_SIZE", 2)
    assert [memo[w] for w in ("good,", "(no)", "bad!")] == ["good", "(no)", "bad"]
    assert len(memo) == 1  # cleared when full, then the new word kept


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("The delegation arrived in Beijing on Tuesday.", False),
        ("India signed a contract with Russia (on Monday).", False),
        ("Trump praised the talks.", True),
        ("He said it was good.", True),
        ("“The delegation arrived,” he said.", True),  # not plain ASCII: scored
    ],
)
def test_a_text_with_no_rated_word_scores_0_whatever_is_muted(text: str, may: bool) -> None:
    """A text none of whose words is in the lexicon is not muted nor scored: muting only
    puts in a word that is not in it either, so each of its stretches muted scores 0."""
    from entente.enrich.sentiment import NewsScorer

    scorer = NewsScorer(ToneCues(valences={"accord": 1.5}))
    assert scorer.may_rate(text) is may
    if not may:
        words = [(k, k + len(w)) for k, w in _word_spans(text)]
        for k in range(len(words)):
            for muted in (words[k : k + 1], words[k : k + 3], [words[0], words[k]]):
                muted = sorted(set(muted))
                assert scorer.score(to_scored_text(text, 0, len(text), muted)) == 0.0


def _word_spans(text: str) -> list[tuple[int, str]]:
    import re

    return [(m.start(), m.group()) for m in re.finditer(r"\w+", text)]
