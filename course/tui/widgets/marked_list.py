"""Choices whose marks show as symbols (✓, ●), so what is chosen never rests on colour alone."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

__all__ = ["MarkedSelectionList", "MarkedRadioButton"]

MARKED, UNMARKED = "✓", " "


class MarkedSelectionList(SelectionList[Any]):
    """Textual's SelectionList draws the same X in every box and colours the marked ones;
    under NO_COLOR (or for a learner who cannot tell the colours apart) that shows nothing."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        try:
            selection = self.get_option_at_index(self.scroll_offset[1] + y)
        except OptionDoesNotExist:
            return strip
        if len(segments) >= 3 and segments[1].text == Checkbox.BUTTON_INNER:
            mark = MARKED if selection.value in self.selected else UNMARKED
            segments[1] = Segment(mark, segments[1].style)
            return Strip(segments, strip.cell_length)
        return strip


class MarkedRadioButton(RadioButton):
    """Textual's radio buttons draw ● in every button and colour the chosen one; this one
    draws ● only in the chosen button."""

    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:  # noqa: N802 - the name Textual's ToggleButton reads
        return "●" if self.value else " "
