"""Build entente, compiling the modules every article passes through with mypyc.

The project's metadata is in ``pyproject.toml``; this file only adds the compiled build.
mypyc turns the type-annotated modules named in ``COMPILED`` into C extensions, which
import in place of their ``.py`` files and behave the same (the tests and the evaluation
gate run on the compiled build; a snapshot of every analysis layer is byte-identical).
About 15% less time per article; see the README's benchmark notes.

A pure-Python install, the one to profile or to edit hot modules without rebuilding:

    ENTENTE_PURE=1 pip install -e .

Where the modules cannot be compiled (no C compiler, an unsupported Python), the build
says why and installs pure Python: entente then runs the same, only slower.

The tokenizer (``entente/text/tokens.py``) stays interpreted on purpose: its pass is the
floor ``make bench`` rates the pipeline against, a bare Python regular-expression pass.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent

# the modules an article passes through, by stage (see ARCHITECTURE.md's flow)
COMPILED = [
    "entente/model/span.py",
    "entente/model/provenance.py",
    "entente/model/article.py",
    "entente/model/actor.py",
    "entente/model/amount.py",
    "entente/model/event.py",
    "entente/model/place.py",
    "entente/model/theme.py",
    "entente/model/analysis.py",
    "entente/text/boilerplate.py",
    "entente/text/dateline.py",
    "entente/text/dates.py",
    "entente/text/normalize.py",
    "entente/text/phrases.py",
    "entente/text/sentences.py",
    "entente/text/stage.py",
    "entente/lexicons/gazetteer.py",
    "entente/lexicons/lexicon.py",
    "entente/actors/compose.py",
    "entente/actors/coref.py",
    "entente/actors/detect.py",
    "entente/actors/lookup.py",
    "entente/actors/resolve.py",
    "entente/actors/spelling.py",
    "entente/actors/stage.py",
    "entente/events/factuality.py",
    "entente/events/ontology.py",
    "entente/events/patterns.py",
    "entente/events/roles.py",
    "entente/events/stage.py",
    "entente/enrich/amounts.py",
    "entente/enrich/places.py",
    "entente/enrich/quotes.py",
    "entente/enrich/targets.py",
    "entente/enrich/themes.py",
    "entente/enrich/sentiment.py",
    "entente/enrich/tone.py",
    "entente/dedup/library.py",
    "entente/dedup/outlet.py",
    "entente/store/rows.py",
]


def _warn(reason: str) -> None:
    print(f"entente: installing pure Python, not compiled: {reason}", file=sys.stderr)


def _remove_in_place() -> None:
    """Remove the extensions an editable build left beside the sources: whatever this
    build makes, none of the last one's may shadow a ``.py`` (a pure install included)."""
    for suffix in EXTENSION_SUFFIXES:
        for path in (ROOT / "src").rglob(f"*{suffix}"):
            path.unlink()


def compiled_modules() -> list[Any]:
    """mypyc's extensions for ``COMPILED``, or none where they cannot be made."""
    _remove_in_place()
    if os.environ.get("ENTENTE_PURE"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as error:
        _warn(f"mypyc is not importable ({error})")
        return []
    # Not the project's strict mypy settings (make typecheck holds the code to those): pip
    # builds the package before it installs the dependencies, so their types may not be
    # there to check against, and what the compiled code cannot see it treats as objects.
    flags = ["--config-file=", "--ignore-missing-imports"]
    try:
        return mypycify([*flags, *(f"src/{path}" for path in COMPILED)])
    except (Exception, SystemExit) as error:  # mypyc refuses the sources: type errors, say
        _warn(f"mypyc's type check failed ({error!r}; its errors are printed above)")
        return []


class OptionalBuild(build_ext):
    """Build the compiled modules if the C compiler can; if not, remove what was built and
    install pure Python (a half-built set would be half compiled)."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:
            _warn(f"the C build failed: {error}")
            for ext in self.extensions:
                built = Path(self.build_lib) / self.get_ext_filename(ext.name)
                built.unlink(missing_ok=True)
            _remove_in_place()


setup(ext_modules=compiled_modules(), cmdclass={"build_ext": OptionalBuild})
