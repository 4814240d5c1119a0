"""The footer every screen of listen shows: compact, so its keys and Quit fit at 80 columns.

The command palette's key is not drawn in it (it took twelve columns the keys
need); every screen's help (?) names ctrl+p instead.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer

__all__ = ["CourseFooter", "QUIT_BINDING"]

QUIT_BINDING = Binding("ctrl+q", "app.quit", "Quit")
"""Quit in the footer of a window over a screen (the app's own ctrl+q, which runs first, does the quitting)."""


class CourseFooter(Footer):
    """Textual's footer, compact and without the command palette's key."""

    def __init__(self, *children: Widget, id: str | None = None) -> None:
        super().__init__(*children, id=id, show_command_palette=False, compact=True)
