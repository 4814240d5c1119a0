"""What the app does when the store refuses a save: say so once, keep the typing, ask before it is lost.

Mixed into ``ListenApp``. A refused save (disk full, read-only folder, another
listen holding the file) is told in the store's own words; the text stays on
screen, and closing a screen whose typing could not be saved asks first. A
store error no screen could handle ends the app with a plain message and the
typing printed to the terminal, never a traceback.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.screen import Screen
from textual.widgets import TextArea

from .screens.base import CourseScreen
from .uncaught import EndsPlainly

__all__ = ["KeepingTyping", "REPORT_AGAIN"]

REPORT_AGAIN = 15.0
"""Seconds before the same "not saved" message is shown again."""


def holds_typing(screens: list[Screen[Any]]) -> bool:
    """Whether any of these screens has text typed in a box (what a refused save would lose)."""
    return any(box.text.strip() for screen in screens for box in screen.query(TextArea))


class KeepingTyping(EndsPlainly):
    """Reporting refused saves, and closing screens only once their typing is safe or the learner says so."""

    failed_saves = 0
    """How many saves the store refused (class default; counted per app)."""
    _last_report: tuple[str, float] = ("", 0.0)
    """The last refusal told, and when (its words are repeated in the question before leaving)."""
    _asking_to_leave = False
    """Whether the question before leaving is open: asked again, the answer is yes."""

    def report(self, message: str) -> None:
        """Progress could not be saved: say so, plainly, without stopping the learner."""
        self.failed_saves += 1
        last, self._last_report = self._last_report, (message, time.monotonic())
        if last[0] == message and time.monotonic() - last[1] < REPORT_AGAIN:
            return  # a draft saved at every pause would otherwise pile up the same message
        self.notify(message, title="Not saved", severity="error", timeout=15)

    def leave(self, closing: list[Screen[Any]], then: Callable[[], object], verb: str) -> None:
        """Save the screens about to close, then ``then()``; if typing on them could not be saved, ask first.

        The text stays on screen while the learner decides (the store's message says why it
        was refused); asked again while the question is open, the answer is yes.
        """
        failed = self.failed_saves
        for screen in closing:
            if isinstance(screen, CourseScreen):
                screen.save_state()
        if self.failed_saves == failed or self._asking_to_leave or not holds_typing(closing):
            then()
            return
        from .screens.confirm import ConfirmDialog

        def chosen(choice: str | None) -> None:
            self._asking_to_leave = False
            if choice == "leave":
                then()

        body = (f"{self._last_report[0]}\n\nIf you {verb.lower()} now, what you typed is lost. "
                "Stay to keep it on screen: try again once that is fixed, or copy it somewhere safe.")
        self._asking_to_leave = True
        self.push_screen(ConfirmDialog("Your typing is not saved", body, [("leave", f"{verb} anyway")],
                                       cancel="Stay"), chosen)

    def ended_by(self, error: Exception) -> bool:
        """A store error no screen could handle (a newer listen rewrote the file, the disk failed reading).

        Without this the learner would see a traceback and lose what they typed; instead
        listen ends with the store's own words and prints the typing on screen, to copy
        from the terminal.
        """
        from course.progress import StoreError

        if not isinstance(error, StoreError):
            return False
        from rich.text import Text

        typed = [box.text.strip() for screen in self.screen_stack for box in screen.query(TextArea)]
        message = f"listen: {error}"
        if any(typed):
            message += "\n\nWhat you had typed, in case it was not saved:\n\n" + "\n\n".join(filter(None, typed))
        self.exit(return_code=1, message=Text(message))
        return True
