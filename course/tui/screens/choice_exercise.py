"""Answering by choosing: one option (choice) or every option that applies (multi)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from course.content.answers import Picks, option_order
from course.content.model import Exercise
from course.judging import judge
from course.progress import Place
from course.recording import attempt_of
from course.tui.kinds import kind_word
from course.tui.study import Study
from course.tui.widgets.hints import HintKeys, HintPanel
from course.tui.widgets.marked_list import MarkedSelectionList
from course.tui.widgets.scenario import ScenarioCard, reflow
from course.tui.widgets.title import TitleBar

from .base import CourseScreen

__all__ = ["ChoiceExerciseScreen"]


class ChoiceExerciseScreen(HintKeys, CourseScreen):
    """The task and its options; enter (choice) or ctrl+s (multi) checks the answer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Check answer"),
        Binding("h", "hint", "Hint"),
    ]

    def __init__(self, study: Study, exercise: Exercise, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(study)
        self.exercise = exercise
        """The exercise answered."""
        self._clock = clock
        """Where time comes from (tests pass their own)."""
        self._opened = clock()
        """When the learner opened the exercise."""
        self.order = option_order(exercise)
        """Option indexes in the order they are shown."""

    @property
    def many(self) -> bool:
        """Whether several options may be chosen."""
        return self.exercise.kind == "multi"

    @property
    def place(self) -> Place:
        """This exercise."""
        return Place("exercise", self.exercise.id)

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
        chosen = set(Picks.from_recorded(self.exercise, self.study.draft(self.exercise) or "").chosen)
        options = self.exercise.options
        if self.many:
            yield MarkedSelectionList(
                *(Selection(Text(options[index].text), index, index in chosen) for index in self.order),
                id="options",
            )
        else:
            yield OptionList(*(Option(Text(options[index].text), id=str(index)) for index in self.order), id="options")
        yield Footer()

    def on_mount(self) -> None:
        """Titles, the previous choice highlighted (on a retry), focus on the options."""
        self.title = self.exercise.title
        kind = kind_word(self.exercise.kind).capitalize()
        self.sub_title = f"{kind} · {self.study.module_of(self.exercise).title}"
        options = self.query_one("#options", OptionList)
        kept = Picks.from_recorded(self.exercise, self.study.draft(self.exercise) or "")
        chosen = [index for index in kept.chosen if index in self.order]
        options.highlighted = self.order.index(chosen[0]) if chosen else 0
        options.focus()

    @on(SelectionList.SelectedChanged, "#options")
    def _marked(self, event: SelectionList.SelectedChanged) -> None:
        """Keep the marks as a draft, so nothing is lost on the way out."""
        event.stop()
        self.save_state()

    def save_state(self) -> None:
        """Keep the options marked so far (multi only: a single pick is one keystroke)."""
        if self.many and self.is_attached:
            marked = sorted(self.query_one("#options", SelectionList).selected)
            self.study.save_draft(self.exercise, json.dumps(marked) if marked else "")

    @on(OptionList.OptionSelected, "#options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        """Enter on an option of a choice exercise answers it."""
        event.stop()
        if not self.many:
            self._check([self.order[event.option_index]])

    def action_submit(self) -> None:
        """Check the options marked (multi) or the one highlighted (choice)."""
        options = self.query_one("#options", OptionList)
        if self.many:
            self._check(sorted(self.query_one("#options", SelectionList).selected))
        elif options.highlighted is not None:
            self._check([self.order[options.highlighted]])

    def _check(self, chosen: list[int]) -> None:
        """Judge, record and show the feedback."""
        if not chosen:
            self.notify("Mark at least one option with space first.", title="Nothing chosen")
            return
        judgment = judge(self.exercise, chosen)
        seconds = round(self._clock() - self._opened, 1)
        if self.study.record(attempt_of(self.exercise, chosen, judgment, seconds=seconds)):
            self.go(Place("feedback", self.exercise.id), "replace", answer=chosen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hint only when the exercise has hints; greyed out once all are shown."""
        if action == "hint":
            return self.hint_state()
        return True

    def extra_keys(self) -> list[tuple[str, str]]:
        """Moving and choosing."""
        if self.many:
            return [("↑ / ↓", "Move between options"), ("space", "Mark or unmark an option")]
        return [("↑ / ↓", "Move between options"), ("⏎", "Choose the highlighted option")]
