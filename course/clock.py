"""The wall clock, read in one place: where the app and the command line take today from.

Nothing in the core reads the clock: a review is planned ``now=`` what the caller passes,
and tests pass their own.
"""

from __future__ import annotations

from datetime import datetime

__all__ = ["local_now"]


def local_now() -> datetime:
    """Now, in this machine's time zone: the learner's day starts at their own midnight."""
    return datetime.now().astimezone()
