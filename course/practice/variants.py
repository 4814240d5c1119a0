"""Fresh variants: another exercise on the same skill, with another customer, for a review.

Coming back to the very message answered last week tests memory of that message. The course
usually has another customer who needs the same thing (another late parcel, another worried
parent), and answering them is the review that shows the skill has stuck.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from course.content.model import Course, Exercise

__all__ = ["FRESH_DAYS", "Answered", "customer_of", "course_order", "variants_of", "freshest"]

FRESH_DAYS = 7
"""An exercise answered this many days ago or fewer is one the learner has just done."""


@dataclass(frozen=True)
class Answered:
    """How often and when the learner last answered one exercise."""

    times: int
    last: date


def customer_of(exercise: Exercise) -> str:
    """The customer's name in the exercise, or empty for the kinds with no customer."""
    if exercise.scenario is not None:
        return exercise.scenario.customer.strip().casefold()
    if exercise.conversation is not None:
        return exercise.conversation.customer.strip().casefold()
    return ""


def _family(exercise: Exercise) -> str:
    """The skill an exercise practises; the welcome and the capstone, which name none, keep to their module."""
    return exercise.skill or f"module:{exercise.module_id}"


def _written(exercise: Exercise) -> bool:
    return exercise.is_text or exercise.kind == "conversation"


def course_order(course: Course) -> dict[str, int]:
    """Each exercise's place in the course (lesson order), by id."""
    ids = [exercise_id for lesson in course.lessons() for exercise_id in lesson.exercise_ids]
    ids += [exercise_id for exercise_id in course.exercises if exercise_id not in ids]
    return {exercise_id: index for index, exercise_id in enumerate(ids)}


def variants_of(
    course: Course, exercise: Exercise, techniques: Mapping[str, Collection[str]], order: Mapping[str, int]
) -> tuple[str, ...]:
    """The other exercises that review the same skill as ``exercise``, closest first.

    A variant practises the same skill, is answered the same way (in the learner's own words,
    or by choosing), has another customer, and for an answer in the learner's words shares at
    least one technique; those sharing more come first, then course order.
    """
    own = set(techniques.get(exercise.id, ()))
    customer = customer_of(exercise)
    found: list[tuple[int, int, str]] = []
    for other in course.exercises.values():
        if other.id == exercise.id or _family(other) != _family(exercise) or _written(other) != _written(exercise):
            continue
        if customer and customer_of(other) == customer:
            continue  # the same customer again is the same scenario, not a fresh one
        shared = len(own & set(techniques.get(other.id, ())))
        if own and not shared:
            continue
        found.append((-shared, order.get(other.id, len(order)), other.id))
    return tuple(exercise_id for *_, exercise_id in sorted(found))


def freshest(
    candidates: Sequence[str], answered: Mapping[str, Answered], today: date, taken: Collection[str] = ()
) -> str | None:
    """The candidate to review with: not just done, least answered, in the order given; None if all are taken."""
    best: tuple[bool, int, int] | None = None
    chosen = None
    for rank, exercise_id in enumerate(candidates):
        if exercise_id in taken:
            continue
        record = answered.get(exercise_id)
        recent = record is not None and (today - record.last).days <= FRESH_DAYS
        key = (recent, record.times if record else 0, rank)
        if best is None or key < best:
            best, chosen = key, exercise_id
    return chosen
