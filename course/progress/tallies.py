"""Each exercise's record for one learner, counted from the stored rows and kept until progress changes.

A screen asks how the learner stands at every exercise each time it shows:
building every attempt into objects for that grows with a year of history.
These records are counted from the rows already in memory, with the
trainer's grade counting where they changed one, and kept until the progress
file changes; a new answer updates them in place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["ExerciseTally", "merged", "regraded", "tally_rows", "tally_stored"]


@dataclass
class ExerciseTally:
    """One learner's record at one exercise."""

    best: float = 0.0
    """The best score so far."""
    passed: bool = False
    """Whether any attempt passed."""
    attempts: int = 0
    """How many attempts."""
    seconds: float = 0.0
    """Time spent over all attempts."""

    def add(self, score: float, passed: bool, seconds: float) -> None:
        """Count one more attempt."""
        if score > self.best:
            self.best = score
        self.passed = self.passed or passed
        self.attempts += 1
        self.seconds += seconds

    def merge(self, other: ExerciseTally) -> None:
        """Count another record's attempts in with these."""
        self.best = max(self.best, other.best)
        self.passed = self.passed or other.passed
        self.attempts += other.attempts
        self.seconds += other.seconds

    def copy(self) -> ExerciseTally:
        """A copy to hand out, so what is kept never changes under a caller."""
        return ExerciseTally(self.best, self.passed, self.attempts, self.seconds)


def regraded(score: float, passed: bool, trainer_score: float | None,
             trainer_passed: bool | None) -> tuple[float, bool]:
    """An attempt's score and verdict, as the trainer changed them if they did (None: the course's stands)."""
    return (score if trainer_score is None else trainer_score,
            passed if trainer_passed is None else trainer_passed)


def tally_rows(rows: Iterable[tuple[str, float, bool, float]]) -> dict[str, ExerciseTally]:
    """Each exercise's record over rows of (exercise id, score, passed, seconds), by exercise id."""
    tallies: dict[str, ExerciseTally] = {}
    for exercise_id, score, passed, seconds in rows:
        record = tallies.get(exercise_id)
        if record is None:
            record = tallies[exercise_id] = ExerciseTally()
        record.add(score, passed, seconds)
    return tallies


def tally_stored(tables: Mapping[str, Mapping[str, Any]], learner: str) -> dict[str, ExerciseTally]:
    """Each exercise's record for ``learner`` (a stored name) over the raw tables of a progress file."""
    grades: dict[str, tuple[str, float | None, bool | None]] = {}  # attempt id -> newest trainer grade
    for note in tables.get("trainer_feedback", {}).values():
        if note.get("learner") != learner:
            continue
        attempt_id, written = str(note.get("attempt_id", "")), str(note.get("written", ""))
        if attempt_id not in grades or written >= grades[attempt_id][0]:
            score, passed = note.get("score"), note.get("passed")
            grades[attempt_id] = (written, None if score is None else float(score),
                                  None if passed is None else bool(passed))
    tallies: dict[str, ExerciseTally] = {}
    for row in tables.get("attempts", {}).values():
        if row.get("learner") != learner:
            continue
        score, passed = float(row.get("score", 0.0)), bool(row.get("passed", False))
        grade = grades.get(row.get("id", ""))
        if grade is not None:
            score, passed = regraded(score, passed, grade[1], grade[2])
        exercise_id = row["exercise_id"]
        record = tallies.get(exercise_id)
        if record is None:
            record = tallies[exercise_id] = ExerciseTally()
        record.add(score, passed, float(row.get("seconds", 0.0)))
    return tallies


def merged(*parts: Mapping[str, ExerciseTally]) -> dict[str, ExerciseTally]:
    """The records of several parts of one learner's history together (new records; the parts are unchanged)."""
    whole: dict[str, ExerciseTally] = {}
    for part in parts:
        for exercise_id, record in part.items():
            kept = whole.get(exercise_id)
            if kept is None:
                whole[exercise_id] = record.copy()
            else:
                kept.merge(record)
    return whole
