"""The dashboard says when a customer is back about a promise, and the follow-up opens in the text exercise screen."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from textual.widgets import TextArea

from course.tui.app import ListenApp
from course.tui.screens.dashboard import DashboardScreen
from course.tui.screens.feedback import FeedbackScreen
from course.tui.screens.text_exercise import TextExerciseScreen
from course.tui.widgets.follow_up import FollowUpLine

from .kinds_course import SIZE, text_of

MADE = datetime(2030, 1, 1, 9, 0, tzinfo=timezone.utc)
PROMISE = ("I'm so sorry Dana, that sounds stressful with the party on Saturday. I'll message you by 3 pm tomorrow "
           "with where the bike is.")
KEPT = ("Hi Dana, sorry you had to chase me. I rang the courier this morning as I said I would: the bike "
        "is on the van and should be with you on Friday.")


def app_on(course, store, when: datetime) -> ListenApp:
    return ListenApp(course, store, "Dana", now=lambda: when)


async def promise_in_the_app(course, store) -> None:
    app = app_on(course, store, MADE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")  # Continue opens the exercise the test put the place on
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen)
        app.screen.query_one(TextArea).load_text(PROMISE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)


async def test_the_customer_is_back_a_day_later_and_the_promise_is_kept(course, store, dana):
    from course.progress import Place

    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    await promise_in_the_app(course, store)
    [promise] = store.promises(dana)
    assert promise.words == "I'll message you by 3 pm tomorrow with where the bike is."

    app = app_on(course, store, MADE + timedelta(days=2))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = text_of(app)
        assert "A customer is back: Dana — you promised “I'll message you by 3 pm tomorrow" in shown
        assert "f Follow up" in shown
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen) and app.screen.exercise.id == promise.follow_up_id
        brief = text_of(app)
        assert "Two days ago you told me: “I'll message you by 3 pm tomorrow" in brief
        assert "Dana is back about what you promised" in brief
        app.screen.query_one(TextArea).load_text(KEPT)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen) and "✓ PASSED" in text_of(app)
        assert "n Next" not in text_of(app)  # a follow-up belongs to no module's run of exercises
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert not app.screen.query_one(FollowUpLine).display
        assert "f Follow up" not in text_of(app)
    [settled] = store.promises(dana)
    assert settled.outcome == "kept"
    [follow_up] = store.attempts(dana, promise.follow_up_id)
    assert follow_up.passed and follow_up.answer == KEPT


async def test_before_a_day_has_passed_nobody_is_back(course, store, dana):
    from course.progress import Place

    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    await promise_in_the_app(course, store)
    app = app_on(course, store, MADE + timedelta(hours=20))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "A customer is back" not in text_of(app) and "Follow up" not in text_of(app)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_a_half_typed_follow_up_is_there_to_continue(course, store, dana):
    from course.progress import Place

    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    await promise_in_the_app(course, store)
    later = MADE + timedelta(days=1, hours=1)
    app = app_on(course, store, later)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one(TextArea).load_text("Hi Dana, sorry you had to")
        await pilot.press("ctrl+q")
        await pilot.pause()
    app = app_on(course, store, later)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "▶ Continue: Dana is back about your promise" in text_of(app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen)
        assert app.screen.query_one(TextArea).text == "Hi Dana, sorry you had to"
        assert "Yesterday you told me" in text_of(app)
