"""Bringing a trainer's file into the app: an assignment, feedback, or results from another machine."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from course.trainer.files import RejectedFile
from course.trainer.imports import import_file
from course.tui.widgets.footer import QUIT_BINDING, CourseFooter

if TYPE_CHECKING:
    from course.content.model import Course
    from course.progress import ProgressStore

__all__ = ["ImportScreen"]


class ImportScreen(ModalScreen["Imported | None"]):
    """Ask for a file, check it, bring it in; dismissed with what was imported (None if nothing)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel"), QUIT_BINDING]

    DEFAULT_CSS = """
    ImportScreen { align: center middle; }
    ImportScreen > Vertical { width: 76; height: auto; border: thick $primary; background: $surface; padding: 1 2; }
    ImportScreen #import-title { text-style: bold; }
    ImportScreen #import-outcome { height: auto; margin: 1 0 0 0; }
    ImportScreen #import-outcome.-refused { color: $error; }
    ImportScreen Horizontal { height: auto; margin-top: 1; }
    ImportScreen Button { margin-right: 2; }
    """

    def __init__(self, course: Course, store: ProgressStore, learner: str) -> None:
        super().__init__()
        self.course = course
        """The course the file must fit."""
        self.store = store
        """Where what the file holds goes."""
        self.learner = learner
        """Who is learning: an assignment becomes theirs."""

    def compose(self) -> ComposeResult:
        """A title, what can be imported, the path, the outcome and the buttons."""
        with Vertical():
            yield Static("Import a file from your trainer", id="import-title")
            yield Static("An assignment, your trainer's feedback, or your results from another machine "
                         "(a .json file). It is checked before anything changes.", markup=False)
            yield Input(placeholder="path to the file, e.g. ~/Downloads/team-a.assignment.json", id="import-path")
            yield Static("", id="import-outcome", markup=False)
            with Horizontal():
                yield Button("Import", id="import", variant="primary")
                yield Button("Close", id="close")
        yield CourseFooter()

    def on_mount(self) -> None:
        """The path is ready for typing."""
        self.query_one("#import-path", Input).focus()

    @on(Input.Submitted, "#import-path")
    @on(Button.Pressed, "#import")
    def _import(self) -> None:
        raw = self.query_one("#import-path", Input).value.strip().strip("'\"")
        outcome = self.query_one("#import-outcome", Static)
        if not raw:
            outcome.set_class(True, "-refused")
            outcome.update("Type the path of the file first.")
            return
        from course.progress import StoreError

        try:
            imported = import_file(self.course, self.store, Path(raw).expanduser(), self.learner)
        except RejectedFile as error:
            outcome.set_class(True, "-refused")
            outcome.update(f"Not imported: {error}. Nothing was changed.")
            return
        except StoreError as error:
            outcome.set_class(True, "-refused")
            outcome.update(f"Not imported: {error}")
            return
        self.dismiss(imported)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without importing."""
        self.dismiss(None)
