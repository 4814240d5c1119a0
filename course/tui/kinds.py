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
from .review_kinds import review_classify, review_conversation, review_order, review_spot

__all__ = ["ExerciseKind", "EXERCISE_KINDS", "playable_kinds", "screen_for_kind", "feedback_for_kind"]


@dataclass(frozen=True)
class ExerciseKind:
    """How the app plays and judges one kind of exercise."""

    screen: str
    """The exercise screen as ``"module:Class"``, imported on first use."""
    review: Callable[[Exercise, Any], Review]
    """Judges an answer of this kind (a fresh one, or a recorded one again)."""
    word: str
    """The kind as the learner reads it in lists."""
    feedback: str = "course.tui.screens.feedback:FeedbackScreen"
    """The feedback screen as ``"module:Class"``, built as ``Screen(study, exercise, answer, note=...)``."""


_TEXT = "course.tui.screens.text_exercise:TextExerciseScreen"
_CHOICE = "course.tui.screens.choice_exercise:ChoiceExerciseScreen"
_SCREENS = "course.tui.screens."

EXERCISE_KINDS: dict[str, ExerciseKind] = {
    "reply": ExerciseKind(_TEXT, review_text, "reply"),
    "paraphrase": ExerciseKind(_TEXT, review_text, "paraphrase"),
    "rewrite": ExerciseKind(_TEXT, review_text, "rewrite"),
    "choice": ExerciseKind(_CHOICE, review_choice, "choose one"),
    "multi": ExerciseKind(_CHOICE, review_choice, "choose all that apply"),
    "order": ExerciseKind(_SCREENS + "order_exercise:OrderExerciseScreen", review_order, "put in order"),
    "classify": ExerciseKind(_SCREENS + "classify_exercise:ClassifyExerciseScreen", review_classify, "label each line"),
    "spot": ExerciseKind(_SCREENS + "spot_exercise:SpotExerciseScreen", review_spot, "spot the slip"),
    "conversation": ExerciseKind(
        _SCREENS + "conversation_exercise:ConversationExerciseScreen", review_conversation, "conversation",
        feedback=_SCREENS + "conversation_feedback:ConversationFeedbackScreen",
    ),
}
"""Every kind the app can play, by kind name."""


def playable_kinds() -> frozenset[str]:
    """The kinds a learner can open in this version."""
    return frozenset(EXERCISE_KINDS)


def _imported(where: str) -> type:
    """The class named ``"module:Class"``."""
    module_name, _, class_name = where.partition(":")
    return getattr(import_module(module_name), class_name)


def screen_for_kind(kind: str) -> type:
    """The screen class that plays a kind (KeyError if none)."""
    return _imported(EXERCISE_KINDS[kind].screen)


def feedback_for_kind(kind: str) -> type:
    """The screen class that shows feedback on a kind's answer (KeyError if none)."""
    return _imported(EXERCISE_KINDS[kind].feedback)
