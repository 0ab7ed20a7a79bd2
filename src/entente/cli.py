"""The ``entente`` command: thin shells over the library.

Data goes to standard output, messages to standard error. Exit codes: 0 success, 1 an
error that stopped the command, 2 some inputs failed (the rest were stored).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from entente import __version__
from entente.actors.lookup import Resolution, lookup
from entente.analytics import (
    PERIODS,
    balance,
    dyad_series,
    find_changes,
    network,
    top_events,
    top_quotes,
)
from entente.analytics.base import Scope
from entente.analytics.changes import MIN_ARTICLES, SIGNALS
from entente.errors import EntenteError, InputError
from entente.evaluation import evaluate_file, gate
from entente.export import write_gdelt, write_plover, write_tables
from entente.ingest.files import URL_LIST_PREFIX
from entente.ingest.options import ReadOptions
from entente.lexicons.check import check_lexicons, summary
from entente.lexicons.lexicon import load_lexicon
from entente.pipeline import Pipeline
from entente.runner import RunSummary, code_paths
from entente.store.database import Store, default_db_path
from entente.store.reader import (
    EVENT_COLUMNS,
    QUOTE_COLUMNS,
    EventFilter,
    QuoteFilter,
    dyad_counts,
    find_article,
    find_events,
    find_quotes,
)

EXIT_OK, EXIT_ERROR, EXIT_INPUTS_FAILED = 0, 1, 2
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="entente",
        description="Code international-relations news into CAMEO/PLOVER events with evidence.",
    )
    parser.add_argument("--version", action="version", version=f"entente {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help="database file (default: $ENTENTE_DB or ./entente.duckdb)",
    )
    parser.add_argument(
        "--lexicons",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of your own lexicon files, added to the package's (repeatable; "
        "also $ENTENTE_LEXICONS)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    code = sub.add_parser(
        "code",
        help="code files, folders, URLs, feeds, web archives or - (standard input) "
        "into the database",
    )
    code.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="files, folders, http(s) URLs, urls:LIST or - (standard input)",
    )
    code.add_argument(
        "--max-bytes",
        type=int,
        default=10 * 1024 * 1024,
        help="skip files, records and responses larger than this (default 10 MiB)",
    )
    code.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    _workers_option(code)
    _add_input_options(code)

    watch = sub.add_parser("watch", help="poll RSS/Atom feeds and code new items until stopped")
    _workers_option(watch)
    watch.add_argument("feeds", type=Path, help="a file of feed URLs or paths, one a line")
    watch.add_argument(
        "--every", default="15m", help="time between rounds: 30s, 15m, 2h (default 15m)"
    )
    watch.add_argument(
        "--rounds", type=int, default=None, help="stop after this many rounds (default: never)"
    )

    events = sub.add_parser("events", help="list coded events")
    events.add_argument("--dyad", help="two actor codes, e.g. IND-USA (either direction)")
    events.add_argument("--actor", help="an actor code as source or target, e.g. RUS")
    events.add_argument("--code", help="a CAMEO code prefix, e.g. 04 or 163")
    events.add_argument("--since", help="first date, YYYY-MM-DD")
    events.add_argument("--until", help="last date, YYYY-MM-DD")
    events.add_argument(
        "--all",
        action="store_true",
        help="include negated, hypothetical, future and reported events",
    )
    events.add_argument(
        "--every-report",
        action="store_true",
        help="each article's events (default: each event once per story, with its counts)",
    )
    events.add_argument("--limit", type=int, default=None, help="at most this many events")
    _format_option(events)

    quotes = sub.add_parser("quotes", help="list quotations with their speakers")
    quotes.add_argument(
        "--speaker",
        help="who said it: a name (Donald Trump), the words the article used, or an actor "
        "code (USAGOV, IND: a prefix)",
    )
    quotes.add_argument("--about", help="a country or body the quotation is about, e.g. IND")
    quotes.add_argument("--since", help="first article date, YYYY-MM-DD")
    quotes.add_argument("--until", help="last article date, YYYY-MM-DD")
    quotes.add_argument("--limit", type=int, default=None, help="at most this many quotations")
    _format_option(quotes)

    article = sub.add_parser("article", help="show an article with its evidence marked")
    article.add_argument("id", help="article id, or source id (a prefix is enough)")

    evaluate = sub.add_parser("eval", help="score the coder against gold files")
    evaluate.add_argument("gold", type=Path, nargs="+", help="gold annotations, JSON lines")
    evaluate.add_argument("--format", choices=("table", "json"), default="table")
    evaluate.add_argument(
        "--show", type=int, default=20, help="how many misses and false events to list (default 20)"
    )
    evaluate.add_argument(
        "--baseline",
        type=Path,
        help="fail (exit 1) when a figure falls below the floors pinned in this file",
    )
    evaluate.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="pin the figures measured now as the floors in FILE",
    )

    actors = sub.add_parser("actors", help="resolve actor phrases")
    actors_sub = actors.add_subparsers(dest="actors_command", required=True, metavar="ACTION")
    lookup = actors_sub.add_parser(
        "lookup", help="resolve a phrase on a date (PM Modi, the US president)"
    )
    lookup.add_argument(
        "text", help="the phrase, or - to read TEXT<TAB>DATE lines from standard input"
    )
    lookup.add_argument("--date", help="the article date that decides who held an office")
    lookup.add_argument("--format", choices=("table", "json"), default="table")

    lexicon = sub.add_parser("lexicon", help="inspect the knowledge files")
    lexicon_sub = lexicon.add_subparsers(dest="lexicon_command", required=True, metavar="ACTION")
    lexicon_sub.add_parser(
        "check", help="validate the lexicons: duplicates, unknown codes, overlapping terms"
    )

    export = sub.add_parser(
        "export", help="write the store as GDELT 2.0 events, PLOVER JSON, Parquet or CSV"
    )
    export.add_argument(
        "export_format",
        metavar="FORMAT",
        choices=("gdelt", "plover", "parquet", "csv"),
        help="gdelt (tab-separated GDELT 2.0 event table), plover (JSON lines), "
        "parquet or csv (a folder with a file per table)",
    )
    export.add_argument(
        "-o", "--output", type=Path, required=True, help="the file (gdelt, plover) or folder"
    )
    export.add_argument(
        "--table",
        action="append",
        default=[],
        metavar="NAME",
        help="parquet, csv: only this table (repeatable; default every table)",
    )
    export.add_argument(
        "--all",
        action="store_true",
        help="gdelt, plover: include negated, hypothetical, future and reported events",
    )

    demo = sub.add_parser("demo", help="code the example articles and show what was found")
    demo.add_argument("--articles", type=Path, default=EXAMPLES, help="folder of articles")
    _add_analytics_parsers(sub)
    return parser


def _add_analytics_parsers(sub: Any) -> None:
    dyad = sub.add_parser("dyad", help="a pair's events, Goldstein and tone per period")
    _pair_options(dyad)
    _by_option(dyad)
    _plain_format_option(dyad)

    bal = sub.add_parser("balance", help="one actor's relations with several others compared")
    bal.add_argument("actor", help="the actor, e.g. IND")
    bal.add_argument("partners", nargs="+", help="two or more partners, e.g. USA RUS")
    bal.add_argument(
        "--theme", action="append", default=[], help="a theme, e.g. DEFENSE (repeatable)"
    )
    _window_options(bal)
    _by_option(bal, default="quarter")
    _plain_format_option(bal)

    changes = sub.add_parser("changes", help="significant shifts in a pair's series (PELT)")
    _pair_options(changes)
    _by_option(changes)
    changes.add_argument(
        "--signal",
        choices=SIGNALS,
        default="net_cooperation_per_1k",
        help="the series column searched for shifts (default net_cooperation_per_1k)",
    )
    changes.add_argument("--min-size", type=int, default=2, help="shortest segment, in periods (2)")
    changes.add_argument(
        "--min-articles",
        type=int,
        default=MIN_ARTICLES,
        help=f"search a per-1,000-articles rate only over periods with this many articles "
        f"(default {MIN_ARTICLES}); with too few such periods, search the raw count instead",
    )
    changes.add_argument(
        "--penalty", type=float, default=None, help="PELT penalty (default 2·σ²·ln n)"
    )
    _plain_format_option(changes)

    net = sub.add_parser("network", help="who acts on whom, weighted by events")
    _window_options(net)
    net.add_argument("--theme", help="only events of this theme, e.g. ENERGY")
    net.add_argument("--undirected", action="store_true", help="merge the two directions")
    net.add_argument("--min-events", type=int, default=1, help="drop lighter edges (1)")
    net.add_argument("--limit", type=int, default=None, help="at most this many edges")
    _plain_format_option(net)

    top = sub.add_parser("top", help="a pair's heaviest events and quotations with evidence")
    _pair_options(top)
    top.add_argument("--limit", type=int, default=10, help="events and quotations each (10)")
    _plain_format_option(top)

    report = sub.add_parser("report", help="a self-contained HTML report of one actor's relations")
    report.add_argument("--focus", required=True, help="the actor reported on, e.g. IND")
    report.add_argument("--vs", nargs="+", required=True, help="its partners, e.g. USA RUS")
    report.add_argument("-o", "--output", type=Path, required=True, help="the HTML file to write")
    _by_option(report)
    _window_options(report)
    report.add_argument("--limit", type=int, default=10, help="top events and quotations (10)")
    report.add_argument(
        "--min-articles",
        type=int,
        default=MIN_ARTICLES,
        help=f"trim the window to periods with at least this many articles ({MIN_ARTICLES}); "
        "with none, chart raw net cooperation instead of a rate",
    )
    report.add_argument("--charts", type=Path, default=None, help="also write each chart here")
    report.add_argument(
        "--chart-format", choices=("png", "svg"), default="png", help="--charts files (png)"
    )


def _workers_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="analyse in N processes (default 1; 0: one per core); the results are "
        "the same as with one",
    )


def _pair_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", help="one side, e.g. IND")
    parser.add_argument("b", help="the other side, e.g. USA")
    parser.add_argument("--directed", action="store_true", help="only A acting on B")
    parser.add_argument("--theme", help="only events of this theme, e.g. TRADE")
    _window_options(parser)


def _window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", help="first date, YYYY-MM-DD")
    parser.add_argument("--until", help="last date, YYYY-MM-DD")


def _by_option(parser: argparse.ArgumentParser, default: str = "month") -> None:
    parser.add_argument(
        "--by", choices=PERIODS, default=default, help=f"period length (default {default})"
    )


def _plain_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format"
    )


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json", "jsonl"),
        default="table",
        help="output format (default table)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {
        "code": cmd_code,
        "events": cmd_events,
        "quotes": cmd_quotes,
        "article": cmd_article,
        "eval": cmd_eval,
        "demo": cmd_demo,
        "watch": cmd_watch,
        "actors": cmd_actors,
        "lexicon": cmd_lexicon,
        "dyad": cmd_dyad,
        "balance": cmd_balance,
        "changes": cmd_changes,
        "network": cmd_network,
        "top": cmd_top,
        "report": cmd_report,
        "export": cmd_export,
    }[args.command]
    try:
        return handler(args)
    except EntenteError as exc:
        print(f"entente: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _db(args: argparse.Namespace) -> Path:
    return args.db or default_db_path()


def _add_input_options(code: argparse.ArgumentParser) -> None:
    for name in ("text", "title", "date", "url", "id", "author", "outlet"):
        code.add_argument(
            f"--{name}-field",
            default=name,
            metavar="NAME",
            help=f"the JSON/JSONL/CSV field holding the {name} (default {name})",
        )
    code.add_argument(
        "--urls",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a file of URLs, one a line, each fetched (repeatable)",
    )
    code.add_argument(
        "--allow-private",
        action="store_true",
        help="let URLs reach loopback and private addresses (refused by default)",
    )
    code.add_argument("--timeout", type=float, default=10.0, help="seconds per URL (10)")
    code.add_argument("--max-redirects", type=int, default=5, help="redirects per URL (5)")
    code.add_argument(
        "--language",
        action="append",
        default=[],
        metavar="CODE",
        help="an ISO 639-1 language to code (repeatable; default en); others are skipped",
    )


def read_options(args: argparse.Namespace) -> ReadOptions:
    """The reader's settings from the ``code`` command's options."""
    return ReadOptions(
        max_bytes=args.max_bytes,
        text_field=args.text_field,
        title_field=args.title_field,
        date_field=args.date_field,
        url_field=args.url_field,
        id_field=args.id_field,
        author_field=args.author_field,
        outlet_field=args.outlet_field,
        timeout_s=args.timeout,
        max_redirects=args.max_redirects,
        allow_private=args.allow_private,
        languages=tuple(args.language) or ("en",),
    )


def cmd_code(args: argparse.Namespace) -> int:
    paths = [*args.paths, *(Path(f"{URL_LIST_PREFIX}{f}") for f in args.urls)]
    if not paths:
        print("entente: code needs a file, folder, URL, --urls FILE or -", file=sys.stderr)
        return EXIT_ERROR
    coded = _code(
        paths,
        _db(args),
        args.max_bytes,
        quiet=args.quiet,
        lexicons=args.lexicons,
        options=read_options(args),
        workers=args.workers,
    )
    return EXIT_INPUTS_FAILED if coded.failed else EXIT_OK


def _workers(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of processes (0 or more; 0: one per core)"
        )
    return n


def _code(
    paths: list[Path],
    db: Path,
    max_bytes: int,
    *,
    quiet: bool,
    lexicons: Sequence[Path] = (),
    options: ReadOptions | None = None,
    workers: int = 1,
) -> Any:
    from tqdm import tqdm

    pipeline = Pipeline.default(tuple(lexicons))
    with (
        Store(db) as store,
        tqdm(unit=" inputs", disable=quiet or None, file=sys.stderr, leave=False) as bar,
    ):

        def report(error: InputError) -> None:
            bar.write(f"entente: skipped {error.source}: {error.reason}", file=sys.stderr)

        summary = code_paths(
            paths,
            store,
            pipeline,
            max_bytes=max_bytes,
            on_error=report,
            on_progress=lambda s: _advance(bar, s),
            options=options,
            workers=workers,
        )
    if not quiet:
        print(
            f"coded {summary.articles} articles into {db}: {summary.events} events "
            f"({summary.asserted} asserted), {summary.quotes} quotes; "
            f"{summary.stories} new stories, {summary.duplicates} reports of known stories; "
            f"{summary.skipped} unchanged (already coded with this lexicon); "
            f"{summary.failed} inputs failed",
            file=sys.stderr,
        )
    return summary


def _advance(bar: Any, summary: RunSummary) -> None:
    bar.update(summary.inputs - bar.n)
    bar.set_postfix(summary.counts(), refresh=False)


def cmd_watch(args: argparse.Namespace) -> int:
    from entente.watch import WatchSettings, parse_duration, read_feed_list, watch_feeds

    settings = WatchSettings(parse_duration(args.every), args.rounds)
    feeds = read_feed_list(args.feeds)
    if not feeds:
        raise EntenteError(f"{args.feeds}: no feeds listed")
    pipeline = Pipeline.default(tuple(args.lexicons))

    def report(error: InputError) -> None:
        print(f"entente: skipped {error.source}: {error.reason}", file=sys.stderr)

    def summarize(n: int, s: RunSummary) -> None:
        print(
            f"round {n}: {s.articles} new articles coded, {s.events} events; "
            f"{s.skipped} already stored, {s.duplicates} reports of known stories; "
            f"{s.failed} failed",
            file=sys.stderr,
        )

    try:
        with Store(_db(args)) as store:
            watch_feeds(
                feeds,
                store,
                pipeline,
                settings,
                on_round=summarize,
                on_error=report,
                workers=args.workers,
            )
    except KeyboardInterrupt:
        print("entente: watch stopped", file=sys.stderr)
    return EXIT_OK


def cmd_events(args: argparse.Namespace) -> int:
    filters = EventFilter(
        dyad=args.dyad,
        actor=args.actor,
        code=args.code,
        since=args.since,
        until=args.until,
        include_all=args.all,
        limit=args.limit,
        every_report=args.every_report,
    )
    with Store(_db(args), read_only=True) as store:
        rows = find_events(store, filters)
    write_rows(rows, args.format, EVENT_COLUMNS)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    fmt, out = args.export_format, args.output
    if args.table and fmt in ("gdelt", "plover"):
        raise EntenteError(f"--table applies to parquet and csv, not {fmt}")
    with Store(_db(args), read_only=True) as store:
        if fmt == "gdelt":
            n = write_gdelt(store, out, include_all=args.all)
        elif fmt == "plover":
            lexicon = load_lexicon(tuple(args.lexicons))
            n = write_plover(store, out, lexicon, include_all=args.all)
        else:
            n = len(write_tables(store, out, fmt, args.table))
    what = "table" if fmt in ("parquet", "csv") else "event"
    print(f"wrote {n} {what}{'' if n == 1 else 's'} to {out}", file=sys.stderr)
    return EXIT_OK


def cmd_quotes(args: argparse.Namespace) -> int:
    filters = QuoteFilter(
        speaker=args.speaker,
        about=args.about,
        since=args.since,
        until=args.until,
        limit=args.limit,
    )
    with Store(_db(args), read_only=True) as store:
        rows = find_quotes(store, filters)
    if args.format == "table":
        _quote_table(rows)
    else:
        write_rows(rows, args.format, QUOTE_COLUMNS)
    return EXIT_OK


def _quote_table(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        about = ",".join(row["targets"] or []) or "-"
        tone = f"{row['tone']:+.2f}" if row["tone"] is not None else "  -  "
        print(
            f"{row['date'] or '          '}  {row['speaker'] or '(no speaker)'} "
            f"[{row['speaker_code'] or '-'}] about {about} tone {tone}"
        )
        print(f"            “{_shorten(row['text'], 150)}”  ({row['source_id']})")
    print(f"{len(rows)} quotations", file=sys.stderr)


def write_rows(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str]) -> None:
    out = sys.stdout
    if fmt == "json":
        _json(rows)
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        _table(rows)


def _table(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        print(
            f"{row['date'] or '          '}  {row['source']:>7} → {row['target']:<7} "
            f"{row['cameo']:<4} {row['plover'] or '-':<9} {row['goldstein']:+5.1f} "
            f"{row['factuality']:<12} {row['rule']}"
        )
        print(f"            «{row['trigger']}» in: {_shorten(row['evidence'], 150)}")
        extras = []
        if row.get("place"):
            extras.append(f"in {row['place']} ({row['place_country']})")
        if row.get("themes"):
            extras.append("themes " + ",".join(row["themes"]))
        if row.get("tone") is not None:
            extras.append(f"tone {row['tone']:+.2f}")
        if extras:
            print("            " + "; ".join(extras))
    print(f"{len(rows)} events", file=sys.stderr)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_article(args: argparse.Namespace) -> int:
    with Store(_db(args), read_only=True) as store:
        view = find_article(store, args.id)
    if view is None:
        raise EntenteError(f"no article with id or source id {args.id!r}")
    article = view.article
    print(f"{article['source_id']}  ({article['article_id']}, {article['date'] or 'no date'})")
    where = article["dateline_place"]
    if where:
        print(f"dateline: {where} ({article['dateline_country'] or 'country unknown'})")
    if article["tone"] is not None:
        print(f"tone: {article['tone']:+.2f} (−1 … +1)")
    if view.themes:
        print("themes: " + ", ".join(f"{t['theme']} {t['weight']:.2f}" for t in view.themes))
    print(_mark(article["text"], view.events))
    print("\nevents:")
    for e in view.events:
        themes = ",".join(e["themes"] or []) or "-"
        print(
            f"  [{e['n']}] {e['source']} → {e['target']} {e['cameo']} {e['plover'] or '-'} "
            f"{e['factuality']} conf {e['confidence']:.2f} rule {e['rule']}: «{e['trigger']}» "
            f"themes {themes}"
        )
    print("quotes:")
    for q in view.quotes:
        about = ",".join(q["targets"] or []) or "-"
        tone = f"{q['tone']:+.2f}" if q["tone"] is not None else "-"
        print(
            f"  {q['speaker_text'] or '(no speaker)'} [{q['speaker_code'] or '-'}] "
            f"about {about}, tone {tone}: “{_shorten(q['text'], 120)}”"
        )
    if view.places:
        print("places:")
        for p in view.places:
            print(f"  {p['text']}: {p['name']}, {p['admin1'] or '-'}, {p['country']}")
    if view.amounts:
        print("amounts:")
        for n in view.amounts:
            print(f"  {n['text']}: {n['value']:g} {n['unit']} ({n['theme'] or 'no theme'})")
    return EXIT_OK


def _mark(text: str, events: list[dict[str, Any]]) -> str:
    """The text with each trigger bracketed and numbered: ``[[working]]¹``."""
    marks = sorted({(e["trigger_start"], e["trigger_end"], e["n"]) for e in events}, reverse=True)
    last_start = len(text) + 1
    for start, end, n in marks:
        if end <= last_start:
            text = f"{text[:start]}[[{text[start:end]}]]{n}{text[end:]}"
            last_start = start
    return text


def cmd_eval(args: argparse.Namespace) -> int:
    pipeline = Pipeline.default(tuple(args.lexicons))
    reports = [evaluate_file(path, pipeline).as_dict() for path in args.gold]
    if args.format == "json":
        json.dump(
            reports if len(reports) > 1 else reports[0], sys.stdout, indent=2, ensure_ascii=False
        )
        sys.stdout.write("\n")
    else:
        for report in reports:
            _print_report(report, args.show)
    if args.write_baseline:
        gate.write_baseline(args.write_baseline, gate.pin(reports))
        print(
            f"pinned the figures of {len(reports)} gold file(s) in {args.write_baseline}",
            file=sys.stderr,
        )
    if args.baseline:
        breaches, unpinned = gate.check(reports, gate.read_baseline(args.baseline))
        for name in unpinned:
            print(f"entente: warning: {args.baseline} pins no figures for {name}", file=sys.stderr)
        for breach in breaches:
            print(f"entente: evaluation gate: {breach}", file=sys.stderr)
        if breaches:
            return EXIT_ERROR
        print(f"evaluation gate: every pinned figure holds ({args.baseline})", file=sys.stderr)
    return EXIT_OK


def _print_report(report: dict[str, Any], show: int) -> None:
    print(f"{report['gold_file']}: {report['n_records']} records")
    for name, m in report["events"].items():
        print(
            f"  events {name:<10} P {m['precision']:.3f}  R {m['recall']:.3f}  "
            f"F1 {m['f1']:.3f}  (pred {m['n_pred']}, gold {m['n_gold']})"
        )
    q, a = report["quotes"], report["actors"]
    print(
        f"  quotes: {q['found']}/{q['n_gold']} found, speaker correct {q['speaker_correct']} "
        f"({q['speaker_accuracy']:.3f})"
    )
    print(
        f"  actors: country {a['correct']}/{a['n_gold']} ({a['accuracy']:.3f}), "
        f"full code {a['code_correct']}/{a['n_gold']} ({a['code_accuracy']:.3f})"
    )
    print(f"  absent hits: {report['absent_hits']} ({report['absent_hit_rate']:.1%} of records)")
    if report["themes"]["n_gold"]:
        print("  themes: P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}".format(**report["themes"]))
    else:
        print("  themes: not annotated in this file")
    for title, key in (
        ("per root", "per_root"),
        ("per PLOVER type", "per_plover"),
        ("per phenomenon", "per_phenomenon"),
    ):
        print(f"  {title}:")
        for name, m in report[key].items():
            print(
                f"    {name:<14} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} "
                f"(pred {m['n_pred']}, gold {m['n_gold']})"
            )
    for title, key in (
        ("absent hits", "absent"),
        ("misses", "misses"),
        ("false events", "false_events"),
        ("quote errors", "quote_errors"),
        ("actor errors", "actor_errors"),
    ):
        items = report[key]
        if items:
            print(f"  {title} ({len(items)}):")
            for item in items[:show]:
                print(f"    {item}")


def cmd_demo(args: argparse.Namespace) -> int:
    if not args.articles.is_dir():
        raise EntenteError(f"{args.articles}: no folder of example articles here")
    db = _db(args)
    summary = _code([args.articles], db, 10 * 1024 * 1024, quiet=False, lexicons=args.lexicons)
    with Store(db, read_only=True) as store:
        dyads = dyad_counts(store)
        print("\nEvents per dyad (asserted; both directions):")
        for d in dyads[:12]:
            print(
                f"  {d['dyad']:<9} {d['n_events']:>3} events  coop {d['cooperative']:>3}  "
                f"conflict {d['conflictual']:>3}  mean Goldstein {d['goldstein_mean']:+.2f}"
            )
        for dyad in ("IND-USA", "IND-RUS"):
            rows = find_events(store, EventFilter(dyad=dyad))
            print(f"\n{dyad}: {len(rows)} asserted events, in date order")
            for row in rows:
                print(
                    f"  {row['date']}  {row['source']:>7} → {row['target']:<7} "
                    f"{row['cameo']} {row['plover'] or '-':<9} {row['goldstein']:+5.1f}  "
                    f"«{row['trigger']}»"
                )
                print(f"              {_shorten(row['evidence'], 140)}")
    print(f"\nTry: entente --db {db} events --dyad IND-USA --format jsonl", file=sys.stderr)
    return EXIT_INPUTS_FAILED if summary.failed else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def cmd_actors(args: argparse.Namespace) -> int:
    lexicon = load_lexicon(tuple(args.lexicons))
    if args.text != "-":
        resolution = lookup(args.text, _date(args.date, "--date"), lexicon)
        if args.format == "json":
            print(json.dumps(resolution.as_dict(), ensure_ascii=False))
        else:
            _print_resolution(resolution)
        return EXIT_OK
    failed = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        text, _, date_text = line.rstrip("\n").partition("\t")
        try:
            resolution = lookup(text, _date(date_text.strip() or None, "date"), lexicon)
        except EntenteError as exc:
            failed += 1
            print(f"entente: error: stdin line {number}: {exc}", file=sys.stderr)
            print(json.dumps({"text": text, "code": None, "error": str(exc)}, ensure_ascii=False))
            continue
        print(json.dumps(resolution.as_dict(), ensure_ascii=False))
    return EXIT_INPUTS_FAILED if failed else EXIT_OK


def _date(text: str | None, what: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise EntenteError(f"{what} {text!r} is not a date (YYYY-MM-DD)") from None


def _print_resolution(r: Resolution) -> None:
    when = f" on {r.date.isoformat()}" if r.date else ""
    if r.code is None:
        print(f"{r.text!r}{when}: no actor")
        return
    print(f"{r.text!r}{when}: {r.code}  {r.name or ''}")
    if r.actor_id:
        print(f"  identity: {r.actor_id}")
    if r.role:
        until = r.role["end"] or "today"
        print(f"  role: {r.role['office']} of {r.role['country']}, {r.role['start']} to {until}")
    elif r.kind == "person":
        print("  role: none held on that date")
    if r.members:
        print(f"  members: {', '.join(r.members)}")
    print(f"  rule: {r.rule}  (matched {r.matched!r})")


def cmd_lexicon(args: argparse.Namespace) -> int:
    report = check_lexicons(tuple(args.lexicons))
    for error in report.errors:
        print(f"error: {error}")
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(summary(report))
    return EXIT_OK if report.ok else EXIT_ERROR


# -- analytics ------------------------------------------------------------------------


def _scope(args: argparse.Namespace) -> Scope:
    return Scope(args.a, args.b, args.directed, args.since, args.until, args.theme)


def _json(data: Any) -> None:
    json.dump(data, sys.stdout, default=str, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _num(value: float | None, fmt: str = "+6.2f") -> str:
    return "     -" if value is None else format(value, fmt)


def cmd_dyad(args: argparse.Namespace) -> int:
    with Store(_db(args), read_only=True) as store:
        rows = dyad_series(store, _scope(args), args.by)
    if args.format == "json":
        _json(rows)
        return EXIT_OK
    print("period      articles events  q1  q2  q3  q4  goldstein (95%)        net  per1k   tone")
    for r in rows:
        interval = (
            f"[{r['goldstein_low']:+.1f},{r['goldstein_high']:+.1f}]"
            if r["goldstein_low"] is not None
            else ""
        )
        print(
            f"{r['period']:<11} {r['n_articles']:>8} {r['n_events']:>6} {r['quad1']:>3} "
            f"{r['quad2']:>3} {r['quad3']:>3} {r['quad4']:>3}  {_num(r['goldstein_mean'])} "
            f"{interval:<14} {r['net_cooperation']:+7.1f} {r['net_cooperation_per_1k']:+6.1f} "
            f"{_num(r['tone'])}"
        )
    return EXIT_OK


def cmd_balance(args: argparse.Namespace) -> int:
    themes = args.theme or [None]
    with Store(_db(args), read_only=True) as store:
        rows, summary = balance(
            store,
            args.actor,
            args.partners,
            themes=themes,
            by=args.by,
            since=args.since,
            until=args.until,
        )
    if args.format == "json":
        _json({"periods": rows, "summary": summary})
        return EXIT_OK
    print("theme         partner events  warmth balance   trend")
    for s in summary:
        mark = "  warmest" if s["warmest"] else ""
        print(
            f"{s['theme']:<13} {s['partner']:<7} {s['n_events']:>6} {s['warmth']:+7.2f} "
            f"{s['balance']:+7.2f} {s['trend']:+7.3f}{mark}"
        )
    return EXIT_OK


def cmd_changes(args: argparse.Namespace) -> int:
    with Store(_db(args), read_only=True) as store:
        found = find_changes(
            store,
            _scope(args),
            args.by,
            signal=args.signal,
            min_size=args.min_size,
            penalty=args.penalty,
            min_articles=args.min_articles,
        )
    if args.format == "json":
        _json(found)
        return EXIT_OK
    for c in found:
        print(
            f"{c['period']}: {c['direction']} shift of {c['signal']} "
            f"{c['mean_before']:+.2f} → {c['mean_after']:+.2f} (z {c['z']:+.1f}); "
            f"moved most in {c['moved_most']}"
        )
        for e in c["events"]:
            print(
                f"    {e['date']} {e['source']} → {e['target']} {e['cameo']} "
                f"{e['goldstein']:+.1f}: {_shorten(e['evidence'], 120)}"
            )
    print(f"{len(found)} changes", file=sys.stderr)
    return EXIT_OK


def cmd_network(args: argparse.Namespace) -> int:
    scope = Scope(since=args.since, until=args.until, theme=args.theme)
    with Store(_db(args), read_only=True) as store:
        edges = network(store, scope, undirected=args.undirected, min_events=args.min_events)
    if args.limit is not None:
        edges = edges[: args.limit]
    if args.format == "json":
        _json(edges)
        return EXIT_OK
    arrow = "—" if args.undirected else "→"
    for e in edges:
        print(
            f"{e['source']:>4} {arrow} {e['target']:<4} {e['n_events']:>5} events  "
            f"goldstein {e['goldstein_mean']:+5.2f}  net {e['net_cooperation']:+8.1f}"
        )
    print(f"{len(edges)} edges", file=sys.stderr)
    return EXIT_OK


def cmd_top(args: argparse.Namespace) -> int:
    scope = _scope(args)
    with Store(_db(args), read_only=True) as store:
        events = top_events(store, scope, limit=args.limit)
        quotes = top_quotes(store, scope, limit=args.limit)
    if args.format == "json":
        _json({"events": events, "quotes": quotes})
        return EXIT_OK
    for e in events:
        print(
            f"{e['date']}  {e['source']} → {e['target']} {e['cameo']} {e['goldstein']:+.1f} "
            f"({e['n_reports']} reports, {e['source_id']})"
        )
        print(f"            {_shorten(e['evidence'], 150)}")
    for q in quotes:
        print(
            f"{q['date']}  {q['speaker_name'] or '(no speaker)'} [{q['speaker_code']}]: "
            f"“{_shorten(q['text'], 120)}” ({q['source_id']})"
        )
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from entente.report import build_report, write_report

    with Store(_db(args), read_only=True) as store:
        data = build_report(
            store,
            args.focus,
            args.vs,
            by=args.by,
            since=args.since,
            until=args.until,
            limit=args.limit,
            min_articles=args.min_articles,
        )
    written = write_report(
        data, args.output, charts_dir=args.charts, chart_format=args.chart_format
    )
    print(
        f"wrote {args.output}" + (f" and {len(written)} charts" if written else ""), file=sys.stderr
    )
    return EXIT_OK
