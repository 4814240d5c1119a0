"""Attempts: saved for good when record_attempt returns, read back exactly."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from course.progress import Attempt, CriterionOutcome, ProgressStore
from tests.unit.progress.progress_samples import an_attempt


def test_record_fills_in_the_time_and_id(store: ProgressStore) -> None:
    saved = store.record_attempt("Dana", an_attempt())
    assert len(saved.id) == 32 and int(saved.id, 16) >= 0
    assert saved.at.endswith("+00:00") and "T" in saved.at
    assert store.attempts("Dana") == [saved]


def test_a_recorded_attempt_is_on_disk_when_record_returns(store: ProgressStore, data_dir: Path) -> None:
    saved = store.record_attempt("Dana", an_attempt())
    on_disk = json.loads((data_dir / "progress.json").read_text(encoding="utf-8"))
    assert [row["id"] for row in on_disk["attempts"].values()] == [saved.id]
    assert ProgressStore(data_dir).attempts("Dana") == [saved]


def test_attempts_come_back_oldest_first_and_filtered(store: ProgressStore) -> None:
    first = store.record_attempt("Dana", an_attempt("e1", score=0.2, passed=False))
    other = store.record_attempt("Priya", an_attempt("e1"))
    second = store.record_attempt("Dana", an_attempt("e2"))
    third = store.record_attempt("Dana", an_attempt("e1", score=0.9))
    assert store.attempts("Dana") == [first, second, third]
    assert store.attempts("dana", "e1") == [first, third]
    assert store.attempts("Priya") == [other]
    assert store.attempts("Nobody") == []
    assert store.attempt_count() == 4
    assert store.attempt_count("Dana") == 3
    assert store.attempt_count("Nobody") == 0


def test_every_field_survives_the_round_trip(store: ProgressStore, data_dir: Path) -> None:
    attempt = Attempt(
        exercise_id="attention.order-of-steps",
        answer=["Thank them", "Name the feeling", "Say what happens next"],
        score=1.0,
        passed=True,
        outcomes=(CriterionOutcome("order", True, "essential", 2.5, "attention"),),
        content_hash="abc123",
        seconds=12.25,
        at="2026-01-05T09:30:00+00:00",
        id="f" * 32,
    )
    store.record_attempt("Dana", attempt)
    assert ProgressStore(data_dir).attempts("Dana") == [attempt]


def test_text_in_any_script_and_emoji_survives(store: ProgressStore, data_dir: Path) -> None:
    answer = "Je comprends — c'est frustrant 😟\nЯ понимаю. 我明白。 \"quoted\" \\ back\u2028slash"
    store.record_attempt("Zoë", an_attempt(answer=answer))
    assert ProgressStore(data_dir).attempts("Zoë")[0].answer == answer


def test_the_same_attempt_sent_twice_is_kept_once(store: ProgressStore) -> None:
    saved = store.record_attempt("Dana", an_attempt())
    again = store.record_attempt("Dana", saved)
    assert again == saved and store.attempt_count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"score": 1.5}, "between 0 and 1"),
        ({"score": float("nan")}, "between 0 and 1"),
        ({"exercise_id": ""}, "id of the exercise"),
        ({"answer": object()}, "text or plain data"),
    ],
)
def test_an_attempt_that_cannot_be_saved_is_refused(store: ProgressStore, change: dict, message: str) -> None:
    from dataclasses import replace

    with pytest.raises(ValueError, match=message):
        store.record_attempt("Dana", replace(an_attempt(), **change))
    assert store.attempt_count() == 0


def test_from_grade_keeps_each_criterion(store: ProgressStore) -> None:
    def result(criterion_id: str, met: bool, severity: str, weight: float, skill: str) -> SimpleNamespace:
        criterion = SimpleNamespace(id=criterion_id, severity=severity, weight=weight, skill="")
        return SimpleNamespace(criterion=criterion, met=met, severity=severity, weight=weight, skill=skill)

    exercise = SimpleNamespace(id="empathy.late-gift", content_hash="9e1c")
    grade = SimpleNamespace(
        score=0.75,
        passed=True,
        results=(
            result("names-feeling", True, "essential", 3.0, "empathy"),
            result("no-blame", False, "actionable", 1.0, "patience"),
        ),
    )
    attempt = Attempt.from_grade(exercise, "I hear you.", grade, seconds=30)
    assert attempt == Attempt(
        exercise_id="empathy.late-gift",
        answer="I hear you.",
        score=0.75,
        passed=True,
        outcomes=(
            CriterionOutcome("names-feeling", True, "essential", 3.0, "empathy"),
            CriterionOutcome("no-blame", False, "actionable", 1.0, "patience"),
        ),
        content_hash="9e1c",
        seconds=30.0,
    )
    assert store.attempts("Dana") == [] and store.record_attempt("Dana", attempt).outcomes == attempt.outcomes
