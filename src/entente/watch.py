"""Watching feeds: poll a list of feeds every so often and code what is new.

A round reads every feed through ``read`` (``read(url_or_path) -> Iterable[Article |
InputError]``) and codes the items with :func:`entente.runner.code_items`, which skips
what is already stored; a feed that fails, times out or returns garbage becomes an
:class:`InputError` for that round and the others go on. :func:`read_feed_source` is the
feed reader of the ingest package over a URL or a local file.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from entente.errors import EntenteError, InputError
from entente.ingest.feeds import read_feed
from entente.ingest.files import read_url
from entente.ingest.options import ReadOptions
from entente.ingest.web import is_url
from entente.model import Article
from entente.pipeline import Pipeline
from entente.runner import RunSummary, code_items
from entente.store.database import Store

log = logging.getLogger(__name__)

Item = Article | InputError
FeedReader = Callable[[str], Iterable[Item]]
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True, slots=True)
class WatchSettings:
    every_seconds: float
    rounds: int | None = None  # None: until stopped


def parse_duration(text: str) -> float:
    """Seconds in ``90``, ``30s``, ``15m``, ``2h`` or ``1d``."""
    match = _DURATION.match(text)
    if not match or float(match.group(1)) <= 0:
        raise EntenteError(f"{text!r} is not a duration such as 30s, 15m or 2h")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def read_feed_list(path: Path) -> list[str]:
    """The feeds of a feeds file: one URL or path a line, ``#`` starts a comment."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EntenteError(f"{path}: cannot read the feeds file ({exc})") from exc
    feeds = [line.split("#", 1)[0].strip() for line in lines]
    return [feed for feed in feeds if feed]


def watch_feeds(
    feeds: list[str],
    store: Store,
    pipeline: Pipeline,
    settings: WatchSettings,
    *,
    read: FeedReader | None = None,
    sleep: Callable[[float], None] = time.sleep,
    on_round: Callable[[int, RunSummary], None] = lambda n, s: None,
    on_error: Callable[[InputError], None] = lambda e: None,
    workers: int = 1,
) -> int:
    """Code the feeds' new items every ``settings.every_seconds``; return the rounds run
    (each round analysed in ``workers`` processes, as ``code_items`` does)."""
    reader = read or read_feed_source
    done = 0
    while settings.rounds is None or done < settings.rounds:
        if done:
            sleep(settings.every_seconds)
        items = (item for feed in feeds for item in guarded(reader, feed))
        done += 1
        try:
            summary = code_items(
                items,
                store,
                pipeline,
                settings={"watch": True},
                on_error=on_error,
                workers=workers,
            )
        except Exception as exc:  # one bad round (a coding bug, a full disk) is not the end
            log.exception("watch round %d failed", done)
            on_error(InputError(f"round {done}", f"round failed ({type(exc).__name__}: {exc})"))
            continue
        on_round(done, summary)
    return done


def guarded(read: FeedReader, feed: str) -> Iterator[Item]:
    """A feed's items; whatever goes wrong while reading it becomes one InputError."""
    try:
        yield from read(feed)
    except InputError as exc:
        yield exc
    except Exception as exc:  # a feed must never stop the watch
        log.warning("feed %s failed: %s", feed, exc)
        yield InputError(feed, f"feed failed ({type(exc).__name__}: {exc})")


def read_feed_source(source: str, options: ReadOptions | None = None) -> Iterator[Item]:
    """An article or error per entry of a feed given by URL or local path, read by the
    ingest package (a URL fetched with its time-out, size cap, redirect limit and
    private-address check)."""
    options = options or ReadOptions()
    if is_url(source):
        yield from read_url(source, options)
        return
    path = Path(source)
    try:
        data = path.read_bytes()[: options.max_bytes]
    except OSError as exc:
        yield InputError(source, f"cannot read ({exc.strerror})")
        return
    yield from read_feed(data, source, options)
