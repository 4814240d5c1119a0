"""A trainer's decided answers as new example answers for their exercises: ``listen review --examples OUT``.

An answer the trainer gave a verdict of their own (passed, or not yet) is what
a rubric should be proven against: a passing example if they passed it, a
failing one if not. Written in the shape an exercise file's ``examples:``
takes, so it can be copied there, and proven at once with
``listen check --examples OUT`` (``course.checking.example_file_problems``).
Only answers in the learner's own words become examples (reply, paraphrase,
rewrite): the other kinds have none, and a conversation's examples belong to
each of its turns.
"""

from __future__ import annotations

from typing import Any

import yaml

from course.content.model import Course

from .dates import now_stamp
from .feedback import FeedbackDraft

__all__ = ["EXAMPLES_FORMAT", "examples_document", "examples_yaml"]

EXAMPLES_FORMAT = "listen.examples"
"""The ``format`` of an examples file."""


def examples_document(draft: FeedbackDraft, course: Course) -> tuple[dict[str, Any], int]:
    """The examples file's data (exercises by id, each with its file, ``pass`` and ``fail``) and how many
    decided answers were left out because their kind takes no examples."""
    from course import grading  # on use: the grader says what a failing example misses now

    exercises: dict[str, dict[str, Any]] = {}
    left_out = 0
    for answer, passed in draft.decided():
        exercise, text = answer.exercise, answer.attempt.answer
        if not exercise.is_text or not isinstance(text, str) or not text.strip():
            left_out += 1
            continue
        try:
            where = str(exercise.path.relative_to(course.root))
        except ValueError:
            where = str(exercise.path)
        entry = exercises.setdefault(exercise.id, {"file": where, "pass": [], "fail": []})
        if passed:
            entry["pass"].append(text.strip())
        else:
            misses = sorted(grading.grade(exercise, text).missed_ids)
            entry["fail"].append({"answer": text.strip(), "misses": misses})
    for entry in exercises.values():
        for key in ("pass", "fail"):
            if not entry[key]:
                del entry[key]
    return {"format": EXAMPLES_FORMAT, "learner": draft.learner, "trainer": draft.trainer,
            "written": now_stamp(), "exercises": exercises}, left_out


class _Dumper(yaml.SafeDumper):
    """Answers over several lines as YAML block text, as exercise files write them."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def examples_yaml(document: dict[str, Any]) -> str:
    """The examples file: a few comment lines saying what it is and how to use it, then the data."""
    learner, trainer = document["learner"], document["trainer"] or "their trainer"
    head = [
        f"# Example answers from {learner}'s results, as {trainer} decided them in listen review.",
        "# Copy each exercise's pass and fail lists under `examples:` in its file (beside those there).",
        "# A failing example names the criteria the grader misses in it now: a trainer checks them first.",
        "# Prove them against the course as it stands: listen check --examples THIS_FILE",
    ]
    body = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return "\n".join(head) + "\n" + body
