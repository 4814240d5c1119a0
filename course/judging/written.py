"""Judging an answer in the learner's own words: a reply, a paraphrase, a rewrite, or one reply in a conversation.

The rubric does the grading (``course.grading``); this says what the grade
means to the learner: a line per criterion, the words that earned or cost
credit, and what the verdict rests on.
"""

from __future__ import annotations

from course import grading
from course.content.answers import Written
from course.content.model import Exercise
from course.grading import Grade

from .judgment import Judgment, Point, Role, Shown, Span, severity_words

__all__ = ["judge_written", "judge_graded"]


def _shown(answer: str, graded: Grade) -> Shown:
    """The answer as typed, with every criterion's evidence marked in rubric order."""
    spans = []
    for result in graded.results:
        role: Role = "cost" if result.costs else "credit"
        for start, end in result.evidence:
            if 0 <= start < end <= len(answer):
                spans.append(Span(start, end, role))
    return Shown(answer, tuple(spans))


def judge_graded(graded: Grade, answer: str, *, exercise_id: str = "", kind: str = "reply") -> Judgment:
    """The judgment of a text already graded: an answer, or one reply in a conversation."""
    # The course-wide harm checks are shown only when one is missed: seven "met" lines about
    # not blaming anyone would bury the feedback that matters.
    points = tuple(
        Point(
            id=result.id,
            met=result.met,
            mark="✓ met" if result.met else "✗ missed",
            label=severity_words(result.criterion.severity),
            feedback=result.feedback,
            severity=result.severity,
            weight=float(result.weight),
            skill=result.skill,
            check=result.criterion.check,
            evidence=result.evidence,
            costs=result.costs,
            shown=not (result.inherited and result.met),
        )
        for result in graded.results
    )
    shown = [point for point in points if point.shown]
    summary = (
        f"You met {sum(point.met for point in shown)} of {len(shown)} points. "
        f"To pass: {round(graded.pass_mark * 100)}% and every point marked \"must\"."
    )
    if not graded.passed and graded.essential_missed and graded.score >= graded.pass_mark:
        summary += "\nThe score reaches the mark, but a point marked \"must\" is missing: see below."
    return Judgment(
        exercise_id=exercise_id,
        kind=kind,
        passed=graded.passed,
        score=graded.score,
        pass_mark=graded.pass_mark,
        points=points,
        summary=summary,
        shown=_shown(answer, graded),
        grade=graded,
    )


def judge_written(exercise: Exercise, answer: Written) -> Judgment:
    """Judge a reply, paraphrase or rewrite against its rubric."""
    graded = grading.grade(exercise, answer.text)  # looked up on use: a test may stand in a grader of its own
    return judge_graded(graded, answer.text, exercise_id=exercise.id, kind=exercise.kind)
