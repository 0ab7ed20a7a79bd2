"""Precision, recall and F1 of coded events, quotes and actors against gold.

The rules of ``../shared/gold/README.md``: actors compare on their first three letters
(a gold ``IGO`` accepting the UN's ``UNO``, as CAMEO codes the UN ``IGOUNO``);
an event matches when source and target match and the predicted CAMEO code starts with
an acceptable code (at the root level: the same first two digits); where gold lists no
CAMEO code the PLOVER type decides; ``symmetric`` accepts either direction. Every
asserted prediction matching no gold or optional event is a false positive; every gold
event not found is a miss; predictions hitting an ``absent`` entry are listed apart.

Themes are scored per record: :func:`~entente.enrich.themes.article_themes` against the
record's ``themes`` list (records without the key are skipped, an empty list counts),
micro precision and recall over (record, theme) pairs. Gold annotates the broad themes, so
a finer theme counts as its parent (``OIL`` as ``ENERGY``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from entente.enrich.themes import article_themes
from entente.evaluation.gold import GoldEvent, GoldRecord, read_gold
from entente.model import Analysis, Event
from entente.pipeline import Pipeline

Matcher = Callable[[Event, GoldEvent], bool]


@dataclass
class Counts:
    tp_pred: int = 0  # predictions that match
    n_pred: int = 0
    tp_gold: int = 0  # gold events found
    n_gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp_pred += other.tp_pred
        self.n_pred += other.n_pred
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp_pred / self.n_pred if self.n_pred else 1.0
        r = self.tp_gold / self.n_gold if self.n_gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "n_pred": self.n_pred,
            "n_gold": self.n_gold,
        }


@dataclass
class Report:
    """Every figure of one evaluation run; ``as_dict`` is the JSON form."""

    gold_file: str
    n_records: int = 0
    metrics: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_root: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_plover: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_phenomenon: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    quotes: list[int] = field(default_factory=lambda: [0, 0, 0])  # found, speaker ok, gold
    actors: list[int] = field(default_factory=lambda: [0, 0, 0])  # root ok, code ok, gold
    actor_errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    false_events: list[str] = field(default_factory=list)
    absent_hits: list[str] = field(default_factory=list)
    quote_errors: list[str] = field(default_factory=list)
    records_with_absent_hits: int = 0
    themes: Counts = field(default_factory=Counts)  # (record, theme) pairs
    per_theme: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    theme_records: int = 0
    theme_errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold_file": self.gold_file,
            "n_records": self.n_records,
            "events": {k: v.as_dict() for k, v in sorted(self.metrics.items())},
            "per_root": {k: v.as_dict() for k, v in sorted(self.per_root.items())},
            "per_plover": {k: v.as_dict() for k, v in sorted(self.per_plover.items())},
            "per_phenomenon": {k: v.as_dict() for k, v in sorted(self.per_phenomenon.items())},
            "quotes": {
                "n_gold": self.quotes[2],
                "found": self.quotes[0],
                "speaker_correct": self.quotes[1],
                "speaker_accuracy": _ratio(self.quotes[1], self.quotes[2]),
            },
            "actors": {
                "n_gold": self.actors[2],
                "correct": self.actors[0],
                "accuracy": _ratio(self.actors[0], self.actors[2]),
                "code_correct": self.actors[1],
                "code_accuracy": _ratio(self.actors[1], self.actors[2]),
            },
            "themes": {
                **self.themes.as_dict(),
                "n_records": self.theme_records,
                "per_theme": {k: v.as_dict() for k, v in sorted(self.per_theme.items())},
            },
            "absent_hits": len(self.absent_hits),
            "absent_hit_rate": _ratio(self.records_with_absent_hits, self.n_records),
            "misses": self.misses,
            "false_events": self.false_events,
            "absent": self.absent_hits,
            "quote_errors": self.quote_errors,
            "actor_errors": self.actor_errors,
            "theme_errors": self.theme_errors,
        }


def evaluate_file(path: Path, pipeline: Pipeline) -> Report:
    report = Report(gold_file=str(path))
    broad = {t.id: t.parent or t.id for t in pipeline.lexicon.taxonomy.themes}
    for record in read_gold(path):
        evaluate_record(record, pipeline.analyze(record.article), report, broad)
    return report


def evaluate_record(
    record: GoldRecord, analysis: Analysis, report: Report, broad: dict[str, str] | None = None
) -> None:
    """Score one record into ``report``; ``broad`` maps each theme to its broad theme
    (without it, themes compare as they are)."""
    report.n_records += 1
    predicted = [e for e in analysis.events if e.is_asserted]
    levels = {
        "root": _root_match,
        "code": _code_match,
        "plover": _plover_match,
    }
    for name, matcher in levels.items():
        counts = _score(record.events, record.optional, predicted, matcher)
        report.metrics[name].add(counts)
        for phenomenon in record.phenomena:
            if name == "root":
                report.per_phenomenon[phenomenon].add(counts)
    core = [g for g in record.events if g.level == "core"]
    report.metrics["root_core"].add(_score(tuple(core), record.optional, predicted, _root_match))
    _per_root(record, predicted, report)
    _list_errors(record, analysis, predicted, report)
    _score_quotes(record, analysis, report)
    _score_actors(record, analysis, report)
    _score_themes(record, analysis, report, broad or {})


def _score(
    gold: tuple[GoldEvent, ...],
    optional: tuple[GoldEvent, ...],
    predicted: list[Event],
    match: Matcher,
) -> Counts:
    everything = gold + optional
    return Counts(
        tp_pred=sum(1 for e in predicted if any(match(e, g) for g in everything)),
        n_pred=len(predicted),
        tp_gold=sum(1 for g in gold if any(match(e, g) for e in predicted)),
        n_gold=len(gold),
    )


def _per_root(record: GoldRecord, predicted: list[Event], report: Report) -> None:
    """Figures per CAMEO root (root matching) and per PLOVER type (PLOVER matching); a
    gold event counts under its first acceptable code or type."""
    everything = record.events + record.optional
    by_root = True
    for table, match in ((report.per_root, _root_match), (report.per_plover, _plover_match)):
        for g in record.events:
            c = table[_gold_key(g, by_root)]
            c.n_gold += 1
            c.tp_gold += any(match(e, g) for e in predicted)
        for e in predicted:
            c = table[e.cameo_root if by_root else e.plover or "--"]
            c.n_pred += 1
            c.tp_pred += any(match(e, g) for g in everything)
        by_root = False


def _gold_key(g: GoldEvent, by_root: bool) -> str:
    if by_root:
        return g.cameo[0][:2] if g.cameo else "--"
    return g.plover[0] if g.plover else "--"


def _list_errors(
    record: GoldRecord, analysis: Analysis, predicted: list[Event], report: Report
) -> None:
    everything = record.events + record.optional
    text = analysis.text
    for g in record.events:
        if not any(_root_match(e, g) for e in predicted):
            report.misses.append(f"{record.record_id}: {g.label()} [{g.level}] «{g.evidence}»")
    for e in predicted:
        if not any(_root_match(e, g) for g in everything):
            report.false_events.append(f"{record.record_id}: {_describe(e, text)}")
    hits = [e for e in predicted for a in record.absent if _absent_match(e, a)]
    for e in hits:
        report.absent_hits.append(f"{record.record_id}: {_describe(e, text)}")
    report.records_with_absent_hits += bool(hits)


def _describe(e: Event, text: str) -> str:
    return (
        f"{e.source.code}->{e.target.code} {e.cameo} ({e.provenance.rule}) "
        f"«{e.trigger.text_of(text)}»"
    )


def _actors_match(e: Event, g: GoldEvent) -> bool:
    forward = _same(e.source.root, g.source) and _same(e.target.root, g.target)
    backward = g.symmetric and _same(e.source.root, g.target) and _same(e.target.root, g.source)
    return forward or backward


_IGO_ROOTS = frozenset({"UNO", "EUR"})


def _same(predicted: str, gold: str) -> bool:
    """Codes match on their first three letters. The UN and the European Union are
    intergovernmental bodies that CAMEO codes ``IGOUNO`` and ``IGOEUREEC``: gold coded
    ``IGO`` (the PLOVER records' convention) accepts entente's ``UNO`` and ``EUR``; gold
    coded ``UNO`` or ``EUR`` asks for that body itself."""
    return predicted == gold or (gold == "IGO" and predicted in _IGO_ROOTS)


def _root_match(e: Event, g: GoldEvent) -> bool:
    if not _actors_match(e, g):
        return False
    if g.cameo:
        return any(e.cameo[:2] == code[:2] for code in g.cameo)
    return e.plover in g.plover


def _code_match(e: Event, g: GoldEvent) -> bool:
    if not _actors_match(e, g):
        return False
    if g.cameo:
        return any(e.cameo.startswith(code) for code in g.cameo)
    return e.plover in g.plover


def _plover_match(e: Event, g: GoldEvent) -> bool:
    if not _actors_match(e, g):
        return False
    return e.plover in g.plover if g.plover else _code_match(e, g)


def _absent_match(e: Event, a: GoldEvent) -> bool:
    return _actors_match(e, a) and any(e.cameo.startswith(code) for code in a.cameo)


def _score_quotes(record: GoldRecord, analysis: Analysis, report: Report) -> None:
    for g in record.quotes:
        report.quotes[2] += 1
        quote = next((q for q in analysis.quotes if _same_text(q.text, g["text"])), None)
        if quote is None:
            report.quote_errors.append(f"{record.record_id}: not found «{g['text'][:60]}»")
            continue
        report.quotes[0] += 1
        if _speaker_ok(
            g,
            quote.speaker_text,
            quote.speaker.code if quote.speaker else None,
            quote.speaker.name if quote.speaker else None,
        ):
            report.quotes[1] += 1
        else:
            report.quote_errors.append(
                f"{record.record_id}: speaker {quote.speaker_text!r} for «{g['text'][:60]}», "
                f"gold {g.get('speaker')!r}"
            )


def _speaker_ok(g: dict[str, Any], text: str | None, code: str | None, name: str | None) -> bool:
    gold_code = g.get("speaker_code")
    if gold_code:
        return code is not None and code[:3] == str(gold_code)[:3]
    return _norm(text or "") == _norm(str(g.get("speaker") or "")) or (
        name is not None and _norm(name) == _norm(str(g.get("speaker") or ""))
    )


def _score_actors(record: GoldRecord, analysis: Analysis, report: Report) -> None:
    """An actor text counts at the root level when a mention covering it resolves to the
    gold country or non-state code, and at the code level when the full code (country
    and sector, ``INDGOV``) is the gold one."""
    for g in record.actors:
        report.actors[2] += 1
        wanted = g["code"] if isinstance(g["code"], list) else [g["code"]]
        codes = {str(c) for c in wanted if c}
        roots = {c[:3] for c in codes}
        gold_text = _norm(g["text"]).removesuffix("'s")  # Donald Trump's: the name
        found: list[str] = []
        root_ok = code_ok = False
        for m in analysis.mentions:
            text = _norm(m.text)
            if not text or not (gold_text in text or text in gold_text):
                continue
            got = {a.code for a in m.actors}
            found.append(f"{m.text}={'+'.join(sorted(got)) or '-'}")
            if roots <= {c[:3] for c in got}:
                root_ok = True
                code_ok = code_ok or codes <= got
        report.actors[0] += root_ok
        report.actors[1] += code_ok
        if not code_ok:
            seen = "; ".join(found) or "no mention"
            report.actor_errors.append(
                f"{record.record_id}: {g['text']!r} gold {'+'.join(sorted(codes))}, got {seen}"
            )


def _score_themes(
    record: GoldRecord, analysis: Analysis, report: Report, broad: dict[str, str]
) -> None:
    if record.themes is None:
        return
    report.theme_records += 1
    gold = set(record.themes)
    found = {broad.get(theme, theme) for theme, _ in article_themes(analysis)}
    for theme in gold | found:
        hit = int(theme in gold and theme in found)
        counts = Counts(hit, int(theme in found), hit, int(theme in gold))
        report.themes.add(counts)
        report.per_theme[theme].add(counts)
    if gold != found:
        extra, missed = sorted(found - gold), sorted(gold - found)
        report.theme_errors.append(f"{record.record_id}: extra {extra}, missed {missed}")


def _same_text(a: str, b: str) -> bool:
    x, y = _norm(a), _norm(b)
    return bool(x) and bool(y) and (x == y or x in y or y in x)


def _norm(text: str) -> str:
    folded = text.lower().replace("’", "'").replace("‘", "'")
    return re.sub(r"[^\w']+", " ", folded).strip()


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0
