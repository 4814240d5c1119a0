"""Today's review: the items due, up to the daily goal, each with why it is due; the goal and the streak."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from fsrs import Rating

from course.content.model import Course
from course.progress.records import Attempt
from course.progress.trainer_work import TrainerNote

from .cards import ReviewCard, exercise_key
from .history import Answer, History, moment_of, replay
from .items import ReviewItem, ReviewSource, item_from_source
from .offers import Catalogue, by_urgency, offers
from .ratings import scheduler
from .streak import Streak, streak_of
from .techniques import TECHNIQUE_WORDS, TechniqueRecord, exercise_techniques, techniques_judged
from .variants import course_order, variants_of

__all__ = ["DEFAULT_GOAL", "TodaysReview", "Scheduled", "todays_review", "days_ago"]

DEFAULT_GOAL = 3
"""Review answers a day, unless the learner sets their own."""


@dataclass(frozen=True)
class Scheduled:
    """One card and when it comes back: what the review is planning, item by item."""

    id: str
    title: str
    due: date
    rating: str
    """How its last review went, in words (``missed``, ``passed``...)."""


@dataclass(frozen=True)
class TodaysReview:
    """What to review today, and how the learner's review habit stands."""

    day: date
    """The learner's today."""
    goal: int
    """Review answers a day."""
    done: int
    """Answers today that reviewed something due."""
    items: tuple[ReviewItem, ...]
    """What is left to do for today's goal, most urgent first."""
    waiting: int
    """Items also due beyond what is left of the goal (all of those due, once it is met)."""
    streak: Streak
    """Days in a row with the goal met, rest days allowed."""
    goal_met: bool
    """Whether today's goal is met (the goal, or everything that was due)."""
    next_due: date | None
    """The first day after today something comes back, if anything does."""
    schedule: tuple[Scheduled, ...] = ()
    """Every card, soonest due first."""


def days_ago(then: date, today: date) -> str:
    """``today``, ``yesterday`` or ``3 days ago``."""
    days = (today - then).days
    return "today" if days <= 0 else "yesterday" if days == 1 else f"{days} days ago"


_DONE = {Rating.Again: "missed", Rating.Hard: "only just passed", Rating.Good: "passed", Rating.Easy: "aced"}
_AGAIN = {Rating.Again: "for another go", Rating.Hard: "to make it sure", Rating.Good: "before it fades",
          Rating.Easy: "before it fades"}


def _answers(attempts: Iterable[Attempt], notes: Iterable[TrainerNote], now: datetime) -> list[Answer]:
    """The attempts up to ``now``, oldest first, each graded as the trainer graded it where they did."""
    overrides = {note.attempt_id: note for note in notes if note.overrides}
    answers = []
    for attempt in attempts:
        moment = moment_of(attempt.at)
        if moment is None or moment > now:  # a clock that ran ahead: not yet, as far as today knows
            continue
        score, passed = attempt.score, attempt.passed
        note = overrides.get(attempt.id)
        if note is not None:
            score = score if note.score is None else note.score
            passed = passed if note.passed is None else note.passed
        answers.append(Answer(attempt, moment, score, passed))
    answers.sort(key=lambda answer: answer.moment)  # stable: answers in the same instant keep their order
    return answers


def todays_review(
    course: Course,
    attempts: Sequence[Attempt],
    *,
    now: datetime,
    goal: int = DEFAULT_GOAL,
    sources: Iterable[ReviewSource] = (),
    notes: Iterable[TrainerNote] = (),
) -> TodaysReview:
    """Today's review for a learner with these attempts (and the trainer's notes on them), as of ``now``.

    ``now`` must carry a time zone: the learner's days begin at their own midnight. ``sources``
    add items of their own (see ``items.ReviewSource``).
    """
    if now.tzinfo is None:
        raise ValueError("now needs a time zone: the learner's days start at their own midnight")
    if goal < 1:
        raise ValueError(f"the daily goal is at least 1 answer, not {goal}")
    zone, today = now.tzinfo, now.date()
    answers = _answers(attempts, notes, now)
    # The course-wide harm checks judge every written answer: every written review practises them,
    # and the exercises that come back for the answers they failed say so; they get no card of their own.
    judged = {exercise_id: techniques_judged(exercise, inherited=False)
              for exercise_id, exercise in course.exercises.items()}
    catalogue = _catalogue(course, {answer.attempt.exercise_id for answer in answers})
    history = replay(answers, today=today, zone=zone, goal=goal, judged=judged, catalogue=catalogue)

    urgent = by_urgency(history.live(), today, zone, scheduler())
    ours = [_item(course, card, target, now, history.records)
            for card, target in offers(urgent, catalogue, history.answered, today)]
    theirs = [item_from_source(found, zone) for source in sources for found in source.review_items(now)]
    due = sorted((item for item in theirs if item.due <= today), key=lambda item: (item.due, item.id))
    # by day due; on the same day a source's items (a customer waiting on a promise) first
    merged = sorted(due + ours, key=lambda item: (item.due, item.kind in ("exercise", "technique")))
    goal_met = history.days.get(today) == "met"
    left = 0 if goal_met else max(goal - history.done_today, 0)
    later = [card.due for card in history.live() if card.due > today]
    later += [item.due for item in theirs if item.due > today]
    return TodaysReview(
        day=today,
        goal=goal,
        done=history.done_today,
        items=tuple(merged[:left]),
        waiting=max(0, len(merged) - left),
        streak=streak_of(history.days, today),
        goal_met=goal_met,
        next_due=min(later, default=None),
        schedule=_schedule(course, history, zone),
    )


def _catalogue(course: Course, answered: Iterable[str]) -> Catalogue:
    """What the course offers this learner's review: variants of what they answered, and who practises what."""
    practising = exercise_techniques(course)
    order = course_order(course)
    variants = {exercise_id: variants_of(course, course.exercises[exercise_id], practising, order)
                for exercise_id in answered if exercise_id in course.exercises}
    return Catalogue(variants=variants, practising=practising, order=order)


def _item(course: Course, card: ReviewCard, target: str, now: datetime,
          records: Mapping[str, TechniqueRecord]) -> ReviewItem:
    """The item for a card due, opening ``target``."""
    kind, _, name = card.key.partition(":")
    return ReviewItem(id=card.key, title=course.exercises[target].title, due=card.due,
                      why=_why(course, card, name, target, now.date(), records), exercise_id=target, kind=kind)


def _why(course: Course, card: ReviewCard, name: str, target: str, today: date,
         records: Mapping[str, TechniqueRecord]) -> str:
    """Why a card is due, in one line addressed to the learner."""
    if card.key == exercise_key(name):
        done = _DONE[card.rating] + (f" at {card.score:.0%}" if card.rating == Rating.Hard else "")
        when = days_ago(card.last_day, today)
        if target != card.via:
            answered = course.exercises[card.via].title if card.via in course.exercises else name
            return f"you {done} “{answered}” {when}: the same skill, another customer"
        return f"you {done} this {when}: back {_AGAIN[card.rating]}"
    record = records.get(name, TechniqueRecord(name, 0, 0))
    return f"practise {TECHNIQUE_WORDS.get(name, name)}: you met it {record.met} of {record.judged} times lately"


def _schedule(course: Course, history: History, zone: tzinfo | None) -> tuple[Scheduled, ...]:
    """Every card and the day it comes back, soonest first."""
    rows = []
    for card in history.live():
        kind, _, name = card.key.partition(":")
        if kind == "exercise":
            title = course.exercises[name].title if name in course.exercises else name
        else:
            title = TECHNIQUE_WORDS.get(name, name)
        rows.append(Scheduled(card.key, title, card.due, _DONE[card.rating]))
    return tuple(sorted(rows, key=lambda row: (row.due, row.id)))
