"""A conversation as the store keeps it, played back again through a fresh run, and judged.

The recorded answer is plain data::

    {"replies": [...], "heard": [...], "interruptions": n, "notes": "...",
     "path": [...], "mood": m}

``heard`` says, for each reply, how many of the customer's pieces had appeared
when it was sent: that is all it takes to replay the conversation exactly,
interruptions included, through ``course.conversation.ConversationRun`` on a
clock that stands still. A draft (a conversation left half-way) adds the
pieces of the current turn already shown and the half-typed reply.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from course.content.answers import Talk
from course.content.model import Exercise, Turn
from course.conversation import PASS_SCORE, ConversationRun, Reply, mood_change, mood_words

from .judgment import Judgment, Point, severity_words
from .written import judge_graded

__all__ = [
    "ReplayClock",
    "replay",
    "answer_of",
    "draft_of",
    "draft_text",
    "path_of",
    "judge_run",
    "judge_conversation",
    "reply_verdict",
    "ReplyVerdict",
]

_JUST_AFTER = 1e-6
"""Added to a piece's moment so it counts as arrived whatever the rounding."""


class ReplayClock:
    """A clock that stands still while recorded replies are replayed, then follows a live clock."""

    def __init__(self) -> None:
        self.now = 0.0
        """The time it reads while replaying."""
        self._live: Callable[[], float] | None = None
        self._offset = 0.0

    def __call__(self) -> float:
        if self._live is None:
            return self.now
        return self._offset + self._live()

    def skip(self, seconds: float) -> None:
        """Move on by ``seconds`` at once (replaying, or following a live clock)."""
        if self._live is None:
            self.now += seconds
        else:
            self._offset += seconds

    def follow(self, live: Callable[[], float]) -> None:
        """From now on, move as ``live`` does, starting from the time reached."""
        self._offset = self.now - live()
        self._live = live


def _let_pieces_arrive(clock: ReplayClock, turn: Turn, started: float, count: int) -> None:
    """Move the clock to just after the ``count``-th piece of the turn appeared."""
    moment = 0.0
    for line in turn.customer[: max(0, count)]:
        moment += line.after  # summed as the run sums it, so the moments agree
    clock.now = max(clock.now, started + moment + (_JUST_AFTER if count > 0 else 0.0))


def replay(exercise: Exercise, answer: Any, *, live: Callable[[], float] | None = None) -> ConversationRun:
    """A fresh run with the recorded replies sent again, each after the same pieces as before.

    A finished conversation is played to its last word. A draft stops on the turn it
    was left on, with the pieces already shown; given ``live``, the customer then goes
    on typing in real time from there.
    """
    talk = answer if isinstance(answer, Talk) else Talk.from_recorded(exercise, answer)
    clock = ReplayClock()
    run = ConversationRun(exercise, clock)
    run.notes = talk.notes
    started = clock.now
    for index, text in enumerate(talk.replies):
        if run.finished:
            break  # the exercise has changed since: the rest no longer has a turn to answer
        count = talk.heard[index] if index < len(talk.heard) else len(run.turn.customer)
        _let_pieces_arrive(clock, run.turn, started, count)
        run.send(text)
        started = clock.now
    shown = talk.shown
    if run.finished or shown is None:
        shown = len(run.turn.customer)
    _let_pieces_arrive(clock, run.turn, started, shown)
    run.arrived()
    if live is not None:
        clock.follow(live)
    return run


def path_of(run: ConversationRun) -> list[str]:
    """The turns the conversation went through, the ending included once reached."""
    path = [reply.turn_id for reply in run.replies]
    return path + [run.turn_id] if run.finished else path


def answer_of(run: ConversationRun) -> dict[str, Any]:
    """The conversation as an attempt's answer."""
    turns = run.conversation.turns
    return {
        "replies": [reply.text for reply in run.replies],
        "heard": [len(turns[reply.turn_id].customer) - len(reply.unheard) for reply in run.replies],
        "interruptions": run.interruptions,
        "notes": run.notes,
        "path": path_of(run),
        "mood": run.mood,
    }


def draft_of(run: ConversationRun, *, shown: int, typed: str) -> dict[str, Any]:
    """A conversation left half-way: the answer so far, where it stood, and the reply being typed."""
    return {**answer_of(run), "turn": run.turn_id, "shown": shown, "typed": typed}


def draft_text(run: ConversationRun, *, seconds: float, typed: str = "") -> str:
    """A conversation left half-way as the draft the store keeps ("" when nothing was said, noted or typed)."""
    if not (run.replies or run.notes.strip() or typed.strip()):
        return ""
    draft = draft_of(run, shown=len(run.arrived()), typed=typed)
    return json.dumps({**draft, "seconds": round(seconds, 1)}, ensure_ascii=False)


def _points(run: ConversationRun) -> tuple[Point, ...]:
    """Every criterion of every reply, and whether each reply let the customer finish.

    The learner reads one line per reply (``judge_run``); these are what the store
    and the trainer's reports count.
    """
    points = []
    for reply in run.replies:
        for result in reply.grade.results:
            met = result.met
            points.append(Point(f"{reply.turn_id}.{result.id}", met, "✓ met" if met else "✗ missed",
                                severity_words(result.severity), result.feedback, severity=result.severity,
                                weight=float(result.weight), skill=result.skill, check=result.criterion.check,
                                shown=False))
        points.append(Point(f"{reply.turn_id}.let-them-finish", not reply.interrupted,
                            "✓ met" if not reply.interrupted else "✗ missed", severity_words("actionable"),
                            "You let the customer finish." if not reply.interrupted
                            else "You replied before the customer had finished.",
                            skill="patience", shown=False))
    return tuple(points)


def _short_of(run: ConversationRun) -> list[str]:
    """What kept a conversation from passing, in words (the verdict itself is the run's)."""
    reasons = []
    if not run.finished:
        reasons.append("The conversation did not reach its end.")
    turns = run.conversation.turns
    if any(turns[reply.turn_id].summary and not reply.grade.passed for reply in run.replies):
        reasons.append("The closing summary did not pass.")
    passing = sum(reply.grade.passed for reply in run.replies)
    if passing * 2 <= len(run.replies):
        reasons.append(f"{passing} of {len(run.replies)} replies passed: more than half must.")
    if run.score < PASS_SCORE:
        reasons.append(f"The replies scored {round(run.score * 100)}% together.")
    return reasons


def judge_run(run: ConversationRun) -> Judgment:
    """The verdict on a conversation as played: one line per reply, and what it rests on."""
    name = run.conversation.customer
    lines = []
    for number, reply in enumerate(run.replies, start=1):
        met = sum(result.met for result in reply.grade.shown)
        text = f"{met} of {len(reply.grade.shown)} points"
        if reply.interrupted:
            text += f"; you interrupted {name}"
        lines.append(Point(f"reply-{number}", reply.grade.passed, "✓ passed" if reply.grade.passed else "✗ missed",
                           f"reply {number}", text + ".", heading=reply.text, counted=False))
    count = len(run.replies)
    summary = f"{count} repl{'y' if count == 1 else 'ies'}, {run.interruptions} interruption"
    summary += "s" if run.interruptions != 1 else ""
    summary += f"; {name} ended {mood_words(run.mood)}." if run.finished else f"; {name} has not finished."
    summary += (f"\nTo pass: reach the end, pass the closing summary, pass more than half of your "
                f"replies and score {round(PASS_SCORE * 100)}% over all of them.")
    if not run.passed:
        summary += "".join(f"\n✗ {reason}" for reason in _short_of(run))
    exercise = run.exercise
    return Judgment(
        exercise.id, exercise.kind,
        passed=run.passed,
        score=run.score,
        pass_mark=PASS_SCORE,
        points=(*lines, *_points(run)),
        summary=summary,
        run=run,
        replies=tuple(judge_graded(reply.grade, reply.text, exercise_id=exercise.id, kind="reply")
                      for reply in run.replies),
    )


def judge_conversation(exercise: Exercise, answer: Talk) -> Judgment:
    """Judge a recorded conversation by playing it again."""
    return judge_run(replay(exercise, answer))


@dataclass(frozen=True)
class ReplyVerdict:
    """What the chat says about one reply as soon as it is sent."""

    passed: bool
    """Whether the reply passed its turn's rubric."""
    words: str
    """The verdict in words, with its symbol: ``✓ Good reply`` or ``✗ Not yet``."""
    detail: str
    """`` · 2 of 3 points · Priya: calmer ▲ up 1``: points met and how the customer's mood moved."""
    advice: str
    """The most important thing missed ("" when nothing was)."""
    more: str
    """`` (+2 more in the feedback)`` when more was missed ("" otherwise)."""


def reply_verdict(reply: Reply, name: str) -> ReplyVerdict:
    """The verdict under a reply: its words, the points, the mood, the first thing missed (essential first)."""
    results = reply.grade.shown
    missed = sorted((r for r in results if not r.met), key=lambda r: r.severity != "essential")
    return ReplyVerdict(
        passed=reply.grade.passed,
        words="✓ Good reply" if reply.grade.passed else "✗ Not yet",
        detail=f" · {sum(r.met for r in results)} of {len(results)} points · {name}: {mood_change(reply)}",
        advice=missed[0].feedback.strip() if missed else "",
        more=f" (+{len(missed) - 1} more in the feedback)" if len(missed) > 1 else "",
    )
