"""Numbered menus, and the main menu's entries: one line each in ``MAIN_MENU``.

Every menu lists its choices numbered, each with a letter that does the same;
the learner types either and presses Enter (Enter alone says the menu again).

A feature of its own adds itself to the main menu with one line in
``MAIN_MENU``, before Quit: its key, its label, and the function that runs it,
named ``"module:function"`` so nothing is imported until it is chosen::

    MenuEntry("r", "Review what is due", "course.plain.review:review"),

The function takes the ``PlainSession`` and returns where to go next (a
``course.progress.Place``, or None for the main menu again). ``detail`` may
name a function of the session that adds words to the label (where Continue
leads, how many reviews are due), and ``offered`` one that says whether the
entry is shown at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from .terminal import PlainTerminal

__all__ = ["MenuEntry", "MAIN_MENU", "Choice", "choose", "resolve"]

T = TypeVar("T")


@dataclass(frozen=True)
class MenuEntry:
    """One entry of the main menu."""

    key: str
    """The letter that chooses it, besides its number."""
    label: str
    """What it says."""
    action: str
    """The function it runs, as ``"module:function"``: it takes the session, returns the next place or None."""
    detail: str = ""
    """A function of the session giving words to add after the label, as ``"module:function"`` (optional)."""
    offered: str = ""
    """A function of the session saying whether to show the entry now, as ``"module:function"`` (default: always)."""


MAIN_MENU: list[MenuEntry] = [
    MenuEntry("c", "Continue where I stopped", "course.plain.session:go_on", detail="course.plain.session:where"),
    MenuEntry("m", "Modules", "course.plain.session:modules"),
    MenuEntry("b", "A customer is back", "course.plain.review:customers_back",
              detail="course.plain.review:customers_back_detail", offered="course.plain.review:anyone_back"),
    MenuEntry("r", "Today's review", "course.plain.review:review", detail="course.plain.review:review_detail"),
    MenuEntry("f", "My trainer's feedback", "course.plain.notes:trainer_notes",
              detail="course.plain.notes:notes_detail", offered="course.plain.notes:any_notes"),
    MenuEntry("p", "My progress", "course.plain.progress:show_progress"),
    MenuEntry("s", "Settings", "course.plain.settings:settings"),
    MenuEntry("q", "Quit", "course.plain.session:leave"),
]
"""The main menu, in order (see the module for adding an entry)."""


@cache
def resolve(name: str) -> Callable[..., Any]:
    """The function named ``"module:function"``."""
    module_name, _, function = name.partition(":")
    found: Callable[..., Any] = getattr(import_module(module_name), function)
    return found


@dataclass(frozen=True)
class Choice(Generic[T]):
    """One choice of a menu."""

    label: str
    """What it says."""
    value: T
    """What choosing it gives."""
    key: str = ""
    """A letter that chooses it besides its number (optional)."""


def _say_menu(terminal: PlainTerminal, title: str, choices: Sequence[Choice[Any]]) -> None:
    terminal.say(title)
    for number, choice in enumerate(choices, start=1):
        key = f" ({choice.key})" if choice.key else ""
        terminal.say(f"  {number}. {choice.label}{key}")


def choose(terminal: PlainTerminal, title: str, choices: Sequence[Choice[T]], *,
           prompt: str = "Your choice") -> T:
    """Say ``title`` and the choices, numbered; what the one typed (by number or letter) gives."""
    _say_menu(terminal, title, choices)
    keys = {choice.key.casefold(): choice for choice in choices if choice.key}
    while True:
        typed = terminal.ask(f"{prompt} (1-{len(choices)}): ")
        if not typed:
            _say_menu(terminal, title, choices)
            continue
        if typed.isdigit() and typed.isascii() and 1 <= int(typed) <= len(choices):
            return choices[int(typed) - 1].value
        found = keys.get(typed.casefold())
        if found is not None:
            return found.value
        terminal.say(f"There is no choice {typed!r} here: type a number from 1 to {len(choices)}"
                     + (", or one of the letters in brackets." if keys else "."))
