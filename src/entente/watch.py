"""Watching feeds: poll a list of feeds every so often and code what is new.

A round reads every feed through ``read`` (``read(url_or_path) -> Iterable[Article |
InputError]``) and codes the items with :func:`entente.runner.code_items`, which skips
what is already stored; a feed that fails, times out or returns garbage becomes an
:class:`InputError` for that round and the others go on. :func:`read_feed_source` is a
minimal reader (feedparser over a URL fetched with a time-out, or a local file) that the
ingest package's feed reader can replace.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from entente.errors import EntenteError, InputError
from entente.model import Article
from entente.pipeline import Pipeline
from entente.runner import RunSummary, code_items
from entente.store.database import Store
from entente.text.normalize import normalize_text

log = logging.getLogger(__name__)

Item = Article | InputError
FeedReader = Callable[[str], Iterable[Item]]
TIMEOUT_SECONDS = 30
MAX_FEED_BYTES = 20 * 1024 * 1024
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_TAG = re.compile(r"<[^>]+>")


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
) -> int:
    """Code the feeds' new items every ``settings.every_seconds``; return the rounds run."""
    reader = read or read_feed_source
    done = 0
    while settings.rounds is None or done < settings.rounds:
        if done:
            sleep(settings.every_seconds)
        items = (item for feed in feeds for item in guarded(reader, feed))
        done += 1
        try:
            summary = code_items(
                items, store, pipeline, settings={"watch": True}, on_error=on_error
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


def read_feed_source(source: str) -> Iterator[Item]:
    """An article or error per entry of a feed given by URL or local path."""
    import feedparser

    try:
        data = _fetch(source)
    except InputError as exc:
        yield exc
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no entries"
        yield InputError(source, f"not a feed with entries ({reason})")
        return
    for index, entry in enumerate(parsed.entries):
        try:
            yield _entry_article(entry, f"{source}#{index}")
        except InputError as exc:
            yield exc


def _fetch(source: str) -> bytes:
    if not re.match(r"^https?://", source):
        try:
            return Path(source).read_bytes()[:MAX_FEED_BYTES]
        except OSError as exc:
            raise InputError(source, f"cannot read ({exc.strerror})") from exc
    request = urllib.request.Request(source, headers={"User-Agent": "entente-watch"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data: bytes = response.read(MAX_FEED_BYTES)
            return data
    except (OSError, ValueError) as exc:
        raise InputError(source, f"cannot fetch ({exc})") from exc


def _entry_article(entry: Any, where: str) -> Article:
    content = entry.get("content") or []
    markup = content[0].get("value", "") if content else entry.get("summary", "")
    text = normalize_text(html.unescape(_TAG.sub("\n", markup or "")))
    text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    if not text:
        raise InputError(where, "entry has no text")
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    date = dt.date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
    link = entry.get("link") or None
    return Article.create(
        text,
        source_id=str(entry.get("id") or link or where),
        date=date,
        title=entry.get("title") or None,
        url=link,
        origin=where,
    )
