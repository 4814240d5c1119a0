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

import sys
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from ..content.answers import MAX_REPLY_CHARS
from ..stdin import TooLong, read_lines
from .answering import an, drop_draft
from .say import say
from .settings import exercise_or_stop, settings_of

if TYPE_CHECKING:
    from ..content import Exercise
    from ..conversation import ConversationRun
    from ..progress import ProgressStore

__all__ = ["COMMANDS", "MAX_REPLY_CHARS", "PROMPT"]

PROMPT = "you> "  # as course.turn_by_turn.YOU, which is not imported here: the core loads on use
"""Asks for the learner's reply."""


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
    from ..judging import draft_text
    from ..progress import StoreError

    text = draft_text(run, seconds=seconds)
    if not text:
        return
    try:
        store.save_draft(learner, exercise.id, text)
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
    from ..judging import answer_of, judge, replay
    from ..progress import StoreError
    from ..recording import attempt_of, record_attempt
    from ..turn_by_turn import TurnByTurn

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
    run = replay(exercise, kept if kept.replies else Talk())
    started = time.monotonic() - kept.seconds
    say(f"{exercise.title} · {exercise.channel or 'chat'} · {run.conversation.customer}")
    say(exercise.prompt.strip())
    interactive = sys.stdin is not None and sys.stdin.isatty()
    replies = _replies(echo=not interactive)
    played = TurnByTurn(run, say, lambda: next(replies))
    if kept.replies:
        say("(Going on from where you left off.)")
        played.so_far()
    if interactive:
        say("(One reply a line; Ctrl-D stops, keeping the conversation to go on later.)", err=True)
    if not played.play(fresh=not kept.replies):
        _keep_draft(store, learner, exercise, run, time.monotonic() - started)
        raise click.ClickException(
            "input ended before the conversation did: nothing was recorded. What you said so far is "
            f"kept: run listen converse {exercise.id} again, or open it in the app, to go on"
        )
    say("")
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
