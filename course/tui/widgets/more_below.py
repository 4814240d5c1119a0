"""“more below ↓” under a part of the screen that scrolls, while some of it is out of sight below.

At 80×24 a lesson page, a feedback screen or a long list often runs past the
bottom of the window, and a scrollbar alone is easy to miss (a screen reader
never sees one). The cue is one line, shown only while there is more; the
screen's ``pgdn`` (``scroll_more``) scrolls the part the cue is under, and its
footer says so (``MORE_BINDING``).
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

__all__ = ["MoreBelow", "MORE_BINDING", "more_below", "scroll_more"]

MORE_BINDING = Binding("pagedown", "more", "More ↓", key_display="pgdn", priority=True,
                       tooltip="Scroll down: there is more below (pgup scrolls back up)")
"""The screen key that scrolls to what is below; in the footer only while a cue shows. First of all
bindings, so the footer shows it whatever has focus; while no cue shows, pgdn is the focused widget's."""


class MoreBelow(Static):
    """The cue under the widget with id ``target``: shown while that widget can scroll further down."""

    DEFAULT_CSS = """
    MoreBelow { height: 1; width: 100%; padding: 0 2; text-align: right; color: $text-muted; display: none; }
    """

    def __init__(self, target: str, *, keys: str = "", id: str | None = None) -> None:
        super().__init__(f"more below ↓  {keys or 'pgdn'}", id=id, markup=False)
        self.target = target
        """The id of the widget whose content may run past the bottom."""
        self.paged = not keys
        """Whether the screen's pgdn scrolls it (else ``keys`` say how to reach it: from a text box, pgdn
        moves the cursor, and from a list it moves the highlight)."""

    def scrolled(self) -> Widget | None:
        """The widget the cue is about (None once it has gone)."""
        found = self.screen.query(f"#{self.target}")
        return found.first() if found else None

    def on_mount(self) -> None:
        """Follow the widget's scrolling and its content's size."""
        widget = self.scrolled()
        if widget is not None:
            self.watch(widget, "scroll_y", self.check, init=False)
            self.watch(widget, "virtual_size", self.check, init=False)
        self.call_after_refresh(self.check)

    def check(self, *_: Any) -> None:
        """Look again once the screen is laid out (a new page, a new size): the cue shows while there is more below."""
        self.call_after_refresh(self._update)

    def _update(self) -> None:
        """Show the cue while there is more below; the screen's footer follows."""
        if not self.is_attached:
            return
        widget = self.scrolled()
        more = widget is not None and widget.display and widget.max_scroll_y - widget.scroll_y >= 1
        if more != self.display:
            self.display = more
            self.screen.refresh_bindings()


def more_below(screen: Screen[Any]) -> MoreBelow | None:
    """The first cue showing on this screen whose part pgdn scrolls, if any."""
    return next((cue for cue in screen.query(MoreBelow) if cue.display and cue.paged), None)


def scroll_more(screen: Screen[Any]) -> None:
    """Scroll the part under the first cue showing down a page."""
    cue = more_below(screen)
    widget = cue.scrolled() if cue is not None else None
    if widget is not None:
        # A list moves its highlight a page on (as its own pgdn would); anything else scrolls.
        getattr(widget, "action_page_down", widget.scroll_page_down)()
