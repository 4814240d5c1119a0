"""Every kind of exercise is declared once (course.content.kinds) and nothing that derives from it misses one.

Adding a kind means: its line in the registry, its part of the exercise
schema, its judge, its screen, example content in the bundled course and, when
it is typed as numbers, its command-line option. Each test here fails, naming
the kind, when one of those is missing.
"""

from __future__ import annotations

import pytest

from course.content import KINDS, TEXT_KINDS, load_course
from course.content.answers import Written
from course.content.kinds import EXERCISE_KINDS, ExerciseKind
from course.content.schema import SCHEMA_DIR, schema_of
from course.judging import Judgment, judge_of
from course.paths import bundled_content_dir
from course.xapi.vocabulary import INTERACTION_TYPES

XAPI_INTERACTION_TYPES = {"true-false", "choice", "fill-in", "long-fill-in", "matching", "performance",
                          "sequencing", "likert", "numeric", "other"}
"""xAPI 1.0.3's interaction types (section 2.4.4.1.1)."""

NAMES = [kind.name for kind in EXERCISE_KINDS]


@pytest.fixture(scope="module")
def bundled():
    return load_course(bundled_content_dir())


def by_name(name: str) -> ExerciseKind:
    return next(kind for kind in EXERCISE_KINDS if kind.name == name)


def test_each_kind_is_declared_once_and_the_content_lists_come_from_it() -> None:
    assert len(NAMES) == len(set(NAMES))
    assert KINDS == tuple(NAMES)
    assert set(TEXT_KINDS) == {kind.name for kind in EXERCISE_KINDS if kind.answer is Written}


def test_the_schema_file_names_no_kind_itself() -> None:
    """The kinds' names reach the schema from the registry, so the file cannot drift from it."""
    raw = (SCHEMA_DIR / "exercise.schema.json").read_text(encoding="utf-8")
    assert '"enum": ["choice"' not in raw and '"allOf"' not in raw


@pytest.mark.parametrize("name", NAMES)
def test_the_schema_accepts_the_kind_and_holds_its_part(name: str) -> None:
    schema = schema_of("exercise")
    kind = by_name(name)
    assert name in schema["properties"]["kind"]["enum"]
    assert kind.schema in schema["$defs"]["kinds"], f"no $defs.kinds.{kind.schema} in exercise.schema.json"
    assert any(rule["then"]["$ref"] == f"#/$defs/kinds/{kind.schema}" for rule in schema["allOf"]
               if rule["if"]["properties"]["kind"]["const"] == name)


def test_every_part_of_the_schema_belongs_to_a_kind() -> None:
    assert set(schema_of("exercise")["$defs"]["kinds"]) == {kind.schema for kind in EXERCISE_KINDS}


@pytest.mark.parametrize("name", NAMES)
def test_the_kind_has_a_judge_that_judges_the_bundled_examples(name: str, bundled) -> None:
    judge = judge_of(name)
    assert callable(judge)
    examples = [exercise for exercise in bundled.exercises.values() if exercise.kind == name]
    assert examples, f"the bundled course has no {name} exercise"
    model = by_name(name).answer
    exercise = examples[0]
    judgment = judge(exercise, model.from_recorded(exercise, None))
    assert isinstance(judgment, Judgment) and judgment.exercise_id == exercise.id and judgment.kind == name
    assert not judgment.passed  # an empty answer passes nothing


@pytest.mark.parametrize("name", NAMES)
def test_the_kind_has_an_xapi_interaction_type(name: str) -> None:
    assert INTERACTION_TYPES[name] in XAPI_INTERACTION_TYPES


@pytest.mark.parametrize("name", NAMES)
def test_the_kind_has_a_screen_and_a_feedback_screen(name: str) -> None:
    from textual.screen import Screen

    from course.tui.kinds import SCREENS, feedback_for_kind, screen_for_kind

    assert name in SCREENS, f"course/tui/kinds.py has no screen for {name}"
    assert issubclass(screen_for_kind(name), Screen) and issubclass(feedback_for_kind(name), Screen)


def test_the_app_has_no_screen_for_a_kind_the_course_does_not_have() -> None:
    from course.tui.kinds import SCREENS

    assert set(SCREENS) == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_the_kind_can_be_answered_on_the_command_line(name: str, listen) -> None:
    """Typed kinds have their option on grade and answer; text has --answer; a conversation has converse."""
    kind = by_name(name)
    if kind.answer.played_with:
        assert f"Usage: listen {kind.answer.played_with}" in listen(kind.answer.played_with, "--help").out
        return
    for command in ("grade", "answer"):
        shown = listen(command, "--help").out
        if kind.answer is Written:
            assert ("--answer" if command == "grade" else "--file") in shown
        else:
            assert f"--{kind.answer.option}" in shown, f"listen {command} has no --{kind.answer.option} for {name}"

