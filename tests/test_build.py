"""The compiled build: which modules it compiles, and the checks that keep it honest."""

from __future__ import annotations

import os
import pickle
import re
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from entente.build import compiled_modules, stale_extensions
from entente.model import Article
from entente.pipeline import Pipeline
from entente.text.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[1]
SUFFIX = EXTENSION_SUFFIXES[0]


def compiled_list() -> list[str]:
    """The module paths setup.py compiles."""
    text = (ROOT / "setup.py").read_text(encoding="utf-8")
    block = text.split("COMPILED = [", 1)[1].split("]", 1)[0]
    return re.findall(r'"(entente/[\w/]+\.py)"', block)


def touch(path: Path, mtime: float) -> None:
    path.write_text("", encoding="utf-8")
    os.utime(path, (mtime, mtime))


def test_a_source_changed_after_its_build_is_stale(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    touch(package / "fresh.py", 1_000)
    touch(package / f"fresh{SUFFIX}", 2_000)
    touch(package / "edited.py", 3_000)
    touch(package / f"edited{SUFFIX}", 2_000)
    touch(package / f"gone{SUFFIX}", 2_000)  # its .py was deleted or renamed
    touch(tmp_path / f"0123abcd__mypyc{SUFFIX}", 1)  # the shared library: no .py of its own
    touch(package / "plain.py", 3_000)
    assert stale_extensions(tmp_path) == [package / f"edited{SUFFIX}", package / f"gone{SUFFIX}"]


def test_compiled_modules_are_those_loaded_from_extensions() -> None:
    found = compiled_modules()
    for name in found:
        assert sys.modules[name].__file__.endswith(tuple(EXTENSION_SUFFIXES))  # type: ignore[union-attr]
    loaded = [n for n in sys.modules if n.startswith("entente.")]
    for name in set(loaded) - set(found):
        assert not (sys.modules[name].__file__ or "").endswith(tuple(EXTENSION_SUFFIXES))


def test_the_build_compiles_existing_modules_and_never_the_floor() -> None:
    paths = compiled_list()
    assert len(paths) == len(set(paths)) > 20
    for path in paths:
        assert (ROOT / "src" / path).is_file(), path
    # the tokenizer's pass is what make bench rates the pipeline against: a bare
    # interpreted regex pass, in the pipeline and in the floor alike
    assert "entente/text/tokens.py" not in paths


def test_a_build_is_whole_or_absent(pipeline: Pipeline) -> None:
    """Every listed module is compiled, or none is (a pure install): never half a build."""
    pipeline.analyze(Article.create("India and Russia.", source_id="x"))  # imports them all
    names = {p[:-3].replace("/", ".") for p in compiled_list()}
    running = set(compiled_modules())
    assert running in (set(), names)


def test_the_pipeline_pickled_to_a_spawned_worker_codes_the_same(pipeline: Pipeline) -> None:
    """Where processes are spawned, not forked, each worker gets the pipeline pickled:
    compiled classes must survive that."""
    text = normalize_text(
        "NEW DELHI — India and Russia signed a $2 billion defence deal on Monday, "
        "Prime Minister Narendra Modi said in Moscow. “We will not bow,” he said."
    )
    article = Article.create(text, source_id="spawned")
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy.analyze(article) == pipeline.analyze(article)
