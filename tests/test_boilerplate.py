"""Page furniture removed before the article is created; news lines kept."""

from __future__ import annotations

import pytest

from entente.text.boilerplate import is_boilerplate, strip_boilerplate
from entente.text.normalize import normalize_text


@pytest.mark.parametrize(
    "line",
    [
        "Share your thoughts in the comments below!",
        "0 Comments",
        "What\u2019s Your Take?",
        "Subscribe to our newsletter for daily updates",
        "Read more",
        "Read more: India and Russia sign oil deal",
        "Follow us on Twitter and Facebook",
        "Also read: Modi meets Putin",
        "Advertisement",
        "\u00a9 2025 Daily Herald. All rights reserved.",
    ],
)
def test_furniture_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "India and Russia signed a defence agreement on Monday.",
        "The minister said readers of the report would share his view.",
        "Comments by the spokesman drew a sharp rebuke from Beijing.",
        "Can India balance relations with two rival powers?",
        "Follow-up talks are planned for March.",
    ],
)
def test_news_lines_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_strip_removes_prompt_and_reader_questions_but_keeps_news() -> None:
    text = (
        "India and Russia signed a pact.\n"
        "Why does it matter?\n"
        "What's Your Take?\n"
        "Can India balance both powers?\n"
        "Which partner helps more?\n"
        "Share your thoughts in the comments below!\n"
        "0 Comments"
    )
    assert strip_boilerplate(text) == "India and Russia signed a pact.\nWhy does it matter?"


def test_normalized_text_has_no_furniture_and_spans_index_it(analyze) -> None:  # type: ignore[no-untyped-def]
    text = "NEW DELHI: India condemned Pakistan on Monday.\nRead more\n12 Comments"
    assert normalize_text(text) == "NEW DELHI: India condemned Pakistan on Monday."
    analysis = analyze(text, "2025-01-06")
    assert "Comments" not in analysis.article.text
    assert analysis.events
    for event in analysis.events:
        assert analysis.article.text[event.evidence.start : event.evidence.end]
