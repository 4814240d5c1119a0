"""Feedback on a whole conversation: every reply with its evidence, criteria and interruptions.

The recorded conversation is played again through a fresh run, so this
screen reopens exactly after a restart. ``r`` replays the conversation from
the start, to try another approach.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from course.content.model import Exercise
from course.conversation import ConversationRun, Reply, first_name, mood_change, mood_words, still_doing
from course.judging import Judgment, verdict_line
from course.progress import Place
from course.tui.marks import COST_STYLE, CREDIT_STYLE, shown_text
from course.tui.study import Study
from course.tui.widgets.footer import CourseFooter
from course.tui.widgets.more_below import MORE_BINDING, MoreBelow
from course.tui.widgets.scenario import reflow
from course.tui.widgets.title import TitleBar
from course.tui.widgets.trainer_note import TrainerNoteCard

from .dialogs import Dialog
from .feedback import CONTEST_KEY, FeedbackScreen

__all__ = ["ConversationFeedbackScreen"]


def _criteria(review: Judgment) -> Table:
    """One row per criterion: ✓/✗ with a word, its severity, the feedback."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(no_wrap=True, width=8)
    table.add_column(no_wrap=True, style="dim", width=11)
    table.add_column(ratio=1)
    for line in review.lines:
        table.add_row(Text(line.mark, style="" if line.met else "bold"), line.label, Text(line.feedback.strip()))
    return table


def _legend(review: Judgment) -> list[Text]:
    """What the marks in the reply mean, for the marks it has."""
    legend = []
    if "credit" in review.marks:
        legend.append(Text.assemble("  ", ("underlined", CREDIT_STYLE), ": words that earned credit"))
    if "cost" in review.marks:
        legend.append(Text.assemble("  ", ("struck through", COST_STYLE), ": words that cost you"))
    return legend


def _quoted(piece: str) -> RenderableType:
    """A piece the customer said, indented as a quote (wrapped lines too)."""
    return Padding(Text(piece.strip(), style="italic"), (0, 0, 0, 2))


def turn_card(reply: Reply, review: Judgment, pieces: tuple[str, ...], name: str,
              doing: str = "typing") -> RenderableType:
    """One step of the conversation: what was heard, the reply marked up (as judged), its criteria, the mood."""
    parts: list[RenderableType] = [Text(f"{name} said:", style="bold")]
    parts += [_quoted(piece) for piece in pieces]
    if reply.interrupted:
        parts.append(Text(f"⚠ You replied while {name} was still {doing}. Not yet heard:", style="bold"))
        parts += [_quoted(piece) for piece in reply.unheard]
    parts.append(Text("You replied:", style="bold"))
    parts.append(shown_text(review.shown) if review.shown is not None else Text(reply.text))
    parts += _legend(review)
    parts.append(Text(""))
    parts.append(_criteria(review))
    parts.append(Text.assemble((f"{name}'s mood: ", "bold"), mood_change(reply)))
    return Group(*parts)


class ConversationFeedbackScreen(FeedbackScreen, inherit_bindings=False):
    """The whole conversation, reply by reply, with what each did well and what it missed."""

    # Not inherited: the same keys as any feedback, but r replays and m shows a reply per step.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        MORE_BINDING,
        Binding("r", "retry", "Replay", tooltip="The conversation again from the start, to try another approach"),
        Binding("n", "next", "Next", tooltip="Next exercise in this module"),
        Binding("m", "model", "Models", tooltip="A strong reply at each step you went through"),
        Binding("h", "hints", "Hint", tooltip="One more hint each time you press it"),
        Binding("x", "reset", "Reset", tooltip="Clear your answers to this exercise (a backup is kept)"),
        Binding(CONTEST_KEY, "contest", "Wrong grade?", show=False),
    ]

    def __init__(self, study: Study, exercise: Exercise, answer: Any, *, note: str = "") -> None:
        super().__init__(study, exercise, answer, note=note)
        assert self.review.run is not None  # a conversation's judgment always carries its run
        self.run: ConversationRun = self.review.run
        """The conversation played again from the recorded answer (by the judge)."""

    def compose(self) -> ComposeResult:
        """Verdict, then each reply in turn, how it ended, and the notes."""
        run, review = self.run, self.review
        name = first_name(run.conversation.customer)
        yield TitleBar()
        with VerticalScroll(id="feedback"):
            verdict = Text.assemble((verdict_line(review), "bold"), f"\n{review.summary}")
            yield Static(verdict, id="verdict", classes="passed" if review.passed else "not-yet")
            yield self.contest_line()
            if self.note:
                yield Static(self.note, id="note", markup=False)
            if self.exercise.explanation:
                yield Static(Text.assemble(("Why: ", "bold"), reflow(self.exercise.explanation)), id="explanation")
            turns = run.conversation.turns
            for number, (reply, judged) in enumerate(zip(run.replies, review.replies, strict=False), start=1):
                turn = turns[reply.turn_id]
                step = "closing summary" if turn.summary else f"step {number}"
                verdict_word = "✓ passed" if judged.passed else "✗ not yet"
                interrupted = " · ⚠ interrupted" if reply.interrupted else ""
                yield Static(f"Reply {number} · {step} · {verdict_word}{interrupted}", classes="section-title",
                             markup=False)
                heard = tuple(piece.text for piece in turn.customer[: len(turn.customer) - len(reply.unheard)])
                yield Static(turn_card(reply, judged, heard, name, still_doing(self.exercise)), classes="turn-card")
            if run.finished:
                yield Static("How it ended", classes="section-title")
                ending = [_quoted(piece.text) for piece in run.turn.customer]
                mood = Text.assemble((f"{name}'s mood at the end: ", "bold"), f"{mood_words(run.mood)} ({run.mood:+d})")
                yield Static(Group(Text(f"{name}:", style="bold"), *ending, mood), classes="turn-card")
            yield Static("Your notes", classes="section-title")
            notes = run.notes.strip()
            yield Static(Text(notes) if notes else Text("You kept no notes this time.", style="dim"),
                         id="your-notes", classes="turn-card")
            trainer_note, earlier = self._trainer_note()
            if trainer_note is not None:
                yield TrainerNoteCard(trainer_note, earlier=earlier, id="trainer-note")
        yield MoreBelow("feedback")
        yield CourseFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Model replies when the steps taken have them; hints when the exercise has them."""
        if action == "model":
            return any(self.run.conversation.turns[reply.turn_id].model_answer for reply in self.run.replies)
        return super().check_action(action, parameters)

    def action_retry(self) -> None:
        """Play the conversation again from the start, to try another approach."""
        self.study.save_draft(self.exercise, "")
        self.go(Place("exercise", self.exercise.id), "replace")

    def action_model(self) -> None:
        """A strong reply at each step the conversation went through, shown literally."""
        turns = self.run.conversation.turns
        body = Text()
        for number, reply in enumerate(self.run.replies, start=1):
            model = turns[reply.turn_id].model_answer
            if model:
                body.append(f"Reply {number}\n", style="bold")
                body.append(reflow(model) + "\n\n")
        self.app.push_screen(Dialog("Model replies", body))
