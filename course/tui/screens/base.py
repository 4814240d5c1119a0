"""What every course screen shares: its learner's study, its place, going elsewhere."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from course.progress import Place
from course.tui.palette import CourseCommands
from course.tui.preferences import ConversationPreferences
from course.tui.study import Study
from course.tui.widgets.more_below import MORE_BINDING, MoreBelow, more_below, scroll_more

__all__ = ["CourseScreen", "How"]

How = Literal["push", "replace", "jump", "back"]
"""How to get to a place: on top of this screen, instead of it, from the dashboard, or back."""


class CourseScreen(Screen[None]):
    """A screen of the course, which knows its place so the learner can come back to it."""

    COMMANDS = {CourseCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        MORE_BINDING,
    ]

    class Go(Message):
        """Asks the app to take the learner somewhere."""

        def __init__(self, place: Place | None, how: How = "push", answer: Any = None) -> None:
            super().__init__()
            self.place = place
            """The ``course.progress.Place`` to open (None when going back)."""
            self.how = how
            """How to get there."""
            self.answer = answer
            """For feedback: the answer just given (else the last recorded one)."""

    def __init__(self, study: Study) -> None:
        super().__init__()
        self.study = study
        """The learner, the course and their progress."""

    @property
    def place(self) -> Place | None:
        """Where the learner is, as a ``course.progress.Place`` (None: not worth resuming)."""
        return None

    def save_state(self) -> None:
        """Save anything not yet saved: called before quitting, so nothing typed is lost."""

    def conversation_settings_changed(self, chosen: ConversationPreferences) -> None:
        """The learner changed how a conversation's customer behaves (a conversation takes it up at once)."""

    def go(self, place: Place, how: How = "push", answer: Any = None) -> None:
        """Take the learner to a place."""
        self.post_message(self.Go(place, how, answer))

    def action_back(self) -> None:
        """Back to the screen this one was opened from."""
        self.post_message(self.Go(None, "back"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``pgdn`` More ↓ only while a “more below ↓” cue shows (every other action is the screen's own)."""
        if action == "more":
            return more_below(self) is not None
        return True

    def action_more(self) -> None:
        """Scroll down the part of the screen with more below it."""
        scroll_more(self)

    def on_resize(self) -> None:
        """A new window size: what is out of sight below may have changed."""
        for cue in self.query(MoreBelow):
            cue.check()

    def action_help(self) -> None:
        """Show the keys this screen answers to."""
        from .dialogs import HelpDialog

        self.app.push_screen(HelpDialog(self.title or "This screen", self.key_rows()))

    def key_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every binding active here, one row per action."""
        rows: dict[tuple[int, str], tuple[list[str], str]] = {}
        for key, active in self.active_bindings.items():
            binding = active.binding
            if binding.system or not binding.show or not binding.description or not active.enabled:
                continue
            if binding.action in ("quit", "app.quit"):  # the dialog says how to quit, once
                continue
            entry = rows.setdefault((id(active.node), binding.action), ([], binding.tooltip or binding.description))
            # Each key of a multi-key binding is shown, not the binding's single key_display.
            display = self.app.get_key_display(Binding(key, binding.action))
            if display not in entry[0]:
                entry[0].append(display)
        return [(" / ".join(keys), description) for keys, description in rows.values()] + self.extra_keys()

    def extra_keys(self) -> list[tuple[str, str]]:
        """Keys that belong to a widget here but are worth telling (arrows, enter...)."""
        return []
