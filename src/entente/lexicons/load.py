"""Loading and validating lexicon files.

The package's own files live in ``lexicons/data``; a user directory given in settings
(or ``ENTENTE_LEXICONS``) adds entries from files of the same names. Each file is
validated against its schema; a bad file raises :class:`LexiconError` naming the file
and the entry.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from entente.errors import LexiconError

DATA_DIR = Path(__file__).parent / "data"


_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _WordLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """YAML 1.2 booleans only: ``on``, ``no``, ``yes`` and ``off`` stay words. The
    libyaml parser when PyYAML has it (several times faster on the large files)."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
ModelT = TypeVar("ModelT", bound=BaseModel)


def lexicon_dirs(extra: Iterable[Path] = ()) -> tuple[Path, ...]:
    """The package data directory, then user directories (settings, ``ENTENTE_LEXICONS``)."""
    dirs = [DATA_DIR, *extra]
    env = os.environ.get("ENTENTE_LEXICONS")
    if env:
        dirs.extend(Path(p) for p in env.split(os.pathsep) if p)
    return tuple(dirs)


def read_yaml_list(dirs: Iterable[Path], name: str, key: str, model: type[ModelT]) -> list[ModelT]:
    """Entries under ``key`` in every ``name`` file of ``dirs``, validated."""
    entries: list[ModelT] = []
    for path in _existing(dirs, name):
        document = _read_yaml(path)
        for i, raw in enumerate(document.get(key) or []):
            entries.append(_validate(model, raw, path, f"{key}[{i}]"))
    return entries


def read_yaml_document(dirs: Iterable[Path], name: str) -> dict[str, Any]:
    """Merge the top-level mappings of ``name`` in ``dirs``; lists are concatenated."""
    merged: dict[str, Any] = {}
    for path in _existing(dirs, name):
        for key, value in _read_yaml(path).items():
            if isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = merged[key] + value
            elif isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
    return merged


def read_table(dirs: Iterable[Path], name: str, model: type[ModelT]) -> list[ModelT]:
    """Rows of a tab-separated file with a header line; ``#`` lines are comments."""
    rows: list[ModelT] = []
    for path in _existing(dirs, name):
        lines = [line for line in _read_text(path).splitlines() if not line.startswith("#")]
        for i, raw in enumerate(csv.DictReader(lines, delimiter="\t")):
            cleaned = {k: (v if v != "" else None) for k, v in raw.items()}
            rows.append(_validate(model, cleaned, path, f"row {i + 2}"))
    return rows


def read_word_list(dirs: Iterable[Path], name: str) -> list[str]:
    """One word a line; ``#`` lines and blank lines are skipped."""
    words: list[str] = []
    for path in _existing(dirs, name):
        words.extend(
            line.strip()
            for line in _read_text(path).splitlines()
            if line.strip() and not line.startswith("#")
        )
    return words


def digest(dirs: Iterable[Path]) -> str:
    """SHA-256 over every lexicon file's name and bytes: recorded with each run."""
    sha = hashlib.sha256()
    for directory in dirs:
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            sha.update(path.relative_to(directory).as_posix().encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()[:16]


def _existing(dirs: Iterable[Path], name: str) -> Iterator[Path]:
    """``name`` in each directory, then the files of a folder named after its stem
    (``people.yaml``, then ``people/*.yaml``), so large lists can be split by region."""
    stem, dot, suffix = name.rpartition(".")
    for directory in dirs:
        path = directory / name
        if path.is_file():
            yield path
        folder = directory / stem
        if dot and folder.is_dir():
            yield from sorted(p for p in folder.glob(f"*.{suffix}") if p.is_file())


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon file ({exc})") from exc


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        document = yaml.load(_read_text(path), Loader=_WordLoader)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(document, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level")
    return document


def _validate(model: type[ModelT], raw: object, path: Path, where: str) -> ModelT:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(part) for part in first["loc"])
        raise LexiconError(f"{path}: {where}: {loc}: {first['msg']}") from exc
