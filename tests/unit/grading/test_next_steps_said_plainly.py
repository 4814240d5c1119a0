"""Next steps as people write them: hanging on the customer's answer, or theirs to take."""

from __future__ import annotations

import pytest

from course.grading import detect


@pytest.mark.parametrize("reply", [
    "If not, tell me which days work and I'll rearrange it.",
    "Can you let me know if that time's ok? If not I'll change it.",
    "If that doesn't suit, I'll move it to another day.",
    "Tell me which day suits and I'll book it.",
    "Please reply to confirm you can be at home at this time.",
])
def test_a_step_that_hangs_on_their_answer_is_a_next_step(reply):
    assert detect("commits_to_action", reply).found


@pytest.mark.parametrize("reply", [
    "If not, I'll look into it.",
    "I will not change it.",
    "What I need from you: patience.",
])
def test_a_vague_or_refused_step_is_not(reply):
    assert not detect("commits_to_action", reply).found


def test_if_not_stands_for_a_condition_not_a_denial():
    assert detect("commits_to_action", "Does Thursday suit? If not, I'll book Friday instead.").found


def test_a_timed_step_said_as_doing_it_is_a_next_step():
    reply = "We haven't switched the line on at the exchange yet, and the engineers will do that before 8 pm tonight."
    assert detect("commits_to_action", reply).found
    assert not detect("commits_to_action", "We will do our best.").found


def test_their_kit_said_to_be_working_reassures():
    assert detect("reassures", "The box is working. We just haven't switched your line on yet.").found


def test_reply_yes_to_a_read_back_hands_them_no_security_answer():
    moving = "I moved out of 12 Harcourt Road on 2 June and I'm still being billed."
    fraud = "I've had a text asking if a payment in Manchester was me. Was this you, it says."
    reply = "Does that cover it all? Just reply yes, or add anything I've missed."
    assert not detect("unsafe_advice", reply, moving).found
    assert detect("unsafe_advice", "Just reply yes to the text and the block comes off.", fraud).found
