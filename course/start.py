"""The ``listen`` command's entry point: ``listen`` on its own opens the course at once.

Typed with nothing after it, ``listen`` opens the app on the last learner, and
nothing of the command line's parser (click and every subcommand) is needed
for that: this opens the app directly, so the course is on screen sooner.
Anything typed after ``listen``, a plain-text terminal, and every problem met
on the way (a broken course, a store that cannot open, a bad ``LISTEN_NOW``)
go through the full command line, which says it in its own words.
"""

from __future__ import annotations

import sys
from typing import NoReturn

from .plain_terminal import wants_plain

__all__ = ["main"]


def main() -> NoReturn:
    """Run ``listen``: the app straight away when nothing else is asked for, else the command line."""
    if len(sys.argv) <= 1 and not wants_plain():
        status = _open_app_directly()
        if status is not None:
            sys.exit(status)
    from .cli import main as command_line

    command_line()


def _open_app_directly() -> int | None:
    """The app's exit status; None when something needs the command line to say what went wrong."""
    from .content import ContentError
    from .content.cache import load_course_cached
    from .follow_up import course_now
    from .paths import content_dir, data_dir
    from .progress import ProgressStore, StoreError
    from .xapi import statement_maker

    home = data_dir()
    try:
        course = load_course_cached(content_dir(), home / "cache" if home.is_dir() else None)
        course_now()  # a LISTEN_NOW that names no moment is told by the command line
        store = ProgressStore(home, statements=statement_maker(home, course))
    except (ContentError, StoreError, ValueError, OSError):
        return None  # nothing was changed: the command line opens it again and says why it cannot
    from .tui import run  # on use, as the command line does

    try:
        return run(course, store, None)
    except KeyboardInterrupt:
        return 130
