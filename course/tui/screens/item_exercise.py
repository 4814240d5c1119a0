"""What the exercises answered item by item share: order, classify and spot.

The task above, a list of items below; the learner works on the highlighted
item with keys, and ctrl+s checks the answer, as on every exercise screen.
Every change is kept as a draft at once, so quitting loses nothing.
"""

from __future__ import annotations

import json

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.tui.widgets.footer import CourseFooter
from course.tui.widgets.hints import HintPanel
from course.tui.widgets.item_list import ItemList
from course.tui.widgets.more_below import MoreBelow
from course.tui.widgets.scenario import reflow
from course.tui.widgets.title import TitleBar

from .exercise import ExerciseScreen

__all__ = ["ItemExerciseScreen"]


class ItemExerciseScreen(ExerciseScreen):
    """The task and its items; subclasses say how items look and what the keys do to them."""

    HOW = ""
    """One line telling the learner which keys do what."""

    # --- what each kind provides ------------------------------------------------

    def fresh(self) -> bool:
        """Whether the answer is still as first shown (then there is nothing to keep)."""
        raise NotImplementedError

    def item_count(self) -> int:
        """How many items the list shows."""
        raise NotImplementedError

    def item_prompt(self, index: int) -> RenderableType:
        """How the item at this place in the list looks."""
        raise NotImplementedError

    def legend(self) -> RenderableType | None:
        """Anything worth showing between the task and the list (a key to the labels...)."""
        return None

    # --- the screen -------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The task, how to answer, the hints, then the items."""
        yield TitleBar()
        with VerticalScroll(id="brief"):
            yield Static(reflow(self.exercise.prompt), id="prompt", markup=False)
            yield Static(self.HOW, id="how", markup=False)
            legend = self.legend()
            if legend is not None:
                yield Static(legend, id="legend", markup=False)
            yield HintPanel(self.exercise.hints, id="hints")
        yield MoreBelow("brief", keys="shift+tab, then ↓")
        yield ItemList(*(Option(self.item_prompt(n)) for n in range(self.item_count())), id="items")
        yield MoreBelow("items")
        yield CourseFooter()

    def on_mount(self) -> None:
        """The first item highlighted and the list ready for the keys."""
        items = self.query_one("#items", OptionList)
        items.highlighted = 0
        items.focus()

    @property
    def highlighted(self) -> int | None:
        """The item the keys act on."""
        return self.query_one("#items", OptionList).highlighted

    def show_items(self, highlight: int | None = None) -> None:
        """Redraw every item (after a change), keeping or moving the highlight; keep the draft."""
        items = self.query_one("#items", OptionList)
        keep = items.highlighted if highlight is None else highlight
        for index in range(self.item_count()):
            items.replace_option_prompt_at_index(index, self.item_prompt(index))
        if keep is not None:
            items.highlighted = keep
        self.save_state()

    def answer_as_draft(self) -> str:
        """The answer so far as JSON ("" while it is as first shown)."""
        return "" if self.fresh() else json.dumps(self.answer(), ensure_ascii=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter acts like the kind's main key (subclasses say what it is)."""
        event.stop()
        self.choose(event.option_index)

    def choose(self, index: int) -> None:
        """Enter on an item: nothing, unless the kind gives it a meaning."""
