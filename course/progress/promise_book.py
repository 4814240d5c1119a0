"""The ``promises`` table: keeping, settling and reading a learner's promises to customers.

The writes here run inside a transaction the caller holds (the one that
records the attempt), so a promise and its attempt are saved together.
``ProgressStore`` takes the reading methods as a base class.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from tinydb import where

from .learners import stored_name
from .promises import OUTCOMES, Promise, Settlement, promise_from_row, promise_row
from .tables import ProgressDB

if TYPE_CHECKING:
    from .progressfile import ProgressFile

__all__ = ["PromiseBook", "keep_promise", "settle_promise", "merge_promises"]

TABLE = "promises"


def keep_promise(db: ProgressDB, learner: str, promise: Promise, attempt_id: str) -> Promise:
    """Inside a transaction: store a promise made by the attempt ``attempt_id``; the promise as kept.

    A newer answer to the same exercise is the learner saying it again in other
    words: it replaces the promises from that exercise not yet followed up.
    """
    table = db.table(TABLE)
    kept = replace(promise, attempt_id=attempt_id)
    stale = [row.doc_id for row in table.search((where("learner") == learner)
                                                & (where("exercise_id") == promise.exercise_id))
             if row.get("outcome", "") not in OUTCOMES]
    if stale:
        table.remove(doc_ids=stale)
    table.insert(promise_row(learner, kept))
    return kept


def settle_promise(db: ProgressDB, learner: str, settlement: Settlement, attempt_id: str) -> bool:
    """Inside a transaction: mark a promise settled by a follow-up attempt; False if it was already settled."""
    table = db.table(TABLE)
    which = (where("learner") == learner) & (where("id") == settlement.promise_id)
    rows = table.search(which)
    if not rows or rows[0].get("outcome", "") in OUTCOMES:
        return False  # the first follow-up that settled it stands
    settled = promise_from_row(rows[0]).settled_as(settlement, attempt_id)
    table.update({"settled_by": settled.settled_by, "outcome": settled.outcome, "settled": settled.settled}, which)
    return True


def merge_promises(db: ProgressDB, learner: str, promises: Iterable[Promise]) -> int:
    """Inside a transaction: bring in promises from a results bundle; how many were new or newly settled."""
    table = db.table(TABLE)
    changed = 0
    for promise in promises:
        which = (where("learner") == learner) & (where("id") == promise.id)
        rows = table.search(which)
        if not rows:
            table.insert(promise_row(learner, promise))
            changed += 1
        elif promise.outcome in OUTCOMES and rows[0].get("outcome", "") not in OUTCOMES:
            table.update({"settled_by": promise.settled_by, "outcome": promise.outcome,
                          "settled": promise.settled}, which)
            changed += 1
    return changed


class PromiseBook:
    """Reading a learner's promises, for ``ProgressStore``."""

    _file: ProgressFile

    def promises(self, learner: str) -> list[Promise]:
        """Every promise ``learner`` has made to a customer, oldest first."""
        with self._file.reading() as db:
            rows = db.table(TABLE).search(where("learner") == stored_name(db, learner))
            return sorted((promise_from_row(row) for row in rows), key=lambda p: (p.made, p.id))

    def promise(self, learner: str, promise_id: str) -> Promise | None:
        """One of ``learner``'s promises by its id, or None."""
        with self._file.reading() as db:
            rows = db.table(TABLE).search((where("learner") == stored_name(db, learner)) & (where("id") == promise_id))
            return promise_from_row(rows[0]) if rows else None
