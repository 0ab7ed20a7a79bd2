"""The compiled build: which modules it compiles, and the checks that keep it honest."""

from __future__ import annotations

import ast
import importlib
import os
import pickle
import re
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from entente.build import changed_since_build, compiled_modules
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


def test_sources_changed_since_the_build_are_found(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    touch(package / "compiled.py", 1_000)
    touch(package / f"compiled{SUFFIX}", 2_000)
    touch(package / "other.py", 1_500)
    assert changed_since_build(tmp_path) == []
    touch(package / f"old{SUFFIX}", 1_800)  # its .py was deleted or renamed
    assert changed_since_build(tmp_path) == [package / f"old{SUFFIX}"]
    touch(package / "edited.py", 3_000)  # a compiled module's own source, or one it imports
    touch(tmp_path / f"0123abcd__mypyc{SUFFIX}", 1)  # the shared library: no .py of its own
    assert changed_since_build(tmp_path) == [package / "edited.py", package / f"old{SUFFIX}"]


def test_a_pure_install_has_nothing_to_rebuild(tmp_path: Path) -> None:
    touch(tmp_path / "module.py", 3_000)
    assert changed_since_build(tmp_path) == []


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


def test_a_build_is_whole_or_absent() -> None:
    """Every listed module is compiled, or none is (a pure install): never half a build."""
    names = {p[:-3].replace("/", ".") for p in compiled_list()}
    for name in names:
        importlib.import_module(name)
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


def test_every_record_of_an_analysis_pickles_and_copies_back_equal(pipeline: Pipeline) -> None:
    """The model's records are native classes in the compiled build, which pickle cannot
    rebuild field by field while they are frozen; each is registered to pickle as a call
    of its class. A record added to the model without that fails here."""
    import copy
    import copyreg
    import dataclasses

    import entente.model as model

    records = {
        value
        for value in vars(model).values()
        if isinstance(value, type) and dataclasses.is_dataclass(value)
    }
    assert records
    assert records <= set(copyreg.dispatch_table)
    text = normalize_text(
        "NEW DELHI, Sept 8 — India and Russia signed a $2 billion defence deal on Monday in "
        "Moscow, Prime Minister Narendra Modi said. “We will not bow to pressure,” he said."
    )
    analysis = pipeline.analyze(Article.create(text, source_id="pickled"))
    back = pickle.loads(pickle.dumps(analysis))
    assert back == analysis
    assert back is not analysis
    assert copy.deepcopy(analysis) == analysis
    found = {type(r) for r in (back.article, back.dateline, *back.tokens, *back.mentions)}
    found |= {type(r) for r in (*back.events, *back.quotes, *back.amounts, *back.themes)}
    found |= {type(r) for r in (*back.places, *back.time_refs, *back.sentences)}
    assert {model.Token, model.Mention, model.Event, model.Quote, model.Amount} <= found
    assert all(dataclasses.is_dataclass(r) for r in found)


def _dataclass_inits() -> list[tuple[str, ast.ClassDef, ast.FunctionDef]]:
    """Each dataclass of the package that writes its ``__init__`` out, with that method."""
    found = []
    for path in sorted((ROOT / "src" / "entente").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            decorators = [ast.unparse(d) for d in node.decorator_list]
            if not any(d.startswith("dataclass") for d in decorators):
                continue
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                    found.append((f"{path.name}:{node.name}", node, item))
    return found


def test_a_written_out_init_takes_and_sets_the_fields_a_generated_one_would() -> None:
    """Hot records write their ``__init__`` out (compiled, a native call): each must take
    the class's fields in order, with the same defaults, and set every one of them."""
    inits = _dataclass_inits()
    assert {"span.py:Span", "article.py:Token", "actor.py:Mention"} <= {n for n, _, _ in inits}
    for name, cls, init in inits:
        fields = [
            item
            for item in cls.body
            if isinstance(item, ast.AnnAssign)
            and not ast.unparse(item.annotation).startswith("ClassVar")
        ]
        params = init.args.args[1:]
        assert [ast.unparse(f.target) for f in fields] == [p.arg for p in params], name
        assert [ast.unparse(f.annotation) for f in fields] == [
            ast.unparse(p.annotation) for p in params if p.annotation is not None
        ], name
        given = [ast.unparse(f.value) for f in fields if f.value is not None]
        assert given == [ast.unparse(d) for d in init.args.defaults], name
        sets = [
            ast.unparse(call.args[1]) + "=" + ast.unparse(call.args[2])
            for call in ast.walk(init)
            if isinstance(call, ast.Call) and ast.unparse(call.func) == "object.__setattr__"
        ]
        names = [ast.unparse(f.target) for f in fields]
        assert sets == [f"'{n}'={n}" for n in names], name
