"""``listen converse``: a conversation exercise played in a plain terminal, one reply a line.

The customer's pieces for each turn are printed whole before ``you>`` asks
for the reply, so a reply here never interrupts. Every reply is judged and
the conversation takes its branch exactly as in the app (the same
``course.conversation.ConversationRun``); at its end it is judged and
recorded as the app records it. When input ends before the conversation
does, nothing is recorded: the conversation so far is kept as the exercise's
draft, as the app keeps one left half-way, and ``listen converse`` or the app
goes on from there.

Like every command, the core is imported on use (see ``learning``).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from .answering import an, drop_draft
from .say import say
from .settings import exercise_or_stop, settings_of
from .stdin import TooLong, read_lines

if TYPE_CHECKING:
    from ..content import Exercise
    from ..conversation import ConversationRun
    from ..progress import ProgressStore

__all__ = ["COMMANDS", "MAX_REPLY_CHARS", "PROMPT"]

MAX_REPLY_CHARS = 5_000
"""The longest reply read: a turn's reply is a few sentences; a pasted page is not a reply."""

PROMPT = "you> "
"""Asks for the learner's reply."""


class _Printed:
    """How much of the run's transcript has been printed, so each line is printed once."""

    def __init__(self, run: ConversationRun, name: str) -> None:
        self.run = run
        self.name = name
        self.count = 0

    def customer(self) -> None:
        """Print what the customer has said since the last look (the learner's own lines are already shown)."""
        for who, text in self.run.transcript[self.count:]:
            if who == "customer":
                say(f"{self.name}: {text.strip()}")
        self.count = len(self.run.transcript)

    def everything(self) -> None:
        """Print the conversation so far, both sides (when picking a kept one up again)."""
        for who, text in self.run.transcript[self.count:]:
            say(f"{self.name}: {text.strip()}" if who == "customer" else f"{PROMPT}{text.strip()}")
        self.count = len(self.run.transcript)


def _let_customer_finish(run: ConversationRun) -> None:
    """Move the run's standing clock on until every piece of this turn has been said."""
    from ..judging import ReplayClock

    clock = run.clock
    assert isinstance(clock, ReplayClock)
    while (wait := run.seconds_to_next_piece()) is not None:
        clock.now += wait + 1e-6
    run.arrived()


def _replies(echo: bool) -> Iterator[str | None]:
    """Each reply typed or piped in (None once input ends); blank lines and over-long ones are asked again."""
    lines = read_lines(MAX_REPLY_CHARS * 4)
    while True:
        say(PROMPT, nl=False)
        line = next(lines, None)
        if line is None:
            say("")
            yield None
            return
        if isinstance(line, TooLong) or len(line) > MAX_REPLY_CHARS + 2:
            say("")
            say(f"listen: that reply is too long; keep it under {MAX_REPLY_CHARS:,} characters", err=True)
            continue
        text = line.rstrip("\r\n").strip()
        if echo:
            say(text)  # piped in: the terminal showed nothing, so the transcript shows it here
        if text:
            yield text


def _keep_draft(store: ProgressStore, learner: str, exercise: Exercise, run: ConversationRun, seconds: float) -> None:
    """Keep the conversation so far as the exercise's draft, exactly as the app keeps one left half-way."""
    from ..judging import draft_of
    from ..progress import StoreError

    if not (run.replies or run.notes.strip()):
        return
    draft = draft_of(run, shown=len(run.arrived()), typed="")
    try:
        store.save_draft(learner, exercise.id, json.dumps({**draft, "seconds": round(seconds, 1)}, ensure_ascii=False))
    except StoreError as error:
        raise click.ClickException(
            f"input ended before the conversation did, and what you said could not be kept: {error}"
        ) from None


@click.command()
@click.argument("exercise_id")
@click.pass_context
def converse(ctx: click.Context, exercise_id: str) -> int:
    """Play a conversation exercise in the terminal: the customer speaks, you reply at `you> `.

    Replies are read one a line, typed or piped in. The customer follows the
    same branches as in the app, and the finished conversation is judged and
    recorded as the app records it. If input ends first, nothing is recorded:
    the conversation so far is kept, and this command or the app picks it up
    where it stopped (exit status 1). Exit status 0 once it is recorded.
    """
    from ..console import judgment_view, terminal
    from ..content.answers import Talk
    from ..conversation import ConversationRun, first_name, turn_task
    from ..judging import ReplayClock, answer_of, judge, replay, reply_verdict
    from ..progress import StoreError
    from ..recording import attempt_of, record_attempt

    settings = settings_of(ctx)
    course = settings.course()
    exercise = exercise_or_stop(course, exercise_id)
    if exercise.conversation is None:
        raise click.UsageError(f"'{exercise.id}' is {an(exercise.kind)} exercise, not a conversation: "
                               f"answer it with listen answer {exercise.id}")
    clock = settings.clock()
    store = settings.store(course)
    learner = settings.learner_name(store)
    kept = Talk.from_recorded(exercise, store.draft(learner, exercise.id) or "")
    run = replay(exercise, kept) if kept.replies else ConversationRun(exercise, ReplayClock())
    started = time.monotonic() - kept.seconds
    name = first_name(run.conversation.customer)
    say(f"{exercise.title} · {exercise.channel or 'chat'} · {run.conversation.customer}")
    say(exercise.prompt.strip())
    printed = _Printed(run, name)
    fresh_turn = not kept.replies
    if kept.replies:
        say("(Going on from where you left off.)")
        printed.everything()
    interactive = sys.stdin is not None and sys.stdin.isatty()
    if interactive:
        say("(One reply a line; Ctrl-D stops, keeping the conversation to go on later.)", err=True)
    replies = _replies(echo=not interactive)
    while not run.finished:
        task = turn_task(run.turn, name) if fresh_turn else ""
        if task:
            say(f"ℹ {task}")
        _let_customer_finish(run)
        printed.customer()
        text = next(replies)
        if text is None:
            _keep_draft(store, learner, exercise, run, time.monotonic() - started)
            raise click.ClickException(
                "input ended before the conversation did: nothing was recorded. What you said so far is "
                f"kept: run listen converse {exercise.id} again, or open it in the app, to go on"
            )
        reply = run.send(text)
        printed.count = len(run.transcript)
        verdict = reply_verdict(reply, name)
        say(f"  {verdict.words}{verdict.detail}")
        if verdict.advice:
            say(f"  {verdict.advice}{verdict.more}")
        fresh_turn = True
    _let_customer_finish(run)
    printed.customer()
    say("■ End of the conversation.\n")
    judgment = judge(exercise, run)
    terminal(soft_wrap=False).print(judgment_view(exercise, judgment))
    attempt = attempt_of(exercise, answer_of(run), judgment, seconds=round(time.monotonic() - started, 1))
    try:
        record_attempt(course, store, learner, attempt, now=clock)
    except StoreError as error:
        _keep_draft(store, learner, exercise, run, time.monotonic() - started)
        raise click.ClickException(f"{error} The conversation was not recorded; it is kept to record later.") from None
    drop_draft(store, learner, exercise)
    count = len(store.attempts(learner, exercise.id))
    say(f"\nSaved: attempt {count} at {exercise.id} for {learner}.")
    return 0


COMMANDS = (converse,)
