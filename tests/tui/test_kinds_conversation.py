"""A customer who talks back: pieces over time, interruptions, mood, notes, the summary, resume.

Nothing here sleeps: the test moves the app's clock and asks the screen to look at it
(``tick``), as its timer does every quarter second in real use.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import TextArea

from course.progress import ProgressStore
from course.tui.screens.conversation_exercise import ConversationExerciseScreen
from course.tui.screens.conversation_feedback import ConversationFeedbackScreen
from course.tui.widgets.chat_log import ChatLog
from course.tui.widgets.notes_pane import NotesPane

from .kinds_course import (
    CONVERSATION_ID,
    FAILING_REPLY,
    FAILING_SUMMARY,
    FIRST_PIECES,
    PASSING_REPLY,
    PASSING_SUMMARY,
    SIZE,
    Clock,
    app_at,
    kinds_course,
    text_of,
)

FIRST, SECOND = (piece.text for piece in FIRST_PIECES)


@pytest.fixture
def course(tmp_path: Path):
    return kinds_course(tmp_path / "course")


async def let_time_pass(pilot, clock: Clock, seconds: float) -> None:
    """Move the clock, let the screen look at it, and let the screen settle."""
    clock.advance(seconds)
    pilot.app.screen.tick()
    await pilot.pause()


async def say(pilot, text: str) -> None:
    """Type into the reply box (which has focus) and send."""
    pilot.app.screen.query_one("#reply", TextArea).insert(text)
    await pilot.press("ctrl+s")
    await pilot.pause()


def chat(app) -> str:
    """The chat as plain text."""
    return "\n".join(entry.text.plain for entry in app.screen.query_one("#chat", ChatLog).entries)


async def test_the_customer_types_over_time_and_a_patient_conversation_passes(course, dana: str, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConversationExerciseScreen)
        assert "Priya is typing…" in text_of(app) and FIRST not in chat(app)
        await let_time_pass(pilot, clock, 1.5)
        assert FIRST in chat(app) and SECOND not in chat(app)
        assert "Priya is typing…" in text_of(app)
        await let_time_pass(pilot, clock, 2.0)
        assert SECOND in chat(app) and "Priya has finished: your turn." in text_of(app)

        await pilot.press("ctrl+n", *"rent on the 1st", "ctrl+n")  # notes while listening
        assert app.focused is app.screen.query_one("#reply", TextArea)
        await say(pilot, PASSING_REPLY)
        shown = text_of(app)
        assert "✓ Good reply · 2 of 2 points · Priya: calmer ▲ up 1" in chat(app)
        assert "calmer (+1)" in shown and "▲ up 1" in shown  # the mood meter, in words and symbols

        await let_time_pass(pilot, clock, 1.0)
        assert "Closing step: sum up" in chat(app)
        assert app.screen.query_one("#reply", TextArea).border_title == "Your closing summary"
        await say(pilot, PASSING_SUMMARY)
        await let_time_pass(pilot, clock, 1.0)
        assert "Great, thank you." in chat(app) and "End of the conversation." in chat(app)
        assert "■ Ended · ctrl+s shows your feedback" in text_of(app)

        [attempt] = store.attempts(dana, CONVERSATION_ID)  # recorded as soon as it ended
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConversationFeedbackScreen)
        shown = text_of(app)
        assert "✓ PASSED" in shown and "closing summary" in shown
        await pilot.press("end")  # the notes come last
        await pilot.pause()
        assert "Your notes" in text_of(app) and "rent on the 1st" in text_of(app)
    assert attempt.passed and attempt.score == 1.0
    assert attempt.answer == {
        "replies": [PASSING_REPLY, PASSING_SUMMARY],
        "heard": [2, 1],
        "interruptions": 0,
        "notes": "rent on the 1st",
        "path": ["start", "close", "thanks"],
        "mood": 2,
    }
    assert [(o.criterion_id, o.met) for o in attempt.outcomes if ".harm." not in o.criterion_id] == [
        ("start.heard-it", True), ("start.steady", True), ("start.let-them-finish", True),
        ("close.facts", True), ("close.let-them-finish", True),
    ]
    assert all(o.met for o in attempt.outcomes if ".harm." in o.criterion_id)
    assert store.draft(dana, CONVERSATION_ID) is None


async def test_sending_while_the_customer_types_is_an_interruption(course, dana: str, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await let_time_pass(pilot, clock, 1.5)  # Priya has said one thing and is still typing
        await say(pilot, PASSING_REPLY)
        shown = chat(app)
        assert "⚠ You interrupted: Priya was still typing." in shown
        assert f"Priya (still typing): {SECOND}" in shown  # what went unheard
        assert "Priya: neutral, no change" in shown  # the good reply's +1, less 1 for interrupting
        assert app.screen.run.interruptions == 1

        await let_time_pass(pilot, clock, 1.0)
        await say(pilot, FAILING_SUMMARY)
        await let_time_pass(pilot, clock, 1.0)
        assert "Hm. OK then." in chat(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = text_of(app)
        assert "✗ NOT YET" in shown and "⚠ interrupted" in shown and "Not yet heard:" in shown
        assert "The closing summary did not pass." in shown
    [attempt] = store.attempts(dana, CONVERSATION_ID)
    assert not attempt.passed
    assert attempt.answer["interruptions"] == 1 and attempt.answer["heard"] == [1, 1]
    assert attempt.answer["path"] == ["start", "close", "unsure"]
    missed = {o.criterion_id for o in attempt.outcomes if not o.met}
    assert missed == {"start.let-them-finish", "close.facts"}


async def test_a_failing_reply_takes_the_other_branch_and_costs_mood(course, dana: str, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await let_time_pass(pilot, clock, 10)
        await say(pilot, FAILING_REPLY)
        # the course-wide dismissal check is shown beside the rubric's own two points, as it is missed
        assert "✗ Not yet · 0 of 3 points · Priya: uneasy ▼ down 1" in chat(app)
        assert "steady: missing." in chat(app)  # the essential miss is the one named
        assert "uneasy (-1)" in text_of(app)


async def test_quitting_mid_conversation_resumes_exactly(course, dana: str, store, data_dir: Path) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await let_time_pass(pilot, clock, 1.5)
        await say(pilot, PASSING_REPLY)  # an interruption, kept as such
        await let_time_pass(pilot, clock, 1.0)
        await pilot.press("ctrl+n", *"order 5521", "ctrl+n", *"So, to sum up")
        before = chat(app)
        await pilot.press("ctrl+q")  # long before the draft timer
    store.close()
    draft = json.loads(ProgressStore(data_dir).draft(dana, CONVERSATION_ID) or "{}")
    assert draft["replies"] == [PASSING_REPLY] and draft["heard"] == [1] and draft["turn"] == "close"
    assert draft["notes"] == "order 5521" and draft["typed"] == "So, to sum up" and draft["shown"] == 1

    again = ProgressStore(data_dir)
    clock = Clock()
    app = app_at(course, again, CONVERSATION_ID, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConversationExerciseScreen)
        assert chat(app) == before  # the same chat, interruption and all
        assert screen.run.interruptions == 1 and screen.run.turn_id == "close"
        assert screen.query_one("#notes", NotesPane).text == "order 5521"
        assert screen.query_one("#reply", TextArea).text == "So, to sum up"
        assert "neutral (0)" in text_of(app)
        await pilot.press(*", charged twice, 89.99, order 5521. Right?", "ctrl+s")
        await let_time_pass(pilot, clock, 1.0)
    [attempt] = again.attempts(dana, CONVERSATION_ID)
    assert attempt.answer["replies"][1] == "So, to sum up, charged twice, 89.99, order 5521. Right?"
    assert attempt.answer["interruptions"] == 1 and attempt.answer["notes"] == "order 5521"
    again.close()


async def test_feedback_reopens_after_a_restart_and_replay_starts_afresh(course, dana: str, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await let_time_pass(pilot, clock, 5)
        await say(pilot, PASSING_REPLY)
        await let_time_pass(pilot, clock, 5)
        await say(pilot, PASSING_SUMMARY)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConversationFeedbackScreen)

    app = app_at(course, store, CONVERSATION_ID, clock, screen="feedback")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConversationFeedbackScreen)
        assert "✓ PASSED" in text_of(app)
        await pilot.press("m")
        await pilot.pause()
        assert "Model replies" in text_of(app) and "two charges of 89.99" in text_of(app)
        await pilot.press("escape", "r")  # replay: another go, from the start
        await pilot.pause()
        assert isinstance(app.screen, ConversationExerciseScreen)
        assert app.screen.run.replies == [] and FIRST not in chat(app)
        assert "Priya is typing…" in text_of(app)
    assert len(store.attempts(dana, CONVERSATION_ID)) == 1


async def test_replies_that_look_like_markup_are_shown_as_typed(course, dana: str, store) -> None:
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    typed = "[red]so sorry[/] you were charged twice [link=x]"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await let_time_pass(pilot, clock, 5)
        await say(pilot, typed)
        assert typed in text_of(app)
        await let_time_pass(pilot, clock, 5)
        await say(pilot, "[bold]" + PASSING_SUMMARY)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert typed in text_of(app) and "[bold]So:" in text_of(app)
