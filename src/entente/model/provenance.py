"""Where a derived record came from: the stage and the rule or lexicon entry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Provenance:
    """The stage that produced a record and the id of the rule or entry that fired."""

    stage: str
    rule: str

    def __init__(self, stage: str, rule: str) -> None:
        # written out, not generated: compiled, this is a native call (see entente.model)
        object.__setattr__(self, "stage", stage)
        object.__setattr__(self, "rule", rule)

    def __str__(self) -> str:
        return f"{self.stage}:{self.rule}"
