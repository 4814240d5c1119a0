"""The course clock: what time it is for promises, moved forward when a trainer or a test wants it.

Everything about promises (when one was made, when the customer comes back,
how long they have waited) reads this clock, handed in as a function, so a
test moves time without sleeping. Unless something else is handed in, it is
the computer's own clock, or the moment ``LISTEN_NOW`` names: a trainer can
try a follow-up without waiting a day (``LISTEN_NOW=2026-03-06T09:00 listen``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timezone

__all__ = ["CourseClock", "CLOCK_VARIABLE", "course_now", "moment_from"]

CourseClock = Callable[[], datetime]
"""A function that says what time it is now (an aware datetime)."""

CLOCK_VARIABLE = "LISTEN_NOW"
"""The environment variable that sets the course clock to a moment of one's own."""


def moment_from(text: str) -> datetime:
    """The moment ``2026-03-06T09:00`` or ``2026-03-06`` names (in UTC unless it says its zone).

    ValueError, in words a learner can act on, when it names none.
    """
    cleaned = text.strip()
    try:
        found = datetime.fromisoformat(cleaned[:-1] + "+00:00" if cleaned.endswith("Z") else cleaned)
    except ValueError:
        raise ValueError(f"{CLOCK_VARIABLE}={text[:40]!r} is not a date and time (write it like 2026-03-06T09:00)") \
            from None
    return found if found.tzinfo is not None else found.replace(tzinfo=timezone.utc)


def course_now() -> datetime:
    """Now by the course clock: the moment ``LISTEN_NOW`` names, else the computer's clock (UTC)."""
    given = os.environ.get(CLOCK_VARIABLE, "").strip()
    if given:
        return moment_from(given)
    return datetime.now(timezone.utc)
