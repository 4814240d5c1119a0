"""One line under the chat saying whose turn it is: the customer typing or paused, the learner's turn, the end."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

__all__ = ["TypingIndicator"]


class TypingIndicator(Static):
    """``✎ Priya is typing…``, ``✓ Priya has finished: your turn.`` or the end of the conversation.

    Nothing moves on its own: what it says changes only when the conversation
    does, so a still picture of the screen is always the same.
    """

    def show_typing(self, name: str, doing: str = "typing") -> None:
        """The customer still has something to say (``doing``: typing, or speaking on the phone)."""
        self.set_classes("-typing")
        self.update(Text(f"✎ {name} is {doing}…", style="italic"))

    def show_your_turn(self, name: str, *, cue: bool = True) -> None:
        """The customer has finished: the learner may reply (said only with the learner's cue on)."""
        self.set_classes("-your-turn")
        self.update(Text(f"✓ {name} has finished: your turn.") if cue else Text(""))

    def show_paused(self, name: str, key: str) -> None:
        """The learner has paused the customer: nothing more is said until they go on (with ``key``)."""
        self.set_classes("-paused")
        self.update(Text(f"⏸ Paused: {name} waits for you · {key} goes on", style="bold"))

    def show_ended(self) -> None:
        """The customer has left; the feedback waits."""
        self.set_classes("-ended")
        self.update(Text("■ Ended · ctrl+s shows your feedback", style="bold"))
