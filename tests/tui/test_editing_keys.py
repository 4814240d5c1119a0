"""The help of every screen with an answer box lists the box's editing keys (undo, delete a word, select all...)."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.tui.editing import EDITING_KEYS
from course.tui.screens.dialogs import HelpDialog

from .kinds_course import CONVERSATION_ID, PARAPHRASE_ID, app_at, help_text, kinds_course


@pytest.fixture
def course(tmp_path: Path):
    return kinds_course(tmp_path / "course")


@pytest.mark.parametrize("exercise_id", ["empathy.late-gift", "empathy.cold-reply", PARAPHRASE_ID, CONVERSATION_ID])
async def test_f1_in_the_answer_box_lists_the_editing_keys(course, store, dana, exercise_id) -> None:
    app = app_at(course, store, exercise_id)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("f1")  # printable keys type in the box: help is f1 there
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        shown = help_text(app.screen)
        for _, what in EDITING_KEYS:
            assert what in shown, what
