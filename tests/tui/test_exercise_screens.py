"""What every exercise screen does the same way: time spent, drafts, checking the answer.

Each kind's screen is built on ``ExerciseScreen``; these tests play every kind
through the same moves, so a kind that kept its own clock or draft would show.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from course.tui.kinds import playable_kinds, screen_for_kind
from course.tui.screens.dialogs import HelpDialog
from course.tui.screens.exercise import ExerciseScreen

from .kinds_course import (
    CLASSIFY_ID,
    CONVERSATION_ID,
    ORDER_ID,
    PARAPHRASE_ID,
    PASSING_REPLY,
    PASSING_SUMMARY,
    SIZE,
    SPOT_ID,
    Clock,
    app_at,
    kinds_course,
)

ANSWERS: dict[str, tuple[str, list[str]]] = {
    "choice": ("welcome.first-step", []),  # the highlighted option is an answer
    "multi": ("welcome.good-habits", ["space"]),
    "reply": ("empathy.late-gift", list("Sorry")),
    "rewrite": ("empathy.cold-reply", []),  # the box opens with the reply to rewrite
    "paraphrase": (PARAPHRASE_ID, list("So")),
    "order": (ORDER_ID, []),  # the shuffled order is an answer (a wrong one)
    "classify": (CLASSIFY_ID, ["1", "down", "1", "down", "1", "down", "1"]),
    "spot": (SPOT_ID, ["space"]),
}
"""For every kind answered in one go: an exercise, and the keys that give a complete answer to check."""

CHANGES: dict[str, list[str]] = {
    "multi": ["space"],
    "reply": list("Half"),
    "rewrite": list("Sorry"),
    "paraphrase": list("So"),
    "order": ["d"],
    "classify": ["2"],
    "spot": ["down", "space"],
}
"""For every kind that keeps a draft: keys that leave the answer half-done, unlike a fresh start."""


@pytest.fixture
def course(tmp_path: Path):
    return kinds_course(tmp_path / "course")


def test_every_kind_is_played_on_an_exercise_screen() -> None:
    kinds = sorted(playable_kinds())
    elsewhere = [kind for kind in kinds if not issubclass(screen_for_kind(kind), ExerciseScreen)]
    assert kinds and elsewhere == []


def test_every_kind_is_played_by_these_tests() -> None:
    assert set(ANSWERS) | {"conversation"} == playable_kinds()
    assert set(CHANGES) | {"choice", "conversation"} == playable_kinds()  # a single pick keeps no draft


@pytest.mark.parametrize("kind", sorted(ANSWERS))
async def test_time_spent_stops_while_help_is_in_front(course, dana: str, store, kind: str) -> None:
    exercise_id, keys = ANSWERS[kind]
    clock = Clock()
    app = app_at(course, store, exercise_id, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, screen_for_kind(kind))
        clock.advance(5)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        clock.advance(100)  # reading the help is not answering
        await pilot.press("escape")
        await pilot.pause()
        clock.advance(3)
        await pilot.press(*keys, "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ExerciseScreen)  # the feedback, in its place
    [attempt] = store.attempts(dana, exercise_id)
    assert attempt.seconds == 8.0


async def test_time_spent_in_a_conversation_stops_while_help_is_in_front(course, dana: str, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)

    async def let_time_pass(seconds: float) -> None:
        clock.advance(seconds)
        app.screen.tick()
        await pilot.pause()

    async def say(text: str) -> None:
        app.screen.query_one("#reply", TextArea).insert(text)
        await pilot.press("ctrl+s")
        await pilot.pause()

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await let_time_pass(4)  # Priya has said everything
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        clock.advance(100)
        await pilot.press("escape")
        await pilot.pause()
        await say(PASSING_REPLY)
        await let_time_pass(1)
        await say(PASSING_SUMMARY)  # the conversation ends, and is recorded at once
        await let_time_pass(1)
    [attempt] = store.attempts(dana, CONVERSATION_ID)
    assert attempt.seconds == 5.0


@pytest.mark.parametrize("kind", sorted(CHANGES))
async def test_an_answer_left_half_done_is_there_on_reopening(course, dana: str, store, kind: str) -> None:
    exercise_id = ANSWERS[kind][0]
    app = app_at(course, store, exercise_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen)
        fresh = screen.answer()
        await pilot.press(*CHANGES[kind])
        half_done = screen.answer()
        assert half_done != fresh
        await pilot.press("escape")  # back, long before a typing pause would have kept it
        await pilot.pause()
        assert app.screen is not screen
    assert store.draft(dana, exercise_id)

    app = app_at(course, store, exercise_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen) and app.screen.answer() == half_done
