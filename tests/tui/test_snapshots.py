"""What the learner sees, screen by screen, compared with approved pictures.

Update after a deliberate change with ``pytest tests/tui --snapshot-update``
and look at the new SVGs before committing them. Nothing shown depends on the
clock: progress is built through the store with the times of its answers set,
and the app is given its own "now" for today's review.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

import course.grading as course_grading
from course.content.model import Course
from course.grading import CriterionResult, Grade
from course.progress import Attempt, Place
from course.tui.app import ListenApp

from .conftest import LEARNER

SIZE = (100, 34)
SMALL = (80, 24)

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
"""When Dana answered."""
WEDNESDAY = datetime(2026, 3, 4, 10, 0, tzinfo=timezone.utc)
"""When the pictures are taken, as far as today's review knows."""


async def still(pilot: Pilot) -> None:
    """No blinking cursors, and no work still going on: a snapshot must not depend on when it was taken."""
    for box in pilot.app.query(TextArea):
        box.cursor_blink = False
    for field in pilot.app.query(Input):
        field.cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def app_with_progress(course: Course, store) -> ListenApp:
    """Dana has read the welcome lesson, passed one exercise and tried another, on Monday; it is Wednesday."""
    store.add_learner(LEARNER)
    store.save_lesson_state(LEARNER, "welcome.how-it-works", status="done", page=1)
    store.save_lesson_state(LEARNER, "empathy.naming-the-feeling", status="started", page=1)
    store.record_attempt(LEARNER, Attempt("welcome.first-step", [0], 1.0, True, content_hash="h1",
                                          at=MONDAY.isoformat()))
    store.record_attempt(LEARNER, Attempt("welcome.good-habits", [0], 2 / 3, False, content_hash="h2",
                                          at=MONDAY.replace(minute=5).isoformat()))
    store.save_place(LEARNER, Place("lesson", "empathy.naming-the-feeling", page=1))
    return ListenApp(course, store, now=lambda: WEDNESDAY)


def test_dashboard(snap_compare, course, store) -> None:
    assert snap_compare(app_with_progress(course, store), terminal_size=SIZE, run_before=still)


def test_dashboard_small_terminal(snap_compare, course, store) -> None:
    assert snap_compare(app_with_progress(course, store), terminal_size=SMALL, run_before=still)


def test_module(snap_compare, course, store) -> None:
    async def open_empathy(pilot: Pilot) -> None:
        await pilot.press("tab", "down", "enter")
        await still(pilot)

    assert snap_compare(app_with_progress(course, store), terminal_size=SIZE, run_before=open_empathy)


def test_lesson_page(snap_compare, course, store) -> None:
    async def continue_reading(pilot: Pilot) -> None:
        await pilot.press("c")  # Continue: page 2 of 3
        await still(pilot)

    assert snap_compare(app_with_progress(course, store), terminal_size=SIZE, run_before=continue_reading)


def test_exercise_with_draft_and_hint(snap_compare, course, store) -> None:
    app = app_with_progress(course, store)
    store.save_draft(LEARNER, "empathy.late-gift", "Oh no, I'm sorry Dana")
    store.save_place(LEARNER, Place("exercise", "empathy.late-gift"))

    async def open_and_ask(pilot: Pilot) -> None:
        await pilot.press("c")
        await still(pilot)
        await pilot.press("ctrl+g")
        await still(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_and_ask)


ANSWER = "I'm so sorry [bold]Dana[/], calm down. The party on Saturday matters."


def fixed_grade(exercise, answer: str) -> Grade:
    """A set verdict, so this picture shows the screen, not today's detectors."""
    names, facts, blame = exercise.rubric.criteria

    def span(words: str) -> tuple[int, int]:
        start = answer.index(words)
        return start, start + len(words)

    results = (
        CriterionResult(names, True, (span("sorry"),), names.met, "empathy"),
        CriterionResult(facts, True, (span("party"), span("Saturday")), facts.met, "attention"),
        CriterionResult(blame, False, (span("calm down"),), blame.missed, "empathy"),
    )
    return Grade(score=0.8, passed=False, pass_mark=0.7, results=results)


def test_feedback(snap_compare, course, store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(course_grading, "grade", fixed_grade)
    app = app_with_progress(course, store)
    store.save_draft(LEARNER, "empathy.late-gift", ANSWER)
    store.save_place(LEARNER, Place("exercise", "empathy.late-gift"))

    async def submit(pilot: Pilot) -> None:
        await pilot.press("c")
        await still(pilot)
        await pilot.press("ctrl+s")
        await still(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=submit)


def test_feedback_small_terminal(snap_compare, course, store) -> None:
    app = app_with_progress(course, store)
    store.save_place(LEARNER, Place("feedback", "welcome.good-habits"))

    async def reopen(pilot: Pilot) -> None:
        await pilot.press("c")
        await still(pilot)

    assert snap_compare(app, terminal_size=SMALL, run_before=reopen)


def test_first_run_name(snap_compare, course, store) -> None:
    async def empty_name(pilot: Pilot) -> None:
        await still(pilot)
        await pilot.press("enter")
        await still(pilot)

    assert snap_compare(ListenApp(course, store), terminal_size=SMALL, run_before=empty_name)
