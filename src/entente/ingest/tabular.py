"""Records in JSON, JSONL and CSV files, their field names set in :class:`ReadOptions`.

A JSON file holds one object or an array of objects; JSONL one object per line; CSV a
header row. Each record gives an article or an :class:`InputError` naming the file and
the record (``file:line`` for JSONL, ``file:row`` for CSV, ``file#index`` for JSON).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from entente.errors import InputError
from entente.ingest.build import build_article, decode, to_date, to_datetime
from entente.ingest.options import ReadOptions
from entente.model import Article

JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})

Item = Article | InputError


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read ({exc.strerror})")
        return
    with handle:
        yield from read_jsonl_lines(handle, str(path), path.name, options)


def read_jsonl_lines(
    lines: Iterable[bytes], origin: str, name: str, options: ReadOptions
) -> Iterator[Item]:
    """An article (or error) per non-blank line; one error if there is none."""
    n_records = 0
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            n_records += 1
            yield _jsonl_line(raw, f"{origin}:{number}", f"{name}:{number}", options)
    if n_records == 0:
        yield InputError(origin, "empty")


def _jsonl_line(raw: bytes, where: str, fallback_id: str, options: ReadOptions) -> Item:
    if len(raw) > options.max_bytes:
        return InputError(where, f"record is {len(raw)} bytes, over the limit")
    try:
        return from_record(json.loads(decode(raw, where)), where, fallback_id, options)
    except InputError as exc:
        return exc
    except json.JSONDecodeError as exc:
        return InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")


def read_json(data: bytes, origin: str, name: str, options: ReadOptions) -> Iterator[Item]:
    try:
        obj = json.loads(decode(data, origin))
    except InputError as exc:
        yield exc
        return
    except json.JSONDecodeError as exc:
        yield InputError(origin, f"malformed JSON ({exc})")
        return
    records = obj if isinstance(obj, list) else [obj]
    if not records:
        yield InputError(origin, "no records (an empty JSON array)")
    for index, record in enumerate(records):
        where = f"{origin}#{index}" if isinstance(obj, list) else origin
        try:
            yield from_record(record, where, f"{name}#{index}", options)
        except InputError as exc:
            yield exc


def read_csv(data: bytes, origin: str, name: str, options: ReadOptions) -> Iterator[Item]:
    try:
        text = decode(data, origin)
    except InputError as exc:
        yield exc
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if options.text_field not in (reader.fieldnames or []):
        yield InputError(origin, f"no {options.text_field!r} column in the CSV header")
        return
    try:
        for row in reader:
            where = f"{origin}:{reader.line_num}"
            try:
                yield from_record(row, where, f"{name}:{reader.line_num}", options)
            except InputError as exc:
                yield exc
    except csv.Error as exc:
        yield InputError(origin, f"malformed CSV ({exc})")


def from_record(obj: Any, where: str, fallback_id: str, options: ReadOptions) -> Article:
    """The article of one record, its fields named as ``options`` says."""
    if not isinstance(obj, Mapping):
        raise InputError(where, "record is not a JSON object")
    text = obj.get(options.text_field)
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, f"record has no text (field {options.text_field!r})")
    raw_id = obj.get(options.id_field)
    raw_date = obj.get(options.date_field)
    return build_article(
        text,
        source_id=str(raw_id) if raw_id not in (None, "") else fallback_id,
        origin=where,
        options=options,
        title=obj.get(options.title_field),
        url=obj.get(options.url_field),
        outlet=obj.get(options.outlet_field),
        author=obj.get(options.author_field),
        date=to_date(raw_date, where),
        published_at=to_datetime(raw_date),
    )
