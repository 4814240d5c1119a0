"""A learner's review read from their progress store."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from course.content.model import Course
from course.progress import ProgressStore

from .items import ReviewSource
from .today import DEFAULT_GOAL, TodaysReview, todays_review

__all__ = ["learner_review"]


def learner_review(
    course: Course,
    store: ProgressStore,
    learner: str,
    *,
    now: datetime,
    goal: int = DEFAULT_GOAL,
    sources: Iterable[ReviewSource] = (),
) -> TodaysReview:
    """``learner``'s review as of ``now``, from every answer they gave and the trainer's notes on them."""
    return todays_review(course, store.attempts(learner), now=now, goal=goal, sources=sources,
                         notes=store.trainer_notes(learner))
