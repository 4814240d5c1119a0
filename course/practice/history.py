"""The learner's answers replayed through FSRS, oldest first: a card per exercise and per technique.

Every answer to an exercise reviews that exercise's card, rated from how it went
(``ratings.rating_of``), and the card of each technique its own criteria judged. An answer to
a fresh variant of an exercise that was due reviews that exercise's card too (the one the
day's list offered it for, else the most urgent): that is what the review offered. A
technique's card is in the review only while the technique is one of the learner's weakest
(judged on their latest answer to each exercise, as it stood at the time), so the list at any
moment is the one the replay saw then. Replaying the same answers always
gives the same cards, so nothing about the plan needs to be stored.

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

from .cards import ReviewCard, exercise_key, technique_key
from .offers import Catalogue, by_urgency, offers
from .ratings import rating_of, scheduler, technique_rating
from .streak import DayKind
from .techniques import TechniqueRecord, judged_in, weakest_techniques
from .variants import Answered

__all__ = ["History", "Answer", "replay", "moment_of"]


def moment_of(text: str) -> datetime | None:
    """The moment a stored ISO-8601 time names, in UTC; None if it is not one with a zone."""
    try:
        moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except (TypeError, ValueError):
        return None
    return moment.astimezone(timezone.utc) if moment.tzinfo is not None else None


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
    """Every card, by key (a technique's is up to date only while it is among the weakest: see ``live``)."""
    weak: tuple[str, ...] = ()
    """The learner's weakest techniques now, weakest first: the ones whose cards are in the review."""
    records: dict[str, TechniqueRecord] = field(default_factory=dict)
    """Each technique's record over the learner's latest answer to each exercise."""
    days: dict[date, DayKind] = field(default_factory=dict)
    """What each day since the first answer was (today only once its goal is met)."""
    done_today: int = 0
    """Answers today that counted toward the goal (see ``_Replay.count``)."""
    answered: dict[str, Answered] = field(default_factory=dict)
    """How often and when each exercise was last answered, by id."""

    def live(self) -> list[ReviewCard]:
        """The cards in the review: every exercise's, and the weakest techniques'."""
        weak = {technique_key(technique) for technique in self.weak}
        return [card for key, card in self.cards.items() if key in weak or not key.startswith("technique:")]


class _Replay:
    """The replay in progress: cards so far, the learner's record, and the day being walked through."""

    def __init__(self, zone: tzinfo | None, goal: int, catalogue: Catalogue) -> None:
        self.zone = zone
        self.goal = goal
        self.catalogue = catalogue
        self.scheduler: Scheduler = scheduler()
        self.history = History()
        self.ids = count(1)  # an FSRS card left to number itself reads the clock and sleeps a millisecond
        self.latest: dict[str, dict[str, tuple[int, int]]] = {}
        """Per exercise, each technique's (met, judged) in the latest answer."""
        self.day: date | None = None
        self.due_at_start = 0
        self.open: dict[str, int] = {}
        """The cards due when the day began that no answer has counted for yet, by urgency (0 most urgent)."""
        self.offered: dict[str, str] = {}
        """The morning's list: the card each exercise on it opens."""
        self.reviewed = 0
        self.waiting: dict[str, list[tuple[Rating, Answer, date]]] = {}
        """Reviews of technique cards not yet run through FSRS: only the weakest techniques' cards are
        ever looked at, so the others are brought up to date only if they become one of them."""

    def due(self, key: str, day: date) -> bool:
        card = self.history.cards.get(key)
        return card is not None and card.due <= day

    def review(self, key: str, rating: Rating, answer: Answer, day: date) -> None:
        known = self.history.cards.get(key)
        card = known.card if known else Card(card_id=next(self.ids), due=answer.moment)
        card, _ = self.scheduler.review_card(card, rating, answer.moment)
        reviews = known.reviews + 1 if known else 1
        due = card.due.astimezone(self.zone).date()
        self.history.cards[key] = ReviewCard(key, card, rating, due, day, answer.score, answer.attempt.exercise_id,
                                             reviews)

    def review_later(self, key: str, rating: Rating, answer: Answer, day: date) -> None:
        """Review a technique's card, when it is next looked at."""
        self.waiting.setdefault(key, []).append((rating, answer, day))

    def live(self) -> list[ReviewCard]:
        """The cards in the review now, every one up to date."""
        for technique in self.history.weak:
            for rating, answer, day in self.waiting.pop(technique_key(technique), ()):
                self.review(technique_key(technique), rating, answer, day)
        return self.history.live()

    def note_record(self, exercise_id: str, judged: dict[str, tuple[int, int]]) -> None:
        """The answer just given is now the latest to its exercise: the weakest techniques may change."""
        before = self.latest.get(exercise_id, {})
        if not judged and not before:
            return
        self.latest[exercise_id] = judged
        records = self.history.records
        for technique in set(before) | set(judged):
            old, new = before.get(technique, (0, 0)), judged.get(technique, (0, 0))
            record = records.get(technique, TechniqueRecord(technique, 0, 0))
            records[technique] = TechniqueRecord(technique, record.met - old[0] + new[0],
                                                 record.judged - old[1] + new[1])
        self.history.weak = weakest_techniques(records)

    def start_day(self, day: date) -> None:
        """A new day begins with its first answer: the list as it stood before it."""
        if self.day is not None:
            self.close_day()
            self.rest_until(day)
        self.day, self.reviewed = day, 0
        urgent = by_urgency(self.live(), day, self.zone, self.scheduler)
        self.open = {card.key: rank for rank, card in enumerate(urgent)}
        # the list shows at most a goal's worth: beyond it, an answer counts by what it addresses
        listed = offers(urgent, self.catalogue, self.history.answered, day, at_most=self.goal)
        self.offered = {target: card.key for card, target in listed}
        self.due_at_start = len(self.open)

    def stood_in_for(self, exercise_id: str, variant_of: Iterable[str], day: date) -> str | None:
        """The card of the due exercise an answer was a fresh variant for: the one the list offered it for,
        else the most urgent one due. One at most: one answer is one review."""
        listed = self.offered.get(exercise_id)
        due = [key for key in map(exercise_key, variant_of) if self.due(key, day)]
        if listed in due:
            return listed
        return min(due, key=lambda key: (self.open.get(key, len(self.open)), key), default=None)

    def count(self, exercise_id: str, addressed: Iterable[str]) -> None:
        """Count an answer toward the day's goal, once, for a card due this morning that it addresses.

        The card the morning's list offered this exercise for, if still open; else the most urgent
        one open that it addresses. So each answer to an item on the list counts, even when an
        earlier answer reviewed that item's card in passing, and an answer judged on several
        techniques still counts once.
        """
        listed = self.offered.get(exercise_id)
        if listed in self.open:
            claimed: str | None = listed
        else:
            claimed = min((key for key in addressed if key in self.open), key=self.open.__getitem__, default=None)
        if claimed is not None:
            del self.open[claimed]
            self.reviewed += 1

    def close_day(self) -> None:
        """What the day just walked through was: the goal met, a rest day, or nothing to do."""
        assert self.day is not None
        day = self.day
        cleared = not any(card.due <= day for card in self.live())
        if self.reviewed and (self.reviewed >= self.goal or cleared):
            self.history.days[day] = "met"
        else:
            self.history.days[day] = "rest" if self.due_at_start else "free"

    def rest_until(self, day: date) -> None:
        """The days with no answer between the last one walked through and ``day``."""
        assert self.day is not None
        soonest = min((card.due for card in self.live()), default=None)
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
    catalogue: Catalogue,
) -> History:
    """The cards and days of these answers (oldest first, none after today).

    ``judged`` is the techniques each exercise's outcomes judge, by exercise id; ``catalogue``
    what the course offers a review.
    """
    walk = _Replay(zone, goal, catalogue)
    history = walk.history
    for answer in answers:
        moment, exercise_id = answer.moment, answer.attempt.exercise_id
        day = moment.astimezone(zone).date()
        if day != walk.day:
            walk.start_day(day)
        rating = rating_of(answer.score, answer.passed)
        key = exercise_key(exercise_id)
        addressed = [key]
        walk.review(key, rating, answer, day)
        stood_in = walk.stood_in_for(exercise_id, catalogue.reviewed_by.get(exercise_id, ()), day)
        if stood_in is not None:
            walk.review(stood_in, rating, answer, day)
            addressed.append(stood_in)
        techniques = judged_in(answer.attempt, judged.get(exercise_id, {}))
        for technique, (met, seen) in techniques.items():
            walk.review_later(technique_key(technique), technique_rating(met, seen), answer, day)
            addressed.append(technique_key(technique))
        walk.count(exercise_id, addressed)
        walk.note_record(exercise_id, techniques)
        before = history.answered.get(exercise_id)
        history.answered[exercise_id] = Answered((before.times if before else 0) + 1, day)
    if walk.day is not None:
        if walk.day < today:
            walk.close_day()
            walk.rest_until(today)
        else:
            history.done_today = walk.reviewed
            walk.close_day()
            if history.days[today] != "met":  # today is not over: not yet a rest day
                del history.days[today]
    walk.live()
    return history
