"""What the exercises answered item by item share: order, classify and spot.

The task above, a list of items below; the learner works on the highlighted
item with keys, and ctrl+s checks the answer, as on every exercise screen.
Every change is kept as a draft at once, so quitting loses nothing.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any, ClassVar

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from course.content.model import Exercise
from course.judging import judge
from course.progress import Place
from course.recording import attempt_of
from course.tui.kinds import kind_word
from course.tui.study import Study
from course.tui.widgets.hints import HintKeys, HintPanel
from course.tui.widgets.item_list import ItemList
from course.tui.widgets.scenario import reflow
from course.tui.widgets.title import TitleBar

from .base import CourseScreen

__all__ = ["ItemExerciseScreen"]


class ItemExerciseScreen(HintKeys, CourseScreen):
    """The task and its items; subclasses say how items look and what the keys do to them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Check answer"),
        Binding("h", "hint", "Hint"),
    ]

    HOW = ""
    """One line telling the learner which keys do what."""

    def __init__(self, study: Study, exercise: Exercise, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(study)
        self.exercise = exercise
        """The exercise answered."""
        self._clock = clock
        """Where time comes from (tests pass their own)."""
        self._opened = clock()
        """When the learner opened the exercise."""
        self._done = False
        """Set once the answer is recorded: from then on there is no draft to keep."""
        draft = self.study.draft(exercise)
        self.restore(draft)
        self._saved = self._as_draft()
        """The answer as the store last kept it (or as first shown): unchanged, it is not written again."""

    # --- what each kind provides ------------------------------------------------

    def restore(self, draft: str | None) -> None:
        """Take up the kept draft (or start afresh when there is none or it no longer fits)."""
        raise NotImplementedError

    def answer(self) -> Any:
        """The answer as it stands, as plain data (what is recorded and kept as a draft)."""
        raise NotImplementedError

    def unfinished(self) -> str:
        """Why the answer cannot be checked yet ("" when it can)."""
        return ""

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

    @property
    def place(self) -> Place:
        """This exercise (the answer so far lives in the drafts)."""
        return Place("exercise", self.exercise.id)

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
        yield ItemList(*(Option(self.item_prompt(n)) for n in range(self.item_count())), id="items")
        yield Footer()

    def on_mount(self) -> None:
        """Titles; the first item highlighted and the list ready for the keys."""
        self.title = self.exercise.title
        kind = kind_word(self.exercise.kind).capitalize()
        self.sub_title = f"{kind} · {self.study.module_of(self.exercise).title}"
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

    def _as_draft(self) -> str:
        """The answer so far as a draft's text."""
        return json.dumps(self.answer(), ensure_ascii=False)

    def save_state(self) -> None:
        """Keep the answer so far (until it is recorded), if it changed."""
        if self._done:
            return
        text = self._as_draft()
        if text != self._saved and self.study.save_draft(self.exercise, text):
            self._saved = text

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter acts like the kind's main key (subclasses say what it is)."""
        event.stop()
        self.choose(event.option_index)

    def choose(self, index: int) -> None:
        """Enter on an item: nothing, unless the kind gives it a meaning."""

    # --- actions ------------------------------------------------------------------

    def action_submit(self) -> None:
        """Judge, record and show the feedback."""
        problem = self.unfinished()
        if problem:
            self.notify(problem, title="Not yet complete")
            return
        answer = self.answer()
        judgment = judge(self.exercise, answer)
        seconds = round(self._clock() - self._opened, 1)
        if self.study.record(attempt_of(self.exercise, answer, judgment, seconds=seconds)):
            self._done = True
            self.go(Place("feedback", self.exercise.id), "replace", answer=answer)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hint only when the exercise has hints; greyed out once all are shown."""
        if action == "hint":
            return self.hint_state()
        return True
