"""Learner names, and finding a learner's row: shared by every store method."""

from __future__ import annotations

from typing import Any

from .records import now
from .storage import META, META_ROW
from .tables import ProgressDB

__all__ = ["NAME_LENGTH", "check_name", "find_learner", "stored_name", "ensure_learner", "meta"]

NAME_LENGTH = 40
"""The longest learner name, in characters."""


def check_name(name: Any) -> str:
    """The name with its spacing tidied, or ValueError saying in plain words what is wrong with it."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError("Please type a name.")
    name = " ".join(name.split())
    if len(name) > NAME_LENGTH:
        raise ValueError(f"A name can be at most {NAME_LENGTH} characters long.")
    if not name.isprintable():
        raise ValueError("A name can only hold letters, digits, spaces and punctuation.")
    return str(name)


def find_learner(db: ProgressDB, name: Any) -> dict[str, Any] | None:
    """The learner row whose name matches ``name``, ignoring case and spacing (several share a machine)."""
    if not isinstance(name, str):
        return None
    wanted = " ".join(name.split()).casefold()
    for row in db.table("learners"):
        if row["name"].casefold() == wanted:
            return row
    return None


def stored_name(db: ProgressDB, name: Any) -> str:
    """The stored spelling of a learner's name (the name as given, tidied, if unknown)."""
    row = find_learner(db, name)
    return row["name"] if row else " ".join(str(name).split())


def ensure_learner(db: ProgressDB, name: Any) -> dict[str, Any]:
    """Inside a transaction: the learner's row, made if new, marked as seen now."""
    row = find_learner(db, name)
    stamp = now()
    if row is None:
        row = {"name": check_name(name), "created": stamp, "last_seen": stamp}
        db.table("learners").insert(row)
    elif row.get("last_seen") != stamp:
        db.table("learners").update({"last_seen": stamp}, doc_ids=[row.doc_id])  # type: ignore[attr-defined]
        row = {**row, "last_seen": stamp}
    return row


def meta(db: ProgressDB) -> dict[str, Any]:
    """The store's meta row (schema version, last learner)."""
    return db.table(META).get(doc_id=int(META_ROW)) or {}
