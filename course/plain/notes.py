"""The trainer's feedback as a main-menu entry of ``listen --plain``: every note with the answer it is about.

The same notes, in the same order, as the app's "Your trainer's feedback"
(``Study.trainer_notes``); reading them here marks them read there too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from course.content.kinds import answer_lines
from course.trainer.feedback import note_key
from course.tui.preferences import notes_read, save_notes_read

if TYPE_CHECKING:
    from course.progress import Place

    from .session import PlainSession

__all__ = ["trainer_notes", "notes_detail", "any_notes"]


def any_notes(session: PlainSession) -> bool:
    """Whether a trainer has written on one of the learner's answers."""
    return bool(session.study.noted_exercises())


def notes_detail(session: PlainSession) -> str:
    """How many notes, and how many are new."""
    notes = session.study.trainer_notes()
    new = {note_key(item.note) for item in notes} - notes_read(session.study.store.data_dir, session.study.learner)
    return f"{len(notes)} note{'s' if len(notes) != 1 else ''}" + (f", {len(new)} new" if new else "")


def trainer_notes(session: PlainSession) -> Place | None:
    """Say every note, newest first, with the course's grade, the trainer's and the answer; back to the menu."""
    study = session.study
    notes = study.trainer_notes()
    seen = notes_read(study.store.data_dir, study.learner)
    session.say("")
    session.say(f"Your trainer's feedback: {len(notes)} note{'s' if len(notes) != 1 else ''}, newest first.")
    for item in notes:
        note, attempt, exercise = item.note, item.attempt, item.exercise
        title = exercise.title if exercise is not None else attempt.exercise_id
        session.say("")
        grade = f"{'passed' if attempt.passed else 'not yet'}, {attempt.score:.0%}"
        session.say(f"{'New: ' if note_key(note) not in seen else ''}{title}, answer {item.number} of {item.of}, "
                    f"{attempt.at[:10]}. The course's grade: {grade}.")
        who = note.trainer or "Your trainer"
        if note.decision == "kept":
            session.say(f"You asked about this grade: {who} looked again and kept it.")
        elif note.overrides:
            changed = [("passed" if note.passed else "not yet")] if note.passed is not None else []
            changed += [f"{note.score:.0%}"] if note.score is not None else []
            session.say(f"{who} changed the grade: {', '.join(changed)}.")
        if note.comment:
            session.say(f"{who} wrote: {note.comment}")
        session.say("Your answer:")
        lines = answer_lines(exercise, attempt.answer) if exercise is not None else (str(attempt.answer),)
        for line in lines:
            session.say(f"    {line}")
    save_notes_read(study.store.data_dir, study.learner, seen | {note_key(item.note) for item in notes})
    return None
