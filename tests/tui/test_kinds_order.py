"""Order exercises: move steps with the keys, check, and what the store keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.content.answers import starting_order
from course.progress import ProgressStore
from course.tui.screens.feedback import FeedbackScreen
from course.tui.screens.order_exercise import OrderExerciseScreen

from .kinds_course import ORDER_ID, SIZE, STEPS, app_at, kinds_course, text_of


@pytest.fixture
def course(tmp_path: Path):
    return kinds_course(tmp_path / "course")


def keys_to_sort(order: list[int]) -> list[str]:
    """The keys that put a shuffled list right, one step at a time, as a learner would."""
    order, keys = list(order), []
    for target in range(len(order)):
        at = order.index(target)
        keys += ["home"] + ["down"] * at + ["shift+up"] * (at - target)
        order.insert(target, order.pop(at))
    return keys


async def test_steps_put_in_order_pass(course, dana: str, store) -> None:
    app = app_at(course, store, ORDER_ID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, OrderExerciseScreen)
        shuffled = starting_order(course.exercise(ORDER_ID))
        assert shuffled != sorted(shuffled)  # never shown already right
        await pilot.press(*keys_to_sort(shuffled), "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        shown = text_of(app)
        assert "✓ PASSED" in shown and "All 4 steps are in the right order." in shown
    [attempt] = store.attempts(dana, ORDER_ID)
    assert attempt.answer == list(STEPS) and attempt.passed and attempt.score == 1.0
    assert [(o.criterion_id, o.met, o.skill) for o in attempt.outcomes] == [
        (f"step-{n}", True, "empathy") for n in range(1, 5)
    ]
    assert store.draft(dana, ORDER_ID) is None


async def test_checking_the_shuffled_order_fails_and_says_where_each_step_belongs(course, dana: str, store) -> None:
    app = app_at(course, store, ORDER_ID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = text_of(app)
        assert "✗ NOT YET" in shown and "belongs" in shown
    [attempt] = store.attempts(dana, ORDER_ID)
    shuffled = starting_order(course.exercise(ORDER_ID))
    assert attempt.answer == [STEPS[i] for i in shuffled] and not attempt.passed
    assert any(not outcome.met for outcome in attempt.outcomes)
    # Steps already in the right order among themselves count: only the others need moving.
    assert 0 < attempt.score < 1 and attempt.score == sum(o.met for o in attempt.outcomes) / len(STEPS)


async def test_u_and_d_move_too_and_the_order_is_kept_as_a_draft(course, dana: str, store, data_dir: Path) -> None:
    app = app_at(course, store, ORDER_ID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        before = list(screen.order)
        await pilot.press("d")  # the first step down one place
        assert screen.order == [before[1], before[0], *before[2:]]
        assert screen.highlighted == 1
        await pilot.press("u", "u")  # back up, then a bell at the top
        assert screen.order == before
        await pilot.press("shift+down", "ctrl+q")
    store.close()
    again = ProgressStore(data_dir)
    app = app_at(course, again, ORDER_ID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.order == [before[1], before[0], *before[2:]]
    again.close()


async def test_help_lists_the_moving_keys(course, dana: str, store) -> None:
    app = app_at(course, store, ORDER_ID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        shown = text_of(app)
        assert "Move up" in shown and "Move down" in shown and "Check answer" in shown and "Pick a step" in shown
