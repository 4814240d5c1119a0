"""Recording an answer also settles the module's verdict and completed assignments."""

from __future__ import annotations

from course.content import load_course
from course.paths import bundled_content_dir
from course.progress import Attempt, ProgressStore
from course.recording import record_attempt
from course.trainer import make_assignment
from course.xapi import statement_maker


def verbs(store):
    return [item.statement["verb"]["id"].rsplit("/", 1)[-1] for item in store.outbox()]


def test_finishing_a_module_records_its_verdict_and_the_assignment(tmp_path):
    course = load_course(bundled_content_dir())
    store = ProgressStore(tmp_path, statements=statement_maker(tmp_path, course))
    store.ensure_learner("Ana")
    exercises = course.exercises_of("welcome")
    assignment = make_assignment(course, ["welcome"], "2099-12-31", 0.8)
    store.import_work("Ana", assignments=[assignment])
    for number, exercise in enumerate(exercises):
        record_attempt(course, store, "Ana", Attempt(exercise.id, "answer", 1.0, True))
        if number < len(exercises) - 1:
            assert "passed" not in verbs(store)
    assert verbs(store).count("passed") == 1
    assert verbs(store).count("completed") >= 1
    assert store.module_result("Ana", "welcome") is True


def test_a_failed_module_is_failed_not_passed(tmp_path):
    course = load_course(bundled_content_dir())
    store = ProgressStore(tmp_path, statements=statement_maker(tmp_path, course))
    for exercise in course.exercises_of("welcome"):
        record_attempt(course, store, "Ana", Attempt(exercise.id, "answer", 0.2, False))
    assert store.module_result("Ana", "welcome") is False
    assert "failed" in verbs(store)
