"""Judging a choice (one option) or a multi (every option that applies): an option is right or it is not."""

from __future__ import annotations

import re

from course.content.answers import Picks, option_order
from course.content.model import Exercise

from .judgment import Judgment, Point
from .skills import skill_of

__all__ = ["judge_choice"]

_SINGLE = {
    (True, True): ("✓ right", "your choice"),
    (True, False): ("✗ wrong", "your choice"),
    (False, True): ("✓ best", "the answer"),
    (False, False): ("·", ""),
}
"""Mark and tag of an option in a choice, by (chosen, correct)."""

_MANY = {
    (True, True): ("✓ right", "chosen"),
    (True, False): ("✗ wrong", "chosen"),
    (False, True): ("✗ missed", "it applies"),
    (False, False): ("✓ right", "left out"),
}
"""Mark and tag of an option in a multi, by (chosen, correct)."""


_AGREEING = re.compile(r"^\s*(?:yes|right|correct|exactly|good|true)\b[.,!:;—–-]*\s*", re.IGNORECASE)
"""The word an option's feedback opens with when it was written for a learner who chose it rightly."""


def _as_missed(feedback: str) -> str:
    """A correct option's feedback for a learner who left it out: never opening with "Right." or "Yes."."""
    rest = _AGREEING.sub("", feedback, count=1)
    if rest == feedback or not rest:
        return feedback
    return f"This one applies: {rest[:1].upper()}{rest[1:]}"


def judge_choice(exercise: Exercise, answer: Picks) -> Judgment:
    """Judge the options chosen: every option is judged, chosen or not, in the order they are shown.

    A multi scores the share of options judged right (chosen when correct, left
    when not); either kind passes only when every option is judged right.
    """
    chosen = set(answer.chosen)
    single = exercise.kind == "choice"
    skill = skill_of(exercise)
    points = []
    for index in option_order(exercise):
        option = exercise.options[index]
        picked = index in chosen
        mark, label = (_SINGLE if single else _MANY)[(picked, option.correct)]
        # One point per option, so a report can count which wrong option people pick.
        feedback = option.feedback
        if option.correct and not picked and not single:
            feedback = _as_missed(feedback)
        points.append(Point(f"option-{index + 1}", picked == option.correct, mark, label, feedback,
                            heading=option.text, skill=skill))
    judged = sum(point.met for point in points)
    passed = judged == len(points) and bool(points)
    if single:
        score = 1.0 if passed else 0.0  # one pick: the score is simply whether it was the right one
        summary = "Your choice is the best one here." if passed else "Your choice is not the best one here."
    else:
        score = judged / len(points) if points else 0.0
        summary = f"You judged {judged} of {len(points)} options right; all of them must be right to pass."
    return Judgment(exercise.id, exercise.kind, passed, score, 1.0, tuple(points), summary)
