"""Spot exercises: move through the transcript, mark with space, check, and what the store keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.tui.screens.feedback import FeedbackScreen
from course.tui.screens.spot_exercise import SpotExerciseScreen

from .kinds_course import SIZE, SPOT_ID, app_at, kinds_course, text_of


@pytest.fixture
def course(tmp_path: Path):
    return kinds_course(tmp_path / "course")


async def test_marking_the_slip_passes(course, dana: str, store) -> None:
    app = app_at(course, store, SPOT_ID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SpotExerciseScreen)
        await pilot.press("down", "down", "space")
        assert "⚑ marked" in text_of(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        shown = text_of(app)
        assert "✓ PASSED" in shown and "✓ found" in shown and "asks for the reading" in shown
    [attempt] = store.attempts(dana, SPOT_ID)
    assert attempt.answer == [3] and attempt.passed
    assert [(o.criterion_id, o.met) for o in attempt.outcomes] == [("line-3", True)]


async def test_marking_the_wrong_line_fails_and_names_both(course, dana: str, store) -> None:
    app = app_at(course, store, SPOT_ID)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")  # nothing marked yet
        await pilot.pause()
        assert "Mark at least one line" in text_of(app)
        await pilot.press("down", "enter", "space", "space", "ctrl+s")  # enter marks as space does
        await pilot.pause()
        shown = text_of(app)
        assert "✗ NOT YET" in shown and "✗ missed" in shown and "✗ wrong" in shown
    [attempt] = store.attempts(dana, SPOT_ID)
    assert attempt.answer == [2] and not attempt.passed and attempt.score == 0.0
    assert [(o.criterion_id, o.met) for o in attempt.outcomes] == [("line-2", False), ("line-3", False)]
