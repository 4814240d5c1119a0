"""Answering by choosing: one option (choice) or every option that applies (multi)."""

from __future__ import annotations

import json

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.content.answers import Picks, option_order
from course.tui.widgets.footer import CourseFooter
from course.tui.widgets.hints import HintPanel
from course.tui.widgets.marked_list import MarkedOptionList
from course.tui.widgets.more_below import MoreBelow
from course.tui.widgets.scenario import ScenarioCard, reflow
from course.tui.widgets.title import TitleBar

from .exercise import ExerciseScreen

__all__ = ["ChoiceExerciseScreen"]


class ChoiceExerciseScreen(ExerciseScreen):
    """The task and its options; enter (choice) or ctrl+s (multi) checks the answer."""

    UNFINISHED = "Nothing chosen"

    @property
    def many(self) -> bool:
        """Whether several options may be chosen."""
        return self.exercise.kind == "multi"

    def restore(self, draft: str | None) -> None:
        """The options chosen before (on a retry, or marked so far), shown in their fixed order."""
        self.order = option_order(self.exercise)
        """Option indexes in the order they are shown."""
        chosen = Picks.from_recorded(self.exercise, draft or "").chosen
        self._chosen = [index for index in chosen if index in self.order]
        """The options chosen before, marked (multi) or highlighted (choice) when the screen opens."""

    def answer(self) -> list[int]:
        """The options marked (multi) or the one highlighted (choice), as option indexes."""
        if self.many:
            return sorted(self.query_one("#options", MarkedOptionList).selected)
        highlighted = self.query_one("#options", OptionList).highlighted
        return [] if highlighted is None else [self.order[highlighted]]

    def answer_as_draft(self) -> str | None:
        """The options marked so far (multi only: a single pick is one keystroke, so it keeps no draft)."""
        if not self.many:
            return None
        marked = self.answer()
        return json.dumps(marked) if marked else ""

    def unfinished(self) -> str:
        """At least one option must be chosen."""
        if self.answer():
            return ""
        return "Mark at least one option with space first." if self.many else "Pick one option first."

    def compose(self) -> ComposeResult:
        """Scenario card (if any) and task, then the options."""
        yield TitleBar()
        with VerticalScroll(id="brief"):
            if ScenarioCard.has_content(self.exercise):
                yield ScenarioCard(self.exercise)
            yield Static(reflow(self.exercise.prompt), id="prompt", markup=False)
            how = "Mark every option that applies with space, then press ctrl+s." if self.many else (
                "Pick one option and press enter."
            )
            yield Static(how, id="how", markup=False)
            yield HintPanel(self.exercise.hints, id="hints")
        yield MoreBelow("brief", keys="shift+tab, then ↓")
        options = self.exercise.options
        if self.many:
            yield MarkedOptionList([(options[index].text, index) for index in self.order], self._chosen,
                                   id="options")
        else:
            yield OptionList(*(Option(Text(options[index].text), id=str(index)) for index in self.order), id="options")
        yield MoreBelow("options")
        yield CourseFooter()

    def on_mount(self) -> None:
        """The previous choice highlighted (on a retry), focus on the options."""
        options = self.query_one("#options", OptionList)
        options.highlighted = self.order.index(self._chosen[0]) if self._chosen else 0
        options.focus()

    @on(MarkedOptionList.Changed, "#options")
    def _marked(self, event: MarkedOptionList.Changed) -> None:
        """Keep the marks as a draft, so nothing is lost on the way out."""
        event.stop()
        self.save_state()

    @on(OptionList.OptionSelected, "#options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        """Enter on an option of a choice exercise answers it."""
        event.stop()
        if not self.many:
            self.query_one("#options", OptionList).highlighted = event.option_index  # the option picked, exactly
            self.action_submit()

    def extra_keys(self) -> list[tuple[str, str]]:
        """Moving and choosing."""
        if self.many:
            return [("↑ / ↓", "Move between options"), ("space", "Mark or unmark an option")]
        return [("↑ / ↓", "Move between options"), ("⏎", "Choose the highlighted option")]
