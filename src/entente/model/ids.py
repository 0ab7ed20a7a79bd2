"""Deterministic identifiers: SHA-256 of normalized content, never ``hash()``."""

from __future__ import annotations

import hashlib

ID_LENGTH = 16


def make_id(kind: str, *parts: object) -> str:
    """Return a stable id for ``parts``, prefixed by ``kind`` (``"a"``, ``"e"``...).

    Parts are joined with a unit separator so that ("ab", "c") and ("a", "bc") differ.
    ``None`` is encoded distinctly from the empty string.
    """
    payload = "\x1f".join("\x00" if part is None else str(part) for part in parts)
    digest = hashlib.sha256(f"{kind}\x1e{payload}".encode()).hexdigest()
    return f"{kind}_{digest[:ID_LENGTH]}"
