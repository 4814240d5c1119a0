"""Lessons and exercises as plain text: what ``listen show`` and ``listen answer`` print, and ``listen --plain`` reads.

The same words the app shows (the customer's history and message, the task,
the options or steps), with no drawing, so they read in any terminal, in an
editor file as comments, and through a screen reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .content.kinds import exercise_kind

if TYPE_CHECKING:
    from .content import Exercise, Lesson

__all__ = ["exercise_text", "lesson_heading", "lesson_text", "commented", "reflow", "WRAPPED_LINE"]


def exercise_text(exercise: Exercise, *, played_here: bool = False) -> str:
    """An exercise's title, scenario (history, the customer's message, any transcript or original) and task.

    ``played_here``: it is answered where this is read (``listen --plain``): no command is named
    for a conversation, and the writer's line breaks inside paragraphs are undone (``reflow``) so
    the reader's own width wraps them.
    """
    shape = reflow if played_here else str.strip
    parts = [f"{exercise.title}  [{exercise.kind}, {exercise.id}]"]
    scenario = exercise.scenario
    if scenario is not None:
        who = scenario.customer + (f" ({exercise.channel})" if exercise.channel else "")
        if scenario.history.strip():
            parts.append(f"History: {shape(scenario.history)}")
        parts.append(f"{who} wrote:\n" + _indented(shape(scenario.message)))
    if exercise.transcript:
        parts.append("\n".join(f"{number}. {line.who}: {line.text.strip()}"
                               for number, line in enumerate(exercise.transcript, start=1)))
    if exercise.original.strip():
        parts.append("The reply to rewrite:\n" + _indented(shape(exercise.original)))
    if exercise.conversation is not None:
        how = "" if played_here else f": play it with listen converse {exercise.id}"
        parts.append(f"A conversation with {exercise.conversation.customer}{how}")
    task = shape(exercise.prompt)
    numbered = exercise_kind(exercise.kind).answer.numbered(exercise)
    if numbered and not exercise.transcript:
        task += "\n" + "\n".join(f"  {line}" for line in numbered)
    parts.append(f"Your task: {task}")
    return "\n\n".join(parts)


def lesson_heading(lesson: Lesson) -> str:
    """A lesson's title, length and objectives."""
    parts = [f"{lesson.title}  [lesson, {lesson.id}, about {lesson.minutes} min]"]
    if lesson.objectives:
        parts.append("You will:\n" + "\n".join(f"  - {objective}" for objective in lesson.objectives))
    return "\n\n".join(parts)


def lesson_text(lesson: Lesson) -> str:
    """A lesson's title, length, objectives and every page, as its Markdown reads."""
    parts = [lesson_heading(lesson)]
    for section in lesson.sections:
        parts.append(section.markdown.strip())
    if lesson.exercise_ids:
        parts.append("Exercises: " + ", ".join(lesson.exercise_ids))
    return "\n\n".join(parts)


WRAPPED_LINE = 50
"""A line at least this long, followed by more text, was wrapped by the writer's editor."""


def reflow(text: str) -> str:
    """Undo hard wrapping in a customer's message so it fits any width.

    Paragraphs (blank lines) and short lines (a greeting, a sign-off, a list item)
    stay as written; only long lines that run on into the next are joined.
    """
    paragraphs = []
    for paragraph in text.strip().split("\n\n"):
        lines = paragraph.split("\n")
        joined = [lines[0]]
        for line in lines[1:]:
            runs_on = len(joined[-1]) >= WRAPPED_LINE and line.strip() and not line.lstrip().startswith(("-", "*", "•"))
            if runs_on:
                joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
            else:
                joined.append(line)
        paragraphs.append("\n".join(joined))
    return "\n\n".join(paragraphs)


def commented(text: str) -> str:
    """Every line of ``text`` as a ``#`` comment (blank lines too), for an editor file."""
    return "\n".join(f"# {line}".rstrip() for line in text.splitlines())


def _indented(text: str) -> str:
    return "\n".join(f"  {line}".rstrip() for line in text.strip().splitlines())
