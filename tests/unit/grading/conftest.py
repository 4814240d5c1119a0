"""Builders for rubrics and exercises, so grading tests read like the YAML a trainer writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.content.model import Criterion, Exercise, Rubric, Scenario


def criterion(
    id: str, check: str, *, weight: float = 1.0, severity: str = "actionable", skill: str = "", **params
) -> Criterion:
    """A criterion with feedback texts derived from its id."""
    return Criterion(
        id=id,
        check=check,
        met=f"{id}: well done",
        missed=f"{id}: missing",
        weight=weight,
        severity=severity,
        skill=skill,
        params=params,
    )


def exercise(
    *criteria: Criterion,
    kind: str = "reply",
    message: str = "",
    original: str = "",
    pass_mark: float = 0.7,
    skill: str = "",
) -> Exercise:
    """A free-text exercise with the given criteria."""
    return Exercise(
        id="test.exercise",
        kind=kind,
        title="Test exercise",
        prompt="Write your reply.",
        path=Path("exercises/test/exercise.yaml"),
        channel="chat",
        skill=skill,
        scenario=Scenario(customer="Priya", message=message) if message else None,
        rubric=Rubric(criteria=tuple(criteria), pass_mark=pass_mark),
        original=original,
    )


@pytest.fixture(autouse=True)
def _no_real_user_data(tmp_path, monkeypatch):
    """Grading never touches the learner's data; make sure a stray write would land in tmp."""
    monkeypatch.setenv("LISTEN_HOME", str(tmp_path / "listen-home"))
