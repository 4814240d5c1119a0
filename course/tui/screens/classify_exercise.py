"""Labelling each line: feeling, fact or request (or whatever labels the exercise names)."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType

from course.content.answers import Labelling

from .item_exercise import ItemExerciseScreen

__all__ = ["ClassifyExerciseScreen"]

UNLABELLED = "?"
"""Shown in place of a label not yet given."""


class ClassifyExerciseScreen(ItemExerciseScreen):
    """Every line with its label; → / space and ← cycle the highlighted line's label, 1–9 pick one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,space", "cycle(1)", "Next label", key_display="→"),
        Binding("left", "cycle(-1)", "Previous label", key_display="←"),
        *(Binding(str(n), f"label({n - 1})", f"Label {n}", show=False) for n in range(1, 10)),
    ]

    HOW = "↑/↓ pick a line · →/space or ← change its label (or press its number) · ctrl+s check"

    def restore(self, draft: str | None) -> None:
        """The labels kept in the draft, or none yet."""
        given = Labelling.from_recorded(self.exercise, draft).labels if draft else {}
        self.given: list[str | None] = [given.get(item.text) for item in self.exercise.labelled]
        """The label given to each line, in the exercise's order (None: not yet)."""

    def answer(self) -> Any:
        """``{line: label}`` for every line labelled so far."""
        return {item.text: label for item, label in zip(self.exercise.labelled, self.given, strict=False) if label}

    def unfinished(self) -> str:
        """Every line needs a label before the answer is checked."""
        left = sum(label is None for label in self.given)
        if not left:
            return ""
        return f"Give every line a label first: {left} still {'has' if left == 1 else 'have'} none."

    def fresh(self) -> bool:
        """No line labelled yet."""
        return not any(self.given)

    def item_count(self) -> int:
        """Every line."""
        return len(self.given)

    def legend(self) -> RenderableType:
        """``Labels: 1 feeling · 2 fact · 3 request``."""
        legend = Text("Labels: ", style="bold")
        for number, label in enumerate(self.exercise.labels, start=1):
            legend.append(" · " if number > 1 else "")
            legend.append(f"{number} ", style="bold")
            legend.append(label)
        return legend

    def item_prompt(self, index: int) -> RenderableType:
        """``[ feeling ]  The line's text``; an unlabelled line shows ``[ ? ]``."""
        longest = max((len(label) for label in self.exercise.labels), default=1)
        label = self.given[index]
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=longest + 5, no_wrap=True)
        grid.add_column(ratio=1)
        tag = Text(f"[ {(label or UNLABELLED):<{longest}} ]", style="bold" if label else "dim")
        grid.add_row(tag, Text(self.exercise.labelled[index].text.strip()))
        return grid

    def _set(self, index: int, label: str) -> None:
        """Give a line its label and redraw."""
        self.given[index] = label
        self.show_items()

    def action_cycle(self, step: int) -> None:
        """The next (or previous) label for the highlighted line."""
        index, labels = self.highlighted, self.exercise.labels
        if index is None or not labels:
            return
        current = self.given[index]
        if current is None:
            self._set(index, labels[0] if step > 0 else labels[-1])
        else:
            self._set(index, labels[(labels.index(current) + step) % len(labels)])

    def action_label(self, number: int) -> None:
        """Give the highlighted line the label with this number (0-based)."""
        index = self.highlighted
        if index is not None and 0 <= number < len(self.exercise.labels):
            self._set(index, self.exercise.labels[number])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Number keys only for the labels there are."""
        if action == "label":
            return bool(parameters) and isinstance(parameters[0], int) and parameters[0] < len(self.exercise.labels)
        return super().check_action(action, parameters)

    def choose(self, index: int) -> None:
        """Enter gives the next label too."""
        self.action_cycle(1)

    def extra_keys(self) -> list[tuple[str, str]]:
        """Moving, and the number keys."""
        count = len(self.exercise.labels)
        return [("↑ / ↓", "Pick a line"), (f"1 … {count}" if count > 1 else "1", "Give the label with that number")]
