"""The one judge: an answer of any kind, as the screen, the command line or the store gives it, judged.

Which function judges which kind is the content's kind registry
(``course.content.kinds``); it names each judge, and this resolves the names
once, on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module
from typing import Any

from course.content.answers import Answer
from course.content.kinds import exercise_kind
from course.content.model import Exercise
from course.conversation import ConversationRun

from .conversation import judge_run
from .judgment import Judgment

__all__ = ["judge", "judge_of", "answer_of_kind"]

Judge = Callable[[Exercise, Any], Judgment]


@cache
def judge_of(kind: str) -> Judge:
    """The function that judges answers of this kind (KeyError for a kind the course does not have)."""
    module_name, _, function = exercise_kind(kind).judge.partition(":")
    judge_function: Judge = getattr(import_module(f"{__package__}.{module_name}"), function)
    return judge_function


def answer_of_kind(exercise: Exercise, answer: Any) -> Answer:
    """The answer as its kind's model: already one, or read back from recorded data or a draft's text."""
    model = exercise_kind(exercise.kind).answer
    return answer if isinstance(answer, model) else model.from_recorded(exercise, answer)


def judge(exercise: Exercise, answer: Any) -> Judgment:
    """Judge an answer to an exercise of any kind.

    ``answer`` is its kind's model (``course.content.answers``), the plain data
    the store keeps (text, option indexes, step texts, ``{line: label}``, line
    numbers, a recorded conversation) or a draft's JSON text of it. For a
    conversation it may also be the ``ConversationRun`` being played: its turns
    are judged as they stand, without playing them again.
    """
    if isinstance(answer, ConversationRun):
        return judge_run(answer)
    return judge_of(exercise.kind)(exercise, answer_of_kind(exercise, answer))
