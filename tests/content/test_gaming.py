"""Answers generated from each exercise's own data to game the grader fail, across the whole course."""

from __future__ import annotations

import pytest

from course.content import load_course
from course.paths import bundled_content_dir

from .gaming import MAKERS, tasks

COURSE = load_course(bundled_content_dir())
TASKS = tasks(COURSE)


def test_every_free_text_task_is_covered():
    assert len(TASKS) >= 38 + 4 * 3
    assert {t.exercise.kind for t in TASKS} == {"reply", "paraphrase", "rewrite", "conversation"}


@pytest.mark.parametrize("trick", list(MAKERS))
def test_gamed_answers_fail(trick):
    make = MAKERS[trick]
    passed, tried = [], 0
    for task in TASKS:
        answer = make(task)
        if answer is None:
            continue
        tried += 1
        result = task.grade(answer)
        if result.passed:
            passed.append(f"{task.name} ({result.score:.0%}): {answer[:160]!r}")
    assert tried, f"{trick}: applies to no task"
    assert not passed, f"{trick} passes on {len(passed)} of {tried}:\n" + "\n".join(passed)


def test_model_answers_pass():
    failed = [t.name for t in TASKS if t.model_answer and not t.grade(t.model_answer).passed]
    assert not failed, failed
