"""The review streak: days the daily goal was met, where a few rest days do not break it.

Each day up to today is one of:

- ``met``: the learner reviewed enough that day: the daily goal, or everything that was due;
- ``rest``: something was due and the goal was not met (no study at all, or not enough);
- ``free``: nothing was due, so there was no goal to meet.

The streak counts the met days back from today. A rest day does not break it as long as no
seven days in a row hold more than two rest days (``REST_DAYS`` in any ``WINDOW``): a weekend
off every week keeps a streak going, a third day off in one week ends it. A free day neither
counts nor breaks it. Today counts once its goal is met and is never a rest day before it ends.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

__all__ = ["REST_DAYS", "WINDOW", "DayKind", "Streak", "streak_of"]

REST_DAYS = 2
"""Rest days allowed in any ``WINDOW`` days without breaking the streak."""

WINDOW = 7
"""Days over which rest days are counted."""

DayKind = Literal["met", "rest", "free"]
"""What a past day was for the streak (see the module)."""


@dataclass(frozen=True)
class Streak:
    """The learner's current run of days with the goal met."""

    days: int
    """Days with the goal met in the current run (today included once met)."""
    rest_left: int
    """Rest days the run can still take this week without breaking (0 when there is no run)."""


def streak_of(days: Mapping[date, DayKind], today: date) -> Streak:
    """The streak as of ``today`` from what each day was; days not given were free (nothing due)."""
    met = 1 if days.get(today) == "met" else 0
    rests: list[date] = []
    first = min(days, default=today)
    day = today - timedelta(days=1)
    while day >= first:
        kind = days.get(day, "free")
        if kind == "met":
            met += 1
        elif kind == "rest":
            if sum(1 for rest in rests if (rest - day).days < WINDOW) + 1 > REST_DAYS:
                break
            rests.append(day)
        day -= timedelta(days=1)
    if not met:
        return Streak(0, 0)
    # A rest today would sit in the window ending today, beside those of the last six days.
    this_week = sum(1 for rest in rests if (today - rest).days < WINDOW)
    return Streak(met, max(0, REST_DAYS - this_week))
