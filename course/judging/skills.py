"""Which listening skill an exercise's points evidence, when they name none of their own."""

from __future__ import annotations

from course.content.model import SKILLS, Exercise

__all__ = ["skill_of"]


def skill_of(exercise: Exercise) -> str:
    """The exercise's own skill (the loader gives it its module's), else attention."""
    return exercise.skill if exercise.skill in SKILLS else "attention"
