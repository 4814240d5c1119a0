"""A follow-up answer is a learning record like any other answer: an ``answered`` statement, valid xAPI."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from course.follow_up import exercise_for
from course.judging import judge
from course.recording import attempt_of, record_attempt
from course.xapi.statements import FOLLOW_UP_NAME
from course.xapi.vocabulary import CRITERIA, INTERACTION_TYPES, activity_of
from tests.xapi.validator import problems

MADE = datetime(2030, 1, 1, 9, 0, tzinfo=timezone.utc)


def _answer(course, store, exercise_id, text, when):
    exercise = exercise_for(course, store, "Dana", exercise_id, when)
    attempt = attempt_of(exercise, text, judge(exercise, text), seconds=40)
    return record_attempt(course, store, "Dana", attempt, now=lambda: when)


def test_a_follow_up_is_queued_as_an_answered_statement(course, store):
    _answer(course, store, "empathy.late-gift",
            "I'm so sorry the bike is late. I'll ring you tomorrow at 10 with the courier's answer.", MADE)
    [promise] = store.promises("Dana")
    saved = _answer(course, store, promise.follow_up_id,
                    "Hi Amara, sorry you had to chase me. I rang the courier this morning as I said I would: the "
                    "bike is on the van and should reach you on Friday.", MADE + timedelta(days=2))
    statements = [queued.statement for queued in store.outbox()]
    followed = [s for s in statements if activity_of(s["object"]["id"]) == ("exercise", promise.follow_up_id)]
    [statement] = followed
    assert statement["verb"]["display"]["en-US"] == "answered"
    assert statement["object"]["definition"]["name"]["en"] == FOLLOW_UP_NAME
    assert statement["object"]["definition"]["interactionType"] == INTERACTION_TYPES["reply"]
    assert statement["result"]["success"] is True and statement["result"]["score"]["scaled"] == round(saved.score, 4)
    assert {c["id"] for c in statement["result"]["extensions"][CRITERIA]} >= {"answers-the-promise", "clear-step"}
    assert problems(statement) == []
