"""The learner's skill profile, assignments, a trainer's note and the import window, as the app will show them."""

from __future__ import annotations

import html
import json
import re
from datetime import date, timedelta
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Input, Sparkline

from course import grading
from course.progress import Attempt
from course.progress.trainer_work import TrainerNote
from course.trainer import assignment_statuses, learner_profile, make_assignment
from course.trainer.profile import SkillProfile
from course.tui.screens.import_file import ImportScreen
from course.tui.widgets.assignments import AssignmentList
from course.tui.widgets.skill_profile import SkillProfilePanel
from course.tui.widgets.trainer_note import TrainerNoteCard

SIZE = (100, 30)


def text_of(app) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


class Holder(App[None]):
    def __init__(self, *widgets) -> None:
        super().__init__()
        self.widgets = widgets

    def compose(self) -> ComposeResult:
        yield from self.widgets


async def test_five_skills_as_bars_and_the_trend_as_a_sparkline(course, store, dana) -> None:
    exercise = course.exercise("empathy.late-gift")
    for text in ("It ships Friday.", "I'm so sorry Dana, with the party on Saturday I can see why you're upset."):
        store.record_attempt(dana, Attempt.from_grade(exercise, text, grading.grade(exercise, text)))
    profile = learner_profile(store, dana)
    assert profile.share("empathy") is not None and profile.share("patience") is None
    assert len(profile.trend) == 2
    app = Holder(SkillProfilePanel(profile))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = text_of(app)
        for name in ("Attention", "Empathy", "Paraphrasing", "Patience", "Follow-through"):
            assert name in shown
        assert "not practised yet" in shown and "%" in shown
        assert app.query_one(Sparkline).data == list(profile.trend)
        app.query_one(SkillProfilePanel).show(SkillProfile())
        await pilot.pause()
        assert "once you answer an exercise" in text_of(app)


async def test_assignments_show_due_dates_days_left_and_late(course, store, dana) -> None:
    soon = make_assignment(course, ["empathy"], (date.today() + timedelta(days=3)).isoformat(), 0.8,
                           message="Before Friday's huddle", trainer="Sam")
    late = make_assignment(course, ["welcome"], (date.today() + timedelta(days=1)).isoformat(), 0.8)
    late = type(late)(late.id, late.modules, (date.today() - timedelta(days=2)).isoformat(), 0.8)
    store.import_work(dana, assignments=[soon, late])
    statuses = assignment_statuses(course, store, dana)
    titles = {module.id: module.title for module in course.modules}
    app = Holder(AssignmentList(statuses, titles))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = text_of(app)
        assert "Empathy" in shown and "3 days left" in shown and "Sam: “Before Friday's huddle”" in shown
        assert "Welcome" in shown and "2 days late" in shown


async def test_a_trainers_note_shows_literally_and_hides_when_there_is_none() -> None:
    card = TrainerNoteCard(TrainerNote("a1", "empathy.late-gift", "Sam", "[b]Nice[/b] start", False))
    app = Holder(card)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = text_of(app)
        assert "Sam's feedback" in shown and "[b]Nice[/b] start" in shown and "not yet" in shown
        card.show(None)
        await pilot.pause()
        assert not card.display or card.has_class("-empty")


async def test_the_import_window_brings_an_assignment_in(course, store, dana, tmp_path: Path) -> None:
    due = (date.today() + timedelta(days=5)).isoformat()
    good = tmp_path / "team.assignment.json"
    good.write_text(json.dumps({"format": "listen.assignment", "schema_version": 1, "id": "t", "modules": ["empathy"],
                                "due": due, "pass_mark": 0.8}))
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    results = []
    app = Holder()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ImportScreen(course, store, dana), results.append)
        await pilot.pause()
        app.screen.query_one("#import-path", Input).value = str(bad)
        await pilot.press("enter")
        await pilot.pause()
        assert "Not imported: bad.json: it is not JSON" in text_of(app)
        assert store.assignments(dana) == []
        app.screen.query_one("#import-path", Input).value = str(good)
        await pilot.press("enter")
        await pilot.pause()
    assert results and results[0].summary() == f"Assignment added for {dana}."
    assert [a.id for a in store.assignments(dana)] == ["t"]
