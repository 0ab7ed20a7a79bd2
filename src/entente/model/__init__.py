"""Records only, no I/O. Every derived record carries a span into ``Article.text``.

The records are frozen dataclasses. In the compiled build (see ``setup.py``) they are
native classes, whose attributes compiled code reads straight from the object. The ones
made most often (spans, tokens, mentions...; here and in the stages' own modules) write
their ``__init__`` out, with ``object.__setattr__`` per field as the generated one has:
compiled, that is a native call that stores the fields directly, where the generated
``__init__`` is interpreted Python (a test checks that each takes and sets its fields as
the generated one would). Pickle cannot rebuild a frozen native record field by field, so
every record is registered to pickle (and copy) as a call of its class with its fields in
order.
"""

import copyreg
from dataclasses import fields, is_dataclass
from operator import attrgetter
from typing import Any

from entente.model.actor import NON_STATE, Actor, Mention, MentionKind
from entente.model.amount import Amount
from entente.model.analysis import Analysis
from entente.model.article import Article, Dateline, Sentence, SentenceKind, Token, TokenKind
from entente.model.event import Event, Factuality, Quote
from entente.model.ids import make_id
from entente.model.place import Place, Precision, TimeRef
from entente.model.provenance import Provenance
from entente.model.span import Span
from entente.model.theme import ThemeTag


def _register(cls: type) -> None:
    """Pickle ``cls`` records as ``cls(*fields)``."""
    values = attrgetter(*(f.name for f in fields(cls)))

    def reduce(record: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(record)

    copyreg.pickle(cls, reduce)


__all__ = [
    "NON_STATE",
    "Actor",
    "Amount",
    "Analysis",
    "Article",
    "Dateline",
    "Event",
    "Factuality",
    "Mention",
    "MentionKind",
    "Place",
    "Precision",
    "Provenance",
    "Quote",
    "Sentence",
    "SentenceKind",
    "Span",
    "ThemeTag",
    "TimeRef",
    "Token",
    "TokenKind",
    "make_id",
]

for _name in __all__:  # every record the model exports
    if isinstance(_record := globals()[_name], type) and is_dataclass(_record):
        _register(_record)
