from __future__ import annotations

import pytest

from entente.enrich.quotes import find_quote_marks


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The direction is steady,” said a source.", "a source"),
        ("“We are friends,” Trump said at a rally.", "Trump"),
        ("Quote: “We are partners of conviction,” – PM Modi.", "PM Modi"),
        ("Lavrov said: “We reject this.”", "Lavrov"),
        ("According to Jaishankar, “ties are strong.”", "Jaishankar"),
    ],
)
def test_speaker_forms(analyze, text, speaker):  # type: ignore[no-untyped-def]
    (quote,) = analyze(text, "2025-09-08").quotes
    assert quote.speaker_text == speaker


def test_continuation_quotes_keep_the_speaker(analyze):  # type: ignore[no-untyped-def]
    a = analyze("“I like him,” Trump said. “We have moments.”", "2025-09-08")
    assert [q.speaker.code if q.speaker else None for q in a.quotes] == ["USAGOV", "USAGOV"]
    assert [q.provenance.rule for q in a.quotes] == ["after-quote", "continuation"]


def test_quote_spans_reproduce_their_text(analyze):  # type: ignore[no-untyped-def]
    a = analyze("“It is not a breakdown. It is a test,” said a source.")
    (quote,) = a.quotes
    assert quote.span.text_of(a.text) == quote.text == "It is not a breakdown. It is a test"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a partial quotation belongs to the subject of the verb whose clause holds it
        ("Beijing dismissed the allegations as “completely fabricated”.", "CHNGOV"),
        ("It was an incident President Vladimir Putin called “a stab in the back”.", "RUSGOV"),
        ("Beijing rejected a ruling that Manila swiftly hailed as “historic”.", "PHLGOV"),
        ("Trump met Modi, who wrote that he was “very happy” with the talks.", "INDGOV"),
        # a verb coordinated with an earlier one shares its subject
        ("Rubio met Lavrov and warned of “the strongest sanctions in history”.", "USAGOV"),
        # "it" has no mention: the subject opening the clause it stands in
        (
            "Troops clashed, and Manila summoned a Chinese diplomat to protest what it "
            "called “aggressive actions”.",
            "PHLGOV",
        ),
        # no verb of saying: the sentence's main subject
        ("Trump gave Russia 50 days or face “very severe” tariffs.", "USAGOV"),
    ],
)
def test_partial_quotes_take_the_subject_of_their_clause(analyze, text, code):  # type: ignore[no-untyped-def]
    (quote,) = analyze(text, "2025-09-08").quotes
    assert quote.speaker is not None
    assert quote.speaker.code == code
    assert quote.provenance.rule == "clause-subject"


def test_a_noun_that_looks_like_a_speech_verb_does_not_take_the_quote(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Trump demanded that Hamas free the hostages, warning in a social media post that "
        "it would be “all over” for the group.",
        "2025-03-05",
    )
    (quote,) = a.quotes
    assert quote.speaker is not None
    assert quote.speaker.code == "USAGOV"


def test_a_pronoun_speaker_is_resolved_and_the_audience_is_never_the_speaker(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Zelensky met Macron in Paris. “We will not hand our land to the occupier,” he "
        "told reporters.",
        "2025-08-09",
    )
    (quote,) = a.quotes
    assert quote.speaker is not None
    assert (quote.speaker.code, quote.speaker_text) == ("UKRGOV", "Volodymyr Zelensky")
    we = next(m for m in a.mentions if m.text == "We")
    assert [x.code for x in we.actors] == ["UKRGOV"]  # "we" inside: the resolved speaker


def test_an_attribution_line_after_a_closing_mark_names_the_speaker(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "“Talks and terror cannot go hand in hand. Water and blood cannot flow together.” "
        "– Prime Minister Narendra Modi, in a televised address.",
        "2025-05-12",
    )
    (quote,) = a.quotes
    assert quote.speaker is not None
    assert quote.speaker.code == "INDGOV"
    b = analyze("“This is a testing time.” India's engagement with Russia continued.", "2025-09-08")
    (other,) = b.quotes
    assert other.speaker is None  # a sentence of its own is no attribution


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("He said “yes” and “no”.", ["“yes”", "“no”"]),
        # a quotation reopened before it closes: the first ends at the paragraph break
        ("“One.\n\n“Two,” he said.", ["“Two,”"]),
        ('A "straight" pair, and "one across\n\nparagraphs" that is not.', ['"straight"']),
        ('An "unclosed mark and “curly one” after it.', ["“curly one”"]),
        ("No quotation at all.", []),
    ],
)
def test_quote_marks_pair_up(text, pairs):  # type: ignore[no-untyped-def]
    found = [text[m.open_at : m.close_at + 1] for m in find_quote_marks(text)]
    assert found == pairs
