"""What trainers hand a learner: assignments, and notes on answers; and results brought in from elsewhere.

Reading and checking the trainer's files is ``course.trainer``'s work; the
store only keeps what was already found sound, and keeps it in one save, so
an import is all there or not there at all. ``ProgressStore`` takes these
methods as a base class so the store stays one object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tinydb import where

from .learners import ensure_learner, stored_name
from .outbox import attempt_event_id
from .promise_book import merge_promises
from .promises import Promise
from .records import DECISIONS, Attempt, attempt_row, completed, now

if TYPE_CHECKING:
    from .progressfile import ProgressFile

__all__ = ["Assignment", "TrainerNote", "Contest", "ImportCounts", "TrainerWork", "MAX_REASON", "DECISIONS"]

MAX_REASON = 2000
"""The longest reason a learner gives for thinking a grade is wrong, in characters."""


@dataclass(frozen=True)
class Assignment:
    """Modules a trainer asked a learner to pass by a date."""

    id: str
    """Unique per assignment; the same file imported twice is one assignment."""
    modules: tuple[str, ...]
    """The module ids to pass, in course order."""
    due: str
    """The last day, as YYYY-MM-DD."""
    pass_mark: float
    """The module score (0 to 1) that counts as passed."""
    message: str = ""
    """What the trainer wants to say about it."""
    trainer: str = ""
    """Who set it."""
    created: str = ""
    """When the trainer made it (ISO-8601 UTC)."""


@dataclass(frozen=True)
class TrainerNote:
    """A trainer's comment on one answer, and their grade if it differs from the course's."""

    attempt_id: str
    """The attempt it is about."""
    exercise_id: str
    """The exercise that attempt answered."""
    trainer: str = ""
    """Who wrote it."""
    comment: str = ""
    """The trainer's words to the learner."""
    passed: bool | None = None
    """The trainer's verdict, or None when the course's grade stands."""
    score: float | None = None
    """The trainer's score (0 to 1), or None when the course's score stands."""
    written: str = ""
    """When the trainer wrote it (ISO-8601 UTC)."""
    decision: str = ""
    """On an answer the learner contested: ``kept`` or ``changed`` (see ``DECISIONS``); empty otherwise."""

    @property
    def overrides(self) -> bool:
        """Whether the trainer changed the grade."""
        return self.passed is not None or self.score is not None


@dataclass(frozen=True)
class Contest:
    """A learner's "I think this grade is wrong" about one of their answers, with why."""

    attempt_id: str
    """The attempt whose grade is questioned."""
    exercise_id: str
    """The exercise it answered."""
    reason: str
    """Why the learner thinks so, in their words."""
    at: str = ""
    """When they said so (ISO-8601 UTC)."""


@dataclass(frozen=True)
class ImportCounts:
    """What one import added or changed."""

    attempts: int = 0
    """Attempts new to this machine."""
    assignments: int = 0
    """Assignments new or changed."""
    notes: int = 0
    """Trainer notes new or changed."""
    promises: int = 0
    """Promises to customers new to this machine, or settled since."""

    @property
    def anything(self) -> bool:
        """Whether the import changed anything at all."""
        return bool(self.attempts or self.assignments or self.notes or self.promises)


def _assignment_row(learner: str, assignment: Assignment) -> dict[str, Any]:
    return {
        "learner": learner, "id": assignment.id, "modules": list(assignment.modules), "due": assignment.due,
        "pass_mark": float(assignment.pass_mark), "message": assignment.message, "trainer": assignment.trainer,
        "created": assignment.created,
    }


def _assignment_from_row(row: Mapping[str, Any]) -> Assignment:
    return Assignment(
        id=str(row["id"]), modules=tuple(row.get("modules", ())), due=str(row.get("due", "")),
        pass_mark=float(row.get("pass_mark", 0.8)), message=str(row.get("message", "")),
        trainer=str(row.get("trainer", "")), created=str(row.get("created", "")),
    )


def _note_row(learner: str, note: TrainerNote) -> dict[str, Any]:
    return {
        "learner": learner, "attempt_id": note.attempt_id, "exercise_id": note.exercise_id,
        "trainer": note.trainer, "comment": note.comment, "passed": note.passed,
        "score": None if note.score is None else min(1.0, max(0.0, float(note.score))), "written": note.written,
        "decision": note.decision if note.decision in DECISIONS else "",
    }


def _note_from_row(row: Mapping[str, Any]) -> TrainerNote:
    score = row.get("score")
    passed = row.get("passed")
    return TrainerNote(
        attempt_id=str(row["attempt_id"]), exercise_id=str(row.get("exercise_id", "")),
        trainer=str(row.get("trainer", "")), comment=str(row.get("comment", "")),
        passed=None if passed is None else bool(passed), score=None if score is None else float(score),
        written=str(row.get("written", "")), decision=str(row.get("decision", "") or ""),
    )


def _contest_from_row(row: Mapping[str, Any]) -> Contest:
    return Contest(str(row["attempt_id"]), str(row.get("exercise_id", "")), str(row.get("reason", "")),
                   str(row.get("at", "")))


def _contest_row(learner: str, contest: Contest) -> dict[str, Any]:
    return {"learner": learner, "attempt_id": contest.attempt_id, "exercise_id": contest.exercise_id,
            "reason": contest.reason[:MAX_REASON], "at": contest.at}


def _same(row: Mapping[str, Any], wanted: Mapping[str, Any]) -> bool:
    return all(row.get(key) == value for key, value in wanted.items())


class TrainerWork:
    """Assignments, trainer notes and imported results, for ``ProgressStore``."""

    _file: ProgressFile
    _event: Callable[..., None]  # LearningEvents': queue a learning event inside a transaction

    def import_work(self, learner: str, *, attempts: Iterable[Attempt] = (),
                    assignments: Iterable[Assignment] = (), notes: Iterable[TrainerNote] = (),
                    promises: Iterable[Promise] = (), contests: Iterable[Contest] = ()) -> ImportCounts:
        """Add attempts, assignments, trainer notes and promises for ``learner`` in one save; what changed.

        An attempt already here (same id) is kept as it is; an assignment or a
        note already here is replaced by the one given; a promise already here
        takes only a settlement it lacks. Everything is checked before anything
        is saved: a ValueError leaves the store as it was.
        """
        ready = [completed(attempt) for attempt in attempts]
        assignments, notes, promises, contests = list(assignments), list(notes), list(promises), list(contests)
        with self._file.transaction() as db:
            name = ensure_learner(db, learner)["name"]
            table = db.table("attempts")
            tables = self._file.storage.data
            known = {row.get("id") for row in tables.get("attempts", {}).values()}
            added = 0
            for attempt in ready:  # a closed file is opened only if its time span holds the attempt
                if attempt.id in known or self._file.archive.find(tables, "attempts", attempt.id, attempt.at):
                    continue
                known.add(attempt.id)
                table.insert(attempt_row(name, attempt))
                self._event(db, "answered", name, "exercise", attempt.exercise_id,
                            id=attempt_event_id(attempt.id), at=attempt.at, attempt=attempt)
                added += 1
            changed_assignments = self._upsert(db, "assignments", [
                ((where("learner") == name) & (where("id") == a.id), _assignment_row(name, a)) for a in assignments])
            changed_notes = self._upsert(db, "trainer_feedback", [
                ((where("learner") == name) & (where("attempt_id") == n.attempt_id), _note_row(name, n))
                for n in notes])
            if changed_notes:  # a trainer's grade of a closed-away answer changes the record kept in the index
                self._file.archive.retally(self._file.storage.data, name)
            changed_promises = merge_promises(db, name, promises)
            self._upsert(db, "contests", [
                ((where("learner") == name) & (where("attempt_id") == c.attempt_id), _contest_row(name, c))
                for c in contests])
            return ImportCounts(added, changed_assignments, changed_notes, changed_promises)

    @staticmethod
    def _upsert(db: Any, table_name: str, rows: list[tuple[Any, dict[str, Any]]]) -> int:
        """Insert or replace rows; how many were new or different."""
        table = db.table(table_name)
        changed = 0
        for which, row in rows:
            found = table.search(which)
            if found and _same(found[0], row):
                continue
            stamped = {**row, "imported": now()}
            if found:
                table.update(stamped, which)
            else:
                table.insert(stamped)
            changed += 1
        return changed

    def assignments(self, learner: str) -> list[Assignment]:
        """The learner's assignments, soonest due first."""
        with self._file.reading() as db:
            rows = db.table("assignments").search(where("learner") == stored_name(db, learner))
            return sorted((_assignment_from_row(row) for row in rows), key=lambda a: (a.due, a.id))

    def contest_grade(self, learner: str, attempt_id: str, reason: str) -> Contest:
        """Keep the learner's "I think this grade is wrong" about one of their attempts (a second one replaces it).

        ValueError when the reason is empty or the attempt is not theirs.
        """
        reason = reason.strip()[:MAX_REASON]
        if not reason:
            raise ValueError("say why you think the grade is wrong")
        with self._file.transaction() as db:
            name = stored_name(db, learner)
            found: list[Mapping[str, Any]] = list(
                db.table("attempts").search((where("learner") == name) & (where("id") == attempt_id)))
            archived = None if found else self._file.archive.find(self._file.storage.data, "attempts", attempt_id)
            if archived is not None and archived.get("learner") == name:
                found = [archived]
            if not found:
                raise ValueError(f"{learner} has no answer {attempt_id} here")
            contest = Contest(attempt_id, str(found[0].get("exercise_id", "")), reason, now())
            row = _contest_row(name, contest)
            which = (where("learner") == name) & (where("attempt_id") == attempt_id)
            table = db.table("contests")
            if table.search(which):
                table.update(row, which)
            else:
                table.insert(row)
            return contest

    def contests(self, learner: str) -> list[Contest]:
        """The learner's contested grades, oldest first."""
        with self._file.reading() as db:
            rows = db.table("contests").search(where("learner") == stored_name(db, learner))
            return sorted((_contest_from_row(row) for row in rows), key=lambda c: c.at)

    def trainer_notes(self, learner: str, attempt_id: str | None = None) -> list[TrainerNote]:
        """The trainer's notes on the learner's answers (on one attempt, if given), oldest first."""
        with self._file.reading() as db:
            which = where("learner") == stored_name(db, learner)
            if attempt_id is not None:
                which &= where("attempt_id") == attempt_id
            rows = db.table("trainer_feedback").search(which)
            return sorted((_note_from_row(row) for row in rows), key=lambda n: n.written)
