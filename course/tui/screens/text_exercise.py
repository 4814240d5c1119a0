"""Answering in one's own words: reply, paraphrase and rewrite exercises."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static, TextArea

from course.tui.editing import EDITING_KEYS
from course.tui.widgets.footer import CourseFooter
from course.tui.widgets.hints import HintPanel
from course.tui.widgets.more_below import MoreBelow
from course.tui.widgets.scenario import ScenarioCard, reflow
from course.tui.widgets.title import TitleBar

from .exercise import ExerciseScreen

__all__ = ["TextExerciseScreen"]


class TextExerciseScreen(ExerciseScreen, inherit_bindings=False):
    """The customer's message, the task, and a box to answer in (kept as a draft while typing)."""

    # Own bindings, not inherited: in the answer box printable keys type, so the footer
    # must offer f1 for help (not ?) and ctrl+g for a hint (h works outside the box).
    BINDINGS: ClassVar[list[BindingType]] = [
        *Screen.BINDINGS,  # tab, shift+tab, copy
        Binding("ctrl+s", "submit", "Submit"),
        Binding("ctrl+g,h", "hint", "Hint"),
        Binding("escape", "back", "Back"),
        Binding("f1,question_mark", "help", "Help"),
    ]

    UNFINISHED = "Nothing to submit"

    def restore(self, draft: str | None) -> None:
        """The half-typed answer, or the answer to retry; a rewrite with nothing kept starts from the reply."""
        self._start = draft or (self.exercise.original.strip() if self.exercise.kind == "rewrite" else "")
        """What the answer box opens with."""

    def answer(self) -> str:
        """The text in the box."""
        return self.query_one("#answer", TextArea).text

    def answer_as_draft(self) -> str:
        """The text in the box, as typed ("" while a rewrite still holds the untouched reply it starts from)."""
        typed = self.answer()
        if self.exercise.kind == "rewrite" and typed.strip() == self.exercise.original.strip():
            return ""
        return typed

    def unfinished(self) -> str:
        """An empty box is not an answer."""
        return "" if self.answer().strip() else "Write your answer first, then press ctrl+s."

    def compose(self) -> ComposeResult:
        """Scenario card and task above, the answer box below."""
        yield TitleBar()
        with VerticalScroll(id="brief"):
            if ScenarioCard.has_content(self.exercise):
                yield ScenarioCard(self.exercise)
            yield Static(reflow(self.exercise.prompt), id="prompt", markup=False)
            yield HintPanel(self.exercise.hints, id="hints")
        yield MoreBelow("brief", keys="tab, then ↓")
        yield TextArea(id="answer", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        yield Static("", id="answer-status", markup=False)
        yield CourseFooter()

    def on_mount(self) -> None:
        """The draft (or the answer to retry) in the box, and typing carries on at its end."""
        answer = self.query_one("#answer", TextArea)
        if self._start:
            answer.load_text(self._start)
            answer.move_cursor(answer.document.end)
        self._show_status(saved=bool(self.kept))
        answer.focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Typing: keep the draft once the learner pauses."""
        event.stop()
        if self.recorded is None:
            self.keep_soon()
            self._show_status(saved=event.text_area.text == self.kept)  # e.g. the draft just restored

    def draft_kept(self) -> None:
        """Say the draft is safe."""
        self._show_status(saved=True)

    def _show_status(self, *, saved: bool) -> None:
        """Word count, and whether the draft is safely kept."""
        words = len(self.answer().split())
        status = f"{words} word{'s' if words != 1 else ''}"
        if saved and words:
            status += " · draft saved"
        self.query_one("#answer-status", Static).update(status)

    def extra_keys(self) -> list[tuple[str, str]]:
        """The answer box's editing keys, and scrolling the brief above it."""
        return [*EDITING_KEYS, ("tab", "Move to the brief above, to scroll it with ↑ / ↓")]
