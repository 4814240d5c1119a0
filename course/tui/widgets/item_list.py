"""The list an order, classify or spot exercise is answered in."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import OptionList

__all__ = ["ItemList"]


class ItemList(OptionList, inherit_bindings=False):
    """An option list that leaves ← and → to its screen: it never scrolls sideways.

    (A plain OptionList inherits sideways scrolling on those keys; claiming them on
    the screen with priority instead would let them overtake ↑ and ↓ typed just before.)
    """

    BINDINGS: ClassVar[list[BindingType]] = list(OptionList.BINDINGS)
