"""``listen --plain``: the whole course as sequential plain text, for screen readers, braille and dumb terminals.

Menus are numbered, every question is a prompt on a line of its own, and
nothing is drawn: no full screen, no cursor movement, no colour. It runs on
the same core as the app (the same ``Study``, judge and store), so an answer
given here is recorded exactly as the app records it, and Continue in either
lands where the learner stopped in the other.

Reading and printing go through the streams given (``run_plain``), so tests
drive a whole sitting with text. The main menu's entries are a list, one line
each (``MAIN_MENU`` in ``course.plain.menu``). Nothing here imports Textual.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from .menu import MAIN_MENU, Choice, MenuEntry, choose
from .terminal import Leaving, PlainTerminal

if TYPE_CHECKING:
    from course.content.model import Course
    from course.progress import ProgressStore

__all__ = ["run_plain", "MAIN_MENU", "MenuEntry", "PlainTerminal"]


def _ask_name(terminal: PlainTerminal, store: ProgressStore) -> str:
    """A new learner's name, asked until it will do; their profile is made."""
    while True:
        name = terminal.ask("Your name: ")
        if not name:
            continue
        try:
            return store.add_learner(name).name
        except ValueError as error:
            terminal.say(str(error))


def _who(terminal: PlainTerminal, store: ProgressStore) -> str:
    """Who is learning: the only learner here, one picked from those here, or someone new."""
    names = [learner.name for learner in store.learners()]
    if len(names) == 1:
        return names[0]
    if not names:
        terminal.say("Welcome to listen. What is your name? (It keeps your progress apart from anyone else's.)")
        return _ask_name(terminal, store)
    last = store.last_learner()
    names.sort(key=lambda name: name != last)
    choices = [Choice(name + (" (last here)" if name == last else ""), name) for name in names]
    picked = choose(terminal, "Who is learning?", [*choices, Choice("Someone new", "", "n")])
    return picked or _ask_name(terminal, store)


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a file at all
        return False


def run_plain(course: Course, store: ProgressStore, learner: str | None = None, *,
              stdin: IO[str], stdout: IO[str], width: int = 79,
              clock: Callable[[], float] = time.monotonic) -> int:
    """A sitting with the course in plain text, until the learner leaves; the exit status (0).

    ``learner`` is who is learning (asked when None, unless there is only one).
    Lines are wrapped to ``width``. Everything is kept as it goes: leaving
    (Quit, ``q`` at any prompt, Ctrl-D) loses nothing.
    """
    from course.content.kinds import KINDS
    from course.progress import StoreError
    from course.tui.study import Study

    from .session import PlainSession

    terminal = PlainTerminal(stdin, stdout, width=width, echo=not _is_terminal(stdin))
    terminal.say("listen: a course in listening well. Plain text: numbered menus, type a number "
                 "(or the letter in brackets) and press Enter; q at any prompt keeps your place and leaves.")
    for notice in store.notices:
        terminal.say(f"About your progress: {notice}")
    try:
        name = learner or _who(terminal, store)
    except Leaving:
        terminal.say("Goodbye.")
        return 0
    study = Study(course, store, name, frozenset(KINDS), report=terminal.say)
    try:
        store.ensure_learner(name)
        store.set_last_learner(name)
    except (StoreError, ValueError) as error:
        terminal.say(f"About your progress: {error}")
    terminal.say(f"Hello, {name}.")
    return PlainSession(study, terminal, clock).run()
