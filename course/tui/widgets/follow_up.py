"""The dashboard's line for a customer who is back about a promise: who, what was promised, and the key to answer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

if TYPE_CHECKING:
    from course.progress import Promise

__all__ = ["FollowUpLine", "follow_up_text", "FOLLOW_UP_KEY"]

FOLLOW_UP_KEY = "f"
"""The dashboard key that opens the follow-up."""

_LONGEST_WORDS = 90
"""The most characters of the promise quoted on the line."""


def follow_up_text(waiting: Sequence[Promise]) -> Text:
    """``A customer is back: Priya Shah — you promised “I'll ring you on Friday…”  f to answer``."""
    if not waiting:
        return Text("")
    first = waiting[0]
    words = first.words if len(first.words) <= _LONGEST_WORDS else first.words[: _LONGEST_WORDS - 1].rstrip() + "…"
    line = Text("☎ ", style="bold")
    line.append("A customer is back: ", style="bold")
    line.append(first.customer, style="bold")
    line.append(f" — you promised “{words}”")
    line.append(f"  {FOLLOW_UP_KEY} to answer", style="dim")
    if len(waiting) > 1:
        others = len(waiting) - 1
        line.append(f" · {others} more waiting", style="dim")
    return line


class FollowUpLine(Static, can_focus=True):
    """Shown while a customer waits on a promise; enter, a click or the dashboard's key opens the follow-up."""

    DEFAULT_CSS = """
    FollowUpLine { height: auto; padding: 0 1; margin: 1 0 0 0; display: none; }
    FollowUpLine:focus { text-style: reverse; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "open", "Answer", show=False)]

    class Opened(Message):
        """The learner wants to answer the customer who is back."""

        def __init__(self, exercise_id: str) -> None:
            super().__init__()
            self.exercise_id = exercise_id
            """The follow-up exercise to open."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.waiting: list[Promise] = []
        """The promises whose customer is back, waiting longest first."""

    def show(self, waiting: Sequence[Promise]) -> None:
        """Show the customer waiting longest (hidden when nobody waits)."""
        self.waiting = list(waiting)
        self.update(follow_up_text(self.waiting))
        self.display = bool(self.waiting)

    def action_open(self) -> None:
        """Open the follow-up of the customer waiting longest."""
        if self.waiting:
            self.post_message(self.Opened(self.waiting[0].follow_up_id))

    def on_click(self, event: events.Click) -> None:
        """A click opens it too."""
        event.stop()
        self.action_open()
