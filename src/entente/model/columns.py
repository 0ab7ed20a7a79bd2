"""Records built a field at a time over many rows, for the stages' most numerous records.

A frozen dataclass sets each field through ``object.__setattr__`` in its ``__init__``,
and some check their values in ``__post_init__``: for the ~900 tokens and ~50 mentions of
an article, that per-field Python was a large part of the stages that make them. Where
every value is valid by construction (offsets straight from regular-expression matches,
say), :class:`Columns` makes the records with no interpreter step per record and field:
``map`` over a slot's own setter runs in C. The field names are checked against the
class when a builder is made, so a record that changes shape fails at import, not with
fields silently left unset.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from itertools import repeat
from typing import Generic, TypeVar

_R = TypeVar("_R")
Setter = Callable[[object, object], None]

_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend  # keeps nothing


class Columns(Generic[_R]):
    """Makes ``cls`` records from one column of values per field, in field order."""

    def __init__(self, cls: type[_R], names: Sequence[str]) -> None:
        actual = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
        if actual != tuple(names):
            raise RuntimeError(f"{cls.__name__} has fields {actual}; its builder expects {names}")
        self.cls = cls
        # the class's own allocator: a compiled record is no plain object to allocate
        self.new: Callable[[type[_R]], _R] = cls.__new__
        self.setters: tuple[Setter, ...] = tuple(cls.__dict__[name].__set__ for name in names)

    def build(self, columns: Sequence[Iterable[object]], n: int) -> tuple[_R, ...]:
        """``n`` new records, field ``k`` of record ``i`` being item ``i`` of column ``k``."""
        records = tuple(map(self.new, repeat(self.cls, n)))
        for setter, column in zip(self.setters, columns, strict=True):
            _consume(map(setter, records, column))
        return records
