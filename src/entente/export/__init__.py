"""Exports of the store: GDELT 2.0 event table, PLOVER/POLECAT JSON lines, and every
table as Parquet or CSV. Each function reads an open :class:`~entente.store.database.Store`
and writes files; nothing here changes the store."""

from entente.export.gdelt import GDELT_COLUMNS, gdelt_event_id, to_gdelt_rows, write_gdelt
from entente.export.plover import to_plover_records, write_plover
from entente.export.tables import EXPORT_TABLES, write_tables

__all__ = [
    "EXPORT_TABLES",
    "GDELT_COLUMNS",
    "gdelt_event_id",
    "to_gdelt_rows",
    "to_plover_records",
    "write_gdelt",
    "write_plover",
    "write_tables",
]
