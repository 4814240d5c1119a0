"""Learners on one computer: switch, add, rename, delete; and starting afresh, always with a backup.

Every change that clears work is confirmed in a window that says what will go, and the
learner is then told where the copy of their progress from before is kept.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from course.progress import Attempt, Place, ProgressStore, StoreNotWritable
from course.tui.app import ListenApp
from course.tui.screens.confirm import ConfirmDialog, RenameDialog
from course.tui.screens.dashboard import DashboardScreen
from course.tui.screens.feedback import FeedbackScreen
from course.tui.screens.learner import LearnerPicker, NameScreen
from course.tui.screens.module import ModuleScreen
from course.tui.screens.profiles import ProfilesScreen

from .conftest import LEARNER

SIZE = (100, 34)
SMALL = (80, 24)


def text_of(app: ListenApp) -> str:
    """Everything on the screen as words, whatever the wrapping: frames and line breaks become one space."""
    svg = re.sub(r"<style.*?</style>", "", app.export_screenshot(), flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
    return " ".join(re.sub(r"[│╭╮╰╯─▌▔▁]", " ", text).split())


def told(app: ListenApp) -> str:
    """Every notification shown so far, as one text (a toast may cover other text on screen)."""
    return " ".join(notification.message for notification in app._notifications)


def shows_path(app: ListenApp, path: Path) -> bool:
    """Whether a path is on screen, even cut over several lines."""
    return str(path) in "".join(text_of(app).split())


def backup_holding(path: Path) -> dict:
    """The progress file kept in a backup."""
    return json.loads(path.read_text())


def backups(data_dir: Path) -> list[Path]:
    """The backups taken before a reset or a delete (not the routine ones)."""
    return sorted((data_dir / "backups").glob("progress-*-before-*.json"))


async def settle(pilot: Pilot) -> None:
    """Let a switch of learner (a worker) and the screens it opens finish."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def with_two_learners(store: ProgressStore) -> None:
    """Dana (here last) has read a lesson, passed one exercise and half-typed another; Sam tried one."""
    store.add_learner(LEARNER)
    store.add_learner("Sam")
    store.save_lesson_state(LEARNER, "welcome.how-it-works", status="done", page=1)
    store.record_attempt(LEARNER, Attempt("welcome.first-step", [0], 1.0, True, content_hash="h1"))
    store.save_draft(LEARNER, "empathy.late-gift", "Oh no, Dana")
    store.record_attempt("Sam", Attempt("welcome.good-habits", [0], 0.5, False, content_hash="h2"))
    store.set_last_learner(LEARNER)


async def open_learners(pilot: Pilot) -> ProfilesScreen:
    """From the dashboard, the learners on this computer."""
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ProfilesScreen)
    return screen


async def highlight(pilot: Pilot, name: str) -> None:
    """Move the highlight to a learner, with the arrow keys."""
    profiles = pilot.app.screen.query_one("#profiles", OptionList)
    while profiles.get_option_at_index(profiles.highlighted or 0).id != name:
        await pilot.press("down")


async def confirm(pilot: Pilot, choice: str) -> None:
    """In a confirm window, move left from Cancel to the choice, then press it."""
    dialog = pilot.app.screen
    assert isinstance(dialog, ConfirmDialog)
    assert pilot.app.focused is dialog.query_one("#cancel")  # enter alone is always safe
    while pilot.app.focused is not dialog.query_one(f"#choice-{choice}"):
        await pilot.press("left")  # ← and → move between the buttons, as tab does
    await pilot.press("enter")
    await settle(pilot)


# --- the list and switching ---------------------------------------------------------


async def test_learners_are_listed_with_their_progress_and_enter_switches(course, store) -> None:
    with_two_learners(store)
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the picker: Dana, here last time
        await pilot.pause()
        await open_learners(pilot)
        shown = text_of(app)
        assert "Dana (learning now)" in shown and "lessons 1/3 · exercises 1/5" in shown
        assert "Sam" in shown and "lessons 0/3 · exercises 0/5" in shown
        assert shows_path(app, store.data_dir / "backups")
        await highlight(pilot, "Sam")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen) and app.screen.study.learner == "Sam"
        assert "Hello, Sam." in text_of(app)
        assert [type(screen) for screen in app.screen_stack] == [DashboardScreen]
        await pilot.press("escape")  # nothing behind Sam's dashboard: Dana's screens are gone
        assert isinstance(app.screen, DashboardScreen) and app.screen.study.learner == "Sam"
    assert store.last_learner() == "Sam"


async def test_switching_keeps_the_half_typed_answer_of_the_one_who_leaves(course, store) -> None:
    with_two_learners(store)
    store.save_place(LEARNER, Place("exercise", "empathy.late-gift"))
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*" and more")  # long before the draft timer
        await pilot.press("ctrl+p")
        await pilot.press(*"learners")
        await pilot.pause()
        await pilot.press("enter")  # the palette opens the learners over the exercise
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
        await highlight(pilot, "Sam")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.study.learner == "Sam"
        for _ in range(2):  # Sam and back: two switches, each a fresh set of screens
            await pilot.press("l")
            await pilot.pause()
            await highlight(pilot, LEARNER if app.screen.study.learner == "Sam" else "Sam")
            await pilot.press("enter")
            await settle(pilot)
        assert app.screen.study.learner == "Sam"
        assert len(app.screen_stack) == 1
    assert store.draft(LEARNER, "empathy.late-gift") == "Oh no, Dana and more"
    assert store.place(LEARNER) == Place("exercise", "empathy.late-gift")


async def test_enter_on_the_learner_already_studying_just_goes_back(course, store) -> None:
    with_two_learners(store)
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE) as pilot:
        dashboard = app.screen
        await open_learners(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dashboard


async def test_a_new_learner_joins_the_list_ready_to_switch_to(course, store) -> None:
    with_two_learners(store)
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_learners(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)
        await pilot.press(*"sam", "enter")  # names are told apart ignoring case
        assert "already a learner called Sam" in text_of(app)
        app.screen.query_one(Input).value = ""
        await pilot.press(*"Lee", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
        assert app.screen.query_one("#profiles", OptionList).highlighted == 2
        assert "Press ⏎ to switch to Lee" in told(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.study.learner == "Lee"
    assert [learner.name for learner in store.learners()] == [LEARNER, "Sam", "Lee"]


# --- renaming ------------------------------------------------------------------------


async def test_renaming_the_learner_studying_keeps_their_work_and_their_screens(course, store) -> None:
    with_two_learners(store)
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_learners(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RenameDialog)
        await pilot.press(*"Sam", "enter")  # taken: said in the window, which stays open
        await pilot.pause()
        assert isinstance(app.screen, RenameDialog)
        assert "already a learner called Sam" in text_of(app)
        app.screen.query_one(Input).value = ""
        await pilot.press(*"Dana  Rossi", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
        assert "Dana is now called Dana Rossi" in told(app)
        assert "Dana Rossi (learning now)" in text_of(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Hello, Dana Rossi." in text_of(app)
        assert app.screen.sub_title == "Dana Rossi"
        await pilot.press("c")  # Continue, as Dana Rossi: the draft came along
        await pilot.pause()
        await pilot.press(*"!", "ctrl+q")
    assert store.learner(LEARNER) is None
    assert len(store.attempts("Dana Rossi")) == 1
    assert store.last_learner() == "Dana Rossi"


async def test_renaming_someone_else_and_cancelling(course, store) -> None:
    with_two_learners(store)
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE) as pilot:
        await open_learners(pilot)
        await highlight(pilot, "Sam")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")  # changes nothing
        await pilot.pause()
        assert [learner.name for learner in store.learners()] == [LEARNER, "Sam"]
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"Samira", "enter")  # the old name was selected: typing replaces it
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
        assert app.screen.study.learner == LEARNER
    assert [learner.name for learner in store.learners()] == [LEARNER, "Samira"]
    assert len(store.attempts("Samira")) == 1


# --- deleting ------------------------------------------------------------------------


async def test_deleting_someone_else_names_what_goes_and_keeps_a_backup(course, store, data_dir: Path) -> None:
    with_two_learners(store)
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_learners(pilot)
        await highlight(pilot, "Sam")
        await pilot.press("d")
        await pilot.pause()
        shown = text_of(app)
        assert "Delete Sam?" in shown
        assert "1 answer to 1 exercise" in shown
        assert "saves a copy of all the progress" in shown
        await pilot.press("enter")  # Cancel has focus
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen) and store.learner("Sam") is not None
        await pilot.press("d")
        await pilot.pause()
        await confirm(pilot, "delete")
        assert isinstance(app.screen, ProfilesScreen)
        [backup] = backups(data_dir)
        assert "Sam is deleted" in told(app) and str(backup) in told(app)
        assert "Sam" not in str(app.screen.query_one("#profiles", OptionList).get_option_at_index(0).prompt)
        assert app.screen.query_one("#profiles", OptionList).option_count == 1
    assert store.learner("Sam") is None and store.attempts("Sam") == []
    kept = backup_holding(backup)
    assert any(row["name"] == "Sam" for row in kept["learners"].values())
    assert any(row["learner"] == "Sam" for row in kept["attempts"].values())
    assert store.attempts(LEARNER) and store.draft(LEARNER, "empathy.late-gift")


async def test_deleting_the_learner_studying_closes_their_screens_first(course, store) -> None:
    with_two_learners(store)
    store.save_place(LEARNER, Place("exercise", "empathy.late-gift"))
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c")  # an answer box with unsaved typing underneath
        await pilot.pause()
        await pilot.press(*" unsaved")
        await pilot.press("escape")  # to the module, then the palette
        await pilot.pause()
        await pilot.press("ctrl+p", *"learners")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert "Then listen asks who is learning" in text_of(app)
        await confirm(pilot, "delete")
        assert isinstance(app.screen, LearnerPicker)
        assert "Dana is deleted" in told(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen) and app.screen.study.learner == "Sam"
    # No closing screen saved Dana back into the store after she was deleted.
    assert [learner.name for learner in store.learners()] == ["Sam"]
    assert store.draft(LEARNER, "empathy.late-gift") is None and store.place(LEARNER) is None


async def test_deleting_the_only_learner_starts_over_with_the_welcome(course, store) -> None:
    store.add_learner(LEARNER)
    app = ListenApp(course, store)
    async with app.run_test(size=SIZE) as pilot:
        await open_learners(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert "Dana will be deleted. They have no progress yet." in text_of(app)
        await confirm(pilot, "delete")
        assert isinstance(app.screen, NameScreen)
        assert "Welcome to listen" in text_of(app)
        await pilot.press(*"Ana", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen) and app.screen.study.learner == "Ana"
    assert [learner.name for learner in store.learners()] == ["Ana"]


async def test_a_delete_the_store_refuses_is_said_plainly(course, store, monkeypatch) -> None:
    with_two_learners(store)

    def refuse(name: str) -> None:
        raise StoreNotWritable("listen could not save your progress in X because the disk is full.")

    monkeypatch.setattr(store, "delete_learner", refuse)
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_learners(pilot)
        await highlight(pilot, "Sam")
        await pilot.press("d")
        await pilot.pause()
        await confirm(pilot, "delete")
        assert isinstance(app.screen, ProfilesScreen)
        assert "Sam was not deleted" in told(app) and "the disk is full" in told(app)
    assert store.learner("Sam") is not None


# --- starting afresh -------------------------------------------------------------------


async def test_resetting_everything_of_the_learner_studying(course, store, data_dir: Path) -> None:
    with_two_learners(store)
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_learners(pilot)
        await pilot.press("x")
        await pilot.pause()
        shown = text_of(app)
        assert "Reset all of Dana's progress?" in shown
        assert "This clears 1 answer to 1 exercise (1 passed), 1 lesson opened and 1 half-typed answer." in shown
        assert "1 answer to 1 exercise (1 passed), 1 lesson opened and 1 half-typed answer" in shown
        await confirm(pilot, "0")
        assert isinstance(app.screen, DashboardScreen) and len(app.screen_stack) == 1
        [backup] = backups(data_dir)
        shown = text_of(app)
        assert "All of Dana's progress starts afresh" in told(app) and str(backup) in told(app)
        assert "lessons 0/1 · exercises 0/2" in shown
    assert store.attempts(LEARNER) == [] and store.draft(LEARNER, "empathy.late-gift") is None
    assert store.lesson_states(LEARNER) == {}
    assert len(store.attempts("Sam")) == 1  # nobody else's
    assert any(row["learner"] == LEARNER for row in backup_holding(backup)["attempts"].values())


async def test_resetting_someone_else_leaves_the_one_studying_where_they_are(course, store, data_dir: Path) -> None:
    with_two_learners(store)
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_learners(pilot)
        await highlight(pilot, "Sam")
        await pilot.press("x")
        await pilot.pause()
        await confirm(pilot, "0")
        assert isinstance(app.screen, ProfilesScreen)
        assert "All of Sam's progress starts afresh" in told(app)
    assert store.attempts("Sam") == [] and len(store.attempts(LEARNER)) == 1
    assert len(backups(data_dir)) == 1


async def test_nothing_to_reset_is_said_without_asking(course, store, data_dir: Path) -> None:
    with_two_learners(store)
    app = ListenApp(course, store, "Sam")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("tab", "down", "enter")  # Empathy: Sam has done nothing there
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert "There is nothing to reset in the module “Empathy” yet" in told(app)
    assert backups(data_dir) == []


async def test_module_screen_resets_the_highlighted_exercise_or_the_whole_module(course, store, data_dir: Path) -> None:
    with_two_learners(store)
    store.record_attempt(LEARNER, Attempt("welcome.good-habits", [0], 0.5, False, content_hash="h2"))
    store.record_attempt(LEARNER, Attempt("empathy.late-gift", "Sorry", 0.2, False, content_hash="h3"))
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("tab", "enter")  # Welcome
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)
        await pilot.press("down")  # past the lesson to "The first thing to do"
        await pilot.press("x")
        await pilot.pause()
        shown = text_of(app)
        assert "Resetting “The first thing to do” clears 1 answer (passed)." in shown
        assert "Resetting the module “Welcome” clears 2 answers to 2 exercises (1 passed) and 1 lesson opened." in shown
        assert "Reset this exercise" in shown and "Reset the whole module" in shown
        await confirm(pilot, "0")
        assert isinstance(app.screen, ModuleScreen)
        assert "“The first thing to do” starts afresh" in told(app)
        assert store.attempts(LEARNER, "welcome.first-step") == []
        assert len(store.attempts(LEARNER, "welcome.good-habits")) == 1
        assert "○ The first thing to do" in text_of(app)

        await pilot.press("up")  # the lesson: only the whole module can be reset from here
        await pilot.press("x")
        await pilot.pause()
        assert "Reset this exercise" not in text_of(app)
        await confirm(pilot, "0")
        assert "The module “Welcome” starts afresh" in told(app)
        assert "○ 1. How this course works" in text_of(app)
    assert store.attempts(LEARNER, "welcome.good-habits") == []
    assert store.lesson_states(LEARNER) == {}
    assert len(store.attempts(LEARNER, "empathy.late-gift")) == 1  # another module's work stays
    assert store.draft(LEARNER, "empathy.late-gift") == "Oh no, Dana"
    assert len(backups(data_dir)) == 2


async def test_feedback_screen_resets_its_exercise_then_goes_back(course, store, data_dir: Path) -> None:
    with_two_learners(store)
    store.save_place(LEARNER, Place("feedback", "welcome.first-step"))
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("escape")  # changes nothing
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen) and backups(data_dir) == []
        await pilot.press("x")
        await pilot.pause()
        await confirm(pilot, "0")
        assert isinstance(app.screen, ModuleScreen)
        assert "○ The first thing to do" in text_of(app)
    assert store.attempts(LEARNER, "welcome.first-step") == []
    assert len(backups(data_dir)) == 1


async def test_a_reset_the_store_refuses_changes_nothing_and_says_why(course, store, monkeypatch) -> None:
    with_two_learners(store)

    def locked(*args: object) -> None:
        from course.progress import StoreLocked

        raise StoreLocked(5.0)

    monkeypatch.setattr(store, "reset_lessons_and_exercises", locked)
    store.save_place(LEARNER, Place("feedback", "welcome.first-step"))
    app = ListenApp(course, store, LEARNER)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await confirm(pilot, "0")
        assert isinstance(app.screen, FeedbackScreen)  # stays: nothing was reset
        assert "Nothing was reset" in told(app) and "Another listen window" in told(app)
    assert len(store.attempts(LEARNER, "welcome.first-step")) == 1


# --- pictures ---------------------------------------------------------------------------


def _profiles_app(course, store) -> ListenApp:
    with_two_learners(store)
    # The pictures show where backups go: the same folder on every run, not this run's tmp dir.
    store.data_dir = Path("/home/dana/.local/share/listen")
    return ListenApp(course, store, LEARNER)


async def _still(pilot: Pilot) -> None:
    for box in pilot.app.query(TextArea):
        box.cursor_blink = False
    for field in pilot.app.query(Input):
        field.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=["100x34", "80x24"])
def test_profiles_screen_snapshot(snap_compare, course, store, size) -> None:
    async def open_it(pilot: Pilot) -> None:
        await pilot.press("l")
        await _still(pilot)

    assert snap_compare(_profiles_app(course, store), terminal_size=size, run_before=open_it)


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=["100x34", "80x24"])
def test_delete_confirm_snapshot(snap_compare, course, store, size) -> None:
    async def ask_to_delete_sam(pilot: Pilot) -> None:
        await pilot.press("l", "down", "d")
        await _still(pilot)

    assert snap_compare(_profiles_app(course, store), terminal_size=size, run_before=ask_to_delete_sam)


def test_reset_choice_snapshot(snap_compare, course, store) -> None:
    async def ask_to_reset_an_exercise(pilot: Pilot) -> None:
        await pilot.press("tab", "enter")
        await pilot.pause()
        await pilot.press("down", "x")
        await _still(pilot)

    assert snap_compare(_profiles_app(course, store), terminal_size=SIZE, run_before=ask_to_reset_an_exercise)
