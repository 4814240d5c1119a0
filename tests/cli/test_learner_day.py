"""A learner's day on the command line: list, show, answer in an editor, and commands that only read."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from course.content import load_course
from course.paths import bundled_content_dir
from course.progress import ProgressStore

GOOD_REPLY = ("Oh no, I can hear how worried you are with the party this Saturday. "
              "I'm checking where the bike is right now and I'll message you by 3pm.")


@pytest.fixture(scope="module")
def course():
    return load_course(bundled_content_dir())


def a_multi_line_task(course):
    return next(e for e in course.exercises.values()
                if e.is_text and e.scenario is not None and len(e.prompt.strip().splitlines()) > 1)


def test_list_shows_every_lesson_and_exercise_with_id_and_kind(listen, course):
    outcome = listen("list")
    assert outcome.status == 0, outcome.err
    for lesson in course.lessons():
        assert lesson.id in outcome.out
    for exercise in course.exercises.values():
        assert f"{exercise.kind:<12} {exercise.id}" in outcome.out


def test_list_one_module_by_id_or_number(listen, course):
    module = course.modules[1]
    by_id, by_number = listen("list", module.id), listen("list", str(module.number))
    assert by_id.status == 0 and by_id.out == by_number.out
    assert course.modules[2].title not in by_id.out and module.title in by_id.out


def test_list_an_unknown_module_is_one_line_and_status_2(listen):
    outcome = listen("list", "nope")
    assert outcome.status == 2 and outcome.err.startswith("listen: no module 'nope'")


def test_list_shows_the_learner_s_status(listen, course, private_data_dir):
    exercise = next(e for e in course.exercises.values() if e.kind == "reply")
    assert listen("--learner", "Ana", "answer", exercise.id, stdin="Your order ships Friday.").status == 0
    outcome = listen("list")
    line = next(line for line in outcome.out.splitlines() if exercise.id in line)
    assert "Learner: Ana" in outcome.out and "tried, best" in line


def test_show_an_exercise_gives_the_customer_history_and_every_task_line(listen, course):
    exercise = a_multi_line_task(course)
    outcome = listen("show", exercise.id)
    assert outcome.status == 0, outcome.err
    for line in exercise.scenario.message.strip().splitlines() + exercise.prompt.strip().splitlines():
        assert line.strip() in outcome.out
    if exercise.scenario.history:
        assert exercise.scenario.history.strip().splitlines()[0] in outcome.out


def test_show_a_lesson_gives_its_pages(listen, course):
    lesson = course.lessons()[0]
    outcome = listen("show", lesson.id)
    assert outcome.status == 0 and lesson.title in outcome.out
    assert lesson.sections[-1].markdown.strip().splitlines()[-1] in outcome.out


def test_show_an_unknown_id_points_to_list(listen):
    outcome = listen("show", "no.such-thing")
    assert outcome.status == 2 and "listen list" in outcome.err


def test_the_editor_file_comments_out_the_scenario_and_every_task_line(listen, course, tmp_path, monkeypatch):
    exercise = a_multi_line_task(course)
    seen = tmp_path / "seen.txt"
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, shutil\n"
        f"shutil.copy(sys.argv[1], {str(seen)!r})\n"
        "text = open(sys.argv[1]).read()\n"
        f"open(sys.argv[1], 'w').write({GOOD_REPLY!r} + text)\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    outcome = listen("--learner", "Ana", "answer", exercise.id, "--editor")
    assert outcome.status == 0, outcome.err
    template = seen.read_text()
    written = [line for line in template.splitlines() if line.strip()]
    assert all(line.startswith("#") for line in written)
    for line in exercise.prompt.strip().splitlines() + exercise.scenario.message.strip().splitlines():
        assert f"{line.strip()}" in template
    with ProgressStore(Path(os.environ["LISTEN_HOME"])) as store:
        (attempt,) = store.attempts("Ana", exercise.id)
    assert attempt.answer == GOOD_REPLY


def test_a_missing_editor_is_one_line_and_status_2(listen, course, monkeypatch):
    monkeypatch.setenv("EDITOR", "/no/such/editor")
    monkeypatch.delenv("VISUAL", raising=False)
    outcome = listen("--learner", "Ana", "answer", a_multi_line_task(course).id, "--editor")
    assert outcome.status == 2 and "set $EDITOR" in outcome.err and "Traceback" not in outcome.err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("command", ["answer", "grade"])
def test_answer_and_grade_at_a_terminal_show_the_customer_and_how_to_finish(
        capsys, monkeypatch, course, command):
    from course.cli import main

    exercise = a_multi_line_task(course)
    monkeypatch.setattr(sys, "stdin", Terminal(GOOD_REPLY))
    with pytest.raises(SystemExit) as exit_:
        main(["--learner", "Ana", command, exercise.id])
    assert exit_.value.code == 0
    err = capsys.readouterr().err
    assert "Ctrl-D" in err and exercise.scenario.message.strip().splitlines()[0] in err


def test_read_only_commands_create_no_folder(listen, tmp_path):
    missing = tmp_path / "missing" / "x"
    for args in (["status"], ["list"], ["export"], ["show", "welcome.first-reply"], ["report"],
                 ["report", "--format", "json"], ["review-today"], ["promises"], ["about-grading"]):
        outcome = listen("--data-dir", str(missing), *args)
        assert "Traceback" not in outcome.err
        assert not missing.exists() and not missing.parent.exists(), args
    assert listen("--data-dir", str(missing), "status").status == 2


@pytest.mark.parametrize("args", [["status"], ["status", "--json"], ["export", "--out", "-"], ["list"]])
def test_an_unknown_learner_on_a_read_only_command_is_one_line_and_changes_nothing(listen, private_data_dir, args):
    with ProgressStore(private_data_dir) as store:
        store.add_learner("Nobody")
        store.set_last_learner("Nobody")
    outcome = listen("--learner", "Nobdy", *args)
    assert outcome.status == 2
    assert outcome.err.strip() == "listen: no learner named 'Nobdy' (did you mean Nobody?)"
    with ProgressStore(private_data_dir) as store:
        assert [learner.name for learner in store.learners()] == ["Nobody"]
        assert store.last_learner() == "Nobody"


def test_export_refuses_to_overwrite_without_force_and_writes_for_others(listen, tmp_path, private_data_dir):
    with ProgressStore(private_data_dir) as store:
        store.add_learner("Ana")
        store.set_last_learner("Ana")
    target = tmp_path / "ana.json"
    assert listen("export", "--out", str(target)).status == 0
    assert stat.S_IMODE(target.stat().st_mode) & 0o044 == 0o044  # others may read it (0644 under umask 022)
    target.write_text("kept")
    refused = listen("export", "--out", str(target))
    assert refused.status == 2 and "--force" in refused.err and target.read_text() == "kept"
    forced = listen("export", "--out", str(target), "--force")
    assert forced.status == 0 and json.loads(target.read_text())["learner"]["name"] == "Ana"


def test_export_to_a_missing_folder_is_status_2(listen, tmp_path, private_data_dir):
    with ProgressStore(private_data_dir) as store:
        store.add_learner("Ana")
        store.set_last_learner("Ana")
    outcome = listen("export", "--out", str(tmp_path / "nowhere" / "ana.json"))
    assert outcome.status == 2 and "there is no folder" in outcome.err


def test_detect_help_lists_every_technique(listen):
    from course.grading import TECHNIQUES

    outcome = listen("detect", "--help")
    assert outcome.status == 0
    text = " ".join(outcome.out.split())
    for name in TECHNIQUES:
        assert name in text


def test_a_rewrite_in_the_editor_starts_from_the_reply_to_rewrite(listen, course, tmp_path, monkeypatch):
    exercise = next(e for e in course.exercises.values() if e.kind == "rewrite" and e.original.strip())
    seen = tmp_path / "seen.txt"
    editor = tmp_path / "editor.py"
    editor.write_text(f"import sys, shutil\nshutil.copy(sys.argv[1], {str(seen)!r})\n"
                      "text = open(sys.argv[1]).read()\nopen(sys.argv[1], 'w').write('Hello. ' + text)\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    outcome = listen("--learner", "Ana", "answer", exercise.id, "--editor")
    assert outcome.status == 0, outcome.err
    first = seen.read_text().split("\n#")[0].strip()
    assert first == exercise.original.strip()  # the reply itself, to edit, above the commented brief
    with ProgressStore(Path(os.environ["LISTEN_HOME"])) as store:
        (attempt,) = store.attempts("Ana", exercise.id)
    assert attempt.answer == "Hello. " + exercise.original.strip()  # the learner's edit of it
