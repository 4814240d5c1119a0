"""How the customer in a conversation behaves, chosen by the learner: their typing pace and the "has finished" cue.

A window over the current screen (from the command palette, or ctrl+o in a
conversation) that dismisses with the choices made, or None for Cancel.
``change_conversation_settings`` opens it, keeps what was chosen for the
learner (``course.tui.preferences``) and tells the screen underneath, so a
conversation already going changes pace at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, RadioButton, RadioSet, Static

from course.tui.preferences import (
    PACE_WORDS,
    PACES,
    ConversationPreferences,
    conversation_preferences,
    save_conversation_preferences,
)
from course.tui.widgets.footer import QUIT_BINDING, CourseFooter

if TYPE_CHECKING:
    from .screens.base import CourseScreen

__all__ = ["ConversationSettingsDialog", "change_conversation_settings", "SETTINGS"]

SETTINGS = ("Conversation settings", "The customer's typing pace (normal, slow, off) and the \"has finished\" cue")
"""The palette entry for this window, and its help."""


class ConversationSettingsDialog(ModalScreen[ConversationPreferences | None]):
    """The pace as three choices, the cue as a box to tick; Save keeps them, Cancel or escape changes nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+c", "app.help_quit", "Quit", show=False),  # as in every other window of listen
        QUIT_BINDING,
    ]

    def __init__(self, chosen: ConversationPreferences) -> None:
        super().__init__()
        self.chosen = chosen
        """The settings as they stand when the window opens."""

    def compose(self) -> ComposeResult:
        """The pace, the cue, Save and Cancel."""
        with Vertical(classes="dialog"):
            yield Static(SETTINGS[0], classes="dialog-title", markup=False)
            yield Static("How fast the customer types (or speaks, on the phone):", classes="field-label")
            with RadioSet(id="pace"):
                for pace in PACES:
                    yield RadioButton(PACE_WORDS[pace], value=pace == self.chosen.pace, id=f"pace-{pace}")
            yield Checkbox("Say when the customer has finished (“Priya has finished: your turn.”)",
                           self.chosen.finished_cue, id="finished-cue")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")
        yield CourseFooter()

    def on_mount(self) -> None:
        """The pace has focus: the arrow keys pick one."""
        self.query_one("#pace", RadioSet).focus()

    def _choices(self) -> ConversationPreferences:
        pressed = self.query_one("#pace", RadioSet).pressed_button
        pace = (pressed.id or "").removeprefix("pace-") if pressed is not None else self.chosen.pace
        return ConversationPreferences(pace=pace if pace in PACES else self.chosen.pace,
                                       finished_cue=self.query_one("#finished-cue", Checkbox).value)

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_save(self) -> None:
        """Close with the choices made."""
        self.dismiss(self._choices())

    def action_cancel(self) -> None:
        """Close, changing nothing."""
        self.dismiss(None)


def change_conversation_settings(screen: CourseScreen) -> None:
    """Open the window for the screen's learner; keep what they choose and tell the screen."""
    study = screen.study
    folder, learner = study.store.data_dir, study.learner

    def chosen(choices: ConversationPreferences | None) -> None:
        if choices is None:
            return
        save_conversation_preferences(folder, learner, choices)
        screen.conversation_settings_changed(choices)

    screen.app.push_screen(ConversationSettingsDialog(conversation_preferences(folder, learner)), chosen)
