"""Exact resume: quit anywhere, any way, and Continue lands on the same screen with the same text.

Each test leaves the app as a learner would (ctrl+q, ctrl+c, or not at all), then opens
a new store and a new app on the same data folder, as the next day's start does.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import TextArea

import course.tui.screens.exercise as exercise_screen
from course.progress import Attempt, Place, ProgressStore
from course.tui.app import ListenApp
from course.tui.screens.choice_exercise import ChoiceExerciseScreen
from course.tui.screens.dashboard import DashboardScreen
from course.tui.screens.feedback import FeedbackScreen
from course.tui.screens.lesson import LessonScreen
from course.tui.screens.module import ModuleScreen
from course.tui.screens.text_exercise import TextExerciseScreen

from .conftest import LEARNER

SIZE = (100, 34)


async def until(pilot: Pilot, check: Callable[[], bool], what: str, timeout: float = 5.0) -> None:
    """Let the app run until ``check()`` holds (a timer firing), without a fixed sleep."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.05)


def continue_label(app: ListenApp) -> str:
    """What the dashboard's Continue says."""
    return str(app.screen.query_one("#continue").render())


# (keys from the dashboard, the screen to land on, what Continue says, the screens beneath it)
WALKS = {
    "module": (["tab", "down", "enter"], ModuleScreen, "Continue: Empathy", [DashboardScreen]),
    "lesson": (["tab", "down", "enter", "enter", "n"], LessonScreen, "Naming the feeling · page 2 of 3",
               [DashboardScreen, ModuleScreen]),
    "exercise": (["tab", "enter", "down", "enter"], ChoiceExerciseScreen, "Continue: The first thing to do",
                 [DashboardScreen, ModuleScreen]),
    "feedback": (["tab", "enter", "down", "enter", "enter"], FeedbackScreen,
                 "The first thing to do · your feedback", [DashboardScreen, ModuleScreen]),
}


@pytest.mark.parametrize("walk", list(WALKS))
async def test_quit_anywhere_and_continue_lands_there(course, data_dir: Path, dana: str, store, walk: str) -> None:
    keys, landing, label, beneath = WALKS[walk]
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, landing)
        await pilot.press("ctrl+q")
    store.close()

    again = ProgressStore(data_dir)
    app = ListenApp(course, again)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert label in continue_label(app)
        await pilot.press("enter")  # Continue has focus
        await pilot.pause()
        assert isinstance(app.screen, landing)
        assert [type(screen) for screen in app.screen_stack[:-1]] == beneath
        await pilot.press("escape")  # back goes where it went before the quit
        await pilot.pause()
        assert isinstance(app.screen, beneath[-1])
    again.close()


async def test_the_lesson_page_and_how_far_down_it_come_back(course, data_dir: Path, dana: str, store) -> None:
    store.save_place(dana, Place("lesson", "empathy.naming-the-feeling", page=1))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        page = app.screen.query_one("#page", VerticalScroll)
        assert page.max_scroll_y > 10  # a long page
        await pilot.press(*["down"] * 6)
        await pilot.pause()
        left_at = page.scroll_y
        assert 0 < left_at < page.max_scroll_y
        await pilot.press("ctrl+q")
    store.close()

    again = ProgressStore(data_dir)
    place = again.place(LEARNER)
    assert place is not None and place.page == 1 and 0 < place.scroll < 1
    app = ListenApp(course, again)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        lesson = app.screen
        assert isinstance(lesson, LessonScreen) and lesson.page == 1
        page = lesson.query_one("#page", VerticalScroll)
        await until(pilot, lambda: page.scroll_y > 0, "the scroll to be restored")
        assert abs(page.scroll_y - left_at) <= 1
        # Opened from the module, the lesson comes back at that page too.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and app.screen.page == 1
    again.close()


async def test_typing_is_saved_once_the_learner_pauses_not_at_every_key(course, data_dir: Path, dana: str, store,
                                                                        monkeypatch) -> None:
    saves: list[str] = []
    real_save = store.save_draft

    def counted(learner: str, exercise_id: str, text: str) -> None:
        saves.append(text)
        real_save(learner, exercise_id, text)

    monkeypatch.setattr(store, "save_draft", counted)
    # A pause long enough that typing a phrase, even on a busy machine, never counts as one.
    monkeypatch.setattr(exercise_screen, "DRAFT_DELAY", 2.0)
    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen)
        await pilot.press(*"Oh no, the party")
        assert saves == []  # no save per keystroke
        await until(pilot, lambda: bool(saves), f"the draft saved {exercise_screen.DRAFT_DELAY} s after typing", 15.0)
        assert saves == ["Oh no, the party"]
        assert "draft saved" in str(app.screen.query_one("#answer-status").render())
        # Another window (or the next start after a crash) reads it now, with the app still open.
        assert ProgressStore(data_dir).draft(LEARNER, "empathy.late-gift") == "Oh no, the party"
        await pilot.press(*" is Saturday")
        await until(pilot, lambda: len(saves) == 2, "the second pause", 15.0)
        assert saves[-1] == "Oh no, the party is Saturday"
        await pilot.press("ctrl+q")  # nothing new to save: no third write
    assert len(saves) == 2


async def test_ctrl_c_mid_answer_then_the_same_text_next_time(course, data_dir: Path, dana: str, store) -> None:
    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"I hear you, Dana.", "enter", *"The party")
        await pilot.press("ctrl+c")  # long before the draft timer
        await pilot.pause()
    assert app.return_code == 0
    store.close()

    again = ProgressStore(data_dir)
    app = ListenApp(course, again)
    async with app.run_test(size=SIZE) as pilot:
        assert "Continue: The late birthday gift" in continue_label(app)
        await pilot.press("c")
        await pilot.pause()
        box = app.screen.query_one("#answer", TextArea)
        assert box.text == "I hear you, Dana.\nThe party"
        assert box.cursor_location == (1, len("The party"))  # typing carries on at the end
        await pilot.press(*" on Saturday")
        assert box.text.endswith("The party on Saturday")
    again.close()


async def test_feedback_reopens_on_the_answer_last_given(course, data_dir: Path, dana: str, store) -> None:
    store.record_attempt(dana, Attempt("empathy.late-gift", "Please calm down.", 0.0, False, content_hash="h3"))
    store.record_attempt(dana, Attempt("empathy.late-gift", "So sorry about the party, Dana.", 0.5, False,
                                       content_hash="h3"))
    store.save_place(dana, Place("feedback", "empathy.late-gift"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.answer == "So sorry about the party, Dana."


async def test_a_conversation_left_half_way_is_kept_while_typing(data_dir: Path, dana: str, store, tmp_path) -> None:
    from .kinds_course import CONVERSATION_ID, PASSING_REPLY, Clock, app_at, kinds_course

    course = kinds_course(tmp_path / "kinds")
    clock = Clock()
    app = app_at(course, store, CONVERSATION_ID, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        clock.advance(4.0)  # the customer has said everything in the first turn
        app.screen.tick()
        await pilot.pause()
        app.screen.query_one("#reply", TextArea).insert(PASSING_REPLY)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press(*"So, to sum")
        kept = lambda: json.loads(ProgressStore(data_dir).draft(LEARNER, CONVERSATION_ID) or "{}")  # noqa: E731
        await until(pilot, lambda: kept().get("typed") == "So, to sum", "the half-typed reply to be kept")
        assert kept()["replies"] == [PASSING_REPLY]
        await pilot.press("ctrl+c")
    store.close()

    again = ProgressStore(data_dir)
    app = app_at(course, again, CONVERSATION_ID, Clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.run.replies[0].text == PASSING_REPLY
        assert app.screen.query_one("#reply", TextArea).text == "So, to sum"
    again.close()


HANGUP_LAUNCHER = """
import sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from tui.kinds_course import kinds_course
import course.tui.screens.conversation_exercise as screen
from course.progress import ProgressStore
from course.tui import run

screen.DRAFT_DELAY = 3600  # only the hang-up may save the conversation
data = Path(sys.argv[1])
run(kinds_course(data / "course"), ProgressStore(data), None)
"""


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_a_closed_terminal_mid_conversation_keeps_the_conversation(tmp_path: Path, dana: str, store,
                                                                   data_dir: Path) -> None:
    from .kinds_course import CONVERSATION_ID, FIRST_PIECES
    from .test_hangup import _alive, _wait_for

    store.save_place(dana, Place("exercise", CONVERSATION_ID))
    store.close()
    launcher = tmp_path / "launch.py"
    launcher.write_text(HANGUP_LAUNCHER.format(tests=str(Path(__file__).resolve().parents[1])))
    socket = f"listen-resume-{tmp_path.name}"

    def tmux(*args: str) -> str:
        return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True).stdout

    def screen() -> str:
        return tmux("capture-pane", "-p", "-t", "app")

    tmux("new-session", "-d", "-s", "app", "-x", "100", "-y", "34", f"{sys.executable} {launcher} {data_dir}")
    try:
        pid = int(tmux("display-message", "-p", "-t", "app", "#{pane_pid}").strip())
        _wait_for(lambda: "Continue: Charged twice" in screen(), "the dashboard")
        tmux("send-keys", "-t", "app", "c")
        _wait_for(lambda: "has finished: your turn" in screen(), "the customer to finish")
        tmux("send-keys", "-t", "app", "-l", "I'm sorry, Priya")
        _wait_for(lambda: "I'm sorry, Priya" in screen(), "the typing to show")
        tmux("kill-session", "-t", "app")  # the terminal goes away: SIGHUP
        _wait_for(lambda: not _alive(pid), "the app to end")
    finally:
        tmux("kill-server")

    again = ProgressStore(data_dir)
    draft = json.loads(again.draft(LEARNER, CONVERSATION_ID) or "{}")
    assert draft["typed"] == "I'm sorry, Priya"
    assert draft["turn"] == "start" and draft["shown"] == len(FIRST_PIECES)  # both pieces had been read
    again.close()
