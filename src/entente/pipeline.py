"""Builds the stage chain and runs it over articles.

Stages are pure functions ``(Analysis, Lexicon) -> Analysis``; each adds one layer. The
order: text → actors → quotes → coref → places → dates → events → themes → tone → amounts.
Quotations come before events (and pronoun resolution between them) because an event
inside a quotation takes the speaker as its source; coreference resolves ``he said``
speakers before the ``I`` and ``we`` inside their quotations. Places and dates come
before events, which take the place and the day of their sentence. Themes, tone and
amounts come after events: an event's CAMEO code can add a theme to its sentence, a
quotation's targets include the actors its sentence's events are aimed at, and an amount
is bound to its event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from entente.actors.coref import resolve_pronouns
from entente.actors.stage import analyze_actors
from entente.enrich.amounts import analyze_amounts
from entente.enrich.places import analyze_places
from entente.enrich.quotes import analyze_quotes
from entente.enrich.themes import analyze_themes
from entente.enrich.tone import analyze_tone
from entente.events.stage import analyze_events
from entente.lexicons.lexicon import Lexicon, load_lexicon
from entente.model import Analysis, Article
from entente.text.dates import analyze_dates
from entente.text.stage import analyze_text

Stage = Callable[[Analysis, Lexicon], Analysis]
STAGES: tuple[tuple[str, Stage], ...] = (
    ("text", analyze_text),
    ("actors", analyze_actors),
    ("quotes", analyze_quotes),
    ("coref", resolve_pronouns),
    ("places", analyze_places),
    ("dates", analyze_dates),
    ("events", analyze_events),
    ("themes", analyze_themes),
    ("tone", analyze_tone),
    ("amounts", analyze_amounts),
)


@dataclass(frozen=True)
class Pipeline:
    """The stage chain with its lexicon."""

    lexicon: Lexicon
    stages: tuple[tuple[str, Stage], ...] = field(default=STAGES)

    @classmethod
    def default(cls, lexicon_dirs: tuple[Path, ...] = ()) -> Pipeline:
        return cls(load_lexicon(lexicon_dirs))

    def analyze(self, article: Article) -> Analysis:
        analysis = Analysis(article)
        for _, stage in self.stages:
            analysis = stage(analysis, self.lexicon)
        return analysis

    def run(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        for article in articles:
            yield self.analyze(article)
