"""Every table of the store (or the ones named) written to a folder as Parquet or CSV
files named after the tables, through DuckDB's ``COPY ... TO``. Rows are written in a
stable order (sorted on every column), so exporting twice gives the same files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from entente.errors import EntenteError
from entente.store.database import DATA_TABLES, Store

EXPORT_TABLES: tuple[str, ...] = (*DATA_TABLES, "runs")
_OPTIONS = {"parquet": "FORMAT PARQUET", "csv": "FORMAT CSV, HEADER"}


def write_tables(
    store: Store, folder: Path, fmt: str, tables: Sequence[str] = ()
) -> dict[str, Path]:
    """Write each table to ``folder/TABLE.{parquet,csv}``; return table → file."""
    if fmt not in _OPTIONS:
        raise EntenteError(f"unknown table format {fmt!r}; use parquet or csv")
    unknown = sorted(set(tables) - set(EXPORT_TABLES))
    if unknown:
        raise EntenteError(
            f"unknown table {', '.join(unknown)}; the tables are {', '.join(EXPORT_TABLES)}"
        )
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in tables or EXPORT_TABLES:
        path = folder / f"{table}.{fmt}"
        target = str(path).replace("'", "''")
        store.con.execute(
            f"COPY (SELECT * FROM {table} ORDER BY ALL) TO '{target}' ({_OPTIONS[fmt]})"
        )
        written[table] = path
    return written
