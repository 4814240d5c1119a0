"""The customer's clock: the learner's pace, a pause, and skipping to the end of a turn; nothing sleeps."""

from __future__ import annotations

from course.content.model import Exercise
from course.conversation import ConversationRun, CustomerClock, finish_turn
from course.judging import ReplayClock, draft_text, replay
from tests.tui.kinds_course import FIRST_PIECES, PASSING_REPLY, Clock, conversation


def exercise(tmp_path) -> Exercise:
    return Exercise(id="capstone.double-charge", kind="conversation", title="Charged twice", prompt="Listen.",
                    path=tmp_path / "x.yaml", module_id="capstone", conversation=conversation())


def test_at_the_normal_pace_the_customer_keeps_real_time() -> None:
    real = Clock()
    clock = CustomerClock(real)
    real.advance(2.5)
    assert clock() == 2.5


def test_at_a_slow_pace_the_customer_takes_twice_as_long(tmp_path) -> None:
    real = Clock()
    run = ConversationRun(exercise(tmp_path), CustomerClock(real, rate=0.5))
    real.advance(FIRST_PIECES[0].after)
    assert run.arrived() == []
    real.advance(FIRST_PIECES[0].after)
    assert [piece.text for piece in run.arrived()] == [FIRST_PIECES[0].text]


def test_a_changed_rate_keeps_the_time_already_passed() -> None:
    real = Clock()
    clock = CustomerClock(real)
    real.advance(1.0)
    clock.set_rate(0.5)
    real.advance(1.0)
    assert clock() == 1.5 and clock.rate == 0.5


def test_while_paused_the_customer_says_nothing_more_and_goes_on_where_they_were(tmp_path) -> None:
    real = Clock()
    clock = CustomerClock(real)
    run = ConversationRun(exercise(tmp_path), clock)
    real.advance(1.0)
    clock.pause()
    real.advance(60.0)
    assert clock.paused and run.arrived() == [] and clock() == 1.0
    clock.resume()
    real.advance(0.5)
    assert not clock.paused and [piece.text for piece in run.arrived()] == [FIRST_PIECES[0].text]


def test_finishing_a_turn_says_every_piece_at_once_with_either_clock(tmp_path) -> None:
    for clock in (CustomerClock(Clock()), ReplayClock()):
        run = ConversationRun(exercise(tmp_path), clock)
        finish_turn(run, clock.skip)
        assert not run.typing() and [text for _, text in run.transcript] == [piece.text for piece in FIRST_PIECES]
        reply = run.send(PASSING_REPLY)
        assert not reply.interrupted


def test_a_replay_following_a_live_clock_skips_ahead_too(tmp_path) -> None:
    live = Clock()
    run = replay(exercise(tmp_path), {"replies": [], "shown": 0}, live=live)
    assert run.arrived() == []
    finish_turn(run, run.clock.skip)  # type: ignore[attr-defined]
    assert len(run.arrived()) == len(FIRST_PIECES)


def test_a_draft_is_kept_only_once_something_was_said_noted_or_typed(tmp_path) -> None:
    run = ConversationRun(exercise(tmp_path), ReplayClock())
    assert draft_text(run, seconds=3.0) == ""
    assert '"typed": "I am"' in draft_text(run, seconds=3.0, typed="I am")
    run.notes = "rent"
    assert '"seconds": 3.0' in draft_text(run, seconds=3.04)
