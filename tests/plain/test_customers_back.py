"""In ``listen --plain`` a customer waiting on a promise is on the main menu, and answering them settles it."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from course.judging import judge
from course.plain import run_plain
from course.progress import ProgressStore
from course.recording import attempt_of, record_attempt
from tests.unit.follow_up.samples import MADE, a_course

PROMISING = ("I'm so sorry, Priya, with a baby at home that's frightening. I'll ring you on Friday with the "
             "engineer's slot.")
KEPT = ("Hi Priya, sorry you had to chase me. I rang the depot on Friday as I said I would: the engineer is booked "
        "for Thursday morning.")


@pytest.fixture
def course(tmp_path):
    return a_course(tmp_path / "course")


@pytest.fixture
def store(private_data_dir):
    opened = ProgressStore(private_data_dir)
    opened.add_learner("Dana")
    yield opened
    opened.close()


def promise_made(course, store) -> None:
    exercise = course.exercise("follow-through.no-heating")
    attempt = attempt_of(exercise, PROMISING, judge(exercise, PROMISING), seconds=30)
    record_attempt(course, store, "Dana", attempt, now=lambda: MADE)


def sit(course, store, *lines: str) -> str:
    stdout = io.StringIO()
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    assert run_plain(course, store, "Dana", stdin=stdin, stdout=stdout, width=200) == 0
    return stdout.getvalue()


def test_nobody_waiting_means_no_entry(course, store, monkeypatch) -> None:
    monkeypatch.setenv("LISTEN_NOW", (MADE + timedelta(hours=2)).isoformat())
    promise_made(course, store)
    out = sit(course, store, "q")
    assert "A customer is back" not in out and "Today's review" in out


def test_a_customer_back_is_answered_from_the_main_menu_and_the_promise_is_kept(course, store, monkeypatch) -> None:
    monkeypatch.setenv("LISTEN_NOW", (MADE + timedelta(days=2)).isoformat())
    promise_made(course, store)
    out = sit(course, store, "b", "1", *KEPT.split("\n"), ".", "b", "q")
    assert "A customer is back: 1 waiting (b)" in out
    assert "Priya Shah: you promised “I'll ring you on Friday with the engineer's slot.”" in out
    [promise] = store.promises("Dana")
    assert promise.outcome == "kept"
    assert any(a.exercise_id == promise.follow_up_id for a in store.attempts("Dana", promise.follow_up_id))


def test_the_review_lists_the_customer_waiting(course, store, monkeypatch) -> None:
    monkeypatch.setenv("LISTEN_NOW", (MADE + timedelta(days=2)).isoformat())
    promise_made(course, store)
    out = sit(course, store, "r", "b", "q")
    assert "Today's review · " in out
    assert "Priya Shah is back: you promised" in out
