"""Whole-pipeline throughput, set against a bare regex tokenization pass in the same run.

Codes the Wikinews corpus (../shared/corpus beside the checkout) through the real path,
``entente.runner.code_paths`` into a DuckDB store in a temporary folder, at 1×, 4× and
16× its size, each size in its own subprocess so that its peak memory is its own. The
floor is one regex pass splitting the same texts into tokens (best of 3); the ratio of
the two rates, both measured on this machine in this run, is what to compare between
runs, since absolute timings on a shared machine are noisy.

Repeats keep every text byte for byte: copy ``k`` of a record gets the id ``ID-rK``, the
url ``URL#rK`` and its date moved ``k × 1000`` days on. An article's id is the hash of
its date and text, so an unchanged copy under a new source id would be skipped as already
coded; a moved date makes each copy a new article while the text, its sentences and so
the work of every stage stay the same. 1000 days is more than the corpus spans, so no
copy falls within the near-duplicate window (3 days) of another copy's articles: each
copy groups into stories exactly as the original does, and the counts scale by N.

Prints a table and writes JSON (``--out``):

    python bench/pipeline.py [--sizes 1 4 16] [--workers N] [--out bench.json]
                             [--corpus PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from entente.build import compiled_modules
from entente.dedup import StoryLibrary, StoryLink
from entente.ingest.files import read_inputs
from entente.lexicons.lexicon import Lexicon, load_lexicon
from entente.model import Analysis, Article
from entente.pipeline import Pipeline, Stage
from entente.runner import code_items, code_paths
from entente.store.database import Store
from entente.store.rows import Coded
from entente.text.tokens import iter_raw_tokens

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-2019-2020.jsonl"
SIZES = (1, 4, 16)
SHIFT_DAYS = 1000  # longer than the corpus spans (2019-01 to 2021-03)
FLOOR_REPEATS = 3
# Runs of each size, the fastest kept. This machine has slow spells of minutes in which
# the pipeline runs up to half as slow again and the floor a sixth; four runs, each with
# its own floor, give each size a fair chance to be measured outside one (five would too,
# but on a fresh machine the install and a slow spell would take make bench near ten
# minutes).
RUNS = 4
TOKENS = re.compile(r"\w+|[^\w\s]")
MB = 1024 * 1024

Record = dict[str, Any]


# -- the corpus and its copies ------------------------------------------------------------


def load_records(path: Path) -> list[Record]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def text_bytes(records: Iterable[Record]) -> int:
    """The size of the article texts (UTF-8), which MB/s figures are rated on."""
    return sum(len((r.get("text") or "").encode("utf-8")) for r in records)


def copy_record(record: Record, k: int) -> Record:
    """Copy ``k`` of a record: the same text under a distinct id, url and date."""
    out = dict(record)
    out["id"] = f"{record.get('id', '')}-r{k}"
    if record.get("url"):
        out["url"] = f"{record['url']}#r{k}"
    if record.get("date"):
        day = dt.date.fromisoformat(str(record["date"])[:10])
        out["date"] = (day + dt.timedelta(days=SHIFT_DAYS * k)).isoformat()
    elif k:
        # no date to move: a first line of its own keeps the copy a distinct article
        out["text"] = f"Copy {k}.\n\n{record.get('text') or ''}"
    return out


def write_repeated(records: Sequence[Record], repeat: int, path: Path) -> int:
    """Write ``repeat`` copies of the records as JSONL, streamed; return the count."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for k in range(repeat):
            for record in records:
                handle.write(json.dumps(copy_record(record, k), ensure_ascii=False) + "\n")
                count += 1
    return count


# -- the floor ----------------------------------------------------------------------------


def floor(
    texts: Sequence[str], repeats: int = FLOOR_REPEATS, *, bare: bool = True
) -> dict[str, float]:
    """The best of ``repeats`` regex tokenization passes over ``texts``, two ways.

    The floor is the pass a token-level coder cannot do without: entente's tokenizer,
    one regular expression yielding each token with its offsets and kind (6.5-8 MB/s
    here; the issue gives about 4.5 MB/s for this machine). With ``bare``, ``findall``
    too, the barest pass, the token strings alone with no Python per token, for
    reference.
    """
    size = sum(len(t.encode("utf-8")) for t in texts)

    def best_of(count: Callable[[str], int]) -> tuple[float, int]:
        best, tokens = float("inf"), 0
        for _ in range(repeats):
            started = time.perf_counter()
            tokens = sum(count(text) for text in texts)
            best = min(best, time.perf_counter() - started)
        return best, tokens

    seconds, tokens = best_of(lambda text: sum(1 for _ in iter_raw_tokens(text)))
    figures = {
        "seconds": seconds,
        "tokens": tokens,
        "mb_per_second": size / MB / seconds if seconds > 0 else float("inf"),
    }
    if bare:
        findall, _ = best_of(lambda text: len(TOKENS.findall(text)))
        figures["findall_mb_per_second"] = size / MB / findall if findall > 0 else float("inf")
    return figures


# -- one size, measured ------------------------------------------------------------------


class StageTimer:
    """Seconds per stage, accumulated over every article; sentences of what is stored."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.sentences = 0

    def wrap(self, stages: Sequence[tuple[str, Stage]]) -> tuple[tuple[str, Stage], ...]:
        return tuple(self._timed(name, fn) for name, fn in stages)

    def _timed(self, name: str, fn: Stage) -> tuple[str, Stage]:
        return name, self.add(name, fn)

    def add(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """``fn`` with its time counted under ``name``."""
        self.seconds.setdefault(name, 0.0)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - started

        return timed


class TimedStore(Store):
    """A store whose writes, and whose story library's assignments, are timed."""

    timer: StageTimer

    def write(
        self,
        analyses: Sequence[Analysis | Coded],
        *,
        lexicon_digest: str | None = None,
        stories: Sequence[StoryLink] = (),
    ) -> None:
        started = time.perf_counter()
        super().write(analyses, lexicon_digest=lexicon_digest, stories=stories)
        self.timer.seconds["store"] += time.perf_counter() - started
        # counted from what is written: with --workers the stages run in other processes
        for a in analyses:
            if isinstance(a, Coded):
                self.timer.sentences += sum(r["n_sentences"] for r in a.rows["articles"])
            else:
                self.timer.sentences += len(a.sentences)

    def add_sightings(self, articles: Sequence[Article]) -> None:
        started = time.perf_counter()
        super().add_sightings(articles)
        self.timer.seconds["store"] += time.perf_counter() - started

    def load_stories(self, library: StoryLibrary) -> StoryLibrary:
        timed = TimedLibrary(super().load_stories(library), self.timer)
        return timed  # type: ignore[return-value]


class TimedLibrary:
    """A story library whose assignments are timed. It stands in front of the library
    rather than replacing its method: the compiled build's classes take no new attributes."""

    def __init__(self, library: StoryLibrary, timer: StageTimer) -> None:
        self._library = library
        self.assign = timer.add("dedup", library.assign)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._library, name)


def warm_up(path: Path, lexicon: Lexicon) -> None:
    """Code the first article into a scratch store, untimed: what loads on first use (the
    gazetteer, language profiles, compiled patterns, the MinHash permutations, Arrow's
    and DuckDB's insert paths) is startup, not throughput."""
    for item in read_inputs([path]):
        if isinstance(item, Article):
            with (
                tempfile.TemporaryDirectory(prefix="entente-warm-") as tmp,
                Store(Path(tmp) / "warm.duckdb") as store,
            ):
                code_items([item], store, Pipeline(lexicon))
            return


def measure(
    path: Path,
    *,
    lexicon: Lexicon | None = None,
    workers: int | None = None,
    floor_texts: Sequence[str] = (),
) -> Record:
    """Code the JSONL at ``path`` into a fresh store; the counts, times and peak memory,
    and the floor over ``floor_texts`` timed just before the coding, in the same process
    (the machine's speed drifts within minutes: a floor timed alongside is the one to
    rate the run against)."""
    started = time.perf_counter()
    lexicon = lexicon or load_lexicon()
    loaded = time.perf_counter()
    warm_up(path, lexicon)
    startup = time.perf_counter() - started
    warmup = time.perf_counter() - loaded
    timer = StageTimer()
    timer.seconds["ingest"] = 0.0
    timer.seconds["dedup"] = 0.0
    pipeline = Pipeline(lexicon, stages=timer.wrap(Pipeline(lexicon).stages))
    timer.seconds["store"] = 0.0

    floor_mbs = floor(floor_texts, bare=False)["mb_per_second"] if floor_texts else None

    # reading alone, once: in the run it is interleaved with coding and not separable
    started = time.perf_counter()
    read = sum(1 for item in read_inputs([path]) if isinstance(item, Article))
    timer.seconds["ingest"] = time.perf_counter() - started

    with tempfile.TemporaryDirectory(prefix="entente-bench-") as tmp:
        store = TimedStore(Path(tmp) / "bench.duckdb")
        store.timer = timer
        started = time.perf_counter()
        with store:  # closing it is timed: its last checkpoint is the run's work too
            summary = code_paths([path], store, pipeline, workers=workers or 1)
            coded = time.perf_counter()
        seconds = time.perf_counter() - started
        timer.seconds["store"] += seconds - (coded - started)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    stages = dict(timer.seconds)
    stages["other"] = seconds - sum(stages.values())  # runner, dedup lookups' bookkeeping
    return {
        "read": read,
        "articles": summary.articles,
        "skipped": summary.skipped,
        "duplicates": summary.duplicates,
        "stories": summary.stories,
        "failed": summary.failed,
        "events": summary.events,
        "sentences": timer.sentences,
        "seconds": seconds,
        "startup_s": startup,
        "warmup_s": warmup,
        "stages_s": stages,
        "peak_rss_mb": peak_kb / 1024,
        "floor_mb_per_second": floor_mbs,
    }


def run_size(records: Sequence[Record], repeat: int, workers: int | None = None) -> Record:
    """Write ``repeat`` copies of the corpus to a temporary JSONL and measure it here."""
    with tempfile.TemporaryDirectory(prefix="entente-bench-") as tmp:
        path = Path(tmp) / f"corpus-x{repeat}.jsonl"
        write_repeated(records, repeat, path)
        texts = [r.get("text") or "" for r in records]
        result = measure(path, workers=workers, floor_texts=texts)
    result["repeat"] = repeat
    result["mb"] = text_bytes(records) * repeat / MB
    return result


def run_size_subprocess(corpus: Path, repeat: int, workers: int | None) -> Record:
    """:func:`run_size` in a fresh interpreter, so its peak memory is its own."""
    command = [sys.executable, str(Path(__file__).resolve()), "--corpus", str(corpus)]
    command += ["--child", str(repeat)]
    if workers:
        command += ["--workers", str(workers)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: Record = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- the report ---------------------------------------------------------------------------


def size_figures(raw: Record, workers: int | None) -> Record:
    articles, seconds = raw["articles"], raw["seconds"]
    out = {
        "repeat": raw["repeat"],
        "articles": articles,
        "duplicates": raw["duplicates"],
        "stories": raw["stories"],
        "skipped": raw["skipped"],
        "sentences": raw["sentences"],
        "mb": raw["mb"],
        "seconds": seconds,
        "runs_seconds": raw.get("runs_seconds", [seconds]),  # every run; the fastest kept
        "runs_peak_rss_mb": raw.get("runs_peak_rss_mb", [raw["peak_rss_mb"]]),
        "startup_s": raw["startup_s"],
        "warmup_s": raw["warmup_s"],
        # the floor timed beside this size's runs (the best of theirs), and the rate over it
        "floor_mb_per_second": raw.get("floor_mb_per_second"),
        "runs_floor_mb_per_second": raw.get("runs_floor_mb_per_second", []),
        "articles_per_second": articles / seconds if seconds else 0.0,
        "sentences_per_second": raw["sentences"] / seconds if seconds else 0.0,
        "mb_per_second": raw["mb"] / seconds if seconds else 0.0,
        "seconds_per_article": seconds / articles if articles else 0.0,
        "peak_rss_mb": raw["peak_rss_mb"],
        # where the time per article goes at this size: what grows, if cost does
        "ms_per_article_by_stage": {
            name: 1000 * value / articles if articles else 0.0
            for name, value in raw["stages_s"].items()
        },
    }
    floor_mbs = out["floor_mb_per_second"]
    out["floor_ratio"] = out["mb_per_second"] / floor_mbs if floor_mbs else None
    # one process analyses on one core; N workers share the machine's cores with the parent
    out["per_core_articles_per_second"] = out["articles_per_second"] / (workers or 1)
    return out


def report(
    corpus: Path, records: Sequence[Record], floor_figures: Record, raws: Sequence[Record],
    workers: int | None,
) -> Record:  # fmt: skip
    """The JSON document: machine, floor, the first size's figures on top, every size."""
    sizes = [size_figures(r, workers) for r in sorted(raws, key=lambda r: r["repeat"])]
    first, last = sizes[0], sizes[-1]
    raw_first = min(raws, key=lambda r: r["repeat"])
    seconds = raw_first["seconds"]
    stages = {
        name: {"seconds": s, "share": s / seconds if seconds else 0.0}
        for name, s in raw_first["stages_s"].items()
    }
    # the floor timed beside the first size's runs; the one timed at the start where
    # the runs timed none
    floor_mbs = first["floor_mb_per_second"] or floor_figures["mb_per_second"]
    out: Record = {
        "corpus": {
            "path": str(corpus),
            "articles": len(records),
            "mb": text_bytes(records) / MB,
            "copies": f"ids -rK, urls #rK, dates moved K*{SHIFT_DAYS} days; texts unchanged",
        },
        "machine": {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "workers": workers,
        # the modules running compiled (setup.py); none in a pure-Python install
        "compiled_modules": compiled_modules(),
        "floor_mb_per_second": floor_mbs,
        "floor_mb_per_second_at_start": floor_figures["mb_per_second"],
        "floor_tokens": floor_figures["tokens"],
        "findall_mb_per_second": floor_figures["findall_mb_per_second"],
        "repeat": first["repeat"],
        "articles": first["articles"],
        "articles_per_second": first["articles_per_second"],
        "sentences_per_second": first["sentences_per_second"],
        "mb_per_second": first["mb_per_second"],
        "floor_ratio": first["mb_per_second"] / floor_mbs if floor_mbs else 0.0,
        "peak_rss_mb": first["peak_rss_mb"],
        "startup_s": first["startup_s"],
        "warmup_s": first["warmup_s"],
        "stages": stages,
        "sizes": sizes,
        "growth": {
            "repeat_from": first["repeat"],
            "repeat_to": last["repeat"],
            "seconds_per_article": _ratio(
                last["seconds_per_article"], first["seconds_per_article"]
            ),
            "peak_rss": _ratio(last["peak_rss_mb"], first["peak_rss_mb"]),
        },
    }
    out["per_core_articles_per_second"] = first["per_core_articles_per_second"]
    return out


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def table(doc: Record) -> str:
    lines = [
        f"corpus {doc['corpus']['path']}: {doc['corpus']['articles']} articles, "
        f"{doc['corpus']['mb']:.2f} MB; {doc['machine']['cpu_count']} cpus, "
        f"python {doc['machine']['python']}; "
        + (
            f"{len(doc['compiled_modules'])} modules compiled (mypyc)"
            if doc["compiled_modules"]
            else "pure Python (not compiled)"
        ),
        f"floor (tokenizer pass, best of {FLOOR_REPEATS} before each run of the first size): "
        f"{doc['floor_mb_per_second']:.1f} MB/s ({doc['floor_mb_per_second_at_start']:.1f} at "
        f"the start; bare findall {doc['findall_mb_per_second']:.1f} MB/s)",
        f"{doc['repeat']}x: {doc['articles_per_second']:.1f} articles/s "
        f"({doc['per_core_articles_per_second']:.1f} per core), "
        f"{doc['sentences_per_second']:.0f} sentences/s, {doc['mb_per_second']:.3f} MB/s, "
        f"floor ratio {doc['floor_ratio']:.5f} (1/{1 / doc['floor_ratio']:.0f}), "
        f"peak {doc['peak_rss_mb']:.0f} MB, "
        f"startup {doc['startup_s']:.1f} s (warm-up {doc['warmup_s']:.1f} s)",
        "",
        f"{'stage':<10} {'seconds':>8} {'share':>6}",
    ]
    for name, fig in doc["stages"].items():
        lines.append(f"{name:<10} {fig['seconds']:>8.2f} {fig['share']:>6.1%}")
    lines += [
        "",
        f"{'repeat':>6} {'articles':>8} {'dups':>5} {'seconds':>8} {'art/s':>7} "
        f"{'ms/art':>7} {'peak MB':>8} {'floor':>6} {'ratio':>7}",
    ]
    for s in doc["sizes"]:
        floor_mbs, ratio = s["floor_mb_per_second"], s["floor_ratio"]
        lines.append(
            f"{s['repeat']:>5}x {s['articles']:>8} {s['duplicates']:>5} {s['seconds']:>8.1f} "
            f"{s['articles_per_second']:>7.1f} {1000 * s['seconds_per_article']:>7.1f} "
            f"{s['peak_rss_mb']:>8.0f} "
            + (f"{floor_mbs:>6.1f} {ratio:>7.4f}" if floor_mbs else f"{'-':>6} {'-':>7}")
        )
    g = doc["growth"]
    lines.append(
        f"{g['repeat_from']}x -> {g['repeat_to']}x: "
        f"time per article x{g['seconds_per_article']:.2f}, peak memory x{g['peak_rss']:.2f}"
    )
    if doc.get("workers"):
        lines.append(f"workers {doc['workers']} (passed to the runner)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=RUNS, help="runs a size")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(
            f"bench/pipeline.py: skipped: no corpus at {args.corpus} "
            "(it lives in ../shared beside the checkout)"
        )
        return 0
    records = load_records(args.corpus)
    if args.child is not None:
        print(json.dumps(run_size(records, args.child, args.workers)))
        return 0
    floor_figures = floor([r.get("text") or "" for r in records])
    raws = []
    for repeat in sorted(set(args.sizes)):
        # every size is run as often as every other and its fastest run kept, as the
        # best floor of its runs is, so that sizes compare like with like (see RUNS);
        # memory is the highest peak of the runs
        articles = repeat * len(records)
        print(f"coding {repeat}x ({articles} articles, {args.runs} runs)...", flush=True)
        tries = [run_size_subprocess(args.corpus, repeat, args.workers) for _ in range(args.runs)]
        best = min(tries, key=lambda r: r["seconds"])
        best["runs_seconds"] = [r["seconds"] for r in tries]
        best["runs_peak_rss_mb"] = [r["peak_rss_mb"] for r in tries]
        best["peak_rss_mb"] = max(best["runs_peak_rss_mb"])
        best["runs_floor_mb_per_second"] = [r["floor_mb_per_second"] for r in tries]
        best["floor_mb_per_second"] = max(best["runs_floor_mb_per_second"])
        raws.append(best)
    doc = report(args.corpus, records, floor_figures, raws, args.workers)
    print(table(doc))
    if args.out:
        args.out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
