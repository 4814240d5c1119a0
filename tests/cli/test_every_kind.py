"""`listen grade` and `listen answer` for every kind typed as numbers or labels, right, wrong and badly typed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from course.cli import cli
from course.content import Exercise, load_course
from course.content.answers import option_order, starting_order
from course.content.kinds import exercise_kind
from course.judging import judge
from course.paths import bundled_content_dir
from course.progress import ProgressStore
from course.recording import attempt_of
from tests.fuzz_settings import fuzz


@dataclass(frozen=True)
class Typed:
    """One exercise of a kind, and its answers as typed on the command line."""

    exercise: Exercise
    option: str
    right: str
    wrong: str
    recorded: object
    """What the app records for the right answer."""


COURSE = load_course(bundled_content_dir())


def first(kind: str) -> Exercise:
    return next(exercise for exercise in COURSE.exercises.values() if exercise.kind == kind)


def _shown(order: list[int], indexes: list[int]) -> str:
    return ",".join(str(order.index(index) + 1) for index in indexes)


def typed(kind: str) -> Typed:
    exercise = first(kind)
    if kind in ("choice", "multi"):
        order = option_order(exercise)
        right = [i for i, option in enumerate(exercise.options) if option.correct]
        wrong = [next(i for i, option in enumerate(exercise.options) if not option.correct)]
        return Typed(exercise, "--pick", _shown(order, right), _shown(order, wrong), sorted(right))
    if kind == "order":
        order = starting_order(exercise)
        right = list(range(len(exercise.items)))
        return Typed(exercise, "--order", _shown(order, right), _shown(order, right[::-1]), list(exercise.items))
    if kind == "classify":
        labels = [item.label for item in exercise.labelled]
        other = [next(label for label in exercise.labels if label != right) for right in labels]
        return Typed(exercise, "--labels", ",".join(labels), ",".join(other),
                     {item.text: item.label for item in exercise.labelled})
    assert kind == "spot"
    wrong = next(n for n in range(1, len(exercise.transcript) + 1) if n not in exercise.answers)
    return Typed(exercise, "--lines", ",".join(map(str, exercise.answers)), str(wrong), sorted(exercise.answers))


TYPED_KINDS = ["choice", "multi", "order", "classify", "spot"]


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


@pytest.mark.parametrize("kind", TYPED_KINDS)
def test_grade_passes_the_right_answer_and_fails_a_wrong_one(kind: str) -> None:
    case = typed(kind)
    right = run("grade", case.exercise.id, case.option, case.right, "--json")
    assert right.exit_code == 0, right.output
    judged = json.loads(right.stdout)
    assert judged["passed"] is True and judged["kind"] == kind and judged["score"] == 1.0
    wrong = run("grade", case.exercise.id, case.option, case.wrong, "--json")
    assert wrong.exit_code == 0 and json.loads(wrong.stdout)["passed"] is False


@pytest.mark.parametrize("kind", TYPED_KINDS)
def test_grade_prints_the_judgment_the_app_shows(kind: str) -> None:
    case = typed(kind)
    outcome = run("grade", case.exercise.id, case.option, case.wrong)
    model = exercise_kind(kind).answer
    judgment = judge(case.exercise, model.from_typed(case.exercise, case.wrong.split(",")))
    printed = " ".join(outcome.stdout.split())
    assert outcome.exit_code == 0 and "✗ NOT YET" in printed
    assert " ".join(judgment.summary.split()) in printed
    for point in judgment.lines:
        assert " ".join(point.feedback.split()) in printed and point.mark in printed


@pytest.mark.parametrize("kind", TYPED_KINDS)
def test_answer_records_the_attempt_as_the_app_does(kind: str, private_data_dir: Path) -> None:
    case = typed(kind)
    store = ProgressStore(private_data_dir)
    store.ensure_learner("Ana")
    store.save_draft("Ana", case.exercise.id, "half done")
    store.close()
    outcome = run("--learner", "Ana", "answer", case.exercise.id, case.option, case.right)
    assert outcome.exit_code == 0, outcome.output
    assert f"Saved: attempt 1 at {case.exercise.id} for Ana." in outcome.stdout
    store = ProgressStore(private_data_dir)
    [attempt] = store.attempts("Ana", case.exercise.id)
    app_would = attempt_of(case.exercise, case.recorded, judge(case.exercise, case.recorded), seconds=0)
    assert attempt.answer == case.recorded
    assert (attempt.score, attempt.passed, attempt.outcomes) == (app_would.score, True, app_would.outcomes)
    assert store.draft("Ana", case.exercise.id) is None  # as in the app, the draft goes once the answer is in
    verbs = [item.statement["verb"]["id"].rsplit("/", 1)[-1] for item in store.outbox()]
    assert "answered" in verbs
    store.close()


@pytest.mark.parametrize("kind", TYPED_KINDS)
def test_without_its_option_the_exercise_is_shown_numbered_and_the_option_named(kind: str, listen) -> None:
    case = typed(kind)
    outcome = listen("grade", case.exercise.id)
    assert outcome.status == 2
    assert "  1. " in outcome.out and "  2. " in outcome.out
    [line] = outcome.err.strip().splitlines()
    assert f"answer with {case.option} " in line and "the numbers above" in line


BAD = [
    ("choice", "--pick", "9", "there is no option 9: they are numbered 1 to"),
    ("choice", "--pick", "1,2", "pick exactly one option, not 2"),
    ("choice", "--pick", "two", "'two' is not a number"),
    ("choice", "--pick", "0", "there is no option 0"),
    ("choice", "--pick", "", "pick exactly one option, not 0"),
    ("multi", "--pick", "1,1", "option 1 is given twice"),
    ("multi", "--pick", "1,,2", "an empty place between commas"),
    ("multi", "--pick", "-1", "'-1' is not a number"),
    ("order", "--order", "1,2", "give all"),
    ("order", "--order", "1,1,2,3,4", "step 1 is given twice"),
    ("order", "--order", "1,2,3,4,99", "there is no step 99"),
    ("classify", "--labels", "fact", "give one label for each of the"),
    ("spot", "--lines", "99", "there is no line 99"),
    ("spot", "--lines", "3,3", "line 3 is given twice"),
    ("spot", "--lines", "", "mark at least one line"),
]


@pytest.mark.parametrize("kind, option, value, words", BAD)
@pytest.mark.parametrize("command", ["grade", "answer"])
def test_a_bad_pick_is_one_clear_line_and_status_2(kind, option, value, words, command, listen, private_data_dir):
    exercise = first(kind)
    outcome = listen("--learner", "Ana", command, exercise.id, option, value)
    assert outcome.status == 2, outcome
    [line] = outcome.err.strip().splitlines()
    assert words in line and option in line, line
    assert "Traceback" not in outcome.err
    assert not (private_data_dir / "progress").exists() or not ProgressStore(private_data_dir).attempts("Ana")


def test_an_unknown_label_names_the_labels() -> None:
    exercise = first("classify")
    labels = ["nonsense"] + [item.label for item in exercise.labelled[1:]]
    outcome = run("grade", exercise.id, "--labels", ",".join(labels))
    assert outcome.exit_code == 2
    assert "'nonsense' is not a label here" in outcome.stderr and exercise.labels[0] in outcome.stderr


def test_labels_may_be_typed_in_any_case() -> None:
    case = typed("classify")
    outcome = run("grade", case.exercise.id, "--labels", case.right.upper(), "--json")
    assert outcome.exit_code == 0 and json.loads(outcome.stdout)["passed"] is True


@pytest.mark.parametrize("kind, option", [("choice", "--order"), ("order", "--pick"), ("spot", "--labels"),
                                          ("reply", "--pick"), ("rewrite", "--lines")])
def test_an_option_for_another_kind_is_refused(kind: str, option: str, listen) -> None:
    outcome = listen("grade", first(kind).id, option, "1")
    assert outcome.status == 2
    [line] = outcome.err.strip().splitlines()
    assert f"{option} is for " in line and f"is {'an' if kind[0] in 'aeiou' else 'a'} {kind} exercise" in line


def test_a_typed_answer_and_text_together_are_refused(listen) -> None:
    case = typed("choice")
    outcome = listen("grade", case.exercise.id, "--pick", case.right, "--answer", "1")
    assert outcome.status == 2 and "not with --answer as well" in outcome.err


def test_a_conversation_is_pointed_to_converse(listen) -> None:
    exercise = first("conversation")
    for command in ("grade", "answer"):
        outcome = listen(command, exercise.id)
        assert outcome.status == 2 and f"play it with listen converse {exercise.id}" in outcome.err


def test_text_kinds_still_take_their_words(listen) -> None:
    exercise = first("reply")
    outcome = listen("grade", exercise.id, "--answer", exercise.examples.passing[0], "--json")
    assert outcome.status == 0 and json.loads(outcome.out)["passed"] is True
    assert "criteria" in json.loads(outcome.out) and json.loads(outcome.out)["kind"] == "reply"


@fuzz()
@given(value=st.text(max_size=40))
def test_whatever_is_typed_as_labels_is_judged_or_refused_in_one_harmless_line(value: str) -> None:
    outcome = run("grade", first("classify").id, "--labels", value)
    assert outcome.exit_code in (0, 2)
    if outcome.exit_code == 2:
        lines = [line for line in outcome.stderr.splitlines() if line.startswith("Error:")]
        assert len(lines) == 1
    shown = outcome.stdout + outcome.stderr
    assert not any(ord(c) < 0x20 and c not in "\n\t" for c in shown) and "\x1b" not in shown
    assert "\u202e" not in shown


def test_options_with_escape_sequences_are_listed_harmlessly(tmp_path: Path) -> None:
    import shutil

    import yaml

    content = tmp_path / "course"
    for part in ("lessons", "exercises"):
        shutil.copytree(bundled_content_dir() / part, content / part)
    exercise = first("choice")
    path = content / exercise.path.relative_to(bundled_content_dir())
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["options"][0]["text"] = "\x1b]0;pwned\x07\x1b[2J\u202egnp.exe"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    outcome = run("--content", str(content), "grade", exercise.id)
    assert outcome.exit_code == 2
    assert "␛]0;pwned␇␛[2J" in outcome.stdout
    assert "\x1b" not in outcome.output and "\u202e" not in outcome.output and "\x07" not in outcome.output
