"""A trainer's feedback on a learner's answers.

Written while reviewing a bundle, carried in a file, shown in the app.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from course.content.model import Course, Exercise
from course.progress.records import Attempt
from course.progress.trainer_work import TrainerNote

from .bundles import ResultsBundle
from .dates import now_stamp
from .files import SCHEMA_VERSION, RejectedFile

if TYPE_CHECKING:
    from course.progress import ProgressStore

__all__ = ["AnswerToReview", "FeedbackDraft", "notes_from_document", "feedback_for", "MAX_COMMENT"]

MAX_COMMENT = 5000
"""The longest comment on one answer, in characters."""


@dataclass(frozen=True)
class AnswerToReview:
    """One free-text answer in the bundle, with what the trainer needs to judge it."""

    attempt: Attempt
    """The attempt as the learner's machine graded it."""
    exercise: Exercise
    """The exercise it answers."""
    number: int
    """Which attempt at this exercise it was (1 for the first)."""
    of: int
    """How many attempts the learner made at this exercise."""


class FeedbackDraft:
    """The notes a trainer is writing on one learner's bundle; saved as a ``listen.feedback`` file."""

    def __init__(self, bundle: ResultsBundle, course: Course, *, trainer: str = "") -> None:
        self.learner = bundle.work.learner
        """Whose answers these are."""
        self.trainer = trainer
        """Who is writing the feedback."""
        self.course_version = bundle.content_version
        """The course version of the bundle, carried into the feedback file."""
        self.answers: tuple[AnswerToReview, ...] = self._free_text(bundle, course)
        """The free-text answers, in course order, each exercise's attempts oldest first."""
        self.notes: dict[str, TrainerNote] = dict(bundle.work.notes)
        """Notes by attempt id: those already in the bundle, then the trainer's."""
        self.changed = False
        """Whether anything was written since the draft was opened or saved."""

    @staticmethod
    def _free_text(bundle: ResultsBundle, course: Course) -> tuple[AnswerToReview, ...]:
        order = {exercise_id: n for n, exercise_id in enumerate(
            e.id for module in course.modules for e in course.exercises_of(module.id))}
        texts = [a for a in bundle.work.attempts
                 if isinstance(a.answer, str) and a.exercise_id in course.exercises
                 and course.exercises[a.exercise_id].is_text]
        counts: dict[str, int] = {}
        for attempt in texts:
            counts[attempt.exercise_id] = counts.get(attempt.exercise_id, 0) + 1
        texts.sort(key=lambda a: (order.get(a.exercise_id, len(order)), a.at))
        seen: dict[str, int] = {}
        answers = []
        for attempt in texts:
            seen[attempt.exercise_id] = seen.get(attempt.exercise_id, 0) + 1
            answers.append(AnswerToReview(attempt, course.exercises[attempt.exercise_id],
                                          seen[attempt.exercise_id], counts[attempt.exercise_id]))
        return tuple(answers)

    def note(self, attempt_id: str) -> TrainerNote | None:
        """The note on an attempt, if any."""
        return self.notes.get(attempt_id)

    def _edit(self, answer: AnswerToReview, **changes: Any) -> TrainerNote:
        before = self.notes.get(answer.attempt.id) or TrainerNote(answer.attempt.id, answer.exercise.id)
        after = replace(before, trainer=self.trainer or before.trainer, written=now_stamp(), **changes)
        if (after.comment, after.passed, after.score) != (before.comment, before.passed, before.score):
            self.notes[answer.attempt.id] = after
            self.changed = True
        return self.notes.get(answer.attempt.id, after)

    def set_verdict(self, answer: AnswerToReview, passed: bool | None) -> TrainerNote:
        """The trainer's verdict on an answer (None: the course's grade stands)."""
        return self._edit(answer, passed=passed)

    def set_score(self, answer: AnswerToReview, score: float | None) -> TrainerNote:
        """The trainer's score for an answer, 0 to 1 (None: the course's score stands)."""
        return self._edit(answer, score=None if score is None else min(1.0, max(0.0, round(score, 2))))

    def set_comment(self, answer: AnswerToReview, comment: str) -> TrainerNote:
        """The trainer's comment on an answer (cut to MAX_COMMENT characters)."""
        return self._edit(answer, comment=comment.strip()[:MAX_COMMENT])

    def document(self) -> dict[str, Any]:
        """The ``listen.feedback`` document: every note with a comment or a changed grade."""
        notes = [
            {"attempt": n.attempt_id, "exercise": n.exercise_id, "comment": n.comment, "passed": n.passed,
             "score": n.score}
            for n in self.notes.values() if n.comment or n.overrides
        ]
        return {
            "format": "listen.feedback", "schema_version": SCHEMA_VERSION, "written": now_stamp(),
            "trainer": self.trainer[:80], "learner": self.learner, "course": {"version": self.course_version},
            "notes": notes,
        }

    def save(self, path: Path | str) -> Path:
        """Write the feedback file; its path."""
        from .files import write_document

        written = write_document(path, self.document())
        self.changed = False
        return written


def notes_from_document(path: Path | str, document: Mapping[str, Any], course: Course,
                        store: ProgressStore) -> tuple[str, list[TrainerNote]]:
    """The learner and the notes of a schema-checked feedback file, checked against this machine.

    The learner must study here, and every note must be about one of their
    attempts at that exercise: feedback never lands on the wrong answer.
    """
    known = store.learner(document["learner"])
    if known is None:
        raise RejectedFile(path, f"it is feedback for {document['learner']!r}, who has no profile on this machine")
    attempts = {attempt.id: attempt for attempt in store.attempts(known.name)}
    notes: list[TrainerNote] = []
    seen: set[str] = set()
    for entry in document["notes"]:
        attempt_id = entry["attempt"]
        if attempt_id in seen:
            raise RejectedFile(path, f"it has two notes on attempt {attempt_id}")
        seen.add(attempt_id)
        attempt = attempts.get(attempt_id)
        if attempt is None:
            raise RejectedFile(path, f"it comments on attempt {attempt_id}, which {known.name} does not have here")
        if attempt.exercise_id != entry["exercise"]:
            raise RejectedFile(path, f"attempt {attempt_id} answered {attempt.exercise_id}, not {entry['exercise']}")
        if entry["exercise"] not in course.exercises:
            raise RejectedFile(path, f"it is about '{entry['exercise']}', which this course does not have")
        notes.append(TrainerNote(attempt_id, entry["exercise"], document.get("trainer", ""),
                                 entry.get("comment", ""), entry.get("passed"), entry.get("score"),
                                 document["written"]))
    return known.name, notes


def feedback_for(store: ProgressStore, learner: str, attempt_id: str) -> TrainerNote | None:
    """The trainer's note on one of the learner's attempts, to show beside it (None if there is none)."""
    notes = store.trainer_notes(learner, attempt_id)
    return notes[-1] if notes else None
