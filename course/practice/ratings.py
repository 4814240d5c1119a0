"""How one answer rates as a review, and the one FSRS scheduler every review is planned with."""

from __future__ import annotations

from fsrs import Rating, Scheduler

__all__ = ["HARD_BELOW", "EASY_FROM", "rating_of", "technique_rating", "scheduler", "RATING_WORDS"]

HARD_BELOW = 0.8
"""A pass scoring under this was hard work: it comes back sooner than a plain pass."""

EASY_FROM = 0.95
"""A score from this up (full marks, near enough) was easy: it comes back later."""

RATING_WORDS = {Rating.Again: "missed", Rating.Hard: "passed, just", Rating.Good: "passed", Rating.Easy: "aced"}
"""How each rating reads to a learner."""


def rating_of(score: float, passed: bool) -> Rating:
    """An answer as a review: not passed is Again, a low pass Hard, a pass Good, (near) full marks Easy."""
    if not passed:
        return Rating.Again
    if score >= EASY_FROM:
        return Rating.Easy
    return Rating.Hard if score < HARD_BELOW else Rating.Good


def technique_rating(met: int, judged: int) -> Rating:
    """A technique judged ``judged`` times in one answer, met ``met`` times: all is Good, some Hard, none Again."""
    if met <= 0:
        return Rating.Again
    return Rating.Good if met >= judged else Rating.Hard


def scheduler() -> Scheduler:
    """The scheduler for a course studied day by day.

    No learning steps: FSRS's default steps bring a card back after 1 and 10 minutes, which suits
    flash cards, not a customer's message answered in a reply; here every interval is whole days,
    at least one. No fuzz: the same history always gives the same plan, so the dashboard, the
    command line and the tests agree.
    """
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
