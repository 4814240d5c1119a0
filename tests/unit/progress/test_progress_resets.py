"""Resets clear what they say, and keep the old state as a backup first."""

from __future__ import annotations

import json
from pathlib import Path

from course.progress import Place, ProgressStore
from tests.unit.progress.progress_samples import an_attempt


def _busy_learner(store: ProgressStore) -> None:
    for exercise_id in ("empathy.late-gift", "empathy.emotion-words", "attention.order"):
        store.record_attempt("Dana", an_attempt(exercise_id))
        store.save_draft("Dana", exercise_id, "half")
    store.save_lesson_state("Dana", "empathy.naming-the-feeling", status="done")
    store.save_lesson_state("Dana", "attention.first-words", status="done")
    store.save_place("Dana", Place("lesson", "attention.first-words"))
    store.record_attempt("Priya", an_attempt("empathy.late-gift"))


def _backups(data_dir: Path, reason: str) -> list[Path]:
    return sorted((data_dir / "backups").glob(f"*{reason}*"))


def test_reset_exercise_clears_its_attempts_and_draft_only(store: ProgressStore, data_dir: Path) -> None:
    _busy_learner(store)
    store.reset_exercise("Dana", "empathy.late-gift")
    assert store.attempts("Dana", "empathy.late-gift") == []
    assert store.draft("Dana", "empathy.late-gift") is None
    assert len(store.attempts("Dana")) == 2 and store.draft("Dana", "attention.order") == "half"
    assert len(store.attempts("Priya")) == 1
    backup = _backups(data_dir, "before-reset-dana")
    assert len(backup) == 1
    assert len(json.loads(backup[0].read_text())["attempts"]) == 4


def test_reset_a_module_clears_its_lessons_and_exercises(store: ProgressStore) -> None:
    _busy_learner(store)
    store.reset_lessons_and_exercises(
        "Dana", ["empathy.naming-the-feeling"], ["empathy.late-gift", "empathy.emotion-words"]
    )
    assert [attempt.exercise_id for attempt in store.attempts("Dana")] == ["attention.order"]
    assert set(store.lesson_states("Dana")) == {"attention.first-words"}
    assert store.draft("Dana", "empathy.emotion-words") is None
    assert store.place("Dana") == Place("lesson", "attention.first-words")


def test_reset_all_clears_the_learners_progress_but_not_the_learner(store: ProgressStore, data_dir: Path) -> None:
    _busy_learner(store)
    store.reset_all("dana")
    reopened = ProgressStore(data_dir)
    assert reopened.attempts("Dana") == [] and reopened.lesson_states("Dana") == {}
    assert reopened.place("Dana") is None and reopened.draft("Dana", "attention.order") is None
    assert reopened.learner("Dana") is not None
    assert len(reopened.attempts("Priya")) == 1
    assert len(_backups(data_dir, "before-reset-dana")) == 1


def test_a_reset_with_nothing_to_clear_changes_nothing(store: ProgressStore, data_dir: Path) -> None:
    _busy_learner(store)
    before = (data_dir / "progress.json").read_bytes()
    store.reset_exercise("Dana", "never.tried")
    assert (data_dir / "progress.json").read_bytes() == before
    assert _backups(data_dir, "before-reset") == []


def test_backup_now_copies_the_file_as_it_is(store: ProgressStore, data_dir: Path) -> None:
    _busy_learner(store)
    copy = store.backup_now("Before the course update!")
    assert copy.parent == data_dir / "backups"
    assert "before-the-course-update" in copy.name
    assert copy.read_bytes() == (data_dir / "progress.json").read_bytes()
