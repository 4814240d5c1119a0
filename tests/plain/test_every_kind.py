"""Every kind of exercise answered in ``listen --plain``, recorded exactly as the app records it; drafts kept."""

from __future__ import annotations

import json

import pytest

from course.content.answers import Arrangement, Labelling, Marks, Picks, Written, option_order
from course.judging import judge, replay
from course.progress import Place
from course.recording import attempt_of
from tests.tui.kinds_course import (
    CLASSIFY_ID,
    CONVERSATION_ID,
    ORDER_ID,
    PARAPHRASE_ID,
    PASSING_REPLY,
    PASSING_SUMMARY,
    SORTED,
    SPOT_ID,
    STEPS,
)

from .conftest import LEARNER

CHOICE_ID, MULTI_ID, REPLY_ID, REWRITE_ID = "welcome.first-step", "welcome.good-habits", "empathy.late-gift", \
    "empathy.cold-reply"
REPLY = "I'm so sorry, Dana: with the party on Saturday I can see why you're upset. Let me check where the bike is."


def the_apps_attempt(course, exercise_id: str, answer):
    """What the app records for this answer (its screens all record ``attempt_of`` the one judge's verdict)."""
    exercise = course.exercise(exercise_id)
    return attempt_of(exercise, answer.recorded(), judge(exercise, answer), seconds=0.0)


def recorded_as_the_app_records(course, store, exercise_id: str, answer) -> None:
    [attempt] = store.attempts(LEARNER, exercise_id)
    expected = the_apps_attempt(course, exercise_id, answer)
    assert (attempt.answer, attempt.score, attempt.passed, attempt.outcomes, attempt.content_hash, attempt.seconds) \
        == (expected.answer, expected.score, expected.passed, expected.outcomes, expected.content_hash, 0.0)
    assert store.draft(LEARNER, exercise_id) is None


def shown_number(course, exercise_id: str, index: int) -> str:
    """The number the option with this index (in the file's order) is shown with."""
    return str(option_order(course.exercise(exercise_id)).index(index) + 1)


def test_a_choice_is_answered_with_its_number(sit, course, store) -> None:
    sitting = sit("c", shown_number(course, CHOICE_ID, 0), at=Place("exercise", CHOICE_ID))
    assert "Type the number of the one option you choose" in sitting.out
    assert "✓ PASSED · 100%" in sitting.out and "Saved: attempt 1 at this exercise." in sitting.out
    recorded_as_the_app_records(course, store, CHOICE_ID, Picks((0,)))
    assert store.place(LEARNER) == Place("feedback", CHOICE_ID)


def test_a_multi_takes_every_number_with_spaces_or_commas(sit, course, store) -> None:
    picks = f"{shown_number(course, MULTI_ID, 0)}, {shown_number(course, MULTI_ID, 1)}"
    sitting = sit("c", picks, at=Place("exercise", MULTI_ID))
    assert "✓ PASSED" in sitting.out
    recorded_as_the_app_records(course, store, MULTI_ID, Picks((0, 1)))


def test_an_order_takes_every_step_number_in_order(sit, course, store) -> None:
    exercise = course.exercise(ORDER_ID)
    right = Arrangement(tuple(range(len(STEPS))), STEPS)
    sitting = sit("c", "1 2", " ".join(right.as_typed(exercise)), at=Place("exercise", ORDER_ID))
    assert f"That will not do: give all {len(STEPS)} steps, each once, not 2." in sitting.out
    assert "✓ PASSED" in sitting.out
    recorded_as_the_app_records(course, store, ORDER_ID, right)


def test_classify_asks_a_label_a_line_by_its_name_or_number(sit, course, store) -> None:
    exercise = course.exercise(CLASSIFY_ID)
    typed = [str(exercise.labels.index(SORTED[0].label) + 1), "nonsense", SORTED[1].label.upper(),
             *(item.label for item in SORTED[2:])]
    sitting = sit("c", *typed, at=Place("exercise", CLASSIFY_ID))
    assert f"Line 1 of {len(SORTED)}: {SORTED[0].text}" in sitting.out
    assert "That is not a label here: type one of feeling, fact, request, or its number." in sitting.out
    recorded_as_the_app_records(course, store, CLASSIFY_ID, Labelling({item.text: item.label for item in SORTED}))


def test_spot_takes_the_line_numbers(sit, course, store) -> None:
    sitting = sit("c", "0", "3", at=Place("exercise", SPOT_ID))
    assert "3. agent: Could you send me a meter reading?" in sitting.out
    assert "That will not do: there is no line 0: they are numbered 1 to 4." in sitting.out
    assert "✓ PASSED" in sitting.out
    recorded_as_the_app_records(course, store, SPOT_ID, Marks((3,)))


@pytest.mark.parametrize("exercise_id", [REPLY_ID, REWRITE_ID, PARAPHRASE_ID])
def test_words_are_typed_over_lines_and_sent_with_a_full_stop(sit, course, store, exercise_id) -> None:
    first, second = REPLY.split(": ")
    sitting = sit("c", ".", first + ":", second, ".", at=Place("exercise", exercise_id))
    assert "Nothing to send yet: type your answer first." in sitting.out
    recorded_as_the_app_records(course, store, exercise_id, Written(f"{first}:\n{second}"))


def test_a_conversation_is_played_turn_by_turn_and_recorded_as_the_app_records_it(sit, course, store) -> None:
    sitting = sit("c", PASSING_REPLY, PASSING_SUMMARY, at=Place("exercise", CONVERSATION_ID))
    out = sitting.out
    assert out.index("Priya: Hi. I've been charged twice for one order.") < out.index(f"you> {PASSING_REPLY}")
    assert "ℹ Closing step: sum up what Priya told you and check you have it right." in out
    assert "■ End of the conversation." in out and "✓ PASSED" in out
    [attempt] = store.attempts(LEARNER, CONVERSATION_ID)
    assert attempt.answer == {"replies": [PASSING_REPLY, PASSING_SUMMARY], "heard": [2, 1], "interruptions": 0,
                              "notes": "", "path": ["start", "close", "thanks"], "mood": 2}  # as the app's, exactly
    exercise = course.exercise(CONVERSATION_ID)
    expected = attempt_of(exercise, attempt.answer, judge(exercise, attempt.answer), seconds=0.0)
    assert (attempt.score, attempt.passed, attempt.outcomes) == (expected.score, expected.passed, expected.outcomes)


def test_hints_come_one_at_a_time_on_h(sit, course) -> None:
    sitting = sit("c", "h", "h", "h", at=Place("exercise", REPLY_ID))
    assert "Hint 1 of 2: What is Dana feeling? Which words tell you? (type h again for the next one)" in sitting.out
    assert sitting.out.count("Hint 2 of 2: Mention the party.") == 2


def test_quitting_half_way_through_words_keeps_them_and_they_are_offered_next_time(sit, course, store) -> None:
    sit("c", "I'm so sorry, Dana.", "q", at=Place("exercise", REPLY_ID))
    assert store.draft(LEARNER, REPLY_ID) == "I'm so sorry, Dana."
    sit("c", "The party is on Saturday", at=Place("exercise", REPLY_ID))  # the end of input keeps them too
    assert store.draft(LEARNER, REPLY_ID) == "I'm so sorry, Dana.\nThe party is on Saturday"
    again = sit("c", "Let me check.", ".", at=Place("exercise", REPLY_ID))
    assert "Your answer so far, kept from last time" in again.out and "    The party is on Saturday" in again.out
    [attempt] = store.attempts(LEARNER, REPLY_ID)
    assert attempt.answer == "I'm so sorry, Dana.\nThe party is on Saturday\nLet me check."


def test_a_line_with_only_an_exclamation_mark_starts_afresh(sit, store) -> None:
    store.save_draft(LEARNER, REPLY_ID, "Calm down.")
    sit("c", "!", REPLY, ".", at=Place("exercise", REPLY_ID))
    assert store.attempts(LEARNER, REPLY_ID)[0].answer == REPLY


def test_back_keeps_the_answer_so_far_and_goes_to_the_module(sit, store) -> None:
    sitting = sit("c", "Sorry.", "b", at=Place("exercise", REPLY_ID))
    assert "Module 2, Empathy" in sitting.out.split("Sorry.")[-1]
    assert store.draft(LEARNER, REPLY_ID) == "Sorry." and store.attempts(LEARNER, REPLY_ID) == []


def test_labels_given_before_leaving_are_kept_in_the_apps_shape_and_enter_keeps_them(sit, course, store) -> None:
    exercise = course.exercise(CLASSIFY_ID)
    sit("c", SORTED[0].label, at=Place("exercise", CLASSIFY_ID))
    assert Labelling.from_recorded(exercise, store.draft(LEARNER, CLASSIFY_ID)).labels == {SORTED[0].text:
                                                                                           SORTED[0].label}
    again = sit("c", "", *(item.label for item in SORTED[1:]), at=Place("exercise", CLASSIFY_ID))
    assert f"(Enter on its own keeps: {SORTED[0].label})" in again.out
    assert store.attempts(LEARNER, CLASSIFY_ID)[0].answer == {item.text: item.label for item in SORTED}


def test_an_answer_kept_by_the_app_is_offered_and_sent_with_enter(sit, course, store) -> None:
    store.save_draft(LEARNER, SPOT_ID, json.dumps([3]))
    sitting = sit("c", "", at=Place("exercise", SPOT_ID))
    assert "Kept from last time: 3 (Enter on its own sends it)." in sitting.out
    assert store.attempts(LEARNER, SPOT_ID)[0].answer == [3]


def test_a_conversation_left_half_way_is_kept_for_the_app_and_goes_on_from_there(sit, course, store) -> None:
    sit("c", PASSING_REPLY, "q", at=Place("exercise", CONVERSATION_ID))
    assert store.attempts(LEARNER, CONVERSATION_ID) == []
    kept = json.loads(store.draft(LEARNER, CONVERSATION_ID) or "{}")
    in_the_app = replay(course.exercise(CONVERSATION_ID), kept)  # what the app's conversation screen does with it
    assert [reply.text for reply in in_the_app.replies] == [PASSING_REPLY] and not in_the_app.finished
    again = sit("c", PASSING_SUMMARY, at=Place("exercise", CONVERSATION_ID))
    assert "(Going on from where you left off.)" in again.out and f"you> {PASSING_REPLY}" in again.out
    [attempt] = store.attempts(LEARNER, CONVERSATION_ID)
    assert attempt.answer["replies"] == [PASSING_REPLY, PASSING_SUMMARY] and attempt.passed
    assert store.draft(LEARNER, CONVERSATION_ID) is None


def test_feedback_says_what_was_done_well_and_missed_with_the_learners_words_quoted(sit, store) -> None:
    answer = "I'm so sorry, Dana, I can see why you're upset about the party. Calm down, though."
    sitting = sit("c", answer, ".", at=Place("exercise", REPLY_ID))
    out = sitting.out
    assert "✗ NOT YET" in out and "What you did well:" in out and "What was missed:" in out
    well, missed = out.split("What you did well:")[1].split("What was missed:")
    assert "- ✓ met, must: You named how Dana feels" in well and "Your words: “sorry”, “I can see why" in well
    assert "- ✓ met, should: You showed you caught the facts that matter to her.\n  Your words: “party”" in well
    assert "- ✗ missed, must: Leave out phrases that push the customer away.\n  Your words that cost it: “Calm down”" \
        in missed
    assert f"Your answer:\n    {answer}" in out


def test_feedback_offers_retry_keeping_the_answer_and_the_model_answer(sit, course, store) -> None:
    sitting = sit("c", "Sorry about that.", ".", "m", "r", "k", at=Place("exercise", REPLY_ID))
    assert "Model answer:\n    I'm so sorry, Dana: with the party on Saturday" in sitting.out
    assert "Your answer so far, kept from last time" in sitting.out.split("Keep your text to improve it (k)")[1]
    assert store.draft(LEARNER, REPLY_ID) == "Sorry about that."
    afresh = sit("c", "r", "a", at=Place("feedback", REPLY_ID))
    assert "Feedback · The late birthday gift" in afresh.out  # the last recorded answer's feedback, reopened
    assert store.draft(LEARNER, REPLY_ID) is None


def test_next_goes_on_to_the_modules_next_exercise(sit, course) -> None:
    sitting = sit("c", shown_number(course, CHOICE_ID, 0), "n", at=Place("exercise", CHOICE_ID))
    assert "Next exercise: Good listening habits (n)" in sitting.out
    assert "Exercise 2 of 2 in Welcome · choose all that apply" in sitting.out
