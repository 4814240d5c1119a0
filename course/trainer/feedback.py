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
from course.progress.trainer_work import Contest, TrainerNote

from .dates import now_stamp
from .files import SCHEMA_VERSION, RejectedFile

if TYPE_CHECKING:
    from course.progress import ProgressStore

    from .bundles import ResultsBundle  # a bundle is read by trainers only: the learner's screens need none of it

__all__ = ["AnswerToReview", "FeedbackDraft", "NoteOnAnswer", "notes_from_document", "feedback_for",
           "notes_on_answers", "note_key", "decision_on", "contest_words", "MAX_COMMENT"]

MAX_COMMENT = 5000
"""The longest comment on one answer, in characters."""


@dataclass(frozen=True)
class AnswerToReview:
    """One answer in the bundle (of any kind, a conversation too), with what the trainer needs to judge it."""

    attempt: Attempt
    """The attempt as the learner's machine graded it."""
    exercise: Exercise
    """The exercise it answers."""
    number: int
    """Which attempt at this exercise it was (1 for the first)."""
    of: int
    """How many attempts the learner made at this exercise."""
    contest: Contest | None = None
    """The learner's "I think this grade is wrong" about it, if they said so."""


class FeedbackDraft:
    """The notes a trainer is writing on one learner's bundle; saved as a ``listen.feedback`` file."""

    def __init__(self, bundle: ResultsBundle, course: Course, *, trainer: str = "") -> None:
        self.learner = bundle.work.learner
        """Whose answers these are."""
        self.trainer = trainer
        """Who is writing the feedback."""
        self.course_version = bundle.content_version
        """The course version of the bundle, carried into the feedback file."""
        self.answers: tuple[AnswerToReview, ...] = self._reviewable(bundle, course)
        """Every answer to an exercise this course has: those the learner contested first, then in course order,
        each exercise's attempts oldest first."""
        self.notes: dict[str, TrainerNote] = dict(bundle.work.notes)
        """Notes by attempt id: those already in the bundle, then the trainer's."""
        self.earlier: Mapping[str, TrainerNote] = dict(bundle.work.notes)
        """The notes the bundle came with (a trainer's earlier review), by attempt id."""
        self.changed = False
        """Whether anything was written since the draft was opened or saved."""

    @staticmethod
    def _reviewable(bundle: ResultsBundle, course: Course) -> tuple[AnswerToReview, ...]:
        order = {exercise_id: n for n, exercise_id in enumerate(
            e.id for module in course.modules for e in course.exercises_of(module.id))}
        texts = [a for a in bundle.work.attempts if a.exercise_id in course.exercises]
        counts: dict[str, int] = {}
        for attempt in texts:
            counts[attempt.exercise_id] = counts.get(attempt.exercise_id, 0) + 1
        texts.sort(key=lambda a: (order.get(a.exercise_id, len(order)), a.at))
        seen: dict[str, int] = {}
        answers = []
        for attempt in texts:
            seen[attempt.exercise_id] = seen.get(attempt.exercise_id, 0) + 1
            answers.append(AnswerToReview(attempt, course.exercises[attempt.exercise_id],
                                          seen[attempt.exercise_id], counts[attempt.exercise_id],
                                          bundle.contests.get(attempt.id)))
        answers.sort(key=lambda answer: answer.contest is None)  # stable: course order within each group
        return tuple(answers)

    def note(self, attempt_id: str) -> TrainerNote | None:
        """The note on an attempt, if any."""
        return self.notes.get(attempt_id)

    def _edit(self, answer: AnswerToReview, **changes: Any) -> TrainerNote:
        before = self.notes.get(answer.attempt.id) or TrainerNote(answer.attempt.id, answer.exercise.id)
        after = replace(before, trainer=self.trainer or before.trainer, written=now_stamp(), **changes)
        after = replace(after, decision=decision_on(answer, after))
        if (after.comment, after.passed, after.score, after.decision) != (
                before.comment, before.passed, before.score, before.decision):
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
             "score": n.score, **({"decision": n.decision} if n.decision else {})}
            for n in self.notes.values() if n.comment or n.overrides or n.decision
        ]
        return {
            "format": "listen.feedback", "schema_version": SCHEMA_VERSION, "written": now_stamp(),
            "trainer": self.trainer[:80], "learner": self.learner, "course": {"version": self.course_version},
            "notes": notes,
        }

    def decided(self) -> list[tuple[AnswerToReview, bool]]:
        """The answers the trainer gave a verdict of their own (passed or not yet), with it, in the list's order."""
        found = []
        for answer in self.answers:
            note = self.notes.get(answer.attempt.id)
            if note is not None and note.passed is not None:
                found.append((answer, note.passed))
        return found

    def save(self, path: Path | str) -> Path:
        """Write the feedback file; its path."""
        from .files import write_document

        written = write_document(path, self.document())
        self.changed = False
        return written


def decision_on(answer: AnswerToReview, note: TrainerNote) -> str:
    """What a trainer's note decides about a contested answer: ``kept``, ``changed``, or "" (nothing decided yet).

    Choosing a verdict decides: the same verdict and score as the course's keeps the grade,
    anything else changes it. An answer nobody contested carries no decision.
    """
    if answer.contest is None or note.passed is None:
        return ""
    attempt = answer.attempt
    same_score = note.score is None or abs(note.score - attempt.score) < 0.005
    return "kept" if note.passed == attempt.passed and same_score else "changed"


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
                                 document["written"], entry.get("decision", "")))
    return known.name, notes


def feedback_for(store: ProgressStore, learner: str, attempt_id: str) -> TrainerNote | None:
    """The trainer's note on one of the learner's attempts, to show beside it (None if there is none)."""
    notes = store.trainer_notes(learner, attempt_id)
    return notes[-1] if notes else None


@dataclass(frozen=True)
class NoteOnAnswer:
    """A trainer's note with the answer it is about, for the learner's list of every note."""

    note: TrainerNote
    """The trainer's note."""
    attempt: Attempt
    """The answer it is about."""
    exercise: Exercise | None
    """The exercise answered (None when this course no longer has it)."""
    number: int
    """Which attempt at that exercise it was (1 for the first)."""
    of: int
    """How many attempts the learner has made at that exercise."""


def note_key(note: TrainerNote) -> str:
    """One note, as remembered once the learner has seen it (a newer note on the same answer is new again)."""
    return f"{note.attempt_id}@{note.written}"


def notes_on_answers(course: Course, store: ProgressStore, learner: str) -> list[NoteOnAnswer]:
    """Every note with a comment, a changed grade or a decision on the learner's answers, newest first, each with
    its answer."""
    notes = store.trainer_notes(learner)
    if not notes:
        return []  # most learners most days: no need to read every answer
    attempts = store.attempts(learner)
    by_id = {attempt.id: attempt for attempt in attempts}
    numbers: dict[str, int] = {}
    counts: dict[str, int] = {}
    for attempt in attempts:  # oldest first
        counts[attempt.exercise_id] = counts.get(attempt.exercise_id, 0) + 1
        numbers[attempt.id] = counts[attempt.exercise_id]
    found = [
        NoteOnAnswer(note, by_id[note.attempt_id], course.exercises.get(note.exercise_id),
                     numbers[note.attempt_id], counts[by_id[note.attempt_id].exercise_id])
        for note in notes
        if note.attempt_id in by_id and (note.comment or note.overrides or note.decision)
    ]
    return sorted(found, key=lambda item: item.note.written, reverse=True)


def contest_words(contest: Contest | None, note: TrainerNote | None = None) -> str:
    """What the learner reads about their "I think this grade is wrong" (and the trainer's decision, once made)."""
    if contest is None:
        return ""
    said = f"You told your trainer you think this grade is wrong: “{contest.reason}”."
    who = (note.trainer if note is not None and note.trainer else "Your trainer")
    if note is not None and note.decision == "kept":
        return f"{said} {who} looked again and kept the grade."
    if note is not None and note.decision == "changed":
        return f"{said} {who} looked again and changed the grade."
    return f"{said} It goes with your results when you export them; the answer comes back with their feedback."
