"""A module: its overview, its lessons and its exercises, each with the learner's status."""

from __future__ import annotations

from typing import ClassVar

from rich.markdown import Markdown
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.content.model import Exercise, Lesson, Module
from course.progress import Place
from course.tui.kinds import kind_word
from course.tui.study import NOT_TRIED, ExerciseStatus, LessonStatus, Study
from course.tui.widgets.feedback_notice import NOTE_MARK
from course.tui.widgets.footer import CourseFooter
from course.tui.widgets.more_below import MoreBelow
from course.tui.widgets.row import ListRow
from course.tui.widgets.title import TitleBar
from course.tui.work import exercise_part, module_part

from .base import CourseScreen
from .resets import ask_to_reset

__all__ = ["ModuleScreen"]

STATUS_WIDTH = 18
"""Width of the status column, so titles and kinds line up down the list."""


def _lesson_prompt(number: int, lesson: Lesson, status: LessonStatus) -> ListRow:
    """A lesson: status, number and title, minutes, the status in words."""
    return ListRow(status.symbol, f"{number}. {lesson.title}", [
        Text(f"{lesson.minutes} min", style="dim"), Text(status.word.ljust(STATUS_WIDTH))])


def _exercise_prompt(exercise: Exercise, status: ExerciseStatus, noted: bool = False) -> ListRow:
    """An exercise: status, title (✎ when a trainer wrote on an answer to it), kind, the status with the best score."""
    word = status.word
    if status.best is not None:
        word += f" · best {round(status.best * 100)}%"
    kind = Text(kind_word(exercise.kind), style="dim")
    title = Text(exercise.title)
    if noted:
        title.append(f" {NOTE_MARK}", style="bold")
    return ListRow(status.symbol, title, [kind, Text(word.ljust(STATUS_WIDTH))])


class ModuleScreen(CourseScreen):
    """One module's overview and contents."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "reset", "Reset…", tooltip="Start the highlighted exercise, or this module, afresh"),
    ]

    def __init__(self, study: Study, module: Module) -> None:
        super().__init__(study)
        self.module = module
        """The module shown."""

    @property
    def place(self) -> Place:
        """This module."""
        return Place("module", self.module.id)

    def compose(self) -> ComposeResult:
        """Overview on top, then one list of lessons and exercises."""
        yield TitleBar()
        with VerticalScroll(id="overview"):
            yield Static(Markdown(self.module.overview or self.module.summary), markup=False)
        yield MoreBelow("overview", keys="shift+tab, then ↓")
        yield OptionList(id="contents")
        yield MoreBelow("contents")
        yield CourseFooter()

    def on_mount(self) -> None:
        """Titles and the list; the list has focus."""
        self.title = f"Module {self.module.number}: {self.module.title}"
        self.sub_title = self.study.learner
        self._refresh()
        self.query_one("#contents", OptionList).focus()

    def on_screen_resume(self) -> None:
        """Back from a lesson or an exercise: statuses may have moved."""
        self._refresh()

    def _refresh(self) -> None:
        """Build the list from the store, keeping the highlighted line."""
        contents = self.query_one("#contents", OptionList)
        highlighted = contents.highlighted
        lessons = self.study.lesson_statuses()
        exercises = self.study.exercise_statuses()
        new_lesson = LessonStatus("new")
        options: list[Option] = [Option(Text("Lessons", style="bold"), disabled=True)]
        for number, lesson in enumerate(self.module.lessons, start=1):
            status = lessons.get(lesson.id, new_lesson)
            options.append(Option(_lesson_prompt(number, lesson, status), id=f"lesson:{lesson.id}"))
        playable = self.study.exercises_of_module(self.module)
        noted = self.study.noted_exercises()
        if playable:
            options.append(Option(Text("Exercises", style="bold"), disabled=True))
            for exercise in playable:
                status = exercises.get(exercise.id, NOT_TRIED)
                options.append(Option(_exercise_prompt(exercise, status, exercise.id in noted),
                                      id=f"exercise:{exercise.id}"))
        contents.clear_options()
        contents.add_options(options)
        contents.highlighted = highlighted if highlighted is not None else 1

    @on(OptionList.OptionSelected, "#contents")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Open the lesson (at the page last read) or the exercise."""
        event.stop()
        screen, _, target = (event.option.id or "").partition(":")
        if screen == "lesson":
            status = self.study.lesson_status(self.study.course.lesson(target))
            page = 0 if status.status == "done" else status.page
            self.go(Place("lesson", target, page=page, scroll=0.0 if page == 0 else status.scroll))
        elif screen == "exercise":
            self.go(Place("exercise", target))

    def action_reset(self) -> None:
        """Start the highlighted exercise or the whole module afresh, once confirmed (a backup is kept)."""
        parts = [module_part(self.module)]
        contents = self.query_one("#contents", OptionList)
        if contents.highlighted is not None:
            screen, _, target = (contents.get_option_at_index(contents.highlighted).id or "").partition(":")
            if screen == "exercise":
                parts.insert(0, exercise_part(self.study.course.exercise(target)))
        ask_to_reset(self, self.study, parts, self._refresh)

    def extra_keys(self) -> list[tuple[str, str]]:
        """How to move around the list."""
        return [("↑ / ↓  ⏎", "Pick a lesson or an exercise and open it"),
                (NOTE_MARK, "A trainer wrote on one of your answers (n on the dashboard reads every note)")]
