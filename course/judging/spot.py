"""Judging marks on a transcript: every slip found and nothing else marked passes."""

from __future__ import annotations

from course.content.answers import Marks
from course.content.model import Exercise

from .judgment import Judgment, Point, Role, shown_of
from .skills import skill_of

__all__ = ["judge_spot", "speaker"]


def speaker(who: str) -> str:
    """``Agent`` or ``Customer``, as the transcript labels them."""
    return who.strip().capitalize() or "Someone"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def judge_spot(exercise: Exercise, answer: Marks) -> Judgment:
    """Judge the marks line by line.

    The score is the share of marks that agree (found / slips + wrong marks), so
    marking every line does not score well.
    """
    marked = set(answer.lines)
    slips = set(exercise.answers)
    skill = skill_of(exercise)
    points = []
    for number in sorted(slips | marked):
        line = exercise.transcript[number - 1]
        heading = f"{speaker(line.who)}: {line.text.strip()}"
        if number in slips:
            met = number in marked
            mark, text = ("✓ found", "You marked it.") if met else ("✗ missed", "Here the agent stopped listening.")
        elif line.who.strip().lower() == "agent":
            met, mark, text = False, "✗ wrong", "Here the agent was still listening."
        else:
            met, mark, text = False, "✗ wrong", "This line is the customer's: mark the agent's lines."
        points.append(Point(f"line-{number}", met, mark, f"line {number}", text, heading=heading, skill=skill))
    found = len(slips & marked)
    wrong = len(marked - slips)
    considered = len(slips) + wrong
    pieces: list[tuple[str, Role | None]] = []
    for number, line in enumerate(exercise.transcript, start=1):
        judged = "✓" if (number in marked) == (number in slips) else "✗"
        flag = "⚑" if number in marked else "·"
        role: Role | None = ("credit" if number in slips else "cost") if number in marked else None
        pieces.append((f"{flag} {judged if number in marked | slips else ' '} {number:>2} ", "strong"))
        pieces.append((f"{speaker(line.who)}: ", "dim"))
        pieces.append((line.text.strip() + "\n", role))
    pieces.append(("⚑ your marks · ✓ right · ✗ missed or marked wrongly", "dim"))
    summary = f"You found {found} of {_plural(len(slips), 'line')} where the agent stopped listening"
    summary += f", and marked {_plural(wrong, 'line')} where they were listening." if wrong else "."
    summary += " To pass: find every one and mark nothing else."
    return Judgment(
        exercise.id, exercise.kind,
        passed=found == len(slips) and not wrong and bool(slips),
        score=found / considered if considered else 0.0,
        pass_mark=1.0,
        points=tuple(points),
        summary=summary,
        shown=shown_of(pieces),
    )
