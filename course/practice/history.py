"""The learner's answers replayed through FSRS, oldest first: a card per exercise and per weak technique.

Every answer to an exercise reviews that exercise's card, rated from how it went
(``ratings.rating_of``), and the cards of the weak techniques it was judged on. An answer to a
fresh variant of an exercise that was due reviews that exercise's card too: that is what the
review offered. Replaying the same answers always gives the same cards, so nothing about the
plan needs to be stored.

Days are the learner's own (the time zone of ``now``); the replay also says, for every day
since the first answer, whether the daily goal was met (see ``streak``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from itertools import count

from fsrs import Card, Rating, Scheduler

from course.progress.records import Attempt

from .ratings import rating_of, scheduler, technique_rating
from .streak import DayKind
from .techniques import judged_in
from .variants import Answered

__all__ = ["ReviewCard", "History", "Answer", "replay", "moment_of", "exercise_key", "technique_key"]


def exercise_key(exercise_id: str) -> str:
    """The id of an exercise's card (and of its review item)."""
    return f"exercise:{exercise_id}"


def technique_key(technique: str) -> str:
    """The id of a technique's card (and of its review item)."""
    return f"technique:{technique}"


def moment_of(text: str) -> datetime | None:
    """The moment a stored ISO-8601 time names, in UTC; None if it is not one with a zone."""
    try:
        moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except (TypeError, ValueError):
        return None
    return moment.astimezone(timezone.utc) if moment.tzinfo is not None else None


@dataclass
class ReviewCard:
    """One thing the learner reviews, as FSRS schedules it."""

    key: str
    """``exercise:<id>`` or ``technique:<name>``."""
    card: Card
    """The FSRS card after the last review."""
    rating: Rating
    """How the last review went."""
    last_day: date
    """The learner's day of the last review."""
    score: float
    """The score of the last answer that reviewed it."""
    via: str = ""
    """The exercise whose answer reviewed it last: its own, or a fresh variant's."""
    reviews: int = 1
    """Answers that reviewed it."""

    def due_day(self, zone: tzinfo | None) -> date:
        """The learner's day it is due."""
        return self.card.due.astimezone(zone).date()


@dataclass(frozen=True)
class Answer:
    """One answer as the replay reads it: the attempt, when, and as the trainer graded it if they did."""

    attempt: Attempt
    moment: datetime
    """When it was given (UTC)."""
    score: float
    passed: bool


@dataclass
class History:
    """Everything the replay found."""

    cards: dict[str, ReviewCard] = field(default_factory=dict)
    """Every card, by key."""
    days: dict[date, DayKind] = field(default_factory=dict)
    """What each day since the first answer was (today only once its goal is met)."""
    done_today: int = 0
    """Answers today that reviewed something due."""
    answered: dict[str, Answered] = field(default_factory=dict)
    """How often and when each exercise was last answered, by id."""


class _Replay:
    """The replay in progress: cards so far, and the day being walked through."""

    def __init__(self, zone: tzinfo | None, goal: int) -> None:
        self.zone = zone
        self.goal = goal
        self.scheduler: Scheduler = scheduler()
        self.history = History()
        self.ids = count(1)  # an FSRS card left to number itself reads the clock and sleeps a millisecond
        self.day: date | None = None
        self.due_at_start = 0
        self.reviewed = 0

    def due(self, key: str, day: date) -> bool:
        card = self.history.cards.get(key)
        return card is not None and card.due_day(self.zone) <= day

    def review(self, key: str, rating: Rating, answer: Answer, day: date) -> None:
        known = self.history.cards.get(key)
        card = known.card if known else Card(card_id=next(self.ids), due=answer.moment)
        card, _ = self.scheduler.review_card(card, rating, answer.moment)
        reviews = known.reviews + 1 if known else 1
        self.history.cards[key] = ReviewCard(key, card, rating, day, answer.score, answer.attempt.exercise_id, reviews)

    def start_day(self, day: date) -> None:
        if self.day is not None:
            self.close_day()
            self.rest_until(day)
        self.day, self.reviewed = day, 0
        self.due_at_start = sum(1 for card in self.history.cards.values() if card.due_day(self.zone) <= day)

    def close_day(self) -> None:
        """What the day just walked through was: the goal met, a rest day, or nothing to do."""
        assert self.day is not None
        day = self.day
        cleared = not any(card.due_day(self.zone) <= day for card in self.history.cards.values())
        if self.reviewed and (self.reviewed >= self.goal or cleared):
            self.history.days[day] = "met"
        else:
            self.history.days[day] = "rest" if self.due_at_start else "free"

    def rest_until(self, day: date) -> None:
        """The days with no answer between the last one walked through and ``day``."""
        assert self.day is not None
        soonest = min((card.due_day(self.zone) for card in self.history.cards.values()), default=None)
        gap = self.day + timedelta(days=1)
        while gap < day:
            self.history.days[gap] = "rest" if soonest is not None and soonest <= gap else "free"
            gap += timedelta(days=1)


def replay(
    answers: Iterable[Answer],
    *,
    today: date,
    zone: tzinfo | None,
    goal: int,
    judged: Mapping[str, Mapping[str, tuple[str, ...]]],
    weak: Iterable[str],
    reviewed_by: Mapping[str, Iterable[str]],
) -> History:
    """The cards and days of these answers (oldest first, none after today).

    ``judged`` is the techniques each exercise's outcomes judge, by exercise id; ``weak`` the
    techniques that get a card; ``reviewed_by`` the exercises each exercise is a fresh variant of.
    """
    weak = frozenset(weak)
    walk = _Replay(zone, goal)
    history = walk.history
    for answer in answers:
        moment, exercise_id = answer.moment, answer.attempt.exercise_id
        day = moment.astimezone(zone).date()
        if day != walk.day:
            walk.start_day(day)
        rating = rating_of(answer.score, answer.passed)
        key = exercise_key(exercise_id)
        was_due = walk.due(key, day)
        walk.review(key, rating, answer, day)
        for other in reviewed_by.get(exercise_id, ()):
            other_key = exercise_key(other)
            if walk.due(other_key, day):  # the fresh variant the review offered for it
                walk.review(other_key, rating, answer, day)
                was_due = True
        for technique, (met, seen) in judged_in(answer.attempt, judged.get(exercise_id, {})).items():
            if technique in weak:
                was_due = walk.due(technique_key(technique), day) or was_due
                walk.review(technique_key(technique), technique_rating(met, seen), answer, day)
        before = history.answered.get(exercise_id)
        history.answered[exercise_id] = Answered((before.times if before else 0) + 1, day)
        walk.reviewed += was_due
    if walk.day is not None:
        if walk.day < today:
            walk.close_day()
            walk.rest_until(today)
        else:
            history.done_today = walk.reviewed
            walk.close_day()
            if history.days[today] != "met":  # today is not over: not yet a rest day
                del history.days[today]
    return history
