"""Fixtures for learning records: a store that queues statements, fake and real LRSs, ``listen`` in-process."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from course.content import load_course
from course.content.model import Course
from course.paths import bundled_content_dir
from course.progress import Attempt, CriterionOutcome, ProgressStore
from course.xapi import statement_maker
from tests.xapi.fake_lrs import FakeLrs
from tests.xapi.ralph_lrs import Ralph, RalphUnavailable, ralph_venv


@pytest.fixture(scope="session")
def course() -> Course:
    """The bundled course."""
    return load_course(bundled_content_dir())


@pytest.fixture
def data_dir(private_data_dir: Path) -> Path:
    """The data dir ``listen`` uses in this test (LISTEN_HOME)."""
    return private_data_dir


@pytest.fixture
def store(data_dir: Path, course: Course) -> Iterator[ProgressStore]:
    """A store that queues a statement for every learning event."""
    opened = ProgressStore(data_dir, lock_timeout=2.0, statements=statement_maker(data_dir, course))
    yield opened
    opened.close()


def text_exercise(course: Course) -> str:
    """The id of a reply exercise."""
    return next(e.id for e in course.exercises.values() if e.kind == "reply")


def answer(
    store: ProgressStore, learner: str, exercise_id: str, score: float = 0.8, text: str = "I hear you.",
    at: str | None = None,
) -> Attempt:
    """Record one graded answer (now, or ``at`` an ISO time of the test's own)."""
    outcomes = (CriterionOutcome("names-feeling", score >= 0.5, "essential", 3.0, "empathy"),
                CriterionOutcome("key-facts", score >= 0.7, "actionable", 1.0, "attention"))
    when = {"at": at} if at is not None else {}
    attempt = Attempt(exercise_id, text, score, score >= 0.7, outcomes, "hash1", 42.5, **when)
    return store.record_attempt(learner, attempt)


def fill_outbox(store: ProgressStore, course: Course, learner: str, count: int) -> list[str]:
    """Queue ``count`` answered statements for ``learner``; their ids."""
    exercise_ids = [e.id for e in course.exercises.values()]
    for number in range(count):
        answer(store, learner, exercise_ids[number % len(exercise_ids)], score=(number % 10) / 10)
    return [queued.id for queued in store.outbox()]


@pytest.fixture
def fake_lrs() -> Iterator[FakeLrs]:
    """A fault-injecting fake LRS on a free 127.0.0.1 port."""
    lrs = FakeLrs().start()
    yield lrs
    lrs.stop()


@pytest.fixture(scope="session")
def ralph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ralph]:
    """A real Ralph LRS for the whole run, stopped by its process id at the end."""
    if os.environ.get("LISTEN_SKIP_LRS") == "1":
        pytest.skip("LISTEN_SKIP_LRS=1: the tests against a real LRS are skipped")
    why = ""
    try:
        lrs = Ralph(ralph_venv(), tmp_path_factory.mktemp("ralph"))
        lrs.start()
    except RalphUnavailable as error:
        why = str(error)
    if why:  # outside the except block: the message alone, not a chain of tracebacks
        pytest.fail(f"could not run the Ralph LRS these tests need (set LISTEN_SKIP_LRS=1 to skip them):\n{why}",
                    pytrace=False)
    yield lrs
    lrs.stop()


@pytest.fixture
def listen(listen: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    """``listen`` as everywhere, with no real waiting between tries (the waits are recorded in ``.waits``)."""
    from course.commands import sync as sync_command

    waits: list[float] = []
    monkeypatch.setattr(sync_command, "pause", waits.append)
    listen.waits = waits  # type: ignore[attr-defined]
    return listen
