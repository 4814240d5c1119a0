"""``listen report --lrs``: the trainer's cohort report built from a real LRS's statements."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.xapi.conftest import answer, text_exercise

pytestmark = pytest.mark.lrs


def test_report_from_the_lrs_matches_what_was_synced(listen, store, course, ralph, monkeypatch):
    learner = f"Cohort {uuid.uuid4().hex[:8]}"
    exercise_id = text_exercise(course)
    answer(store, learner, exercise_id, score=0.4, text="Please calm down.")
    answer(store, learner, exercise_id, score=0.9, text="I can hear how worried you are about Saturday.")
    monkeypatch.setenv("LISTEN_LRS_ENDPOINT", ralph.endpoint)
    monkeypatch.setenv("LISTEN_LRS_USERNAME", ralph.username)
    monkeypatch.setenv("LISTEN_LRS_PASSWORD", ralph.password)
    assert listen("sync").status == 0

    outcome = listen("report", "--lrs", "--format", "json")
    assert outcome.status == 0, outcome.err
    assert ralph.password not in outcome.out + outcome.err
    report = json.loads(outcome.out)
    text = json.dumps(report)
    assert learner in text
    module = course.exercise(exercise_id).module_id
    rows = [row for row in report["rows"] if row["learner"] == learner and row["module_id"] == module]
    assert rows and rows[0]["attempts"] == 2
    assert abs(rows[0]["score"] - 0.9 / len(course.exercises_of(module))) < 0.01


def test_report_from_the_lrs_with_a_wrong_password(listen, ralph, monkeypatch):
    monkeypatch.setenv("LISTEN_LRS_ENDPOINT", ralph.endpoint)
    monkeypatch.setenv("LISTEN_LRS_USERNAME", ralph.username)
    monkeypatch.setenv("LISTEN_LRS_PASSWORD", "not-the-password")
    outcome = listen("report", "--lrs")
    assert outcome.status == 2
    assert "refused these credentials" in outcome.err
    assert "not-the-password" not in outcome.err + outcome.out


def test_report_from_an_unreachable_lrs(listen, monkeypatch):
    monkeypatch.setenv("LISTEN_LRS_ENDPOINT", "http://127.0.0.1:9/xAPI")
    monkeypatch.setenv("LISTEN_LRS_USERNAME", "trainer")
    monkeypatch.setenv("LISTEN_LRS_PASSWORD", "secret")
    outcome = listen("report", "--lrs")
    assert outcome.status == 1
    assert "Traceback" not in outcome.err
    assert outcome.err.count("\n") <= 2
