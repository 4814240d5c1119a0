"""Text from outside, drawn by the app: escape sequences, controls and bidi overrides show as harmless characters.

What is checked is what the app draws (its screenshot is built from the
same lines the terminal is sent), never a widget's own copy of the text.
"""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from pathlib import Path

from course.progress import Attempt, Place
from course.progress.trainer_work import TrainerNote
from course.trainer import FeedbackDraft, bundle_from_document, export_bundle, make_assignment
from course.tui.app import ListenApp
from course.tui.screens.review_answers import ReviewAnswersApp

HOSTILE = "\x1b]0;pwned\x07\x1b[2J[bold red]boo[/bold red] [/nope] \u202egnp.exe\u2066 \x9b31m\x7f"
BAD = {chr(code) for code in [*range(0x20), *range(0x7F, 0xA0)] if chr(code) not in "\n\t"} | set(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def drawn(app) -> str:
    """Every character the app drew on its screen, as text."""
    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


def assert_drawn_safely(app) -> None:
    screen = drawn(app)
    assert not BAD & set(screen), sorted(BAD & set(screen))
    assert "␛]0;pwned" in screen and "␛[2J" in screen  # shown, not obeyed (Rich drops a BEL itself)
    assert "[/nope]" in screen  # shown as typed, not read as markup


async def test_an_assignment_from_a_hostile_trainer(course, store, dana):
    due = (date.today() + timedelta(days=5)).isoformat()
    assignment = make_assignment(course, [course.modules[0].id], due, 0.8, message=HOSTILE, trainer="Sam")
    store.import_work(dana, assignments=[assignment])
    app = ListenApp(course, store, dana)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await pilot.pause()
        assert_drawn_safely(app)


async def test_a_hostile_trainers_note_beside_the_answer(course, store, dana):
    exercise = next(e for e in course.exercises.values() if e.kind == "reply")
    first = store.record_attempt(dana, Attempt(exercise.id, f"My try. {HOSTILE}", 0.9, True))
    store.import_work(dana, notes=[TrainerNote(attempt_id=first.id, exercise_id=exercise.id,
                                               comment=f"Good. {HOSTILE}", trainer="Sam", passed=False)])
    store.save_place(dana, Place("feedback", exercise.id))
    app = ListenApp(course, store, dana)
    async with app.run_test(size=(140, 60)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert_drawn_safely(app)


async def test_a_notification_quoting_outside_words_is_not_markup(course, store, dana):
    app = ListenApp(course, store, dana)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await pilot.pause()
        app.notify(f"{HOSTILE} is added", title="Added")
        await pilot.pause()
        assert_drawn_safely(app)


async def test_a_hostile_answer_under_review(course, store, dana, tmp_path: Path):
    exercise = next(e for e in course.exercises.values() if e.kind == "reply")
    store.record_attempt(dana, Attempt(exercise.id, f"Sorry. {HOSTILE}", 0.4, False))
    document = export_bundle(course, store, dana)
    document["attempts"][0]["answer"] += " \ud800"  # a lone surrogate, as a JSON file may carry one
    bundle = bundle_from_document(tmp_path / "dana.results.json", document, course)
    app = ReviewAnswersApp(FeedbackDraft(bundle, course, trainer="Sam"), tmp_path / "dana.feedback.json")
    async with app.run_test(size=(140, 50)) as pilot:
        await pilot.pause()
        assert_drawn_safely(app)
        assert "\ud800" not in drawn(app)
