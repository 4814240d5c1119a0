"""A promise made in an answer comes back a day later, is answered like any exercise, and is settled."""

from __future__ import annotations

from datetime import timedelta

import pytest

from course.follow_up import due_follow_ups, exercise_for
from course.judging import judge
from course.progress import ProgressStore
from course.recording import attempt_of, record_attempt
from tests.unit.follow_up.samples import MADE, a_course

PROMISING = ("I'm so sorry, Priya, with a baby at home that's frightening. I'll ring you on Friday with the "
             "engineer's slot.")
KEPT = ("Hi Priya, sorry you had to chase me. I rang the depot on Friday as I said I would: the engineer is booked "
        "for Thursday morning.")
RENEGOTIATED = ("Priya, I'm sorry: I said I'd ring you on Friday with the engineer's slot and I didn't. The depot "
                "still hasn't confirmed the rota, so I'll ring you by 11 today with a slot or a straight answer.")
IGNORED = "Hi Priya, thanks for getting in touch. How can I help you today?"


@pytest.fixture
def course(tmp_path):
    return a_course(tmp_path)


@pytest.fixture
def store(tmp_path):
    opened = ProgressStore(tmp_path / "data")
    yield opened
    opened.close()


def answer(course, store, exercise_id, text, when):
    exercise = exercise_for(course, store, "Dana", exercise_id, when)
    assert exercise is not None
    attempt = attempt_of(exercise, text, judge(exercise, text), seconds=30)
    return record_attempt(course, store, "Dana", attempt, now=lambda: when)


def test_the_customer_comes_back_a_day_later(course, store):
    answer(course, store, "follow-through.no-heating", PROMISING, MADE)
    [promise] = store.promises("Dana")
    assert promise.words == "I'll ring you on Friday with the engineer's slot." and promise.customer == "Priya Shah"
    assert due_follow_ups(store, "Dana", MADE + timedelta(hours=23)) == []
    [item] = due_follow_ups(store, "Dana", MADE + timedelta(days=1))
    assert item.id == promise.follow_up_id and item.due == MADE + timedelta(days=1)
    assert item.title.startswith("Priya Shah is back: you promised “I'll ring you on Friday")


def test_keeping_the_promise_settles_it_as_kept(course, store):
    answer(course, store, "follow-through.no-heating", PROMISING, MADE)
    [promise] = store.promises("Dana")
    later = MADE + timedelta(days=2)
    saved = answer(course, store, promise.follow_up_id, KEPT, later)
    assert saved.passed and saved.exercise_id == promise.follow_up_id
    [settled] = store.promises("Dana")
    assert (settled.outcome, settled.settled_by) == ("kept", saved.id)
    assert due_follow_ups(store, "Dana", later) == []


def test_renegotiating_settles_it_and_the_new_promise_comes_back_in_turn(course, store):
    answer(course, store, "follow-through.no-heating", PROMISING, MADE)
    [promise] = store.promises("Dana")
    answer(course, store, promise.follow_up_id, RENEGOTIATED, MADE + timedelta(days=2))
    old, new = store.promises("Dana")
    assert old.outcome == "renegotiated" and new.outcome == ""
    assert new.exercise_id == promise.follow_up_id and "11 today" in new.words
    assert (new.title, new.context) == (promise.title, promise.context)  # still the same matter
    assert [item.id for item in due_follow_ups(store, "Dana", MADE + timedelta(days=3))] == [new.follow_up_id]


def test_an_answer_that_ignores_it_leaves_the_customer_waiting(course, store):
    answer(course, store, "follow-through.no-heating", PROMISING, MADE)
    [promise] = store.promises("Dana")
    saved = answer(course, store, promise.follow_up_id, IGNORED, MADE + timedelta(days=2))
    assert not saved.passed
    assert [p.state(MADE + timedelta(days=2)) for p in store.promises("Dana")] == ["due"]
    assert store.attempts("Dana", promise.follow_up_id) == [saved]  # recorded like any attempt


def test_a_promise_left_a_week_past_due_was_never_followed_up(course, store):
    answer(course, store, "follow-through.no-heating", PROMISING, MADE)
    [promise] = store.promises("Dana")
    late = MADE + timedelta(days=8)
    assert promise.state(late) == "not_followed_up" and due_follow_ups(store, "Dana", late) == []
    answer(course, store, promise.follow_up_id, KEPT, late)  # too late to settle it now
    assert store.promises("Dana")[0].state(late) == "not_followed_up"


def test_the_follow_up_reads_by_how_long_the_customer_waited(course, store):
    answer(course, store, "follow-through.no-heating", PROMISING, MADE)
    [promise] = store.promises("Dana")
    soon = exercise_for(course, store, "Dana", promise.follow_up_id, MADE + timedelta(days=1))
    late = exercise_for(course, store, "Dana", promise.follow_up_id, MADE + timedelta(days=5))
    assert soon is not None and late is not None
    assert "Yesterday you told me: “I'll ring you on Friday" in soon.scenario.message
    assert "Five days ago" in late.scenario.message and "wonder whether anyone" in late.scenario.message
    assert soon.rubric == late.rubric and soon.kind == "reply" and soon.module_id == "follow-through"
    assert exercise_for(course, store, "Dana", "follow-up.ffff", MADE) is None


def test_due_follow_ups_are_review_items_a_review_can_open(course, store):
    from course.follow_up import FollowUps

    answer(course, store, "follow-through.no-heating", PROMISING, MADE)
    later = MADE + timedelta(days=2)
    [item] = FollowUps(store, "Dana").review_items(later)
    assert (item.kind, item.exercise_id) == ("follow-up", item.id)
    assert item.why == "You promised Priya Shah this two days ago, and they are back about it."
    opened = exercise_for(course, store, "Dana", item.exercise_id, later)
    assert opened is not None and opened.kind == "reply" and opened.title == "Priya Shah is back about your promise"
    answer(course, store, item.id, KEPT, later)
    assert FollowUps(store, "Dana").review_items(later) == []


def test_every_public_name_of_the_package_is_there():
    import course.follow_up as follow_up

    assert all(getattr(follow_up, name) is not None for name in follow_up.__all__)
    with pytest.raises(AttributeError):
        _ = follow_up.no_such_name
