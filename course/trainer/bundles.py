"""Results bundles: one learner's work as a file a trainer can collect, and reading them back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from course import __version__
from course.content.model import Course
from course.judging import criteria_of
from course.progress.learners import check_name
from course.progress.promises import Promise, promise_id_of
from course.progress.records import Attempt, CriterionOutcome
from course.progress.trainer_work import Assignment, Contest, TrainerNote

from .assignments import assignment_from_document
from .dates import TIME_SLACK, now_stamp, real_day, real_time, today
from .files import SCHEMA_VERSION, RejectedFile
from .promise_docs import checked_promises, promise_document, settled_by_known
from .standing import LearnerWork, assignment_status, module_exercises, tally

if TYPE_CHECKING:
    from course.progress import ProgressStore

__all__ = [
    "ResultsBundle",
    "CheckedBundle",
    "export_bundle",
    "check_bundle",
    "bundle_from_document",
    "note_document",
    "note_of",
    "contest_of",
]


@dataclass(frozen=True)
class ResultsBundle:
    """A checked results bundle."""

    work: LearnerWork
    """The learner's attempts, trainer notes and assignments."""
    content_version: str
    """The version of the course the learner used."""
    exported: str
    """When it was exported."""
    warnings: tuple[str, ...] = field(default_factory=tuple)
    """What was left out and why (a report reads bundles from other versions too)."""
    promises: tuple[Promise, ...] = ()
    """The learner's promises to customers."""
    contests: Mapping[str, Contest] = field(default_factory=dict)
    """The grades the learner thinks are wrong, with why, by attempt id."""


def note_document(note: TrainerNote) -> dict[str, Any]:
    """A trainer note as it travels inside a bundle."""
    document = {"trainer": note.trainer[:80], "comment": note.comment, "passed": note.passed, "score": note.score,
                "written": note.written if real_time(note.written) else now_stamp()}
    if note.decision:
        document["decision"] = note.decision
    return document


def _attempt_document(attempt: Attempt, module_id: str, note: TrainerNote | None,
                      contest: Contest | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": attempt.id, "exercise": attempt.exercise_id, "at": attempt.at, "seconds": attempt.seconds,
        "score": attempt.score, "passed": attempt.passed, "content_hash": attempt.content_hash,
        "answer": attempt.answer,
        "criteria": [{"id": o.criterion_id, "met": o.met, "severity": o.severity, "weight": o.weight, "skill": o.skill}
                     for o in attempt.outcomes],
    }
    if module_id:
        document["module"] = module_id
    if note is not None:
        document["review"] = note_document(note)
    if contest is not None:
        document["contest"] = {"reason": contest.reason, "at": contest.at if real_time(contest.at) else now_stamp()}
    return document


def export_bundle(course: Course, store: ProgressStore, learner: str, *, now: datetime | None = None) -> dict[str, Any]:
    """The ``listen.results`` document of a learner's work on this machine.

    ``now`` is the course clock's time: where each promise to a customer stood.
    """
    known = store.learner(learner)
    name = known.name if known else learner
    notes = {note.attempt_id: note for note in store.trainer_notes(name)}
    contests = {contest.attempt_id: contest for contest in store.contests(name)}
    attempts = store.attempts(name)
    tallies = tally(attempts, notes)
    exercises = module_exercises(course)
    on = today()
    assignments = []
    for assignment in store.assignments(name):
        status = assignment_status(assignment, exercises, tallies, on)
        entry = {
            "id": assignment.id, "modules": list(assignment.modules), "due": assignment.due,
            "pass_mark": assignment.pass_mark, "message": assignment.message, "trainer": assignment.trainer,
            "status": status.state, "passed_modules": [m.module_id for m in status.modules if m.passed],
        }
        if assignment.created:
            entry["created"] = assignment.created
        assignments.append(entry)
    learner_part: dict[str, Any] = {"name": name}
    if known and known.created:
        learner_part["created"] = known.created
    return {
        "format": "listen.results",
        "schema_version": SCHEMA_VERSION,
        "exported": now_stamp(),
        "listen": __version__,
        "course": {"version": course.version},
        "learner": learner_part,
        "attempts": [
            _attempt_document(a, course.exercises[a.exercise_id].module_id if a.exercise_id in course.exercises else "",
                              notes.get(a.id), contests.get(a.id))
            for a in attempts
        ],
        "assignments": assignments,
        "promises": [promise_document(p, now or datetime.now(timezone.utc)) for p in store.promises(name)],
    }


def _check_time(path: Path, text: str, what: str, latest: datetime) -> None:
    moment = real_time(text)
    if moment is None:
        raise RejectedFile(path, f"{what} has the time {text[:40]!r}, which is not a real moment")
    if moment > latest:
        raise RejectedFile(path, f"{what} is dated {text[:25]}, in the future")


def _outcomes(criteria: Any, known: dict[tuple[Any, ...], CriterionOutcome]) -> tuple[CriterionOutcome, ...]:
    """The outcomes of one attempt; equal outcomes are one shared object."""
    outcomes = []
    for c in criteria:
        key = (c["id"], c["met"], c.get("severity", "actionable"), c.get("weight", 1.0), c.get("skill", ""))
        outcome = known.get(key)
        if outcome is None:
            outcome = known[key] = CriterionOutcome(key[0], key[1], key[2], float(key[3]), key[4])
        outcomes.append(outcome)
    return tuple(outcomes)


@dataclass(frozen=True)
class CheckedBundle:
    """A bundle document found sound against the course, still as plain data (a report reads thousands)."""

    learner: str
    """The learner's name, tidied."""
    content_version: str
    """The version of the course the learner used."""
    exported: str
    """When it was exported."""
    attempts: tuple[Mapping[str, Any], ...]
    """The attempts as in the file, oldest first, less those at exercises this course lacks."""
    assignments: tuple[Assignment, ...]
    """The learner's assignments."""
    source: str
    """The file's name."""
    warnings: tuple[str, ...] = ()
    """What was left out and why."""
    promises: tuple[Promise, ...] = ()
    """The learner's promises to customers."""


def check_bundle(
    path: Path | str, document: Mapping[str, Any], course: Course, *, strict: bool = True
) -> CheckedBundle:
    """What a schema cannot say about a results bundle: a real learner name, unique ids, real dates, known ids.

    ``strict`` (for an import) refuses a bundle from another version of the
    course, or with anything this course lacks; otherwise (for a report) the
    attempts at exercises this course does not have are left out, with a warning.
    """
    path = Path(path)
    try:
        name = check_name(document["learner"]["name"])
    except ValueError as error:
        raise RejectedFile(path, f"its learner name will not do: {error}") from None
    latest = datetime.now(timezone.utc) + TIME_SLACK
    _check_time(path, document["exported"], "the export", latest)
    version = document["course"]["version"]
    warnings: list[str] = []
    same_version = version == course.version
    if not same_version and strict:
        raise RejectedFile(path, f"it comes from another version of the course ({version}; this one is "
                                 f"{course.version}): export it again with the same course, or report on it instead")
    if not same_version:
        warnings.append(f"{path.name}: from another version of the course ({version}; this one is {course.version})")
    promises, promise_warnings = checked_promises(path, document.get("promises", ()), course, strict=strict)
    warnings.extend(promise_warnings)
    promise_ids = {promise.id for promise in promises}
    kept: list[Mapping[str, Any]] = []
    seen: set[str] = set()
    left_out = 0
    exercises = course.exercises
    rubric_ids: dict[str, frozenset[str]] = {}
    for entry in document["attempts"]:
        attempt_id = entry["id"]
        if attempt_id in seen:
            raise RejectedFile(path, f"the attempt id {attempt_id} appears twice")
        seen.add(attempt_id)
        exercise = exercises.get(entry["exercise"])
        if exercise is None and promise_id_of(entry["exercise"]) in promise_ids:
            _check_time(path, entry["at"], f"attempt {attempt_id}", latest)  # a follow-up to one of its promises
            kept.append(entry)
            continue
        if exercise is None:
            if strict:
                raise RejectedFile(path, f"it has an attempt at '{entry['exercise']}', which this course does not have")
            left_out += 1
            continue
        _check_time(path, entry["at"], f"attempt {attempt_id}", latest)
        criteria = entry.get("criteria")
        if same_version and criteria and exercise.rubric is not None:
            known = rubric_ids.get(exercise.id)
            if known is None:
                known = rubric_ids[exercise.id] = frozenset(criteria_of(exercise))  # as the judge names them
            stray = next((c["id"] for c in criteria if c["id"] not in known), None)
            if stray is not None:
                raise RejectedFile(
                    path, f"attempt {attempt_id} names criterion '{stray}', which {exercise.id} does not have"
                )
        kept.append(entry)
    if left_out:
        warnings.append(f"{path.name}: {left_out} attempt(s) at exercises this course does not have were left out")
    assignments: list[Assignment] = []
    module_ids = {module.id for module in course.modules}
    for entry in document.get("assignments", ()):
        assignment = assignment_from_document(entry)
        if any(a.id == assignment.id for a in assignments):
            raise RejectedFile(path, f"the assignment id {assignment.id} appears twice")
        if real_day(assignment.due) is None:
            raise RejectedFile(path, f"assignment {assignment.id} is due on {assignment.due}, which is not a real day")
        unknown = [m for m in assignment.modules if m not in module_ids]
        if unknown and strict:
            raise RejectedFile(
                path, f"assignment {assignment.id} names module '{unknown[0]}', which this course does not have"
            )
        assignments.append(assignment)
    if any(kept[n]["at"] > kept[n + 1]["at"] for n in range(len(kept) - 1)):
        kept.sort(key=lambda entry: entry["at"])
    if strict:
        settled_by_known(path, promises, {entry["id"] for entry in kept})
    return CheckedBundle(name, version, document["exported"], tuple(kept), tuple(assignments), path.name,
                         tuple(warnings), tuple(promises))


def note_of(entry: Mapping[str, Any]) -> TrainerNote | None:
    """The trainer's note carried with an attempt in a bundle, if any."""
    review = entry.get("review")
    if not review:
        return None
    return TrainerNote(entry["id"], entry["exercise"], review.get("trainer", ""), review.get("comment", ""),
                       review.get("passed"), review.get("score"), review.get("written", ""),
                       review.get("decision", ""))


def contest_of(entry: Mapping[str, Any]) -> Contest | None:
    """The learner's "I think this grade is wrong" carried with an attempt in a bundle, if any."""
    contest = entry.get("contest")
    if not contest:
        return None
    return Contest(entry["id"], entry["exercise"], contest["reason"], contest.get("at", ""))


def bundle_from_document(path: Path | str, document: Mapping[str, Any], course: Course, *,
                         strict: bool = True) -> ResultsBundle:
    """The bundle a schema-checked document describes, checked against the course (see ``check_bundle``)."""
    checked = check_bundle(path, document, course, strict=strict)
    shared: dict[tuple[Any, ...], CriterionOutcome] = {}
    attempts = [
        Attempt(e["exercise"], e["answer"], float(e["score"]), e["passed"], _outcomes(e.get("criteria", ()), shared),
                e.get("content_hash", ""), float(e.get("seconds", 0.0)), e["at"], e["id"])
        for e in checked.attempts
    ]
    notes = {note.attempt_id: note for note in map(note_of, checked.attempts) if note is not None}
    contests = {contest.attempt_id: contest for contest in map(contest_of, checked.attempts) if contest is not None}
    work = LearnerWork(checked.learner, tuple(attempts), notes, checked.assignments, source=checked.source)
    return ResultsBundle(work, checked.content_version, checked.exported, checked.warnings, checked.promises,
                         contests)
