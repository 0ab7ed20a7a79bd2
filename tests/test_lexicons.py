from __future__ import annotations

from pathlib import Path

import pytest

from entente.errors import LexiconError
from entente.events.ontology import load_ontology, quad_class
from entente.lexicons.lexicon import Lexicon, flag_emoji, load_lexicon


def test_codebook_is_complete(lexicon: Lexicon) -> None:
    roots = {c for c in lexicon.cameo if len(c) == 2}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert len(lexicon.cameo) > 280
    ontology = load_ontology(lexicon)
    assert ontology.code("163").goldstein == -8.0
    assert {ontology.code(c).plover for c in ("010", "020")} == {None}


@pytest.mark.parametrize(
    ("code", "quad"), [("010", 1), ("057", 1), ("061", 2), ("111", 3), ("190", 4)]
)
def test_quad_class(code: str, quad: int) -> None:
    assert quad_class(code) == quad


def test_countries_cover_the_un(lexicon: Lexicon) -> None:
    assert len(lexicon.countries) >= 200
    assert flag_emoji("IN") == "🇮🇳"


def test_user_lexicon_extends_and_bad_one_is_named(tmp_path: Path) -> None:
    (tmp_path / "people.yaml").write_text(
        "people:\n  - id: test-person\n    name: Testa Person\n    country: IND\n", encoding="utf-8"
    )
    extended = load_lexicon((tmp_path,))
    assert "test-person" in extended.people
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "patterns.yaml").write_text(
        "patterns:\n  - id: x.y\n    cameo: '999'\n    verb: frob\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"patterns.yaml: x.y: unknown CAMEO code 999"):
        load_lexicon((bad,))


def test_every_cameo_code_has_a_pattern() -> None:
    """The issue's floor: at least one pattern (or refinement) produces every CAMEO code
    below the roots."""
    lexicon = load_lexicon(())
    produced = {p.cameo for p in lexicon.patterns}
    produced |= {r.cameo for p in lexicon.patterns for r in p.refine}
    codes = {c for c in lexicon.cameo if len(c) >= 3}
    assert codes - produced == set()
