"""The wall clock, read in one place: where the app and the command line take today from.

Nothing in the core reads the clock: a review is planned ``now=`` what the caller passes,
and tests pass their own. The course clock (``course.follow_up.clock``) is the one source:
the computer's clock, or the moment ``LISTEN_NOW`` names.
"""

from __future__ import annotations

from datetime import datetime

from course.follow_up.clock import course_now

__all__ = ["local_now"]


def local_now() -> datetime:
    """Now by the course clock, in this machine's time zone: the learner's day starts at their own midnight."""
    return course_now().astimezone()
