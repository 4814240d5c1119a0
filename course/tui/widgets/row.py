"""One line of a list (status, title, details on the right), sized to the width it gets.

A hand-made renderable rather than a Rich ``Table``: the dashboard paints its
list at start-up, and laying out a table per line costs several times more.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.text import Text

__all__ = ["ListRow"]


class ListRow:
    """``✓ Title………………  detail  status`` with an optional note on the lines below."""

    def __init__(
        self,
        symbol: str,
        title: Text | str,
        right: list[Text | str],
        *,
        note: str = "",
        indent: int = 2,
    ) -> None:
        self.symbol = symbol
        """The status symbol (✓ ● ○ ◐): meaning that does not rest on colour."""
        self.title = title if isinstance(title, Text) else Text(title)
        """Takes whatever width is left, cut with an ellipsis when narrow."""
        self.right = [item if isinstance(item, Text) else Text(item) for item in right]
        """Cells on the right, each kept whole."""
        self.note = note
        """A dim line (wrapped) under the row, indented under the title."""
        self.indent = indent
        """Columns from the left edge to the title."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        right = Text("  ").join(self.right)
        room = max(width - self.indent - right.cell_len - 2, 8)
        title = self.title.copy()
        title.truncate(room, overflow="ellipsis", pad=True)
        line = Text(self.symbol.ljust(self.indent))
        line.append_text(title)
        line.append("  ")
        line.append_text(right)
        line.no_wrap = True
        line.overflow = "ellipsis"
        yield line
        if self.note:
            yield Padding(Text(self.note, style="dim"), (0, 0, 0, self.indent))
