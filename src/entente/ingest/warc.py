"""WARC and WARC.gz archives (such as Common Crawl's CC-News), read with ``warcio``.

Each ``response`` record holding an HTML page gives an article (its text and metadata
extracted as for any page, its URL the record's target URI); other records are passed
over. The size cap applies to each record, not to the archive, which may be large.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from entente.errors import InputError
from entente.ingest.html import read_html
from entente.ingest.options import ReadOptions
from entente.model import Article

Item = Article | InputError


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz"))


def read_warc(path: Path, options: ReadOptions) -> Iterator[Item]:
    """An article (or error) per HTML response; one error if the archive is unreadable."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n_pages = 0
    try:
        with path.open("rb") as stream:
            for index, record in enumerate(ArchiveIterator(stream)):
                if record.format != "warc":  # warcio falls back to reading ARC
                    yield InputError(str(path), "not a WARC file (no WARC record header)")
                    return
                if _is_html_response(record):
                    n_pages += 1
                    yield _record_article(record, f"{path}#{index}", options)
    except ArchiveLoadFailed as exc:
        yield InputError(str(path), f"malformed WARC ({exc.msg})")
    except (OSError, EOFError, ValueError) as exc:
        yield InputError(str(path), f"cannot read the WARC ({exc})")
    else:
        if n_pages == 0:
            yield InputError(str(path), "the WARC holds no HTML responses")


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return "html" in content_type.lower()


def _record_article(record: Any, where: str, options: ReadOptions) -> Item:
    url = record.rec_headers.get_header("WARC-Target-URI")
    data = record.content_stream().read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return InputError(where, f"record is over the {options.max_bytes}-byte limit")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return InputError(where, f"truncated record ({missing} bytes missing)")
    try:
        return read_html(data, where, options, source_id=url or where, url=url)
    except InputError as exc:
        return exc
