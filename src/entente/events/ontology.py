"""CAMEO codes with their Goldstein value, quad class and PLOVER type."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from entente.errors import LexiconError
from entente.lexicons.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Code:
    cameo: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


def quad_class(cameo: str) -> int:
    """1 verbal cooperation (01–05), 2 material cooperation (06–09), 3 verbal conflict
    (10–14), 4 material conflict (15–20): the GDELT convention."""
    root = int(cameo[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO code: {cameo}")
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


@dataclass(frozen=True)
class Ontology:
    codes: dict[str, Code]

    def code(self, cameo: str) -> Code:
        try:
            return self.codes[cameo]
        except KeyError:
            raise LexiconError(f"unknown CAMEO code {cameo}") from None


@lru_cache(maxsize=4)
def load_ontology(lexicon: Lexicon) -> Ontology:
    codes = {
        row.code: Code(
            row.code, row.name, row.goldstein, quad_class(row.code), row.plover, row.plover_mode
        )
        for row in lexicon.cameo.values()
    }
    return Ontology(codes)
