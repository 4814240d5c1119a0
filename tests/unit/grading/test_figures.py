"""Figures a reply states, checked against the case: a wrong date, time, amount, count or reference fails."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from course.content.model import Criterion, Exercise, Rubric, Scenario
from course.grading import grade
from course.grading.figures import case_of, figures, misquoted

NOTES = (
    "Boiler repair booked for Thursday 12 June, 8 am to 12 noon. Refund of £725.50 approved on 3 June; "
    "refunds reach the card within 10 working days. Claim HC-20418. The repair itself takes 7 to 10 working days."
)
MESSAGE = "My boiler broke on Sunday and I've been without heating since. I've called three times."
CASE = case_of(NOTES, MESSAGE)


def wrong(reply: str) -> list[str]:
    return [reply[a:b] for a, b in misquoted(reply, CASE)]


def test_the_case_figures_said_back_are_right():
    assert wrong("The engineer comes Thursday 12 June between 8 am and 12 noon.") == []
    assert wrong("Your £725.50 was approved on 3 June.") == []
    assert wrong("Your claim is HC-20418 and the repair takes 7 to 10 working days.") == []
    assert wrong("Since Sunday, with three calls already, that's a long wait.") == []


def test_a_wrong_date_time_amount_reference_or_count_is_caught():
    assert wrong("Your boiler repair is booked for 14 June.") == ["14 June"]
    assert wrong("The boiler repair is booked between 2 pm and 4 pm.") == ["2 pm", "4 pm"]
    assert wrong("Your refund of £752.50 is on its way.") == ["£752.50"]
    assert wrong("Please quote HC-20481 if you call.") == ["HC-20481"]
    assert wrong("The repair itself takes 2 to 3 days.") == ["2 to 3 days"]


def test_a_time_said_another_way_is_the_same_time():
    assert wrong("He'll come between 8:00 and 12:00.") == []
    assert wrong("Refunds reach your card within two weeks.") == []  # 10 working days
    assert wrong("The repair takes up to ten working days.") == []


def test_the_agents_own_next_step_is_theirs_to_time():
    assert wrong("I'll call you back at 3 pm today with an update.") == []
    assert wrong("I've booked a second visit for Friday morning.") == []
    assert wrong("Would Wednesday afternoon suit you for a call?") == []


def test_a_figure_put_right_or_reckoned_is_not_a_misquote():
    assert wrong("The visit is on 12 June, not 14 June as I said before.") == []
    assert wrong("That comes to about £700 back to you.") == []
    assert wrong("Spread over 10 months that is £72.55 a month.") == []  # £725.50 / 10


def test_a_new_event_has_its_own_time():
    assert wrong("The courier is booked for 14 June.") == []  # nothing in the case is about a courier


def test_a_new_amount_or_reference_is_not_a_misreading_of_one():
    assert wrong("There's also a £40 goodwill credit for the trouble.") == []
    assert wrong("Your new reference for the complaint is CX-99812.") == []


def test_a_day_of_the_week_beside_its_date_goes_with_it():
    assert wrong("See you Thursday 12 June.") == []


def test_bare_hours_in_the_case_count_as_its_times():
    case = case_of("I have a board meeting at 9 tomorrow, and it's twenty to one now.")
    assert misquoted("For your 9am meeting I'll send a workaround tonight.", case) == []
    assert misquoted("It's 12:40 already, I know.", case) == []


def test_figures_read_from_ordinary_text():
    found = {(f.sort, f.value) for f in figures("On the 3rd at 16:25 we refunded £19.99 for 2 nights.")}
    assert ("day", (3,)) in found and ("clock", (985,)) in found and ("money", (1999,)) in found
    assert any(sort == "count:duration" for sort, _ in found)
    assert figures("his 4th birthday, on the 8th floor") == []


def _exercise(history: str) -> Exercise:
    return Exercise(
        id="figures.check", kind="reply", title="Check", prompt="Reply.", path=Path("x.yaml"),
        scenario=Scenario(customer="Sam", message="When is my engineer coming?", history=history),
        rubric=Rubric(
            criteria=(Criterion(id="answers", check="mentions", met="", missed="", params={"facts": [["engineer"]]}),),
            pass_mark=0.5,
        ),
    )


def test_every_reply_inherits_the_check_and_a_wrong_figure_fails_it():
    exercise = _exercise("Engineer visit booked for Tuesday 4 March, 8 am to 12 noon.")
    good = grade(exercise, "Your engineer is booked for Tuesday 4 March, between 8 am and 12 noon.")
    bad = grade(exercise, "Your engineer is booked for Tuesday 15 March, between 1 pm and 5 pm.")
    assert good.passed and bad.passed is False
    missed = [r for r in bad.results if not r.met]
    assert [r.criterion.id for r in missed] == ["harm.right-figures"]
    answer = "Your engineer is booked for Tuesday 15 March, between 1 pm and 5 pm."
    assert {"15 March", "1 pm"} <= {answer[a:b] for a, b in missed[0].evidence}


def test_with_no_figures_in_the_case_nothing_is_held_against_a_reply():
    exercise = _exercise("")
    assert grade(exercise, "Your engineer comes on 9 May at 3 pm.").passed


@given(st.text(max_size=400))
def test_any_text_is_read_without_error_and_spans_stay_inside_it(text):
    for start, end in misquoted(text, CASE):
        assert 0 <= start < end <= len(text)
    for figure in figures(text):
        assert 0 <= figure.start < figure.end <= len(text)


SENTENCES = [part.strip() + "." for text in (NOTES, MESSAGE) for part in text.split(". ") if part.strip()]


@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6))
def test_the_case_said_back_in_any_order_is_never_wrong(parts):
    reply = " ".join(parts)
    assert misquoted(reply, CASE) == []


def test_a_reference_is_never_the_agents_to_choose_even_in_their_own_next_step():
    assert wrong("I'll chase claim HC-20481 with the team today.") == ["HC-20481"]


def test_a_rough_figure_must_be_near_the_case_to_be_a_reckoning():
    assert wrong("Your refund comes to about £725.") == []
    assert wrong("Your refund comes to about £752.50.") == ["£752.50"]
    assert wrong("The boiler repair is booked for around 2 pm.") == ["2 pm"]


def test_a_denial_covers_the_figure_it_stands_before_not_one_further_on():
    assert wrong("The repair is booked for 12 June, not on the 14th.") == []
    assert wrong("Refund of £725.50 instead of three calls on 14 June for the boiler repair.") == ["14 June"]


def test_a_day_off_the_case_date_is_wrong_unless_it_is_a_stay_a_range_or_the_day_beside_it():
    assert wrong("Your boiler repair is booked for 13 June.") == ["13 June"]
    assert wrong("The repair is booked for the nights of 11 and 12 June.") == []
    assert wrong("Approved on 2 June for a 3 June refund of the repair.") == []


def test_a_share_of_an_amount_is_worked_to_the_penny_not_rounded_near_every_amount():
    case = case_of("Rent of £725 goes out on the 1st. A late fee of £40 was charged.")
    assert [f"{a}:{b}" for a, b in misquoted("The late fee was £45.", case)] != []
    assert misquoted("That's £362.50 twice a month.", case) == []


def test_a_stay_moved_a_day_at_both_ends_is_the_wrong_stay():
    from course.grading.figures import case_of, misquoted

    case = case_of("Booking: room 112, two nights, arriving 14 June and leaving 16 June.")
    assert misquoted("Your room 112 is held for two nights, arriving 15 June and leaving 17 June.", case)
    assert not misquoted("Room 112 is yours for the nights of 14 June and 15 June.", case)
    assert not misquoted("Room 112 is yours for the nights of 14 and 15 June.", case)
    assert not misquoted("I've booked room 112 for two nights, arriving 14 June and leaving 16 June.", case)


def test_a_booking_made_as_asked_keeps_the_case_dates():
    from course.grading.figures import case_of, misquoted

    case = case_of("Booking: room 112, two nights, arriving 14 June and leaving 16 June.")
    assert misquoted("I've booked your usual room 112 for two nights from 15 June to 17 June.", case)
    assert not misquoted("I've booked your usual room 112 for two nights from 14 June to 16 June.", case)
    assert not misquoted("I've booked you in for 20 June instead, as you asked.", case)
