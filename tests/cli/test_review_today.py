"""``listen review-today``: today's items with why each is due, the goal and the streak, on a clock the tests set."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from course.cli import cli
from course.commands import reviewing
from course.content import load_course
from course.judging.criteria import criteria_of
from course.paths import bundled_content_dir
from course.practice import todays_review
from course.progress import Attempt, CriterionOutcome, ProgressStore

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZONE)
"""Wednesday morning, the learner's own time."""

COURSE = load_course(bundled_content_dir())
MISSED = "empathy.late-gift"


def attempt(exercise_id: str, when: datetime, score: float, passed: bool) -> Attempt:
    outcomes = tuple(CriterionOutcome(ident, passed, c.severity, c.weight, c.skill or "empathy")
                     for ident, c in criteria_of(COURSE.exercise(exercise_id)).items())
    return Attempt(exercise_id, "An answer.", score, passed, outcomes, at=when.isoformat(),
                   id=f"{exercise_id}@{when.isoformat()}")


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reviewing, "local_now", lambda: NOW)


@pytest.fixture
def ana(private_data_dir: Path):
    """Ana missed the birthday bike and two more on Monday."""
    with ProgressStore(private_data_dir) as store:
        store.add_learner("Ana")
        store.set_last_learner("Ana")
        monday = NOW - timedelta(days=2)
        for minutes, exercise_id in enumerate([MISSED, "patience.broken-blender", "attention.flat-fine"]):
            store.record_attempt("Ana", attempt(exercise_id, monday + timedelta(minutes=minutes), 0.3, False))
        yield store


def review_today(*args: str):
    return CliRunner().invoke(cli, ["review-today", *args], catch_exceptions=False)


def test_todays_items_are_numbered_with_why_and_how_to_answer(ana):
    expected = todays_review(COURSE, ana.attempts("Ana"), now=NOW)
    outcome = review_today()
    assert outcome.exit_code == 0, outcome.output
    lines = outcome.stdout.splitlines()
    assert lines[0] == "Today's review for Ana, Wednesday 4 March 2026"
    first = expected.items[0]
    assert lines[2] == f" 1. {first.title}" and lines[3] == f"    {first.why}"
    assert lines[4] == f"    answer it: listen {'converse' if 'capstone' in first.exercise_id else 'answer'} " \
                       f"{first.exercise_id}"
    assert f" {len(expected.items)}. " in outcome.stdout
    assert "Goal: 0 of 3 done today" in lines and "Streak: meet today's goal to start one" in lines


def test_a_missed_exercise_comes_back_as_another_customer(ana):
    everything = todays_review(COURSE, ana.attempts("Ana"), now=NOW, goal=10)
    bike = next(item for item in everything.items if item.id == f"exercise:{MISSED}")
    variant = COURSE.exercise(bike.exercise_id)
    assert variant.id != MISSED and variant.skill == COURSE.exercise(MISSED).skill
    from course.practice.variants import customer_of

    assert customer_of(variant) and customer_of(variant) != customer_of(COURSE.exercise(MISSED))
    outcome = review_today("--goal", "10")
    assert f"you missed “{COURSE.exercise(MISSED).title}” 2 days ago: the same skill, another customer" \
        in outcome.stdout
    command = "converse" if variant.kind == "conversation" else "answer"
    assert f"answer it: listen {command} {variant.id}" in outcome.stdout


def test_the_goal_is_settable(ana):
    outcome = review_today("--goal", "1")
    assert outcome.exit_code == 0
    assert " 1. " in outcome.stdout and " 2. " not in outcome.stdout
    assert "more due after these." in outcome.stdout and "Goal: 0 of 1 done today" in outcome.stdout


def test_json_says_the_same(ana):
    outcome = review_today("--json", "--goal", "2")
    data = json.loads(outcome.stdout)
    assert data["learner"] == "Ana" and data["day"] == "2026-03-04" and data["goal"] == 2 and data["done"] == 0
    assert len(data["items"]) == 2 and data["waiting"] >= 1
    assert set(data["items"][0]) == {"id", "title", "due", "why", "exercise_id", "kind", "command"}
    assert data["streak"] == {"days": 0, "rest_left": 0} and data["goal_met"] is False


def test_the_streak_after_a_day_with_the_goal_met(ana):
    tuesday = NOW - timedelta(days=1)
    due = todays_review(COURSE, ana.attempts("Ana"), now=tuesday)
    for minutes, item in enumerate(due.items):
        ana.record_attempt("Ana", attempt(item.exercise_id, tuesday + timedelta(minutes=minutes), 0.9, True))
    outcome = review_today()
    assert "Streak: 1 day, 2 rest days left this week" in outcome.stdout


def test_nothing_answered_yet(private_data_dir):
    with ProgressStore(private_data_dir) as store:
        store.add_learner("Bo")
    outcome = review_today("--learner", "Bo")
    assert outcome.exit_code == 0
    assert "Nothing to review yet: answer a few exercises and they come back here." in outcome.stdout


def test_the_learner_option_works_either_side(ana):
    ana.add_learner("Bo")
    assert "for Bo," in review_today("--learner", "Bo").stdout
    both = CliRunner().invoke(cli, ["--learner", "Bo", "review-today"], catch_exceptions=False)
    assert "for Bo," in both.stdout


def test_an_unknown_learner_is_refused_and_not_created(ana):
    outcome = review_today("--learner", "Anna")
    assert outcome.exit_code == 2
    assert "no learner named 'Anna' (did you mean Ana?)" in outcome.stderr
    assert [learner.name for learner in ana.learners()] == ["Ana"]


def test_no_data_folder_is_refused_and_not_made(private_data_dir):
    outcome = review_today()
    assert outcome.exit_code == 2 and "no learner yet" in outcome.stderr
    assert not private_data_dir.exists()


@pytest.mark.parametrize("goal", ["0", "51", "three"])
def test_a_goal_out_of_range_is_a_usage_error(listen, goal):
    outcome = listen("review-today", "--goal", goal)
    assert outcome.status == 2
    assert len(outcome.err.strip().splitlines()) == 1 and "--goal" in outcome.err


def test_once_the_goal_is_met_the_day_is_done(ana):
    due = todays_review(COURSE, ana.attempts("Ana"), now=NOW - timedelta(hours=1))
    for minutes, item in enumerate(due.items):
        ana.record_attempt("Ana", attempt(item.exercise_id, NOW - timedelta(minutes=30 - minutes), 0.9, True))
    outcome = review_today()
    assert " 1. " not in outcome.stdout
    assert re.search(r"Today's review is done \(\d+ more items? due if you want them\)\.", outcome.stdout)
    # Tuesday had items due and none done: a rest day, one of the two this week
    assert "Goal met: 3 of 3 today" in outcome.stdout and "Streak: 1 day, 1 rest day left this week" in outcome.stdout


def test_a_customer_back_about_a_promise_is_in_the_review_with_its_command(tmp_path, monkeypatch) -> None:
    from course.clock import local_now

    monkeypatch.setattr(reviewing, "local_now", local_now)  # the course clock, which LISTEN_NOW moves
    data = tmp_path / "data"
    promise = ("Yusuf, I can't promise it'll be back before Monday yet. I'll ring the workshop this morning and "
               "message you here by 2pm today with a straight answer.")
    runner = CliRunner()
    monkeypatch.setenv("LISTEN_NOW", "2026-12-01T09:00")
    made = runner.invoke(cli, ["--data-dir", str(data), "--learner", "Ana", "answer",
                               "follow-through.promise-you-can-keep"], input=promise, catch_exceptions=False)
    assert made.exit_code == 0, made.output
    monkeypatch.setenv("LISTEN_NOW", "2026-12-03T09:00")
    shown = runner.invoke(cli, ["--data-dir", str(data), "--learner", "Ana", "review-today"], catch_exceptions=False)
    assert shown.exit_code == 0, shown.output
    assert "Yusuf Kaya is back: you promised" in shown.output
    assert "answer it: listen follow-up " in shown.output
