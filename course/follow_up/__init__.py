"""Follow-through that comes back: the learner's promises to customers, and the customer's return.

When an answer in the learner's own words (a reply, a paraphrase, a rewrite,
a conversation) promises their own next step, "I'll ring you on Friday with
the engineer's slot", the promise is kept in the learner's progress store
with its customer, its channel and the words used, in the same save as the
attempt (``promise_notes``, called by ``course.recording``). A day later by
the course clock the customer comes back in a short follow-up exercise
(``follow_up_exercise``): a reply graded by the same judge as every other,
which passes keeping the promise, updating it honestly or renegotiating it,
and fails ignoring it, blaming, or promising again with nothing to hold on to.
A week after it fell due, a promise nobody followed up stays that way.

For any part of listen that lists things to do (the spaced review, the plain
mode, the app's dashboard), one call says what is due::

    due_follow_ups(store, learner, now) -> list[ReviewItem]

Each ``ReviewItem`` has ``id`` (the exercise to open, ``follow-up.<promise
id>``), ``title`` (``Priya Shah is back: you promised “I'll ring you…”``) and
``due`` (an aware UTC datetime: since when it waits), longest waiting first;
also ``why`` (one line for the learner), ``exercise_id`` (the same as ``id``)
and ``kind`` (``follow-up``). ``FollowUps(store, learner)`` is the same as a
review source: its ``review_items(now)`` gives those items, for a review that
takes its items from several sources (``sources=[FollowUps(store, learner)]``).
Open the item with ``exercise_for(course, store, learner, item.id, now)``,
which gives an ordinary reply ``Exercise``; record its answer with
``course.recording.record_attempt`` like any other, and the promise is
settled in the same save. ``now`` comes from a ``CourseClock``
(``course_now`` unless a test or the app hands in its own).

Nothing here imports Textual or Rich.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .clock import CLOCK_VARIABLE, CourseClock, course_now, moment_from
    from .exercise import follow_up_exercise
    from .finding import promise_in, promised_words
    from .keeping import exercise_for, promise_notes
    from .review import FollowUps, ReviewItem, due_follow_ups, item_title, waiting_promises
    from .rubric import follow_up_rubric

__all__ = [
    "CLOCK_VARIABLE",
    "CourseClock",
    "course_now",
    "moment_from",
    "promised_words",
    "promise_in",
    "follow_up_exercise",
    "follow_up_rubric",
    "exercise_for",
    "promise_notes",
    "ReviewItem",
    "FollowUps",
    "due_follow_ups",
    "waiting_promises",
    "item_title",
]

_HOMES = {
    "CLOCK_VARIABLE": ".clock", "CourseClock": ".clock", "course_now": ".clock", "moment_from": ".clock",
    "follow_up_exercise": ".exercise", "promise_in": ".finding", "promised_words": ".finding",
    "exercise_for": ".keeping", "promise_notes": ".keeping", "follow_up_rubric": ".rubric",
    "ReviewItem": ".review", "FollowUps": ".review", "due_follow_ups": ".review", "item_title": ".review",
    "waiting_promises": ".review",
}
"""Where each public name lives: imported on first use, so reading the clock does not load the grader."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home, __name__), name)
