"""Reading articles from files and folders: ``.txt``, ``.md`` and ``.jsonl``.

Each input yields either an :class:`Article` or an :class:`InputError` naming the input
and the reason, so that one bad file never stops a run. JSONL records have the shape of
``../shared/corpus``: ``id``, ``date``, ``title``, ``url``, ``text``; the ``id`` is kept as
the article's ``source_id``, else the file name (with the line number).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from entente.errors import InputError
from entente.model import Article
from entente.text.normalize import normalize_text

TEXT_SUFFIXES = frozenset({".txt", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES
MAX_BYTES = 10 * 1024 * 1024
_SNIFF = 8192

Item = Article | InputError


def read_inputs(paths: Iterable[Path], max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Articles (or errors) from files and folders, folders read recursively in order."""
    for path in paths:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower() in SUFFIXES:
                    yield from read_file(file, max_bytes)
        elif path.exists():
            yield from read_file(path, max_bytes)
        else:
            yield InputError(str(path), "no such file or folder")


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes)
    elif suffix in TEXT_SUFFIXES:
        yield read_text_file(path, max_bytes)
    else:
        yield InputError(str(path), f"unsupported file type {suffix or '(none)'}")


def read_text_file(path: Path, max_bytes: int = MAX_BYTES) -> Item:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputError(str(path), f"file is {size} bytes, over the {max_bytes}-byte limit")
        text = decode(path.read_bytes(), str(path))
        title = _markdown_title(text) if path.suffix.lower() == ".md" else None
        return _article(text, source_id=path.name, origin=str(path), title=title)
    except InputError as exc:
        return exc
    except OSError as exc:
        return InputError(str(path), f"cannot read ({exc.strerror})")


def read_jsonl(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read ({exc.strerror})")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield InputError(where, f"record is {len(raw)} bytes, over the limit")
                continue
            try:
                yield _record(json.loads(decode(raw, where)), path, number)
            except InputError as exc:
                yield exc
            except json.JSONDecodeError as exc:
                yield InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")


def decode(data: bytes, source: str) -> str:
    """UTF-8 text, or an :class:`InputError` saying why the bytes are not text."""
    if b"\x00" in data[:_SNIFF]:
        raise InputError(source, "binary content (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not valid UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise InputError(source, "empty")
    return text


def _record(obj: Any, path: Path, number: int) -> Article:
    where = f"{path}:{number}"
    if not isinstance(obj, dict):
        raise InputError(where, "record is not a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "record has no text")
    source_id = str(obj["id"]) if obj.get("id") not in (None, "") else f"{path.name}:{number}"
    return _article(
        text,
        source_id=source_id,
        origin=where,
        title=_str(obj.get("title")),
        url=_str(obj.get("url")),
        date=_date(obj.get("date"), where),
    )


def _article(
    text: str,
    *,
    source_id: str,
    origin: str,
    title: str | None = None,
    url: str | None = None,
    date: dt.date | None = None,
) -> Article:
    normalized = normalize_text(text)
    if not normalized:
        raise InputError(origin, "empty")
    return Article.create(
        normalized, source_id=source_id, date=date, title=title, url=url, origin=origin
    )


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(where, f"date {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _markdown_title(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.lstrip("#").strip() if line.startswith("#") else None
    return None
