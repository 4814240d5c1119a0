"""The Textual app a learner uses: ``run(course, store, learner)``.

Importing this package is cheap: Textual is imported only when the app starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from course.content.model import Course
    from course.progress import ProgressStore

__all__ = ["run"]


def run(course: Course, store: ProgressStore, learner: str | None = None, *, ask_who: bool = False) -> int:
    """Run the app until the learner quits; returns the exit status.

    ``ask_who``: always ask who is learning (a training room's browser), never assume the last learner.
    """
    from .app import ListenApp

    app = ListenApp(course, store, learner, ask_who=ask_who)
    app.run()
    if app.watchdog is not None:  # shut down in time after a hang-up: nothing left to cut short
        app.watchdog.cancel()
    return app.return_code or 0
