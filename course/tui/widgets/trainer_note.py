"""A trainer's note on one of the learner's answers, shown beside it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from course.progress.trainer_work import TrainerNote

__all__ = ["TrainerNoteCard", "note_text"]


def note_text(note: TrainerNote, *, earlier: bool = False) -> Text:
    """``Sam's feedback (passed, 85%)`` and the comment, shown literally; ``earlier``: on an earlier answer."""
    grade = []
    if note.passed is not None:
        grade.append("passed" if note.passed else "not yet")
    if note.score is not None:
        grade.append(f"{note.score:.0%}")
    who = f"{note.trainer}'s feedback" if note.trainer else "Your trainer's feedback"
    text = Text(who + (" on an earlier answer" if earlier else ""), style="bold")
    if note.decision == "kept":
        text.append(" (you asked about this grade: they looked again and kept it)")
    elif grade:
        asked = "you asked about this grade, and " if note.decision == "changed" else ""
        text.append(f" ({asked}your trainer changed the grade: {', '.join(grade)})")
    if note.comment:
        text.append("\n")
        text.append(note.comment)
    return text


class TrainerNoteCard(Static):
    """The note, in a bordered card; hidden when there is none."""

    DEFAULT_CSS = """
    TrainerNoteCard { height: auto; border: round $accent; padding: 0 1; margin: 1 0; }
    TrainerNoteCard.-empty { display: none; }
    """

    def __init__(self, note: TrainerNote | None = None, *, earlier: bool = False, id: str | None = None) -> None:
        super().__init__(note_text(note, earlier=earlier) if note is not None else "", id=id, markup=False,
                         classes="-empty" if note is None else "")

    def show(self, note: TrainerNote | None) -> None:
        """Show this note (None hides the card)."""
        self.set_class(note is None, "-empty")
        self.update(note_text(note) if note is not None else "")
