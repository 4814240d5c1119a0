"""What the feedback screen says about one answer, for every kind it can judge.

A ``Review`` is plain data: the verdict, one line per criterion (or per option)
and the learner's own answer with the words that earned or cost credit marked.
Text answers are judged by ``course.grading``; choice answers are judged here,
because there is nothing to detect: an option is right or it is not.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text

from course.content.model import Exercise

if TYPE_CHECKING:
    from course.grading import Grade
    from course.progress import Attempt, CriterionOutcome

__all__ = [
    "ReviewLine",
    "Review",
    "CREDIT_STYLE",
    "COST_STYLE",
    "review_text",
    "review_grade",
    "review_choice",
    "chosen_options",
    "option_order",
    "score_words",
    "attempt_for",
]

CREDIT_STYLE = "bold underline green"
"""Words that earned credit: underlined, so it survives NO_COLOR."""
COST_STYLE = "strike red"
"""Words that cost credit (blame, jargon...): struck through, so it survives NO_COLOR."""


@dataclass(frozen=True)
class ReviewLine:
    """One criterion (or option) and what it says about the answer."""

    met: bool
    """Whether the answer did this right."""
    mark: str
    """A symbol and a word for it (``✓ met``, ``✗ missed``...): never colour alone."""
    label: str
    """A short tag: the severity of a criterion, or "you chose" for an option."""
    text: str
    """The feedback, addressed to the learner."""
    heading: str = ""
    """For options: the option's own text."""


@dataclass(frozen=True)
class Review:
    """The verdict on one answer."""

    score: float
    """Share of the marks, 0..1."""
    passed: bool
    pass_mark: float
    lines: tuple[ReviewLine, ...]
    answer: Text | None = None
    """A text answer, literally as typed, with evidence marked; None for choices."""
    summary: str = ""
    """What the verdict rests on, in a sentence or two."""
    marks: tuple[str, ...] = ()
    """Which kinds of marking the answer shows: "credit" and/or "cost"."""
    grade: Grade | None = None
    """The ``course.grading.Grade`` behind a text review (None for choices)."""
    outcomes: tuple[CriterionOutcome, ...] = ()
    """Per item or criterion, for kinds judged without a ``Grade``: what reports count misses by."""

    @property
    def verdict(self) -> str:
        """✓ PASSED or ✗ NOT YET: a symbol and words, never colour alone."""
        return "✓ PASSED" if self.passed else "✗ NOT YET"


def score_words(score: float) -> str:
    """A score as a learner would say it."""
    if score >= 0.999:
        return "full marks"
    if score >= 0.85:
        return "strong"
    if score >= 0.7:
        return "good"
    if score >= 0.5:
        return "getting there"
    return "early days"


def _answer_text(answer: str, grade: Grade) -> tuple[Text, tuple[str, ...]]:
    """The answer as typed (never read as markup), with evidence spans marked."""
    text = Text(answer)
    marks: list[str] = []
    for result in grade.results:
        style = COST_STYLE if result.costs else CREDIT_STYLE
        for start, end in result.evidence:
            if 0 <= start < end <= len(answer):
                text.stylize(style, start, end)
                kind = "cost" if result.costs else "credit"
                if kind not in marks:
                    marks.append(kind)
    return text, tuple(marks)


def review_text(exercise: Exercise, answer: str) -> Review:
    """Judge a reply, paraphrase or rewrite with the course's grading."""
    from course.grading import grade as grade_answer

    return review_grade(grade_answer(exercise, answer), answer)


def review_grade(grade: Grade, answer: str) -> Review:
    """The review of a text already graded: an answer, or one reply in a conversation."""
    # The course-wide harm checks are shown only when one is missed: seven "met" lines about
    # not blaming anyone would bury the feedback that matters.
    lines = tuple(
        ReviewLine(
            met=result.met,
            mark="✓ met" if result.met else "✗ missed",
            label=result.criterion.severity,
            text=result.feedback,
        )
        for result in grade.shown
    )
    text, marks = _answer_text(answer, grade)
    summary = (
        f"You met {sum(line.met for line in lines)} of {len(lines)} points. "
        f"To pass: {round(grade.pass_mark * 100)}% and every essential point."
    )
    if not grade.passed and grade.essential_missed and grade.score >= grade.pass_mark:
        summary += "\nThe score reaches the mark, but an essential point is missing: see below."
    return Review(
        score=grade.score,
        passed=grade.passed,
        pass_mark=grade.pass_mark,
        lines=lines,
        answer=text,
        summary=summary,
        marks=marks,
        grade=grade,
    )


def option_order(exercise: Exercise) -> list[int]:
    """The order options are shown in: shuffled, because writers tend to put right answers
    first, but the same for everyone every time (seeded by the exercise id), so screens,
    feedback and snapshots agree."""
    order = list(range(len(exercise.options)))
    random.Random(exercise.id).shuffle(order)
    return order


def chosen_options(answer: Any) -> list[int]:
    """Option indexes from a recorded answer or a kept draft (a list, or its JSON)."""
    if isinstance(answer, str):
        try:
            answer = json.loads(answer)
        except ValueError:
            return []
    if not isinstance(answer, list):
        return []
    return [item for item in answer if isinstance(item, int) and not isinstance(item, bool)]


def review_choice(exercise: Exercise, answer: Any) -> Review:
    """Judge a choice or multi answer: every option is judged, chosen or not.

    The score is the share of options judged right (chosen when correct, left
    when not); it passes only when every option is judged right.
    """
    chosen = set(chosen_options(answer))
    single = exercise.kind == "choice"
    lines = []
    for index in option_order(exercise):
        option = exercise.options[index]
        picked = index in chosen
        right = picked == option.correct
        if single:
            mark, label = {
                (True, True): ("✓ right", "your choice"),
                (True, False): ("✗ wrong", "your choice"),
                (False, True): ("✓ best", "the answer"),
                (False, False): ("·", ""),
            }[(picked, option.correct)]
        else:
            mark, label = {
                (True, True): ("✓ right", "chosen"),
                (True, False): ("✗ wrong", "chosen"),
                (False, True): ("✗ missed", "it applies"),
                (False, False): ("✓ right", "left out"),
            }[(picked, option.correct)]
        lines.append(ReviewLine(met=right, mark=mark, label=label, text=option.feedback, heading=option.text))
    from course.progress import CriterionOutcome
    from course.tui.review_kinds import _skill

    # One outcome per option, so a report can count which wrong option people pick.
    outcomes = tuple(
        CriterionOutcome(f"option-{index + 1}", line.met, "actionable", 1.0, _skill(exercise))
        for index, line in zip(option_order(exercise), lines)
    )
    judged = sum(line.met for line in lines)
    passed = judged == len(lines) and bool(lines)
    if single:
        # One pick: the score is simply whether it was the right one.
        score = 1.0 if passed else 0.0
        summary = "Your choice is the best one here." if passed else "Your choice is not the best one here."
    else:
        score = judged / len(lines) if lines else 0.0
        summary = f"You judged {judged} of {len(lines)} options right; all of them must be right to pass."
    return Review(score=score, passed=passed, pass_mark=1.0, lines=tuple(lines), summary=summary, outcomes=outcomes)

def attempt_for(exercise: Exercise, answer: Any, review: Review, *, seconds: float) -> Attempt:
    """The ``course.progress.Attempt`` to record for a reviewed answer."""
    from course.progress import Attempt

    if review.grade is not None:
        return Attempt.from_grade(exercise, answer, review.grade, seconds=seconds)
    return Attempt(
        exercise_id=exercise.id,
        answer=answer,
        score=review.score,
        passed=review.passed,
        content_hash=exercise.content_hash,
        seconds=seconds,
        outcomes=review.outcomes,
    )
