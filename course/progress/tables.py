"""TinyDB, with a table that adds a row without copying the whole table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

__all__ = ["ProgressDB", "ProgressTable"]


class ProgressTable(Table):
    """A TinyDB table whose ``insert`` adds the row in place.

    TinyDB's own insert rebuilds the table twice (ids to int and back) to add
    one row, which costs milliseconds per attempt once there are thousands.
    The stored result is the same.
    """

    def insert(self, document: Mapping[str, Any]) -> int:
        """Add a row; its id."""
        if not isinstance(document, Mapping):
            raise ValueError("Document is not a Mapping")
        if isinstance(document, self.document_class):
            return super().insert(document)  # keeps its own id: TinyDB's careful path
        doc_id: int = self._get_next_id()  # type: ignore[no-untyped-call]
        tables = self._storage.read() or {}
        self._storage.write(tables)  # first: refuses before anything changes outside a transaction
        table = tables.setdefault(self.name, {})
        if str(doc_id) in table:
            raise ValueError(f"Document with ID {doc_id} already exists")
        table[str(doc_id)] = dict(document)
        self.clear_cache()
        return doc_id


class ProgressDB(TinyDB):
    """TinyDB with ProgressTable tables."""

    table_class = ProgressTable
