"""What a day's review holds, and how other parts of the course add to it.

A review item is anything the learner should come back to on a given day: an exercise they
missed or only just passed, a technique they are weakest at, and whatever another source
adds (the promises a learner made to customers, say). A source is any object with a
``review_items(now)`` method yielding objects with an ``id``, a ``title`` and a ``due`` day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Protocol, runtime_checkable

__all__ = ["ReviewItem", "Reviewable", "ReviewSource", "item_from_source", "day_of"]


@dataclass(frozen=True)
class ReviewItem:
    """One thing to review today."""

    id: str
    """Stable across days: ``exercise:<id>``, ``technique:<name>``, or a source's own id."""
    title: str
    """What to do, in a few words: the exercise to answer, or the source's title."""
    due: date
    """The learner's day it fell due (today or earlier)."""
    why: str = ""
    """Why it is due, in one line addressed to the learner."""
    exercise_id: str = ""
    """The exercise that opens it (a fresh variant where the course has one); empty when there is none."""
    kind: str = "exercise"
    """``exercise``, ``technique``, or the word a source gives its items."""


@runtime_checkable
class Reviewable(Protocol):
    """What a source's item must have. ``why``, ``exercise_id`` and ``kind`` are read too when it has them."""

    @property
    def id(self) -> str:
        """Stable across days, and unlike any other source's ids."""

    @property
    def title(self) -> str:
        """What to do, in a few words."""

    @property
    def due(self) -> date:
        """The day it falls due (a ``datetime`` is read in the learner's own time zone)."""


class ReviewSource(Protocol):
    """Anything that adds items to the learner's review."""

    def review_items(self, now: datetime) -> Iterable[Reviewable]:
        """The source's items for this learner as of ``now`` (due or not: the review keeps those due)."""


def day_of(moment: date, zone: tzinfo | None) -> date:
    """The learner's calendar day of a day or a moment (a moment with no zone is taken as theirs)."""
    if isinstance(moment, datetime):
        return moment.astimezone(zone).date() if moment.tzinfo is not None else moment.date()
    return moment


def item_from_source(found: Reviewable, zone: tzinfo | None) -> ReviewItem:
    """A source's item as the review shows it; ValueError if it lacks an id, a title or a due day."""
    ident, title, due = getattr(found, "id", None), getattr(found, "title", None), getattr(found, "due", None)
    if not isinstance(ident, str) or not ident or not isinstance(title, str) or not isinstance(due, date):
        raise ValueError(f"a review item needs an id, a title and a due day, not {found!r}")
    return ReviewItem(
        id=ident,
        title=title,
        due=day_of(due, zone),
        why=str(getattr(found, "why", "") or ""),
        exercise_id=str(getattr(found, "exercise_id", "") or ""),
        kind=str(getattr(found, "kind", "") or "other"),
    )
