""""I think this grade is wrong" on every feedback screen: the reason is kept with the answer, the screen says so,
and the trainer's review lists the answer first, flagged, with the reason."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from course.judging import answer_of, judge, replay
from course.plain import run_plain
from course.recording import attempt_of
from course.trainer import FeedbackDraft, bundle_from_document, export_bundle
from course.tui.screens.contest import ContestDialog
from course.tui.screens.review_answers import ReviewAnswersApp, grade_view

from .conftest import LEARNER
from .kinds_course import (
    CONVERSATION_ID,
    ORDER_ID,
    PASSING_REPLY,
    PASSING_SUMMARY,
    STEPS,
    app_at,
    kinds_course,
    text_of,
)


@pytest.fixture
def course(tmp_path: Path):
    return kinds_course(tmp_path / "course")


ANSWERS = {
    "empathy.late-gift": "Your order ships Friday.",
    "welcome.first-step": [1],
    ORDER_ID: list(reversed(STEPS)),
}


def said(app) -> str:
    """The line about contesting the grade, as one line (the screen wraps it)."""
    return " ".join(str(app.screen.query_one("#contest", Static).render()).split())


def record(course, store, exercise_id: str, answer) -> None:
    exercise = course.exercise(exercise_id)
    if exercise_id == CONVERSATION_ID:
        answer = answer_of(replay(exercise, {"replies": [PASSING_REPLY, PASSING_SUMMARY]}))
    store.record_attempt(LEARNER, attempt_of(exercise, answer, judge(exercise, answer), seconds=5))


@pytest.mark.parametrize("exercise_id", [*ANSWERS, CONVERSATION_ID])
async def test_w_on_any_feedback_screen_keeps_the_reason_with_the_answer(course, store, dana, exercise_id) -> None:
    record(course, store, exercise_id, ANSWERS.get(exercise_id))
    app = app_at(course, store, exercise_id, screen="feedback")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert "Think this grade is wrong? w tells your trainer why." in said(app)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ContestDialog)
        await pilot.press("enter")  # nothing typed: asked again, nothing kept
        await pilot.pause()
        assert isinstance(app.screen, ContestDialog) and "say why" in text_of(app)
        app.screen.query_one("#reason", Input).value = "I did name her worry."
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ContestDialog)
        assert "You told your trainer you think this grade is wrong: “I did name her worry.”" in said(app)
    (contest,) = store.contests(LEARNER)
    assert contest.reason == "I did name her worry." and contest.attempt_id == store.attempts(LEARNER)[-1].id


async def test_the_review_lists_contested_answers_first_with_the_reason(course, store, dana, tmp_path) -> None:
    for exercise_id, answer in ANSWERS.items():
        record(course, store, exercise_id, answer)
    contested = store.attempts(LEARNER, ORDER_ID)[-1]
    store.contest_grade(LEARNER, contested.id, "Thanks first is how we do it here.")
    bundle = bundle_from_document("dana.results.json", export_bundle(course, store, LEARNER), course)
    app = ReviewAnswersApp(FeedbackDraft(bundle, course, trainer="Sam"), tmp_path / "dana.feedback.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#answers", OptionList)
        assert str(listing.get_option_at_index(0).prompt).startswith("⚑ ✗ The shape of a good reply")
        assert "1 contested, listed first" in text_of(app)
        shown = " ".join(text.plain for text in grade_view(app.screen.draft.answers[0]).renderables)
        assert "⚑ The learner thinks this grade is wrong: “Thanks first is how we do it here.”" in shown


def test_listen_plain_feedback_offers_it_too(course, store, dana) -> None:
    record(course, store, "empathy.late-gift", ANSWERS["empathy.late-gift"])
    from course.progress import Place

    store.save_place(LEARNER, Place("feedback", "empathy.late-gift"))
    out = io.StringIO()
    run_plain(course, store, LEARNER, stdin=io.StringIO("c\nw\nThe party is in it.\nq\n"), stdout=out)
    text = out.getvalue()
    assert "I think this grade is wrong: tell my trainer why (w)" in text
    assert "You told your trainer you think this grade is wrong: “The party is in it.”" in text
    assert store.contests(LEARNER)[0].reason == "The party is in it."
