"""A small course for the review's tests: three customers on empathy, one on attention, two choices."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from course.content.model import Course, Criterion, Exercise, Lesson, Module, Option, Rubric, Scenario, Section
from course.judging.criteria import criteria_of
from course.progress import Attempt, CriterionOutcome

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
"""A Monday morning: day 0 of every story told here."""


def _criteria(*checks: str) -> tuple[Criterion, ...]:
    return tuple(
        Criterion(id=check.replace("_", "-"), check=check, met="Well done.", missed="Try this.", weight=1.0)
        for check in checks
    )


def _reply(ident: str, customer: str, skill: str, *checks: str) -> Exercise:
    module = ident.partition(".")[0]
    return Exercise(
        id=ident, kind="reply", title=f"{customer}'s message", prompt="Reply.", path=Path(f"{ident}.yaml"),
        channel="chat", skill=skill, module_id=module,
        scenario=Scenario(customer=customer, message="My order is late and I'm worried."),
        rubric=Rubric(criteria=_criteria(*checks)),
    )


def _choice(ident: str, skill: str) -> Exercise:
    return Exercise(
        id=ident, kind="choice", title=f"Choose ({ident})", prompt="Pick one.", path=Path(f"{ident}.yaml"),
        skill=skill, module_id=ident.partition(".")[0],
        options=(Option("Listen", correct=True), Option("Talk")),
    )


def build_course() -> Course:
    """Empathy: Amara (feeling, next step), Ben (feeling), Amara again (feeling), Cleo (next step only);
    attention: Dev (feeling, question); two choices on empathy."""
    exercises = [
        _reply("empathy.amara", "Amara", "empathy", "acknowledges_emotion", "commits_to_action"),
        _reply("empathy.ben", "Ben", "empathy", "acknowledges_emotion"),
        _reply("empathy.amara-again", "Amara", "empathy", "acknowledges_emotion"),
        _reply("empathy.cleo", "Cleo", "empathy", "commits_to_action"),
        _reply("attention.dev", "Dev", "attention", "acknowledges_emotion", "asks_question"),
        _choice("empathy.pick-one", "empathy"),
        _choice("empathy.pick-two", "empathy"),
    ]
    by_module: dict[str, list[str]] = {}
    for exercise in exercises:
        by_module.setdefault(exercise.module_id, []).append(exercise.id)
    modules = tuple(
        Module(
            id=module, number=number, title=module.title(), skill=module, summary="", overview="",
            lessons=(Lesson(id=f"{module}.lesson", title="A lesson", minutes=5, objectives=(),
                            exercise_ids=tuple(ids), sections=(Section("One", "Text."),),
                            path=Path(f"{module}.md"), module_id=module),),
            path=Path(module),
        )
        for number, (module, ids) in enumerate(by_module.items(), start=1)
    )
    return Course(modules=modules, exercises={e.id: e for e in exercises}, root=Path("."), version="test")


@pytest.fixture
def course() -> Course:
    return build_course()


def answer(course: Course, exercise_id: str, day: float, *, score: float = 1.0, passed: bool | None = None,
           missed: Iterable[str] = (), start: datetime = START) -> Attempt:
    """An attempt at ``exercise_id`` on ``day`` (days after START), missing the criteria named."""
    missed = set(missed)
    outcomes = tuple(
        CriterionOutcome(ident, ident not in missed, criterion.severity, criterion.weight, criterion.skill or "empathy")
        for ident, criterion in criteria_of(course.exercise(exercise_id)).items()
    )
    when = start + timedelta(days=day)
    return Attempt(exercise_id, "An answer.", score, score >= 0.7 if passed is None else passed, outcomes,
                   at=when.isoformat(timespec="milliseconds"), id=f"{exercise_id}-{day}")


def on_day(day: float, hour: int = 12) -> datetime:
    """A moment on ``day`` (days after START), at ``hour`` UTC."""
    return (START + timedelta(days=int(day))).replace(hour=hour)
