"""Every rubric criterion an exercise's answers are judged on, under the id its outcome is kept as.

A trainer's report names what people miss most, and a bundle from another
machine names criteria by id: both look them up here, so they know exactly
the criteria the judge uses, the course-wide harm checks included.
"""

from __future__ import annotations

from course.content.model import Criterion, Exercise
from course.grading import judged_criteria
from course.grading.grade import PUBLIC_CHANNELS

__all__ = ["criteria_of"]


def criteria_of(exercise: Exercise) -> dict[str, Criterion]:
    """``{outcome id: criterion}``: a text answer's criteria, or each conversation turn's as ``turn.criterion``."""
    if exercise.conversation is not None:
        return {
            f"{turn.id}.{criterion.id}": criterion
            for turn in exercise.conversation.turns.values() if turn.rubric is not None
            for criterion in judged_criteria(turn.rubric)
        }
    if exercise.rubric is None or not exercise.is_text:
        return {}
    judged = judged_criteria(exercise.rubric, rewrite=exercise.kind == "rewrite",
                             public=exercise.channel in PUBLIC_CHANNELS)
    return {criterion.id: criterion for criterion in judged}
