from __future__ import annotations

import pytest

from entente.model import Span, Token, TokenKind
from entente.model.columns import Columns


def test_records_built_by_columns_equal_those_built_one_by_one() -> None:
    spans = Columns(Span, ("start", "end")).build(([0, 6], [5, 9]), 2)
    assert spans == (Span(0, 5), Span(6, 9))
    tokens = Columns(Token, ("index", "span", "text", "norm", "kind", "sentence")).build(
        (range(2), spans, ["India", "met"], ["india", "met"], [TokenKind.WORD] * 2, [0, 0]), 2
    )
    assert tokens == (
        Token(0, Span(0, 5), "India", "india", TokenKind.WORD, 0),
        Token(1, Span(6, 9), "met", "met", TokenKind.WORD, 0),
    )
    assert hash(tokens[1]) == hash(Token(1, Span(6, 9), "met", "met", TokenKind.WORD, 0))


def test_a_builder_names_the_fields_of_its_record_in_order() -> None:
    with pytest.raises(RuntimeError, match="Span has fields"):
        Columns(Span, ("end", "start"))
    builder = Columns(Span, ("start", "end"))
    with pytest.raises(ValueError, match="shorter"):  # a column short: zip(strict=True)
        builder.build(([0, 1],), 2)
