"""Dates in trainer files: checked to be real days and times, compared in the learner's own calendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

__all__ = ["real_day", "real_time", "today", "days_left", "now_stamp", "TIME_SLACK"]

TIME_SLACK = timedelta(days=1)
"""How far in the future a recorded time may be: clocks on learners' machines drift."""


def real_day(text: str) -> date | None:
    """The calendar day ``YYYY-MM-DD`` names, or None if there is no such day (2026-02-30)."""
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def real_time(text: str) -> datetime | None:
    """The moment an ISO-8601 time with a zone names, or None if it is not one."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except (TypeError, ValueError, AttributeError):
        return None
    return moment if moment.tzinfo is not None else None


def today() -> date:
    """Today in the local calendar: a due date ends at the end of the learner's own day."""
    return date.today()


def days_left(due: date, on: date) -> int:
    """Whole days from ``on`` to ``due``: 0 on the day itself, negative once it has passed."""
    return (due - on).days


def now_stamp() -> str:
    """Now as ISO-8601 UTC to the second, as every listen file writes times."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
