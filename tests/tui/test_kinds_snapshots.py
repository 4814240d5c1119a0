"""Each new kind's question screen and feedback screen, compared with approved pictures.

Update after a deliberate change with ``pytest tests/tui/test_kinds_snapshots.py --snapshot-update``
and look at the new SVGs before committing them. Nothing shown depends on the clock: the
conversation runs on a clock the test moves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from .kinds_course import (
    CLASSIFY_ID,
    CONVERSATION_ID,
    FAILING_SUMMARY,
    ORDER_ID,
    PASSING_REPLY,
    SIZE,
    SPOT_ID,
    Clock,
    app_at,
    kinds_course,
)

SMALL = (80, 24)


@pytest.fixture
def course(tmp_path: Path):
    return kinds_course(tmp_path / "course")


async def still(pilot: Pilot) -> None:
    """No blinking cursors: a snapshot must not depend on when it was taken."""
    for box in pilot.app.query(TextArea):
        box.cursor_blink = False
        # Its lines are cached without regard to blinking: one drawn in the blink's dark half
        # would be reused with the cursor missing. Drawn afresh, the cursor shows.
        box.notify_style_update()
        box.refresh()
    for field in pilot.app.query(Input):
        field.cursor_blink = False
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


def keys_then(*keys: str):
    """A ``run_before`` that continues to the exercise and presses these keys."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.press("c")
        await still(pilot)
        await pilot.press(*keys)
        await still(pilot)

    return run_before


def test_order_question(snap_compare, course, dana, store) -> None:
    app = app_at(course, store, ORDER_ID)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys_then("down", "shift+up", "h"))


def test_order_feedback(snap_compare, course, dana, store) -> None:
    app = app_at(course, store, ORDER_ID)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys_then("ctrl+s"))


def test_classify_question(snap_compare, course, dana, store) -> None:
    app = app_at(course, store, CLASSIFY_ID)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys_then("2", "down", "space", "down"))


def test_classify_feedback(snap_compare, course, dana, store) -> None:
    app = app_at(course, store, CLASSIFY_ID)
    keys = ("2", "down", "1", "down", "1", "down", "2", "ctrl+s")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys_then(*keys))


def test_spot_question(snap_compare, course, dana, store) -> None:
    app = app_at(course, store, SPOT_ID)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys_then("down", "space", "down"))


def test_spot_feedback(snap_compare, course, dana, store) -> None:
    app = app_at(course, store, SPOT_ID)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys_then("down", "space", "ctrl+s"))


def conversation_so_far(clock: Clock, *, finish: bool = False):
    """A reply sent while Priya was still typing, a note, and (if ``finish``) a weak summary."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.press("c")
        await still(pilot)
        screen = pilot.app.screen
        clock.advance(1.5)
        screen.tick()
        screen.query_one("#reply", TextArea).insert(PASSING_REPLY)
        await pilot.press("ctrl+s")
        # Typed straight in: moving the focus there and back is the Pilot tests' business, and
        # a picture taken a beat after a focus change could catch either side of it.
        screen.query_one("#notes", TextArea).load_text("rent due 1st")
        clock.advance(1.0)
        screen.tick()
        if finish:
            screen.query_one("#reply", TextArea).insert(FAILING_SUMMARY)
            await pilot.press("ctrl+s")
            clock.advance(1.0)
            screen.tick()
            await pilot.press("ctrl+s")
        else:
            # Reading back through the chat (tab): no text cursor in the picture, whose blink
            # would otherwise decide what it shows.
            await pilot.press("shift+tab")
            assert pilot.app.focused is screen.query_one("#chat")
        await still(pilot)

    return run_before


def test_conversation_question(snap_compare, course, dana, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=conversation_so_far(clock))


def test_conversation_small_terminal(snap_compare, course, dana, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    assert snap_compare(app, terminal_size=SMALL, run_before=conversation_so_far(clock))


def test_conversation_feedback(snap_compare, course, dana, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=conversation_so_far(clock, finish=True))
