"""Where a learner stands: each module's score and verdict, and each assignment's state.

One definition, used by the learner's dashboard, ``listen status``, ``listen --plain``,
the assignments, the export and every form of the trainer's report alike: a
module's score is the mean of the learner's best score at each of its
exercises (0 for one never tried); the module is passed when that score
reaches its pass mark, which is the pass mark of the soonest-due assignment
naming the module, else ``DEFAULT_PASS_MARK``. A trainer's grade, when they
changed one, counts instead of the course's. Lessons read do not count: the
percentage says how well the module's exercises are done.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from course.content.model import Course
from course.progress.records import Attempt
from course.progress.tallies import ExerciseTally, regraded, tally_rows
from course.progress.trainer_work import Assignment, TrainerNote

from .dates import days_left, real_day

if TYPE_CHECKING:
    from course.progress import ProgressStore

__all__ = [
    "DEFAULT_PASS_MARK",
    "LearnerWork",
    "ExerciseTally",
    "ModuleStanding",
    "AssignmentStatus",
    "tally",
    "tally_rows",
    "entry_rows",
    "module_exercises",
    "module_standing",
    "assignment_status",
    "assigned_modules",
    "learner_standings",
    "standings_from_tallies",
    "store_work",
    "graded",
]

DEFAULT_PASS_MARK = 0.8
"""The module score that counts as passed when no assignment sets another."""


@dataclass(frozen=True)
class LearnerWork:
    """Everything known about one learner's work, from their store or their results bundle."""

    learner: str
    """The learner's name."""
    attempts: Sequence[Attempt] = ()
    """Their attempts, oldest first."""
    notes: Mapping[str, TrainerNote] = field(default_factory=dict)
    """Trainer notes by attempt id."""
    assignments: Sequence[Assignment] = ()
    """What trainers asked of them."""
    source: str = ""
    """Where it came from (a file name, or "this machine")."""


@dataclass(frozen=True)
class ModuleStanding:
    """One learner's standing in one module."""

    module_id: str
    """The module."""
    score: float
    """Mean of the best score at each of its exercises, 0 to 1."""
    passed: bool
    """Whether the score reaches the pass mark."""
    attempts: int
    """Attempts at its exercises."""
    seconds: float
    """Time spent on them."""
    exercises_tried: int
    """Exercises attempted at least once."""
    exercises_total: int
    """Exercises in the module."""
    exercises_passed: int = 0
    """Exercises with a passing attempt (as the trainer graded it, where they did)."""
    pass_mark: float = DEFAULT_PASS_MARK
    """The score that passes the module."""

    @property
    def status(self) -> str:
        """``passed``, ``started`` or ``new``."""
        if self.passed:
            return "passed"
        return "started" if self.attempts else "new"


@dataclass(frozen=True)
class AssignmentStatus:
    """How an assignment stands on a given day."""

    assignment: Assignment
    """The assignment."""
    modules: tuple[ModuleStanding, ...]
    """Its modules, judged against its pass mark."""
    days_left: int
    """Days until it is due: 0 on the day, negative once past."""

    @property
    def complete(self) -> bool:
        """Every one of its modules is passed."""
        return all(module.passed for module in self.modules)

    @property
    def overdue(self) -> bool:
        """Past its due date and not complete."""
        return self.days_left < 0 and not self.complete

    @property
    def state(self) -> str:
        """``complete``, ``overdue`` or ``open``."""
        return "complete" if self.complete else ("overdue" if self.overdue else "open")

    @property
    def due_words(self) -> str:
        """How the due date reads: ``3 days left``, ``due today``, ``2 days late`` or ``done``."""
        if self.complete:
            return "done"
        days = self.days_left
        if days == 0:
            return "due today"
        if days > 0:
            return f"{days} day{'s' if days != 1 else ''} left"
        return f"{-days} day{'s' if days != -1 else ''} late"

    @property
    def score(self) -> float:
        """Mean score of its modules."""
        return sum(m.score for m in self.modules) / len(self.modules) if self.modules else 0.0


def graded(attempt: Attempt, note: TrainerNote | None) -> tuple[float, bool]:
    """An attempt's score and verdict, as the trainer changed them if they did."""
    if note is None:
        return attempt.score, attempt.passed
    return regraded(attempt.score, attempt.passed, note.score, note.passed)


def tally(attempts: Iterable[Attempt], notes: Mapping[str, TrainerNote] | None = None) -> dict[str, ExerciseTally]:
    """Each exercise's record over these attempts (as the trainer graded them, where they did), by exercise id."""
    notes = notes or {}
    return tally_rows((a.exercise_id, *graded(a, notes.get(a.id)), a.seconds) for a in attempts)


def entry_rows(entries: Iterable[Mapping[str, Any]]) -> Iterable[tuple[str, float, bool, float]]:
    """Bundle attempts (plain data) as tally rows, with any trainer's grade applied."""
    for entry in entries:
        score, passed = entry["score"], entry["passed"]
        review = entry.get("review")
        if review:
            if review.get("score") is not None:
                score = review["score"]
            if review.get("passed") is not None:
                passed = review["passed"]
        yield entry["exercise"], score, passed, entry.get("seconds", 0.0)


def module_exercises(course: Course) -> dict[str, tuple[str, ...]]:
    """Each module's exercise ids, by module id (worked out once per report)."""
    return {module.id: tuple(exercise.id for exercise in course.exercises_of(module.id)) for module in course.modules}


def module_standing(module_id: str, exercise_ids: Sequence[str], tallies: Mapping[str, ExerciseTally],
                    pass_mark: float = DEFAULT_PASS_MARK) -> ModuleStanding:
    """A learner's standing in one module, from their tallies."""
    total = best = seconds = 0.0
    attempts = tried = passed = 0
    for exercise_id in exercise_ids:
        record = tallies.get(exercise_id)
        if record is None:
            continue
        best += record.best
        attempts += record.attempts
        seconds += record.seconds
        tried += 1
        passed += record.passed
    total = len(exercise_ids)
    score = best / total if total else 0.0
    return ModuleStanding(
        module_id, score, bool(total) and score >= pass_mark - 1e-9, attempts, seconds, tried, len(exercise_ids),
        passed, pass_mark,
    )


def assignment_status(assignment: Assignment, exercises: Mapping[str, Sequence[str]],
                      tallies: Mapping[str, ExerciseTally], on: date) -> AssignmentStatus:
    """How an assignment stands on day ``on``; modules the course no longer has count as not passed."""
    modules = tuple(
        module_standing(module_id, exercises.get(module_id, ()), tallies, assignment.pass_mark)
        for module_id in assignment.modules
    )
    due = real_day(assignment.due)
    return AssignmentStatus(assignment, modules, days_left(due, on) if due else 0)


def assigned_modules(assignments: Iterable[Assignment]) -> dict[str, tuple[str, float]]:
    """Per module: the soonest due date among these assignments naming it, and that assignment's pass mark."""
    found: dict[str, tuple[str, float]] = {}
    for assignment in assignments:
        if real_day(assignment.due) is None:
            continue
        for module_id in assignment.modules:
            if module_id not in found or assignment.due < found[module_id][0]:
                found[module_id] = (assignment.due, assignment.pass_mark)
    return found


def learner_standings(course: Course, work: LearnerWork,
                      exercises: Mapping[str, Sequence[str]] | None = None) -> dict[str, ModuleStanding]:
    """Every module's standing for one learner, by module id, in course order: the module's score and "passed"."""
    return standings_from_tallies(course, tally(work.attempts, work.notes), work.assignments, exercises)


def standings_from_tallies(course: Course, tallies: Mapping[str, ExerciseTally], assignments: Iterable[Assignment],
                           exercises: Mapping[str, Sequence[str]] | None = None) -> dict[str, ModuleStanding]:
    """Every module's standing, by module id, from the learner's records at each exercise and their assignments."""
    exercises = exercises if exercises is not None else module_exercises(course)
    assigned = assigned_modules(assignments)
    return {
        module.id: module_standing(module.id, exercises.get(module.id, ()), tallies,
                                   assigned.get(module.id, ("", DEFAULT_PASS_MARK))[1])
        for module in course.modules
    }


def store_work(store: ProgressStore, learner: str) -> LearnerWork:
    """A learner's work as kept on this machine: attempts, the trainer's notes on them, assignments."""
    notes = {note.attempt_id: note for note in store.trainer_notes(learner)}
    return LearnerWork(learner, store.attempts(learner), notes, store.assignments(learner), "this machine")
