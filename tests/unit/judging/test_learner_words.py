"""Feedback in the learner's words: severities as must / should / nice to have, no praise for a failed answer,
and a "choose all" option the learner missed never told "Right."."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.content.answers import Picks, Written
from course.content.model import Criterion, Exercise, Option, Rubric
from course.judging import Judgment, Point, judge, severity_words, verdict_line
from course.plain.feedback import feedback_text


def points(*met: bool) -> tuple[Point, ...]:
    return tuple(Point(f"c{n}", ok, "✓ met" if ok else "✗ missed", "must", "") for n, ok in enumerate(met))


@pytest.mark.parametrize("score", [0.86, 0.9, 0.99])
def test_a_failed_answer_is_never_called_strong_whatever_its_score(score: float) -> None:
    failed = Judgment("x", "reply", False, score, 0.7, points(True, True, False))
    assert verdict_line(failed) == f"✗ NOT YET · {round(score * 100)}%"
    passed = Judgment("x", "reply", True, score, 0.7, points(True, True, True))
    assert verdict_line(passed) == f"✓ PASSED · {round(score * 100)}% (strong)"


def test_the_app_and_listen_plain_say_the_verdict_the_same_way() -> None:
    from course.tui.screens.feedback import _verdict

    failed = Judgment("x", "reply", False, 0.9, 0.7, points(True, False), summary="One must was missed.")
    assert _verdict(failed).plain.splitlines()[0] == verdict_line(failed) == "✗ NOT YET · 90%"


def test_severities_read_as_what_the_course_asks() -> None:
    assert [severity_words(s) for s in ("essential", "actionable", "informative")] == ["must", "should",
                                                                                       "nice to have"]
    exercise = Exercise(
        id="t.reply", kind="reply", title="A reply", prompt="Reply.", path=Path("t.yaml"),
        rubric=Rubric((Criterion(id="feeling", check="acknowledges_emotion", severity="essential",
                                 met="You named it.", missed="Name the feeling."),
                       Criterion(id="short", check="length", params={"max_words": 80}, severity="informative",
                                 met="Short.", missed="Shorter."))),
    )
    judgment = judge(exercise, Written("Your order ships Friday."))
    labels = {point.label for point in judgment.lines}
    assert {"must", "nice to have"} <= labels and not labels & {"essential", "actionable", "informative"}
    text = feedback_text(exercise, judgment)
    assert "essential" not in text and "must" in text


def multi() -> Exercise:
    return Exercise(
        id="t.multi", kind="multi", title="Habits", prompt="Choose all that apply.", path=Path("t.yaml"),
        options=(Option("Let them finish", True, "Right. Letting them finish shows you are with them."),
                 Option("Interrupt to save time", False, "Interrupting tells them you have stopped listening."),
                 Option("Say back what you heard", True, "Yes, saying it back lets them correct you.")),
    )


def test_a_missed_choose_all_option_is_never_told_right() -> None:
    exercise = multi()
    judgment = judge(exercise, Picks((1,)))  # the wrong one chosen, both right ones left out
    missed = [point for point in judgment.lines if point.mark.startswith("✗ missed")]
    assert len(missed) == 2
    for point in missed:
        assert not point.feedback.lower().startswith(("right", "yes")), point.feedback
        assert point.feedback.startswith("This one applies: ")
    assert "This one applies: Letting them finish shows you are with them." in [p.feedback for p in missed]


def test_a_chosen_right_option_keeps_its_own_words() -> None:
    judgment = judge(multi(), Picks((0, 2)))
    assert judgment.passed
    chosen = {p.feedback for p in judgment.lines if p.met and p.label == "chosen"}
    assert chosen == {"Right. Letting them finish shows you are with them.",
                      "Yes, saying it back lets them correct you."}
