"""The store's learning events: sessions, module and assignment results, and the outbox.

Every method here changes progress and queues the event's statement in one
save (see ``events``). ``ProgressStore`` takes these methods as a base class
so the store stays one object for the app and the command line.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tinydb import where

from .events import LearningEvent, QueuedStatement, StatementMaker, event_time, new_event_id
from .learners import ensure_learner, stored_name
from .row_checks import sound_statement
from .tables import ProgressDB
from .windows import left_behind

if TYPE_CHECKING:
    from .archive import Archive
    from .progressfile import ProgressFile

__all__ = ["LearningEvents", "queue_event", "attempt_event_id"]

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def attempt_event_id(attempt_id: str) -> str:
    """The statement id for an attempt: its own uuid when it is one, so resaving it queues nothing new."""
    try:
        return str(uuid.UUID(attempt_id))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"listen:attempt:{attempt_id}"))


def queue_event(db: ProgressDB, maker: StatementMaker | None, event: LearningEvent,
                archive: Archive | None = None) -> None:
    """Inside a transaction: put the event's statement in the outbox (once per id)."""
    if maker is None:
        return
    statement = maker(event)
    if statement is None:
        return
    statement_id = str(statement.get("id") or event.id)
    for row in (db.storage.read() or {}).get("outbox", {}).values():  # plain loop: ~20x a TinyDB query
        if row.get("id") == statement_id:
            return
    if archive is not None and archive.find(db.storage.read() or {}, "outbox", statement_id, event.at) is not None:
        return
    # Kept as one JSON string: a file holding thousands of queued statements opens several times faster.
    text = _ENCODER.encode(dict(statement))
    db.table("outbox").insert({"id": statement_id, "learner": event.learner, "queued": event.at, "statement": text})


class LearningEvents:
    """Sessions, results and the outbox, for ``ProgressStore``."""

    _file: ProgressFile
    _statements: StatementMaker | None
    _sessions: dict[str, tuple[str, str]]  # learner -> (session id, started), for this window only

    def _event(self, db: ProgressDB, verb: str, learner: str, kind: str, target: str, **details: Any) -> None:
        """Inside a transaction: queue one event for ``learner`` (a stored name)."""
        details.setdefault("session", self._sessions.get(learner, ("", ""))[0])
        details.setdefault("id", new_event_id())
        details.setdefault("at", event_time())
        queue_event(db, self._statements, LearningEvent(verb, learner, kind, target, **details), self._file.archive)

    # -- sessions -------------------------------------------------------------

    def start_session(self, learner: str) -> str:
        """The learner starts studying in this window: queue ``initialized``; the session's id.

        A session another listen on this machine left open when it died is
        closed first as ``abandoned``.
        """
        with self._file.transaction() as db:
            name = ensure_learner(db, learner)["name"]
            if name in self._sessions:  # started twice: the first one ends here
                self.end_session(name)
            table = db.table("sessions")
            for row in table.search(where("learner") == name):
                if left_behind(row):
                    table.remove(doc_ids=[row.doc_id])
                    self._event(db, "abandoned", name, "course", "", session=row["id"],
                                seconds=_seconds_since(row["started"]))
            session_id, started = new_event_id(), event_time()
            table.insert({"learner": name, "id": session_id, "started": started,
                          "host": socket.gethostname(), "pid": os.getpid()})
            self._sessions[name] = (session_id, started)
            self._event(db, "initialized", name, "course", "", at=started)
            return session_id

    def end_session(self, learner: str) -> None:
        """The learner stops studying in this window: queue ``terminated`` with the time spent."""
        with self._file.transaction() as db:
            name = stored_name(db, learner)
            if name not in self._sessions:
                return
            session_id, started = self._sessions[name]
            db.table("sessions").remove((where("learner") == name) & (where("id") == session_id))
            self._event(db, "terminated", name, "course", "", seconds=_seconds_since(started))
            del self._sessions[name]

    # -- results --------------------------------------------------------------

    def record_module_result(self, learner: str, module_id: str, *, passed: bool, score: float) -> bool:
        """Note that the learner passed or failed a module; queue ``passed``/``failed`` if the verdict changed.

        True when it changed (a first verdict, or failed turned passed).
        """
        return self._result(learner, "module", module_id, "passed" if passed else "failed", passed, score)

    def complete_assignment(self, learner: str, assignment_id: str, *, passed: bool | None = None,
                            score: float | None = None) -> bool:
        """Note that the learner finished an assignment; queue ``completed`` the first time. True if new."""
        return self._result(learner, "assignment", assignment_id, "completed", passed, score)

    def module_result(self, learner: str, module_id: str) -> bool | None:
        """Whether the learner's last verdict on a module was a pass (None if none yet)."""
        with self._file.reading() as db:
            rows = db.table("results").search(_result_of(stored_name(db, learner), "module", module_id))
            return bool(rows[0]["passed"]) if rows else None

    def _result(self, learner: str, kind: str, target: str, verb: str, passed: bool | None,
                score: float | None) -> bool:
        if score is not None:
            score = min(1.0, max(0.0, float(score)))
        with self._file.transaction() as db:
            name = ensure_learner(db, learner)["name"]
            table = db.table("results")
            which = _result_of(name, kind, target)
            rows = table.search(which)
            if rows and (kind == "assignment" or rows[0]["passed"] == passed):
                return False
            row = {
                "learner": name,
                "kind": kind,
                "target": target,
                "passed": passed,
                "score": score,
                "at": event_time(),
            }
            if rows:
                table.update(row, which)
            else:
                table.insert(row)
            self._event(db, verb, name, kind, target, at=row["at"], score=score, success=passed)
            return True

    # -- the outbox -----------------------------------------------------------

    def outbox(self, limit: int | None = None) -> list[QueuedStatement]:
        """Statements not yet taken by a Learning Record Store, oldest first."""
        with self._file.reading() as db:
            rows = [*self._file.archive.rows(self._file.storage.data, "outbox"), *db.table("outbox").all()]
        queued: list[Any] = []
        unreadable: list[Any] = []
        for row in rows:
            if limit is not None and len(queued) >= max(0, limit):
                break
            problem = sound_statement(row.get("statement"))
            doc_id = getattr(row, "doc_id", None)  # None: a closed-away row, checked when its file was read
            if problem is None:
                queued.append(
                    QueuedStatement(row["id"], row.get("learner", ""), row.get("queued", ""), _statement(row))
                )
            elif doc_id is not None:
                unreadable.append((doc_id, problem))
        if unreadable:
            self._quarantine(unreadable)
        return queued

    def _quarantine(self, unreadable: list[tuple[int, str]]) -> None:
        """Move statements that cannot be read out of the outbox, so the ones behind them still go."""
        from .errors import StoreError

        try:
            with self._file.transaction() as db:
                outbox, kept = db.table("outbox"), db.table("quarantine")
                for doc_id, problem in unreadable:
                    row = outbox.get(doc_id=doc_id)
                    if row is not None:
                        kept.insert({"table": "outbox", "row": dict(row), "why": problem, "at": event_time()})
                        outbox.remove(doc_ids=[doc_id])
        except StoreError:
            return  # a read-only folder: they are skipped now and set aside when it can be written
        count = len(unreadable)
        self._file.notices.append(
            f"{count} statement{'s' if count != 1 else ''} waiting to be sent could not be read and "
            f"{'were' if count != 1 else 'was'} set aside in the progress file's quarantine; the others will be sent."
        )

    def outbox_count(self) -> int:
        """How many statements wait in the outbox."""
        with self._file.reading() as db:
            return len(db.table("outbox")) + self._file.archive.count(self._file.storage.data, "outbox")

    def mark_sent(self, statement_ids: Iterable[str]) -> int:
        """Take statements the LRS now has out of the outbox; how many were removed."""
        wanted = set(statement_ids)
        if not wanted:
            return 0
        with self._file.transaction() as db:
            table = db.table("outbox")
            doc_ids = [row.doc_id for row in table.all() if row.get("id") in wanted]
            if doc_ids:
                table.remove(doc_ids=doc_ids)
            closed_away = self._file.archive.rewrite(self._file.storage.data, "outbox", None,
                                                     lambda row: None if row.get("id") in wanted else row)
            return len(doc_ids) + closed_away


def _statement(row: dict[str, Any]) -> dict[str, Any]:
    statement = row.get("statement")
    return json.loads(statement) if isinstance(statement, str) else dict(statement or {})


def _result_of(learner: str, kind: str, target: str) -> Any:
    return (where("learner") == learner) & (where("kind") == kind) & (where("target") == target)


def _seconds_since(started: str) -> float:
    try:
        then = datetime.fromisoformat(started)
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, (datetime.now(then.tzinfo) - then).total_seconds())
