"""Module progress for the dashboard and ``listen status --json``."""

from __future__ import annotations

import json
from pathlib import Path

from course.content.model import Course, Exercise, Lesson, Module
from course.progress import Place, ProgressStore
from course.progress.summary import ModuleProgress, module_progress, status_report
from tests.unit.progress.progress_samples import an_attempt


def _lesson(lesson_id: str, *exercise_ids: str) -> Lesson:
    return Lesson(lesson_id, lesson_id.title(), 5, (), exercise_ids, (), Path(f"{lesson_id}.md"))


def _exercise(exercise_id: str) -> Exercise:
    return Exercise(exercise_id, "reply", exercise_id, "Reply.", Path(f"{exercise_id}.yaml"))


def _course() -> Course:
    welcome = Module("welcome", 0, "Welcome", "", "", "", (_lesson("welcome.start"),), Path("00"))
    empathy = Module(
        "empathy",
        1,
        "Empathy",
        "empathy",
        "",
        "",
        (_lesson("empathy.naming", "empathy.late-gift", "empathy.words"), _lesson("empathy.tone", "empathy.tone-fix")),
        Path("01"),
    )
    empty = Module("later", 2, "Later", "", "", "", (), Path("02"))
    exercises = {e: _exercise(e) for e in ("empathy.late-gift", "empathy.words", "empathy.tone-fix")}
    return Course((welcome, empathy, empty), exercises, Path("."), "v1")


def test_a_learner_who_has_done_nothing(store: ProgressStore) -> None:
    progress = module_progress(_course(), store, "Dana")
    assert [module.module_id for module in progress] == ["welcome", "empathy", "later"]
    empathy = progress[1]
    assert (empathy.lessons_done, empathy.lessons_total, empathy.exercises_passed, empathy.exercises_total) == (
        0,
        2,
        0,
        3,
    )
    assert empathy.best_scores == {}
    assert (progress[2].lessons_total, progress[2].exercises_total) == (0, 0)


def test_progress_counts_lessons_done_and_exercises_passed(store: ProgressStore) -> None:
    store.save_lesson_state("Dana", "empathy.naming", status="done")
    store.save_lesson_state("Dana", "empathy.tone", status="started")
    store.save_lesson_state("Dana", "welcome.start", status="done")
    store.record_attempt("Dana", an_attempt("empathy.late-gift", score=0.4, passed=False))
    store.record_attempt("Dana", an_attempt("empathy.late-gift", score=0.9, passed=True))
    store.record_attempt("Dana", an_attempt("empathy.late-gift", score=0.6, passed=False))
    store.record_attempt("Dana", an_attempt("empathy.words", score=0.5, passed=False))
    store.record_attempt("Priya", an_attempt("empathy.words", score=1.0, passed=True))

    welcome, empathy, _ = module_progress(_course(), store, "Dana")

    assert (welcome.lessons_done, welcome.lessons_total) == (1, 1)
    assert empathy == ModuleProgress(
        "empathy", "Empathy", 1, 2, 1, 3, {"empathy.late-gift": 0.9, "empathy.words": 0.5}
    )


def test_the_status_report_is_plain_json(store: ProgressStore) -> None:
    store.add_learner("Dana")
    store.save_lesson_state("Dana", "empathy.naming", status="done")
    store.record_attempt("Dana", an_attempt("empathy.words"))
    store.save_place("Dana", Place("lesson", "empathy.tone", page=1, scroll=3.0))

    report = json.loads(json.dumps(status_report(_course(), store, "dana")))

    assert report["learner"] == "Dana" and report["attempts"] == 1
    assert report["modules"][1] == {
        "id": "empathy",
        "title": "Empathy",
        "lessons_done": 1,
        "lessons_total": 2,
        "exercises_passed": 1,
        "exercises_total": 3,
    }
    assert report["next"] == {"screen": "lesson", "target": "empathy.tone", "page": 1, "scroll": 3.0}
    assert status_report(_course(), store, "Nobody")["next"] is None
