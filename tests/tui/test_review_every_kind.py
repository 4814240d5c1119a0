"""`listen review` lists answers of every kind, conversations included, reads each back in words, shows a grade
a trainer already changed, and lists its keys on F1 and ?."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from course.judging import answer_of, judge, replay
from course.progress.trainer_work import TrainerNote
from course.recording import attempt_of
from course.trainer import FeedbackDraft, bundle_from_document, export_bundle
from course.tui.screens.dialogs import Dialog
from course.tui.screens.review_answers import REVIEW_KEYS, ReviewAnswersApp, ReviewAnswersScreen

from .kinds_course import (
    CLASSIFY_ID,
    CONVERSATION_ID,
    ORDER_ID,
    PARAPHRASE_ID,
    PASSING_REPLY,
    PASSING_SUMMARY,
    SORTED,
    SPOT_ID,
    STEPS,
    kinds_course,
    text_of,
)

SIZE = (80, 24)


@pytest.fixture
def course(tmp_path: Path):
    return kinds_course(tmp_path / "course")


def answers_of_every_kind(course) -> dict[str, object]:
    conversation = answer_of(replay(course.exercise(CONVERSATION_ID), {"replies": [PASSING_REPLY, PASSING_SUMMARY]}))
    return {
        "welcome.first-step": [0],
        "welcome.good-habits": [0, 1],
        "empathy.late-gift": "So sorry, Dana, with the party on Saturday. I'll chase the courier now.",
        "empathy.cold-reply": "Thanks for writing. I'm sorry it broke.",
        ORDER_ID: list(reversed(STEPS)),
        CLASSIFY_ID: {item.text: item.label for item in SORTED},
        SPOT_ID: [2],
        PARAPHRASE_ID: "So you were charged twice and the rent is due.",
        CONVERSATION_ID: conversation,
    }


def draft_of_every_kind(course, store, learner, notes=()) -> FeedbackDraft:
    for exercise_id, answer in answers_of_every_kind(course).items():
        exercise = course.exercise(exercise_id)
        store.record_attempt(learner, attempt_of(exercise, answer, judge(exercise, answer), seconds=20))
    if notes:
        store.import_work(learner, notes=notes(store.attempts(learner)))
    bundle = bundle_from_document("dana.results.json", export_bundle(course, store, learner), course)
    return FeedbackDraft(bundle, course, trainer="Sam")


def test_every_kind_is_listed_for_review(course, store, dana) -> None:
    draft = draft_of_every_kind(course, store, dana)
    assert {answer.exercise.kind for answer in draft.answers} == {
        "choice", "multi", "reply", "rewrite", "order", "classify", "spot", "paraphrase", "conversation"}


async def test_each_answer_is_read_back_in_words(course, store, dana, tmp_path: Path) -> None:
    draft = draft_of_every_kind(course, store, dana)
    app = ReviewAnswersApp(draft, tmp_path / "dana.feedback.json")
    seen: dict[str, str] = {}
    async with app.run_test(size=(220, 60)) as pilot:  # wide: each answer line on one screen line
        await pilot.pause()
        for _ in draft.answers:
            screen = app.screen
            assert isinstance(screen, ReviewAnswersScreen)
            seen[draft.answers[screen.current].exercise.kind] = text_of(app)
            await pilot.press("ctrl+n")
            await pilot.pause()
    first_option = course.exercise("welcome.first-step").options[0].text.strip()
    assert f"Chose: {first_option}" in seen["choice"]
    assert f"1. {STEPS[-1]}" in seen["order"]
    assert f"{SORTED[0].text} → {SORTED[0].label}" in seen["classify"]
    assert "Marked line 2: Agent:" in seen["spot"]
    assert f"Reply 1: {PASSING_REPLY}" in seen["conversation"] and "A conversation with Priya" in seen["conversation"]
    assert "Reply 2: So: you were charged twice" in seen["conversation"]
    assert "chase the courier" in seen["reply"]
    for text in seen.values():
        assert "Course's grade:" in text and "(must," in text or "(should," in text  # plain words for severity


async def test_a_grade_a_trainer_changed_shows_in_the_list_and_beside_the_answer(course, store, dana, tmp_path) -> None:
    def notes(attempts):
        spot = next(a for a in attempts if a.exercise_id == SPOT_ID)
        return [TrainerNote(spot.id, SPOT_ID, "Sam", "Line 2 is fair too.", True, 0.9, "2026-03-02T10:00:00Z")]

    draft = draft_of_every_kind(course, store, dana, notes)
    index = next(n for n, answer in enumerate(draft.answers) if answer.exercise.id == SPOT_ID)
    app = ReviewAnswersApp(draft, tmp_path / "dana.feedback.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#answers", OptionList)
        label = str(listing.get_option_at_index(index).prompt)
        assert "→ ✓ 90%" in label and "✎" in label
        listing.highlighted = index
        await pilot.pause()
        assert "Changed by Sam: ✓ PASSED, 90%" in text_of(app)


@pytest.mark.parametrize("key", ["f1", "question_mark"])
async def test_f1_and_question_mark_list_the_keys(course, store, dana, tmp_path: Path, key: str) -> None:
    draft = draft_of_every_kind(course, store, dana)
    app = ReviewAnswersApp(draft, tmp_path / "dana.feedback.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, Dialog)
        shown = text_of(app)
        assert "Keys · listen review" in shown and "Save the feedback file" in shown
        for keys, _ in REVIEW_KEYS[:3]:
            assert keys in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewAnswersScreen)
        footer = [line for line in text_of(app).splitlines() if "^s Save" in line][-1]
        assert "Quit" in footer and "Help" in footer
