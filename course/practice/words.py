"""The review's goal and streak in plain words: the same on the dashboard and on the command line."""

from __future__ import annotations

from .streak import Streak
from .today import TodaysReview

__all__ = ["goal_words", "streak_words", "nothing_due_words", "short_status"]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def goal_words(review: TodaysReview) -> str:
    """``Goal: 1 of 3 done today``, or that it is met."""
    if review.goal_met:
        if review.done >= review.goal:
            return f"Goal met: {review.done} of {review.goal} today"
        return f"Goal met: everything due is done ({review.done} of {review.goal})"
    return f"Goal: {review.done} of {review.goal} done today"


def streak_words(streak: Streak) -> str:
    """``Streak: 4 days, 1 rest day left this week`` or how to start one."""
    if not streak.days:
        return "Streak: meet today's goal to start one"
    rest = _plural(streak.rest_left, "rest day") if streak.rest_left else "no rest days"
    return f"Streak: {_plural(streak.days, 'day')}, {rest} left this week"


def nothing_due_words(review: TodaysReview) -> str:
    """What to say when there is nothing left to review today."""
    if review.goal_met:
        more = f" ({_plural(review.waiting, 'more item')} due if you want them)" if review.waiting else ""
        return f"Today's review is done{more}."
    if review.next_due is None:
        return "Nothing to review yet: answer a few exercises and they come back here."
    due, days = review.next_due, (review.next_due - review.day).days
    when = "tomorrow" if days == 1 else f"in {days} days, on {due:%A} {due.day} {due:%B}"
    return f"Nothing due today. The next review is {when}."


def short_status(review: TodaysReview) -> str:
    """The goal and the streak on one short line: ``1 of 3 done · streak 4 days, 1 rest left``."""
    if review.goal_met:
        goal = "goal met ✓"
    elif review.items:
        goal = f"{review.done} of {review.goal} done"
    else:
        goal = "nothing due today"
    streak = review.streak
    if not streak.days:
        return f"{goal} · no streak yet"
    rest = f"{streak.rest_left} rest{'' if streak.rest_left == 1 else 's'} left" if streak.rest_left else "no rest left"
    return f"{goal} · streak {_plural(streak.days, 'day')}, {rest}"
