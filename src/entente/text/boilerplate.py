"""Removing a web page's furniture (comment prompts, subscription prompts, "read more")
from an article's text before the article is created.

The patterns are data (``lexicons/data/boilerplate.yaml``): each matches a whole line.
Removal happens in :func:`entente.text.normalize.normalize_text`, so ``Article.text``
never holds these lines and every span indexes the cleaned text.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from entente.errors import LexiconError

_FILE = "boilerplate.yaml"
_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'))


@cache
def boilerplate_pattern() -> re.Pattern[str]:
    """One compiled alternation of every line pattern in the data file."""
    path = resources.files("entente.lexicons").joinpath("data", _FILE)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lines = data.get("lines") if isinstance(data, dict) else None
    if not isinstance(lines, list) or not all(isinstance(p, str) and p for p in lines):
        raise LexiconError(f"{_FILE}: expected `lines:` as a list of regular expressions")
    try:
        return re.compile("|".join(f"(?:{p})" for p in lines), re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(f"{_FILE}: bad pattern ({exc})") from exc


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is page furniture."""
    return _furniture(_plain_quotes(line))


def _furniture(plain: str) -> bool:
    """Whether a line whose curly quotes are made straight is page furniture."""
    stripped = plain.strip()
    return bool(stripped) and boilerplate_pattern().fullmatch(stripped) is not None


def _plain_quotes(text: str) -> str:
    """``text`` with curly quotes straight (``replace`` runs in C, where ``translate``
    with a table of characters looks each character up in Python's dictionary)."""
    if text.isascii():
        return text
    for curly, straight in _QUOTES:
        text = text.replace(curly, straight)
    return text


def strip_boilerplate(text: str) -> str:
    """The text without its furniture lines (other lines kept exactly).

    Questions put to the reader right after a prompt ("What's your take?" then "Can
    India continue to balance ...?") go with the prompt: a run of lines ending in ``?``
    that follows a removed line is removed too.
    """
    lines = text.split("\n")
    plain = _plain_quotes(text).split("\n")  # one character for one: the same lines
    kept: list[str] = []
    after_prompt = False
    for line, plain_line in zip(lines, plain, strict=True):
        if _furniture(plain_line) or (after_prompt and line.rstrip().endswith("?")):
            after_prompt = True
            continue
        after_prompt = after_prompt and not line.strip()
        kept.append(line)
    return text if len(kept) == len(lines) else "\n".join(kept)
