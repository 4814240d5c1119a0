"""Asking before anything is cleared, and asking for a new name.

Both are windows over the current screen with typed results, like the other
dialogs: ``ConfirmDialog`` dismisses with the id of the choice made (None for
Cancel), ``RenameDialog`` with the new name once the store has taken it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.console import RenderableType
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from course.tui.widgets.footer import QUIT_BINDING, CourseFooter

__all__ = ["ConfirmDialog", "RenameDialog"]


class ConfirmDialog(ModalScreen[str | None]):
    """Says what an action would clear and what is kept; Cancel has focus, so enter is always safe."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("left", "app.focus_previous", "Previous button", show=False),
        Binding("right", "app.focus_next", "Next button", show=False),
        # ctrl+c quits everywhere else in listen; a modal window would otherwise swallow it.
        Binding("ctrl+c", "app.help_quit", "Quit", show=False),
        QUIT_BINDING,
    ]

    def __init__(
        self, title: str, body: RenderableType, choices: Sequence[tuple[str, str]], *, cancel: str = "Cancel"
    ) -> None:
        super().__init__()
        self._heading = title
        """Shown at the top of the window: the question."""
        self._body = body
        """What would be lost and what is kept (text is shown literally)."""
        self._choices = tuple(choices)
        """(id, button label) for each way to go ahead; the dialog dismisses with the id."""
        self._cancel = cancel
        """The label of the button that changes nothing."""

    def compose(self) -> ComposeResult:
        """The question, what it means, one button per choice, then Cancel."""
        with Vertical(classes="dialog"):
            yield Static(self._heading, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-body"):
                yield Static(self._body, id="consequences", markup=False)
            with Horizontal(classes="dialog-buttons"):
                for choice, label in self._choices:
                    yield Button(label, id=f"choice-{choice}", variant="error")
                yield Button(self._cancel, id="cancel", variant="primary")
        yield CourseFooter()

    def on_mount(self) -> None:
        """Cancel is ready under enter: clearing work takes a deliberate move."""
        self.query_one("#cancel", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        """A choice, or Cancel."""
        event.stop()
        button = event.button.id or ""
        self.dismiss(button.removeprefix("choice-") if button.startswith("choice-") else None)

    def action_cancel(self) -> None:
        """Back without changing anything."""
        self.dismiss(None)


class RenameDialog(ModalScreen[str | None]):
    """Asks for a learner's new name; the store's own words say why a name will not do."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel"), QUIT_BINDING]

    def __init__(self, name: str, rename: Callable[[str], Any]) -> None:
        super().__init__()
        self._old = name
        """The name as it is."""
        self._rename = rename
        """Renames; raises ValueError (or a store error) with a plain message if it cannot."""

    def compose(self) -> ComposeResult:
        """The name box, filled in, a line for problems, Rename and Cancel."""
        with Vertical(classes="dialog"):
            yield Static(f"Rename {self._old}", classes="dialog-title", markup=False)
            yield Static("New name (all progress stays with it):", classes="field-label")
            yield Input(self._old, id="new-name", max_length=60)
            yield Static("", id="problem", classes="problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Rename", id="rename", variant="primary")
                yield Button("Cancel", id="cancel")
        yield CourseFooter()

    def on_mount(self) -> None:
        """The name box has focus, its text ready to be typed over."""
        box = self.query_one("#new-name", Input)
        box.focus()
        box.select_all()

    @on(Input.Submitted, "#new-name")
    @on(Button.Pressed, "#rename")
    def _rename_pressed(self, event: Input.Submitted | Button.Pressed) -> None:
        """Rename, or say plainly why not and keep the box open."""
        from course.progress import StoreError

        event.stop()
        name = self.query_one("#new-name", Input).value.strip()
        if name == self._old:
            self.dismiss(None)
            return
        try:
            self._rename(name)
        except (ValueError, StoreError) as error:
            self.query_one("#problem", Static).update(str(error))
            return
        self.dismiss(" ".join(name.split()))

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Back with the old name."""
        self.dismiss(None)
