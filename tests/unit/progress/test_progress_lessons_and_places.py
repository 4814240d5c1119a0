"""Lessons read, half-typed answers and the exact place to come back to."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.progress import LessonState, Place, ProgressStore


def test_a_lesson_never_opened_is_new(store: ProgressStore) -> None:
    assert store.lesson_state("Dana", "empathy.naming-the-feeling") == LessonState("empathy.naming-the-feeling", "new")
    assert store.lesson_states("Dana") == {}


def test_saving_a_page_starts_the_lesson_and_remembers_where(store: ProgressStore, data_dir: Path) -> None:
    store.save_lesson_state("Dana", "empathy.naming-the-feeling", page=2, scroll=14.5)
    state = ProgressStore(data_dir).lesson_state("dana", "empathy.naming-the-feeling")
    assert (state.status, state.page, state.scroll) == ("started", 2, 14.5)
    assert state.updated
    assert store.learner("Dana") is not None  # saving for a new name makes the learner


def test_a_done_lesson_stays_done(store: ProgressStore) -> None:
    store.save_lesson_state("Dana", "l1", status="started")
    store.save_lesson_state("Dana", "l1", status="done", page=4)
    store.save_lesson_state("Dana", "l1", status="started", page=1)
    store.save_lesson_state("Dana", "l1", status="new")
    state = store.lesson_state("Dana", "l1")
    assert (state.status, state.page) == ("done", 1)


def test_only_the_fields_given_change(store: ProgressStore) -> None:
    store.save_lesson_state("Dana", "l1", page=3, scroll=8.0)
    store.save_lesson_state("Dana", "l1", status="done")
    assert store.lesson_state("Dana", "l1").page == 3
    assert store.lesson_state("Dana", "l1").scroll == 8.0


def test_lesson_states_are_per_learner(store: ProgressStore) -> None:
    store.save_lesson_state("Dana", "l1", status="done")
    store.save_lesson_state("Dana", "l2", page=1)
    store.save_lesson_state("Priya", "l1", page=5)
    assert {lesson: state.status for lesson, state in store.lesson_states("Dana").items()} == {
        "l1": "done",
        "l2": "started",
    }
    assert store.lesson_states("Priya")["l1"].page == 5


def test_an_unknown_status_is_refused(store: ProgressStore) -> None:
    with pytest.raises(ValueError, match="new, started, done"):
        store.save_lesson_state("Dana", "l1", status="finished")


def test_a_draft_survives_closing_the_app(store: ProgressStore, data_dir: Path) -> None:
    assert store.draft("Dana", "empathy.late-gift") is None
    store.save_draft("Dana", "empathy.late-gift", "I'm so sorry")
    store.save_draft("Dana", "empathy.late-gift", "I'm so sorry the bike")
    store.save_draft("Priya", "empathy.late-gift", "Hello")
    reopened = ProgressStore(data_dir)
    assert reopened.draft("Dana", "empathy.late-gift") == "I'm so sorry the bike"
    assert reopened.draft("Priya", "empathy.late-gift") == "Hello"


def test_clearing_a_draft_or_saving_an_empty_one_forgets_it(store: ProgressStore) -> None:
    store.save_draft("Dana", "e1", "one")
    store.save_draft("Dana", "e2", "two")
    store.clear_draft("Dana", "e1")
    store.save_draft("Dana", "e2", "")
    store.clear_draft("Dana", "never-drafted")
    assert store.draft("Dana", "e1") is None and store.draft("Dana", "e2") is None


def test_the_place_is_exact_and_one_per_learner(store: ProgressStore, data_dir: Path) -> None:
    assert store.place("Dana") is None
    store.save_place("Dana", Place("lesson", "empathy.naming-the-feeling", page=2, scroll=31.25))
    store.save_place("Priya", Place("dashboard"))
    store.save_place("Dana", Place("exercise", "empathy.late-gift"))
    reopened = ProgressStore(data_dir)
    assert reopened.place("Dana") == Place("exercise", "empathy.late-gift", 0, 0.0)
    assert reopened.place("Priya") == Place("dashboard")


def test_a_place_on_an_unknown_screen_is_refused(store: ProgressStore) -> None:
    with pytest.raises(ValueError, match="dashboard"):
        store.save_place("Dana", Place("settings"))
