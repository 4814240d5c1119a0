"""The conversation so far, one block per thing said, always shown literally."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

__all__ = ["ChatEntry", "ChatLog"]


@dataclass(frozen=True)
class ChatEntry:
    """One block of the chat."""

    kind: str
    """``task``, ``customer``, ``unheard``, ``you``, ``verdict``, ``interrupted`` or ``end``: its style."""
    text: Text
    """What it says; customer and learner words are literal text, never markup."""

    def same_as(self, other: ChatEntry) -> bool:
        """Whether two entries say the same thing (a rebuilt chat keeps what is on screen)."""
        return self.kind == other.kind and self.text.plain == other.text.plain


class ChatLog(VerticalScroll):
    """The chat, growing at the bottom, which stays in view as it grows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[ChatEntry] = []
        """What is on screen, in order."""

    def show(self, entries: list[ChatEntry]) -> None:
        """Show these entries: new ones are added at the bottom; anything else redraws the chat."""
        keep = len(self.entries) <= len(entries) and all(
            old.same_as(new) for old, new in zip(self.entries, entries, strict=False)
        )
        if not keep:
            self.remove_children()
            self.entries = []
        fresh = entries[len(self.entries):]
        if not fresh:
            return
        self.mount_all(Static(entry.text, classes=f"chat-{entry.kind}", markup=False) for entry in fresh)
        self.entries = list(entries)
        # Once the new blocks are laid out, the newest is what the learner needs to see.
        self.call_after_refresh(self.scroll_end, animate=False, immediate=True)
