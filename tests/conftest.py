"""Shared fixtures: the lexicon and pipeline once per session, inputs built by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import entente
from entente.build import changed_since_build
from entente.lexicons.lexicon import Lexicon, load_lexicon
from entente.model import Analysis, Article
from entente.pipeline import Pipeline
from entente.text.normalize import normalize_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
needs_shared = pytest.mark.skipif(
    not (SHARED / "gold").is_dir(),
    reason="../shared (seeds, gold, corpus) is not beside the checkout",
)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Refuse to test a compiled build older than its sources: it would test old code."""
    if changed := changed_since_build(Path(entente.__file__).parent):
        names = ", ".join(path.name for path in changed[:5]) + (" ..." if changed[5:] else "")
        pytest.exit(
            f"sources changed since the compiled build ({names}): build again with "
            "`pip install -e .` (make does it), or install pure Python with ENTENTE_PURE=1",
            returncode=2,
        )


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="session")
def pipeline(lexicon: Lexicon) -> Pipeline:
    return Pipeline(lexicon)


@pytest.fixture
def analyze(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    """Run the whole pipeline on a text, with an optional ISO date."""

    def run(text: str, date: str | None = None) -> Analysis:
        day = dt.date.fromisoformat(date) if date else None
        article = Article.create(normalize_text(text), source_id="test", date=day)
        return pipeline.analyze(article)

    return run


def asserted(analysis: Analysis) -> set[tuple[str, str, str]]:
    """(source root, target root, CAMEO root) of the asserted events."""
    return {(e.source.root, e.target.root, e.cameo_root) for e in analysis.events if e.is_asserted}
