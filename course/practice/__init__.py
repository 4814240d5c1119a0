"""Spaced review: what a learner should come back to today, planned by FSRS.

Every exercise the learner has answered is a card, and so is each technique they are
weakest at; their answers, replayed oldest first, are the reviews (a miss is Again, a low
pass Hard, a pass Good, full marks Easy). Today's review is the cards due, each opening a
fresh variant where the course has one (another customer, the same skill), up to a daily
goal; a streak counts the days the goal was met, with rest days allowed. Other parts of the
course add items through ``ReviewSource``. The clock is always passed in (``now``).

Nothing here imports Textual or Rich.
"""

from __future__ import annotations

from .items import Reviewable, ReviewItem, ReviewSource
from .learner import learner_review
from .ratings import rating_of
from .streak import REST_DAYS, WINDOW, Streak, streak_of
from .techniques import TECHNIQUE_WORDS
from .today import DEFAULT_GOAL, Scheduled, TodaysReview, days_ago, todays_review
from .words import goal_words, nothing_due_words, short_status, streak_words

__all__ = [
    "DEFAULT_GOAL",
    "REST_DAYS",
    "WINDOW",
    "ReviewItem",
    "Reviewable",
    "ReviewSource",
    "Scheduled",
    "Streak",
    "TodaysReview",
    "TECHNIQUE_WORDS",
    "days_ago",
    "goal_words",
    "nothing_due_words",
    "streak_words",
    "learner_review",
    "rating_of",
    "short_status",
    "streak_of",
    "todays_review",
]
