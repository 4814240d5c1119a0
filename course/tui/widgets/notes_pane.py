"""The learner's own notes during a conversation: what the customer said, to use in the summary."""

from __future__ import annotations

from textual.widgets import TextArea

__all__ = ["NotesPane"]


class NotesPane(TextArea):
    """A small box to jot names, numbers and dates in; kept with the draft and the attempt."""

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(
            text,
            id=id,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            placeholder="Names, numbers, dates: what you will need for the summary.",
        )
        self.border_title = "Your notes"
