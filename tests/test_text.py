from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entente.model import Article, SentenceKind, Span, Token
from entente.text.normalize import normalize_text


def sentences(analysis):  # type: ignore[no-untyped-def]
    return [s.span.text_of(analysis.text) for s in analysis.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. President met Mr. Modi. They talked.",
            ["The U.S. President met Mr. Modi.", "They talked."],
        ),
        (
            "Gen. Rawat spoke to No. 10 staff. He left.",
            ["Gen. Rawat spoke to No. 10 staff.", "He left."],
        ),
        (
            "External Affairs Minister S. Jaishankar arrived. Talks began.",
            ["External Affairs Minister S. Jaishankar arrived.", "Talks began."],
        ),
        (
            "“I agree. It is good,” he said. Then he left.",
            ["“I agree.", "It is good,” he said.", "Then he left."],
        ),
        (
            "Sanctions were imposed by the U.S. The talks failed.",
            ["Sanctions were imposed by the U.S.", "The talks failed."],
        ),
    ],
)
def test_sentence_splitting_survives_abbreviations_and_quotes(analyze, text, expected):  # type: ignore[no-untyped-def]
    assert sentences(analyze(text)) == expected


def test_headings_bullets_and_emoji_are_units_of_their_own(analyze):  # type: ignore[no-untyped-def]
    text = "🇮🇳🇷🇺 India–Russia: Energy in Focus\n- Oil Imports: India buys crude.\n- Space: Renewed work.\nIndia said so."
    a = analyze(text)
    kinds = [s.kind for s in a.sentences]
    assert kinds == [
        SentenceKind.HEADING,
        SentenceKind.BULLET,
        SentenceKind.BULLET,
        SentenceKind.BODY,
    ]
    assert sentences(a)[0] == "🇮🇳🇷🇺 India–Russia: Energy in Focus"


def test_markdown_heading_marks_are_no_part_of_the_sentence(analyze):  # type: ignore[no-untyped-def]
    a = analyze("## Trump raises tariff on Indian goods\n\nIndia rejected the decision.")
    assert sentences(a) == ["Trump raises tariff on Indian goods", "India rejected the decision."]
    assert a.sentences[0].kind is SentenceKind.HEADING


def test_date_prefix_and_dateline(analyze):  # type: ignore[no-untyped-def]
    a = analyze("date 2025-09-08 NEW DELHI: India is working with the United States.")
    assert a.date.isoformat() == "2025-09-08"
    assert a.dateline is not None
    assert (a.dateline.place, a.dateline.country) == ("New Delhi", "IND")
    assert [s.kind for s in a.sentences][:2] == [SentenceKind.META, SentenceKind.DATELINE]
    assert sentences(a)[2] == "India is working with the United States."


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("MOSCOW, July 9 — Modi held talks with Putin.", "Moscow", "RUS"),
        ("VLADIVOSTOK, Russia, Sept 5 — India will extend credit.", "Vladivostok", "RUS"),
        ("WASHINGTON (Reuters) - Trump spoke.", "Washington", "USA"),
    ],
)
def test_dateline_forms(analyze, text, place, country):  # type: ignore[no-untyped-def]
    a = analyze(text)
    assert a.dateline is not None
    assert (a.dateline.place, a.dateline.country) == (place, country)


def test_tokens_spell_out_contractions_and_split_possessives(analyze):  # type: ignore[no-untyped-def]
    a = analyze("I don’t like India’s stance.")
    assert [t.norm for t in a.tokens] == ["i", "do", "not", "like", "india", "'s", "stance", "."]


def test_tokens_are_the_records_their_fields_make(analyze):  # type: ignore[no-untyped-def]
    """The text stage builds tokens without the dataclass constructor; they must be the
    same records, equal and hashing alike, as the constructor makes."""
    a = analyze("India’s U.S. envoy met 3 ministers in Delhi.")
    for token in a.tokens:
        made = Token(
            token.index,
            Span(token.span.start, token.span.end),
            token.text,
            token.norm,
            token.kind,
            token.sentence,
        )
        assert token == made
        assert hash(token) == hash(made)
        assert repr(token) == repr(made)
        assert hash(token.span) == hash(made.span)
    assert [t.index for t in a.tokens] == list(range(len(a.tokens)))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,!?\n“”\"'’-–:#•🇮🇳AUS")), max_size=200))
def test_sentences_tile_text_and_spans_reproduce_it(pipeline, raw):  # type: ignore[no-untyped-def]
    text = normalize_text(raw)
    if not text:
        return
    a = pipeline.analyze(Article.create(text, source_id="property"))
    covered = [False] * len(text)
    previous_end = 0
    for s in a.sentences:
        assert s.span.start >= previous_end, "sentences overlap or go backwards"
        previous_end = s.span.end
        for i in range(s.span.start, s.span.end):
            covered[i] = True
        for t in a.sentence_tokens(s.index):
            assert t.span.text_of(text) == t.text
            assert s.span.contains(t.span)
    uncovered = [i for i, c in enumerate(covered) if not c]
    for i in uncovered:  # only spaces, and the marks that open a Markdown heading
        line = text[text.rfind("\n", 0, i) + 1 : i + 1]
        assert text[i].isspace() or (text[i] == "#" and not line.strip(" #")), repr(line)


def test_sentence_cuts_end_each_sentence_after_its_closers() -> None:
    from entente.text.sentences import Unit, sentence_cuts
    from entente.text.tokens import iter_raw_tokens

    text = 'He said "Go." (They went.) Then U.S. troops left'
    unit = Unit(0, len(text), SentenceKind.BODY, 0)
    tokens = list(iter_raw_tokens(text))
    cuts = sentence_cuts(text, unit, tokens, frozenset(), frozenset())
    surfaces = [text[s:e] for s, e, _ in tokens]
    pieces = [surfaces[a:b] for a, b in zip([0, *cuts[:-1]], cuts, strict=True)]
    assert pieces == [
        ["He", "said", '"', "Go", ".", '"'],
        ["(", "They", "went", ".", ")"],
        ["Then", "U.S.", "troops", "left"],
    ]
    assert sentence_cuts("", Unit(0, 0, SentenceKind.BODY, 0), [], frozenset(), frozenset()) == []


def test_token_norms_and_owners_match_their_sentences(analyze) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze("India’s envoy didn’t go. «Fine» — she said.", "2024-01-01")
    assert [t.norm for t in analysis.tokens] == [
        "india", "'s", "envoy", "did", "not", "go", ".",
        '"', "fine", '"', "-", "she", "said", ".",
    ]  # fmt: skip
    for sentence in analysis.sentences:
        owned = analysis.tokens[sentence.token_start : sentence.token_end]
        assert {t.sentence for t in owned} == {sentence.index}
        assert sentence.span == Span(owned[0].span.start, owned[-1].span.end)
