"""The core of listen runs without the screen: it never imports Textual."""

import subprocess
import sys

import pytest

CORE = ["course.content", "course.grading", "course.progress", "course.xapi", "course.trainer", "course.recording",
        "course.checking", "course.console", "course.conversation", "course.paths", "course.plainfile"]


@pytest.mark.parametrize("package", CORE)
def test_core_package_does_not_import_textual(package):
    code = f"import sys, {package}; sys.exit(1 if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 0)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{package} pulled in textual: {result.stderr}"


def test_content_knows_nothing_else_of_ours():
    # paths and plainfile are leaves that import nothing of ours
    code = ("import sys, course.content, course.content.cache, course.content.loader; "
            "bad = [m for m in sys.modules if m.startswith('course.') and m.split('.')[1] not in ('content', 'paths', 'plainfile')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
