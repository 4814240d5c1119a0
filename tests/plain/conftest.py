"""A sitting with ``listen --plain`` driven by text: the app-test course with every kind, a fresh store."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from course.content.model import Course
from course.plain import run_plain
from course.progress import Place, ProgressStore
from tests.tui.kinds_course import Clock, kinds_course

LEARNER = "Dana"


@dataclass
class Sitting:
    """What one sitting printed and its exit status."""

    status: int
    out: str


@pytest.fixture
def course(tmp_path: Path) -> Course:
    """The app tests' course: two modules of lessons, and a module holding every kind of exercise."""
    return kinds_course(tmp_path / "course")


@pytest.fixture
def store(private_data_dir: Path):
    """A fresh progress store in the test's own data folder, with Dana in it."""
    opened = ProgressStore(private_data_dir)
    opened.add_learner(LEARNER)
    yield opened
    opened.close()


@pytest.fixture
def sit(course: Course, store: ProgressStore) -> Callable[..., Sitting]:
    """``sit(*lines, at=None)``: one sitting that reads these lines (then the end of input) and prints."""

    def sitting(*lines: str, at: Place | None = None, learner: str | None = LEARNER, width: int = 200) -> Sitting:
        if at is not None:
            store.save_place(LEARNER, at)
        stdout = io.StringIO()
        stdin = io.StringIO("".join(f"{line}\n" for line in lines))
        status = run_plain(course, store, learner, stdin=stdin, stdout=stdout, width=width, clock=Clock())
        return Sitting(status, stdout.getvalue())

    return sitting
