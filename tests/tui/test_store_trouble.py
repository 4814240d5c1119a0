"""When the store refuses a save, the app says why, keeps the text on screen and asks before losing it.

The refusals are the store's own (a full disk, a folder it may not write to, another
listen holding the file, a file from a newer listen), made the way the store tests make
them, so the words the learner reads are the ones a real failure produces.
"""

from __future__ import annotations

import asyncio
import errno
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from course.progress import Place, ProgressStore
from course.progress import storage as progress_storage
from course.tui.app import ListenApp
from course.tui.screens.confirm import ConfirmDialog
from course.tui.screens.feedback import FeedbackScreen
from course.tui.screens.learner import NameScreen
from course.tui.screens.module import ModuleScreen
from course.tui.screens.text_exercise import TextExerciseScreen

from .conftest import LEARNER

SIZE = (100, 34)
EXERCISE = "empathy.late-gift"


def told(app: ListenApp) -> list[str]:
    """Every notification shown so far."""
    return [notification.message for notification in app._notifications]


async def until(pilot: Pilot, check: Callable[[], bool], what: str, timeout: float = 5.0) -> None:
    """Let the app run until ``check()`` holds (a timer firing), without a fixed sleep."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.05)


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every save from now on meets a full disk half-way through writing."""

    def disk_full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(progress_storage, "write_all", disk_full)


def box(app: ListenApp) -> TextArea:
    """The answer box."""
    return app.screen.query_one("#answer", TextArea)


async def open_exercise(pilot: Pilot) -> None:
    """Continue: the reply exercise."""
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TextExerciseScreen)


async def test_a_full_disk_while_typing_is_said_once_and_the_text_stays(course, dana: str, store,
                                                                        monkeypatch) -> None:
    store.save_place(dana, Place("exercise", EXERCISE))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_exercise(pilot)
        full_disk(monkeypatch)
        await pilot.press(*"I'm sorry, Dana")
        await until(pilot, lambda: bool(told(app)), "the refusal to be told")
        [message] = told(app)
        assert "Could not save your draft" in message and "the disk is full" in message
        assert "Nothing already saved was lost" in message
        assert "draft saved" not in str(app.screen.query_one("#answer-status", Static).render())
        await pilot.press(*", the party")  # the next pause fails the same way: not told again
        await until(pilot, lambda: app.failed_saves >= 2, "the second refusal")
        assert len(told(app)) == 1
        assert box(app).text == "I'm sorry, Dana, the party"

        await pilot.press("escape")  # leaving would lose the text: asked first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Your typing is not saved" in str(app.screen.query_one(".dialog-title", Static).render())
        await pilot.press("enter")  # Stay has focus
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen) and box(app).text == "I'm sorry, Dana, the party"

        monkeypatch.undo()  # room on the disk again: the next pause saves everything
        await pilot.press(*" is Saturday")
        await until(pilot, lambda: store.draft(LEARNER, EXERCISE) is not None, "the draft to be saved")
        assert store.draft(LEARNER, EXERCISE) == "I'm sorry, Dana, the party is Saturday"
        await pilot.press("escape")  # nothing unsaved: straight back
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)


async def test_an_answer_the_store_refuses_stays_in_the_box(course, dana: str, store, monkeypatch) -> None:
    store.save_place(dana, Place("exercise", EXERCISE))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_exercise(pilot)
        await pilot.press(*"So sorry about the party on Saturday, Dana.")
        full_disk(monkeypatch)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen)
        assert box(app).text == "So sorry about the party on Saturday, Dana."
        assert any("Could not save your answer" in message and "disk is full" in message for message in told(app))
        assert store.attempts(LEARNER) == []
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # the same answer, once there is room
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
    assert [attempt.answer for attempt in store.attempts(LEARNER)] == ["So sorry about the party on Saturday, Dana."]


async def test_quitting_with_unsaved_typing_asks_and_quitting_again_quits(
    course, dana: str, store, monkeypatch
) -> None:
    store.save_place(dana, Place("exercise", EXERCISE))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_exercise(pilot)
        full_disk(monkeypatch)
        await pilot.press(*"Half an answer", "ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        body = str(app.screen.query_one("#consequences", Static).render())
        assert "the disk is full" in body and "If you quit now, what you typed is lost" in body
        await pilot.press("escape")  # Stay
        await pilot.pause()
        assert isinstance(app.screen, TextExerciseScreen) and box(app).text == "Half an answer"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("ctrl+c")  # asked already: this time it quits
        await pilot.pause()
    assert app.return_code == 0


async def test_quit_anyway_from_the_question(course, dana: str, store, monkeypatch) -> None:
    store.save_place(dana, Place("exercise", EXERCISE))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_exercise(pilot)
        full_disk(monkeypatch)
        await pilot.press(*"Half", "ctrl+q")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # Quit anyway
        await pilot.pause()
    assert app.return_code == 0


async def test_quitting_a_lesson_on_a_full_disk_asks_nothing(course, dana: str, store, monkeypatch) -> None:
    store.save_place(dana, Place("lesson", "empathy.naming-the-feeling", page=1))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c")
        await pilot.pause()
        full_disk(monkeypatch)
        await pilot.press("down", "ctrl+q")  # a reading position is not typing: told, not asked
        await pilot.pause()
    assert app.return_code == 0
    assert any("Could not save your reading position" in message for message in told(app))


async def test_another_listen_holding_the_file_is_explained(course, dana: str, data_dir: Path) -> None:
    store = ProgressStore(data_dir, lock_timeout=0.2)
    store.save_place(dana, Place("exercise", EXERCISE))
    other = FileLock(str(data_dir / "progress.json.lock"))
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_exercise(pilot)
        with other:  # another listen is saving, and takes its time
            await pilot.press(*"Dana, I hear you")
            await until(pilot, lambda: bool(told(app)), "the wait to be explained")
            [message] = told(app)
            assert "Another listen window is saving progress" in message and "0.2 seconds" in message
            assert box(app).text == "Dana, I hear you"
        await pilot.press(".")  # the other listen is done: the next pause saves
        await until(pilot, lambda: store.draft(LEARNER, EXERCISE) is not None, "the draft to be saved")
    assert store.draft(LEARNER, EXERCISE) == "Dana, I hear you."
    store.close()


async def test_a_first_run_in_a_folder_listen_may_not_write_to(course, store, monkeypatch) -> None:
    real_open = os.open

    def refuse_new_files(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_new_files)
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Dana", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)
        problem = str(app.screen.query_one("#problem", Static).render())
        assert "not allowed to write there" in problem
    assert store.learners() == []


async def test_a_file_from_a_newer_listen_ends_the_app_in_plain_words(course, dana: str, store,
                                                                       data_dir: Path) -> None:
    app = ListenApp(course, store)
    said: list[str] = []
    real_exit = app.exit

    def exit_saying(*args, message=None, **kwargs):  # type: ignore[no-untyped-def]
        said.append(str(message))
        real_exit(*args, message=message, **kwargs)

    app.exit = exit_saying  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        newer = json.loads((data_dir / "progress.json").read_text())
        newer["meta"]["1"]["schema_version"] = 99  # a newer listen, in another window, saved its format
        (data_dir / "progress.json").write_text(json.dumps(newer))
        app.screen.query_one("#modules").focus()
        app.screen.go(Place("module", "empathy"))  # opening it reads the store: listen ends, in plain words
        for _ in range(100):  # not pilot.pause: it waits on screens that are closing
            if app.return_code is not None:
                break
            await asyncio.sleep(0.05)
    assert app.return_code == 1
    [message] = said
    assert "saved by a newer version of listen" in message and "has not been changed" in message
    assert "Traceback" not in message
    assert json.loads((data_dir / "progress.json").read_text())["meta"]["1"]["schema_version"] == 99
