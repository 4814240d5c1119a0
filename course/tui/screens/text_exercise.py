"""Answering in one's own words: reply, paraphrase and rewrite exercises."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea

from course.content.model import Exercise
from course.judging import judge
from course.progress import Place
from course.recording import attempt_of
from course.tui.kinds import kind_word
from course.tui.study import Study
from course.tui.widgets.hints import HintKeys, HintPanel
from course.tui.widgets.scenario import ScenarioCard, reflow
from course.tui.widgets.title import TitleBar

from .base import CourseScreen

__all__ = ["TextExerciseScreen", "DRAFT_DELAY"]

DRAFT_DELAY = 0.5
"""Seconds after the last keystroke before the draft is saved."""


class TextExerciseScreen(HintKeys, CourseScreen, inherit_bindings=False):
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

    def __init__(self, study: Study, exercise: Exercise, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(study)
        self.exercise = exercise
        """The exercise answered."""
        self._clock = clock
        """Where time comes from (tests pass their own)."""
        self._seconds = 0.0
        """Time spent on this screen before the current stretch."""
        self._since: float | None = None
        """When the current stretch on this screen began."""
        self._draft_timer: Timer | None = None
        self._saved_text = ""
        """The text as last saved, so an unchanged box is not written again."""
        self._done = False
        """Set once the answer is submitted: from then on there is no draft to keep."""

    @property
    def place(self) -> Place:
        """This exercise (the half-typed answer lives in the drafts)."""
        return Place("exercise", self.exercise.id)

    @property
    def seconds(self) -> float:
        """Time spent answering, counting only while this screen is in front."""
        running = self._clock() - self._since if self._since is not None else 0.0
        return self._seconds + running

    def compose(self) -> ComposeResult:
        """Scenario card and task above, the answer box below."""
        yield TitleBar()
        with VerticalScroll(id="brief"):
            if ScenarioCard.has_content(self.exercise):
                yield ScenarioCard(self.exercise)
            yield Static(reflow(self.exercise.prompt), id="prompt", markup=False)
            yield HintPanel(self.exercise.hints, id="hints")
        yield TextArea(id="answer", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        yield Static("", id="answer-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Restore the draft (or the answer to retry) and start typing."""
        self.title = self.exercise.title
        kind = kind_word(self.exercise.kind).capitalize()
        self.sub_title = f"{kind} · {self.study.module_of(self.exercise).title}"
        answer = self.query_one("#answer", TextArea)
        draft = self.study.draft(self.exercise) or ""
        self._saved_text = draft
        start = draft or (self.exercise.original.strip() if self.exercise.kind == "rewrite" else "")
        if start:  # a rewrite with nothing kept starts from the reply to rewrite, not an empty box
            answer.load_text(start)
            answer.move_cursor(answer.document.end)
        self._show_status(saved=bool(draft))
        answer.focus()

    def on_screen_resume(self) -> None:
        """Back in front: the clock runs again."""
        self._since = self._clock()

    def on_screen_suspend(self) -> None:
        """A dialog or another screen in front: keep the draft, pause the clock."""
        if self._since is not None:
            self._seconds += self._clock() - self._since
            self._since = None
        self.save_state()

    def on_unmount(self) -> None:
        """The last chance to keep what was typed (quitting, going back)."""
        self.save_state()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Typing: save the draft once the learner pauses."""
        event.stop()
        if self._done:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if event.text_area.text == self._saved_text:  # e.g. the draft just restored
            self._show_status(saved=True)
            return
        self._draft_timer = self.set_timer(DRAFT_DELAY, self.save_state)
        self._show_status(saved=False)

    def _show_status(self, *, saved: bool) -> None:
        """Word count, and whether the draft is safely kept."""
        words = len(self.query_one("#answer", TextArea).text.split())
        status = f"{words} word{'s' if words != 1 else ''}"
        if saved and words:
            status += " · draft saved"
        self.query_one("#answer-status", Static).update(status)

    def save_state(self) -> None:
        """Keep the half-typed answer (nothing to keep once it is submitted)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if self._done:
            return
        try:
            text = self.query_one("#answer", TextArea).text
        except NoMatches:  # already taken down: everything typed was saved on the way
            return
        if text != self._saved_text and self.study.save_draft(self.exercise, text):
            self._saved_text = text
            if self.is_attached:
                self._show_status(saved=True)

    def extra_keys(self) -> list[tuple[str, str]]:
        """The answer box's editing keys, and scrolling the brief above it."""
        return [
            ("home / end  (ctrl+a / ctrl+e)", "Start / end of the line"),
            ("ctrl+← / ctrl+→", "A word left / right"),
            ("ctrl+w  /  ctrl+k", "Delete the word before / the rest of the line"),
            ("ctrl+u", "Delete to the start of the line"),
            ("shift+arrows", "Select text"),
            ("f7, then backspace", "Select everything, then clear the box to start afresh"),
            ("ctrl+z  /  ctrl+y", "Undo / redo"),
            ("ctrl+x  /  ctrl+v", "Cut / paste the selection"),
            ("tab", "Move to the brief above, to scroll it with ↑ / ↓"),
        ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hint only when the exercise has hints; greyed out once all are shown."""
        if action == "hint":
            return self.hint_state()
        return True

    def action_submit(self) -> None:
        """Grade the answer, record it, and show the feedback."""
        answer = self.query_one("#answer", TextArea).text
        if not answer.strip():
            self.notify("Write your answer first, then press ctrl+s.", title="Nothing to submit")
            return
        attempt = attempt_of(self.exercise, answer, judge(self.exercise, answer), seconds=round(self.seconds, 1))
        if not self.study.record(attempt):
            return  # the learner has been told why; their text stays in the box
        self._done = True
        self.go(Place("feedback", self.exercise.id), "replace", answer=answer)
