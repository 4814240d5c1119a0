"""Spotting where the agent stopped listening: move through the transcript, mark lines with space."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType

from course.content.answers import Marks

from .item_exercise import ItemExerciseScreen

__all__ = ["SpotExerciseScreen"]


class SpotExerciseScreen(ItemExerciseScreen):
    """The transcript, line by line; space marks or unmarks the highlighted line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "mark", "Mark line", key_display="space"),
    ]

    HOW = "↑/↓ move through the chat · space mark or unmark a line · ctrl+s check your marks"

    def restore(self, draft: str | None) -> None:
        """The marks kept in the draft, or none yet."""
        self.marked: set[int] = set(Marks.from_recorded(self.exercise, draft).lines) if draft else set()
        """1-based numbers of the lines marked."""

    def answer(self) -> Any:
        """The marked line numbers, in order."""
        return sorted(self.marked)

    def unfinished(self) -> str:
        """At least one line must be marked."""
        return "" if self.marked else "Mark at least one line with space first."

    def fresh(self) -> bool:
        """No line marked yet."""
        return not self.marked

    def item_count(self) -> int:
        """Every line of the transcript."""
        return len(self.exercise.transcript)

    def _speaker(self, who: str) -> str:
        """The customer's name when the exercise gives one, else Customer; the agent is Agent."""
        if who.strip().lower() == "customer" and self.exercise.scenario is not None:
            return self.exercise.scenario.customer
        return who.strip().capitalize()

    def item_prompt(self, index: int) -> RenderableType:
        """``⚑ marked   3  Agent     The line's text``."""
        line = self.exercise.transcript[index]
        number = index + 1
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=8, no_wrap=True)
        grid.add_column(width=2, no_wrap=True, justify="right", style="dim")
        grid.add_column(width=10, no_wrap=True)
        grid.add_column(ratio=1)
        flag = Text("⚑ marked", style="bold") if number in self.marked else Text("")
        who = Text(self._speaker(line.who), style="bold" if line.who.strip().lower() == "agent" else "italic")
        grid.add_row(flag, str(number), who, Text(line.text.strip()))
        return grid

    def action_mark(self) -> None:
        """Mark the highlighted line, or unmark it."""
        index = self.highlighted
        if index is None:
            return
        self.marked ^= {index + 1}
        self.show_items()

    def choose(self, index: int) -> None:
        """Enter marks too."""
        self.action_mark()

    def extra_keys(self) -> list[tuple[str, str]]:
        """Moving through the lines."""
        return [("↑ / ↓", "Move through the transcript"), ("⏎", "Mark or unmark, as space does")]
