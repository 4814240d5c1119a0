"""The dashboard's Continue: one wide, focusable line that opens where the learner left off."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

__all__ = ["ContinueBar"]


class ContinueBar(Static, can_focus=True):
    """Enter, space or a click opens the place it names.

    Lighter than a ``Button`` (whose many styles cost noticeable time at start-up,
    and this is the first thing painted).
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "press", "Open", show=False)]

    class Pressed(Message):
        """The learner asked to continue."""

        def __init__(self, bar: ContinueBar) -> None:
            super().__init__()
            self.bar = bar
            """The bar that was pressed."""

        @property
        def control(self) -> ContinueBar:
            """The bar that was pressed (lets handlers match it by id)."""
            return self.bar

    def action_press(self) -> None:
        """Tell the screen."""
        self.post_message(self.Pressed(self))

    def on_click(self, event: events.Click) -> None:
        """A click is a press."""
        event.stop()
        self.action_press()
