"""What learners run about their promises to customers: ``promises`` lists them, ``follow-up`` answers one.

A follow-up is answered as ``listen answer`` answers a written exercise (from
--file, $EDITOR or standard input), judged by the same judge, and recorded
the same way: the promise is settled in the same save as the answer.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from ..content.answers import Written
from ..safe_text import safe_json
from .answering import drop_draft
from .learning import _console, _read_answer
from .say import say
from .settings import settings_of
from .stop import Refused

if TYPE_CHECKING:
    from ..progress import Promise

__all__ = ["COMMANDS", "when_words", "short_id"]

SHORT_ID = 8
"""How many characters of a promise's id ``listen promises`` shows (enough to tell them apart)."""

_ORDER = ("due", "open", "not_followed_up", "renegotiated", "kept")
"""How the list is grouped: what waits on the learner first."""


def short_id(promise: Promise) -> str:
    """The start of a promise's id, as ``listen promises`` shows it."""
    return promise.id[:SHORT_ID]


def when_words(text: str) -> str:
    """``Wed 4 Mar, 09:00 UTC`` for a stored time."""
    from ..progress.promises import moment

    found = moment(text)
    return f"{found:%a} {found.day} {found:%b}, {found:%H:%M} UTC" if found is not None else text


def _entry(promise: Promise, now: datetime) -> dict[str, Any]:
    return {
        "id": promise.id, "follow_up": promise.follow_up_id, "state": promise.state(now),
        "customer": promise.customer, "channel": promise.channel, "words": promise.words,
        "exercise": promise.exercise_id, "made": promise.made, "due": promise.due,
        "outcome": promise.outcome, "settled": promise.settled, "settled_by": promise.settled_by,
    }


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the promises as a JSON object.")
@click.pass_context
def promises(ctx: click.Context, as_json: bool) -> int:
    """List the promises you made to customers, and where each stands.

    open: the customer is not back yet; due: they are back, answer with
    `listen follow-up ID`; kept or renegotiated: followed up; never followed
    up: the customer waited a week for nothing.
    """
    from ..progress import STATE_WORDS
    from ..progress.promises import stamp

    settings = settings_of(ctx)
    now = settings.clock()()
    store = settings.reading_store()
    learner = settings.reading_learner(store)
    made = store.promises(learner)
    if as_json:
        say(safe_json({"learner": learner, "now": stamp(now), "promises": [_entry(p, now) for p in made]}, indent=2))
        return 0
    if not made:
        say(f"{learner} has made no promises to customers yet. When an answer promises your own next step "
            "(“I'll ring you on Friday with the slot”), it shows here, and the customer comes back a day later.")
        return 0
    states = {promise.id: promise.state(now) for promise in made}
    counts = ", ".join(f"{sum(s == state for s in states.values())} {STATE_WORDS[state]}"
                       for state in _ORDER if state in states.values())
    say(f"Promises {learner} made to customers: {counts}")
    for promise in sorted(made, key=lambda p: (_ORDER.index(states[p.id]), p.due)):
        state = states[promise.id]
        where = f" ({promise.channel})" if promise.channel else ""
        say(f"\n  {STATE_WORDS[state]:<18}{promise.customer}{where} · made {when_words(promise.made)} · "
            f"{short_id(promise)}")
        say(f"  {'':<18}“{promise.words}”")
        if state == "due":
            say(f"  {'':<18}{promise.customer} is back: answer with listen follow-up {short_id(promise)}")
        elif state == "open":
            say(f"  {'':<18}{promise.customer} comes back {when_words(promise.due)}")
    return 0


def _chosen(made: list[Promise], wanted: str | None, now: datetime) -> Promise:
    """The promise ``wanted`` names (its id, the start of it, or its follow-up's id), or the one waiting longest."""
    from ..progress.promises import promise_id_of

    if wanted is None:
        waiting = [promise for promise in made if promise.state(now) == "due"]
        if not waiting:
            upcoming = sorted((p for p in made if p.state(now) == "open"), key=lambda p: p.due)
            later = f"; {upcoming[0].customer} comes back {when_words(upcoming[0].due)}" if upcoming else ""
            raise click.ClickException(f"no customer is waiting on a promise from you now{later} "
                                       "(see them with: listen promises)")
        return waiting[0]
    key = (promise_id_of(wanted.strip()) or wanted.strip()).lower()
    found = [promise for promise in made if promise.id.startswith(key)] if len(key) >= 4 else []
    if len(found) != 1:
        why = "is the start of several promises' ids" if found else "names none of your promises"
        raise Refused(f"'{wanted[:40]}' {why} (see them with: listen promises)")
    promise = found[0]
    state = promise.state(now)
    if state == "open":
        raise Refused(f"{promise.customer} is not back yet: the follow-up opens {when_words(promise.due)}")
    if state == "not_followed_up":
        raise Refused(f"too late: {promise.customer} waited a week, and this promise was never followed up")
    if state != "due":
        raise Refused(f"you already followed up this promise to {promise.customer} ({state})")
    return promise


@click.command(name="follow-up")
@click.argument("promise_id", metavar="[ID]", required=False)
@click.option("--file", "file", metavar="F", help="Read your reply from file F ('-' for standard input).")
@click.option("--editor", is_flag=True, help="Write your reply in $EDITOR.")
@click.pass_context
def follow_up(ctx: click.Context, promise_id: str | None, file: str | None, editor: bool) -> int:
    """Answer a customer who is back about a promise you made, and record it.

    With no ID, the customer waiting longest; ID is from `listen promises`.
    The reply comes from --file, from $EDITOR, or from standard input, and is
    judged like any exercise. Exit status 0 once it is safely stored.
    """
    from ..console import judgment_view
    from ..follow_up import follow_up_exercise
    from ..judging import judge
    from ..progress import StoreError
    from ..recording import attempt_of, record_attempt

    settings = settings_of(ctx)
    clock = settings.clock()
    course = settings.course()
    store = settings.store(course)
    learner = settings.learner_name(store)
    now = clock()
    promise = _chosen(store.promises(learner), promise_id, now)
    exercise = follow_up_exercise(promise, now, course)
    started = time.monotonic()
    answered = Written(_read_answer(file, editor, exercise))
    judgment = judge(exercise, answered)
    _console().print(judgment_view(exercise, judgment))
    attempt = attempt_of(exercise, answered.recorded(), judgment, seconds=round(time.monotonic() - started, 1))
    try:
        record_attempt(course, store, learner, attempt, now=lambda: now)
    except StoreError as error:
        raise click.ClickException(f"{error} Your reply was not recorded.") from None
    drop_draft(store, learner, exercise)
    settled = store.promise(learner, promise.id)
    if settled is not None and settled.outcome == "kept":
        said = "Promise kept."
    elif settled is not None and settled.outcome == "renegotiated":
        said = f"Promise renegotiated: {promise.customer} will be back about your new step."
    else:
        said = f"{promise.customer} is still waiting: try again with listen follow-up {short_id(promise)}."
    say(f"\nSaved: your follow-up to {promise.customer} for {learner}. {said}")
    return 0


COMMANDS = (promises, follow_up)
