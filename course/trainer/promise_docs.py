"""Promises to customers as they travel in a results bundle, and checking them against the course."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from course.content.model import Course
from course.progress.promises import Promise, moment, promise_id_of

from .files import RejectedFile

__all__ = ["promise_document", "promise_of", "checked_promises", "settled_by_known"]


def promise_document(promise: Promise, now: datetime) -> dict[str, Any]:
    """A promise as a bundle carries it, with where it stood at ``now`` (a report works it out again)."""
    document: dict[str, Any] = {
        "id": promise.id, "exercise": promise.exercise_id, "customer": promise.customer, "channel": promise.channel,
        "words": promise.words, "made": promise.made, "due": promise.due, "state": promise.state(now),
    }
    if promise.attempt_id:
        document["attempt"] = promise.attempt_id
    if promise.title:
        document["title"] = promise.title
    if promise.context:
        document["context"] = promise.context
    if promise.outcome:
        document.update(outcome=promise.outcome, settled_by=promise.settled_by, settled=promise.settled)
    return document


def promise_of(entry: Mapping[str, Any]) -> Promise:
    """The promise a bundle's entry describes."""
    return Promise(
        id=entry["id"], exercise_id=entry["exercise"], customer=entry.get("customer", ""),
        channel=entry.get("channel", ""), words=entry["words"], made=entry["made"], due=entry["due"],
        attempt_id=entry.get("attempt", ""), title=entry.get("title", ""), context=entry.get("context", ""),
        settled_by=entry.get("settled_by", ""), outcome=entry.get("outcome", ""), settled=entry.get("settled", ""),
    )


def _known(exercise_id: str, course: Course, promise_ids: set[str]) -> bool:
    """Whether a course exercise, or the follow-up to one of the bundle's own promises."""
    return exercise_id in course.exercises or promise_id_of(exercise_id) in promise_ids


def checked_promises(path: Path, entries: Iterable[Mapping[str, Any]], course: Course, *,
                     strict: bool) -> tuple[list[Promise], list[str]]:
    """The bundle's promises found sound: unique ids, real times, made at exercises this course has.

    ``strict`` refuses the bundle over anything this course lacks; otherwise those promises
    are left out, with a warning.
    """
    promises: list[Promise] = []
    seen: set[str] = set()
    for entry in entries:
        if entry["id"] in seen:
            raise RejectedFile(path, f"the promise id {entry['id']} appears twice")
        seen.add(entry["id"])
        for field in ("made", "due", "settled"):
            if field in entry and moment(entry[field]) is None:
                raise RejectedFile(path, f"promise {entry['id']} has the time {entry[field][:40]!r}, "
                                         "which is not a real moment")
        if bool(entry.get("outcome")) != bool(entry.get("settled_by")):
            raise RejectedFile(path, f"promise {entry['id']} is settled without the follow-up that settled it")
        promises.append(promise_of(entry))
    kept = [promise for promise in promises if _known(promise.exercise_id, course, seen)]
    warnings = []
    if len(kept) < len(promises):
        stray = next(promise for promise in promises if promise not in kept)
        if strict:
            raise RejectedFile(path, f"it has a promise made at '{stray.exercise_id}', which this course does not have")
        warnings.append(f"{path.name}: {len(promises) - len(kept)} promise(s) made at exercises this course does not "
                        "have were left out")
    return kept, warnings


def settled_by_known(path: Path, promises: Sequence[Promise], attempt_ids: set[str]) -> None:
    """RejectedFile when a promise says it was settled by an attempt the bundle does not hold."""
    for promise in promises:
        if promise.settled_by and promise.settled_by not in attempt_ids:
            raise RejectedFile(path, f"promise {promise.id} was settled by attempt {promise.settled_by}, "
                                     "which the file does not hold")
