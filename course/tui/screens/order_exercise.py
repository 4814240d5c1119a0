"""Putting steps in order: move the highlighted step up or down, then check."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType

from course.content.answers import Arrangement, starting_order

from .item_exercise import ItemExerciseScreen

__all__ = ["OrderExerciseScreen"]


class OrderExerciseScreen(ItemExerciseScreen):
    """The steps, shuffled; shift+↑ / shift+↓ (or u / d) move the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+up,u", "move(-1)", "Move up", key_display="⇧↑"),
        Binding("shift+down,d", "move(1)", "Move down", key_display="⇧↓"),
    ]

    HOW = "↑/↓ pick a step · shift+↑/↓ (or u/d) move it · ctrl+s check the order"

    def restore(self, draft: str | None) -> None:
        """The order kept in the draft, or the shuffled one."""
        kept = Arrangement.from_recorded(self.exercise, draft).order if draft else None
        self.order: list[int] = list(kept) if kept else starting_order(self.exercise)
        """Item indexes in the order the learner has them."""

    def answer(self) -> Any:
        """The steps' texts in the learner's order."""
        return [self.exercise.items[index] for index in self.order]

    def fresh(self) -> bool:
        """Still in the shuffled order everyone starts from."""
        return self.order == starting_order(self.exercise)

    def item_count(self) -> int:
        """Every step."""
        return len(self.order)

    def item_prompt(self, index: int) -> RenderableType:
        """``3.  The step's text`` (wrapped under itself)."""
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=3, no_wrap=True, style="bold")
        grid.add_column(ratio=1)
        grid.add_row(f"{index + 1}.", Text(self.exercise.items[self.order[index]].strip()))
        return grid

    def action_move(self, step: int) -> None:
        """Move the highlighted step up (-1) or down (+1) one place."""
        index = self.highlighted
        if index is None:
            return
        target = index + step
        if not 0 <= target < len(self.order):
            self.app.bell()
            return
        self.order[index], self.order[target] = self.order[target], self.order[index]
        self.show_items(highlight=target)

    def extra_keys(self) -> list[tuple[str, str]]:
        """Moving around the list."""
        return [("↑ / ↓", "Pick a step")]
