"""The dashboard's line about a trainer's feedback: how many answers it is on, how many notes are new, the key."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

if TYPE_CHECKING:
    from course.trainer.feedback import NoteOnAnswer

__all__ = ["FeedbackNotice", "notice_text", "NOTES_KEY", "NOTE_MARK"]

NOTES_KEY = "n"
"""The dashboard key that opens every note."""

NOTE_MARK = "✎"
"""Beside a module or an exercise with a trainer's note on one of its answers."""


def notice_text(notes: Sequence[NoteOnAnswer], new: Collection[str]) -> Text:
    """``✎ New feedback from Sam on 2 of your answers (3 notes, 2 new) · n to read · ✎ marks them in the modules``."""
    if not notes:
        return Text("")
    trainers = sorted({item.note.trainer for item in notes if item.note.trainer})
    who = f" from {', '.join(trainers)}" if trainers else " from your trainer"
    answers = len({item.note.attempt_id for item in notes})
    line = Text(f"{NOTE_MARK} ", style="bold")
    line.append(("New feedback" if new else "Feedback") + who, style="bold")
    line.append(f" on {answers} of your answer{'s' if answers != 1 else ''}")
    if new:
        line.append(f" ({len(new)} new)", style="bold")
    line.append(f"  {NOTES_KEY} to read · {NOTE_MARK} marks them in the modules", style="dim")
    return line


class FeedbackNotice(Static, can_focus=True):
    """Shown once a trainer's note has come in; enter, a click or the dashboard's key opens every note."""

    DEFAULT_CSS = """
    FeedbackNotice { height: auto; padding: 0 1; margin: 1 0 0 0; display: none; }
    FeedbackNotice:focus { text-style: reverse; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "open", "Read", show=False)]

    class Opened(Message):
        """The learner wants to read the trainer's notes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.count = 0
        """How many notes there are."""

    def show(self, notes: Sequence[NoteOnAnswer], new: Collection[str]) -> None:
        """Say how much feedback there is and how much is new (hidden when there is none)."""
        self.count = len(notes)
        self.update(notice_text(notes, new))
        self.display = bool(notes)

    def action_open(self) -> None:
        """Open every note."""
        if self.count:
            self.post_message(self.Opened())

    def on_click(self, event: events.Click) -> None:
        """A click opens them too."""
        event.stop()
        self.action_open()
