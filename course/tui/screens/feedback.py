"""Feedback on an answer: the verdict, every criterion met or missed, the answer marked up."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from course.content.model import Exercise
from course.judging import Judgment, judge, verdict_line
from course.progress import Place
from course.tui.marks import COST_STYLE, CREDIT_STYLE, shown_text
from course.tui.study import Study
from course.tui.widgets.footer import CourseFooter
from course.tui.widgets.more_below import MoreBelow
from course.tui.widgets.scenario import reflow
from course.tui.widgets.title import TitleBar
from course.tui.widgets.trainer_note import TrainerNoteCard

from .base import CourseScreen
from .confirm import ConfirmDialog
from .dialogs import Dialog

__all__ = ["FeedbackScreen", "CONTEST_KEY"]

CONTEST_KEY = "w"
"""The key that says "I think this grade is wrong" on every feedback screen."""


def _verdict(review: Judgment) -> Text:
    """``✓ PASSED · 83% (strong)`` and what it rests on; a score word only on a pass."""
    verdict = Text(verdict_line(review), style="bold")
    if review.summary:
        verdict.append("\n" + review.summary)
    return verdict


def _lines(review: Judgment) -> Table:
    """One row per criterion (or option): ✓/✗ with a word, its tag, the feedback."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(no_wrap=True, width=8)
    table.add_column(no_wrap=True, style="dim", width=12)
    table.add_column(ratio=1)
    for line in review.lines:
        body = Text(line.feedback.strip())
        if line.heading:
            body = Text.assemble((line.heading.strip(), "bold"), "\n", body)
        table.add_row(Text(line.mark, style="" if line.met else "bold"), line.label, body)
    return table


def _answer(review: Judgment) -> RenderableType:
    """The learner's answer exactly as typed, with a legend for the marks in it."""
    legend = []
    if "credit" in review.marks:
        legend.append(Text.assemble(("underlined", CREDIT_STYLE), ": words that earned credit"))
    if "cost" in review.marks:
        legend.append(Text.assemble(("struck through", COST_STYLE), ": words that cost you"))
    answer = shown_text(review.shown) if review.shown is not None else Text("")
    return Group(answer, Text(""), *[Text.assemble(("  ", ""), item) for item in legend])


class RetryDialog(ConfirmDialog):
    """Keep the answer to improve it (k, or enter: nothing is lost either way) or start afresh (a)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "choose('keep')", "Keep"),
        Binding("a", "choose('afresh')", "Start afresh"),
    ]

    def on_mount(self) -> None:
        """Keeping the answer is under enter: starting again clears only the box, never a recorded answer."""
        # after the base dialog's own mount handler, which puts Cancel in focus
        self.call_after_refresh(lambda: self.query_one("#choice-keep", Button).focus())

    def action_choose(self, choice: str) -> None:
        """The choice made with its key."""
        self.dismiss(choice)


class FeedbackScreen(CourseScreen):
    """What the learner's answer did well and what it missed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Retry", tooltip="Back to the exercise with your answer, to improve it"),
        Binding("n", "next", "Next", tooltip="Next exercise in this module"),
        Binding("m", "model", "Model answer", tooltip="A strong answer to compare with yours"),
        Binding("h", "hints", "Hint", tooltip="One more hint each time you press it"),
        Binding("x", "reset", "Reset", tooltip="Clear your answers to this exercise (a backup is kept)"),
        # Not in the footer (it is full at 80 columns): the line under the verdict names the key.
        Binding(CONTEST_KEY, "contest", "Wrong grade?", show=False),
    ]

    def __init__(self, study: Study, exercise: Exercise, answer: Any, *, note: str = "") -> None:
        super().__init__(study)
        self.note = note
        """A word about the feedback itself (the exercise changed since the answer...)."""
        self.exercise = exercise
        """The exercise answered."""
        self.answer = answer
        """The answer judged: text, or the chosen option indexes."""
        self.review = judge(exercise, answer)
        """The verdict on it (``course.judging``)."""
        self.hints_shown = 0
        """How many hints the learner has asked for here: one more each time."""

    @property
    def place(self) -> Place:
        """Feedback on this exercise (reopened from the last recorded answer)."""
        return Place("feedback", self.exercise.id)

    def compose(self) -> ComposeResult:
        """Verdict, explanation, criteria, the answer."""
        yield TitleBar()
        with VerticalScroll(id="feedback"):
            yield Static(_verdict(self.review), id="verdict", classes="passed" if self.review.passed else "not-yet")
            yield self.contest_line()
            if self.note:
                yield Static(self.note, id="note", markup=False)
            if self.exercise.explanation:
                yield Static(Text.assemble(("Why: ", "bold"), reflow(self.exercise.explanation)), id="explanation")
            heading = "What your answer did" if self.review.shown is not None else "Every option"
            yield Static(heading, classes="section-title")
            yield Static(_lines(self.review), id="criteria")
            if self.review.shown is not None:
                yield Static("Your answer", classes="section-title")
                yield Static(_answer(self.review), id="your-answer")
            note, earlier = self._trainer_note()
            if note is not None:
                yield TrainerNoteCard(note, earlier=earlier, id="trainer-note")
        yield MoreBelow("feedback")
        yield CourseFooter()

    def contest_line(self) -> Static:
        """What the learner said about this grade and the trainer's decision, or the key to say it."""
        line = Static("", id="contest", markup=False)
        self._show_contest(line)
        return line

    def _show_contest(self, line: Static) -> None:
        said = self.study.contest_words(self.exercise)
        if said:
            line.update(Text(said, style="italic"))
        elif self.study.latest_attempt(self.exercise) is not None:
            line.update(Text(f"Think this grade is wrong? {CONTEST_KEY} tells your trainer why.", style="dim"))
        line.display = bool(said) or self.study.latest_attempt(self.exercise) is not None

    def action_contest(self) -> None:
        """Tell the trainer, with a reason, that the grade of the last answer here seems wrong."""
        from .contest import ContestDialog

        if self.study.latest_attempt(self.exercise) is None:
            self.notify("This answer was not recorded, so there is no grade to ask about.", severity="warning")
            return
        contest = self.study.contest_of(self.exercise)

        def sent(reason: str | None) -> None:
            if reason is not None:
                self._show_contest(self.query_one("#contest", Static))
                self.notify("It goes with your results when you export them (listen export).",
                            title="Kept for your trainer")

        dialog = ContestDialog(self.exercise.title, lambda reason: self.study.contest_grade(self.exercise, reason),
                               contest.reason if contest else "")
        self.app.push_screen(dialog, sent)

    def _trainer_note(self) -> tuple[Any, bool]:
        """The trainer's latest note on the learner's answers to this exercise (or None),
        and whether it is about an earlier answer than the last one."""
        attempts = self.study.store.attempts(self.study.learner, self.exercise.id)
        attempt_ids = {attempt.id for attempt in attempts}
        notes = [note for note in self.study.store.trainer_notes(self.study.learner) if note.attempt_id in attempt_ids]
        if not notes:
            return None, False
        return notes[-1], notes[-1].attempt_id != attempts[-1].id

    def on_mount(self) -> None:
        """Titles; the feedback scrolls under the arrow keys."""
        self.title = f"Feedback · {self.exercise.title}"
        self.sub_title = self.study.module_of(self.exercise).title
        self.query_one("#feedback", VerticalScroll).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Model answer and hints only when the exercise has them; Next only within a module's exercises."""
        if action == "next":
            return self.exercise.id in self.study.course.exercises  # a customer's follow-up has no next one
        if action == "model":
            return bool(self.exercise.model_answer or self.exercise.options)
        if action == "hints":
            return bool(self.exercise.hints)
        return super().check_action(action, parameters)

    def action_retry(self) -> None:
        """Back to the exercise: keep this answer to improve it, or start afresh (asked first)."""
        what = "your text" if isinstance(self.answer, str) else "your choices"
        start = "the reply to rewrite" if self.exercise.kind == "rewrite" else "an empty answer"
        body = Text(f"Keep {what} to improve it, or start afresh from {start}?")
        self.app.push_screen(
            RetryDialog("Try again", body, [("keep", f"Keep {what} (k)"), ("afresh", "Start afresh (a)")]),
            self._retry,
        )

    def _retry(self, choice: str | None) -> None:
        """Back to the exercise with the answer kept, or with none (a rewrite then starts from the reply)."""
        if choice is None:
            return
        if choice == "keep":
            draft = self.answer if isinstance(self.answer, str) else json.dumps(self.answer)
            self.study.save_draft(self.exercise, draft)
        else:
            self.study.save_draft(self.exercise, "")
        self.go(Place("exercise", self.exercise.id), "replace")

    def action_next(self) -> None:
        """On to the module's next exercise (or back, after the last one)."""
        following = self.study.next_exercise(self.exercise)
        if following is None:
            self.notify("That was the last exercise in this module.", title="Module exercises done")
            self.action_back()
            return
        self.go(Place("exercise", following.id), "replace")

    def action_reset(self) -> None:
        """Clear this exercise's answers, once confirmed (a backup is kept); then back."""
        from course.tui.work import exercise_part

        from .resets import ask_to_reset

        ask_to_reset(self, self.study, [exercise_part(self.exercise)], self.action_back)

    def action_model(self) -> None:
        """A strong answer, shown literally, in a window over the feedback."""
        if self.exercise.model_answer:
            body: RenderableType = Text(reflow(self.exercise.model_answer))
        else:
            right = [f"✓ {option.text.strip()}" for option in self.exercise.options if option.correct]
            body = Text("\n".join(right))
        self.app.push_screen(Dialog("Model answer", body))

    def action_hints(self) -> None:
        """One more hint each time, with those already seen above it, as the course promises."""
        hints = self.exercise.hints
        self.hints_shown = min(self.hints_shown + 1, len(hints))
        shown = hints[: self.hints_shown]
        body = Text("\n\n".join(f"{n}. {hint.strip()}" for n, hint in enumerate(shown, start=1)))
        left = len(hints) - self.hints_shown
        body.append(f"\n\nHint {self.hints_shown} of {len(hints)}." +
                    (" Press h again for the next one." if left else ""), style="dim")
        self.app.push_screen(Dialog("Hint" if len(shown) == 1 else "Hints", body))

    def extra_keys(self) -> list[tuple[str, str]]:
        """Scrolling the feedback."""
        return [("↑ / ↓  pgup / pgdn", "Scroll the feedback"),
                (CONTEST_KEY, "I think this grade is wrong: tell your trainer why (it goes with your results)")]
