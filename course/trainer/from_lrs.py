"""A cohort report from a Learning Record Store's statements instead of bundle files.

Each learner's ``answered`` records become the attempts of a results bundle,
so the report is built by exactly the same code as for files. Criterion
severities, weights and skills come from this course's rubrics (a statement
only says which criteria were met).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from course.content import Course
from course.judging import criteria_of

from .bundles import check_bundle
from .files import RejectedFile

if TYPE_CHECKING:
    from course.xapi.fetch import LearningRecord

    from .bundles import CheckedBundle

__all__ = ["bundles_from_records"]

SOURCE = "the LRS"


def _criteria(course: Course, exercise_id: str, met: dict[str, bool]) -> list[dict[str, Any]]:
    exercise = course.exercises.get(exercise_id)
    by_id = criteria_of(exercise) if exercise is not None else {}
    rows = []
    for criterion_id, was_met in met.items():
        criterion = by_id.get(criterion_id)
        if criterion is None:
            continue  # answered under another version of the course: its criteria cannot be counted here
        rows.append({"id": criterion_id, "met": bool(was_met), "severity": criterion.severity,
                     "weight": criterion.weight, "skill": criterion.skill or (exercise.skill if exercise else "")})
    return rows


def _attempt(course: Course, record: LearningRecord) -> dict[str, Any]:
    score = record.score if record.score is not None else (1.0 if record.success else 0.0)
    attempt: dict[str, Any] = {
        "id": re.sub(r"[^A-Za-z0-9_-]", "", record.statement_id)[:64] or "statement",
        "exercise": record.target,
        "at": record.timestamp,
        "score": max(0.0, min(1.0, float(score))),
        "passed": bool(record.success),
        "answer": (record.response or "")[:50_000],
        "criteria": _criteria(course, record.target, dict(record.criteria)),
    }
    if record.module:
        attempt["module"] = record.module
    return attempt


def bundles_from_records(course: Course, records: Iterable[LearningRecord]) -> tuple[list[CheckedBundle], list[str]]:
    """One checked bundle per learner with answers in ``records``, and warnings for what was left out."""
    answered: dict[str, list[LearningRecord]] = defaultdict(list)
    for record in records:
        if record.verb == "answered" and record.kind == "exercise" and record.learner:
            answered[record.learner].append(record)
    bundles, warnings = [], []
    for learner, mine in sorted(answered.items()):
        document = {
            "format": "listen.results",
            "schema_version": 1,
            "exported": max(record.timestamp for record in mine),
            "course": {"version": course.version},
            "learner": {"name": learner[:40]},
            "attempts": [_attempt(course, record) for record in mine],
        }
        try:
            bundles.append(check_bundle(f"{SOURCE} ({learner})", document, course, strict=False))
        except RejectedFile as refused:
            warnings.append(str(refused))
    return bundles, warnings
