"""Judging order, classify, spot and conversation answers (``course.judging``), without a screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course.content.answers import Arrangement, Labelling, Marks, starting_order
from course.judging import answer_of, judge, replay

from .kinds_course import (
    CLASSIFY_ID,
    CONVERSATION_ID,
    ORDER_ID,
    PASSING_REPLY,
    PASSING_SUMMARY,
    SORTED,
    SPOT_ID,
    STEPS,
    Clock,
    kinds_course,
)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory):
    return kinds_course(Path(tmp_path_factory.mktemp("course")))


def test_order_is_never_shown_already_right_and_only_whole_answers_count(course) -> None:
    exercise = course.exercise(ORDER_ID)
    assert starting_order(exercise) != list(range(len(STEPS)))
    assert starting_order(exercise) == starting_order(exercise)  # the same for everyone
    assert Arrangement.from_recorded(exercise, json.dumps(list(reversed(STEPS)))).order == (3, 2, 1, 0)
    assert Arrangement.from_recorded(exercise, list(STEPS[:3])).order is None  # a step missing
    assert Arrangement.from_recorded(exercise, [*STEPS[:3], "Something else"]).order is None
    assert Arrangement.from_recorded(exercise, "not json").order is None
    assert judge(exercise, ["junk"]).score == 0.0


def test_order_feedback_says_where_each_step_went(course) -> None:
    exercise = course.exercise(ORDER_ID)
    # The first step dragged to the bottom is one step out of order, not four.
    review = judge(exercise, [STEPS[1], STEPS[2], STEPS[3], STEPS[0]])
    assert not review.passed and review.score == 0.75
    assert [line.met for line in review.lines] == [False, True, True, True]
    assert review.lines[0].feedback == "You had it 4th; it belongs 1st."
    assert review.lines[1].feedback == "In the right order with the others."
    assert "Move the 1 marked ✗" in review.summary
    assert review.shown is not None and review.shown.text.startswith("✓ 1. Name the feeling")
    assert judge(exercise, list(STEPS)).lines[0].feedback == "In its place."


def test_classify_ignores_labels_it_does_not_know_and_passes_at_four_in_five(course) -> None:
    exercise = course.exercise(CLASSIFY_ID)
    right = {item.text: item.label for item in SORTED}
    given = {**right, SORTED[0].text: "opinion", "unknown line": "fact"}
    assert Labelling.from_recorded(exercise, given).labels == {item.text: item.label for item in SORTED[1:]}
    assert judge(exercise, right).passed
    three_of_four = {**right, SORTED[0].text: "feeling"}
    review = judge(exercise, three_of_four)
    assert review.score == 0.75 and not review.passed  # below 80%
    assert review.lines[0].feedback == "The right label is fact; you chose feeling."


def test_spot_marking_every_line_scores_badly(course) -> None:
    exercise = course.exercise(SPOT_ID)
    assert Marks.from_recorded(exercise, [3, 3, 0, 99, True, "2"]).lines == (3,)
    everything = judge(exercise, [1, 2, 3, 4])
    assert not everything.passed and everything.score == 0.25
    assert judge(exercise, [3]).passed
    customer_line = next(line for line in judge(exercise, [1]).lines if line.label == "line 1")
    assert "customer's" in customer_line.feedback


def test_a_conversation_replays_the_same_way_it_was_played(course) -> None:
    exercise = course.exercise(CONVERSATION_ID)
    clock = Clock()
    from course.conversation import ConversationRun

    run = ConversationRun(exercise, clock)
    clock.advance(1.6)  # one piece of two: an interruption
    run.send(PASSING_REPLY)
    clock.advance(5)
    run.send(PASSING_SUMMARY)
    run.notes = "5521"
    answer = answer_of(run)
    again = replay(exercise, answer)
    assert [r.interrupted for r in again.replies] == [True, False]
    assert again.mood == run.mood and again.turn_id == run.turn_id and again.notes == "5521"
    review = judge(exercise, answer)
    assert review.passed == run.passed and review.score == run.score
    assert ("start.let-them-finish", False) in [(point.id, point.met) for point in review.counted]


def test_a_replay_survives_answers_that_no_longer_fit(course) -> None:
    exercise = course.exercise(CONVERSATION_ID)
    extra = {"replies": [PASSING_REPLY, PASSING_SUMMARY, "one too many"], "heard": "nonsense"}
    run = replay(exercise, extra)
    assert run.finished and len(run.replies) == 2
    assert replay(exercise, "not json").replies == []
    assert replay(exercise, {"replies": "a string", "heard": 3}).replies == []


def test_on_the_phone_the_customer_speaks_rather_than_types(course) -> None:
    from dataclasses import replace

    from course.conversation import still_doing

    exercise = course.exercise(CONVERSATION_ID)
    assert still_doing(exercise) == "typing"
    assert still_doing(replace(exercise, channel="phone")) == "speaking"
