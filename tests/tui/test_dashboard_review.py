"""Today's review on the dashboard: the items due with why, the goal and streak, and r to start the first."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from textual.widgets import Static

from course.progress import Attempt, Place
from course.tui.app import ListenApp

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
WEDNESDAY = datetime(2026, 3, 4, 10, 0, tzinfo=timezone.utc)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def settled(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def missed_on_monday(store, learner: str) -> None:
    store.record_attempt(learner, Attempt("empathy.late-gift", "Your order ships Friday.", 0.2, False,
                                          at=MONDAY.isoformat()))


async def test_a_new_learner_sees_no_review_box(course, store, dana, monkeypatch):
    app = ListenApp(course, store, dana, now=lambda: WEDNESDAY)
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **options: said.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert not app.screen.query_one("#review-box").display
        await pilot.press("r")
        await settled(pilot)
        assert said == ["Nothing to review today."]
        assert app.screen.query_one("#greeting")  # still on the dashboard


async def test_the_items_due_show_with_why_and_r_opens_the_first(course, store, dana):
    missed_on_monday(store, dana)
    app = ListenApp(course, store, dana, now=lambda: WEDNESDAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert app.screen.query_one("#review-box").display
        assert "Today's review · 0 of 3 done · no streak yet · r to start" in text_of(app, "#review-title")
        items = text_of(app, "#review-items")
        # the birthday bike came back as another exercise on the same skill, with another customer
        assert items.startswith("1. Warm up a cold reply · you missed “The late birthday gift” 2 days ago")
        await pilot.press("r")
        await settled(pilot)
        assert app.screen.place == Place("exercise", "empathy.cold-reply")
        store.record_attempt(dana, Attempt("empathy.cold-reply", "I'm so sorry.", 0.9, True,
                                           at=(WEDNESDAY - timedelta(minutes=5)).isoformat()))
        await pilot.press("escape")
        await settled(pilot)
        assert "Hello" in text_of(app, "#greeting")
        # Tuesday had the bike due and nothing done: a rest day, one of this week's two
        assert "goal met ✓ · streak 1 day, 1 rest left" in text_of(app, "#review-title")
        assert "Today's review is done." in text_of(app, "#review-items")


async def test_nothing_due_today_says_when_the_next_review_is(course, store, dana):
    store.record_attempt(dana, Attempt("welcome.first-step", [0], 1.0, True, at=MONDAY.isoformat()))
    app = ListenApp(course, store, dana, now=lambda: WEDNESDAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert "nothing due today" in text_of(app, "#review-title")
        assert "r to start" not in text_of(app, "#review-title")
        assert "Nothing due today. The next review is in 6 days, on Tuesday 10 March." == \
            text_of(app, "#review-items")


async def test_the_clock_decides_what_is_due(course, store, dana):
    missed_on_monday(store, dana)
    app = ListenApp(course, store, dana, now=lambda: MONDAY.replace(hour=18))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert "nothing due today" in text_of(app, "#review-title")


@dataclass(frozen=True)
class Promise:
    id: str
    title: str
    due: date
    why: str = ""


class Promises:
    def review_items(self, now: datetime):
        yield Promise("promise:dana", "Call Dana back about the bike", now.date(), why="you said you would today")


async def test_a_review_source_adds_its_items(course, store, dana):
    missed_on_monday(store, dana)
    app = ListenApp(course, store, dana, now=lambda: WEDNESDAY, review_sources=[Promises()])
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        items = text_of(app, "#review-items").splitlines()
        # due since Tuesday, so first; the promise is due today
        assert items[0].startswith("1. Warm up a cold reply · you missed")
        assert items[1] == "2. Call Dana back about the bike · you said you would today"
        # each item keeps to one line at 80 columns: the why is cut short, not wrapped
        screen = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        assert "2 days ago: t…" in screen and "another customer" not in screen
        await pilot.press("r")  # the first item that opens an exercise
        await settled(pilot)
        assert app.screen.place == Place("exercise", "empathy.cold-reply")


async def test_three_items_and_the_modules_fit_at_80_by_24(course, store, dana):
    for minutes, exercise_id in enumerate(["empathy.late-gift", "welcome.first-step", "empathy.in-order"]):
        store.record_attempt(dana, Attempt(exercise_id, "x", 0.1, False,
                                           at=(MONDAY + timedelta(minutes=minutes)).isoformat()))
    app = ListenApp(course, store, dana, now=lambda: WEDNESDAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert len(text_of(app, "#review-items").splitlines()) == 3
        modules = app.screen.query_one("#modules")
        assert modules.region.height >= 4  # both modules and their summaries still show
        assert modules.region.bottom <= 23  # above the footer
