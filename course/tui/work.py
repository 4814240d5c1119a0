"""A learner's work in part of the course, and clearing it with a backup kept first.

What a reset or a delete would take away is said in words before the learner
confirms, and the backup the store made is named after, so the learner knows
nothing is gone for good. Nothing here imports Textual, so it is quick to test.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from course.content.model import Course, Exercise, Module

if TYPE_CHECKING:
    from course.progress import ProgressStore

__all__ = [
    "Part",
    "Work",
    "exercise_part",
    "module_part",
    "everything",
    "work_in",
    "clear",
    "keeping_a_backup",
    "plural",
]


def plural(count: int, word: str, many: str = "") -> str:
    """``1 answer``, ``3 answers``."""
    return f"{count} {word if count == 1 else many or word + 's'}"


@dataclass(frozen=True)
class Part:
    """Part of a learner's work that a reset clears: one exercise, a module, or everything."""

    name: str
    """The part in words, as a sentence goes on after "Reset": ``“The late gift”``, ``all of Dana's progress``."""
    label: str
    """What a button calls it: ``this exercise``, ``the whole module``, ``everything``."""
    lesson_ids: frozenset[str] | None
    """The lessons whose reading state is cleared (None: every lesson)."""
    exercise_ids: frozenset[str] | None
    """The exercises whose answers and drafts are cleared (None: every exercise)."""

    @property
    def one_exercise(self) -> bool:
        """Whether this part is a single exercise."""
        return self.lesson_ids == frozenset() and self.exercise_ids is not None and len(self.exercise_ids) == 1

    def covers_lesson(self, lesson_id: str) -> bool:
        """Whether this part holds the lesson."""
        return self.lesson_ids is None or lesson_id in self.lesson_ids

    def covers_exercise(self, exercise_id: str) -> bool:
        """Whether this part holds the exercise."""
        return self.exercise_ids is None or exercise_id in self.exercise_ids


def exercise_part(exercise: Exercise) -> Part:
    """One exercise: its answers and its half-typed draft."""
    return Part(f"“{exercise.title}”", "this exercise", frozenset(), frozenset({exercise.id}))


def module_part(module: Module) -> Part:
    """A whole module: every lesson's reading state, every exercise's answers and draft."""
    lessons = frozenset(lesson.id for lesson in module.lessons)
    exercises = frozenset(exercise_id for lesson in module.lessons for exercise_id in lesson.exercise_ids)
    return Part(f"the module “{module.title}”", "the whole module", lessons, exercises)


def everything(learner: str) -> Part:
    """All of a learner's progress (the learner stays)."""
    return Part(f"all of {learner}'s progress", "everything", None, None)


@dataclass(frozen=True)
class Work:
    """What a learner has done in some part of the course."""

    answers: int
    """Answers recorded."""
    exercises: int
    """Exercises answered at least once."""
    passed: int
    """Exercises passed."""
    lessons: int
    """Lessons opened."""
    drafts: int
    """Half-typed answers kept."""

    def __bool__(self) -> bool:
        return bool(self.answers or self.lessons or self.drafts)

    def words(self, *, one_exercise: bool = False) -> str:
        """``3 answers to 2 exercises (1 passed), 2 lessons opened and 1 half-typed answer``.

        For ``one_exercise``: ``2 answers (passed) and 1 half-typed answer``.
        """
        parts = []
        if self.answers and one_exercise:
            parts.append(plural(self.answers, "answer") + (" (passed)" if self.passed else ""))
        elif self.answers:
            answered = f"{plural(self.answers, 'answer')} to {plural(self.exercises, 'exercise')}"
            parts.append(answered + (f" ({self.passed} passed)" if self.passed else ""))
        if self.lessons:
            parts.append(f"{plural(self.lessons, 'lesson')} opened")
        if self.drafts:
            parts.append(plural(self.drafts, "half-typed answer"))
        if not parts:
            return "nothing yet"
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def work_in(store: ProgressStore, learner: str, part: Part, course: Course) -> Work:
    """What ``learner`` has done in ``part`` of the course (drafts are looked up for its exercises)."""
    attempts = [a for a in store.attempts(learner) if part.covers_exercise(a.exercise_id)]
    lessons = [lesson_id for lesson_id in store.lesson_states(learner) if part.covers_lesson(lesson_id)]
    drafted = part.exercise_ids if part.exercise_ids is not None else course.exercises
    return Work(
        answers=len(attempts),
        exercises=len({attempt.exercise_id for attempt in attempts}),
        passed=len({attempt.exercise_id for attempt in attempts if attempt.passed}),
        lessons=len(lessons),
        drafts=sum(store.draft(learner, exercise_id) is not None for exercise_id in drafted),
    )


def _backups(store: ProgressStore) -> list[Path]:
    """Every backup of the progress file, newest first."""
    from course.progress.backups import Backups

    return Backups(store.data_dir / "backups").all()


def keeping_a_backup(store: ProgressStore, change: Callable[[], object]) -> Path | None:
    """Run a reset or a delete (the store backs the file up first); the backup it made, or None.

    None means the store found nothing to clear, so it made no backup.
    """
    before: Collection[Path] = set(_backups(store))
    change()
    made = [backup for backup in _backups(store) if backup not in before]
    return made[-1] if made else None  # newest first: the last is the one taken before the change


def clear(store: ProgressStore, learner: str, part: Part) -> Path | None:
    """Reset ``part`` of a learner's work; the backup of everything from just before, or None if nothing needed it."""
    if part.lesson_ids is None or part.exercise_ids is None:
        return keeping_a_backup(store, lambda: store.reset_all(learner))
    lessons, exercises = part.lesson_ids, part.exercise_ids
    return keeping_a_backup(store, lambda: store.reset_lessons_and_exercises(learner, lessons, exercises))
