"""Learning events: what the store tells the outside world happened, and the outbox that holds them.

The store knows *that* a lesson was finished or an answer saved; turning that
into a statement a Learning Record Store understands is ``course.xapi``'s work.
The store is handed a ``StatementMaker`` (any callable from LearningEvent to a
statement) and queues its statement in the ``outbox`` table in the very save
that records the progress, so the two can never disagree after a crash.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from .records import Attempt

__all__ = [
    "EVENT_VERBS",
    "ACTIVITY_KINDS",
    "LearningEvent",
    "QueuedStatement",
    "StatementMaker",
    "event_time",
    "new_event_id",
]

EVENT_VERBS = (
    "initialized",
    "terminated",
    "abandoned",
    "experienced",
    "completed",
    "answered",
    "passed",
    "failed",
)
"""What can happen: the learner's time with the course starts or ends, a lesson is read or
finished, an exercise answered, a module or assignment passed, failed or completed."""

ACTIVITY_KINDS = ("course", "module", "lesson", "exercise", "assignment")
"""What an event is about."""


def event_time() -> str:
    """The current time as ISO-8601 UTC to the millisecond: events a moment apart stay in order."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_event_id() -> str:
    """A fresh event id: a UUID in its usual text form."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class LearningEvent:
    """One thing a learner did, as the store saw it at the moment it was saved."""

    verb: str
    """One of EVENT_VERBS."""
    learner: str
    """The learner's name as stored."""
    kind: str
    """One of ACTIVITY_KINDS: what the event is about."""
    target: str
    """The id of the module, lesson, exercise or assignment ("" for the course itself)."""
    id: str
    """The event's UUID; its statement carries the same id, so a resend is recognised."""
    at: str
    """When it happened (ISO-8601 with its zone)."""
    session: str = ""
    """The id of the learner's open session in this window, if one was started."""
    attempt: Attempt | None = None
    """For ``answered``: the attempt saved, with its answer, score and outcomes."""
    score: float | None = None
    """For a module or assignment result: the score, 0 to 1."""
    success: bool | None = None
    """For a module or assignment result: whether it was passed."""
    seconds: float | None = None
    """For ``terminated`` and ``abandoned``: how long the session lasted."""


StatementMaker = Callable[[LearningEvent], Mapping[str, Any] | None]
"""Turns an event into the statement to queue (or None to queue nothing)."""


@dataclass(frozen=True)
class QueuedStatement:
    """A statement waiting in the outbox until a Learning Record Store has it."""

    id: str
    """The statement's id."""
    learner: str
    """Whose event it records."""
    queued: str
    """When it was put in the outbox (ISO-8601 UTC)."""
    statement: Mapping[str, Any]
    """The statement itself, exactly as it will be sent."""
