"""Reply, paraphrase, rewrite, choice and multi, each played to a pass and to a fail,
checked against what the store recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from course.content.answers import option_order
from course.tui.screens.feedback import FeedbackScreen

from .kinds_course import PARAPHRASE_ID, SIZE, app_at, kinds_course, text_of


@pytest.fixture
def course(tmp_path: Path):
    return kinds_course(tmp_path / "course")


async def answer_in_words(course, store, exercise_id: str, answer: str) -> str:
    """Open the exercise, type the answer, submit; the feedback as the learner reads it."""
    app = app_at(course, store, exercise_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one(TextArea).load_text(answer)  # replaces a rewrite's starting text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        return text_of(app)


@pytest.mark.parametrize(
    ("exercise_id", "answer", "passes", "missed"),
    [
        ("empathy.late-gift", "I'm so sorry Dana, that sounds stressful with the party on Saturday.", True, set()),
        ("empathy.late-gift", "Your order ships soon", False, {"names-feeling", "key-facts"}),
        (PARAPHRASE_ID, "So we took the money two times, and your rent is due.", True, set()),
        (PARAPHRASE_ID, "I see.", False, {"facts"}),
        ("empathy.cold-reply", "I'm sorry, I know waiting for a refund is frustrating.", True, set()),
        ("empathy.cold-reply", "Refunds take 10 days.", False, {"names-feeling", "harm.own-words", "harm.rewritten"}),
    ],
)
async def test_answers_in_own_words(course, dana: str, store, exercise_id, answer, passes, missed) -> None:
    shown = await answer_in_words(course, store, exercise_id, answer)
    assert ("✓ PASSED" if passes else "✗ NOT YET") in shown
    [attempt] = store.attempts(dana, exercise_id)
    assert attempt.answer == answer and attempt.passed is passes
    assert {o.criterion_id for o in attempt.outcomes if not o.met} == missed
    assert attempt.content_hash == course.exercise(exercise_id).content_hash


@pytest.mark.parametrize("right", [True, False])
async def test_choice_to_a_pass_and_to_a_fail(course, dana: str, store, right: bool) -> None:
    exercise = course.exercise("welcome.first-step")
    order = option_order(exercise)
    pick = next(i for i in order if exercise.options[i].correct is right)
    app = app_at(course, store, exercise.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*["down"] * order.index(pick), "enter")
        await pilot.pause()
        shown = text_of(app)
        assert ("✓ PASSED" if right else "✗ NOT YET") in shown
        assert ("✓ right" if right else "✗ wrong") in shown and "your choice" in shown
    [attempt] = store.attempts(dana, exercise.id)
    assert attempt.answer == [pick] and attempt.passed is right and attempt.score == (1.0 if right else 0.0)


@pytest.mark.parametrize("right", [True, False])
async def test_multi_to_a_pass_and_to_a_fail(course, dana: str, store, right: bool) -> None:
    exercise = course.exercise("welcome.good-habits")
    order = option_order(exercise)
    wanted = {i for i, option in enumerate(exercise.options) if option.correct is right}
    keys = []
    for index in order:
        keys += ["space"] if index in wanted else []
        keys += ["down"]
    app = app_at(course, store, exercise.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*keys, "ctrl+s")
        await pilot.pause()
        shown = text_of(app)
        assert ("✓ PASSED" if right else "✗ NOT YET") in shown
        if not right:
            assert "✗ missed" in shown and "✗ wrong" in shown
    [attempt] = store.attempts(dana, exercise.id)
    assert attempt.answer == sorted(wanted) and attempt.passed is right
