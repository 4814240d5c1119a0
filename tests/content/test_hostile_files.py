"""Content that would hang the loader or reach outside the course folder is refused, plainly.

Each case reads under a generous hard limit (a subprocess timeout): a hang is what is being
caught, not a speed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from course.content import read_course
from course.content.yamlfile import EXTRA_FROM_ALIASES, YamlProblem, parse_yaml

from .conftest import REPLY

needs_fifos = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
SECRET = "the private words of a file outside the course"


def check_in_a_subprocess(root: Path, *, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """``listen check ROOT`` in its own process, so a hang fails the test instead of stopping the run."""
    env = {**os.environ, "LISTEN_HOME": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "course", "check", str(root)], env=env,
                          capture_output=True, text=True, timeout=60)


def billion_laughs(levels: int = 9) -> str:
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        lines.append(f"lol{level}: &lol{level} [" + ", ".join([f"*lol{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


@needs_fifos
@pytest.mark.parametrize("where", ["lessons/02-empathy/02-piped.md", "exercises/empathy/piped.yaml",
                                   "lessons/02-empathy/module.md"])
def test_a_named_pipe_in_place_of_a_content_file_is_refused(course_folder, private_data_dir, where):
    path = course_folder.root / where
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    run = check_in_a_subprocess(course_folder.root, data_dir=private_data_dir)
    assert run.returncode == 1
    assert f"{path}: it is a named pipe, not a file" in run.stdout
    assert "Traceback" not in run.stderr


def test_a_folder_named_like_a_lesson_is_refused(course_folder):
    (course_folder.root / "lessons/02-empathy/02-folder.md").mkdir()
    _, problems = read_course(course_folder.root)
    assert any("02-folder.md: it is a folder, not a file" in str(p) for p in problems), problems


@pytest.mark.parametrize("where", ["lessons/02-empathy/02-link.md", "exercises/empathy/link.yaml"])
def test_a_link_out_of_the_course_folder_is_refused_and_never_quoted(course_folder, tmp_path, listen, where):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(f"id: {SECRET}\n: [{SECRET}\n", encoding="utf-8")
    link = course_folder.root / where
    link.symlink_to(outside)
    outcome = listen("check", str(course_folder.root))
    assert outcome.status == 1
    assert f"{link}: this is a link to something outside the course folder" in outcome.out
    assert SECRET not in outcome.out + outcome.err
    assert str(outside) not in outcome.out + outcome.err


def test_a_linked_module_folder_outside_the_course_is_refused(course_folder, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    (elsewhere).mkdir()
    (elsewhere / "module.md").write_text(f"---\nid: {SECRET}\n---\n", encoding="utf-8")
    (course_folder.root / "lessons/03-linked").symlink_to(elsewhere, target_is_directory=True)
    _, problems = read_course(course_folder.root)
    text = "\n".join(map(str, problems))
    assert "03-linked: this is a link to something outside the course folder" in text
    assert SECRET not in text and str(elsewhere) not in text


def test_a_link_inside_the_course_folder_is_fine(course_folder):
    late_gift = course_folder.root / "exercises/empathy/late-gift.yaml"
    kept = course_folder.root / "exercises/kept-here.yaml.txt"
    late_gift.rename(kept)
    late_gift.symlink_to(kept)
    course, problems = read_course(course_folder.root)
    assert [str(p) for p in problems if "kept-here" not in str(p)] == []
    assert course is not None and "empathy.late-gift" in course.exercises


def test_a_billion_laughs_is_refused_at_once():
    with pytest.raises(YamlProblem, match="aliases"):
        parse_yaml(billion_laughs())


@pytest.mark.parametrize("text", ["a: &a [1, *a]\n", "a: &a {b: *a}\n"], ids=["list", "mapping"])
def test_an_alias_inside_itself_is_refused(text):
    with pytest.raises(YamlProblem, match="refers to the list or fields that hold it"):
        parse_yaml(text)


def test_a_few_aliases_still_work():
    data = parse_yaml("base: &base {weight: 2, severity: essential}\none: *base\ntwo: *base\n")
    assert data["one"] == data["two"] == {"weight": 2, "severity": "essential"}
    assert EXTRA_FROM_ALIASES >= 1000


def test_deep_nesting_is_a_problem_not_a_crash():
    with pytest.raises(YamlProblem):
        parse_yaml("a: " + "[" * 5000 + "]" * 5000 + "\n")


@pytest.mark.parametrize("where", ["front matter", "exercise"])
def test_a_billion_laughs_in_content_is_checked_within_a_hard_limit(course_folder, private_data_dir, where):
    bomb = billion_laughs()
    if where == "front matter":
        lesson = course_folder.root / "lessons/02-empathy/01-naming.md"
        text = lesson.read_text(encoding="utf-8")
        lesson.write_text(text.replace("---\n", "---\n" + bomb, 1), encoding="utf-8")
        path = lesson
    else:
        path = course_folder.write("exercises/empathy/late-gift.yaml", REPLY + bomb)
    run = check_in_a_subprocess(course_folder.root, data_dir=private_data_dir)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{path}:" in run.stdout and "aliases (*name) repeat their anchors" in run.stdout


def test_a_content_file_near_the_size_limit_is_checked_within_a_hard_limit(course_folder, private_data_dir):
    filler = "".join(f"  - item number {n} of a very long list that nobody would write\n" for n in range(14_000))
    path = course_folder.write("exercises/empathy/late-gift.yaml", REPLY + "notes:\n" + filler)
    assert 900_000 < path.stat().st_size < 1_000_000
    run = check_in_a_subprocess(course_folder.root, data_dir=private_data_dir)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "unknown field 'notes'" in run.stdout


@needs_fifos
def test_a_named_pipe_or_device_to_import_is_refused(listen, tmp_path):
    pipe = tmp_path / "team.assignment.json"
    os.mkfifo(pipe)
    outcome = listen("import", str(pipe))
    assert outcome.status != 0 and "it is a named pipe, not a file" in outcome.err
    if Path("/dev/zero").exists():
        outcome = listen("import", "/dev/zero")
        assert outcome.status != 0 and "it is a device, not a file" in outcome.err
    outcome = listen("import", str(tmp_path))
    assert outcome.status != 0 and "it is a folder, not a file" in outcome.err


@needs_fifos
def test_a_named_pipe_or_folder_in_place_of_the_progress_file_is_refused(listen, private_data_dir):
    private_data_dir.mkdir(parents=True, exist_ok=True)
    progress = private_data_dir / "progress.json"
    os.mkfifo(progress)
    outcome = listen("status")
    assert outcome.status != 0 and "it is a named pipe, not a file" in outcome.err
    progress.unlink()
    progress.mkdir()
    outcome = listen("status")
    assert outcome.status != 0 and "it is a folder, not a file" in outcome.err
    assert "Traceback" not in outcome.err


def test_module_text_for_reference():
    assert textwrap.dedent(REPLY).startswith("id: empathy.late-gift")
