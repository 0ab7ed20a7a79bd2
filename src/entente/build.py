"""Which of entente's modules run compiled, and whether a compiled one is out of date.

``setup.py`` compiles the modules every article passes through with mypyc; a compiled
module's extension file sits beside its ``.py`` and is imported in its place. An edit to
the ``.py`` does nothing until the package is built again, so the tests refuse to run on a
build older than its sources (``tests/conftest.py``) rather than test the old code.
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


def changed_since_build(root: Path) -> list[Path]:
    """What changed under ``root`` since its modules were compiled: every ``.py`` newer
    than the oldest extension, and every extension whose ``.py`` is gone. Empty for a
    pure install, or a build as new as its sources.

    Any source counts, not only a compiled module's own: compiled code checks at run time
    the types of what it imports (a field of a record, say), so a change to an
    interpreted module can break it too."""
    extensions = [
        path
        for path in root.rglob("*")
        if _is_extension(path.name) and not _stem(path).endswith("__mypyc")
    ]  # (mypyc's shared library, if under root, is as old as the modules it holds)
    if not extensions:
        return []
    built = min(path.stat().st_mtime for path in extensions)
    changed = [path for path in root.rglob("*.py") if path.stat().st_mtime > built]
    orphans = [p for p in extensions if not p.with_name(_stem(p) + ".py").exists()]
    return sorted(changed + orphans)


def _stem(path: Path) -> str:
    """A module file's module name: ``stage`` of ``stage.cpython-311-x86_64-linux-gnu.so``."""
    return path.name.split(".")[0]


def _is_extension(filename: str) -> bool:
    return any(filename.endswith(suffix) for suffix in EXTENSION_SUFFIXES)
