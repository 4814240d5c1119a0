"""A review card: one exercise or one technique, as FSRS schedules it, on the learner's calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fsrs import Card, Rating

__all__ = ["ReviewCard", "exercise_key", "technique_key"]


def exercise_key(exercise_id: str) -> str:
    """The id of an exercise's card (and of its review item)."""
    return f"exercise:{exercise_id}"


def technique_key(technique: str) -> str:
    """The id of a technique's card (and of its review item)."""
    return f"technique:{technique}"



@dataclass
class ReviewCard:
    """One thing the learner reviews, as FSRS schedules it."""

    key: str
    """``exercise:<id>`` or ``technique:<name>``."""
    card: Card
    """The FSRS card after the last review."""
    rating: Rating
    """How the last review went."""
    due: date
    """The learner's day it is due."""
    last_day: date
    """The learner's day of the last review."""
    score: float
    """The score of the last answer that reviewed it."""
    via: str = ""
    """The exercise whose answer reviewed it last: its own, or a fresh variant's."""
    reviews: int = 1
    """Answers that reviewed it."""
