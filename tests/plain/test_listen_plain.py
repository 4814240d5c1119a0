"""``listen --plain`` from the command line and in a real terminal: plain lines only, no full-screen drawing.

The terminal tests run ``python -m course --plain`` on a pseudo-terminal and
read what it prints until the prompt they wait for appears (a timeout only
turns a hang into a failure: nothing waits a set time).
"""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from course.cli import wants_plain
from course.content import load_course
from course.content.answers import Picks
from course.paths import bundled_content_dir
from course.progress import ProgressStore

REPO = Path(__file__).resolve().parents[2]
WAIT = 60.0
"""Seconds before a prompt that never comes fails the test."""

COURSE = load_course(bundled_content_dir())
WELCOME = COURSE.modules[0]
FIRST_CHOICE = next(COURSE.exercise(id) for lesson in WELCOME.lessons for id in lesson.exercise_ids
                    if COURSE.exercise(id).kind == "choice")


def test_listen_plain_opens_the_main_menu(listen) -> None:
    outcome = listen("--learner", "Ana", "--plain", stdin="q\n")
    assert outcome.status == 0, outcome.err
    assert "Main menu · Ana" in outcome.out and "Goodbye." in outcome.out
    assert "\x1b" not in outcome.out


@pytest.mark.parametrize(("variable", "value"), [("LISTEN_PLAIN", "1"), ("TERM", "dumb")])
def test_the_environment_can_ask_for_plain_text(listen, monkeypatch, variable, value) -> None:
    monkeypatch.setenv(variable, value)
    outcome = listen("--learner", "Ana", stdin="q\n")
    assert outcome.status == 0 and "Main menu · Ana" in outcome.out


def test_only_a_dumb_terminal_or_listen_plain_set_asks_for_plain_text(monkeypatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("LISTEN_PLAIN", raising=False)
    assert not wants_plain()
    monkeypatch.setenv("LISTEN_PLAIN", "0")
    assert not wants_plain()
    monkeypatch.setenv("LISTEN_PLAIN", "yes")
    assert wants_plain()


class Terminal:
    """``listen`` running on a pseudo-terminal, and everything it has printed so far."""

    def __init__(self, *args: str, term: str = "xterm-256color") -> None:
        main, side = os.openpty()
        fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": term, "PYTHONPATH": str(REPO), "COLUMNS": "", "LINES": ""}
        env.pop("LISTEN_PLAIN", None)
        self.process = subprocess.Popen([sys.executable, "-m", "course", *args], stdin=side, stdout=side,
                                        stderr=side, env=env, cwd=REPO, start_new_session=True)
        os.close(side)
        self.fd = main
        self.seen = b""
        self._read_to = 0

    def until(self, text: str) -> str:
        """Read until ``text`` has been printed (after what the last wait found); what came meanwhile."""
        wanted = text.encode()
        deadline = time.monotonic() + WAIT
        while wanted not in self.seen[self._read_to:]:
            left = deadline - time.monotonic()
            assert left > 0, f"{text!r} never came; the last of what came: {self.seen[-1500:]!r}"
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # the other side has closed
                chunk = b""
            assert chunk, f"listen ended before {text!r}; the last of what came: {self.seen[-1500:]!r}"
            self.seen += chunk
        found = self.seen.index(wanted, self._read_to) + len(wanted)
        came, self._read_to = self.seen[self._read_to:found], found
        return came.decode("utf-8", "replace")

    def type(self, text: str) -> None:
        """Type ``text`` and Enter."""
        os.write(self.fd, text.encode() + b"\n")

    def end(self) -> int:
        """Wait for listen to finish; its exit status."""
        status = self.process.wait(timeout=WAIT)
        os.close(self.fd)
        self.fd = -1
        return status


@pytest.fixture
def terminal():
    opened: list[Terminal] = []

    def start(*args: str, term: str = "xterm-256color") -> Terminal:
        opened.append(Terminal(*args, term=term))
        return opened[-1]

    yield start
    for each in opened:
        if each.process.poll() is None:
            each.process.kill()
            each.process.wait()
        if each.fd >= 0:
            os.close(each.fd)


def test_an_exercise_answered_in_a_real_terminal_prints_plain_lines_and_is_recorded(terminal, private_data_dir):
    shell = terminal("--plain", "--learner", "Ana")
    shell.until("Your choice (1-6): ")
    shell.type("m")
    shell.until("Your choice (1-")
    shell.type("1")  # the welcome module
    menu = shell.until("Your choice (1-")
    number = next(line.split(".")[0].strip() for line in menu.splitlines() if FIRST_CHOICE.title in line)
    shell.type(number)
    shell.until("Your answer: ")
    shell.type(Picks.from_typed(FIRST_CHOICE, ["1"]).as_typed(FIRST_CHOICE)[0])
    feedback = shell.until("What next?")
    assert "Feedback · " + FIRST_CHOICE.title in feedback and "Saved: attempt 1 at this exercise." in feedback
    shell.until("Your choice (1-")
    shell.type("q")
    shell.until("Goodbye.")
    assert shell.end() == 0
    assert b"\x1b" not in shell.seen  # no alternate screen (ESC [?1049h), no cursor moves, no colour: nothing at all
    assert b"\x1b[?1049h" not in shell.seen
    store = ProgressStore(private_data_dir)
    [attempt] = store.attempts("Ana", FIRST_CHOICE.id)
    assert attempt.answer == [Picks.from_typed(FIRST_CHOICE, ["1"]).chosen[0]]
    store.close()


def test_ctrl_d_half_way_through_an_answer_keeps_it_and_leaves_cleanly(terminal, private_data_dir):
    reply = next(COURSE.exercise(id) for lesson in WELCOME.lessons for id in lesson.exercise_ids
                 if COURSE.exercise(id).kind == "reply")
    store = ProgressStore(private_data_dir)
    store.add_learner("Ana")
    from course.progress import Place

    store.save_place("Ana", Place("exercise", reply.id))
    store.close()
    shell = terminal("--plain", "--learner", "Ana")
    shell.until("Your choice (1-6): ")
    shell.type("c")
    shell.until("kept either way).")
    shell.type("Hello Hina, I'm sorry the wrong coat came.")
    shell.until("the wrong coat came.")  # the terminal's own echo: the line has been read
    os.write(shell.fd, b"\x04")  # Ctrl-D on a fresh line: the end of input
    shell.until("Goodbye.")
    assert shell.end() == 0 and b"\x1b" not in shell.seen
    store = ProgressStore(private_data_dir)
    assert store.draft("Ana", reply.id) == "Hello Hina, I'm sorry the wrong coat came."
    assert store.attempts("Ana", reply.id) == []
    store.close()


def test_a_dumb_terminal_gets_plain_text_without_asking(terminal):
    shell = terminal("--learner", "Ana", term="dumb")
    assert "Main menu · Ana" in shell.until("Your choice (1-6): ")
    shell.type("q")
    shell.until("Goodbye.")
    assert shell.end() == 0 and b"\x1b" not in shell.seen


def test_plain_text_loads_neither_textual_nor_rich() -> None:
    modules = ", ".join(f"course.plain.{name}" for name in (
        "session", "lessons", "practice", "asking", "talk", "feedback", "progress", "settings", "markdown"))
    code = (f"import sys, {modules}; "
            "sys.exit(1 if any(m.split('.')[0] in ('textual', 'rich') for m in sys.modules) else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr


def test_a_terminal_closed_half_way_through_an_answer_loses_no_line_typed(terminal, private_data_dir):
    reply = next(COURSE.exercise(id) for lesson in WELCOME.lessons for id in lesson.exercise_ids
                 if COURSE.exercise(id).kind == "reply")
    store = ProgressStore(private_data_dir)
    store.add_learner("Ana")
    from course.progress import Place

    store.save_place("Ana", Place("exercise", reply.id))
    store.close()
    shell = terminal("--plain", "--learner", "Ana")
    shell.until("Your choice (1-6): ")
    shell.type("c")
    shell.until("kept either way).")
    shell.type("Hello Hina, the coat is on its way.")
    shell.type("h")
    shell.until("Hint 1 of")  # read in order: the line before has been taken in
    os.close(shell.fd)  # the terminal window closes
    shell.fd = -1
    assert shell.process.wait(timeout=WAIT) == 0
    store = ProgressStore(private_data_dir)
    assert store.draft("Ana", reply.id) == "Hello Hina, the coat is on its way."
    store.close()
