"""Classify exercises: a label per line with the keys, check, and what the store keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.tui.screens.classify_exercise import ClassifyExerciseScreen
from course.tui.screens.feedback import FeedbackScreen

from .kinds_course import CLASSIFY_ID, SIZE, SORTED, app_at, kinds_course, text_of

LABELS = ("feeling", "fact", "request")


@pytest.fixture
def course(tmp_path: Path):
    return kinds_course(tmp_path / "course")


async def test_every_line_labelled_right_passes(course, dana: str, store) -> None:
    app = app_at(course, store, CLASSIFY_ID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ClassifyExerciseScreen)
        assert "1 feeling · 2 fact · 3 request" in text_of(app)
        for item in SORTED:  # the number of each line's label, then on to the next line
            await pilot.press(str(LABELS.index(item.label) + 1), "down")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "✓ PASSED" in text_of(app)
    [attempt] = store.attempts(dana, CLASSIFY_ID)
    assert attempt.answer == {item.text: item.label for item in SORTED}
    assert attempt.passed and attempt.score == 1.0
    assert [o.criterion_id for o in attempt.outcomes] == ["item-1", "item-2", "item-3", "item-4"]


async def test_unlabelled_lines_are_not_checked_and_wrong_labels_fail(course, dana: str, store) -> None:
    app = app_at(course, store, CLASSIFY_ID)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("right", "ctrl+s")  # one line labelled: not yet complete
        await pilot.pause()
        assert "3 still have" in text_of(app)
        assert store.attempts(dana, CLASSIFY_ID) == []
        # Every line "feeling": space cycles from nothing to the first label; left wraps round.
        await pilot.press("down", "space", "down", "left", "left", "left", "down", "enter", "ctrl+s")
        await pilot.pause()
        shown = text_of(app)
        assert "✗ NOT YET" in shown and "you chose feeling" in shown
    [attempt] = store.attempts(dana, CLASSIFY_ID)
    assert set(attempt.answer.values()) == {"feeling"} and not attempt.passed
    assert attempt.score == 0.25
    assert [o.met for o in attempt.outcomes] == [False, True, False, False]


async def test_labels_are_kept_as_a_draft_and_retry_brings_them_back(course, dana: str, store) -> None:
    app = app_at(course, store, CLASSIFY_ID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert store.draft(dana, CLASSIFY_ID) == '{"I\'ve rung three times this week.": "fact"}'
        for _ in SORTED[1:]:
            await pilot.press("down", "1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r", "k")  # retry, keeping the same labels, to change the wrong ones
        await pilot.pause()
        assert isinstance(app.screen, ClassifyExerciseScreen)
        assert app.screen.given == ["fact", "feeling", "feeling", "feeling"]
