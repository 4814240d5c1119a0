"""``listen`` on its own opens the app without the command line's parser; anything else goes through it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

# Stands in for the app: says which parts of listen were loaded to open it, and what it was given.
PROBE = """
import sys
import course.tui

def fake_run(course, store, learner):
    print("click loaded:", "click" in sys.modules)
    print("subcommands loaded:", any(name.startswith("course.commands") for name in sys.modules))
    print("modules:", len(course.modules), "learner:", learner, "store:", store.data_dir)
    return 3

course.tui.run = fake_run
sys.argv = ["listen", *sys.argv[1:]]
import course.start
course.start.main()
"""


def _listen(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, LISTEN_HOME=str(home), PYTHONPATH=str(REPO), TERM="xterm-256color", **env)
    environment.pop("LISTEN_PLAIN", None)
    environment.update(env)
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=environment,
                          timeout=120, cwd=REPO)


def test_listen_alone_opens_the_app_without_the_command_line(private_data_dir: Path) -> None:
    run = _listen(private_data_dir)
    assert run.returncode == 3, run.stderr  # the app's own exit status
    assert "click loaded: False" in run.stdout
    assert "subcommands loaded: False" in run.stdout
    assert f"learner: None store: {private_data_dir}" in run.stdout


def test_an_option_goes_through_the_command_line(private_data_dir: Path, tmp_path: Path) -> None:
    run = _listen(private_data_dir, "--data-dir", str(tmp_path / "elsewhere"))
    assert run.returncode == 3, run.stderr
    assert "click loaded: True" in run.stdout
    assert f"store: {tmp_path / 'elsewhere'}" in run.stdout


def test_a_broken_course_is_told_by_the_command_line(private_data_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "course"
    (broken / "lessons").mkdir(parents=True)
    (broken / "exercises").mkdir()
    (broken / "lessons" / "01-x.md").write_text("no front matter here\n", encoding="utf-8")
    run = _listen(private_data_dir, LISTEN_CONTENT=str(broken))
    assert run.returncode == 2
    assert run.stderr.startswith("listen: the course at ")
    assert "run: listen check" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("moment", ["not a time", "2026-13-45"])
def test_a_bad_course_clock_is_told_by_the_command_line(private_data_dir: Path, moment: str) -> None:
    run = _listen(private_data_dir, LISTEN_NOW=moment)
    assert run.returncode == 2
    assert run.stderr.startswith("listen: ") and "LISTEN_NOW" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_plain_terminal_gets_the_plain_course(private_data_dir: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "course"], input="q\n", capture_output=True, text=True,
                         env=dict(os.environ, LISTEN_HOME=str(private_data_dir), PYTHONPATH=str(REPO), TERM="dumb"),
                         timeout=120, cwd=REPO)
    assert "Traceback" not in run.stderr
    assert "click loaded" not in run.stdout
    assert "listen" in run.stdout.lower()
