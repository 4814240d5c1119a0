"""How the progress file's layout changes between versions of listen.

Each migration takes the tables at version ``n`` and returns them at ``n + 1``;
``MIGRATIONS[n]`` is the step from ``n``. The version lives in the ``meta``
table. A file from a newer listen is never migrated or rewritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .storage import META, META_ROW

__all__ = [
    "TABLES", "MIGRATIONS", "SCHEMA_VERSION", "current_version", "version_of", "version_is_unsound", "migrate",
    "fresh", "fresh_meta",
]

Tables = dict[str, dict[str, Any]]

TABLES = (
    META,
    "learners",
    "lesson_state",
    "attempts",
    "drafts",
    "places",
    "assignments",
    "trainer_feedback",
    "outbox",
    "sessions",
    "results",
    "promises",
    "contests",
    "archive",
)
"""Every table in the file, in the order they are written.

A table a file lacks reads as empty, so adding one here (``sessions`` and
``results`` came with the outbox's events, ``promises`` with follow-ups, ``contests`` with a learner's
"I think this grade is wrong", ``archive`` with the closed files of older rows) needs no migration step.
"""


def _from_plain_tinydb(tables: Tables) -> Tables:
    """0 → 1: a TinyDB file without a meta table gains one, and every table exists.

    Version 0 is any TinyDB JSON file with tables but no ``meta``: what TinyDB's
    own storage writes, for example when someone prepared a store by hand.
    """
    migrated: Tables = {
        name: dict(tables.get(name, {})) if isinstance(tables.get(name), dict) else {} for name in TABLES
    }
    migrated.update((name, table) for name, table in tables.items() if name not in migrated)
    migrated[META] = {META_ROW: {"schema_version": 1, "last_learner": None}}
    return migrated


MIGRATIONS: list[Callable[[Tables], Tables]] = [_from_plain_tinydb]
"""The steps, oldest first: ``MIGRATIONS[n]`` turns version ``n`` into ``n + 1``."""

SCHEMA_VERSION = len(MIGRATIONS)
"""The layout this listen writes."""


def current_version() -> int:
    """The layout this listen writes, read at call time so tests can add steps."""
    return len(MIGRATIONS)


def version_of(tables: Tables) -> int:
    """The layout version of a file's tables (0 when it has no meta table)."""
    meta = tables.get(META, {})
    row = meta.get(META_ROW, {}) if isinstance(meta, dict) else {}
    version = row.get("schema_version", 0) if isinstance(row, dict) else 0
    return version if isinstance(version, int) and not isinstance(version, bool) and version >= 0 else 0


def version_is_unsound(tables: Tables) -> bool:
    """Whether the file has a settings row whose version is not a version at all (text, a 5,000-digit number).

    Such a file is ours at some version; it is read as the current one and its settings row repaired.
    """
    meta = tables.get(META)
    if META in tables and not isinstance(meta, dict):
        return True
    row = meta.get(META_ROW) if isinstance(meta, dict) else None
    if META_ROW in (meta or {}) and not isinstance(row, dict):
        return True
    if not isinstance(row, dict) or "schema_version" not in row:
        return False
    version = row["schema_version"]
    return not isinstance(version, int) or isinstance(version, bool) or version < 0


def migrate(tables: Tables, steps: list[Callable[[Tables], Tables]] | None = None) -> Tables:
    """The tables brought up to the newest version by running each missing step in order."""
    steps = MIGRATIONS if steps is None else steps
    version = version_of(tables)
    for step in range(version, len(steps)):
        tables = steps[step](tables)
        tables.setdefault(META, {}).setdefault(META_ROW, {})["schema_version"] = step + 1
    return tables


def fresh_meta() -> dict[str, Any]:
    """The settings row of a new store."""
    return {"schema_version": len(MIGRATIONS), "last_learner": None}


def fresh() -> Tables:
    """The tables of a new, empty store at the current version."""
    tables: Tables = {name: {} for name in TABLES}
    tables[META] = {META_ROW: {"schema_version": len(MIGRATIONS), "last_learner": None}}
    return tables
