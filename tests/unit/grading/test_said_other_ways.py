"""Techniques said in ways a trainer hears at once, and the look-alikes that are not them."""

from __future__ import annotations

import pytest

from course.grading import detect

SOFA = ("The sofa came today but it's grey, and the label says sage green. My mother-in-law stays on Saturday "
        "and needs it. What now?")
REMINDER = ("I nearly missed my appointment because your reminder letter arrived the day before. My neighbour "
            "brought it over. I have never felt so ignored.")


@pytest.mark.parametrize("reply", [
    "We have sage green in stock so we can bring it on Friday.",
    "We can drop it round on Friday, 8-12 or 12-6.",
    "We've got it in stock and can swap it this Friday.",
    "So that twenty-five is coming back to you.",
    "You'll get the fee back by tomorrow.",
    "I'm putting the fee back now.",
])
def test_an_offer_in_everyday_words_is_an_offer(reply):
    assert detect("offers_solution", reply, SOFA).found


@pytest.mark.parametrize("reply", [
    "You could easily have missed it if your neighbour hadn't brought it round.",
    "I dropped it on the floor.",
    "They lost it and can't refund you.",
    "Why am I not getting it back?",
])
def test_what_nearly_happened_or_what_cannot_be_done_is_no_offer(reply):
    assert not detect("offers_solution", reply, SOFA).found


@pytest.mark.parametrize("reply", [
    "You could easily have missed it if your neighbour hadn't brought it round.",
    "I'm sorry the reminder for your appointment only arrived the day before.",
    "You might have lost the whole morning.",
])
def test_saying_back_what_happened_or_nearly_did_is_a_reflection(reply):
    assert detect("reflects_content", reply, REMINDER).found


@pytest.mark.parametrize("reply", [
    "You could have it replaced.",
    "I'm sorry you have never felt so ignored.",  # their own words handed back
    "I'm sorry for the trouble.",
])
def test_an_option_a_parroted_clause_or_a_bare_apology_is_no_reflection(reply):
    assert not detect("reflects_content", reply, REMINDER).found


@pytest.mark.parametrize("reply", [
    "I understand it is very annoying, your salary came only one day late.",
    "I understand it is frustrating.",
])
def test_a_verdict_on_how_it_feels_after_i_understand_names_the_feeling(reply):
    assert detect("acknowledges_emotion", reply, "My salary was one day late and you charged me $25.").found


@pytest.mark.parametrize("reply", ["I know it is late.", "I see it is fixed.", "It is difficult to say when."])
def test_a_plain_fact_after_i_know_is_no_feeling(reply):
    assert not detect("acknowledges_emotion", reply, "My salary was one day late and you charged me $25.").found


MUM = (
    "I'm moving out of 14 Larch Close. Please make sure my mum's supply at Ferry Lane "
    "isn't affected, she uses an oxygen machine at night."
)


@pytest.mark.parametrize("reply", [
    "Ferry Lane is its own account, and we're not touching it.",
    "Her oxygen machine keeps running through the night just like it does now.",
    "Your move doesn't change a thing for her.",
    "Her supply and her place on the priority list do not change.",
])
def test_what_stays_as_it_is_for_someone_they_worry_about_reassures(reply):
    assert detect("reassures", reply, MUM).found


@pytest.mark.parametrize("reply", ["Unfortunately we are not changing it.", "Your fee does not change."])
def test_a_refusal_that_nothing_changes_is_no_reassurance(reply):
    assert not detect("reassures", reply, MUM).found


@pytest.mark.parametrize("reply", [
    "Final meter reading is booked on 30 June.",
    "After this reading we close the account and send the final bill within 14 days.",
])
def test_a_step_already_booked_or_said_in_the_present_with_its_date_is_a_commitment(reply):
    assert detect("commits_to_action", reply, MUM).found


def test_opening_hours_are_no_commitment():
    assert not detect("commits_to_action", "We close at 5pm on Fridays.", MUM).found


@pytest.mark.parametrize("reply", [
    "I understand this bill was a big problem for you this month.",
    "It was a big strain for you.",
])
def test_the_weight_it_was_for_them_names_the_feeling(reply):
    assert detect("acknowledges_emotion", reply, "My bill nearly doubled and money is tight.").found


def test_a_problem_for_other_people_names_no_feeling():
    assert not detect("acknowledges_emotion", "This is a known problem for users.", "My bill nearly doubled.").found
