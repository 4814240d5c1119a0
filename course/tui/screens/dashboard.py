"""The dashboard: every module with the learner's progress, and Continue."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.progress import Place, StoreError
from course.trainer import assignment_statuses, learner_profile
from course.trainer.feedback import note_key
from course.tui.preferences import notes_read
from course.tui.study import LESSON_WORDS, ModuleRow
from course.tui.widgets.assignments import AssignmentList
from course.tui.widgets.bar import text_bar
from course.tui.widgets.continue_bar import ContinueBar
from course.tui.widgets.feedback_notice import NOTE_MARK, NOTES_KEY, FeedbackNotice
from course.tui.widgets.follow_up import FOLLOW_UP_KEY, FollowUpLine
from course.tui.widgets.footer import CourseFooter
from course.tui.widgets.more_below import MoreBelow
from course.tui.widgets.review_box import ReviewBox
from course.tui.widgets.row import ListRow
from course.tui.widgets.skill_profile import profile_view
from course.tui.widgets.title import TitleBar

from .base import CourseScreen

if TYPE_CHECKING:  # the review's module loads with the review itself, after the dashboard is on screen
    from course.practice import TodaysReview

__all__ = ["DashboardScreen"]


def _counts(row: ModuleRow) -> str:
    """``lessons 1/4 · exercises 3/10``."""
    counts = f"lessons {row.lessons_done}/{row.lessons_total}"
    if row.exercises_total:
        counts += f" · exercises {row.exercises_passed}/{row.exercises_total}"
    return counts


def _module_prompt(row: ModuleRow, counts_width: int, noted: bool = False) -> ListRow:
    """One module: status, number and title (✎ when a trainer wrote on an answer in it), a bar, counts; its summary."""
    title = Text(f"{row.module.number}  ", style="dim").append(row.module.title, style="bold")
    if noted:
        title.append(f" {NOTE_MARK}", style="bold")
    return ListRow(
        LESSON_WORDS[row.status][0], title, [text_bar(row.score), _counts(row).ljust(counts_width)],
        note=row.module.summary.strip(), indent=3,
    )


class DashboardScreen(CourseScreen):
    """Where every visit starts: Continue, or pick a module."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "continue", "Continue"),
        Binding("s", "skills", "Your skills"),
        Binding("i", "import_file", "Import"),
        Binding("l", "learners", "Learners", tooltip="Switch, add, rename or delete learners on this computer"),
        Binding(FOLLOW_UP_KEY, "follow_up", "Follow up", tooltip="Answer the customer who is back about a promise"),
        # Not in the footer either: the feedback line says "n to read" while there is feedback.
        Binding(NOTES_KEY, "trainer_notes", "Feedback", show=False),
        # Not in the footer (it is full at 80 columns): the review's own title line says "r to start".
        Binding("r", "review", "Review", show=False),
    ]

    review: TodaysReview | None = None
    """Today's review as last worked out (None until it is)."""

    def compose(self) -> ComposeResult:
        """Greeting, Continue, the modules."""
        yield TitleBar()
        yield Static("", id="greeting", markup=False)
        yield ContinueBar("", id="continue", markup=False)
        yield FollowUpLine(id="follow-up")
        yield FeedbackNotice(id="feedback-notice")
        yield ReviewBox(id="review-box")
        yield Static("Modules", classes="section-title")
        yield OptionList(id="modules")
        yield MoreBelow("modules")
        with Vertical(id="assignments-box"):
            yield Static("Assignments", classes="section-title")
            yield AssignmentList(titles={m.id: m.title for m in self.study.course.modules}, id="assignments")
        yield CourseFooter()

    def on_mount(self) -> None:
        """Fill in the learner's progress; Continue has focus."""
        self.title = "listen"
        self.sub_title = self.study.learner
        self._refresh()
        self.query_one("#continue", ContinueBar).focus()

    def on_screen_resume(self) -> None:
        """Back from a module or an exercise: progress may have moved."""
        self._refresh()

    def _refresh(self) -> None:
        """Greeting, Continue label and module rows from the store."""
        rows = self.study.module_rows()
        done = sum(row.status == "done" for row in rows)
        self.query_one("#greeting", Static).update(
            f"Hello, {self.study.learner}. {done} of {len(rows)} modules passed."
        )
        self.query_one("#continue", ContinueBar).update(self._continue_label())
        self.query_one(FollowUpLine).show(self.study.promises_waiting())
        notes = self.study.trainer_notes()
        seen = notes_read(self.study.store.data_dir, self.study.learner)
        self.query_one(FeedbackNotice).show(notes, {note_key(item.note) for item in notes} - seen)
        noted = self.study.noted_exercises()
        noted_modules = {self.study.module_of(exercise).id for exercise_id in noted
                         if (exercise := self.study.course.exercises.get(exercise_id)) is not None}
        self.refresh_bindings()  # the follow-up key shows only while a customer waits
        modules = self.query_one("#modules", OptionList)
        highlighted = modules.highlighted
        modules.clear_options()
        width = max((len(_counts(row)) for row in rows), default=0)  # bars line up down the list
        modules.add_options(Option(_module_prompt(row, width, row.module.id in noted_modules), id=row.module.id)
                            for row in rows)
        if rows:
            modules.highlighted = highlighted if highlighted is not None else 0
        study = self.study
        statuses = assignment_statuses(study.course, study.store, study.learner)
        self.query_one("#assignments", AssignmentList).show(statuses)
        self.query_one("#assignments-box").display = bool(statuses)  # room for modules until there are some
        # Every answer is replayed to plan the review: worked out off the screen's thread, once the
        # dashboard is on screen, so the learner sees their modules first.
        self.call_after_refresh(self._plan_review)

    def _plan_review(self) -> None:
        self.run_worker(self._work_out_review, exclusive=True, group="review")

    async def _work_out_review(self) -> None:
        """Today's review from the store, in a thread, then shown (dropped if the dashboard goes first)."""
        try:
            review = await asyncio.to_thread(self.study.todays_review)
        except StoreError:
            return  # the store's trouble is told where it is read for the modules; the review just waits
        self._show_review(review)

    def _show_review(self, review: TodaysReview) -> None:
        self.review = review
        self.query_one("#review-box", ReviewBox).show(review)

    def action_review(self) -> None:
        """Open the first item of today's review that opens an exercise: that exercise's own screen."""
        review = self.review if self.review is not None else self.study.todays_review()
        for item in review.items:
            exercise = self.study.exercise(item.exercise_id) if item.exercise_id else None  # or a follow-up
            if exercise is not None and self.study.is_playable(exercise):
                in_course = exercise.id in self.study.course.exercises
                self.go(Place("exercise", exercise.id), "push" if in_course else "jump")
                return
        self.notify("Nothing to review today." if not review.goal_met else "Today's review is done.",
                    title="Today's review")

    def action_skills(self) -> None:
        """The learner's five skills as bars, and their recent scores as a trend."""
        from .dialogs import Dialog

        self.app.push_screen(Dialog("Your skills", profile_view(learner_profile(self.study.store, self.study.learner))))

    def action_learners(self) -> None:
        """Everyone who learns on this computer: switch, add, rename, delete, reset."""
        from .profiles import ProfilesScreen

        self.app.push_screen(ProfilesScreen(self.study))

    def action_import_file(self) -> None:
        """Import a file from the trainer: an assignment, feedback on answers, or results."""
        from course.tui.screens.import_file import ImportScreen

        def done(imported: Any) -> None:
            if imported is not None:
                self.notify(imported.summary(), title="Imported")
                self._refresh()

        self.app.push_screen(ImportScreen(self.study.course, self.study.store, self.study.learner), done)

    def _resume_place(self) -> tuple[Any, str]:
        """Where Continue leads, and its label: the exact place left, or the first lesson."""
        place = self.study.store.place(self.study.learner)
        if place is not None:
            described = self.study.describe(place)
            if described:
                return place, f"▶ Continue: {described}"
        first = self.study.first_lesson()
        if first is None:
            return None, "This course has no lessons yet."
        return Place("lesson", first.id), f"▶ Start with “{first.title}”"

    def _continue_label(self) -> Text:
        """``▶ Continue: Naming the feeling · page 3 of 5`` or ``▶ Start with “…”``."""
        return Text(self._resume_place()[1])

    def action_continue(self) -> None:
        """Open the exact place the learner left off."""
        place, _ = self._resume_place()
        if place is not None:
            self.go(place, "jump")

    def action_trainer_notes(self) -> None:
        """Every note a trainer left on the learner's answers, with the answer it is about."""
        from .trainer_notes import TrainerNotesScreen

        self.app.push_screen(TrainerNotesScreen(self.study))

    @on(FeedbackNotice.Opened)
    def _notes_opened(self, event: FeedbackNotice.Opened) -> None:
        event.stop()
        self.action_trainer_notes()

    def action_follow_up(self) -> None:
        """Answer the customer waiting longest on a promise."""
        self.query_one(FollowUpLine).action_open()

    @on(FollowUpLine.Opened)
    def _follow_up_opened(self, event: FollowUpLine.Opened) -> None:
        event.stop()
        self.go(Place("exercise", event.exercise_id), "jump")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing is behind the dashboard; the follow-up key is there while a customer waits."""
        if action == "follow_up":
            return bool(self.query(FollowUpLine) and self.query_one(FollowUpLine).waiting)
        return action != "back" and super().check_action(action, parameters)

    @on(ContinueBar.Pressed, "#continue")
    def _continue_pressed(self, event: ContinueBar.Pressed) -> None:
        event.stop()
        self.action_continue()

    @on(OptionList.OptionSelected, "#modules")
    def _module_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.go(Place("module", event.option.id or ""))

    def extra_keys(self) -> list[tuple[str, str]]:
        """How to move around the module list."""
        return [("tab", "Between Continue and the modules"), ("↑ / ↓  ⏎", "Pick a module and open it"),
                ("r", "Start today's review: the first item's exercise"),
                (NOTES_KEY, f"Read your trainer's feedback on your answers ({NOTE_MARK} marks them in the modules)")]
