"""Choices whose marks show as symbols (✓, ●), so what is chosen never rests on colour alone."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList, RadioButton
from textual.widgets.option_list import Option

__all__ = ["MarkedOptionList", "MarkedRadioButton"]

MARKED, UNMARKED = "✓", " "


class MarkedOptionList(OptionList):
    """Options any number of which may be marked: ``[✓]`` before each marked one, every option wrapped
    to the width it gets (at 80 columns a long option reads in full, on as many lines as it needs).

    Textual's SelectionList draws each option on one line, cut with "…", and shows marks by colour alone;
    this list draws the mark as a symbol, so it survives NO_COLOR. Space (or enter) marks or unmarks the
    highlighted option.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "toggle", "Mark", show=False)]

    class Changed(Message):
        """The marks changed."""

        def __init__(self, marked_list: MarkedOptionList) -> None:
            super().__init__()
            self.marked_list = marked_list
            """The list whose marks changed."""

        @property
        def control(self) -> MarkedOptionList:
            """The list (so ``@on(MarkedOptionList.Changed, "#id")`` finds it)."""
            return self.marked_list

    def __init__(self, choices: Sequence[tuple[str, int]], marked: Iterable[int] = (), *,
                 id: str | None = None) -> None:
        self._texts = {value: text for text, value in choices}
        self._order = [value for _, value in choices]
        self._marked = {value for value in marked if value in self._texts}
        super().__init__(*(Option(self._prompt(value), id=str(value)) for value in self._order), id=id)

    def _prompt(self, value: int) -> Table:
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=3, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(f"[{MARKED if value in self._marked else UNMARKED}]", Text(self._texts[value]))
        return grid

    @property
    def selected(self) -> list[int]:
        """The values of the options marked, in the order shown."""
        return [value for value in self._order if value in self._marked]

    def action_toggle(self) -> None:
        """Mark the highlighted option, or unmark it."""
        index = self.highlighted
        if index is None:
            return
        value = self._order[index]
        self._marked ^= {value}
        self.replace_option_prompt_at_index(index, self._prompt(value))
        self.post_message(self.Changed(self))

    def action_select(self) -> None:
        """Enter marks or unmarks too (it never answers: ctrl+s does)."""
        self.action_toggle()


class MarkedRadioButton(RadioButton):
    """Textual's radio buttons draw ● in every button and colour the chosen one; this one
    draws ● only in the chosen button."""

    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:  # noqa: N802 - the name Textual's ToggleButton reads
        return "●" if self.value else " "
