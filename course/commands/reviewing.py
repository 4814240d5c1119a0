"""``listen review-today``: what to come back to today, the daily goal and the streak."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any

import click

from ..clock import local_now
from ..safe_text import safe_json
from .say import say
from .settings import settings_of

if TYPE_CHECKING:
    from ..content import Course
    from ..practice import ReviewItem, TodaysReview

__all__ = ["COMMANDS"]

MAX_GOAL = 50
"""The most review answers a day the goal may ask for."""


def _how_to_open(course: Course, item: ReviewItem) -> str:
    """The command that answers an item's exercise, or empty when it opens none."""
    exercise = course.exercises.get(item.exercise_id)
    if exercise is None:
        from ..progress.promises import FOLLOW_UP_PREFIX  # a follow-up is answered with listen follow-up

        follow_up = item.exercise_id.removeprefix(FOLLOW_UP_PREFIX)
        return f"listen follow-up {follow_up[:8]}" if follow_up != item.exercise_id and follow_up else ""
    return f"listen {'converse' if exercise.kind == 'conversation' else 'answer'} {exercise.id}"


def _as_json(learner: str, course: Course, review: TodaysReview) -> dict[str, Any]:
    return {
        "learner": learner,
        "day": review.day.isoformat(),
        "goal": review.goal,
        "done": review.done,
        "goal_met": review.goal_met,
        "items": [{**asdict(item), "due": item.due.isoformat(), "command": _how_to_open(course, item)}
                  for item in review.items],
        "waiting": review.waiting,
        "streak": {"days": review.streak.days, "rest_left": review.streak.rest_left},
        "next_due": review.next_due.isoformat() if review.next_due else None,
    }


def _lines(learner: str, course: Course, review: TodaysReview) -> list[str]:
    from ..practice import goal_words, nothing_due_words, streak_words

    lines = [f"Today's review for {learner}, {review.day:%A} {review.day.day} {review.day:%B %Y}", ""]
    for number, item in enumerate(review.items, start=1):
        lines.append(f"{number:>2}. {item.title}")
        if item.why:
            lines.append(f"    {item.why}")
        command = _how_to_open(course, item)
        if command:
            lines.append(f"    answer it: {command}")
    if not review.items:
        lines.append(nothing_due_words(review))
    elif review.waiting:
        lines.append(f"{review.waiting} more due after these.")
    lines += ["", goal_words(review), streak_words(review.streak)]
    return lines


@click.command(name="review-today")
@click.option("--goal", type=click.IntRange(1, MAX_GOAL), default=None, metavar="N",
              help="Review answers to aim for today (default: 3).")
@click.option("--json", "as_json", is_flag=True, help="Print the review as a JSON object.")
@click.option("--learner", default=None, metavar="NAME", help="Whose review (default: the last learner).")
@click.pass_context
def review_today(ctx: click.Context, goal: int | None, as_json: bool, learner: str | None) -> int:
    """Show today's review: what to come back to, why, the daily goal and the streak.

    Exercises you missed or only just passed, and the techniques you miss most,
    come back on the day the FSRS scheduler plans from your answers, where the
    course has one as another customer on the same skill. Nothing is saved: answer
    an item with the command shown under it. Two rest days in any seven keep the
    streak going.
    """
    from ..practice import DEFAULT_GOAL, learner_review

    settings = settings_of(ctx)
    if learner is not None:
        settings = replace(settings, learner=learner)
    course = settings.course()
    store = settings.reading_store(course)
    name = settings.reading_learner(store)
    from ..follow_up import FollowUps

    # tests set the clock; the customers waiting on a promise come back in the review too
    review = learner_review(course, store, name, now=local_now(), goal=goal or DEFAULT_GOAL,
                            sources=(FollowUps(store, name),))
    if as_json:
        say(safe_json(_as_json(name, course, review), indent=2))
    else:
        for line in _lines(name, course, review):
            say(line)
    return 0


COMMANDS = (review_today,)
