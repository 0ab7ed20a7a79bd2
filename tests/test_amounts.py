from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entente.enrich.amounts import _currency_before, _Units, compile_units, parse_number
from entente.lexicons.schema import AmountCues
from entente.model import Article, Span, Token, TokenKind, make_id
from entente.text.normalize import normalize_text


@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("The Philippines signed a $375 million deal with India.", "$375 million", 3.75e8, "USD"),
        ("Trump imposed a 50% tariff on Indian goods.", "50%", 50.0, "percent"),
        (
            "Saudi Arabia cut output by 1.7 million barrels a day.",
            "1.7 million barrels a day",
            1.7e6,
            "barrels_per_day",
        ),
        ("Russia sent 10,000 troops to Belarus.", "10,000 troops", 1e4, "troops"),
        ("The EU pledged €2 billion to Ukraine.", "€2 billion", 2e9, "EUR"),
        ("India approved Rs 5,000 crore for the project.", "Rs 5,000 crore", 5e10, "INR"),
        ("The US will send 31 Abrams tanks to Ukraine.", "31 Abrams tanks", 31.0, "tanks"),
        ("China lent US$40bn to the region.", "US$40bn", 4e10, "USD"),
        ("Britain fined the bank £14.5m on Monday.", "£14.5m", 1.45e7, "GBP"),
        ("Moscow paid 500 million roubles.", "500 million roubles", 5e8, "RUB"),
        ("Inflation rose 3.5 per cent in May.", "3.5 per cent", 3.5, "percent"),
        ("Rates rose 2 percentage points.", "2 percentage points", 2.0, "percentage_points"),
        ("Twenty-five soldiers were wounded.", "Twenty-five soldiers", 25.0, "troops"),
        (
            "Poland ordered 96 AH-64 Apache helicopters.",
            "96 AH-64 Apache helicopters",
            96.0,
            "helicopters",
        ),
        ("Taiwan bought 40 F-16 jets.", "40 F-16 jets", 40.0, "aircraft"),
        ("Winds reached 130 km/h on Monday.", "130 km/h", 130.0, "km_per_hour"),
        # a range is one amount at its upper bound
        ("Washington approved a $3-4 billion package.", "$3-4 billion", 4e9, "USD"),
        (
            "Officials said between 36 and 40 people were missing.",
            "36 and 40 people",
            40.0,
            "people",
        ),
    ],
)
def test_amounts_with_units_and_normalized_values(analyze, text, written, value, unit):  # type: ignore[no-untyped-def]
    a = analyze(text, "2025-08-27")
    (amount,) = a.amounts
    assert amount.span.text_of(a.text) == amount.text == written
    assert amount.value == pytest.approx(value)
    assert amount.unit == unit
    assert amount.amount_id == make_id(
        "n", a.article.article_id, amount.span.start, amount.span.end
    )


@pytest.mark.parametrize(
    "text",
    [
        "In 2022 troops crossed the border.",  # a year
        "On July 9 troops crossed the border.",  # a day
        "The talks began at 6:30 on 9/11.",  # a time, a date
        "A 12-year-old was among the dead.",  # an age
        "It was the 2nd round of talks since the 1990s.",  # an ordinal, a decade
        "Germany said it would supply Leopard 2 tanks and F-16 jets.",  # model names
        "One of the two countries sent three envoys.",  # numbers with no unit
        "Trump gave Russia 50 days to end the war.",  # a time span is no amount
        "The toll was 18.9 deaths per 100,000 people.",  # a ratio
        "A few hundred people marched.",  # a vague count
    ],
)
def test_dates_times_ages_ordinals_and_names_are_no_amounts(analyze, text):  # type: ignore[no-untyped-def]
    assert analyze(text, "2025-08-27").amounts == ()


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Trump imposed a 50% tariff on Indian goods.", "163"),  # inside the trigger
        ("Russia sent 10,000 troops to Belarus.", "154"),
        ("India will extend a $1 billion line of credit to Russia.", "0331"),
        ("India and Russia signed a contract worth more than $5 billion.", "057"),  # next to it
    ],
)
def test_amounts_bind_to_their_event(analyze, text, cameo):  # type: ignore[no-untyped-def]
    a = analyze(text, "2025-08-27")
    (amount,) = a.amounts
    bound = next(e for e in a.events if e.event_id == amount.event_id)
    assert bound.cameo == cameo


def test_an_amount_across_a_clause_is_not_bound(analyze):  # type: ignore[no-untyped-def]
    a = analyze(
        "Russian drones struck Kharkiv, killing three soldiers and injuring eight civilians.",
        "2025-08-27",
    )
    amounts = {x.text: x for x in a.amounts}
    assert set(amounts) == {"three soldiers", "eight civilians"}
    injuring = [e.event_id for e in a.events if e.trigger.text_of(a.text).startswith("injur")]
    assert injuring
    assert amounts["three soldiers"].event_id not in injuring
    assert amounts["eight civilians"].event_id in injuring


def test_an_amount_with_no_event_near_it_stays_unbound(analyze):  # type: ignore[no-untyped-def]
    a = analyze("India imposed curbs on rice exports. Inflation rose 3.5 per cent in May.")
    (amount,) = a.amounts
    assert amount.event_id is None
    assert amount.sentence == 1


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5,000", 5000.0),
        ("$1,200.5", 1200.5),
        ("5,00,000", 500000.0),  # lakh grouping
        ("50%", 50.0),
        ("1,5", None),  # a decimal comma is ambiguous
        ("6:30", None),
        ("9/11", None),
        ("2nd", None),
        ("1990s", None),
        ("1.2.3", None),
    ],
)
def test_parse_number(text, value):  # type: ignore[no-untyped-def]
    assert parse_number(text) == value


def test_a_currency_word_claimed_by_two_currencies_is_rejected():  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="two currencies"):
        AmountCues.model_validate(
            {
                "currencies": [
                    {"code": "USD", "before": ["$"]},
                    {"code": "AUD", "before": ["$"]},
                ],
                "scales": {},
                "percent": [],
                "units": {},
            }
        )


_PIECES = ["$", "US$", "Rs", "€", "5", "1,200", "3.5", "2022", "%", "million", "bn", "crore"]
_PIECES += ["troops", "Abrams", "tanks", "people", "barrels", "a", "day", "-", "to", "and"]
_PIECES += ["between", "per", "cent", "July", "India", "sent", "imposed", "tariff", ",", "."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_amount_spans_reproduce_their_text_and_do_not_overlap(pipeline, words):  # type: ignore[no-untyped-def]
    text = normalize_text(" ".join(words))
    if not text:
        return
    a = pipeline.analyze(Article.create(text, source_id="property"))
    for amount in a.amounts:
        assert amount.span.text_of(a.text) == amount.text
        assert amount.value >= 0
    spans = sorted(x.span for x in a.amounts)
    assert all(x.end <= y.start for x, y in pairwise(spans))
    assert all(-1.0 <= t <= 1.0 for t in a.tones)
    assert len(a.tones) == len(a.sentences)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("The United States imposed a 50% tariff on Indian goods.", "TARIFFS"),
        ("India imports 1.7 million barrels a day of Russian crude.", "OIL"),
        ("The weather was fine and 40 people attended.", None),
    ],
)
def test_an_amount_belongs_to_the_theme_whose_words_stand_nearest(analyze, text, theme):  # type: ignore[no-untyped-def]
    (amount,) = analyze(text, "2025-09-08").amounts
    assert amount.theme == theme


def _currency_by_trying_each(text: str, start: int, units: _Units) -> tuple[int, str | None]:
    """The currency before a number at ``start``, every prefix and gap tried in turn."""
    digits_at = start + (1 if text[start] in "$€£₹" else 0)
    for prefix, code in units.before:
        for gap in ("", " ", "\u00a0"):
            at = digits_at - len(gap) - len(prefix)
            matches = at >= 0 and text[at:digits_at] == prefix + gap
            if matches and (at == 0 or not text[at - 1].isalnum()):
                return at, code
    return start, None


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["US", "$", "Rs", ".", "HK", "EUR", "R", "x", " ", "\u00a0", "(", "A"]),
        max_size=5,
    ),
    st.sampled_from(["5", "$5", "€5"]),
)
def test_the_currency_before_a_number_is_the_longest_prefix_nearest(lexicon, before, number):  # type: ignore[no-untyped-def]
    units = compile_units(lexicon)
    text = "".join(before) + number
    start = len(text) - len(number)
    token = Token(0, Span(start, len(text)), number, number, TokenKind.NUMBER, 0)
    assert _currency_before(text, token, units) == _currency_by_trying_each(text, start, units)
