"""Lessons and exercises as plain text for the command line: what ``list``, ``show`` and ``answer`` print.

The same words the app shows (the customer's history and message, the task,
the options or steps), with no drawing, so they read in any terminal, in an
editor file as comments, and through a screen reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..content.kinds import exercise_kind

if TYPE_CHECKING:
    from ..content import Exercise, Lesson

__all__ = ["exercise_text", "lesson_text", "commented"]


def exercise_text(exercise: Exercise) -> str:
    """An exercise's title, scenario (history, the customer's message, any transcript or original) and task."""
    parts = [f"{exercise.title}  [{exercise.kind}, {exercise.id}]"]
    scenario = exercise.scenario
    if scenario is not None:
        who = scenario.customer + (f" ({exercise.channel})" if exercise.channel else "")
        if scenario.history.strip():
            parts.append(f"History: {scenario.history.strip()}")
        parts.append(f"{who} wrote:\n" + _indented(scenario.message))
    if exercise.transcript:
        parts.append("\n".join(f"{number}. {line.who}: {line.text.strip()}"
                               for number, line in enumerate(exercise.transcript, start=1)))
    if exercise.original.strip():
        parts.append("The reply to rewrite:\n" + _indented(exercise.original))
    if exercise.conversation is not None:
        parts.append(f"A conversation with {exercise.conversation.customer}: play it with "
                     f"listen converse {exercise.id}")
    task = exercise.prompt.strip()
    numbered = exercise_kind(exercise.kind).answer.numbered(exercise)
    if numbered and not exercise.transcript:
        task += "\n" + "\n".join(f"  {line}" for line in numbered)
    parts.append(f"Your task: {task}")
    return "\n\n".join(parts)


def lesson_text(lesson: Lesson) -> str:
    """A lesson's title, length, objectives and every page, as its Markdown reads."""
    parts = [f"{lesson.title}  [lesson, {lesson.id}, about {lesson.minutes} min]"]
    if lesson.objectives:
        parts.append("You will:\n" + "\n".join(f"  - {objective}" for objective in lesson.objectives))
    for section in lesson.sections:
        parts.append(section.markdown.strip())
    if lesson.exercise_ids:
        parts.append("Exercises: " + ", ".join(lesson.exercise_ids))
    return "\n\n".join(parts)


def commented(text: str) -> str:
    """Every line of ``text`` as a ``#`` comment (blank lines too), for an editor file."""
    return "\n".join(f"# {line}".rstrip() for line in text.splitlines())


def _indented(text: str) -> str:
    return "\n".join(f"  {line}".rstrip() for line in text.strip().splitlines())
