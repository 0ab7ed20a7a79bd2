"""What the readers may do: field names of tabular records and the limits on fetching."""

from __future__ import annotations

from dataclasses import dataclass

MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings shared by every reader.

    The ``*_field`` names say where a JSON, JSONL or CSV record keeps each value.
    ``allow_private`` lets URLs reach loopback, private and link-local addresses (refused
    by default). ``languages`` are the languages coded; other articles are skipped.
    """

    max_bytes: int = MAX_BYTES
    text_field: str = "text"
    title_field: str = "title"
    date_field: str = "date"
    url_field: str = "url"
    id_field: str = "id"
    author_field: str = "author"
    outlet_field: str = "outlet"
    timeout_s: float = 10.0
    max_redirects: int = 5
    allow_private: bool = False
    languages: tuple[str, ...] = ("en",)
