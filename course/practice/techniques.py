"""Which listening techniques each answer was judged on, and the ones a learner is weakest at."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from course.content.model import Course, Criterion, Exercise
from course.grading import AVOID_TECHNIQUES, TECHNIQUES
from course.judging.criteria import criteria_of
from course.progress.records import Attempt

__all__ = [
    "TECHNIQUE_WORDS",
    "WEAK_BELOW",
    "MIN_EVIDENCE",
    "WEAKEST",
    "TechniqueRecord",
    "techniques_judged",
    "exercise_techniques",
    "technique_records",
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


def techniques_judged(exercise: Exercise) -> dict[str, tuple[str, ...]]:
    """``{outcome id: techniques}`` for the criteria of ``exercise`` that judge a technique."""
    found = {}
    for outcome_id, criterion in criteria_of(exercise).items():
        techniques = _techniques_of(criterion)
        if techniques:
            found[outcome_id] = techniques
    return found


def exercise_techniques(course: Course) -> dict[str, frozenset[str]]:
    """Every exercise's techniques, by exercise id (empty for the kinds answered by choosing)."""
    return {
        exercise_id: frozenset(t for techniques in techniques_judged(exercise).values() for t in techniques)
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


def technique_records(
    attempts: Iterable[Attempt], judged: Mapping[str, Mapping[str, tuple[str, ...]]]
) -> dict[str, TechniqueRecord]:
    """Each technique's record over the latest answer to each exercise (as the skill profile counts skills).

    ``judged`` is ``techniques_judged`` of each exercise, by exercise id.
    """
    latest: dict[str, Attempt] = {}
    for attempt in attempts:  # oldest first: the last one seen is the latest
        latest[attempt.exercise_id] = attempt
    totals: dict[str, tuple[int, int]] = {}
    for attempt in latest.values():
        for technique, (met, seen) in judged_in(attempt, judged.get(attempt.exercise_id, {})).items():
            before = totals.get(technique, (0, 0))
            totals[technique] = (before[0] + met, before[1] + seen)
    return {technique: TechniqueRecord(technique, met, seen) for technique, (met, seen) in totals.items()}


def weakest_techniques(records: Mapping[str, TechniqueRecord], *, at_most: int = WEAKEST) -> tuple[str, ...]:
    """The techniques the learner misses most (met in under ``WEAK_BELOW`` of enough answers), weakest first."""
    weak = [r for r in records.values() if r.judged >= MIN_EVIDENCE and r.share < WEAK_BELOW]
    order = {technique: index for index, technique in enumerate(TECHNIQUES)}
    weak.sort(key=lambda r: (r.share, -r.judged, order.get(r.technique, len(order))))
    return tuple(r.technique for r in weak[:at_most])
