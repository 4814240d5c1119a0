"""Which kinds of exercise the app can open, and with which screen.

Each kind names its screen as ``"module:Class"`` so the screen (and its
widgets) is imported only when a learner first opens such an exercise. An
exercise screen is built as ``Screen(study, exercise)`` and reports answers
through the feedback screen; its kind also says how to judge a recorded answer
again (``review``), which is how feedback reopens exactly after a restart.

A kind missing here is never listed to the learner: adding one is adding a line.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any, Callable

from course.content.model import Exercise

from .review import Review, review_choice, review_text

__all__ = ["ExerciseKind", "EXERCISE_KINDS", "playable_kinds", "screen_for_kind"]


@dataclass(frozen=True)
class ExerciseKind:
    """How the app plays and judges one kind of exercise."""

    screen: str
    """The exercise screen as ``"module:Class"``, imported on first use."""
    review: Callable[[Exercise, Any], Review]
    """Judges an answer of this kind (a fresh one, or a recorded one again)."""
    word: str
    """The kind as the learner reads it in lists."""


_TEXT = "course.tui.screens.text_exercise:TextExerciseScreen"
_CHOICE = "course.tui.screens.choice_exercise:ChoiceExerciseScreen"

EXERCISE_KINDS: dict[str, ExerciseKind] = {
    "reply": ExerciseKind(_TEXT, review_text, "reply"),
    "paraphrase": ExerciseKind(_TEXT, review_text, "paraphrase"),
    "rewrite": ExerciseKind(_TEXT, review_text, "rewrite"),
    "choice": ExerciseKind(_CHOICE, review_choice, "choose one"),
    "multi": ExerciseKind(_CHOICE, review_choice, "choose all that apply"),
}
"""Every kind the app can play, by kind name."""


def playable_kinds() -> frozenset[str]:
    """The kinds a learner can open in this version."""
    return frozenset(EXERCISE_KINDS)


def screen_for_kind(kind: str) -> type:
    """The screen class that plays a kind (KeyError if none)."""
    module_name, _, class_name = EXERCISE_KINDS[kind].screen.partition(":")
    return getattr(import_module(module_name), class_name)
