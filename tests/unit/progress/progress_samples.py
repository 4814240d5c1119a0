"""Sample records for the progress tests."""

from __future__ import annotations

from course.progress import Attempt, CriterionOutcome


def an_attempt(
    exercise_id: str = "empathy.late-gift", *, score: float = 0.8, passed: bool = True, answer: object = None
) -> Attempt:
    """A graded reply, as the exercise screen would record it."""
    return Attempt(
        exercise_id=exercise_id,
        answer="I'm sorry the bike is late, Dana; with the party on Saturday that is worrying."
        if answer is None
        else answer,
        score=score,
        passed=passed,
        outcomes=(
            CriterionOutcome("names-feeling", True, "essential", 3.0, "empathy"),
            CriterionOutcome("key-facts", passed, "actionable", 1.0, "attention"),
        ),
        content_hash="3f2a9c",
        seconds=41.5,
    )
