"""Today's review: FSRS plans each exercise and weak technique from the learner's own answers."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from fsrs import Rating

from course.practice import DEFAULT_GOAL, rating_of, todays_review
from course.progress import Attempt
from course.progress.trainer_work import TrainerNote

from .conftest import START, answer, on_day


def due_ids(review):
    return [item.id for item in review.items]


def test_ratings_follow_the_answer():
    assert rating_of(0.9, False) == Rating.Again
    assert rating_of(0.72, True) == Rating.Hard
    assert rating_of(0.85, True) == Rating.Good
    assert rating_of(1.0, True) == Rating.Easy


def test_nothing_to_review_before_any_answer(course):
    review = todays_review(course, [], now=on_day(0))
    assert review.items == () and review.next_due is None and review.streak.days == 0
    assert review.goal == DEFAULT_GOAL == 3


def test_a_miss_comes_back_tomorrow_as_another_customer(course):
    attempts = [answer(course, "empathy.amara", 0, score=0.4, missed=["acknowledges-emotion"])]
    assert todays_review(course, attempts, now=on_day(0, hour=20)).items == ()
    review = todays_review(course, attempts, now=on_day(1))
    item = next(item for item in review.items if item.id == "exercise:empathy.amara")
    # Ben shares the technique and the skill; Amara again is the same customer; Dev is another skill
    assert item.exercise_id == "empathy.ben"
    assert item.title == "Ben's message"
    assert "missed “Amara's message” yesterday" in item.why and "another customer" in item.why
    assert review.next_due is None or review.next_due > review.day


def test_better_answers_come_back_later(course):
    def back_after(score: float, passed: bool) -> int:
        attempts = [answer(course, "empathy.amara", 0, score=score, passed=passed)]
        review = todays_review(course, attempts, now=on_day(0, hour=20))
        row = next(row for row in review.schedule if row.id == "exercise:empathy.amara")
        return (row.due - review.day).days

    again, hard = back_after(0.3, False), back_after(0.72, True)
    good, easy = back_after(0.85, True), back_after(1, True)
    assert 1 <= again <= hard < good < easy


def test_the_whole_history_is_replayed_in_time_order(course):
    passes = [answer(course, "empathy.amara", day, score=0.85) for day in (10, 0, 3)]  # stored out of order
    once = todays_review(course, passes[1:2], now=on_day(10, hour=20)).schedule
    spaced = todays_review(course, passes, now=on_day(10, hour=20)).schedule
    due_once = next(row.due for row in once if row.id == "exercise:empathy.amara")
    due_spaced = next(row.due for row in spaced if row.id == "exercise:empathy.amara")
    # three spaced passes put the next review much further out than one pass ten days ago
    assert (due_spaced - on_day(10).date()).days > 7 and due_once <= on_day(10).date()


def test_answering_the_variant_reviews_the_exercise_it_stood_in_for(course):
    attempts = [answer(course, "empathy.amara", 0, score=0.4)]
    assert "exercise:empathy.amara" in due_ids(todays_review(course, attempts, now=on_day(2)))
    attempts.append(answer(course, "empathy.ben", 2.01, score=0.9))
    review = todays_review(course, attempts, now=on_day(2, hour=15))
    assert "exercise:empathy.amara" not in due_ids(review)
    assert review.done == 1


def test_a_variant_just_done_is_not_offered_again(course):
    def amara_item(attempts):
        review = todays_review(course, attempts, now=on_day(2))
        return next(i for i in review.items if i.id == "exercise:empathy.amara")

    attempts = [answer(course, "empathy.ben", 0, score=1.0), answer(course, "empathy.amara", 1, score=0.4)]
    assert amara_item(attempts).exercise_id == "empathy.cleo"  # Ben was answered two days ago: Cleo is next
    attempts.insert(1, answer(course, "empathy.cleo", 0.5, score=1.0))
    item = amara_item(attempts)
    assert item.exercise_id == "empathy.amara"  # both just done: the exercise itself comes back
    assert item.why == "you missed this yesterday: back for another go"


def test_choices_are_varied_with_choices(course):
    attempts = [answer(course, "empathy.pick-one", 0, score=0.0, passed=False)]
    item = next(i for i in todays_review(course, attempts, now=on_day(1)).items if i.id == "exercise:empathy.pick-one")
    assert item.exercise_id == "empathy.pick-two"


def test_the_weakest_technique_gets_its_own_review(course):
    attempts = [
        answer(course, "empathy.amara", 0, score=0.5, passed=False, missed=["acknowledges-emotion"]),
        answer(course, "attention.dev", 0.01, score=0.5, passed=False, missed=["acknowledges-emotion"]),
        answer(course, "empathy.cleo", 0.02, score=1.0),
    ]
    review = todays_review(course, attempts, now=on_day(1), goal=10)
    technique = next(item for item in review.items if item.kind == "technique")
    assert technique.id == "technique:acknowledges_emotion"
    assert "naming the customer's feeling" in technique.why and "0 of 2" in technique.why
    # it opens an exercise that practises it, and one no other item on the list opens
    assert technique.exercise_id in {"empathy.ben", "empathy.amara-again", "empathy.amara", "attention.dev"}
    assert len({item.exercise_id for item in review.items}) == len(review.items)
    # next steps were met every time: no card for them
    assert not any(row.id == "technique:commits_to_action" for row in review.schedule)


def test_the_goal_caps_the_list_and_the_rest_wait(course):
    attempts = [answer(course, ident, 0.01 * n, score=0.2, passed=False)
                for n, ident in enumerate(["empathy.amara", "empathy.cleo", "attention.dev", "empathy.pick-one"])]
    everything = todays_review(course, attempts, now=on_day(1), goal=20)
    assert len(everything.items) >= 4
    one = todays_review(course, attempts, now=on_day(1), goal=1)
    assert len(one.items) == 1 and one.waiting == len(everything.items) - 1
    assert one.items[0] == everything.items[0]


def test_meeting_the_goal_empties_today_and_counts_in_the_streak(course):
    attempts = [answer(course, ident, 0.01 * n, score=0.2, passed=False)
                for n, ident in enumerate(["empathy.amara", "empathy.cleo", "attention.dev", "empathy.pick-one"])]
    review = todays_review(course, attempts, now=on_day(1, hour=8), goal=2)
    for n, item in enumerate(review.items):
        attempts.append(answer(course, item.exercise_id, 1 + 0.01 * (n + 1), score=0.9))
    after = todays_review(course, attempts, now=on_day(1, hour=18), goal=2)
    assert after.goal_met and after.done == 2 and after.items == () and after.streak.days == 1


def test_rest_days_and_the_streak_over_days(course):
    attempts = [answer(course, "empathy.amara", 0, score=0.2, passed=False)]
    day = 1.0
    for _ in range(6):  # the learner reviews whatever is due, every day it is due
        due = todays_review(course, attempts, now=on_day(day, hour=8))
        for n, item in enumerate(due.items):
            attempts.append(answer(course, item.exercise_id, day + 0.01 * (n + 1), score=0.2, passed=False))
        day += 1
    streaks = [todays_review(course, attempts, now=on_day(day + off, hour=8)).streak for off in range(4)]
    # six days met; then one and two days off leave it standing, a third ends it
    assert [(s.days, s.rest_left) for s in streaks] == [(6, 2), (6, 1), (6, 0), (0, 0)]


def test_the_trainers_verdict_counts(course):
    attempt = answer(course, "empathy.amara", 0, score=0.6, passed=False)
    note = TrainerNote(attempt_id=attempt.id, exercise_id=attempt.exercise_id, passed=True, score=0.9)
    course_says = todays_review(course, [attempt], now=on_day(1))
    trainer_says = todays_review(course, [attempt], now=on_day(1), notes=[note])
    assert "exercise:empathy.amara" in due_ids(course_says)
    assert "exercise:empathy.amara" not in due_ids(trainer_says)


def test_days_are_the_learners_own():
    from .conftest import build_course

    course = build_course()
    tokyo = timezone(timedelta(hours=9))
    # 23:30 UTC on day 0 is already the morning of day 1 in Tokyo
    late = answer(course, "empathy.amara", 0, score=0.2, passed=False, start=START.replace(hour=23, minute=30))
    in_utc = datetime(2026, 3, 3, 10, tzinfo=timezone.utc)
    assert "exercise:empathy.amara" in due_ids(todays_review(course, [late], now=in_utc))
    assert "exercise:empathy.amara" not in due_ids(todays_review(course, [late], now=in_utc.astimezone(tokyo)))


def test_answers_after_now_are_not_counted_yet(course):
    attempts = [answer(course, "empathy.amara", 5, score=0.2, passed=False)]
    assert todays_review(course, attempts, now=on_day(1)).schedule == ()


def test_an_answer_to_an_exercise_no_longer_in_the_course_is_left_out(course):
    gone = Attempt("empathy.removed", "An answer.", 0.1, False, at=START.isoformat())
    assert todays_review(course, [gone], now=on_day(3)).items == ()


def test_the_clock_must_say_its_zone_and_the_goal_be_one_or_more(course):
    with pytest.raises(ValueError, match="time zone"):
        todays_review(course, [], now=datetime(2026, 3, 2, 9))
    with pytest.raises(ValueError, match="at least 1"):
        todays_review(course, [], now=on_day(0), goal=0)


def test_nothing_sleeps_or_reads_the_clock(course, monkeypatch):
    def no_sleep(seconds: float) -> None:
        raise AssertionError("the review slept")

    monkeypatch.setattr(time, "sleep", no_sleep)
    attempts = [answer(course, "empathy.amara", day, score=0.5, passed=False) for day in range(3)]
    assert todays_review(course, attempts, now=on_day(4)).items


def test_each_answer_to_the_days_list_counts_once_toward_the_goal(course):
    missing_both = ["acknowledges-emotion", "commits-to-action"]
    attempts = [
        answer(course, "empathy.amara", 0, score=0.2, passed=False, missed=missing_both),
        answer(course, "attention.dev", 0.01, score=0.2, passed=False, missed=["acknowledges-emotion"]),
        answer(course, "empathy.cleo", 0.02, score=0.2, passed=False, missed=["commits-to-action"]),
    ]
    listed = todays_review(course, attempts, now=on_day(1, hour=8), goal=10).items
    assert {"technique:acknowledges_emotion", "technique:commits_to_action"} <= {item.id for item in listed}
    # the first answer is judged on both techniques and reviews both cards; it still counts once
    attempts.append(answer(course, listed[0].exercise_id, 1.01, score=0.9))
    assert todays_review(course, attempts, now=on_day(1, hour=10), goal=10).done == 1
    # and answering the rest of the morning's list counts each of them, every card touched or not
    for n, item in enumerate(listed[1:], start=2):
        attempts.append(answer(course, item.exercise_id, 1 + 0.01 * n, score=0.9))
    assert todays_review(course, attempts, now=on_day(1, hour=20), goal=10).done == len(listed)


def test_a_technique_leaves_the_review_once_it_is_met_again(course):
    attempts = [
        answer(course, "empathy.amara", 0, score=0.5, passed=False, missed=["acknowledges-emotion"]),
        answer(course, "attention.dev", 0.01, score=0.5, passed=False, missed=["acknowledges-emotion"]),
    ]
    assert "technique:acknowledges_emotion" in due_ids(todays_review(course, attempts, now=on_day(1), goal=10))
    attempts += [answer(course, "empathy.amara", 1.01, score=1.0), answer(course, "attention.dev", 1.02, score=1.0)]
    later = todays_review(course, attempts, now=on_day(9), goal=10)
    assert not any(row.id.startswith("technique:") for row in later.schedule)
