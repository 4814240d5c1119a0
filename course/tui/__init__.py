"""The Textual app a learner uses: ``run(course, store, learner)``.

Importing this package is cheap: Textual is imported only when the app starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from course.content.model import Course
    from course.progress import ProgressStore

__all__ = ["run"]


def run(course: Course, store: ProgressStore, learner: str | None = None) -> int:
    """Run the app until the learner quits; returns the exit status."""
    from .app import ListenApp

    app = ListenApp(course, store, learner)
    app.run()
    if app.watchdog is not None:  # shut down in time after a hang-up: nothing left to cut short
        app.watchdog.cancel()
    return app.return_code or 0
