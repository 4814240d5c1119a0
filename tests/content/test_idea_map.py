"""The idea map in lessons/README.md names only lessons and exercises that exist."""

from __future__ import annotations

import re

from course.content import load_course
from course.paths import bundled_content_dir


def test_every_id_in_the_idea_map_exists():
    root = bundled_content_dir()
    course = load_course(root)
    text = (root / "lessons" / "README.md").read_text(encoding="utf-8")
    table = text.split("## What the course teaches, and where", 1)[1]
    rows = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| idea")]
    assert len(rows) >= 24
    known = {lesson.id for lesson in course.lessons()} | set(course.exercises)
    named = set(re.findall(r"\b[a-z]+(?:-[a-z]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*\b", table))
    assert named - known == set()
    for row in rows:
        idea, lessons, exercises = [cell.strip() for cell in row.strip("|").split("|")]
        assert lessons and exercises, idea
