"""Small windows over the current screen: the keys, a model answer, the hints."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from course.tui.widgets.footer import QUIT_BINDING, CourseFooter
from course.tui.widgets.more_below import MORE_BINDING, MoreBelow, more_below, scroll_more

__all__ = ["Dialog", "HelpDialog", "ReportCardDialog"]


class Dialog(ModalScreen[None]):
    """A titled window with something to read and a Close button (escape closes too)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close"), MORE_BINDING, QUIT_BINDING]

    def __init__(self, title: str, body: RenderableType) -> None:
        super().__init__()
        self._heading = title
        """Shown at the top of the window."""
        self._body = body
        """What there is to read: text (shown literally) or any Rich renderable."""

    def compose(self) -> ComposeResult:
        """A heading, the body (scrolling if long) and Close."""
        with Vertical(classes="dialog"):
            yield Static(self._heading, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body", id="dialog-body"):
                yield Static(self._body, markup=False)
            yield MoreBelow("dialog-body")
            yield Button("Close", id="close", variant="primary")
        yield CourseFooter()

    def on_mount(self) -> None:
        """Close is ready under enter."""
        self.query_one("#close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close was pressed."""
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        """Back to the screen underneath."""
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``pgdn`` More ↓ only while there is more to read below."""
        return more_below(self) is not None if action == "more" else True

    def action_more(self) -> None:
        """Scroll down what there is to read."""
        scroll_more(self)


class HelpDialog(Dialog):
    """The keys of the screen it was opened from."""

    def __init__(self, screen_title: str, rows: list[tuple[str, str]]) -> None:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, description in rows:
            table.add_row(keys, description)
        table.add_row("ctrl+p", "Jump to a module or lesson, change the theme, or read how far to trust the grader")
        table.add_row("ctrl+q / ctrl+c", "Quit (your place and any typing are kept)")
        super().__init__(f"Keys · {screen_title}", table)


class ReportCardDialog(Dialog):
    """How often the grader agrees with people, in plain words (``listen about-grading``)."""

    def __init__(self) -> None:
        from course.grading.report_card import plain_lines

        super().__init__("How far to trust the grader", "\n\n".join(f"• {line}" for line in plain_lines()))
