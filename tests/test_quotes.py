from __future__ import annotations

import pytest


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
