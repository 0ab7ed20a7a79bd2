"""Themes: what a sentence is about (defence, energy, trade...), with the words that show it."""

from __future__ import annotations

from dataclasses import dataclass

from entente.model.provenance import Provenance
from entente.model.span import Span


@dataclass(frozen=True, slots=True)
class ThemeTag:
    """A theme one sentence is about, with the words that show it."""

    theme: str  # taxonomy id, e.g. "DEFENSE"
    sentence: int  # sentence index
    score: float  # 0 < score <= 1
    cues: tuple[Span, ...]  # spans of the cue words in Article.text
    provenance: Provenance  # layer "themes", rule naming the cue entry

    def __init__(
        self,
        theme: str,
        sentence: int,
        score: float,
        cues: tuple[Span, ...],
        provenance: Provenance,
    ) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "theme", theme)
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "cues", cues)
        object.__setattr__(self, "provenance", provenance)
