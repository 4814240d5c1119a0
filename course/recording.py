"""Recording an answer, and everything that follows from it.

The app and the command line record attempts the same way: the attempt
itself (with the promise it makes to its customer, and the promise a
follow-up settles, in the same write), then the module's verdict once every
exercise in it has been tried, then any assignment that is now complete.
Each is its own durable store write and queues its own learning record
(xAPI statement) in the outbox.
"""

from __future__ import annotations

from typing import Any

from .content import Course, Exercise
from .follow_up import CourseClock, course_now, promise_notes
from .judging import Judgment
from .progress import Attempt, CriterionOutcome, ProgressStore
from .trainer import note_completed_assignments
from .trainer.standing import learner_standings, store_work

__all__ = ["attempt_of", "record_attempt"]


def attempt_of(exercise: Exercise, answer: Any, judgment: Judgment, *, seconds: float) -> Attempt:
    """The attempt to record for a judged answer: ``answer`` as the store keeps it, and every point counted."""
    return Attempt(
        exercise_id=exercise.id,
        answer=answer,
        score=float(judgment.score),
        passed=bool(judgment.passed),
        outcomes=tuple(CriterionOutcome(point.id, point.met, point.severity, float(point.weight), point.skill)
                       for point in judgment.counted),
        content_hash=exercise.content_hash,
        seconds=float(seconds),
    )


def record_attempt(course: Course, store: ProgressStore, learner: str, attempt: Attempt, *,
                   now: CourseClock = course_now) -> Attempt:
    """Record ``attempt`` for ``learner``; then the module verdict and completed assignments.

    ``now`` is the course clock: when a promise in the answer was made.
    """
    promise, settles = promise_notes(course, store, learner, attempt, now())
    saved = store.record_attempt(learner, attempt, promise=promise, settles=settles)
    try:
        module_id = course.exercise(attempt.exercise_id).module_id
    except KeyError:
        return saved
    standing = learner_standings(course, store_work(store, learner)).get(module_id)
    if standing and standing.exercises_total and standing.exercises_tried == standing.exercises_total:
        store.record_module_result(learner, module_id, passed=standing.passed, score=standing.score)
    note_completed_assignments(course, store, learner)
    return saved
