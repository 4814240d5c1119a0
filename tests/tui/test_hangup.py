"""Closing the terminal mid-answer keeps the answer: the app saves on SIGHUP and ends.

Runs the app for real in a detached tmux session (skipped without tmux), with the
draft timer set far off, so only the hang-up can have saved what was typed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from course.progress import Place, ProgressStore

from .conftest import LEARNER

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

HERE = Path(__file__).resolve().parent
TYPED = "kept after the hang-up"

LAUNCHER = f"""
import sys
sys.path.insert(0, {str(HERE)!r})
from pathlib import Path
from conftest import build_course
import course.tui.screens.exercise as screen
from course.progress import ProgressStore
from course.tui import run

screen.DRAFT_DELAY = 3600  # only the hang-up may save the draft
data = Path(sys.argv[1])
run(build_course(data / "course"), ProgressStore(data), None)
"""


def _wait_for(check, what: str, timeout: float = 30.0) -> None:
    """Poll a real terminal until ``check()`` holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def _alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped has finished)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_hangup_mid_answer_keeps_the_draft(tmp_path: Path, dana: str, store, data_dir: Path) -> None:
    store.save_place(dana, Place("exercise", "empathy.late-gift"))
    store.close()
    launcher = tmp_path / "launch.py"
    launcher.write_text(LAUNCHER)
    socket = f"listen-test-{tmp_path.name}"

    def tmux(*args: str) -> str:
        return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True).stdout

    def screen() -> str:
        return tmux("capture-pane", "-p", "-t", "app")

    tmux("new-session", "-d", "-s", "app", "-x", "100", "-y", "34", f"{sys.executable} {launcher} {data_dir}")
    try:
        pid = int(tmux("display-message", "-p", "-t", "app", "#{pane_pid}").strip())
        _wait_for(lambda: "Continue: The late birthday gift" in screen(), "the dashboard")
        tmux("send-keys", "-t", "app", "c")
        _wait_for(lambda: "0 words" in screen(), "the exercise")
        tmux("send-keys", "-t", "app", "-l", TYPED)
        _wait_for(lambda: TYPED in screen(), "the typing to show")
        tmux("kill-session", "-t", "app")  # the terminal goes away: SIGHUP
        _wait_for(lambda: not _alive(pid), "the app to end")
    finally:
        tmux("kill-server")

    again = ProgressStore(data_dir)
    assert again.draft(LEARNER, "empathy.late-gift") == TYPED
    assert again.place(LEARNER) == Place("exercise", "empathy.late-gift")
    again.close()
