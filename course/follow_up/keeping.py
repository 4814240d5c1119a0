"""What recording an answer does about promises: the promise it makes, and the one a follow-up settles."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from course.content.model import Course, Exercise
from course.progress.promises import Promise, Settlement, promise_id_of, stamp

from .exercise import follow_up_exercise
from .finding import promise_in

if TYPE_CHECKING:
    from course.progress import Attempt, ProgressStore

__all__ = ["exercise_for", "promise_notes"]


def exercise_for(course: Course, store: ProgressStore, learner: str, exercise_id: str,
                 now: datetime) -> Exercise | None:
    """The course's exercise with this id, or the follow-up it names for this learner; None if neither."""
    found = course.exercises.get(exercise_id)
    if found is not None:
        return found
    promise_id = promise_id_of(exercise_id)
    promise = store.promise(learner, promise_id) if promise_id else None
    return follow_up_exercise(promise, now, course) if promise is not None else None


def promise_notes(course: Course, store: ProgressStore, learner: str, attempt: Attempt,
                  now: datetime) -> tuple[Promise | None, Settlement | None]:
    """The promise an attempt makes, and the promise it settles, to save with it.

    A follow-up that passes settles its promise while the customer is still
    waiting: renegotiated when it promises a new step, else kept. Its new
    promise (a renegotiation's) brings the customer back again; a follow-up
    that does not pass promises nothing new, since the old promise still waits.
    """
    exercise = exercise_for(course, store, learner, attempt.exercise_id, now)
    if exercise is None:
        return None, None
    promise = promise_in(exercise, attempt.answer, now)
    promise_id = promise_id_of(attempt.exercise_id)
    if promise_id is None or attempt.exercise_id in course.exercises:
        return promise, None
    if not attempt.passed:
        return None, None
    original = store.promise(learner, promise_id)
    settles = None
    if original is not None and original.state(now) == "due":
        settles = Settlement(promise_id, "renegotiated" if promise is not None else "kept", stamp(now))
    if promise is not None and original is not None:  # the same matter, still: keep where it began
        promise = replace(promise, title=original.title, context=original.context)
    return promise, settles
