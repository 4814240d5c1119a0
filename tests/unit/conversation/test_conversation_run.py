"""A conversation plays out by the clock the tests drive: no sleeping."""

from __future__ import annotations

import pytest

from course.content import load_course
from course.conversation import ConversationRun, mood_words
from course.paths import bundled_content_dir


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="module")
def conversations():
    course = load_course(bundled_content_dir())
    return [e for e in course.exercises.values() if e.kind == "conversation"]


def play(exercise, replies_by_turn, clock, wait=True):
    run = ConversationRun(exercise, clock)
    while not run.finished:
        if wait:
            clock.advance(sum(line.after for line in run.turn.customer) + 0.1)
        turn = run.turn
        run.send(replies_by_turn(turn))
    return run


def test_pieces_arrive_over_time(conversations):
    clock = Clock()
    run = ConversationRun(conversations[0], clock)
    pieces = run.turn.customer
    assert run.arrived() == [] or pieces[0].after == 0
    assert run.typing() or len(pieces) == 1
    clock.advance(pieces[0].after)
    assert run.arrived()[0] == pieces[0]
    clock.advance(sum(line.after for line in pieces))
    assert not run.typing() and run.seconds_to_next_piece() is None


def test_model_answers_reach_an_ending_and_pass(conversations):
    for exercise in conversations:
        run = play(exercise, lambda turn: turn.model_answer, Clock())
        assert run.finished and run.passed, exercise.id
        assert run.interruptions == 0
        assert run.mood >= exercise.conversation.mood


def test_sending_while_the_customer_types_is_an_interruption(conversations):
    exercise = next(e for e in conversations if len(e.conversation.turns[e.conversation.start].customer) > 1)
    clock = Clock()
    run = ConversationRun(exercise, clock)
    first = run.turn
    clock.advance(first.customer[0].after)
    reply = run.send(first.model_answer)
    assert reply.interrupted
    assert reply.unheard == tuple(line.text for line in first.customer[1:])
    assert run.interruptions == 1
    # The same good reply, sent after the customer finished, leaves the customer happier.
    patient = ConversationRun(exercise, Clock())
    patient.clock.advance(sum(line.after for line in first.customer))
    patient_reply = patient.send(first.model_answer)
    assert reply.mood_after == patient_reply.mood_after - 1


def test_a_failing_reply_takes_the_fail_branch_and_costs_mood(conversations):
    exercise = conversations[0]
    clock = Clock()
    run = ConversationRun(exercise, clock)
    turn = run.turn
    clock.advance(60)
    reply = run.send(turn.examples.failing[0].answer)
    assert not reply.grade.passed
    assert run.turn_id == turn.on_fail.goto
    assert reply.mood_after == max(-3, reply.mood_before + turn.on_fail.mood)


def test_mood_reads_in_words():
    assert mood_words(-3) == "furious" and mood_words(3) == "at ease" and mood_words(9) == "at ease"


def test_a_choice_exercise_is_not_a_conversation():
    course = load_course(bundled_content_dir())
    choice = next(e for e in course.exercises.values() if e.kind == "choice")
    with pytest.raises(ValueError):
        ConversationRun(choice)
