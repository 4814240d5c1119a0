"""`listen review`'s screen: read each answer, change its grade, comment, save the feedback file."""

from __future__ import annotations

import html
import re
from pathlib import Path

from textual.widgets import OptionList, RadioSet, TextArea

from course import grading
from course.progress import Attempt
from course.trainer import FeedbackDraft, bundle_from_document, export_bundle, feedback_for, import_file, read_document
from course.tui.screens.review_answers import ReviewAnswersApp, ReviewAnswersScreen

SIZE = (110, 36)


def text_of(app) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


def _draft(course, store, dana) -> FeedbackDraft:
    for text in (
        "[bold]Your order ships Friday.[/]",
        "I'm so sorry Dana, with the party on Saturday I see why you're upset.",
    ):
        exercise = course.exercise("empathy.late-gift")
        store.record_attempt(dana, Attempt.from_grade(exercise, text, grading.grade(exercise, text), seconds=30))
    bundle = bundle_from_document("dana.results.json", export_bundle(course, store, dana), course)
    return FeedbackDraft(bundle, course, trainer="Sam")


async def test_the_trainer_reads_grades_comments_and_saves(course, store, dana, tmp_path: Path) -> None:
    draft = _draft(course, store, dana)
    assert len(draft.answers) == 2  # every kind is listed: see test_review_every_kind.py
    target = tmp_path / "dana.feedback.json"
    app = ReviewAnswersApp(draft, target)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewAnswersScreen)
        shown = text_of(app)
        assert "[bold]Your order ships Friday.[/]" in shown  # the answer exactly as typed
        assert "Reviewing Dana's answers · 1 of 2" in shown
        assert "names-feeling" in shown and "NOT YET" in shown
        screen.query_one("#verdict", RadioSet).focus()
        await pilot.press("down", "enter")  # "Passed"
        screen.query_one("#comment", TextArea).focus()
        await pilot.press(*"Name it first.")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "2 of 2" in text_of(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value is True
    kind, document = read_document(target)
    assert kind == "feedback"
    [note] = document["notes"]
    assert note["comment"] == "Name it first." and note["passed"] is True and document["trainer"] == "Sam"
    first = store.attempts(dana)[0]
    imported = import_file(course, store, target)
    assert imported.counts.notes == 1
    seen = feedback_for(store, dana, first.id)
    assert seen is not None and seen.comment == "Name it first." and seen.passed is True


async def test_leaving_with_unsaved_notes_warns_once(course, store, dana, tmp_path: Path) -> None:
    draft = _draft(course, store, dana)
    target = tmp_path / "out.feedback.json"
    app = ReviewAnswersApp(draft, target)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#comment", TextArea).focus()
        await pilot.press("o", "k")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewAnswersScreen)  # still here: warned
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value is False and not target.exists()


async def test_choosing_an_answer_in_the_list_shows_it(course, store, dana, tmp_path: Path) -> None:
    draft = _draft(course, store, dana)
    app = ReviewAnswersApp(draft, tmp_path / "x.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#answers", OptionList).focus()
        await pilot.press("down")
        await pilot.pause()
        assert "with the party on Saturday" in text_of(app) and "2 of 2" in text_of(app)
