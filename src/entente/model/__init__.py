"""Records only, no I/O. Every derived record carries a span into ``Article.text``."""

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
