"""Which words of an answer are a promise: the learner's own next step, still to come."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.content.model import Conversation, CustomerLine, Exercise, Scenario, Turn
from course.follow_up import promise_in, promised_words
from tests.unit.follow_up.samples import MADE


@pytest.mark.parametrize("answer, words", [
    ("Oh no, Dana. I'll call you back on Friday with the engineer's slot.",
     "I'll call you back on Friday with the engineer's slot."),
    ("Sorry about that. I will email you by 5 pm today with an update. Thanks for bearing with us.",
     "I will email you by 5 pm today with an update."),
    ("I'm going to chase the warehouse and text you by 3pm tomorrow.",
     "I'm going to chase the warehouse and text you by 3pm tomorrow."),
    ("That sounds awful.\n\nI promise I'll ring you at 3.", "I promise I'll ring you at 3."),
])
def test_the_learners_own_step_to_come_is_a_promise(answer, words):
    assert promised_words(answer) == words


@pytest.mark.parametrize("answer", [
    "I rang the depot this morning: the engineer can come Thursday between 8 and 12.",  # done, not promised
    "The engineer is booked for Thursday 8-12.",  # someone else's, and news
    "Shall I call you back on Friday with the slot?",  # asked, not promised
    "I'll look into it and get back to you soon.",  # nothing to hold on to
    "Friday, engineer, slot, call.",
    "You told me: \"I'll ring you on Friday with the slot.\" Sorry, that didn't happen.",  # quoted
])
def test_what_is_not_a_promise(answer):
    assert promised_words(answer) == ""


def test_a_long_promise_is_kept_short():
    answer = "I'll ring you on Friday " + "and go through every detail of the visit with you " * 20 + "."
    assert len(promised_words(answer)) <= 240 and promised_words(answer).endswith("…")


def _reply_exercise() -> Exercise:
    return Exercise(id="empathy.no-heating", kind="reply", title="No heating", prompt="Reply.", path=Path("x.yaml"),
                    channel="phone", scenario=Scenario("Priya Shah", "My boiler has packed up."))


def test_a_promise_knows_its_customer_channel_and_times():
    promise = promise_in(_reply_exercise(), "I'll ring you on Friday with the engineer's slot.", MADE)
    assert promise is not None
    assert (promise.customer, promise.channel, promise.exercise_id, promise.title) == (
        "Priya Shah", "phone", "empathy.no-heating", "No heating")
    assert (promise.made, promise.due) == ("2026-03-03T09:00:00+00:00", "2026-03-04T09:00:00+00:00")
    assert promise.context == "My boiler has packed up."


def test_an_answer_that_promises_nothing_makes_no_promise():
    assert promise_in(_reply_exercise(), "I'm so sorry, that sounds freezing.", MADE) is None


def test_a_choice_answer_makes_no_promise():
    choice = Exercise(id="empathy.pick", kind="choice", title="Pick", prompt="Pick.", path=Path("x.yaml"),
                      scenario=Scenario("Priya Shah", "Hi"))
    assert promise_in(choice, [1], MADE) is None


def test_a_conversation_holds_the_learner_to_its_last_promise():
    turns = {
        "start": Turn("start", (CustomerLine("My card was charged twice."),), on_pass=None),
        "close": Turn("close", (CustomerLine("And when will I hear?"),)),
    }
    talk = Exercise(id="capstone.double-charge", kind="conversation", title="Charged twice", prompt="Talk.",
                    path=Path("x.yaml"), channel="chat",
                    conversation=Conversation("Amara", 0, (), "start", turns))
    answer = {"replies": ["I'll check it today at 2.", "I'll message you by 4 pm today with what I find."],
              "heard": [1, 1], "path": ["start", "close"], "notes": "", "interruptions": 0, "mood": 0}
    promise = promise_in(talk, answer, MADE)
    assert promise is not None
    assert (promise.customer, promise.words, promise.context) == (
        "Amara", "I'll message you by 4 pm today with what I find.", "And when will I hear?")
