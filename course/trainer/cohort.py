"""The cohort report as plain data: who is done, who is late, which skills and criteria a team misses.

Built from checked results bundles, kept as plain data (a cohort of a
thousand learners is sixty thousand attempts); this machine's own learners
are read the same way, through the bundle they would export. The table, CSV,
JSON and HTML forms only lay it out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import Any

from course.content.model import SKILLS, Course
from course.judging import criteria_of

from .bundles import CheckedBundle
from .dates import real_day, today
from .profile import SKILL_NAMES, skill_totals
from .promise_report import PromiseRow, UnkeptPromise, promise_rows
from .standing import DEFAULT_PASS_MARK, assigned_modules, entry_rows, module_exercises, module_standing, tally_rows

__all__ = [
    "ModuleRow",
    "LearnerSummary",
    "SkillRow",
    "MissedExercise",
    "MissedCriterion",
    "CohortReport",
    "cohort_report",
    "merge_bundles",
    "TOP",
]

TOP = 10
"""How many of the most-missed exercises and criteria the report lists."""


@dataclass(frozen=True)
class ModuleRow:
    """One learner in one module."""

    learner: str
    module_id: str
    module_title: str
    status: str
    """``passed``, ``started`` or ``new``."""
    score: float
    """Mean of the best score at each exercise of the module, 0 to 1."""
    attempts: int
    seconds: float
    """Time spent on the module's exercises."""
    exercises_tried: int
    exercises_total: int
    pass_mark: float
    """The assignment's pass mark, or the default when the module is not assigned."""
    due: str = ""
    """When an assignment wants it passed (YYYY-MM-DD), or "" if not assigned."""
    days_left: int | None = None
    """Days until due (negative once past), None when not assigned."""

    @property
    def overdue(self) -> bool:
        """Assigned, past its due date and not passed."""
        return self.days_left is not None and self.days_left < 0 and self.status != "passed"


@dataclass(frozen=True)
class LearnerSummary:
    """One learner over the whole report."""

    learner: str
    attempts: int
    seconds: float
    modules_passed: int
    modules_assigned: int
    overdue: int
    """Assigned modules past their due date and not passed."""
    last_active: str
    """When they last answered (ISO-8601), or ""."""
    source: str = ""


@dataclass(frozen=True)
class SkillRow:
    """The cohort's profile in one skill."""

    skill: str
    name: str
    share: float | None
    """Mean over learners of their share of this skill's criteria met (None: no evidence)."""
    learners: int
    """Learners with evidence for it."""
    below_half: int
    """Learners who meet fewer than half of its criteria."""


@dataclass(frozen=True)
class MissedExercise:
    """An exercise and how often answers to it did not pass."""

    exercise_id: str
    title: str
    module_id: str
    attempts: int
    missed: int
    learners: int

    @property
    def rate(self) -> float:
        """Share of attempts that did not pass."""
        return self.missed / self.attempts if self.attempts else 0.0


@dataclass(frozen=True)
class MissedCriterion:
    """A rubric criterion and how often answers missed it."""

    exercise_id: str
    exercise_title: str
    criterion_id: str
    check: str
    feedback: str
    """What the course tells a learner who misses it."""
    judged: int
    missed: int

    @property
    def rate(self) -> float:
        """Share of answers that missed it."""
        return self.missed / self.judged if self.judged else 0.0


@dataclass(frozen=True)
class CohortReport:
    """Everything the trainer's report shows."""

    made: str
    """The day it was made (YYYY-MM-DD): days left and overdue count from it."""
    course_version: str
    modules: tuple[tuple[str, str], ...]
    """(id, title) of the modules shown: assigned to or tried by anyone, in course order."""
    learners: tuple[LearnerSummary, ...]
    rows: tuple[ModuleRow, ...]
    skills: tuple[SkillRow, ...]
    missed_exercises: tuple[MissedExercise, ...]
    missed_criteria: tuple[MissedCriterion, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)
    """Files left out or read in part, one line each."""
    promises: tuple[PromiseRow, ...] = ()
    """Per learner who made any: promises to customers made, kept, renegotiated, never followed up."""
    unkept_promises: tuple[UnkeptPromise, ...] = ()
    """The latest promises never followed up."""


def merge_bundles(bundles: Iterable[CheckedBundle]) -> list[CheckedBundle]:
    """One entry per learner: bundles exported twice (or from two machines) are joined, each attempt once."""
    merged: dict[str, CheckedBundle] = {}
    for bundle in bundles:
        key = bundle.learner.casefold()
        before = merged.get(key)
        if before is None:
            merged[key] = bundle
            continue
        ids = {entry["id"] for entry in before.attempts}
        attempts = sorted(
            [*before.attempts, *(e for e in bundle.attempts if e["id"] not in ids)], key=lambda e: e["at"]
        )
        assignments = {a.id: a for a in (*before.assignments, *bundle.assignments)}
        promises = {p.id: p for p in before.promises}
        for promise in bundle.promises:  # the copy that knows how it was followed up wins
            if promise.id not in promises or (promise.outcome and not promises[promise.id].outcome):
                promises[promise.id] = promise
        merged[key] = replace(before, attempts=tuple(attempts), assignments=tuple(assignments.values()),
                              source=f"{before.source}, {bundle.source}",
                              promises=tuple(sorted(promises.values(), key=lambda p: (p.made, p.id))))
    return sorted(merged.values(), key=lambda b: b.learner.casefold())


def _latest_judgements(entries: Sequence[Mapping[str, Any]]) -> Iterable[list[tuple[bool, float, str]]]:
    """The criteria of the latest answer to each exercise, as (met, weight, skill)."""
    latest: dict[str, Mapping[str, Any]] = {}
    for entry in entries:
        latest[entry["exercise"]] = entry
    for entry in latest.values():
        yield [(c["met"], c.get("weight", 1.0), c.get("skill", "")) for c in entry.get("criteria", ())]


def cohort_report(course: Course, bundles: Sequence[CheckedBundle], *, on: date | None = None,
                  warnings: Sequence[str] = (), now: datetime | None = None) -> CohortReport:
    """The report over these learners' checked bundles, as of day ``on`` (today by default).

    ``now`` is the course clock's time, which says where each promise to a customer stands.
    """
    on = on or today()
    bundles = merge_bundles(bundles)
    exercises = module_exercises(course)
    tallies = [tally_rows(entry_rows(b.attempts)) for b in bundles]
    assigned = [assigned_modules(b.assignments) for b in bundles]
    wanted = {e for t in tallies for e in t}
    shown = tuple((m.id, m.title) for m in course.modules
                  if any(m.id in a for a in assigned) or any(e in wanted for e in exercises[m.id]))
    rows: list[ModuleRow] = []
    learners: list[LearnerSummary] = []
    skill_shares: dict[str, list[float]] = {skill: [] for skill in SKILLS}
    for bundle, tallied, due_dates in zip(bundles, tallies, assigned, strict=False):
        passed = overdue = 0
        for module_id, title in shown:
            due, pass_mark = due_dates.get(module_id, ("", DEFAULT_PASS_MARK))
            standing = module_standing(module_id, exercises[module_id], tallied, pass_mark)
            day = real_day(due) if due else None
            row = ModuleRow(bundle.learner, module_id, title, standing.status, standing.score, standing.attempts,
                            standing.seconds, standing.exercises_tried, standing.exercises_total, pass_mark, due,
                            (day - on).days if day else None)
            rows.append(row)
            passed += standing.passed
            overdue += row.overdue
        learners.append(LearnerSummary(
            bundle.learner, len(bundle.attempts), sum(t.seconds for t in tallied.values()), passed, len(due_dates),
            overdue, bundle.attempts[-1]["at"] if bundle.attempts else "", bundle.source))
        met, judged, _ = skill_totals(_latest_judgements(bundle.attempts))
        for skill in SKILLS:
            if judged[skill]:
                skill_shares[skill].append(met[skill] / judged[skill])
    skills = tuple(
        SkillRow(skill, SKILL_NAMES[skill], sum(shares) / len(shares) if shares else None, len(shares),
                 sum(share < 0.5 for share in shares))
        for skill, shares in skill_shares.items()
    )
    missed_exercises, missed_criteria = _missed(course, bundles)
    promised, unkept = promise_rows([(b.learner, b.promises) for b in bundles], now or datetime.now(timezone.utc))
    return CohortReport(on.isoformat(), course.version, shown, tuple(learners), tuple(rows), skills,
                        missed_exercises, missed_criteria, tuple(warnings), promised, unkept)


def _missed(
    course: Course, bundles: Sequence[CheckedBundle]
) -> tuple[tuple[MissedExercise, ...], tuple[MissedCriterion, ...]]:
    """The exercises and criteria missed most often, over every attempt."""
    per_exercise: dict[str, list[int]] = {}  # attempts, missed
    learners_at: dict[str, set[int]] = {}
    per_criterion: dict[tuple[str, str], list[int]] = {}  # judged, missed
    for number, bundle in enumerate(bundles):
        for exercise_id, _, passed, _ in entry_rows(bundle.attempts):
            counts = per_exercise.get(exercise_id)
            if counts is None:
                counts = per_exercise[exercise_id] = [0, 0]
                learners_at[exercise_id] = set()
            counts[0] += 1
            counts[1] += not passed
            learners_at[exercise_id].add(number)
        for entry in bundle.attempts:
            exercise_id = entry["exercise"]
            for criterion in entry.get("criteria", ()):
                key = (exercise_id, criterion["id"])
                tally = per_criterion.get(key)
                if tally is None:
                    tally = per_criterion[key] = [0, 0]
                tally[0] += 1
                tally[1] += not criterion["met"]
    exercises = []
    for exercise_id, (attempts, missed) in per_exercise.items():
        exercise = course.exercises.get(exercise_id)
        if exercise is None or not missed:
            continue
        exercises.append(MissedExercise(exercise_id, exercise.title, exercise.module_id, attempts, missed,
                                        len(learners_at[exercise_id])))
    exercises.sort(key=lambda e: (-e.missed, -e.rate, e.exercise_id))
    criteria = []
    for (exercise_id, criterion_id), (judged, missed) in per_criterion.items():
        exercise = course.exercises.get(exercise_id)
        if exercise is None or not missed:
            continue
        found = criteria_of(exercise).get(criterion_id)
        criteria.append(MissedCriterion(exercise_id, exercise.title, criterion_id, found.check if found else "",
                                        found.missed.strip() if found else "", judged, missed))
    criteria.sort(key=lambda c: (-c.missed, -c.rate, c.exercise_id, c.criterion_id))
    return tuple(exercises[:TOP]), tuple(criteria[:TOP])
