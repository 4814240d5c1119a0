"""Judging an order: steps already in the right order among themselves count; all of them passes."""

from __future__ import annotations

from course.content.answers import Arrangement
from course.content.model import Exercise

from .judgment import Judgment, Point, Role, shown_of
from .skills import skill_of

__all__ = ["judge_order", "ordinal"]

_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th..."""
    return _ORDINALS.get(number, f"{number}th")


def _in_order(order: list[int]) -> set[int]:
    """The most steps that already stand in the right order among themselves (a longest rising run).

    Only the others need moving, so they are the ones the feedback names: a step
    dragged from the top to the bottom is one mistake, not four.
    """
    best: list[list[int]] = []  # best[i]: the longest rising run ending at order[i]
    for i, step in enumerate(order):
        longest: list[int] = []
        for j in range(i):
            if order[j] < step and len(best[j]) > len(longest):  # the first of the longest, as max() gives
                longest = best[j]
        best.append([*longest, step])
    settled: list[int] = max(best, key=len) if best else []
    return set(settled)


def judge_order(exercise: Exercise, answer: Arrangement) -> Judgment:
    """Judge the steps one by one: where each went, and whether it stands in order with the others."""
    order = list(answer.order or ())
    settled = _in_order(order)
    skill = skill_of(exercise)
    points = []
    for index, item in enumerate(exercise.items):
        placed = order.index(index) + 1 if index in order else 0
        met = index in settled
        if met:
            text = "In its place." if placed == index + 1 else "In the right order with the others."
        else:
            text = f"You had it {ordinal(placed)}; it belongs {ordinal(index + 1)}." if placed else "Not placed."
        points.append(Point(f"step-{index + 1}", met, "✓ right" if met else "✗ moved", f"step {index + 1}", text,
                            heading=item, skill=skill))
    pieces: list[tuple[str, Role | None]] = []
    for position, index in enumerate(order, start=1):
        pieces.append(("✓ " if index in settled else "✗ ", "strong"))
        pieces.append((f"{position}. {exercise.items[index].strip()}\n", None))
    right = sum(point.met for point in points)
    total = len(points)
    moves = total - right
    if moves:
        summary = (f"{right} of {total} steps already stand in the right order among themselves. "
                   f"Move the {moves} marked ✗ to pass: every step must be in order.")
    else:
        summary = f"All {total} steps are in the right order."
    return Judgment(
        exercise.id, exercise.kind,
        passed=right == total and total > 0,
        score=right / total if total else 0.0,
        pass_mark=1.0,
        points=tuple(points),
        summary=summary,
        shown=shown_of(pieces),
    )
