"""The trainer's review: read each answer (every kind, conversations too) with its grade, change it, comment, save.

It runs in a small app of its own (``run_review``), started by
``listen review BUNDLE``: a trainer needs no learner profile and none of
the learner's screens. Everything it writes goes into a
``course.trainer.FeedbackDraft``, saved as a ``listen.feedback`` file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, OptionList, RadioButton, RadioSet, Static, TextArea
from textual.widgets.option_list import Option

from course.content.kinds import answer_lines, exercise_kind
from course.judging import judge, severity_words, verdict_words
from course.progress.trainer_work import TrainerNote
from course.trainer.feedback import AnswerToReview, FeedbackDraft
from course.tui.marks import shown_text
from course.tui.safe_screen import SafeScreenApp
from course.tui.widgets.footer import CourseFooter
from course.tui.widgets.marked_list import MarkedRadioButton
from course.tui.widgets.more_below import MoreBelow

__all__ = ["ReviewAnswersScreen", "ReviewAnswersApp", "run_review", "answer_label", "grade_view", "REVIEW_KEYS"]

_VERDICTS = (None, True, False)
"""The radio buttons in order: as graded, passed, not yet."""

REVIEW_KEYS: tuple[tuple[str, str], ...] = (
    ("↑ / ↓", "In the list: the answer above or below (its grade and your note show on the right)"),
    ("ctrl+n / ctrl+b", "The next or the previous answer, from anywhere"),
    ("tab / shift+tab", "Between the list, your grade, the score and your comment"),
    ("← / → then space", "In your grade: As graded, Passed or Not yet"),
    ("0-100", "In the score: your score for the answer, in %; empty keeps the course's"),
    ("typing", "In the comment: your words to the learner; ctrl+z undoes, ctrl+a selects all"),
    ("ctrl+s", "Save the feedback file"),
    ("escape / ctrl+q", "Quit (the first time with unsaved notes, a warning only)"),
    ("F1 / ?", "This help (? works outside the comment and the score)"),
)
"""Every key of the review, as its help lists them."""


def answer_label(answer: AnswerToReview, draft: FeedbackDraft) -> Text:
    """One line in the list: verdict mark, exercise, attempt number, score, a changed grade, and a note's ✎.

    A grade the trainer changed shows both: ``✗ The late gift  #1/2  40% → ✓ 85%``.
    """
    attempt = answer.attempt
    note = draft.note(attempt.id)
    label = Text()
    if answer.contest is not None:  # the learner thinks the grade is wrong: first in the list, flagged
        label.append("⚑ ", style="bold red")
    label.append("✓ " if attempt.passed else "✗ ", style="green" if attempt.passed else "yellow")
    label.append(answer.exercise.title)
    label.append(f"  #{answer.number}/{answer.of}  {attempt.score:.0%}", style="dim")
    if note is not None and note.overrides:
        passed = attempt.passed if note.passed is None else note.passed
        score = attempt.score if note.score is None else note.score
        label.append(f" → {'✓' if passed else '✗'} {score:.0%}", style="bold")
    if note is not None and note.decision:
        label.append(f"  {note.decision}", style="bold")
    if note is not None and note.comment:
        label.append("  ✎", style="bold")
    return label


def _unwrapped(text: str) -> str:
    """Content files wrap lines at 100 characters; the screen wraps them itself (blank lines stay)."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text.strip())


def _grade_words(passed: bool | None, score: float | None) -> str:
    """``passed, 85%``: what a trainer changed (only the parts they changed)."""
    parts = [] if passed is None else [verdict_words(passed)]
    return ", ".join(parts + ([] if score is None else [f"{score:.0%}"]))


def grade_view(answer: AnswerToReview, note: TrainerNote | None = None) -> Group:
    """The exercise, the customer's words, the learner's answer (literally, marked as judged) and its grade.

    The verdict is the one the learner got, then any grade a trainer gave it
    (``note``); the lines under it are the course's judge on the same answer
    (``course.judging``), and say so when it now judges otherwise. Every kind is
    read back in words: the options chosen, the steps in order, each line's label,
    the lines marked, each reply of a conversation.
    """
    exercise, attempt = answer.exercise, answer.attempt
    judgment = judge(exercise, attempt.answer)
    parts: list[Text] = [Text.assemble((exercise.title, "bold"), (f"  · {exercise_kind(exercise.kind).word}", "dim"))]
    if answer.contest is not None:
        parts.append(Text.assemble(("⚑ The learner thinks this grade is wrong: ", "bold red"),
                                   f"“{answer.contest.reason}”"))
        parts.append(Text("Choose Passed or Not yet to decide (the same as the course's keeps its grade); "
                          "your comment goes back with the decision.", style="dim"))
    parts.append(Text(_unwrapped(exercise.prompt), style="italic"))
    if exercise.scenario is not None:
        parts += [Text(""), Text(f"{exercise.scenario.customer} wrote:", style="bold"),
                  Text(_unwrapped(exercise.scenario.message))]
    if exercise.original:
        parts += [Text(""), Text("The reply to rewrite:", style="bold"), Text(_unwrapped(exercise.original))]
    if exercise.conversation is not None:
        parts += [Text(""), Text(f"A conversation with {exercise.conversation.customer}.", style="bold")]
    heading = Text(f"Answer #{answer.number} of {answer.of}, {attempt.at[:16].replace('T', ' ')}:", style="bold")
    if exercise.is_text and judgment.shown is not None:  # in their own words, marked as the judge read them
        said = shown_text(judgment.shown)
    else:
        said = Text("\n".join(answer_lines(exercise, attempt.answer)))
    parts += [Text(""), heading, said]
    parts += [
        Text(""),
        Text(f"Course's grade: {verdict_words(attempt.passed)}, score {attempt.score:.0%}", style="bold"),
    ]
    if note is not None and note.overrides:
        who = note.trainer or "a trainer"
        parts.append(Text(f"Changed by {who}: {_grade_words(note.passed, note.score)}", style="bold"))
    if attempt.content_hash and attempt.content_hash != exercise.content_hash:
        parts.append(Text("The exercise has changed since this answer: the points below are for its current version.",
                          style="italic"))
    elif (judgment.passed, round(judgment.score, 2)) != (attempt.passed, round(attempt.score, 2)):
        parts.append(Text(f"Judged again now: {judgment.verdict}, score {judgment.score:.0%} (the points below).",
                          style="italic"))
    for point in judgment.counted:
        line = Text("  ✓ " if point.met else "  ✗ ", style="green" if point.met else "red")
        line.append(f"{point.id} ({severity_words(point.severity)}, {point.skill})")
        line.append(f": {point.feedback.strip()}", style="dim")
        parts.append(line)
    return Group(*parts)


class ReviewAnswersScreen(Screen[bool]):
    """The answers on the left; the one chosen, its grade, the trainer's verdict and comment on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Short words, so Quit stays in the footer at 80 columns; F1 says the rest.
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+n", "next", "Next", priority=True),
        Binding("ctrl+b", "previous", "Previous", priority=True),
        Binding("f1", "help", "Help", priority=True),
        Binding("question_mark", "help", "Help", show=False),
        Binding("escape", "leave", "Quit"),
    ]

    DEFAULT_CSS = """
    ReviewAnswersScreen #answers { width: 38%; min-width: 30; border-right: solid $primary-darken-2; }
    ReviewAnswersScreen #answer { height: 1fr; padding: 0 1; }
    ReviewAnswersScreen #judge { height: auto; padding: 0 1; border-top: solid $primary-darken-2; }
    ReviewAnswersScreen #verdict { width: 20; height: auto; }
    ReviewAnswersScreen #verdict-row { height: auto; }
    ReviewAnswersScreen #score { width: 12; }
    ReviewAnswersScreen .label { padding: 1 1 0 0; width: auto; }
    ReviewAnswersScreen #comment-label { padding: 0; }
    ReviewAnswersScreen #comment { height: 6; }
    ReviewAnswersScreen #heading { padding: 0 1; background: $boost; text-style: bold; }
    """

    def __init__(self, draft: FeedbackDraft, target: Path) -> None:
        super().__init__()
        self.draft = draft
        """The notes being written."""
        self.target = target
        """Where Save writes the feedback file."""
        self.current = 0
        """The answer on show, by index into ``draft.answers``."""
        self._filling = False  # set while the form shows a stored note, so that is not taken as an edit
        self._saved = False
        self._warned = False

    def compose(self) -> ComposeResult:
        """Heading, the list of answers, the answer with its grade, and the trainer's part."""
        yield Static("", id="heading", markup=False)
        with Horizontal():
            yield OptionList(id="answers")
            with Vertical():
                with VerticalScroll(id="answer"):
                    yield Static("", id="answer-text", markup=False)
                yield MoreBelow("answer", keys="tab to it, then ↓")
                with Vertical(id="judge"):
                    with Horizontal(id="verdict-row"):
                        yield Static("Grade:", classes="label")  # short: grade and score fit at 80 columns
                        with RadioSet(id="verdict"):
                            yield MarkedRadioButton("As graded", value=True)
                            yield MarkedRadioButton("Passed")
                            yield MarkedRadioButton("Not yet")
                        yield Static("Score %:", classes="label")
                        yield Input(placeholder="as is", id="score", restrict=r"[0-9]{0,3}", max_length=3)
                    yield Static(f"Your comment to {self.draft.learner}:", id="comment-label", markup=False)
                    yield TextArea(id="comment", soft_wrap=True, show_line_numbers=False)
        yield CourseFooter()

    def on_mount(self) -> None:
        """List the answers and show the first."""
        answers = self.query_one("#answers", OptionList)
        answers.add_options(Option(answer_label(a, self.draft), id=a.attempt.id) for a in self.draft.answers)
        answers.highlighted = 0
        answers.focus()
        self.show(0)

    # -- showing ------------------------------------------------------------------

    def show(self, index: int) -> None:
        """Show one answer and the trainer's note on it."""
        self.current = index
        answer = self.draft.answers[index]
        note = self.draft.note(answer.attempt.id)
        contested = sum(a.contest is not None for a in self.draft.answers)
        self.query_one("#heading", Static).update(
            f"Reviewing {self.draft.learner}'s answers · {index + 1} of {len(self.draft.answers)}"
            + (f" · {contested} contested, listed first" if contested else "") + f" · saves to {self.target.name}")
        self.query_one("#answer-text", Static).update(grade_view(answer, self.draft.earlier.get(answer.attempt.id)))
        self.query_one("#answer", VerticalScroll).scroll_home(animate=False)
        self._filling = True
        try:
            verdict = None if note is None else note.passed
            buttons = list(self.query(RadioButton))
            buttons[_VERDICTS.index(verdict)].value = True
            score = None if note is None else note.score
            self.query_one("#score", Input).value = "" if score is None else str(round(score * 100))
            self.query_one("#comment", TextArea).text = "" if note is None else note.comment
        finally:
            self.call_after_refresh(self._done_filling)

    def _done_filling(self) -> None:
        self._filling = False

    def _refresh_label(self) -> None:
        answer = self.draft.answers[self.current]
        self.query_one("#answers", OptionList).replace_option_prompt_at_index(
            self.current, answer_label(answer, self.draft))

    # -- the trainer's part -------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#answers")
    def _answer_chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index is not None and event.option_index != self.current:
            self.show(event.option_index)

    @on(RadioSet.Changed, "#verdict")
    def _verdict_changed(self, event: RadioSet.Changed) -> None:
        if self._filling:
            return
        self.draft.set_verdict(self.draft.answers[self.current], _VERDICTS[event.index])
        self._refresh_label()

    @on(Input.Changed, "#score")
    def _score_changed(self, event: Input.Changed) -> None:
        if self._filling:
            return
        value = event.value.strip()
        score = min(100, int(value)) / 100 if value.isdigit() else None
        self.draft.set_score(self.draft.answers[self.current], score)
        self._refresh_label()

    @on(TextArea.Changed, "#comment")
    def _comment_changed(self, event: TextArea.Changed) -> None:
        if self._filling:
            return
        self.draft.set_comment(self.draft.answers[self.current], event.text_area.text)
        self._refresh_label()

    # -- keys -----------------------------------------------------------------------

    def _move(self, step: int) -> None:
        index = min(max(self.current + step, 0), len(self.draft.answers) - 1)
        self.query_one("#answers", OptionList).highlighted = index
        self.show(index)

    def action_next(self) -> None:
        """The next answer."""
        self._move(1)

    def action_previous(self) -> None:
        """The previous answer."""
        self._move(-1)

    def action_help(self) -> None:
        """Every key of the review."""
        from rich.table import Table

        from .dialogs import Dialog

        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, description in REVIEW_KEYS:
            table.add_row(keys, description)
        self.app.push_screen(Dialog("Keys · listen review", table))

    def action_save(self) -> None:
        """Write the feedback file."""
        try:
            self.draft.save(self.target)
        except OSError as error:
            self.notify(f"Could not save {self.target}: {error.strerror or error}", severity="error", timeout=10)
            return
        self._saved = True
        self._warned = False
        count = len(self.draft.document()["notes"])
        self.notify(f"Saved {count} note{'s' if count != 1 else ''} to {self.target.name}.", title="Saved")

    def action_leave(self) -> None:
        """Quit; the first time with unsaved notes, only warn."""
        if self.draft.changed and not self._warned:
            self._warned = True
            self.notify("Your notes are not saved: ctrl+s saves them, escape again quits without saving.",
                        title="Not saved", severity="warning", timeout=8)
            return
        self.dismiss(self._saved)


class ReviewAnswersApp(SafeScreenApp[bool]):
    """The review screen on its own, for ``listen review``."""

    TITLE = "listen review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "screen.leave", "Quit", priority=True, show=False),  # the same warning about unsaved notes
    ]

    def __init__(self, draft: FeedbackDraft, target: Path) -> None:
        super().__init__()
        self.draft = draft
        """The notes being written."""
        self.target = target
        """Where they are saved."""

    def on_mount(self) -> None:
        """Open the review; quitting it ends the app, saying whether feedback was saved."""
        self.push_screen(ReviewAnswersScreen(self.draft, self.target), self.exit)


def run_review(draft: FeedbackDraft, target: Path) -> bool:
    """Review the answers in the terminal; whether a feedback file was saved."""
    return bool(ReviewAnswersApp(draft, target).run())
