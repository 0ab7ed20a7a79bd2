"""The embedded DuckDB store: migrations, idempotent writes, runs and input errors.

Writes are keyed by article: storing an analysis deletes every row of that article and
inserts the new ones in one transaction, so coding the same input twice leaves the
tables identical and an interrupted batch leaves nothing half-written. Rows go in
bulk through Arrow (DuckDB's row-at-a-time inserts are slow).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from entente import __version__
from entente.dedup import StoryLibrary, StoryLink, outlet_of
from entente.dedup.library import StoredRow
from entente.errors import StoreError
from entente.model import Analysis, Article, make_id
from entente.store.held import ARTICLE_ID, HeldIds
from entente.store.rows import COLUMNS, TABLE_ROWS, Coded, coded, story_row

DEFAULT_DB = "entente.duckdb"
_MIGRATION_RE = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
DATA_TABLES = (
    "articles",
    "sentences",
    "mentions",
    "quotes",
    "events",
    "amounts",
    "places",
    "time_refs",
    "themes",
    "article_themes",
    "input_errors",
    "stories",
    "sightings",
)


def default_db_path() -> Path:
    """``ENTENTE_DB`` if set, else ``./entente.duckdb``."""
    return Path(os.environ.get("ENTENTE_DB") or DEFAULT_DB)


class Store:
    """One open database. Use as a context manager; writers hold the file exclusively."""

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no database here; run `entente code` first")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from exc
        self._run_writing = False  # inside writing_run
        self._replaced = False  # a write in this run replaced stored rows
        if not read_only:
            self.migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema ---------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply the numbered migrations not yet applied; return their numbers."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER, name VARCHAR)"
        )
        done = {
            row[0] for row in self.con.execute("SELECT version FROM schema_migrations").fetchall()
        }
        applied = []
        for version, name, sql in _migrations():
            if version in done:
                continue
            self.con.execute("BEGIN")
            self.con.execute(sql)
            self.con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [version, name])
            self.con.execute("COMMIT")
            applied.append(version)
        return applied

    # -- writing --------------------------------------------------------------------
    @contextmanager
    def writing_run(self) -> Iterator[None]:
        """DuckDB set for a run that writes batch after batch, so that its memory does
        not grow with the store.

        Left to itself, DuckDB keeps every block it wrote cached (up to most of the
        machine's memory), and its checkpoints merge the small row groups that appends
        leave into larger ones, holding each merge in memory: a run's peak grew with the
        store, in steps at every doubling. Inside, checkpoints do not merge, and after a
        checkpoint (when nothing written waits in memory) the cache is let go. A run
        that replaced stored rows is merged once at its end, which reclaims what the
        deleted rows took."""
        self.con.execute("SET max_vacuum_tasks = 0")
        self._run_writing, self._replaced = True, False
        try:
            yield
        finally:
            self._run_writing = False
            self.con.execute("RESET max_vacuum_tasks")
            if self._replaced:
                self.con.execute("CHECKPOINT")

    def _let_cache_go(self) -> None:
        """Drop DuckDB's cached blocks once they are all on disk (just after a
        checkpoint): lowering the memory limit for a moment evicts them, and blocks
        on disk are evicted for nothing. Rows not checkpointed yet would be spilled to
        a temporary file instead, so then nothing is done."""
        ((waiting,),) = self.con.execute(
            "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() "
            "WHERE tag IN ('IN_MEMORY_TABLE', 'OVERFLOW_STRINGS')"
        ).fetchall()
        if waiting:
            return
        try:
            self.con.execute("SET memory_limit = '1MB'")
        except duckdb.Error:
            pass  # what could not be evicted stays; the limit is put back all the same
        finally:
            self.con.execute("RESET memory_limit")

    def write(
        self,
        analyses: Sequence[Analysis | Coded],
        *,
        lexicon_digest: str | None = None,
        stories: Sequence[StoryLink] = (),
    ) -> None:
        """Store analyses (or their rows, :class:`~entente.store.rows.Coded`), replacing
        every row of their articles, in one transaction.

        ``lexicon_digest`` records what the articles were coded with (a later run with the
        same lexicon skips them); ``stories`` replaces the story rows of their articles.
        """
        if not analyses:
            return
        latest = {a.article.article_id: a if isinstance(a, Coded) else coded(a) for a in analyses}
        ids = sorted(latest)
        batch = latest.values()
        articles = [row for c in batch for row in c.rows["articles"]]
        # every articles row has the keys of article_row, in its order
        tables: dict[str, tuple[Sequence[str], list[Sequence[Any]]]] = {
            "articles": (
                [*articles[0], "lexicon_digest"],
                _columns([(*row.values(), lexicon_digest) for row in articles]),
            )
        }
        for name in TABLE_ROWS:
            tables[name] = (COLUMNS[name], _columns([row for c in batch for row in c.rows[name]]))
        if stories:
            tables["stories"] = (COLUMNS["stories"], _columns(list(map(story_row, stories))))
        self.con.execute("BEGIN")
        try:
            # every row of an article is written with its articles row, in one
            # transaction: where none of the batch is stored, there is nothing to replace
            ((stored,),) = self.con.execute(
                "SELECT count(*) FROM articles WHERE article_id IN (SELECT unnest(?))", [ids]
            ).fetchall()
            for name in tables if stored else ():
                self._delete(f"DELETE FROM {name} WHERE article_id IN (SELECT unnest(?))", [ids])
            for name, (names, columns) in tables.items():
                self._insert(name, names, columns)
            self._add_sightings([a.article for a in latest.values()])
            sources = sorted({a.article.origin for a in analyses if a.article.origin})
            self._delete("DELETE FROM input_errors WHERE source IN (SELECT unnest(?))", [sources])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        if self._run_writing:
            self._let_cache_go()

    def _delete(self, sql: str, params: list[Any]) -> None:
        """Run a DELETE; note whether it removed rows (see :meth:`writing_run`)."""
        ((deleted,),) = self.con.execute(sql, params).fetchall()
        self._replaced = self._replaced or deleted > 0

    def _insert(self, table: str, names: Sequence[str], columns: Sequence[Sequence[Any]]) -> None:
        """Insert rows given column by column (``columns`` in the order of ``names``)."""
        if not columns or not columns[0]:
            return
        batch = pa.Table.from_pydict(dict(zip(names, columns, strict=True)))
        self.con.register("_batch", batch)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
        finally:
            self.con.unregister("_batch")

    def add_sightings(self, articles: Sequence[Article]) -> None:
        """Record where articles were seen (each outlet and origin once)."""
        if articles:
            self.con.execute("BEGIN")
            self._add_sightings(articles)
            self.con.execute("COMMIT")

    def _add_sightings(self, articles: Sequence[Article]) -> None:
        rows = {
            (a.article_id, a.origin or a.source_id): (
                a.article_id,
                outlet_of(a),
                a.origin or a.source_id,
                a.url,
            )
            for a in articles
        }
        self._delete(
            "DELETE FROM sightings WHERE (article_id, origin) IN (SELECT (unnest(?), unnest(?)))",
            [[k[0] for k in rows], [k[1] for k in rows]],
        )
        self._insert("sightings", COLUMNS["sightings"], _columns(list(rows.values())))

    def coded_ids(self, lexicon_digest: str) -> HeldIds:
        """Ids of the articles stored as coded with this lexicon, 8 bytes each: read as
        64-bit integers by the database, never as a list of strings."""
        where = "lexicon_digest = ? AND regexp_full_match(article_id, ?)"
        pattern = ARTICLE_ID.pattern
        keys = self.con.execute(
            f"SELECT ('0x' || substr(article_id, 3))::UBIGINT AS k FROM articles WHERE {where}",
            [lexicon_digest, pattern],
        ).fetchnumpy()["k"]
        others = self.con.execute(
            "SELECT article_id FROM articles WHERE lexicon_digest = ? "
            "AND NOT regexp_full_match(article_id, ?)",
            [lexicon_digest, pattern],
        ).fetchall()
        return HeldIds(keys, (row[0] for row in others))

    def load_stories(self, library: StoryLibrary) -> StoryLibrary:
        """Connect ``library`` to the stored stories: the undated articles' signatures now,
        the dated ones by the days new articles need (see :mod:`entente.dedup.library`)."""
        for article_id, story_id, signature, date in self._stories_where("a.date IS NULL", []):
            library.add(article_id, story_id, signature, date)
        library.loader = self.stories_between
        days = self.con.execute(
            "SELECT DISTINCT a.date FROM stories s JOIN articles a USING (article_id) "
            "WHERE a.date IS NOT NULL"
        ).fetchall()
        library.stored_days = {day for (day,) in days}  # only these days are ever read
        return library

    def stories_between(self, first: dt.date, last: dt.date) -> Iterator[StoredRow]:
        """The stored articles dated from ``first`` to ``last``: id, story, signature, date."""
        return self._stories_where("a.date BETWEEN ? AND ?", [first, last])

    def _stories_where(self, where: str, params: list[Any]) -> Iterator[StoredRow]:
        cursor = self.con.execute(
            "SELECT s.article_id, s.story_id, s.signature, a.date FROM stories s "
            f"JOIN articles a USING (article_id) WHERE {where} ORDER BY s.article_id",
            params,
        )
        while chunk := cursor.fetchmany(5000):
            yield from chunk

    def record_error(self, source: str, reason: str, run_id: str) -> None:
        """Keep one row per failing input (the latest reason)."""
        self._delete("DELETE FROM input_errors WHERE source = ?", [source])
        self.con.execute("INSERT INTO input_errors VALUES (?, ?, ?)", [source, reason, run_id])

    def start_run(self, lexicon_digest: str, settings: dict[str, Any]) -> str:
        started = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        run_id = make_id("r", started.isoformat(), os.getpid())
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, version, lexicon_digest, settings) "
            "VALUES (?, ?, ?, ?, ?)",
            [run_id, started, __version__, lexicon_digest, json.dumps(settings, sort_keys=True)],
        )
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int]) -> None:
        finished = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self.con.execute(
            "UPDATE runs SET finished_at = ?, n_inputs = ?, n_articles = ?, n_events = ?, "
            "n_failed = ? WHERE run_id = ?",
            [
                finished,
                counts.get("inputs", 0),
                counts.get("articles", 0),
                counts.get("events", 0),
                counts.get("failed", 0),
                run_id,
            ],
        )

    # -- reading --------------------------------------------------------------------
    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a read query as dictionaries."""
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def table_dump(self, table: str) -> list[tuple[Any, ...]]:
        """Every row of a table in a stable order (for comparisons)."""
        if table not in DATA_TABLES:
            raise StoreError(f"unknown table {table}")
        return sorted(self.con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)


def _columns(rows: list[Sequence[Any]]) -> list[Sequence[Any]]:
    """Rows of a table as its columns (none for no rows)."""
    return list(map(list, zip(*rows, strict=True)))


def _migrations() -> list[tuple[int, str, str]]:
    found = []
    for entry in resources.files("entente.store").joinpath("schema").iterdir():
        match = _MIGRATION_RE.match(entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)
