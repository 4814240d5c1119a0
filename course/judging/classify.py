"""Judging labels, line by line: enough of them right (``CLASSIFY_PASS_MARK``) passes."""

from __future__ import annotations

from course.content.answers import Labelling
from course.content.model import Exercise

from .judgment import Judgment, Point, Role, shown_of
from .skills import skill_of

__all__ = ["CLASSIFY_PASS_MARK", "judge_classify"]

CLASSIFY_PASS_MARK = 0.8
"""Share of lines to label right: sorting a dozen real messages allows a slip or two."""


def judge_classify(exercise: Exercise, answer: Labelling) -> Judgment:
    """Judge every line's label; read back how many of each label the learner found."""
    given = answer.labels
    skill = skill_of(exercise)
    points = []
    for number, item in enumerate(exercise.labelled, start=1):
        label = given.get(item.text)
        met = label == item.label
        if met:
            text = f"Right: {item.label}."
        elif label:
            text = f"The right label is {item.label}; you chose {label}."
        else:
            text = f"Not labelled. The right label is {item.label}."
        points.append(Point(f"item-{number}", met, "✓ right" if met else "✗ wrong", f"line {number}", text,
                            heading=item.text, skill=skill))
    right = sum(point.met for point in points)
    total = len(points)
    score = right / total if total else 0.0
    pieces: list[tuple[str, Role | None]] = []
    for label in exercise.labels:
        belongs = [item for item in exercise.labelled if item.label == label]
        found = sum(given.get(item.text) == label for item in belongs)
        pieces.append(("✓ " if found == len(belongs) else "✗ ", "strong"))
        pieces.append((f"{label}: ", "strong"))
        pieces.append((f"you found {found} of {len(belongs)}\n", None))
    return Judgment(
        exercise.id, exercise.kind,
        passed=score + 1e-9 >= CLASSIFY_PASS_MARK and total > 0,
        score=score,
        pass_mark=CLASSIFY_PASS_MARK,
        points=tuple(points),
        summary=f"You labelled {right} of {total} lines right. To pass: {round(CLASSIFY_PASS_MARK * 100)}%.",
        shown=shown_of(pieces),
    )
