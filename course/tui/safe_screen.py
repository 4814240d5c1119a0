"""What reaches the screen of the app: every text made safe by ``course.safe_text.safe_text``.

The app shows text from outside everywhere (lessons and exercises, the
trainer's assignments and notes, answers in a bundle under review, learner
names), so the rule is applied once, as a Textual line filter on every line
every widget draws, instead of at each of them. Textual's own drawing
(styles, cursor moves) is not text and passes untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from rich.segment import Segment
from textual.app import App
from textual.color import Color
from textual.filter import LineFilter
from textual.notifications import SeverityLevel

from course.safe_text import is_safe, safe_text

__all__ = ["SafeText", "SAFE_TEXT", "SafeScreenApp"]

Result = TypeVar("Result")


class SafeText(LineFilter):
    """A line filter showing control characters, escape sequences and bidi overrides as harmless characters."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The line with each segment's text made safe, as wide as it was laid out."""
        if all(segment.control or is_safe(segment.text) for segment in segments):
            return segments
        width = Segment.get_line_length(segments)
        shown = [
            segment if segment.control or is_safe(segment.text)
            else Segment(safe_text(segment.text), segment.style, segment.control)
            for segment in segments
        ]
        # a control character was laid out zero cells wide and its picture takes one: keep the line's width
        return Segment.adjust_line_length(shown, width)


SAFE_TEXT = SafeText()
"""The one filter (Textual caches filtered lines per filter)."""


class SafeScreenApp(App[Result]):
    """The base of listen's apps (the course, the trainer's review).

    Every line they draw is filtered by ``SAFE_TEXT``, and notifications
    never read markup (none of listen's use it).
    """

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters (colours, dimming), then ``SAFE_TEXT``."""
        return [*super().get_line_filters(), SAFE_TEXT]

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """A notification, shown literally: what it quotes (names, paths, a store's error) may hold ``[brackets]``."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)
