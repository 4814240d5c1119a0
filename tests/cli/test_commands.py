"""Every command, its help, and its one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from course import __version__
from course.cli import cli
from course.paths import bundled_content_dir

GOOD_REPLY = ("Oh no, I can hear how worried you are with the party this Saturday, and two weeks is far too long "
              "to wait for a birthday present. I'm checking where the bike is right now.")


def first_reply_exercise() -> str:
    from course.content import load_course

    course = load_course(bundled_content_dir())
    return next(e.id for e in course.exercises.values() if e.kind == "reply")


def test_version(listen):
    outcome = listen("--version")
    assert outcome.status == 0 and outcome.out.strip() == f"listen {__version__}"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help(listen, name):
    assert cli.commands[name].help, f"{name} has no help text"
    outcome = listen(name, "--help")
    assert outcome.status == 0 and "Usage: listen" in outcome.out


@pytest.mark.parametrize("args, words", [
    (["--bogus"], "No such option '--bogus'"),
    (["status", "--bogus"], "No such option '--bogus'"),
    (["nosuchcommand"], "No such command 'nosuchcommand'"),
    (["--content", "/no/such/folder", "status"], "does not exist"),
    (["grade", "no.such-exercise", "--answer", "hi"], "no exercise with id 'no.such-exercise'"),
    (["answer", "no.such-exercise", "--file", "x"], "no exercise with id 'no.such-exercise'"),
    (["detect", "hears_everything"], "unknown technique 'hears_everything'"),
    (["check", "/no/such/folder"], "does not exist"),
])
def test_bad_input_is_one_clear_line_with_status_2(listen, args, words):
    outcome = listen(*args)
    assert outcome.status == 2
    lines = outcome.err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], outcome.err
    assert "Traceback" not in outcome.err + outcome.out


def test_answer_from_a_missing_file_is_a_clear_error(listen):
    outcome = listen("--learner", "Ana", "answer", first_reply_exercise(), "--file", "/no/such/answer.txt")
    assert outcome.status == 2 and "no such file: /no/such/answer.txt" in outcome.err


def test_check_passes_on_the_bundled_course(listen):
    outcome = listen("check")
    assert outcome.status == 0, outcome.out
    assert outcome.out.startswith("ok: ")


def test_check_reports_path_line_message_and_status_1(listen, tmp_path):
    lessons = tmp_path / "lessons" / "01-attention"
    lessons.mkdir(parents=True)
    (lessons / "module.md").write_text("---\nid: attention\ntitle: Attention\n---\nText\n")
    outcome = listen("check", str(tmp_path))
    assert outcome.status == 1
    assert f"{lessons / 'module.md'}:2: missing field 'summary'" in outcome.out


def test_status_without_a_learner_says_how_to_start(listen):
    outcome = listen("status")
    assert outcome.status == 2 and "no learner yet" in outcome.err


def test_status_json_has_the_promised_fields(listen, private_data_dir):
    from course.progress import ProgressStore

    with ProgressStore(private_data_dir) as store:
        store.add_learner("Ana")
    outcome = listen("--learner", "Ana", "status", "--json")
    assert outcome.status == 0, outcome.err
    report = json.loads(outcome.out)
    assert report["learner"] == "Ana" and report["attempts"] == 0
    module = report["modules"][0]
    for key in ("id", "title", "lessons_done", "lessons_total", "exercises_passed", "exercises_total"):
        assert key in module


def test_answer_records_the_attempt_and_status_counts_it(listen, tmp_path):
    exercise = first_reply_exercise()
    answer_file = tmp_path / "answer.txt"
    answer_file.write_text(GOOD_REPLY, encoding="utf-8")
    outcome = listen("--learner", "Ana", "answer", exercise, "--file", str(answer_file))
    assert outcome.status == 0, outcome.err
    assert "Saved: attempt 1" in outcome.out
    assert "✓" in outcome.out or "✗" in outcome.out
    outcome = listen("status", "--json")  # the last learner is remembered
    assert json.loads(outcome.out)["attempts"] == 1


def test_answer_from_standard_input(listen):
    outcome = listen("--learner", "Ana", "answer", first_reply_exercise(), stdin="Your order ships Friday.")
    assert outcome.status == 0, outcome.err
    assert "NOT YET" in outcome.out


def test_empty_answer_records_nothing(listen):
    outcome = listen("--learner", "Ana", "answer", first_reply_exercise(), stdin="   \n")
    assert outcome.status == 2 and "the answer is empty" in outcome.err
    assert json.loads(listen("status", "--json").out)["attempts"] == 0


def test_answer_shows_markup_literally(listen):
    outcome = listen("--learner", "Ana", "answer", first_reply_exercise(), stdin="[bold]Sorry[/] [link=x]about that")
    assert outcome.status == 0
    assert "[bold]Sorry[/] [link=x]about that" in outcome.out


def test_grade_json_does_not_record(listen):
    exercise = first_reply_exercise()
    outcome = listen("--learner", "Ana", "grade", exercise, "--answer", GOOD_REPLY, "--json")
    assert outcome.status == 0, outcome.err
    result = json.loads(outcome.out)
    assert result["exercise"] == exercise and 0 <= result["score"] <= 1
    assert {"id", "met", "severity", "feedback", "evidence"} <= set(result["criteria"][0])
    unknown = listen("--learner", "Ana", "status", "--json")  # nothing recorded, and no profile made either
    assert unknown.status == 2 and "no learner" in unknown.err


def test_grade_of_a_choice_exercise_given_text_shows_the_options_and_asks_for_pick(listen):
    from course.content import load_course

    course = load_course(bundled_content_dir())
    choice = next(e.id for e in course.exercises.values() if e.kind == "choice")
    outcome = listen("grade", choice, "--answer", "1")
    assert outcome.status == 2 and "  1. " in outcome.out
    [line] = outcome.err.strip().splitlines()
    assert "--pick N" in line and "not --answer" in line


def test_detect_reads_and_writes_json_lines(listen):
    lines = "\n".join([
        json.dumps({"id": "a", "text": "What happened when you tried to log in?", "context": None}),
        json.dumps({"id": "b", "text": "Your refund is on its way.", "context": "Where is my refund?"}),
    ])
    outcome = listen("detect", "asks_question", "asks_open_question", stdin=lines)
    assert outcome.status == 0, outcome.err
    rows = [json.loads(line) for line in outcome.out.splitlines()]
    assert [row["id"] for row in rows] == ["a", "b"]
    assert rows[0]["found"] == {"asks_question": True, "asks_open_question": True}
    assert rows[1]["found"]["asks_question"] is False
    start, end = rows[0]["evidence"]["asks_question"][0]
    assert 0 <= start < end <= len("What happened when you tried to log in?")


def test_detect_answers_a_bad_line_with_an_error_and_says_so(listen):
    outcome = listen("detect", "asks_question", stdin='not json\n{"id": "x", "text": "Why?"}\n')
    assert outcome.status == 2
    assert "line 1: not a JSON object" in outcome.err
    refused, answered = (json.loads(line) for line in outcome.out.splitlines())
    assert refused == {"id": None, "line": 1, "error": "not a JSON object with a text field"}
    assert answered["id"] == "x"


def test_installed_entry_point_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "course", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"listen {__version__}"


def test_answer_queues_an_xapi_statement_in_the_same_save(listen, private_data_dir):
    from course.progress import ProgressStore

    outcome = listen("--learner", "Ana", "answer", first_reply_exercise(), stdin=GOOD_REPLY)
    assert outcome.status == 0, outcome.err
    store = ProgressStore(private_data_dir)
    queued = store.outbox()
    verbs = [item.statement["verb"]["id"].rsplit("/", 1)[-1] for item in queued]
    assert "answered" in verbs
    answered = queued[verbs.index("answered")].statement
    assert answered["actor"]["account"]["name"] == "Ana"
    assert answered["object"]["definition"]["name"]  # named from the course, not just an id


def test_status_shows_an_assignment_with_days_left(listen):
    from datetime import date, timedelta

    due = (date.today() + timedelta(days=10)).isoformat()
    outcome = listen("assign", "--modules", "empathy", "--due", due, "--pass", "0.8", "--learner", "Ana")
    assert outcome.status == 0, outcome.err
    report = json.loads(listen("--learner", "Ana", "status", "--json").out)
    assert report["assignments"][0]["days_left"] == 10
    assert report["assignments"][0]["state"] == "open"
    text = listen("--learner", "Ana", "status").out
    assert "10 days left" in text


def test_about_grading_says_how_far_to_trust_the_grader():
    from click.testing import CliRunner

    from course.cli import cli
    from course.grading.report_card import report_card

    result = CliRunner().invoke(cli, ["about-grading"])
    assert result.exit_code == 0
    assert "How far to trust the grader" in result.output
    assert "Asking a question" in result.output and "a one-line rule gets" in result.output
    figures = CliRunner().invoke(cli, ["about-grading", "--json"])
    assert json.loads(figures.output)["panel"]["kappa"] == report_card().panel.kappa
