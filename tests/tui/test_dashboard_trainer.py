"""The dashboard shows the learner's assignments and opens their skill profile."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Static

from course.trainer import make_assignment
from course.tui.app import ListenApp


def screen_text(app) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def test_no_assignments_means_no_assignment_box(course, store, dana):
    app = ListenApp(course, store, dana)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#assignments-box").display


async def test_an_assignment_shows_with_its_due_date(course, store, dana):
    due = (date.today() + timedelta(days=5)).isoformat()
    module = course.modules[0].id
    store.import_work(dana, assignments=[make_assignment(course, [module], due, 0.8, message="Before Friday's shift")])
    app = ListenApp(course, store, dana)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#assignments-box").display
        text = screen_text(app)
        assert f"due {due}" in text and "5 days left" in text
        assert "Before Friday's shift" in text


async def test_s_opens_the_skill_profile(course, store, dana):
    app = ListenApp(course, store, dana)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert "Your skills" in screen_text(app)
        lines = app.export_screenshot()
        assert "Empathy" in lines and "Follow-through" in lines
        await pilot.press("escape")
        await pilot.pause()
        assert "Hello" in screen_text(app)


async def test_the_trainers_note_shows_beside_the_answer(course, store, dana):
    from course.progress import Attempt, Place
    from course.progress.trainer_work import TrainerNote

    exercise = next(e for e in course.exercises.values() if e.kind == "reply")
    first = store.record_attempt(dana, Attempt(exercise.id, "My first try.", 0.9, True))
    store.import_work(dana, notes=[TrainerNote(attempt_id=first.id, exercise_id=exercise.id,
                                               comment="Read the [order] number back.", passed=False)])
    store.save_place(dana, Place("feedback", exercise.id))
    app = ListenApp(course, store, dana)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        note = str(app.screen.query_one("#trainer-note", Static).render())
        assert "Read the [order] number back." in note and "not yet" in note
        assert "earlier answer" not in note
    store.record_attempt(dana, Attempt(exercise.id, "My second try.", 1.0, True))
    app = ListenApp(course, store, dana)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert "on an earlier answer" in str(app.screen.query_one("#trainer-note", Static).render())
