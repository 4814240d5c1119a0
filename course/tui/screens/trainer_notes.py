"""Every note a trainer has left on the learner's answers, newest first, each with the answer it is about."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.content.kinds import answer_lines
from course.progress import Place
from course.trainer.feedback import NoteOnAnswer, note_key
from course.tui.preferences import notes_read, save_notes_read
from course.tui.widgets.footer import CourseFooter
from course.tui.widgets.more_below import MoreBelow
from course.tui.widgets.title import TitleBar
from course.tui.widgets.trainer_note import note_text

from .base import CourseScreen

__all__ = ["TrainerNotesScreen", "note_view"]


def note_view(item: NoteOnAnswer, *, new: bool = False) -> Group:
    """One note: the exercise and which answer, the course's grade, the trainer's words and grade, the answer."""
    attempt, exercise = item.attempt, item.exercise
    title = exercise.title if exercise is not None else f"{attempt.exercise_id} (no longer in this course)"
    heading = Text(("NEW  " if new else ""), style="bold reverse" if new else "")
    heading.append(title, style="bold")
    heading.append(f" · answer {item.number} of {item.of} · {attempt.at[:10]} · "
                   f"the course's grade: {'passed' if attempt.passed else 'not yet'}, {attempt.score:.0%}", style="dim")
    said = answer_lines(exercise, attempt.answer) if exercise is not None else tuple(str(attempt.answer).splitlines())
    answer = Text("Your answer:\n", style="bold")
    answer.append("\n".join(f"  {line}" for line in said))
    return Group(heading, note_text(item.note), answer, Text(""))


class TrainerNotesScreen(CourseScreen):
    """The trainer's notes, newest first; enter opens that exercise's feedback. Opening this marks them all read."""

    BINDINGS: ClassVar[list[BindingType]] = []

    def compose(self) -> ComposeResult:
        """A line on what this is, then the notes."""
        yield TitleBar()
        yield Static("", id="notes-intro", markup=False)
        yield OptionList(id="notes")
        yield MoreBelow("notes")
        yield CourseFooter()

    def on_mount(self) -> None:
        """Titles, every note (the new ones marked), and remember that they have been seen."""
        self.title = "Your trainer's feedback"
        self.sub_title = self.study.learner
        notes = self.study.trainer_notes()
        data_dir = self.study.store.data_dir
        seen = notes_read(data_dir, self.study.learner)
        listing = self.query_one("#notes", OptionList)
        listing.add_options(
            Option(note_view(item, new=note_key(item.note) not in seen),
                   id=f"{number}:{item.exercise.id}" if item.exercise else None, disabled=item.exercise is None)
            for number, item in enumerate(notes)
        )
        self.query_one("#notes-intro", Static).update(
            f"{len(notes)} note{'s' if len(notes) != 1 else ''} on your answers, newest first. "
            "⏎ opens that exercise's feedback." if notes else "No feedback from a trainer yet.")
        if notes:
            listing.highlighted = 0
        listing.focus()
        save_notes_read(data_dir, self.study.learner, seen | {note_key(item.note) for item in notes})

    @on(OptionList.OptionSelected, "#notes")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.go(Place("feedback", event.option.id.partition(":")[2]))

    def extra_keys(self) -> list[tuple[str, str]]:
        """How to move around the notes."""
        return [("↑ / ↓  ⏎", "Move between the notes; open the exercise's feedback")]
