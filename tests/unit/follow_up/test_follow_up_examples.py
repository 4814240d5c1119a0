"""The follow-up's rubric, judged by the course's one judge, agrees with answers written for it.

Each failing answer misses exactly the criteria it lists (the course-wide harm checks included),
as ``listen check`` proves every exercise's examples.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from course.follow_up import follow_up_exercise, promise_in
from course.judging import judge
from tests.unit.follow_up.samples import MADE, a_promise

NOW = MADE + timedelta(days=2)

PASSING = {
    "kept, saying what came of it": (
        "Hi Priya, thanks for coming back to me, and sorry you had to chase. I rang the depot on Friday as I said "
        "I would: the engineer is booked for Thursday between 8 and 12, and he'll text you when he's on his way."),
    "updated honestly, with a reason and a new time": (
        "Priya, I'm sorry. I said I'd ring you on Friday with the engineer's slot and I didn't. The depot still "
        "hasn't confirmed the rota, so I haven't got a slot to give you yet. I'm calling them myself at 9 this "
        "morning and I'll ring you by 11 today with a slot or a straight answer."),
    "renegotiated: what changed, and a new step": (
        "You're right to chase me, Priya, and I'm sorry for the wait. The engineer's slot I promised for Friday "
        "fell through because the only engineer near you is off sick. I can offer a visit from the next team on "
        "Monday morning, or a loan heater today while you wait. I'll call you at 2 pm today to hear which you'd "
        "prefer."),
    "kept, briefly": ("Hi Priya, I've booked the engineer for Thursday morning. I'm sorry you had to ring back to "
                      "hear it."),
}

FAILING = {
    "ignores the promise": (
        "Hi Priya, thanks for getting in touch. How can I help you today?",
        {"answers-the-promise", "clear-step", "sorry-for-the-chase"}),
    "puts the blame on the depot": (
        "Hi Priya, sorry, but the depot let us down, it's their fault, not mine. I've chased them and I'll ring "
        "you tomorrow at 10 with the slot.",
        {"owns-it", "sorry-for-the-chase"}),
    "puts the blame on the customer": (
        "Priya, I did ring on Friday but you never picked up, so you should have called us back. The engineer can "
        "come Thursday 8-12.",
        {"clear-step", "owns-it", "sorry-for-the-chase"}),
    "promises again, vaguely": (
        "Sorry Priya, I'm still looking into the engineer's slot. I'll get back to you soon.",
        {"clear-step"}),
    "gaming: a list of the facts": (
        "Friday, engineer, slot, ring, Thursday 8-12, sorry.",
        {"answers-the-promise", "clear-step", "sorry-for-the-chase"}),
    "gaming: stock phrases stacked up": (
        "I completely understand your frustration. I apologise for any inconvenience caused. Your call is "
        "important to us. Thank you for your patience. Rest assured we are looking into it.",
        {"answers-the-promise", "clear-step", "harm.own-voice", "sorry-for-the-chase"}),
    "gaming: stock lines around the facts": (
        "I understand how frustrating this is. Sorry for the inconvenience. Friday, engineer, slot. We value your "
        "patience. I'll be in touch soon.",
        {"answers-the-promise", "clear-step", "harm.own-voice", "sorry-for-the-chase"}),
    "the same promise, word for word": (
        "I'll ring you on Friday with the engineer's slot.",
        {"harm.own-words", "sorry-for-the-chase"}),
}


@pytest.fixture(scope="module")
def exercise():
    return follow_up_exercise(a_promise(), NOW)


@pytest.mark.parametrize("answer", PASSING.values(), ids=PASSING.keys())
def test_passing_answers_pass(exercise, answer):
    judgment = judge(exercise, answer)
    assert judgment.passed, [point.id for point in judgment.points if not point.met]


@pytest.mark.parametrize("answer, misses", FAILING.values(), ids=FAILING.keys())
def test_failing_answers_fail_on_exactly_what_they_miss(exercise, answer, misses):
    judgment = judge(exercise, answer)
    assert not judgment.passed
    assert {point.id for point in judgment.points if not point.met} == misses


def test_the_model_answer_passes_and_is_a_new_promise(exercise):
    assert judge(exercise, exercise.model_answer).passed
    renewed = promise_in(exercise, exercise.model_answer, NOW)
    assert renewed is not None and "2 pm today" in renewed.words and "Friday" not in renewed.words


def test_there_are_enough_examples_of_each():
    assert len(PASSING) >= 3 and len(FAILING) >= 5
    assert sum(name.startswith("gaming") for name in FAILING) >= 2


@pytest.mark.parametrize("days", [1, 2, 5])
def test_the_verdict_does_not_depend_on_the_day(days):
    exercise = follow_up_exercise(a_promise(), MADE + timedelta(days=days))
    assert [judge(exercise, answer).passed for answer in PASSING.values()] == [True] * len(PASSING)
    assert not any(judge(exercise, answer).passed for answer, _ in FAILING.values())
