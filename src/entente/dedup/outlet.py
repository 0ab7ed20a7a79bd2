"""The outlet of a report: its URL's host, else the file it was read from."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from entente.model import Article

_POSITION = re.compile(r"(?::\d+|#\d+)$")


def outlet_of(article: Article) -> str:
    """``www.reuters.com`` for a URL (without ``www.``), else the origin without its
    record number (``corpus.jsonl:12`` is ``corpus.jsonl``), else the source id."""
    host = urlsplit(article.url).hostname if article.url else None
    if host:
        return host.removeprefix("www.")
    return _POSITION.sub("", article.origin) or article.source_id
