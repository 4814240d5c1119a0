"""The customer's pace (normal, slow, off), the "has finished" cue and pausing the customer, in the app.

Nothing sleeps: the test moves the app's clock and asks the screen to look at it (``tick``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, RadioSet, TextArea

from course.tui.conversation_settings import ConversationSettingsDialog
from course.tui.preferences import (
    ConversationPreferences,
    conversation_preferences,
    save_conversation_preferences,
    save_theme,
    saved_theme,
)
from course.tui.screens.conversation_exercise import PAUSE_KEY, ConversationExerciseScreen
from course.tui.widgets.chat_log import ChatLog

from .kinds_course import (
    CONVERSATION_ID,
    FIRST_PIECES,
    PASSING_REPLY,
    SIZE,
    Clock,
    app_at,
    help_text,
    kinds_course,
    text_of,
)

FIRST, SECOND = (piece.text for piece in FIRST_PIECES)
FINISHED = "Priya has finished: your turn."


@pytest.fixture
def course(tmp_path: Path):
    return kinds_course(tmp_path / "course")


def chat(app) -> str:
    return "\n".join(entry.text.plain for entry in app.screen.query_one("#chat", ChatLog).entries)


async def open_conversation(pilot) -> ConversationExerciseScreen:
    await pilot.press("c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ConversationExerciseScreen)
    return screen


async def let_time_pass(pilot, clock: Clock, seconds: float) -> None:
    clock.advance(seconds)
    pilot.app.screen.tick()
    await pilot.pause()


async def test_pausing_keeps_the_customer_from_saying_more_until_the_learner_goes_on(course, dana, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_conversation(pilot)
        assert "^t Pause" in text_of(app)  # in the footer
        await let_time_pass(pilot, clock, 1.0)
        await pilot.press(PAUSE_KEY)
        await pilot.pause()
        assert "⏸ Paused: Priya waits for you · ctrl+t goes on" in text_of(app) and "^t Go on" in text_of(app)
        await let_time_pass(pilot, clock, 60.0)
        assert FIRST not in chat(app)
        await pilot.press(PAUSE_KEY)
        await pilot.pause()
        await let_time_pass(pilot, clock, 0.5)  # 1.0 before the pause and 0.5 after: the first piece's 1.5
        assert FIRST in chat(app) and SECOND not in chat(app) and "Priya is typing…" in text_of(app)
        assert app.focused is app.screen.query_one("#reply", TextArea)  # typing goes on where it was


async def test_the_help_lists_the_pause_key_and_the_settings(course, dana, store) -> None:
    app = app_at(course, store, CONVERSATION_ID, Clock())
    async with app.run_test(size=SIZE) as pilot:
        await open_conversation(pilot)
        await pilot.press("f1")
        await pilot.pause()
        shown = " ".join(help_text(app.screen).split())  # all of it, however much the window shows at once
        assert "Pause the customer until you go on" in shown
        assert "ctrl+o Settings: how fast the customer types, the finished cue" in shown


async def test_at_a_slow_pace_the_customer_takes_twice_as_long(course, dana, store) -> None:
    save_conversation_preferences(store.data_dir, dana, ConversationPreferences(pace="slow"))
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_conversation(pilot)
        await let_time_pass(pilot, clock, 1.5)
        assert FIRST not in chat(app)
        await let_time_pass(pilot, clock, 1.5)
        assert FIRST in chat(app) and SECOND not in chat(app)


async def test_with_the_pace_off_everything_the_customer_says_is_there_at_once(course, dana, store) -> None:
    save_conversation_preferences(store.data_dir, dana, ConversationPreferences(pace="off"))
    app = app_at(course, store, CONVERSATION_ID, Clock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_conversation(pilot)
        assert FIRST in chat(app) and SECOND in chat(app) and FINISHED in text_of(app)
        screen.query_one("#reply", TextArea).insert(PASSING_REPLY)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "So what happens now?" in chat(app)  # the next turn, with no time passing
        assert not screen.run.replies[0].interrupted


async def test_with_the_cue_off_the_line_saying_the_customer_has_finished_is_not_shown(course, dana, store) -> None:
    save_conversation_preferences(store.data_dir, dana, ConversationPreferences(finished_cue=False))
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_conversation(pilot)
        await let_time_pass(pilot, clock, 1.0)
        assert "Priya is typing…" in text_of(app)
        await let_time_pass(pilot, clock, 3.0)
        assert SECOND in chat(app) and FINISHED not in text_of(app) and "is typing" not in text_of(app)


async def test_the_settings_window_changes_the_pace_and_cue_at_once_and_keeps_them(course, dana, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_conversation(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConversationSettingsDialog)
        assert dialog.query_one("#pace", RadioSet).pressed_button.id == "pace-normal"
        await pilot.press("down", "enter")  # slow
        await pilot.click("#finished-cue")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and screen.customer_clock.rate == 0.5
        assert conversation_preferences(store.data_dir, dana) == ConversationPreferences("slow", False)
        await let_time_pass(pilot, clock, 1.5)
        assert FIRST not in chat(app)


async def test_cancel_changes_nothing(course, dana, store) -> None:
    app = app_at(course, store, CONVERSATION_ID, Clock())
    async with app.run_test(size=SIZE) as pilot:
        await open_conversation(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#finished-cue", Checkbox).value = False
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConversationExerciseScreen)
    assert conversation_preferences(store.data_dir, dana) == ConversationPreferences()


async def test_the_command_palette_opens_the_settings_from_the_dashboard(course, dana, store) -> None:
    from course.tui.app import ListenApp

    app = ListenApp(course, store, clock=Clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Conversation settings")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationSettingsDialog)


def test_each_learner_keeps_their_own_settings_and_the_theme_stays(data_dir) -> None:
    save_theme(data_dir, "textual-light")
    save_conversation_preferences(data_dir, "Dana", ConversationPreferences("off", False))
    assert conversation_preferences(data_dir, "dana ") == ConversationPreferences("off", False)
    assert conversation_preferences(data_dir, "Ben") == ConversationPreferences()
    save_theme(data_dir, "textual-dark")
    assert saved_theme(data_dir) == "textual-dark"
    assert conversation_preferences(data_dir, "Dana") == ConversationPreferences("off", False)


def test_settings_that_cannot_be_read_are_the_defaults(data_dir) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "preferences.json").write_text('{"learners": {"dana": {"pace": "warp", "finished_cue": "yes"}}}')
    assert conversation_preferences(data_dir, "Dana") == ConversationPreferences()
    (data_dir / "preferences.json").write_bytes(b"\x00not json")
    assert conversation_preferences(data_dir, "Dana") == ConversationPreferences()
