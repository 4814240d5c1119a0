"""What the store remembers, as frozen dataclasses, and how each becomes a row in the file."""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any

__all__ = [
    "DECISIONS",
    "LESSON_STATUSES",
    "SCREENS",
    "Learner",
    "LessonState",
    "Place",
    "CriterionOutcome",
    "Attempt",
    "now",
]

DECISIONS = ("kept", "changed")
"""What a trainer decided about a grade the learner contested: the course's grade stands, or theirs replaces it."""

LESSON_STATUSES = ("new", "started", "done")
"""A lesson's status, in the only order it may move."""

SCREENS = ("dashboard", "module", "lesson", "exercise", "feedback")
"""The screens a learner can be on when they leave."""


def now() -> str:
    """The current time as ISO-8601 UTC, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Learner:
    """Someone who studies on this machine."""

    name: str
    """How they are called; unique on this machine, ignoring case."""
    created: str
    """When the profile was made (ISO-8601 UTC)."""
    last_seen: str
    """When they last studied (ISO-8601 UTC)."""


@dataclass(frozen=True)
class LessonState:
    """How far a learner got in one lesson."""

    lesson_id: str
    """The lesson's id."""
    status: str
    """``new`` (never opened), ``started`` or ``done``."""
    page: int = 0
    """The page (section) they were reading, from 0."""
    scroll: float = 0.0
    """Scroll position within that page."""
    updated: str = ""
    """When this changed last (ISO-8601 UTC); empty if never opened."""


@dataclass(frozen=True)
class Place:
    """Where the learner was, so the next start lands exactly there."""

    screen: str
    """One of SCREENS."""
    target: str = ""
    """The module, lesson or exercise id the screen shows."""
    page: int = 0
    """The lesson page, when on a lesson."""
    scroll: float = 0.0
    """Scroll position on that screen."""


@dataclass(frozen=True)
class CriterionOutcome:
    """Whether one rubric criterion was met by an answer."""

    criterion_id: str
    """The criterion's id within its rubric."""
    met: bool
    """True when the answer did what the criterion asks."""
    severity: str
    """``essential``, ``actionable`` or ``informative``."""
    weight: float
    """The criterion's share of the score."""
    skill: str
    """The listening skill it evidences."""


@dataclass(frozen=True)
class Attempt:
    """One submitted answer to an exercise and how it was graded."""

    exercise_id: str
    """The exercise answered."""
    answer: Any
    """The learner's text, or a JSON-able value (list, dict) for choice kinds."""
    score: float
    """Weighted share of criteria met, 0 to 1."""
    passed: bool
    """Whether the answer passed."""
    outcomes: tuple[CriterionOutcome, ...] = ()
    """One per rubric criterion, in rubric order."""
    content_hash: str = ""
    """Which version of the exercise file was answered."""
    seconds: float = 0.0
    """Time spent on the answer."""
    at: str = ""
    """When it was submitted (ISO-8601 UTC); filled in by record_attempt if empty."""
    id: str = ""
    """A uuid4 hex; filled in by record_attempt if empty."""

    @classmethod
    def from_grade(cls, exercise: Any, answer: str, grade: Any, *, seconds: float = 0.0) -> Attempt:
        """The attempt for ``answer`` to ``exercise``, graded as ``grade`` (a course.grading Grade)."""
        outcomes = tuple(
            CriterionOutcome(
                criterion_id=result.criterion.id,
                met=bool(result.met),
                severity=str(getattr(result, "severity", None) or result.criterion.severity),
                weight=float(getattr(result, "weight", None) or result.criterion.weight),
                skill=str(getattr(result, "skill", "") or result.criterion.skill),
            )
            for result in grade.results
        )
        return cls(
            exercise_id=exercise.id,
            answer=answer,
            score=float(grade.score),
            passed=bool(grade.passed),
            outcomes=outcomes,
            content_hash=getattr(exercise, "content_hash", ""),
            seconds=float(seconds),
        )


# One encoder for every row: compact, UTF-8 as is, strict JSON (no NaN).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def completed(attempt: Attempt) -> Attempt:
    """The attempt with its time and id filled in, checked so it can always be saved and read back."""
    if not isinstance(attempt.exercise_id, str) or not attempt.exercise_id.strip():
        raise ValueError("An attempt needs the id of the exercise it answers.")
    score = float(attempt.score)
    if not math.isfinite(score) or not 0.0 <= score <= 1.0:
        raise ValueError(f"An attempt's score must be between 0 and 1, not {attempt.score!r}.")
    answer = list(attempt.answer) if isinstance(attempt.answer, tuple) else attempt.answer
    try:
        _ENCODER.encode(answer)
    except (TypeError, ValueError) as error:
        raise ValueError(f"An attempt's answer must be text or plain data: {error}") from None
    return replace(
        attempt,
        answer=answer,
        score=score,
        passed=bool(attempt.passed),
        seconds=max(0.0, float(attempt.seconds)),
        outcomes=tuple(attempt.outcomes),
        at=attempt.at or now(),
        id=attempt.id or uuid.uuid4().hex,
    )


def attempt_row(learner: str, attempt: Attempt) -> dict[str, Any]:
    """The row stored for a completed attempt.

    Outcomes are kept as one compact JSON string: parsing tens of thousands of
    small objects is what made opening a big store slow, and only the screens
    that show feedback need them.
    """
    outcomes = [[o.criterion_id, o.met, o.severity, o.weight, o.skill] for o in attempt.outcomes]
    return {
        "learner": learner,
        "id": attempt.id,
        "exercise_id": attempt.exercise_id,
        "at": attempt.at,
        "score": attempt.score,
        "passed": attempt.passed,
        "seconds": attempt.seconds,
        "content_hash": attempt.content_hash,
        "answer": attempt.answer,
        "outcomes": _ENCODER.encode(outcomes) if outcomes else "",
    }


def attempt_from_row(row: Mapping[str, Any]) -> Attempt:
    """The Attempt a stored row describes."""
    packed = row.get("outcomes") or ""
    outcomes = tuple(
        CriterionOutcome(str(c), bool(m), str(s), float(w), str(k)) for c, m, s, w, k in json.loads(packed)
    ) if packed else ()
    return Attempt(
        exercise_id=row["exercise_id"],
        answer=row.get("answer", ""),
        score=float(row.get("score", 0.0)),
        passed=bool(row.get("passed", False)),
        outcomes=outcomes,
        content_hash=row.get("content_hash", ""),
        seconds=float(row.get("seconds", 0.0)),
        at=row.get("at", ""),
        id=row.get("id", ""),
    )


def learner_from_row(row: Mapping[str, Any]) -> Learner:
    """The Learner a stored row describes."""
    return Learner(name=row["name"], created=row.get("created", ""), last_seen=row.get("last_seen", ""))


def lesson_state_from_row(row: Mapping[str, Any]) -> LessonState:
    """The LessonState a stored row describes."""
    return LessonState(
        lesson_id=row["lesson_id"],
        status=row.get("status", "new"),
        page=int(row.get("page", 0)),
        scroll=float(row.get("scroll", 0.0)),
        updated=row.get("updated", ""),
    )


def place_from_row(row: Mapping[str, Any]) -> Place:
    """The Place a stored row describes."""
    return Place(
        screen=row.get("screen", "dashboard"),
        target=row.get("target", ""),
        page=int(row.get("page", 0)),
        scroll=float(row.get("scroll", 0.0)),
    )
