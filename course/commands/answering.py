"""Answers typed on the command line: one option per way of answering, read from the kinds' own answer models.

Every kind whose answer is typed as numbers or labels (``course.content.kinds``:
its answer model's ``option``) gets its option on ``listen grade`` and
``listen answer``: ``--pick``, ``--order``, ``--labels``, ``--lines``. A kind
answered in the learner's own words takes text; a conversation is played with
``listen converse``. Whatever does not fit the exercise is one clear line and
exit status 2, after the options, steps or lines have been shown numbered
when the answer is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import click

from ..content.answers import Answer
from ..content.kinds import EXERCISE_KINDS, exercise_kind
from ..content.model import Exercise
from .say import say

if TYPE_CHECKING:
    from ..progress import ProgressStore

__all__ = ["TYPED_ANSWERS", "answer_options", "typed_answer", "kinds_answered_with", "drop_draft", "an"]

TYPED_ANSWERS: tuple[type[Answer], ...] = tuple(dict.fromkeys(
    kind.answer for kind in EXERCISE_KINDS if kind.answer.option
))
"""Every answer model typed with an option of its own, in the registry's order."""


def kinds_answered_with(option: str) -> tuple[str, ...]:
    """The kinds whose answer is typed with this option."""
    return tuple(kind.name for kind in EXERCISE_KINDS if kind.answer.option == option)


def answer_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--pick``, ``--order``, ``--labels``, ``--lines`` (one per typed answer model) to a command."""
    for model in reversed(TYPED_ANSWERS):
        command = click.option(f"--{model.option}", model.option, metavar=model.metavar, default=None,
                               help=model.help)(command)
    return command


def _words(raw: str) -> list[str]:
    """The comma-separated parts of what was typed (``2, 3`` as ``2,3``); none for an empty value."""
    if not raw.strip():
        return []
    parts = [part.strip() for part in raw.split(",")]
    if any(not part for part in parts):
        raise ValueError("an empty place between commas")
    return parts


def _show_numbered(model: type[Answer], exercise: Exercise) -> None:
    """The exercise's prompt and its options, steps or lines, numbered, on standard output."""
    say(exercise.prompt.strip())
    for line in model.numbered(exercise):
        say(f"  {line}")


def typed_answer(exercise: Exercise, typed: Mapping[str, str | None], *, text_given: str = "") -> Answer | None:
    """The answer typed with the option its kind takes; None for a kind answered in words.

    ``typed`` holds every answer option's value (None when not given) and
    ``text_given`` names the way text was given (``--answer``, ``--file``...), if it was.
    A usage error (status 2) when an option does not fit the kind, the kind's own
    option is missing (its options, steps or lines are shown numbered first), or
    its value does not fit the exercise.
    """
    kind = exercise_kind(exercise.kind)
    model = kind.answer
    given = {option: value for option, value in typed.items() if value is not None}
    for option in given:
        if option != model.option:
            for_kinds = " and ".join(kinds_answered_with(option))
            raise click.UsageError(f"--{option} is for {for_kinds} exercises; "
                                   f"'{exercise.id}' is {an(exercise.kind)} exercise{_how(exercise)}")
    if model.played_with:
        raise click.UsageError(f"'{exercise.id}' is {an(exercise.kind)}: play it with listen {model.played_with} "
                               f"{exercise.id}")
    if not model.option:
        return None
    raw = given.get(model.option)
    if raw is not None and text_given:
        raise click.UsageError(f"'{exercise.id}' is {an(exercise.kind)} exercise: answer with --{model.option} "
                               f"alone, not with {text_given} as well")
    if raw is None:
        _show_numbered(model, exercise)
        instead = f", not {text_given}" if text_given else ""
        raise click.UsageError(f"'{exercise.id}' is {an(exercise.kind)} exercise: answer with "
                               f"--{model.option} {model.form(exercise)} (the numbers above){instead}")
    try:
        return model.from_typed(exercise, _words(raw))
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint=f"--{model.option}") from None


def an(word: str) -> str:
    """``a choice``, ``an order``."""
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _how(exercise: Exercise) -> str:
    """How this exercise is answered, after a colon."""
    model = exercise_kind(exercise.kind).answer
    if model.played_with:
        return f": play it with listen {model.played_with} {exercise.id}"
    if model.option:
        return f": answer with --{model.option} {model.form(exercise)}"
    return ": give the answer in your own words (--answer TEXT, a file or standard input)"


def drop_draft(store: ProgressStore, learner: str, exercise: Exercise) -> None:
    """Once an answer is recorded, the half-done one kept for it goes, as in the app (a failure is only said)."""
    from ..progress import StoreError  # on use, as in every command

    try:
        store.draft(learner, exercise.id)  # seen first, as the app's screen saw it: the store drops only drafts seen
        store.clear_draft(learner, exercise.id)
    except StoreError as error:
        say(f"listen: your answer is saved, but the draft kept for it could not be dropped: {error}", err=True)
