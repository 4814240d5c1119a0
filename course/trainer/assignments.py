"""Assignments: made by a trainer, carried in a file or written straight into a shared machine's store."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from course.content.model import Course
from course.progress.trainer_work import Assignment

from .dates import now_stamp, real_day, today
from .files import SCHEMA_VERSION, RejectedFile
from .standing import AssignmentStatus, assignment_status, module_exercises

if TYPE_CHECKING:
    from course.progress import ProgressStore

__all__ = [
    "make_assignment",
    "assignment_document",
    "assignment_from_document",
    "check_assignment",
    "assignment_statuses",
    "note_completed_assignments",
]


def _assignment_id(modules: Sequence[str], due: str) -> str:
    """The same modules and due date make the same assignment: importing it twice adds it once."""
    return f"{'+'.join(modules)}@{due}"


def make_assignment(course: Course, modules: Sequence[str], due: str, pass_mark: float, *,
                    message: str = "", trainer: str = "", on: date | None = None) -> Assignment:
    """A new assignment, or ValueError saying in one line what is wrong with what was asked."""
    wanted = [m.strip() for m in modules if m.strip()]
    if not wanted:
        raise ValueError("name at least one module, e.g. --modules empathy,paraphrasing")
    known = [module.id for module in course.modules]
    unknown = [m for m in wanted if m not in known]
    if unknown:
        raise ValueError(f"no module '{unknown[0]}' in this course (modules: {', '.join(known)})")
    if len(set(wanted)) != len(wanted):
        raise ValueError("a module is named twice")
    day = real_day(due)
    if day is None or len(due) != 10:
        raise ValueError(f"'{due}' is not a date: write it as YYYY-MM-DD, e.g. 2026-12-15")
    if day < (on or today()):
        raise ValueError(f"the due date {due} has already passed")
    if not 0.0 < pass_mark <= 1.0:
        raise ValueError(f"the pass mark is a share of the score between 0 and 1 (e.g. 0.8), not {pass_mark}")
    if len(message) > 2000:
        raise ValueError("the message is longer than 2,000 characters")
    if len(trainer) > 80:
        raise ValueError("the trainer's name is longer than 80 characters")
    ordered = tuple(m for m in known if m in wanted)  # course order reads best on the dashboard
    return Assignment(_assignment_id(ordered, due), ordered, due, float(pass_mark),
                      message=message.strip(), trainer=trainer.strip(), created=now_stamp())


def assignment_document(assignment: Assignment, course: Course, *, home_page: str = "") -> dict[str, Any]:
    """The ``listen.assignment`` file for an assignment."""
    document: dict[str, Any] = {
        "format": "listen.assignment",
        "schema_version": SCHEMA_VERSION,
        "id": assignment.id,
        "modules": list(assignment.modules),
        "due": assignment.due,
        "pass_mark": assignment.pass_mark,
        "message": assignment.message,
        "trainer": assignment.trainer,
        "course": {"version": course.version},
    }
    if assignment.created:
        document["created"] = assignment.created
    if home_page:
        document["home_page"] = home_page
    return document


def assignment_from_document(document: Mapping[str, Any]) -> Assignment:
    """The assignment a checked document (file or bundle entry) describes."""
    return Assignment(
        id=document["id"], modules=tuple(document["modules"]), due=document["due"],
        pass_mark=float(document["pass_mark"]), message=document.get("message", ""),
        trainer=document.get("trainer", ""), created=document.get("created", ""),
    )


def check_assignment(path: Any, assignment: Assignment, course: Course) -> None:
    """What a schema cannot say: the modules exist in this course and the due date is a real day."""
    if real_day(assignment.due) is None:
        raise RejectedFile(path, f"its due date {assignment.due} is not a real day")
    known = {module.id for module in course.modules}
    missing = [m for m in assignment.modules if m not in known]
    if missing:
        raise RejectedFile(path, f"it assigns module '{missing[0]}', which this course does not have "
                                 "(is it for another course?)")


def assignment_statuses(course: Course, store: ProgressStore, learner: str,
                        on: date | None = None) -> list[AssignmentStatus]:
    """How each of the learner's assignments stands today, soonest due first (for the dashboard)."""
    assignments = store.assignments(learner)
    if not assignments:
        return []
    tallies = store.exercise_tallies(learner)
    exercises = module_exercises(course)
    return [assignment_status(a, exercises, tallies, on or today()) for a in assignments]


def note_completed_assignments(course: Course, store: ProgressStore, learner: str) -> list[AssignmentStatus]:
    """Record each assignment that is now complete (once; it queues its learning record); those newly noted."""
    newly = []
    for status in assignment_statuses(course, store, learner):
        if status.complete and store.complete_assignment(learner, status.assignment.id, passed=True,
                                                         score=status.score):
            newly.append(status)
    return newly
