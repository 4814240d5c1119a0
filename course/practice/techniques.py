"""Which listening techniques each answer was judged on, and the ones a learner is weakest at."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from course.content.model import Course, Criterion, Exercise
from course.grading import AVOID_TECHNIQUES, HARM_PREFIX, TECHNIQUES
from course.judging.criteria import criteria_of
from course.progress.records import Attempt

__all__ = [
    "TECHNIQUE_WORDS",
    "WEAK_BELOW",
    "MIN_EVIDENCE",
    "WEAKEST",
    "TechniqueRecord",
    "techniques_judged",
    "judged_in",
    "exercise_techniques",
    "weakest_techniques",
]

TECHNIQUE_WORDS = {
    "acknowledges_emotion": "naming the customer's feeling",
    "reflects_content": "saying back what the customer said",
    "asks_question": "asking a question",
    "asks_open_question": "asking an open question",
    "summarizes_and_confirms": "summing up and checking",
    "reassures": "reassuring",
    "commits_to_action": "saying what you'll do next, and when",
    "offers_solution": "offering a way forward",
    "uses_jargon": "keeping to plain words",
    "blames_customer": "keeping the blame off the customer",
    "dismisses_feeling": "letting the customer's feeling stand",
    "overpromises": "promising only what you control",
    "unsafe_advice": "keeping the customer safe",
}
"""Each technique as the learner practises it (the ones to avoid, said as what to do instead)."""

WEAK_BELOW = 0.75
"""A technique met in less than this share of the learner's latest answers is weak."""

MIN_EVIDENCE = 2
"""Judged fewer times than this, a technique is not yet called weak: one answer is not a pattern."""

WEAKEST = 3
"""How many of the weakest techniques get a review card."""


def _techniques_of(criterion: Criterion) -> tuple[str, ...]:
    """The techniques a criterion judges: a technique check, or the techniques an ``avoids`` names."""
    if criterion.check in TECHNIQUES and criterion.check not in AVOID_TECHNIQUES:
        return (criterion.check,)
    if criterion.check == "avoids":
        named = (criterion.params or {}).get("techniques") or ()
        named = (named,) if isinstance(named, str) else tuple(str(name) for name in named)
        return tuple(name for name in named if name in AVOID_TECHNIQUES)
    return ()


def _inherited(outcome_id: str) -> bool:
    """Whether an outcome is one of the course-wide harm checks (``harm.no-blame``, ``turn.harm.no-blame``)."""
    return outcome_id.startswith(HARM_PREFIX) or f".{HARM_PREFIX}" in outcome_id


def techniques_judged(exercise: Exercise, *, inherited: bool = True) -> dict[str, tuple[str, ...]]:
    """``{outcome id: techniques}`` for the criteria of ``exercise`` that judge a technique.

    Without ``inherited``, only the exercise's own criteria: the course-wide harm checks judge
    every written answer, so they say nothing about what an exercise in particular practises.
    """
    found = {}
    for outcome_id, criterion in criteria_of(exercise).items():
        techniques = _techniques_of(criterion)
        if techniques and (inherited or not _inherited(outcome_id)):
            found[outcome_id] = techniques
    return found


def exercise_techniques(course: Course) -> dict[str, frozenset[str]]:
    """The techniques each exercise practises (its own criteria), by exercise id; empty for choosing kinds."""
    return {
        exercise_id: frozenset(t for found in techniques_judged(exercise, inherited=False).values() for t in found)
        for exercise_id, exercise in course.exercises.items()
    }


@dataclass(frozen=True)
class TechniqueRecord:
    """How often one technique was met in the learner's latest answer to each exercise."""

    technique: str
    met: int
    """Criteria judging it that were met."""
    judged: int
    """Criteria judging it, in all."""

    @property
    def share(self) -> float:
        """Met out of judged (1.0 when never judged)."""
        return self.met / self.judged if self.judged else 1.0


def judged_in(attempt: Attempt, judged: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[int, int]]:
    """``{technique: (met, judged)}`` in one answer, from its per-criterion outcomes."""
    counts: dict[str, tuple[int, int]] = {}
    for outcome in attempt.outcomes:
        for technique in judged.get(outcome.criterion_id, ()):
            met, seen = counts.get(technique, (0, 0))
            counts[technique] = (met + outcome.met, seen + 1)
    return counts


def weakest_techniques(records: Mapping[str, TechniqueRecord], *, at_most: int = WEAKEST) -> tuple[str, ...]:
    """The techniques the learner misses most (met in under ``WEAK_BELOW`` of enough answers), weakest first."""
    weak = [r for r in records.values() if r.judged >= MIN_EVIDENCE and r.share < WEAK_BELOW]
    order = {technique: index for index, technique in enumerate(TECHNIQUES)}
    weak.sort(key=lambda r: (r.share, -r.judged, order.get(r.technique, len(order))))
    return tuple(r.technique for r in weak[:at_most])
