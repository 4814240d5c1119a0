"""What every exercise screen shares: the time spent, the learner's draft, the hints, and checking the answer.

Each kind's screen says how its answer looks (``answer``), when it cannot be
checked yet (``unfinished``), and how it is kept and taken up again as a draft
(``answer_as_draft`` / ``restore``). This base does the rest the same way for
every kind: the clock runs only while the exercise is in front, the draft is
written when it changed (never once the answer is recorded), hints come one at
a time, and ctrl+s has the core judge the answer, records it and opens the
feedback.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.timer import Timer

from course.content.model import Exercise
from course.judging import Judgment, judge
from course.progress import Place
from course.recording import attempt_of
from course.tui.kinds import kind_word
from course.tui.study import Study
from course.tui.widgets.hints import HintPanel

from .base import CourseScreen

__all__ = ["ExerciseScreen", "DRAFT_DELAY"]

DRAFT_DELAY = 0.5
"""Seconds after the last keystroke before a typed draft is kept (see ``keep_soon``)."""


class ExerciseScreen(CourseScreen):
    """An exercise being answered: its clock, its draft, its hints and its one way to be checked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Check answer"),
        Binding("h", "hint", "Hint"),
    ]

    UNFINISHED = "Not yet complete"
    """The title of the note saying why the answer cannot be checked yet."""

    def __init__(self, study: Study, exercise: Exercise, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(study)
        self.exercise = exercise
        """The exercise answered."""
        self._clock = clock
        """Where time comes from (tests pass their own)."""
        self._seconds = 0.0
        """Time spent before the current stretch in front."""
        self._since: float | None = None
        """When the current stretch in front began (None: something else is in front)."""
        self._draft_timer: Timer | None = None
        self.recorded: Any = None
        """The answer recorded from this screen (None until then: from then on there is no draft to keep)."""
        draft = study.draft(exercise)
        self.kept = draft or ""
        """The draft's text as the store holds it, so an unchanged answer is not written again."""
        self.restore(draft)

    # --- what each kind provides ------------------------------------------------

    def restore(self, draft: str | None) -> None:
        """Take up the kept draft (or start afresh when there is none or it no longer fits).

        Called while the screen is built, before its widgets exist.
        """
        raise NotImplementedError

    def answer(self) -> Any:
        """The answer as it stands, as the plain data that is judged and recorded."""
        raise NotImplementedError

    def answer_as_draft(self) -> str | None:
        """The answer so far as a draft's text ("": nothing worth keeping; None: this kind keeps no draft)."""
        raise NotImplementedError

    def unfinished(self) -> str:
        """Why the answer cannot be checked yet ("" when it can)."""
        return ""

    def judgment(self, answer: Any) -> Judgment:
        """The core's judgment of the answer."""
        return judge(self.exercise, answer)

    def draft_kept(self) -> None:
        """The draft has just been written (a screen may say so)."""

    # --- the screen -------------------------------------------------------------

    @property
    def place(self) -> Place:
        """This exercise (the answer so far lives in the drafts)."""
        return Place("exercise", self.exercise.id)

    def on_mount(self) -> None:
        """The exercise's title, and its kind and module underneath."""
        self.title = self.exercise.title
        kind = kind_word(self.exercise.kind).capitalize()
        self.sub_title = f"{kind} · {self.study.module_of(self.exercise).title}"

    # --- time spent -------------------------------------------------------------

    @property
    def seconds(self) -> float:
        """Time spent answering, counting only while this screen is in front (earlier visits included)."""
        running = self._clock() - self._since if self._since is not None else 0.0
        return self._seconds + running

    def spent_earlier(self, seconds: float) -> None:
        """Count time spent on earlier visits (kept in a draft)."""
        self._seconds += seconds

    def on_screen_resume(self) -> None:
        """In front: the clock runs."""
        if self._since is None:
            self._since = self._clock()

    def on_screen_suspend(self) -> None:
        """A dialog or another screen in front: the clock stops, and the draft is kept."""
        if self._since is not None:
            self._seconds += self._clock() - self._since
            self._since = None
        self.save_state()

    # --- the draft --------------------------------------------------------------

    def on_unmount(self) -> None:
        """The last chance to keep the answer so far (quitting, going back)."""
        self.save_state()

    def keep_soon(self) -> None:
        """Keep the draft once the learner pauses, rather than at every key."""
        self._stop_draft_timer()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self.save_state)

    def _stop_draft_timer(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None

    def save_state(self) -> None:
        """Keep the answer so far as the exercise's draft, if it changed (nothing to keep once recorded)."""
        self._stop_draft_timer()
        if self.recorded is not None:
            return
        try:
            text = self.answer_as_draft()
        except NoMatches:  # already taken down: everything was kept on the way
            return
        if text is not None and text != self.kept and self.study.save_draft(self.exercise, text):
            self.kept = text
            if self.is_attached:
                self.draft_kept()

    # --- hints ------------------------------------------------------------------

    def hint_state(self) -> bool | None:
        """Hidden without hints, greyed out once all are shown, offered otherwise."""
        panels = self.query(HintPanel)
        return panels.first().action_state() if panels else bool(self.exercise.hints)

    def action_hint(self) -> None:
        """Show one more hint, gentlest first."""
        self.query_one(HintPanel).reveal()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hint only when the exercise has hints; greyed out once all are shown."""
        if action == "hint":
            return self.hint_state()
        return super().check_action(action, parameters)

    # --- checking the answer ----------------------------------------------------

    def record_answer(self) -> bool:
        """Have the answer judged and record it; False (the learner told why) when that cannot be done."""
        problem = self.unfinished()
        if problem:
            self.notify(problem, title=self.UNFINISHED)
            return False
        answer = self.answer()
        attempt = attempt_of(self.exercise, answer, self.judgment(answer), seconds=round(self.seconds, 1))
        if not self.study.record(attempt):
            return False  # the learner has been told why; their answer stays on the screen
        self.recorded = answer
        return True

    def action_submit(self) -> None:
        """Check the answer: judged, recorded, then its feedback in place of this screen."""
        if self.recorded is None and not self.record_answer():
            return
        self.go(Place("feedback", self.exercise.id), "replace", answer=self.recorded)
