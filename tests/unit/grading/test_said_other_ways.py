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


@pytest.mark.parametrize("reply", [
    "It's possible the yellow size L was selected by mistake when ordering.",
    "Usually when a standing order stops it's because the customer has amended it in the app.",
    "Perhaps the wrong address was entered by accident at checkout.",
])
def test_a_slip_of_theirs_guessed_at_in_the_passive_is_blame(reply):
    assert detect("blames_customer", reply).found


@pytest.mark.parametrize("reply", [
    "We may have sent the wrong size by mistake, and I'm sorry.",
    "It's possible our system selected the old address by mistake.",
    "Usually when this happens it's because our courier has scanned the wrong label.",
])
def test_our_own_slip_guessed_at_is_no_blame(reply):
    assert not detect("blames_customer", reply).found


@pytest.mark.parametrize("reply", [
    "I'll download the recording and listen to it on my phone on the way home.",
    "I might play it to my sister, she used to work in a call centre.",
    "If you give me Mr Osei's number, I can ring him and explain what's happened on your account.",
])
def test_a_call_taken_home_or_an_account_explained_to_someone_else_is_unsafe(reply):
    assert detect("unsafe_advice", reply).found


@pytest.mark.parametrize("reply", [
    "I'll listen to the recording on the quality system before we meet.",
    "I'll ring you and explain what has happened on your account.",
    "I'll call him back and explain the delay on his own claim.",
])
def test_a_call_heard_at_work_or_explained_to_the_customer_is_safe(reply):
    assert not detect("unsafe_advice", reply).found


@pytest.mark.parametrize("reply", [
    "They'll close the account today, so everything will be sorted by the end of this call.",
    "The pipe, the floor and the new cupboards will all be paid for in full.",
    "Update first thing and your export will work fine in time for your 9am meeting.",
])
def test_the_whole_outcome_promised_is_an_overpromise(reply):
    assert detect("overpromises", reply).found


@pytest.mark.parametrize("reply", [
    "This will be done well before payroll on Thursday.",
    "I'll check it's all working before you go.",
])
def test_a_step_of_our_own_with_its_time_is_no_overpromise(reply):
    assert not detect("overpromises", reply).found


@pytest.mark.parametrize("reply", [
    "Next: a corrected bill within 3 working days.",
    "So you're not left wondering, here's my next promise: an email from me by 5pm on Monday.",
])
def test_a_timed_step_under_a_label_is_a_commitment(reply):
    assert detect("commits_to_action", reply).found


def test_what_happened_under_a_label_is_no_commitment():
    assert not detect("commits_to_action", "Next: you moved out on 3 June.").found


def test_an_open_request_offered_as_the_other_choice_is_an_open_question():
    assert detect("asks_open_question", "Could you paste in one of the emails, or describe what it said?").found


def test_a_close_may_leave_the_door_open_where_the_rubric_allows_it():
    from course.content.model import Criterion, Rubric
    from course.grading.grade import grade_rubric

    def close(**params):
        return Rubric(criteria=(Criterion(id="close", check="questions", met="", missed="", params=params),))

    door = "I've credited the £27.40. If anything else on that bill looks off, send it over and I'll check it."
    bare = "I've credited the £27.40 and it shows on your 14 July bill."
    assert grade_rubric(close(at_least=1, or_open_door=True), door).passed
    assert not grade_rubric(close(at_least=1), door).passed
    assert not grade_rubric(close(at_least=1, or_open_door=True), bare).passed


@pytest.mark.parametrize("reply", [
    "I'm really sorry you've not been told anything. He is on the list.",
    "Oh, I'm sorry, love, you've been sat there with no idea what's happening.",
])
def test_an_apology_for_being_left_in_the_dark_names_their_trouble(reply):
    from pathlib import Path

    from course.content.model import Criterion, Exercise, Rubric, Scenario
    from course.grading import grade

    exercise = Exercise(
        id="t.clinic", kind="reply", title="Clinic", prompt="Reply.", path=Path("t.yaml"),
        scenario=Scenario(customer="Lucía", message="It's been an hour and nobody has told us anything. Is he listed?"),
        rubric=Rubric(criteria=(Criterion(id="feeling", check="acknowledges_emotion", met="", missed=""),)),
    )
    assert grade(exercise, reply).results[0].met


@pytest.mark.parametrize("reply", [
    "I can see why £27.40 of roaming charges feels like paying twice.",
    "No wonder that feels like paying twice.",
])
def test_their_own_sense_of_it_said_back_names_the_feeling(reply):
    message = "My bill has £27.40 of roaming charges on it. I feel like I paid twice."
    assert detect("acknowledges_emotion", reply, message).found
