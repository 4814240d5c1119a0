"""The keys every answer box answers to, as the help of each screen with one lists them."""

from __future__ import annotations

__all__ = ["EDITING_KEYS"]

EDITING_KEYS: tuple[tuple[str, str], ...] = (
    ("home / end  (ctrl+a / ctrl+e)", "Start / end of the line"),
    ("ctrl+← / ctrl+→", "A word left / right"),
    ("ctrl+w  /  ctrl+k", "Delete the word before / the rest of the line"),
    ("ctrl+u", "Delete to the start of the line"),
    ("shift+arrows", "Select text"),
    ("f7, then backspace", "Select everything, then clear the box to start afresh"),
    ("ctrl+z  /  ctrl+y", "Undo / redo"),
    ("ctrl+x  /  ctrl+v", "Cut / paste the selection"),
)
"""(keys, what they do) in a text box (Textual's TextArea), for the ? help."""
