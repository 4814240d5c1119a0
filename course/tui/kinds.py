"""Which screen plays each kind of exercise, and which shows the feedback on it.

The kinds are declared once, in ``course.content.kinds`` (their words, answers,
judges...); this table only adds the app's screens, and is checked against
that registry: a screen for a kind the course does not have stops the app at
import, and the test suite fails on a kind without a screen (in a running app
such a kind is simply never listed to the learner).

Each screen is named ``"module:Class"`` so it (and its widgets) is imported only
when a learner first opens such an exercise. An exercise screen (a
``course.tui.screens.exercise.ExerciseScreen``) is built as
``Screen(study, exercise, clock=...)``; a feedback screen as
``Screen(study, exercise, answer, note=...)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from course.content.kinds import KINDS, exercise_kind

__all__ = ["KindScreens", "SCREENS", "playable_kinds", "screen_for_kind", "feedback_for_kind", "kind_word"]


@dataclass(frozen=True)
class KindScreens:
    """The screens of one kind."""

    exercise: str
    """The exercise screen as ``"module:Class"``."""
    feedback: str = "course.tui.screens.feedback:FeedbackScreen"
    """The feedback screen as ``"module:Class"``."""


_SCREENS = "course.tui.screens."
_TEXT = KindScreens(_SCREENS + "text_exercise:TextExerciseScreen")
_CHOICE = KindScreens(_SCREENS + "choice_exercise:ChoiceExerciseScreen")

SCREENS: dict[str, KindScreens] = {
    "choice": _CHOICE,
    "multi": _CHOICE,
    "order": KindScreens(_SCREENS + "order_exercise:OrderExerciseScreen"),
    "classify": KindScreens(_SCREENS + "classify_exercise:ClassifyExerciseScreen"),
    "spot": KindScreens(_SCREENS + "spot_exercise:SpotExerciseScreen"),
    "reply": _TEXT,
    "paraphrase": _TEXT,
    "rewrite": _TEXT,
    "conversation": KindScreens(_SCREENS + "conversation_exercise:ConversationExerciseScreen",
                                _SCREENS + "conversation_feedback:ConversationFeedbackScreen"),
}
"""The screens of every kind the app can play, by kind name."""

_UNKNOWN = sorted(set(SCREENS) - set(KINDS))
if _UNKNOWN:
    raise ValueError(f"screens for kinds course.content.kinds does not declare: {', '.join(_UNKNOWN)}")


def playable_kinds() -> frozenset[str]:
    """The kinds a learner can open in this version."""
    return frozenset(SCREENS)


def kind_word(kind: str) -> str:
    """The kind as the learner reads it in lists (``choose one``, ``put in order``...)."""
    return exercise_kind(kind).word


def _imported(where: str) -> type:
    """The class named ``"module:Class"``."""
    module_name, _, class_name = where.partition(":")
    found: type = getattr(import_module(module_name), class_name)
    return found


def screen_for_kind(kind: str) -> type:
    """The screen class that plays a kind (KeyError if none)."""
    return _imported(SCREENS[kind].exercise)


def feedback_for_kind(kind: str) -> type:
    """The screen class that shows feedback on a kind's answer (KeyError if none)."""
    return _imported(SCREENS[kind].feedback)
