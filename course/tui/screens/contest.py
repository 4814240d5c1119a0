""""I think this grade is wrong": the learner says why, for their trainer, from any feedback screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from course.progress.trainer_work import MAX_REASON
from course.tui.widgets.footer import QUIT_BINDING, CourseFooter

__all__ = ["ContestDialog"]


class ContestDialog(ModalScreen[str | None]):
    """Asks why the learner thinks the grade is wrong; Send keeps it (the reason), Cancel or escape nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel"), QUIT_BINDING]

    def __init__(self, title: str, send: Callable[[str], Any], reason: str = "") -> None:
        super().__init__()
        self._title = title
        """The exercise, for the heading."""
        self._send = send
        """Keeps the reason; raises ValueError (or a store error) with a plain message if it cannot."""
        self._reason = reason
        """What the learner said before, to change."""

    def compose(self) -> ComposeResult:
        """What happens to it, the reason box, a line for problems, Send and Cancel."""
        with Vertical(classes="dialog"):
            yield Static(f"I think this grade is wrong · {self._title}", classes="dialog-title", markup=False)
            yield Static("Say why, for your trainer: it goes with your results when you export them "
                         "(listen export), and their answer comes back with their feedback.", classes="field-label")
            yield Input(self._reason, id="reason", max_length=MAX_REASON,
                        placeholder="For example: I did name her worry, in my second sentence.")
            yield Static("", id="problem", classes="problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Send to my trainer", id="send", variant="primary")
                yield Button("Cancel", id="cancel")
        yield CourseFooter()

    def on_mount(self) -> None:
        """The reason box has focus."""
        self.query_one("#reason", Input).focus()

    @on(Input.Submitted, "#reason")
    @on(Button.Pressed, "#send")
    def _send_pressed(self, event: Input.Submitted | Button.Pressed) -> None:
        """Keep the reason, or say plainly why not and keep the box open."""
        from course.progress import StoreError

        event.stop()
        reason = self.query_one("#reason", Input).value.strip()
        try:
            self._send(reason)
        except (ValueError, StoreError) as error:
            self.query_one("#problem", Static).update(str(error))
            return
        self.dismiss(reason)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Nothing is sent."""
        self.dismiss(None)
