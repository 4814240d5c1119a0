"""The follow-up exercise: a reply to the customer who came back about a promise, built from the promise itself.

It is an ordinary reply exercise (kind ``reply``), so the app's text screen,
``listen follow-up``, the judge and the store treat it like every other.
Its id is ``follow-up.<promise id>``, which is how its attempts are found.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from course.content.model import CHANNELS, Course, Exercise, Scenario
from course.progress.promises import Promise

from .rubric import follow_up_rubric
from .scenario import customer_message, history_note, task_prompt

__all__ = ["follow_up_exercise", "FOLLOW_UP_VERSION", "HINTS"]

FOLLOW_UP_VERSION = "follow-up-1"
"""Stands in for a content file's hash: the wording may change with the day, the exercise does not."""

HINTS = (
    "What exactly did you promise, and by when?",
    "Did it happen? If so, say what you did and what came of it. If not, say why, and give a new time you can keep.",
    "A fresh promise with no time on it (“I'll get back to you soon”) is the same broken promise again.",
)

_VERBS = {"email": "email", "phone": "ring", "chat": "message", "social": "message", "in-person": "ring"}


def _model_answer(promise: Promise) -> str:
    """An honest update that works for any promise: where it stands, why, and a new step with a time."""
    verb = _VERBS.get(promise.channel, "contact")
    return (f"Hi {promise.customer}, I'm sorry you had to come back to me about this. I told you: “{promise.words}” "
            "I haven't managed it yet, and you deserve a straight answer about why: I'm still waiting on the people "
            f"who can confirm it. I'm chasing them myself this morning, and I'll {verb} you by 2 pm today with where "
            "it stands, whatever the news.")


def _module_for(course: Course | None, promise: Promise) -> str:
    """The module the promise was made in, else the follow-through module, else the first: screens need one."""
    if course is None or not course.modules:
        return ""
    made_in = course.exercises.get(promise.exercise_id)
    if made_in is not None and made_in.module_id:
        return made_in.module_id
    by_skill = [module.id for module in course.modules if module.skill == "follow_through"]
    return by_skill[0] if by_skill else course.modules[0].id


def follow_up_exercise(promise: Promise, now: datetime, course: Course | None = None) -> Exercise:
    """The follow-up to ``promise`` as it reads at ``now`` (the customer's patience depends on the wait)."""
    return Exercise(
        id=promise.follow_up_id,
        kind="reply",
        title=f"{promise.customer} is back about your promise",
        prompt=task_prompt(promise),
        path=Path(promise.follow_up_id),
        channel=promise.channel if promise.channel in CHANNELS else "chat",
        skill="follow_through",
        scenario=Scenario(customer=promise.customer, message=customer_message(promise, now),
                          history=history_note(promise, now)),
        rubric=follow_up_rubric(promise),
        hints=HINTS,
        model_answer=_model_answer(promise),
        module_id=_module_for(course, promise),
        content_hash=FOLLOW_UP_VERSION,
    )
