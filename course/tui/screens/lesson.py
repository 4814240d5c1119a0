"""A lesson, one page (one ``##`` section) at a time.

Each page is a ``Static`` holding a Rich ``Markdown`` renderable: a page of a
few hundred words paints in milliseconds, where Textual's ``Markdown`` widget
builds a widget per block and takes about 0.3 s per 1,000 words.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markdown import Markdown
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from course.content.model import Lesson
from course.progress import Place
from course.tui.study import Study
from course.tui.widgets.footer import CourseFooter
from course.tui.widgets.more_below import MoreBelow
from course.tui.widgets.title import TitleBar

from .base import CourseScreen

__all__ = ["LessonScreen", "page_markdown"]


def page_markdown(lesson: Lesson, page: int) -> str:
    """The Markdown of one page; the first page opens with the lesson's objectives."""
    section = lesson.sections[page]
    text = section.markdown
    if page == 0 and lesson.objectives:
        goals = "\n".join(f"- {objective}" for objective in lesson.objectives)
        text = f"**In this lesson you will:**\n\n{goals}\n\n---\n\n{text}"
    return text


class LessonScreen(CourseScreen):
    """Reads a lesson page by page, remembering the page and how far down it the learner is."""

    AUTO_FOCUS = "#page"

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the page scroller would otherwise take ← and → for sideways scrolling.
        Binding("n,right", "next_page", "Next page", priority=True),
        Binding("n,right", "practise", "Practise", priority=True),
        Binding("n,right", "finish", "Back to the module", priority=True),
        Binding("p,left", "previous_page", "Previous page", priority=True),
    ]

    def __init__(self, study: Study, lesson: Lesson, *, page: int = 0, scroll: float = 0.0) -> None:
        super().__init__(study)
        self.lesson = lesson
        """The lesson read."""
        self.page = min(max(page, 0), len(lesson.sections) - 1)
        """The page shown, from 0."""
        self._scroll = min(max(scroll, 0.0), 1.0)
        """How far down the page the learner is (0..1): asked for on open, then as last seen."""
        self._exercise = study.practice_for(lesson)
        """Where Practise leads, or None if the lesson has nothing to practise here."""
        self.title = lesson.title
        self.sub_title = study.module_of(lesson).title

    @property
    def last_page(self) -> int:
        """Index of the lesson's last page."""
        return len(self.lesson.sections) - 1

    @property
    def scroll(self) -> float:
        """How far down the page the learner has scrolled, 0..1."""
        try:
            body = self.query_one("#page", VerticalScroll)
        except NoMatches:  # already taken down: the last position it had
            return self._scroll
        if body.max_scroll_y:
            self._scroll = round(body.scroll_y / body.max_scroll_y, 4)
        return self._scroll

    @property
    def place(self) -> Place:
        """This lesson, this page, this far down."""
        return Place("lesson", self.lesson.id, page=self.page, scroll=self.scroll)

    def compose(self) -> ComposeResult:
        """Page title, the page, and the way on: built with the page in place, so it paints once."""
        yield TitleBar()
        yield Static(self._section_title(), id="page-title", markup=False)
        with VerticalScroll(id="page"):
            yield Static(self._page_body(), id="page-body", markup=False)
        yield MoreBelow("page")
        with Horizontal(id="lesson-nav"):
            yield Button("← Previous", id="previous", disabled=self.page == 0)
            yield Static(self._page_count(), id="page-count", markup=False)
            label, variant = self._forward()
            yield Button(label, id="forward", variant=variant)
        yield CourseFooter()

    def on_mount(self) -> None:
        """The scroll position the learner left, and a note of where they are."""
        self._arrived(self._scroll)

    def _section_title(self) -> str:
        return self.lesson.sections[self.page].title

    def _page_body(self) -> Markdown:
        return Markdown(page_markdown(self.lesson, self.page))

    def _page_count(self) -> str:
        return f"page {self.page + 1} of {self.last_page + 1}"

    def _forward(self) -> tuple[str, ButtonVariant]:
        """What the forward button says and how it looks on this page."""
        if self.page < self.last_page:
            return "Next →", "primary"
        if self._exercise is not None:
            return "Practise ▶", "success"
        return "Back to the module", "default"

    def _show(self, page: int) -> None:
        """Turn to another page, at its top."""
        was_edge = (self.page == 0, self.page == self.last_page)
        self.page = page
        self._scroll = 0.0
        self.query_one("#page-title", Static).update(self._section_title())
        self.query_one("#page-body", Static).update(self._page_body())
        self.query_one("#page-count", Static).update(self._page_count())
        self.query_one("#previous", Button).disabled = page == 0
        forward = self.query_one("#forward", Button)
        forward.label, forward.variant = self._forward()
        self.query_one("#page", VerticalScroll).scroll_to(y=0, animate=False)
        self.query_one(MoreBelow).check()  # a new page: more below it, or not
        if was_edge != (page == 0, page == self.last_page):
            self.refresh_bindings()  # Previous / Next / Practise change only at the ends
        self._arrived(0.0)

    def _arrived(self, scroll: float) -> None:
        """Once the page is on screen: scroll to where the learner was and note the place."""

        def settle() -> None:
            if not self.is_attached:  # left already: save_state kept the position
                return
            if scroll:
                body = self.query_one("#page", VerticalScroll)
                body.scroll_to(y=scroll * body.max_scroll_y, animate=False)
            last = self.page == self.last_page
            self.study.save_lesson(self.lesson, page=self.page, scroll=scroll, status="done" if last else "started")
            self.study.save_place(Place("lesson", self.lesson.id, page=self.page, scroll=scroll))

        # After the paint: the scroll needs the page laid out, and the learner should not wait for the disk.
        self.call_after_refresh(settle)

    def save_state(self) -> None:
        """Keep the page and how far down it, before quitting or leaving."""
        self.study.save_lesson(self.lesson, page=self.page, scroll=self.scroll)

    def on_screen_suspend(self) -> None:
        """Leaving for an exercise or a dialog: keep the reading position."""
        self.save_state()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Next, Practise or Back to the module on the last page; Previous greyed out on the first."""
        last = self.page == self.last_page
        if action == "next_page":
            return not last
        if action == "practise":
            return last and self._exercise is not None
        if action == "finish":
            return last and self._exercise is None
        if action == "previous_page":
            return None if self.page == 0 else True
        return super().check_action(action, parameters)

    def action_next_page(self) -> None:
        """On to the next page."""
        if self.page < self.last_page:
            self._show(self.page + 1)

    def action_previous_page(self) -> None:
        """Back a page."""
        if self.page > 0:
            self._show(self.page - 1)

    def action_practise(self) -> None:
        """From the last page to the lesson's first exercise not yet passed."""
        if self._exercise is not None:
            self.go(Place("exercise", self._exercise.id))

    def action_finish(self) -> None:
        """The lesson is read and has nothing to practise here: back to the module."""
        self.action_back()

    @on(Button.Pressed, "#previous")
    def _previous_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_previous_page()

    @on(Button.Pressed, "#forward")
    def _forward_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.page < self.last_page:
            self.action_next_page()
        elif self._exercise is not None:
            self.action_practise()
        else:
            self.action_finish()

    def extra_keys(self) -> list[tuple[str, str]]:
        """Scrolling the page."""
        return [("↑ / ↓  pgup / pgdn", "Scroll the page")]
