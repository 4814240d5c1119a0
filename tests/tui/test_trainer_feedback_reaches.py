"""A trainer's feedback reaches the learner: a notice on the dashboard, ✎ on the module and the exercise,
and one screen with every note beside the answer it is about (in the app and in listen --plain)."""

from __future__ import annotations

import io

from textual.widgets import OptionList

from course.plain import run_plain
from course.progress import Attempt
from course.progress.trainer_work import TrainerNote
from course.tui.app import ListenApp
from course.tui.screens.feedback import FeedbackScreen
from course.tui.screens.trainer_notes import TrainerNotesScreen

from .kinds_course import text_of

SIZE = (80, 24)


def with_notes(store, learner):
    """Two answers to the late gift (the trainer wrote on the first) and a choice the trainer re-graded."""
    first = store.record_attempt(learner, Attempt("empathy.late-gift", "Your order ships Friday.", 0.2, False))
    store.record_attempt(learner, Attempt("empathy.late-gift", "So sorry, Dana. It ships Friday.", 0.6, False))
    choice = store.record_attempt(learner, Attempt("welcome.first-step", [1], 0.0, False))
    store.import_work(learner, notes=[
        TrainerNote(first.id, "empathy.late-gift", "Sam", "Name the party before the date.", None, None,
                    "2026-03-02T10:00:00Z"),
        TrainerNote(choice.id, "welcome.first-step", "Sam", "", True, 1.0, "2026-03-03T10:00:00Z"),
    ])
    return first, choice


async def test_the_dashboard_says_feedback_came_and_marks_the_modules(course, store, dana) -> None:
    with_notes(store, dana)
    app = ListenApp(course, store, dana)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = text_of(app)
        assert "New feedback from Sam on 2 of your answers (2 new)" in shown and "n to read" in shown
        modules = app.screen.query_one("#modules", OptionList)
        prompts = [str(modules.get_option_at_index(i).prompt.title) for i in range(modules.option_count)]
        assert all("✎" in prompt for prompt in prompts)  # both modules hold an answer with a note
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TrainerNotesScreen)
        footer = [line for line in text_of(app).splitlines() if line.strip()][-1]
        assert "^q Quit" in footer
        await pilot.press("escape")
        await pilot.pause()
        shown = text_of(app)
        assert "Feedback from Sam on 2 of your answers" in shown and "new)" not in shown  # read now


async def test_every_note_shows_with_the_answer_it_is_about(course, store, dana) -> None:
    with_notes(store, dana)
    app = ListenApp(course, store, dana)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        shown = text_of(app)
        assert "2 notes on your answers, newest first" in shown
        assert "The first thing to do · answer 1 of 1" in shown and "changed the grade: passed, 100%" in shown
        assert f"Chose: {course.exercise('welcome.first-step').options[1].text.strip()}" in shown
        assert "The late birthday gift · answer 1 of 2" in shown and "Name the party before the date." in shown
        assert "Your order ships Friday." in shown  # the answer the note is about, not the latest one
        assert shown.index("The first thing to do") < shown.index("The late birthday gift")  # newest first
        assert shown.count("NEW") == 2
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen) and app.screen.exercise.id == "empathy.late-gift"


async def test_the_module_marks_the_exercise_with_a_note(course, store, dana) -> None:
    with_notes(store, dana)
    app = ListenApp(course, store, dana)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#feedback-notice")  # the notice is on the way to the modules
        await pilot.press("tab", "down", "enter")  # the second module: Empathy
        await pilot.pause()
        contents = app.screen.query_one("#contents", OptionList)
        titles = {option.id: str(option.prompt.title) for option in
                  (contents.get_option_at_index(i) for i in range(contents.option_count)) if option.id}
        assert "✎" in titles["exercise:empathy.late-gift"]
        assert not any("✎" in title for key, title in titles.items() if key != "exercise:empathy.late-gift")


async def test_no_notes_no_notice(course, store, dana) -> None:
    store.record_attempt(dana, Attempt("empathy.late-gift", "Your order ships Friday.", 0.2, False))
    app = ListenApp(course, store, dana)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#feedback-notice").display and "✎" not in text_of(app)


def test_listen_plain_reads_every_note_with_its_answer(course, store, dana) -> None:
    with_notes(store, dana)
    out = io.StringIO()
    run_plain(course, store, dana, stdin=io.StringIO("f\nq\n"), stdout=out)
    text = out.getvalue()
    assert "My trainer's feedback: 2 notes, 2 new (f)" in text
    assert "New: The late birthday gift, answer 1 of 2" in text and "Sam wrote: Name the party before the date." in text
    assert "    Your order ships Friday." in text and "Sam changed the grade: passed, 100%." in text
    again = io.StringIO()
    run_plain(course, store, dana, stdin=io.StringIO("q\n"), stdout=again)
    assert "My trainer's feedback: 2 notes (f)" in again.getvalue()
