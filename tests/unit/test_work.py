"""What a reset or a delete would clear, said in words; clearing it keeps a backup and names it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from course.content import load_course
from course.paths import bundled_content_dir
from course.progress import Attempt, ProgressStore, StoreNotWritable
from course.tui.work import Work, clear, everything, exercise_part, module_part, work_in


@pytest.fixture(scope="module")
def course():
    return load_course(bundled_content_dir())


@pytest.fixture
def store(tmp_path: Path):
    opened = ProgressStore(tmp_path)
    yield opened
    opened.close()


def test_work_in_words() -> None:
    assert Work(0, 0, 0, 0, 0).words() == "nothing yet" and not Work(0, 0, 0, 0, 0)
    assert Work(1, 1, 0, 0, 0).words() == "1 answer to 1 exercise"
    assert (
        Work(3, 2, 1, 2, 1).words() == "3 answers to 2 exercises (1 passed), 2 lessons opened and 1 half-typed answer"
    )
    assert Work(0, 0, 0, 1, 2).words() == "1 lesson opened and 2 half-typed answers"
    assert Work(2, 1, 1, 0, 1).words(one_exercise=True) == "2 answers (passed) and 1 half-typed answer"


def test_work_counts_only_the_part_asked_about(course, store) -> None:
    first, second = course.modules[0], course.modules[1]
    mine = [exercise_id for lesson in first.lessons for exercise_id in lesson.exercise_ids]
    other = second.lessons[0].exercise_ids[0]
    store.record_attempt("Dana", Attempt(mine[0], "a", 0.2, False))
    store.record_attempt("Dana", Attempt(mine[0], "b", 0.9, True))
    store.record_attempt("Dana", Attempt(other, "c", 0.5, False))
    store.save_draft("Dana", mine[1], "half")
    store.save_lesson_state("Dana", first.lessons[0].id, status="done")

    assert work_in(store, "Dana", exercise_part(course.exercise(mine[0])), course) == Work(2, 1, 1, 0, 0)
    assert work_in(store, "Dana", module_part(first), course) == Work(2, 1, 1, 1, 1)
    assert work_in(store, "Dana", everything("Dana"), course) == Work(3, 2, 1, 1, 1)
    assert not work_in(store, "Sam", everything("Sam"), course)


def test_clearing_keeps_a_backup_of_everything_from_just_before(course, store, tmp_path: Path) -> None:
    module = course.modules[0]
    exercise_id = module.lessons[0].exercise_ids[0]
    store.record_attempt("Dana", Attempt(exercise_id, "kept in the backup", 1.0, True))
    store.save_lesson_state("Dana", module.lessons[0].id, status="done")

    backup = clear(store, "Dana", module_part(module))
    assert backup is not None and backup.parent == tmp_path / "backups" and "before-reset-dana" in backup.name
    assert store.attempts("Dana") == [] and store.lesson_states("Dana") == {}
    old = json.loads(backup.read_text())
    assert [row["answer"] for row in old["attempts"].values()] == ["kept in the backup"]
    assert clear(store, "Dana", module_part(module)) is None  # nothing left to clear: no new backup


def test_a_store_that_refuses_clears_nothing(course, store, monkeypatch) -> None:
    exercise_id = course.modules[0].lessons[0].exercise_ids[0]
    store.record_attempt("Dana", Attempt(exercise_id, "still here", 1.0, True))

    def refuse(*args: object) -> None:
        raise StoreNotWritable("listen could not save your progress because the disk is full.")

    monkeypatch.setattr(store, "reset_all", refuse)
    with pytest.raises(StoreNotWritable):
        clear(store, "Dana", everything("Dana"))
    assert len(store.attempts("Dana")) == 1


def test_work_is_plain_python_without_the_screen() -> None:
    code = "import sys, course.tui.work; sys.exit(1 if any(m.startswith('textual') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
