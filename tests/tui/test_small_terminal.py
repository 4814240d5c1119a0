"""80×24 first: every kind's question and feedback screen, compared with approved pictures at 80×24; every
footer keeps Quit; content below the fold says "more below ↓" and pgdn (in the footer) scrolls to it;
every option wraps.

Update the pictures after a deliberate change with
``pytest tests/tui/test_small_terminal.py --snapshot-update`` and look at the new SVGs before committing them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, TextArea

from course.content.model import Course, Option
from course.progress import Place
from course.tui.app import ListenApp
from course.tui.widgets.more_below import MoreBelow

from .kinds_course import (
    CLASSIFY_ID,
    CONVERSATION_ID,
    ORDER_ID,
    PARAPHRASE_ID,
    SPOT_ID,
    Clock,
    app_at,
    kinds_course,
    text_of,
)
from .test_kinds_snapshots import conversation_so_far, still

SMALL = (80, 24)

QUESTION_KEYS: dict[str, tuple[str, ...]] = {
    "welcome.first-step": ("down",),
    "welcome.good-habits": ("space", "down"),
    "empathy.late-gift": tuple("Sorry, Dana."),
    "empathy.cold-reply": (),
    PARAPHRASE_ID: tuple("So you were charged twice."),
    ORDER_ID: ("shift+down",),
    CLASSIFY_ID: ("right", "down", "right", "down", "right", "down", "right"),
    SPOT_ID: ("down", "down", "space"),
}
"""Every kind but the conversation: an exercise and a few keys that answer part of it."""

SUBMIT = {"welcome.first-step": "enter"}
"""How each answer is sent (ctrl+s unless named here)."""


@pytest.fixture
def course(tmp_path: Path) -> Course:
    return kinds_course(tmp_path / "course")


def answering(*keys: str):
    """Continue to the exercise and press these keys."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.press("c")
        await still(pilot)
        if keys:
            await pilot.press(*keys)
        await still(pilot)

    return run_before


@pytest.mark.parametrize("exercise_id", list(QUESTION_KEYS))
def test_each_question_at_80x24(snap_compare, course, dana, store, exercise_id: str) -> None:
    app = app_at(course, store, exercise_id)
    assert snap_compare(app, terminal_size=SMALL, run_before=answering(*QUESTION_KEYS[exercise_id]))


@pytest.mark.parametrize("exercise_id", list(QUESTION_KEYS))
def test_each_feedback_at_80x24(snap_compare, course, dana, store, exercise_id: str) -> None:
    app = app_at(course, store, exercise_id)
    keys = (*QUESTION_KEYS[exercise_id], SUBMIT.get(exercise_id, "ctrl+s"))
    assert snap_compare(app, terminal_size=SMALL, run_before=answering(*keys))


def test_the_conversation_at_80x24(snap_compare, course, dana, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    assert snap_compare(app, terminal_size=SMALL, run_before=conversation_so_far(clock))


def test_the_conversation_feedback_at_80x24(snap_compare, course, dana, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    assert snap_compare(app, terminal_size=SMALL, run_before=conversation_so_far(clock, finish=True))


def footer_of(app) -> str:
    return [line for line in text_of(app).splitlines() if line.strip()][-1]


@pytest.mark.parametrize("exercise_id", [*QUESTION_KEYS, CONVERSATION_ID])
async def test_every_exercise_and_feedback_footer_keeps_quit(course, dana, store, exercise_id: str) -> None:
    app = app_at(course, store, exercise_id, Clock())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert "^q Quit" in footer_of(app), footer_of(app)
        if exercise_id == CONVERSATION_ID:
            return
        await pilot.press(*QUESTION_KEYS[exercise_id], SUBMIT.get(exercise_id, "ctrl+s"))
        await pilot.pause()
        assert "Feedback" in type(app.screen).__name__
        assert "^q Quit" in footer_of(app), footer_of(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "^q Quit" in footer_of(app), footer_of(app)  # the help window's footer too


@pytest.mark.parametrize("keys", [(), ("l",), ("i",), ("s",), ("question_mark",), ("tab", "down", "enter")])
async def test_the_other_screens_keep_quit(course, dana, store, keys) -> None:
    app = ListenApp(course, store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert "^q Quit" in footer_of(app), footer_of(app)


async def test_a_long_lesson_page_says_more_below_and_pgdn_scrolls_to_it(course, dana, store) -> None:
    store.save_place(dana, Place("lesson", "empathy.naming-the-feeling", page=0))
    app = ListenApp(course, store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        cue = app.screen.query_one(MoreBelow)
        assert cue.display and "more below ↓" in text_of(app)
        assert "pgdn More ↓" in footer_of(app) and "^q Quit" in footer_of(app)
        page = app.screen.query_one("#page")
        for _ in range(20):
            if not cue.display:
                break
            await pilot.press("pagedown")
            await pilot.pause()
        assert page.scroll_y == page.max_scroll_y > 0  # at the bottom of the page
        assert not cue.display and "more below" not in text_of(app) and "More ↓" not in footer_of(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Scroll the page" in text_of(app)  # the scroll keys in the help as well


async def test_a_page_that_fits_says_nothing_more(course, dana, store) -> None:
    store.save_place(dana, Place("lesson", "welcome.how-it-works", page=0))
    app = ListenApp(course, store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert not app.screen.query_one(MoreBelow).display and "More ↓" not in footer_of(app)


LONG = ("Before typing in a chat you have just switched to, read that customer's last two messages again, "
        "slowly, so your reply answers what they said and not what the previous customer said")


@pytest.mark.parametrize("exercise_id", ["welcome.first-step", "welcome.good-habits"])
async def test_every_option_wraps_at_80_columns(course, dana, store, exercise_id: str) -> None:
    exercise = course.exercise(exercise_id)
    options = (Option(LONG, True, "Yes."), *exercise.options[1:])
    longer = dataclasses.replace(course, exercises={**course.exercises,
                                                    exercise_id: dataclasses.replace(exercise, options=options)})
    app = app_at(longer, store, exercise_id)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen.query_one("#options"), OptionList)
        shown = " ".join(text_of(app).replace("▊", " ").replace("▎", " ").split())  # the list's edges left out
        assert " ".join(LONG.split()[-8:]) in shown and "…" not in shown  # its last words too, nothing cut
        if exercise_id == "welcome.good-habits":
            await pilot.press("space")
            await pilot.pause()
            assert app.screen.answer() != [] and "[✓]" in text_of(app)


async def test_a_text_box_never_takes_pgdn_from_the_learner(course, dana, store) -> None:
    """In the answer box pgdn moves the cursor, as in any editor: the brief's cue names its own keys."""
    app = app_at(course, store, "empathy.late-gift")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        assert "More ↓" not in footer_of(app)
