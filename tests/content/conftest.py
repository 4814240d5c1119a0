"""A tiny course written as files, to break one way at a time."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

MODULE = """\
---
id: empathy
title: Empathy
skill: empathy
summary: Hear the feeling behind the words.
---
Name the feeling before the fix.
"""

LESSON = """\
---
id: empathy.naming
title: Naming the feeling
minutes: 5
objectives: [Spot emotion words]
exercises: [empathy.late-gift, empathy.pick-one]
---
# Naming the feeling

An opening paragraph.

## Why it matters
People calm down when they feel heard.

## How to do it
Say the feeling you hear.
"""

REPLY = """\
id: empathy.late-gift
kind: reply
title: The late birthday gift
channel: chat
scenario:
  customer: Dana
  message: My son's bike still hasn't arrived and his party is on Saturday. I'm so worried.
prompt: Write your first reply.
rubric:
  pass_mark: 0.6
  criteria:
    - id: names-feeling
      check: acknowledges_emotion
      severity: essential
      met: You named Dana's worry.
      missed: Dana is worried. Say so.
    - id: key-facts
      check: mentions
      facts: [[party, birthday], [saturday]]
      at_least: 1
      met: You kept the party in view.
      missed: Mention the party on Saturday.
model_answer: That sounds really worrying with the party on Saturday. Let me check where the bike is.
examples:
  pass:
    - I can hear how worried you are with the party on Saturday. Let me find the bike now.
  fail:
    - answer: Your order is on its way.
      misses: [names-feeling, key-facts]
"""

CHOICE = """\
id: empathy.pick-one
kind: choice
title: Pick the empathetic reply
prompt: Which reply names the feeling?
options:
  - {text: "That sounds stressful.", correct: true, feedback: "It names the feeling."}
  - {text: "Order ships Friday.", feedback: "Facts only."}
"""


class CourseFolder:
    """A course on disk that a test can break."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.write("lessons/02-empathy/module.md", MODULE)
        self.write("lessons/02-empathy/01-naming.md", LESSON)
        self.write("exercises/empathy/late-gift.yaml", REPLY)
        self.write("exercises/empathy/pick-one.yaml", CHOICE)

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def edit(self, relative: str, old: str, new: str) -> Path:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path


@pytest.fixture
def course_folder(tmp_path: Path) -> CourseFolder:
    return CourseFolder(tmp_path / "course")
