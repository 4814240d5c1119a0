"""Judging the kinds answered by arranging, labelling or marking: order, classify, spot.

Each answer is judged item by item, so the feedback can say which step, line
or label was right, and every item becomes an outcome a trainer's report can
count. Answers are plain data as recorded: order a list of the items' texts,
classify ``{item: label}``, spot a list of 1-based line numbers. A kept draft
is the same data as JSON text.
"""

from __future__ import annotations

import json
import random
from typing import Any

from rich.text import Text

from course.content.model import SKILLS, Exercise

from .review import COST_STYLE, CREDIT_STYLE, Review, ReviewLine

__all__ = [
    "CLASSIFY_PASS_MARK",
    "answer_data",
    "starting_order",
    "arranged",
    "labels_given",
    "marked_lines",
    "review_order",
    "review_classify",
    "review_spot",
    "review_conversation",
]

CLASSIFY_PASS_MARK = 0.8
"""Share of lines to label right: sorting a dozen real messages allows a slip or two."""

_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}


def _ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th..."""
    return _ORDINALS.get(number, f"{number}th")


def answer_data(answer: Any) -> Any:
    """A recorded answer, or a draft's JSON text, as data (None if unreadable)."""
    if isinstance(answer, str):
        try:
            return json.loads(answer)
        except ValueError:
            return None
    return answer


def _skill(exercise: Exercise) -> str:
    """The skill items of this exercise evidence: its own (the loader gives it its module's)."""
    return exercise.skill if exercise.skill in SKILLS else "attention"


def _outcome(criterion_id: str, met: bool, exercise: Exercise) -> Any:
    """One item judged, as the progress store keeps it."""
    from course.progress import CriterionOutcome

    return CriterionOutcome(criterion_id, met, "actionable", 1.0, _skill(exercise))


# --- order ----------------------------------------------------------------------------


def starting_order(exercise: Exercise) -> list[int]:
    """Item indexes as first shown: shuffled the same way for everyone, never already right."""
    order = list(range(len(exercise.items)))
    random.Random(exercise.id).shuffle(order)
    if order == sorted(order) and len(order) > 1:
        order = order[1:] + order[:1]
    return order


def arranged(exercise: Exercise, answer: Any) -> list[int] | None:
    """The item indexes in the learner's order, or None unless the answer holds every item once."""
    data = answer_data(answer)
    if not isinstance(data, list) or len(data) != len(exercise.items):
        return None
    left = list(range(len(exercise.items)))
    order = []
    for text in data:
        index = next((i for i in left if exercise.items[i] == text), None)
        if index is None:
            return None
        left.remove(index)
        order.append(index)
    return order


def _in_order(order: list[int]) -> set[int]:
    """The most steps that already stand in the right order among themselves (a longest rising run).

    Only the others need moving, so they are the ones the feedback names: a step
    dragged from the top to the bottom is one mistake, not four.
    """
    best: list[list[int]] = []  # best[i]: the longest rising run ending at order[i]
    for i, step in enumerate(order):
        longest = max((best[j] for j in range(i) if order[j] < step), key=len, default=[])
        best.append([*longest, step])
    return set(max(best, key=len, default=[]))


def review_order(exercise: Exercise, answer: Any) -> Review:
    """Judge an order: steps already in the right order among themselves count; all of them passes."""
    order = arranged(exercise, answer) or []
    settled = _in_order(order)
    lines, outcomes = [], []
    for index, item in enumerate(exercise.items):
        placed = order.index(index) + 1 if index in order else 0
        met = index in settled
        if met:
            text = "In its place." if placed == index + 1 else "In the right order with the others."
        else:
            text = f"You had it {_ordinal(placed)}; it belongs {_ordinal(index + 1)}." if placed else "Not placed."
        lines.append(ReviewLine(met, "✓ right" if met else "✗ moved", f"step {index + 1}", text, heading=item))
        outcomes.append(_outcome(f"step-{index + 1}", met, exercise))
    right = sum(line.met for line in lines)
    mine = Text()
    for position, index in enumerate(order, start=1):
        mine.append("✓ " if index in settled else "✗ ", style="bold")
        mine.append(f"{position}. {exercise.items[index].strip()}\n")
    mine.rstrip()
    total = len(lines)
    moves = total - right
    if moves:
        summary = (f"{right} of {total} steps already stand in the right order among themselves. "
                   f"Move the {moves} marked ✗ to pass: every step must be in order.")
    else:
        summary = f"All {total} steps are in the right order."
    return Review(
        score=right / total if total else 0.0,
        passed=right == total and total > 0,
        pass_mark=1.0,
        lines=tuple(lines),
        answer=mine,
        summary=summary,
        outcomes=tuple(outcomes),
    )


# --- classify -------------------------------------------------------------------------


def labels_given(exercise: Exercise, answer: Any) -> dict[str, str]:
    """``{item: label}`` for the items the learner labelled with one of the exercise's labels."""
    data = answer_data(answer)
    if not isinstance(data, dict):
        return {}
    items = {item.text for item in exercise.labelled}
    return {
        item: label for item, label in data.items()
        if item in items and isinstance(label, str) and label in exercise.labels
    }


def review_classify(exercise: Exercise, answer: Any) -> Review:
    """Judge the labels, line by line; enough right (``CLASSIFY_PASS_MARK``) passes."""
    given = labels_given(exercise, answer)
    lines, outcomes = [], []
    for number, item in enumerate(exercise.labelled, start=1):
        label = given.get(item.text)
        met = label == item.label
        if met:
            text = f"Right: {item.label}."
        elif label:
            text = f"The right label is {item.label}; you chose {label}."
        else:
            text = f"Not labelled. The right label is {item.label}."
        lines.append(ReviewLine(met, "✓ right" if met else "✗ wrong", f"line {number}", text, heading=item.text))
        outcomes.append(_outcome(f"item-{number}", met, exercise))
    right = sum(line.met for line in lines)
    total = len(lines)
    score = right / total if total else 0.0
    tally = Text()
    for label in exercise.labels:
        belongs = [item for item in exercise.labelled if item.label == label]
        found = sum(given.get(item.text) == label for item in belongs)
        tally.append("✓ " if found == len(belongs) else "✗ ", style="bold")
        tally.append(f"{label}: ", style="bold")
        tally.append(f"you found {found} of {len(belongs)}\n")
    tally.rstrip()
    return Review(
        score=score,
        passed=score + 1e-9 >= CLASSIFY_PASS_MARK and total > 0,
        pass_mark=CLASSIFY_PASS_MARK,
        lines=tuple(lines),
        answer=tally,
        summary=f"You labelled {right} of {total} lines right. To pass: {round(CLASSIFY_PASS_MARK * 100)}%.",
        outcomes=tuple(outcomes),
    )


# --- spot -----------------------------------------------------------------------------


def marked_lines(exercise: Exercise, answer: Any) -> list[int]:
    """The 1-based transcript lines the learner marked, in order, each once."""
    data = answer_data(answer)
    if not isinstance(data, list):
        return []
    count = len(exercise.transcript)
    return sorted({n for n in data if isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= count})


def _speaker(who: str) -> str:
    """``Agent`` or ``Customer``, as the transcript labels them."""
    return who.strip().capitalize() or "Someone"


def review_spot(exercise: Exercise, answer: Any) -> Review:
    """Judge the marks: every slip found and nothing else marked passes.

    The score is the share of marks that agree (found / slips + wrong marks), so
    marking every line does not score well.
    """
    marked = set(marked_lines(exercise, answer))
    slips = set(exercise.answers)
    lines, outcomes = [], []
    for number in sorted(slips | marked):
        line = exercise.transcript[number - 1]
        heading = f"{_speaker(line.who)}: {line.text.strip()}"
        if number in slips:
            met = number in marked
            mark, text = ("✓ found", "You marked it.") if met else ("✗ missed", "Here the agent stopped listening.")
        elif line.who.strip().lower() == "agent":
            met, mark, text = False, "✗ wrong", "Here the agent was still listening."
        else:
            met, mark, text = False, "✗ wrong", "This line is the customer's: mark the agent's lines."
        lines.append(ReviewLine(met, mark, f"line {number}", text, heading=heading))
        outcomes.append(_outcome(f"line-{number}", met, exercise))
    found = len(slips & marked)
    wrong = len(marked - slips)
    considered = len(slips) + wrong
    shown = Text()
    for number, line in enumerate(exercise.transcript, start=1):
        judged = "✓" if (number in marked) == (number in slips) else "✗"
        flag = "⚑" if number in marked else "·"
        style = (CREDIT_STYLE if number in slips else COST_STYLE) if number in marked else ""
        shown.append(f"{flag} {judged if number in marked | slips else ' '} {number:>2} ", style="bold")
        shown.append(f"{_speaker(line.who)}: ", style="dim")
        shown.append(line.text.strip() + "\n", style=style)
    shown.append("⚑ your marks · ✓ right · ✗ missed or marked wrongly", style="dim")
    summary = f"You found {found} of {len(slips)} line{'s' if len(slips) != 1 else ''} where the agent stopped listening"
    summary += f", and marked {wrong} line{'s' if wrong != 1 else ''} where they were listening." if wrong else "."
    summary += " To pass: find every one and mark nothing else."
    return Review(
        score=found / considered if considered else 0.0,
        passed=found == len(slips) and not wrong and bool(slips),
        pass_mark=1.0,
        lines=tuple(lines),
        answer=shown,
        summary=summary,
        marks=tuple(kind for kind, shown_here in (("credit", found), ("cost", wrong)) if shown_here),
        outcomes=tuple(outcomes),
    )


def review_conversation(exercise: Exercise, answer: Any) -> Review:
    """Judge a recorded conversation by playing it again (the grading is imported only then)."""
    from .conversation_record import review_conversation as review

    return review(exercise, answer)
