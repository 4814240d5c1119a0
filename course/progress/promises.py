"""Promises a learner made to customers in their answers, and what became of each.

A promise is kept in the store in the same save as the attempt that made it,
and settled (kept or renegotiated) in the same save as the follow-up attempt
that answered it, so a crash never leaves one without the other. Finding the
promise in an answer and writing the follow-up is ``course.follow_up``'s work;
this only keeps the records and says, at a given moment, where each stands.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any

__all__ = [
    "FOLLOW_UP_PREFIX",
    "DUE_AFTER",
    "LAPSES_AFTER",
    "OUTCOMES",
    "PROMISE_STATES",
    "STATE_WORDS",
    "Promise",
    "Settlement",
    "follow_up_id",
    "promise_id_of",
    "moment",
    "stamp",
    "promise_row",
    "promise_from_row",
]

FOLLOW_UP_PREFIX = "follow-up."
"""How the id of a follow-up exercise begins; the promise's id follows."""

DUE_AFTER = timedelta(days=1)
"""How long after a promise the customer comes back about it."""

LAPSES_AFTER = timedelta(days=7)
"""How long a customer waits once a promise is due; after that it was never followed up."""

OUTCOMES = ("kept", "renegotiated")
"""How a follow-up can settle a promise: done as said, or honestly changed with a new step."""

PROMISE_STATES = ("open", "due", "kept", "renegotiated", "not_followed_up")
"""Where a promise can stand: not due yet, the customer is back, settled either way, or left too long."""

STATE_WORDS = {
    "open": "open", "due": "due", "kept": "kept", "renegotiated": "renegotiated",
    "not_followed_up": "never followed up",
}
"""Each state in the words a learner or trainer reads."""


def follow_up_id(promise_id: str) -> str:
    """The id of the follow-up exercise that answers a promise."""
    return FOLLOW_UP_PREFIX + promise_id


def promise_id_of(exercise_id: str) -> str | None:
    """The promise a follow-up exercise answers, or None when the id is not a follow-up's."""
    if not exercise_id.startswith(FOLLOW_UP_PREFIX):
        return None
    rest = exercise_id[len(FOLLOW_UP_PREFIX):]
    return rest if rest.isalnum() and rest.isascii() else None


def moment(text: str) -> datetime | None:
    """The moment an ISO-8601 time names (UTC when it has no zone), or None if it is not one."""
    try:
        found = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except (TypeError, ValueError, AttributeError):
        return None
    return found if found.tzinfo is not None else found.replace(tzinfo=timezone.utc)


def stamp(when: datetime) -> str:
    """A moment as the store writes times: ISO-8601 UTC to the second."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Settlement:
    """A follow-up that answered a promise well enough to settle it."""

    promise_id: str
    """The promise settled."""
    outcome: str
    """One of OUTCOMES."""
    at: str
    """When, by the course clock (ISO-8601 UTC)."""


@dataclass(frozen=True)
class Promise:
    """A step a learner promised a customer in an answer, with the words they used."""

    id: str
    """A uuid4 hex; the follow-up exercise is ``follow-up.<id>``."""
    exercise_id: str
    """The exercise (or follow-up) whose answer made the promise."""
    customer: str
    """Who it was made to."""
    channel: str
    """Where: chat, email, phone, social, in-person (or "")."""
    words: str
    """What the learner wrote, as they wrote it: the sentence or two that promise."""
    made: str
    """When, by the course clock (ISO-8601 UTC)."""
    due: str
    """When the customer comes back about it (ISO-8601 UTC)."""
    attempt_id: str = ""
    """The attempt that made it; filled in when it is recorded."""
    title: str = ""
    """The exercise's title when the promise was made."""
    context: str = ""
    """What the customer had said, that the promise answered (shortened)."""
    settled_by: str = ""
    """The follow-up attempt that settled it, or "" while it is not settled."""
    outcome: str = ""
    """``kept`` or ``renegotiated`` once settled, else ""."""
    settled: str = ""
    """When it was settled (ISO-8601 UTC), or ""."""

    @property
    def follow_up_id(self) -> str:
        """The id of the follow-up exercise that answers it."""
        return follow_up_id(self.id)

    def state(self, now: datetime) -> str:
        """Where it stands at ``now``: one of PROMISE_STATES."""
        if self.outcome in OUTCOMES:
            return self.outcome
        due = moment(self.due)
        if due is None or now < due:
            return "open"
        return "due" if now < due + LAPSES_AFTER else "not_followed_up"

    def settled_as(self, settlement: Settlement, attempt_id: str) -> Promise:
        """The promise settled by the follow-up attempt ``attempt_id``."""
        return replace(self, settled_by=attempt_id, outcome=settlement.outcome, settled=settlement.at)


def promise_row(learner: str, promise: Promise) -> dict[str, Any]:
    """The row stored for a promise."""
    return {
        "learner": learner, "id": promise.id, "exercise_id": promise.exercise_id, "attempt_id": promise.attempt_id,
        "customer": promise.customer, "channel": promise.channel, "words": promise.words, "made": promise.made,
        "due": promise.due, "title": promise.title, "context": promise.context, "settled_by": promise.settled_by,
        "outcome": promise.outcome, "settled": promise.settled,
    }


def promise_from_row(row: Mapping[str, Any]) -> Promise:
    """The Promise a stored row (or a bundle's entry) describes."""
    return Promise(
        id=str(row["id"]), exercise_id=str(row["exercise_id"]), customer=str(row.get("customer", "")),
        channel=str(row.get("channel", "")), words=str(row.get("words", "")), made=str(row.get("made", "")),
        due=str(row.get("due", "")), attempt_id=str(row.get("attempt_id", "")), title=str(row.get("title", "")),
        context=str(row.get("context", "")), settled_by=str(row.get("settled_by", "")),
        outcome=str(row.get("outcome", "")), settled=str(row.get("settled", "")),
    )
