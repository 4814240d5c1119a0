"""Who is learning: the first-run name screen and the picker for a shared machine."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from course.progress import StoreError
from course.tui.widgets.footer import CourseFooter

__all__ = ["NameScreen", "LearnerPicker"]

NEW_LEARNER = "+new"
"""Option id of "New learner" in the picker (names cannot start with "+")."""


class NameScreen(Screen[str]):
    """Asks a new learner's name and creates them; dismisses with the name."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Back")]

    def __init__(self, add_learner: Callable[[str], Any], *, first: bool) -> None:
        super().__init__()
        self._add_learner = add_learner
        """Creates the learner; raises ValueError with a plain message if the name will not do."""
        self._first = first
        """First run on this machine (nothing to go back to) or a new learner from the picker."""

    def compose(self) -> ComposeResult:
        """A short welcome, the name box and Start."""
        with Vertical(classes="welcome-box"):
            yield Static("Welcome to listen" if self._first else "New learner", classes="welcome-title")
            yield Static(
                "A short course in listening to customers: read a lesson, then answer "
                "real customer messages and get feedback on what you did well and what you missed.\n\n"
                "Your progress stays on this computer, under your name.",
                classes="welcome-text",
            )
            yield Static("What is your name?", classes="field-label")
            yield Input(placeholder="Your first name is fine", id="name", max_length=60)
            yield Static("", id="problem", classes="problem", markup=False)
            yield Button("Start", id="start", variant="primary")
        yield CourseFooter()

    def on_mount(self) -> None:
        """The name box is ready for typing."""
        self.query_one("#name", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing to go back to on a first run."""
        if action == "cancel":
            return not self._first
        return super().check_action(action, parameters)

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#start")
    def _start(self, event: Input.Submitted | Button.Pressed) -> None:
        """Create the learner, or say plainly why the name will not do."""
        event.stop()
        name = self.query_one("#name", Input).value.strip()
        problem = self.query_one("#problem", Static)
        if not name:
            problem.update("Please type your name: it keeps your progress apart from other people's.")
            return
        try:
            self._add_learner(name)
        except (ValueError, StoreError) as error:  # a store error too: a read-only or full disk is said plainly
            problem.update(str(error))
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        """Back to the picker without adding anyone."""
        self.dismiss("")


class LearnerPicker(Screen[str]):
    """Several people share this machine: pick who is learning, or add someone."""

    def __init__(self, names: list[str], last: str | None, add_learner: Callable[[str], Any]) -> None:
        super().__init__()
        self._names = names
        """Everyone who has learned on this machine."""
        self._last = last
        """Who was here last: highlighted, so enter continues as them."""
        self._add_learner = add_learner

    def compose(self) -> ComposeResult:
        """The names, then New learner."""
        options = []
        for name in self._names:
            prompt = Text(name)
            if name == self._last:
                prompt.append("  (here last time)", style="dim")
            options.append(Option(prompt, id=name))
        options.append(Option(Text("+ New learner"), id=NEW_LEARNER))
        with Vertical(classes="welcome-box"):
            yield Static("Who is learning?", classes="welcome-title")
            yield Static("Pick your name to carry on where you left off.", classes="welcome-text")
            yield OptionList(*options, id="learners")
        yield CourseFooter()

    def on_mount(self) -> None:
        """The last learner is highlighted and the list has focus."""
        learners = self.query_one("#learners", OptionList)
        learners.highlighted = self._names.index(self._last) if self._last in self._names else 0
        learners.focus()

    @on(OptionList.OptionSelected, "#learners")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        """A name was chosen, or New learner."""
        event.stop()
        if event.option.id != NEW_LEARNER:
            self.dismiss(event.option.id)
            return

        def added(name: str | None) -> None:
            if name:
                self.dismiss(name)

        self.app.push_screen(NameScreen(self._add_learner, first=False), added)
