"""The streak counts days with the goal met; two rest days in any seven do not break it."""

from __future__ import annotations

from datetime import date, timedelta

from course.practice import REST_DAYS, WINDOW, Streak, streak_of

TODAY = date(2026, 3, 20)


def story(*kinds: str) -> dict[date, str]:
    """Kinds of the days before today, oldest first (the last is yesterday)."""
    return {TODAY - timedelta(days=len(kinds) - index): kind for index, kind in enumerate(kinds)}


def test_the_rule_is_two_rest_days_in_any_seven():
    assert (REST_DAYS, WINDOW) == (2, 7)


def test_every_day_met_counts_and_today_once_met():
    days = story("met", "met", "met")
    assert streak_of(days, TODAY) == Streak(3, 2)
    assert streak_of({**days, TODAY: "met"}, TODAY) == Streak(4, 2)


def test_today_not_yet_met_does_not_break_it():
    assert streak_of(story("met", "met"), TODAY).days == 2


def test_a_weekend_off_every_week_keeps_it_going():
    week = ("met",) * 5 + ("rest", "rest")
    assert streak_of(story(*(week * 3)), TODAY) == Streak(15, 0)


def test_a_third_rest_day_in_seven_ends_it():
    assert streak_of(story("met", "met", "rest", "rest", "rest"), TODAY) == Streak(0, 0)
    # the third rest ends the run before it: what is left is the one met day since
    assert streak_of(story("met", "met", "rest", "met", "rest", "rest"), TODAY) == Streak(1, 0)
    # the run since the break is what counts
    assert streak_of(story("met", "met", "rest", "rest", "rest", "met", "met"), TODAY).days == 2


def test_rest_days_further_apart_than_a_week_are_allowed():
    days = story("met", "rest", "rest", "met", "met", "met", "met", "met", "rest", "met")
    assert streak_of(days, TODAY).days == 7


def test_a_day_with_nothing_due_neither_counts_nor_breaks_it():
    assert streak_of(story("met", "free", "free", "free", "free", "met"), TODAY) == Streak(2, 2)


def test_rest_days_left_this_week():
    assert streak_of(story("met", "met", "rest"), TODAY) == Streak(2, 1)


def test_no_history_no_streak():
    assert streak_of({}, TODAY) == Streak(0, 0)
    assert streak_of(story("rest", "rest"), TODAY) == Streak(0, 0)
