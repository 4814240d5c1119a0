"""Other parts of the course add to the review through a small protocol: items with an id, a title and a due day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pytest

from course.practice import Reviewable, ReviewItem, ReviewSource, learner_review, todays_review
from course.progress import ProgressStore

from .conftest import answer, on_day


@dataclass(frozen=True)
class Promise:
    """What another branch's promises to customers look like from here: only the three fields."""

    id: str
    title: str
    due: date


class PromisesKept:
    """A fake source: the promises a learner made, each due back on its day."""

    def __init__(self, *promises: object) -> None:
        self.promises = promises
        self.asked_at: list[datetime] = []

    def review_items(self, now: datetime):
        self.asked_at.append(now)
        yield from self.promises


def test_a_sources_due_items_join_the_review_ahead_of_the_same_days_exercises(course):
    today = on_day(3)
    source = PromisesKept(
        Promise("promise:amara-callback", "Call Amara back about the refund", today.date()),
        Promise("promise:ben-parcel", "Tell Ben where his parcel is", today.date() + timedelta(days=2)),
    )
    attempts = [answer(course, "empathy.amara", 2, score=0.3, passed=False)]  # missed yesterday: due today too
    review = todays_review(course, attempts, now=today, sources=[source])
    assert source.asked_at == [today]  # the source gets the same clock
    assert review.items[0] == ReviewItem("promise:amara-callback", "Call Amara back about the refund", today.date(),
                                         kind="other")
    assert [item.id for item in review.items] == ["promise:amara-callback", "exercise:empathy.amara"]


def test_a_sources_item_can_say_why_and_what_opens_it(course):
    @dataclass(frozen=True)
    class Followup:
        id: str
        title: str
        due: datetime
        why: str
        exercise_id: str
        kind: str

    tokyo = timezone(timedelta(hours=9))
    now = datetime(2026, 3, 5, 20, tzinfo=tokyo)
    # 14:00 UTC on the 5th is 23:00 on the 5th in Tokyo: due today there
    due = datetime(2026, 3, 5, 14, tzinfo=timezone.utc)
    source = PromisesKept(Followup("promise:1", "Amara writes back", due, "you promised a call by Friday",
                                   "empathy.amara", "promise"))
    item = todays_review(course, [], now=now, sources=[source]).items[0]
    assert (item.due, item.why, item.exercise_id, item.kind) == (date(2026, 3, 5), "you promised a call by Friday",
                                                                 "empathy.amara", "promise")


def test_a_sources_later_items_are_when_the_next_review_is(course):
    source = PromisesKept(Promise("promise:later", "Later", on_day(9).date()))
    review = todays_review(course, [], now=on_day(2), sources=[source])
    assert review.items == () and review.next_due == on_day(9).date()


def test_a_source_item_counts_toward_the_goal_list(course):
    today = on_day(1)
    source = PromisesKept(*(Promise(f"promise:{n}", f"Promise {n}", today.date()) for n in range(4)))
    review = todays_review(course, [], now=today, goal=3, sources=[source])
    assert [item.id for item in review.items] == ["promise:0", "promise:1", "promise:2"] and review.waiting == 1


def test_an_item_without_a_title_is_refused(course):
    @dataclass(frozen=True)
    class Broken:
        id: str
        due: date

    with pytest.raises(ValueError, match="needs an id, a title and a due day"):
        todays_review(course, [], now=on_day(1), sources=[PromisesKept(Broken("x", on_day(1).date()))])


def test_the_protocol_names_the_three_fields():
    assert isinstance(Promise("a", "b", date(2026, 1, 1)), Reviewable)
    assert not isinstance(object(), Reviewable)
    source: ReviewSource = PromisesKept()  # what a type checker holds a source to
    assert list(source.review_items(on_day(0))) == []


def test_a_learners_review_is_read_from_their_store(course, tmp_path):
    with ProgressStore(tmp_path) as store:
        store.add_learner("Ana")
        store.record_attempt("Ana", answer(course, "empathy.amara", 0, score=0.3, passed=False))
        source = PromisesKept(Promise("promise:x", "Call back", on_day(1).date()))
        review = learner_review(course, store, "Ana", now=on_day(1), sources=[source])
        assert [item.id for item in review.items] == ["promise:x", "exercise:empathy.amara"]
        assert learner_review(course, store, "Nobody", now=on_day(1)).items == ()
