from __future__ import annotations

from pathlib import Path

import pytest

from entente.cli import main
from entente.model import make_id
from entente.store import held
from entente.store.database import Store
from entente.store.held import HeldIds, id_key


def test_an_article_id_is_held_as_its_64_bits() -> None:
    assert id_key("a_00000000000000ff") == 255
    assert id_key("a_ffffffffffffffff") == 2**64 - 1
    # not of make_id's form: held as a string instead
    for odd in (
        "a_FFFFFFFFFFFFFFFF",
        "a_0x00000000000ff",
        "a_-fffffffffffff1",
        "e_0000000000000001",
        "a_00000000000000ff0",
        "a_+00000000000000f",
    ):
        assert id_key(odd) is None, odd


def test_held_ids_answer_as_a_set_of_strings_would(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(held, "MERGE_AT", 4)  # merges often, so both halves are read
    stored = [make_id("a", str(n), "text") for n in range(10)]
    ids = HeldIds([id_key(i) or 0 for i in stored[:5]], ["article-7"])
    for article_id in [*stored[5:], "article-9", stored[0]]:
        ids.add(article_id)
    expected = set(stored) | {"article-7", "article-9"}
    for article_id in expected:
        assert article_id in ids
    for other in [make_id("a", str(n), "other") for n in range(20)] + ["article-8", 7]:
        assert other not in ids
    assert len(ids) == len(expected)
    assert ids.nbytes() == 8 * len(stored)


def test_a_store_reads_its_coded_ids_as_integers(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2025-08-06 India held talks with Russia.", "utf-8")
    (folder / "b.txt").write_text("date 2025-08-07 Japan held talks with China.", "utf-8")
    db = tmp_path / "e.duckdb"
    assert main(["--db", str(db), "code", "--quiet", str(folder)]) == 0
    with Store(db, read_only=True) as store:
        digest = store.query("SELECT DISTINCT lexicon_digest AS d FROM articles")[0]["d"]
        stored = [row["article_id"] for row in store.query("SELECT article_id FROM articles")]
        ids = store.coded_ids(digest)
        assert len(stored) == 2
        assert all(article_id in ids for article_id in stored)
        assert len(ids) == 2
        assert ids.nbytes() == 16
        assert len(store.coded_ids("another lexicon")) == 0
