"""How far a learner is through each module, counted: lessons read, exercises passed, best scores.

A module's score and whether it is passed are worked out in one place only,
``course.trainer.standing``, which ``listen status`` adds to these counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .store import ProgressStore

if TYPE_CHECKING:  # the course is only read here; importing it would pull in the content loader
    from course.content.model import Course

__all__ = ["ModuleProgress", "module_progress", "status_report"]


@dataclass(frozen=True)
class ModuleProgress:
    """One module's progress for one learner."""

    module_id: str
    """The module's id."""
    title: str
    """The module's title."""
    lessons_done: int
    """Lessons marked done."""
    lessons_total: int
    """Lessons in the module."""
    exercises_passed: int
    """Exercises with at least one passing attempt."""
    exercises_total: int
    """Exercises in the module."""
    best_scores: Mapping[str, float] = field(default_factory=dict)
    """The best score so far for each exercise attempted, by exercise id."""


def module_progress(course: Course, store: ProgressStore, learner: str) -> list[ModuleProgress]:
    """Each module's progress for ``learner``, in course order."""
    states = store.lesson_states(learner)
    tallies = store.exercise_tallies(learner)
    best = {exercise_id: record.best for exercise_id, record in tallies.items()}
    passed = {exercise_id for exercise_id, record in tallies.items() if record.passed}
    report = []
    for module in course.modules:
        exercise_ids = [exercise.id for exercise in course.exercises_of(module.id)]
        report.append(
            ModuleProgress(
                module_id=module.id,
                title=module.title,
                lessons_done=sum(
                    1 for lesson in module.lessons if lesson.id in states and states[lesson.id].status == "done"
                ),
                lessons_total=len(module.lessons),
                exercises_passed=sum(1 for exercise_id in exercise_ids if exercise_id in passed),
                exercises_total=len(exercise_ids),
                best_scores={exercise_id: best[exercise_id] for exercise_id in exercise_ids if exercise_id in best},
            )
        )
    return report


def status_report(course: Course, store: ProgressStore, learner: str) -> dict[str, Any]:
    """Plain data about ``learner``'s progress, as ``listen status --json`` prints it.

    ``next`` is where the learner left off (screen, target, page, scroll), or
    None if they have not started.
    """
    place = store.place(learner)
    known = store.learner(learner)
    return {
        "learner": known.name if known else learner,
        "attempts": store.attempt_count(learner),
        "modules": [
            {
                "id": module.module_id,
                "title": module.title,
                "lessons_done": module.lessons_done,
                "lessons_total": module.lessons_total,
                "exercises_passed": module.exercises_passed,
                "exercises_total": module.exercises_total,
            }
            for module in module_progress(course, store, learner)
        ],
        "next": asdict(place) if place is not None else None,
    }
