"""Half-open character spans into ``Article.text``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Characters ``[start, end)`` of the article text: the evidence of a record."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        if not 0 <= start <= end:
            raise ValueError(f"invalid span [{start}, {end})")
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    def __len__(self) -> int:
        return self.end - self.start

    def text_of(self, text: str) -> str:
        """The characters this span covers in ``text``."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end
