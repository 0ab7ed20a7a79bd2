"""Which of entente's modules run compiled, and whether a compiled one is out of date.

``setup.py`` compiles the modules every article passes through with mypyc; a compiled
module's extension file sits beside its ``.py`` and is imported in its place. An edit to
the ``.py`` does nothing until the package is built again, so the tests refuse to run on a
stale build (``tests/conftest.py``) rather than test the old code.
"""

from __future__ import annotations

import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path


def compiled_modules() -> list[str]:
    """The names of entente's imported modules that run from compiled extensions."""
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if (name == "entente" or name.startswith("entente."))
        and _is_extension(getattr(module, "__file__", None) or "")
    )


def stale_extensions(root: Path) -> list[Path]:
    """The extension files under ``root`` whose ``.py`` beside them was changed after
    they were built (or no longer exists)."""
    stale = []
    for path in sorted(root.rglob("*")):
        if not _is_extension(path.name) or path.name.split(".")[0].endswith("__mypyc"):
            continue  # mypyc's shared library holds every module; its shims are checked
        source = path.with_name(path.name.split(".")[0] + ".py")
        if not source.exists() or source.stat().st_mtime > path.stat().st_mtime:
            stale.append(path)
    return stale


def _is_extension(filename: str) -> bool:
    return any(filename.endswith(suffix) for suffix in EXTENSION_SUFFIXES)
