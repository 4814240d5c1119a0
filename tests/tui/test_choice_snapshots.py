"""Question and feedback screens of the choice, multi and rewrite kinds, compared with approved pictures.

Update after a deliberate change with ``pytest tests/tui/test_choice_snapshots.py --snapshot-update``
and look at the new SVGs before committing them.
"""

from __future__ import annotations

from textual.pilot import Pilot

from .kinds_course import SIZE, app_at
from .test_kinds_snapshots import still


def keys_then(*keys: str):
    """Continue to the exercise, then press these keys."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.press("c")
        await still(pilot)
        if keys:
            await pilot.press(*keys)
        await still(pilot)

    return run_before


def test_choice_question(snap_compare, course, dana, store) -> None:
    assert snap_compare(app_at(course, store, "welcome.first-step"), terminal_size=SIZE, run_before=keys_then("down"))


def test_choice_feedback(snap_compare, course, dana, store) -> None:
    app = app_at(course, store, "welcome.first-step")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys_then("down", "enter"))


def test_multi_question(snap_compare, course, dana, store) -> None:
    assert snap_compare(app_at(course, store, "welcome.good-habits"), terminal_size=SIZE,
                        run_before=keys_then("space", "down"))


def test_multi_feedback(snap_compare, course, dana, store) -> None:
    app = app_at(course, store, "welcome.good-habits")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys_then("space", "down", "space", "ctrl+s"))


def test_rewrite_question(snap_compare, course, dana, store) -> None:
    assert snap_compare(app_at(course, store, "empathy.cold-reply"), terminal_size=SIZE,
                        run_before=keys_then("space", "S", "o", "r", "r", "y"))
