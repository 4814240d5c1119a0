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
