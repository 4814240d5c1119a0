"""Today's review and the customers who are back, as main-menu entries of ``listen --plain``.

Both come from the same core as the app's dashboard: ``Study.todays_review``
(the FSRS review, with the customers waiting on a promise among its items) and
``Study.promises_waiting``. Choosing an item opens its exercise like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from course.practice import goal_words, nothing_due_words, streak_words
from course.progress import Place

from .menu import Choice, choose

if TYPE_CHECKING:
    from .session import PlainSession

__all__ = ["review", "review_detail", "customers_back", "customers_back_detail", "anyone_back"]


def review(session: PlainSession) -> Place | None:
    """Today's review: the items numbered with why each is due, the goal and the streak; one to answer."""
    today = session.todays_review()
    session.say("")
    session.say(f"Today's review · {goal_words(today)} · {streak_words(today.streak)}")
    items = [item for item in today.items if item.exercise_id]
    if not items:
        session.say(nothing_due_words(today))
        return None
    choices = [Choice(f"{item.title}: {item.why}" if item.why else item.title, item.exercise_id) for item in items]
    choices.append(Choice("Back to the main menu", "", "b"))
    picked = choose(session.terminal, "Which one now?", choices)
    return Place("exercise", picked) if picked else None


def review_detail(session: PlainSession) -> str:
    """How many items are left for today's goal."""
    today = session.todays_review()
    left = sum(1 for item in today.items if item.exercise_id)
    return f"{left} to do today" if left else "done for today"


def anyone_back(session: PlainSession) -> bool:
    """Whether a customer is waiting on one of the learner's promises."""
    return bool(session.study.promises_waiting())


def customers_back_detail(session: PlainSession) -> str:
    """How many customers are waiting."""
    count = len(session.study.promises_waiting())
    return f"{count} waiting" if count != 1 else "1 waiting"


def customers_back(session: PlainSession) -> Place | None:
    """The customers back about a promise, longest waiting first; one to answer."""
    waiting = session.study.promises_waiting()
    if not waiting:
        session.say("Nobody is waiting on a promise just now.")
        return None
    choices = [Choice(f"{promise.customer}: you promised “{promise.words}”", promise.follow_up_id)
               for promise in waiting]
    choices.append(Choice("Back to the main menu", "", "b"))
    session.say("")
    picked = choose(session.terminal, "A customer is back about something you promised", choices)
    return Place("exercise", picked) if picked else None
