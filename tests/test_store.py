from __future__ import annotations

from pathlib import Path

import pytest

from entente.cli import main
from entente.model import Article
from entente.pipeline import Pipeline
from entente.store.database import DATA_TABLES, Store
from entente.store.rows import coded

GOOD = {
    "a.txt": "date 2025-08-06 WASHINGTON: The United States imposed tariffs on Indian goods.",
    "b.md": "# Talks\n\ndate 2024-07-09\n\nMOSCOW: Modi held talks with Putin in Moscow.",
    "c.txt": "date 2025-09-08 WASHINGTON: Donald Trump called India “a great partner”. "
    "“We are friends of the United States,” Prime Minister Narendra Modi said.",
    "d.txt": "date 2025-03-07 TOKYO: Japan held talks with China on Tuesday.",
}


def write_inputs(folder: Path, bad: dict[str, bytes] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, data in (bad or {}).items():
        (folder / name).write_bytes(data)
    return folder


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store(db, read_only=True) as store:
        return {table: store.table_dump(table) for table in DATA_TABLES}


def test_coding_twice_leaves_identical_tables(tmp_path: Path) -> None:
    folder = write_inputs(tmp_path / "in")
    db = tmp_path / "e.duckdb"
    assert main(["--db", str(db), "code", "--quiet", str(folder)]) == 0
    first = dump(db)
    assert main(["--db", str(db), "code", "--quiet", str(folder)]) == 0
    assert dump(db) == first
    assert len(first["articles"]) == len(GOOD)
    assert len(first["events"]) >= 2
    with Store(db, read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM runs")[0]["n"] == 2


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("binary.txt", b"\x00\x01\x02PNG", "binary"),
        ("empty.txt", b"   \n", "empty"),
        ("latin.txt", "Café à Paris".encode("latin-1"), "UTF-8"),
        ("huge.txt", b"word " * 400, "limit"),
        (
            "broken.jsonl",
            b'{"id": "x", "text": "India met Russia."}\n{"id": oops\n',
            "malformed JSON",
        ),
    ],
)
def test_bad_input_is_reported_and_the_good_are_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, reason: str
) -> None:
    folder = write_inputs(tmp_path / "in", {name: data})
    db = tmp_path / "e.duckdb"
    code = main(["--db", str(db), "code", "--max-bytes", "1000", str(folder)])
    assert code == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "skipped" in line]
    assert len(lines) == 1
    assert name in lines[0]
    assert reason in lines[0]
    tables = dump(db)
    assert len(tables["input_errors"]) == 1
    assert {row[1] for row in tables["articles"]} >= set(GOOD)


def test_nothing_stored_is_lost_when_a_later_run_fails(tmp_path: Path) -> None:
    folder = write_inputs(tmp_path / "in")
    db = tmp_path / "e.duckdb"
    main(["--db", str(db), "code", "--quiet", str(folder)])
    before = dump(db)
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00")
    assert main(["--db", str(db), "code", "--quiet", str(tmp_path / "bad.txt")]) == 2
    after = dump(db)
    assert {k: v for k, v in after.items() if k != "input_errors"} == {
        k: v for k, v in before.items() if k != "input_errors"
    }


def test_writing_an_article_again_replaces_its_rows(tmp_path: Path) -> None:
    """A write first looks whether any article of the batch is stored; one that is has
    every row replaced (not doubled), even when its new analysis has fewer rows."""
    pipeline = Pipeline.default()
    analyses = [
        pipeline.analyze(Article.create(text, source_id=name)) for name, text in GOOD.items()
    ]
    with Store(tmp_path / "e.duckdb") as store:
        store.write(analyses, lexicon_digest="one")
        first = {table: store.table_dump(table) for table in DATA_TABLES}
        assert first["events"]
        store.write(analyses, lexicon_digest="two")
        again = {table: store.table_dump(table) for table in DATA_TABLES}
        assert {t: len(rows) for t, rows in again.items()} == {
            t: len(rows) for t, rows in first.items()
        }
        eventful = next(a for a in analyses if a.events)
        fewer = coded(eventful)
        fewer.rows["events"].clear()
        store.write([fewer], lexicon_digest="three")
        events = store.query(
            "SELECT count(*) AS n FROM events WHERE article_id = ?",
            [eventful.article.article_id],
        )
        assert events[0]["n"] == 0


def test_a_write_batch_is_bounded_by_its_text_as_well_as_its_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long articles make smaller transactions: a run's memory for the batch it writes
    does not grow with the length of the articles."""
    from entente import runner

    monkeypatch.setattr(runner, "BATCH_TEXT", 140)  # characters: the inputs have 78, 71, 146, 62
    batches: list[int] = []
    write = Store.write

    def counting(self: Store, analyses, **kwargs):  # type: ignore[no-untyped-def]
        batches.append(len(analyses))
        return write(self, analyses, **kwargs)

    monkeypatch.setattr(Store, "write", counting)
    folder = write_inputs(tmp_path / "in")
    with Store(tmp_path / "b.duckdb") as store:
        summary = runner.code_paths([folder], store, Pipeline.default())
    assert summary.articles == len(GOOD)
    assert sum(batches) == len(GOOD)
    assert batches == [2, 1, 1]  # two short articles reach the bound, or one long one
    monkeypatch.undo()
    assert dump(tmp_path / "b.duckdb")["events"]


def _duckdb_memory(store: Store) -> int:
    ((held,),) = store.con.execute(
        "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()"
    ).fetchall()
    return int(held)


def test_a_writing_run_lets_duckdbs_cache_go_once_its_rows_are_on_disk(tmp_path: Path) -> None:
    """DuckDB keeps every block it wrote cached; inside a run, what a checkpoint has put on
    disk is let go, so that a run's memory does not grow with the store."""
    pipeline = Pipeline.default()
    analyses = [
        pipeline.analyze(Article.create(text, source_id=name)) for name, text in GOOD.items()
    ]
    with Store(tmp_path / "c.duckdb") as store:
        ((limit,),) = store.con.execute("SELECT current_setting('memory_limit')").fetchall()
        store.con.execute("SET checkpoint_threshold = '1B'")  # every commit checkpoints
        store.write(analyses[:2], lexicon_digest="x")
        assert _duckdb_memory(store) > 1 << 20  # outside a run, a block a table stays
        with store.writing_run():
            store.write(analyses[2:], lexicon_digest="x")
            assert _duckdb_memory(store) <= 1 << 20  # the moment's limit: 1 MB
        assert store.con.execute("SELECT current_setting('memory_limit')").fetchall() == [(limit,)]
        assert store.query("SELECT count(*) AS n FROM articles") == [{"n": len(GOOD)}]


def test_a_writing_run_that_replaced_rows_checkpoints_at_its_end(tmp_path: Path) -> None:
    """Inside a run checkpoints do not merge row groups (that held each merge in memory);
    a run that deleted stored rows merges once at its end, reclaiming their space, and
    one that only added rows leaves its log for DuckDB's usual checkpoints."""
    pipeline = Pipeline.default()
    analyses = [
        pipeline.analyze(Article.create(text, source_id=name)) for name, text in GOOD.items()
    ]
    db = tmp_path / "r.duckdb"
    wal = Path(f"{db}.wal")
    with Store(db) as store:
        with store.writing_run():
            store.write(analyses, lexicon_digest="one")
        assert wal.stat().st_size > 0  # new rows only: no checkpoint yet
        with store.writing_run():
            store.write(analyses, lexicon_digest="two")  # every article replaced
        assert not wal.exists() or wal.stat().st_size == 0
        assert store.query("SELECT count(DISTINCT lexicon_digest) AS n FROM articles") == [{"n": 1}]
