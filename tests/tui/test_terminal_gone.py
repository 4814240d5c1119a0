"""An app whose terminal is gone saves and ends, heard or not; SIGTERM always ends it.

Runs the app for real in a detached tmux session (skipped without tmux), as the hang-up
test does. Each case waits for the app to end under a generous hard limit: a hang is what
is being caught, not a speed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from course.progress import Place, ProgressStore

from .conftest import LEARNER
from .test_hangup import HERE, TYPED, _alive, _wait_for

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

# SIGHUP is ignored and the app is not told to listen for it: only noticing the hung-up
# terminal itself can end it.
DEAF_LAUNCHER = f"""
import signal, sys
sys.path.insert(0, {str(HERE)!r})
from pathlib import Path
from conftest import build_course
import course.tui.app as app
import course.tui.screens.exercise as screen
from course.progress import ProgressStore
from course.tui import run

signal.signal(signal.SIGHUP, signal.SIG_IGN)
app.STOP_SIGNALS = (signal.SIGTERM,)
screen.DRAFT_DELAY = 3600  # only leaving may save the draft
data = Path(sys.argv[1])
run(build_course(data / "course"), ProgressStore(data), None)
"""

PLAIN_LAUNCHER = DEAF_LAUNCHER.replace("signal.signal(signal.SIGHUP, signal.SIG_IGN)\n", "").replace(
    "app.STOP_SIGNALS = (signal.SIGTERM,)\n", "")


class Pane:
    """The app in a tmux pane."""

    def __init__(self, tmux: Callable[..., str], pid: int) -> None:
        self.tmux, self.pid = tmux, pid

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def type_a_draft(self) -> None:
        _wait_for(lambda: "Continue: The late birthday gift" in self.screen(), "the dashboard")
        self.tmux("send-keys", "-t", "app", "c")
        _wait_for(lambda: "0 words" in self.screen(), "the exercise")
        self.tmux("send-keys", "-t", "app", "-l", TYPED)
        _wait_for(lambda: TYPED in self.screen(), "the typing to show")


@pytest.fixture
def start_app(tmp_path: Path, dana: str, store, data_dir: Path) -> Iterator[Callable[[str], Pane]]:
    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    store.close()
    socket = f"listen-gone-{tmp_path.name}"

    def tmux(*args: str) -> str:
        return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True).stdout

    started: list[Pane] = []

    def start(launcher_text: str) -> Pane:
        launcher = tmp_path / "launch.py"
        launcher.write_text(launcher_text)
        tmux("new-session", "-d", "-s", "app", "-x", "100", "-y", "34", f"{sys.executable} {launcher} {data_dir}")
        started.append(Pane(tmux, int(tmux("display-message", "-p", "-t", "app", "#{pane_pid}").strip())))
        return started[-1]

    try:
        yield start
    finally:
        tmux("kill-server")
        for pane in started:  # an app that failed the test must not spin on after it
            if _alive(pane.pid):
                os.kill(pane.pid, signal.SIGKILL)


def test_a_terminal_gone_without_a_hangup_signal_saves_and_ends(start_app, data_dir: Path) -> None:
    app = start_app(DEAF_LAUNCHER)
    app.type_a_draft()
    app.tmux("kill-session", "-t", "app")  # the terminal goes; the app does not hear SIGHUP
    _wait_for(lambda: not _alive(app.pid), "the app to end", timeout=30)

    again = ProgressStore(data_dir)
    assert again.draft(LEARNER, "empathy.late-gift") == TYPED
    again.close()


def test_sigterm_ends_the_app_after_saving(start_app, data_dir: Path) -> None:
    app = start_app(PLAIN_LAUNCHER)
    app.type_a_draft()
    os.kill(app.pid, signal.SIGTERM)
    _wait_for(lambda: not _alive(app.pid), "the app to end", timeout=30)

    again = ProgressStore(data_dir)
    assert again.draft(LEARNER, "empathy.late-gift") == TYPED
    again.close()


@pytest.mark.parametrize("how", ["SIGTERM", "terminal closed"])
def test_an_app_whose_data_folder_was_removed_still_ends(start_app, data_dir: Path, how: str) -> None:
    app = start_app(PLAIN_LAUNCHER)
    app.type_a_draft()
    shutil.rmtree(data_dir)  # nothing can be saved now; the app must go all the same
    if how == "SIGTERM":
        os.kill(app.pid, signal.SIGTERM)
    else:
        app.tmux("kill-session", "-t", "app")
    _wait_for(lambda: not _alive(app.pid), "the app to end", timeout=30)
