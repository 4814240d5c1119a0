"""Follow-ups due now, as review items any part of listen can list: the spaced review, the plain mode, the app."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from course.progress.promises import Promise, moment

from .finding import WORDS_LIMIT
from .scenario import ago_words, days_since

if TYPE_CHECKING:
    from course.progress import ProgressStore

__all__ = ["ReviewItem", "FollowUps", "due_follow_ups", "waiting_promises", "item_title"]

_TITLE_WORDS = 60
"""The most characters of the promise a review item's title quotes."""


@dataclass(frozen=True)
class ReviewItem:
    """One thing to review: here, a customer back about a promise."""

    id: str
    """The exercise to open: ``follow-up.<promise id>``."""
    title: str
    """What to show: ``Priya Shah is back: you promised “I'll ring you on Friday…”``."""
    due: datetime
    """Since when it has been waiting (UTC)."""
    why: str = ""
    """Why it is due, in one line addressed to the learner."""
    exercise_id: str = ""
    """The exercise that opens it: the same as ``id``."""
    kind: str = "follow-up"
    """What sort of item it is, for a list that holds several sorts."""


def _short(words: str, limit: int = _TITLE_WORDS) -> str:
    if len(words) <= limit:
        return words
    cut = words.rfind(" ", 0, limit)
    return words[: cut if cut > limit // 2 else limit].rstrip(" ,;:.") + "…"


def item_title(promise: Promise) -> str:
    """``Priya Shah is back: you promised “I'll ring you on Friday…”``."""
    return f"{promise.customer} is back: you promised “{_short(promise.words[:WORDS_LIMIT])}”"


def waiting_promises(store: ProgressStore, learner: str, now: datetime) -> list[Promise]:
    """The learner's promises whose customer is back now, waiting longest first."""
    return [promise for promise in store.promises(learner) if promise.state(now) == "due"]


def _why(promise: Promise, now: datetime) -> str:
    """``You promised Priya Shah this two days ago, and they are back about it.``"""
    return f"You promised {promise.customer} this {ago_words(days_since(promise, now))}, and they are back about it."


def due_follow_ups(store: ProgressStore, learner: str, now: datetime) -> list[ReviewItem]:
    """The follow-ups due at ``now``, as review items (id, title, due), waiting longest first."""
    never = datetime.min.replace(tzinfo=timezone.utc)  # a row always has its due time; this only types it
    return [ReviewItem(promise.follow_up_id, item_title(promise), moment(promise.due) or never, _why(promise, now),
                       promise.follow_up_id)
            for promise in waiting_promises(store, learner, now)]


class FollowUps:
    """One learner's follow-ups as a source of review items: anything that asks ``review_items(now)``."""

    def __init__(self, store: ProgressStore, learner: str) -> None:
        self.store = store
        """Where the learner's promises are kept."""
        self.learner = learner
        """Whose promises."""

    def review_items(self, now: datetime) -> list[ReviewItem]:
        """The follow-ups due at ``now`` (see ``due_follow_ups``)."""
        return due_follow_ups(self.store, self.learner, now)
