"""Empathy a trainer hears though no feeling word is said, and the scripts that only look like it."""

from __future__ import annotations

import pytest

from course.grading import detect, grade

from .conftest import criterion, exercise

BEREAVED = ("My wife Margaret died three weeks ago and I need to close her account. Sorry, I don't really know "
            "what I'm doing, the direct debits for the house come out of it.")
ON_HOLD = ("Eighteen hours with no power! My dad's insulin is in that fridge. I've been on hold forty minutes "
           "just to speak to a human being.")
FEE = ("You charged me $18 because my salary came in one day late. My employer paid late, that's not my fault, "
       "and I want the fee back.")
LUGGAGE = ("I've called four times about my bag and nobody has told me anything. I'm in Lisbon with no clothes.")


def _feeling(message: str, answer: str) -> bool:
    graded = grade(exercise(criterion("feeling", "acknowledges_emotion"), message=message), answer)
    return next(r for r in graded.results if r.id == "feeling").met


@pytest.mark.parametrize("answer", [
    "I'm very sorry for your loss, Mr Ashworth. You've done exactly the right thing calling.",
    "My condolences, Mr Ashworth. I'll put you through to the team who close accounts.",
    "Sorry for your loss. Next: our bereavement team, who sort out the direct debits.",
])
def test_a_condolence_answers_a_death_just_told(answer):
    assert _feeling(BEREAVED, answer)


def test_a_condolence_to_someone_who_told_of_no_death_is_the_script_it_is():
    assert not _feeling(FEE, "I'm very sorry for your loss. How can I help you today?")


@pytest.mark.parametrize("answer", [
    "Sorry about the wait. I can send a cool box with ice packs for the insulin within three hours.",
    "Apologies for keeping you waiting. The insulin comes first: a cool box is on its way to you now.",
])
def test_sorry_for_the_wait_to_someone_who_waited_and_then_their_own_trouble(answer):
    assert _feeling(ON_HOLD, answer)


@pytest.mark.parametrize("answer", [
    "Sorry about the wait. How can I help you today?",
    "I do apologise for the wait and for any inconvenience caused. I understand your frustration. "
    "Let me see how I can help.",
])
def test_sorry_for_the_wait_in_a_script_names_nothing(answer):
    assert not _feeling(ON_HOLD, answer)


@pytest.mark.parametrize("answer", [
    "Four calls should have got you this news days ago, Kenji, and they didn't. We're sorry. Your bag lands at 19:45.",
    "Nobody rang you back after four calls about the bag. I'm sorry for that. It lands in Lisbon at 19:45.",
])
def test_a_short_apology_after_the_sentence_that_names_their_trouble(answer):
    assert _feeling(LUGGAGE, answer)


def test_a_short_apology_after_news_of_the_fix_names_no_trouble():
    answer = "Your bag lands in Lisbon at 19:45 and the courier brings it to your hotel. We're sorry."
    assert not _feeling(LUGGAGE, answer)


@pytest.mark.parametrize("answer", [
    "I understand the salary was late and that was not your fault. The fee stays, as one refund a year is the limit.",
    "Fair criticism. Nobody should pay an $18 fee because a salary came in one day late. Here is what I can do.",
])
def test_taking_their_side_about_their_own_trouble(answer):
    assert _feeling(FEE, answer)


@pytest.mark.parametrize("answer", [
    "Your employer paid late, that's not your fault, and you want the fee back.",  # their words handed back
    "I understand your frustration. That was not your fault. The fee stays.",  # beside a stock line
])
def test_taking_their_side_in_their_own_words_or_beside_a_stock_line_earns_nothing(answer):
    assert not _feeling(FEE, answer)


@pytest.mark.parametrize("reply", [
    "While your employer paid late, it's really up to you to keep a buffer in the account.",
    "It was on you to check the balance before the payment went out.",
])
def test_their_duty_laid_on_them_is_blame(reply):
    assert detect("blames_customer", reply, FEE).found


@pytest.mark.parametrize("reply", [
    "It's up to you to decide which of the two you'd like.",
    "It's entirely up to you whether we go ahead.",
    "It is not up to you to chase us.",
    "It's up to us to put this right.",
])
def test_their_choice_or_our_duty_is_no_blame(reply):
    assert not detect("blames_customer", reply, FEE).found


SOFA = "I ordered a sage green sofa, order 58213, and a grey one came. Where is mine?"


@pytest.mark.parametrize("reply", [
    "Looks like your green sofa went to Mrs Patel at 12 Elm Road, she's got yours!",
    "Your parcel went to Mr Jones at number 14 by mistake.",
    "It was delivered to your neighbour at 3 Park Lane.",
])
def test_where_someone_else_lives_is_theirs_to_keep(reply):
    assert detect("unsafe_advice", reply, SOFA).found


@pytest.mark.parametrize("reply", [
    "Mr Kwon, we'll deliver the sage green one to 12 Elm Road on Friday.",
    "Our driver Mr Lee will bring it to 4 Mill Lane between 8 and 12.",
])
def test_a_delivery_to_them_exposes_no_one(reply):
    assert not detect("unsafe_advice", reply, SOFA).found


@pytest.mark.parametrize("reply", [
    "Tell me which you'd like and I'll turn it on.",
    "Just say which and I'll switch them on for you.",
])
def test_switching_a_setting_on_for_them_is_an_offer(reply):
    assert detect("offers_solution", reply, FEE).found


MOULD = "There's black mould on the wall of the small bedroom and it keeps coming back however much I clean it."


@pytest.mark.parametrize("reply", [
    "Mrs Farah, do not worry, black mould is harmless.",
    "The damp is perfectly safe, so there's no rush.",
    "That mould won't hurt the children.",
])
def test_a_hazard_at_home_called_harmless_is_unsafe(reply):
    assert detect("unsafe_advice", reply, MOULD).found


@pytest.mark.parametrize("reply", [
    "Black mould is not harmless, so someone will come this week.",
    "Once we've treated it, the room will be safe to sleep in again.",
    "Please keep the children out of that room until we've looked at it.",
])
def test_a_hazard_taken_seriously_is_not(reply):
    assert not detect("unsafe_advice", reply, MOULD).found


PAUSE = "…Six fifteen. (sighs) Right. I suppose we'll manage. My father isn't great in the mornings, but… fine."


def test_their_own_worry_handed_back_names_no_feeling():
    answer = "So what you're saying is you suppose you'll manage, your father isn't great in the mornings, but fine."
    assert not _feeling(PAUSE, answer)


def test_stock_lines_around_their_words_handed_back_read_as_a_script():
    answer = ("I hear you, I completely understand, and I really appreciate you sharing that. So what you're saying "
              "is six fifteen, right, you suppose you'll manage, your father isn't great in the mornings, but fine. "
              "I totally get it. Lovely, I'll book you both on Saturday's 6:15 now!")
    graded = grade(exercise(criterion("voice", "scripted"), message=PAUSE), answer)
    assert not next(r for r in graded.results if r.id == "voice").met


CLINIC = ("My dad has been waiting since ten for his fasting blood test and the doctor. He hasn't eaten since "
          "last night. Is he even on the list?")


@pytest.mark.parametrize("reply", [
    "The nurse can take his fasting bloods now, before he sees the doctor. Then he can eat while he waits.",
    "Let's get some food into him first: our nurse can take the fasting bloods now, before he goes in.",
])
def test_food_after_the_fasting_test_is_safe(reply):
    assert not detect("unsafe_advice", reply, CLINIC).found


@pytest.mark.parametrize("reply", [
    "He can have a cup of tea and a biscuit while he waits.",
    "Get him a biscuit now while he waits, and the nurse can take his bloods now too.",
])
def test_food_before_the_fasting_test_is_not(reply):
    assert detect("unsafe_advice", reply, CLINIC).found


def test_an_approval_the_agent_has_just_sent_is_theirs_to_tap():
    text = "I've just had a text saying my card was used in Manchester. Stop the card."
    assert not detect("unsafe_advice", "I've sent an approval to your banking app, tap yes.", text).found
    assert detect("unsafe_advice", "Just reply YES to the text and the block comes off.", text).found


def test_the_other_holder_of_a_joint_account_is_no_third_party():
    joint = "My husband always paid the bills and he passed away in March.\n\nEnergy account in joint names."
    alone = "My neighbour's husband always paid their bills."
    reply = "His bank closed that account in April, so since then nothing has been paid."
    assert not detect("unsafe_advice", reply, joint).found
    assert detect("unsafe_advice", reply, alone).found


def test_asking_what_happens_during_a_wash_tells_them_to_run_nothing():
    leak = "The new washing machine is leaking all over the kitchen floor."
    assert not detect("unsafe_advice", "What's the leak doing, from the start of a wash to the end?", leak).found
    assert detect("unsafe_advice", "Pop a short wash on and see if it still leaks.", leak).found


def test_what_they_did_not_sound_is_heard_not_blamed():
    reply = "Hang on, I won't book it just yet. You didn't sound that keen, and 6:15 is early for your father."
    assert not detect("blames_customer", reply, PAUSE).found
    assert detect("acknowledges_emotion", reply, PAUSE).found


@pytest.mark.parametrize("reply", [
    "I heard that the early start may be difficult for your father.",
    "A 6:15 start is going to be hard on your dad.",
])
def test_how_hard_it_may_be_for_them_is_heard(reply):
    assert detect("acknowledges_emotion", reply, PAUSE).found


def test_da_is_their_father():
    graded = grade(exercise(criterion("father", "mentions", facts=[["father", "dad"]]), message=PAUSE),
                   "I don't want your da dragged out at the crack of dawn.")
    assert next(r for r in graded.results if r.id == "father").met


NO_NEWS = ("My father's appointment was at twenty past ten and it's now five past eleven. He hasn't eaten since "
           "last night because of the blood test, and nobody has told us anything. Is he even on the list?")


@pytest.mark.parametrize("answer", [
    "Sorry about that. Yes, he is on the list, with two patients before him.",
    "Sorry about the wait. Yes, he is on the list, with two patients before him.",
])
def test_an_opening_apology_owning_what_they_wrote_then_their_answer(answer):
    assert _feeling(NO_NEWS, answer)


@pytest.mark.parametrize("answer", [
    "Sorry. The doctor is running late today.",
    "Sorry about that. How can I help you today?",
])
def test_a_bare_sorry_or_one_before_a_script_owns_nothing(answer):
    assert not _feeling(NO_NEWS, answer)


@pytest.mark.parametrize("reply", [
    "Reports that long are beyond what the app is for, so you should keep your reports shorter going forward.",
    "You need to check your balance before you pay from now on.",
])
def test_told_how_to_behave_from_now_on_is_a_lecture(reply):
    assert detect("blames_customer", reply).found


@pytest.mark.parametrize("reply", [
    "You should get a text from us the day before, going forward.",
    "You won't need to do anything going forward.",
])
def test_what_they_can_expect_from_now_on_is_no_lecture(reply):
    assert not detect("blames_customer", reply).found
