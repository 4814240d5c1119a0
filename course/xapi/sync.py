"""Sending the outbox to a Learning Record Store, batch by batch, losing and repeating nothing.

A statement leaves the outbox only once the LRS has answered that it has it
(200 or 204), or that it already had one with that id (409). If the
connection breaks after the LRS stored a batch but before we heard so, the
batch stays queued and is sent again: the LRS recognises the ids and keeps
one copy. Busy or failing answers (429, 5xx) and timeouts are retried with
growing waits (the LRS's ``Retry-After`` first); past that the statements
wait for the next sync.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from course.progress import ProgressStore, QueuedStatement

from .client import Answer, CredentialsRefused, EndpointWrong, LrsClient, LrsUnreachable

__all__ = ["Backoff", "SyncSummary", "CredentialsRefused", "EndpointWrong", "send_outbox"]

DEFAULT_BATCH = 50
"""Statements per request."""


@dataclass(frozen=True)
class Backoff:
    """How long to wait between tries of a batch the LRS could not take."""

    first: float = 0.5
    """The first wait, in seconds."""
    factor: float = 2.0
    """Each wait is this many times the one before."""
    longest: float = 30.0
    """No single wait is longer; a Retry-After longer than this ends the sync for now."""
    tries: int = 5
    """Requests per batch before it is kept for later."""
    budget: float = 120.0
    """Seconds a sync may take, in all (requests, answers and waits), before the rest is kept for later."""

    def wait(self, tried: int) -> float:
        """The wait after the ``tried``-th failed request (from 1)."""
        return min(self.longest, self.first * self.factor ** (tried - 1))


@dataclass
class SyncSummary:
    """What one sync did."""

    queued: int = 0
    """Statements in the outbox when it began."""
    sent: int = 0
    """Taken by the LRS."""
    already: int = 0
    """The LRS already had a statement with that id (409): taken out of the outbox too."""
    refused: int = 0
    """Refused by the LRS as invalid; they stay in the outbox."""
    kept: int = 0
    """Still in the outbox, to send next time (the refused ones included)."""
    problem: str = ""
    """Why some were kept, in plain words."""
    refusals: list[str] = field(default_factory=list)
    """What the LRS said about each refused statement."""

    @property
    def complete(self) -> bool:
        """Whether the outbox was emptied."""
        return self.kept == 0

    def line(self) -> str:
        """One line a trainer or learner can read."""
        if self.queued == 0:
            return "nothing to send: the outbox is empty."
        count = f"sent {self.sent} statement{'s' if self.sent != 1 else ''}"
        if self.already:
            count += f" ({self.already} the LRS already had)"
        if self.complete:
            return f"{count}; the outbox is empty."
        text = f"{count}; {self.kept} kept for later"
        if self.problem:
            text += f": {self.problem}"
        if self.refused:
            first = f" (first: {self.refusals[0]})" if self.refusals else ""
            text += f"; {self.refused} refused by the LRS as invalid{first}"
        return text + "."


class _Kept(Exception):
    """A batch could not be delivered now."""

    def __init__(self, problem: str, *, stop: bool) -> None:
        super().__init__(problem)
        self.problem = problem
        self.stop = stop
        """Whether to stop here: the LRS is out of reach or asked us to hold off."""


class _Sender:
    def __init__(self, store: ProgressStore, client: LrsClient, backoff: Backoff,
                 sleep: Callable[[float], None], on_progress: Callable[[int, int], None] | None,
                 on_wait: Callable[[str, float], None] | None, summary: SyncSummary) -> None:
        self.store, self.client, self.backoff, self.sleep = store, client, backoff, sleep
        self.on_progress, self.on_wait, self.summary = on_progress, on_wait, summary
        self.waited = 0.0
        """Seconds spent so far: the waits ``sleep`` was asked for, and the requests as they took."""

    def out_of_time(self, problem: str) -> str:
        """Why the rest waits, when the budget ran out."""
        spent = f"listen stopped after {self.backoff.budget:.0f} s"
        return f"{problem} ({spent})" if problem else spent

    def left(self) -> float:
        """Seconds of the budget still to spend."""
        return self.backoff.budget - self.waited

    def post(self, batch: Sequence[QueuedStatement]) -> Answer:
        """One request, cut short when the budget runs out; its time is counted as spent."""
        if self.left() <= 0:
            raise _Kept(self.out_of_time(""), stop=True)
        began = time.monotonic()
        try:
            return self.client.post_statements((item.statement for item in batch), within=self.left())
        finally:
            self.waited += time.monotonic() - began

    def progress(self) -> None:
        if self.on_progress is not None:
            done = self.summary.sent + self.summary.already + self.summary.refused
            self.on_progress(done, self.summary.queued)

    def taken(self, batch: Sequence[QueuedStatement], *, already: bool) -> None:
        self.store.mark_sent(item.id for item in batch)  # only now may they leave the outbox
        if already:
            self.summary.already += len(batch)
        else:
            self.summary.sent += len(batch)

    def deliver(self, batch: Sequence[QueuedStatement]) -> None:
        """Send ``batch`` until the LRS takes it; split it to find a statement it will not take."""
        problem, stop = "", False
        for tried in range(1, self.backoff.tries + 1):
            try:
                answer = self.post(batch)
            except LrsUnreachable as error:
                if not error.worth_retrying:
                    raise _Kept(error.reason, stop=True) from None
                problem, stop, wait = error.reason, not error.timed_out, self.backoff.wait(tried)
            else:
                if answer.status in (200, 204):
                    self.taken(batch, already=False)
                    return
                if answer.status in (401, 403):
                    raise CredentialsRefused(f"the LRS refused these credentials ({answer.status} {answer.reason})")
                if answer.status in (409, 400, 413, 422) and len(batch) > 1:
                    middle = len(batch) // 2  # one statement spoils a batch: halve until it is found
                    self.deliver(batch[:middle])
                    self.deliver(batch[middle:])
                    return
                if answer.status == 409:
                    self.taken(batch, already=True)
                    return
                if answer.status in (400, 413, 422):
                    self.summary.refused += 1
                    self.summary.refusals.append(_said(answer))
                    return
                if answer.status not in (408, 429) and answer.status < 500:
                    raise EndpointWrong(f"the LRS address {self.client.endpoint} answered {_said(answer)}: "
                                        "check it is the xAPI endpoint (it usually ends in /xAPI/ or /xapi/)")
                problem, stop = f"the LRS answered {_said(answer)}", answer.status == 429
                wait = answer.retry_after if answer.retry_after is not None else self.backoff.wait(tried)
                if wait > self.backoff.longest:
                    raise _Kept(f"{problem} and asked to wait {wait:.0f} s", stop=True)
            if wait > self.left() or self.left() <= 0:
                raise _Kept(self.out_of_time(problem), stop=True)
            if tried == self.backoff.tries:
                break
            if self.on_wait is not None:
                self.on_wait(problem, wait)
            self.sleep(wait)
            self.waited += wait
        raise _Kept(problem, stop=stop)


def _said(answer: Answer) -> str:
    text = f"{answer.status} {answer.reason}".strip()
    return f"{text} ({answer.detail})" if answer.detail else text


def send_outbox(store: ProgressStore, client: LrsClient, *, batch: int = DEFAULT_BATCH,
                backoff: Backoff = Backoff(), sleep: Callable[[float], None] = time.sleep,
                on_progress: Callable[[int, int], None] | None = None,
                on_wait: Callable[[str, float], None] | None = None) -> SyncSummary:
    """Send every queued statement; what was sent and what is kept.

    CredentialsRefused or EndpointWrong stop it at once (what was sent before
    stays sent). ``sleep`` is how it waits between tries; ``on_progress(done,
    total)`` follows each batch and ``on_wait(problem, seconds)`` each wait.
    """
    queued = store.outbox()
    summary = SyncSummary(queued=len(queued))
    sender = _Sender(store, client, backoff, sleep, on_progress, on_wait, summary)
    size = max(1, int(batch))
    failed_in_a_row = 0
    for start in range(0, len(queued), size):
        try:
            sender.deliver(queued[start : start + size])
            failed_in_a_row = 0
        except _Kept as kept:
            summary.problem = kept.problem
            failed_in_a_row += 1
            if kept.stop or failed_in_a_row >= 2:  # the LRS is down or busy, not one bad batch
                break
        finally:
            sender.progress()
    summary.kept = summary.queued - summary.sent - summary.already
    return summary
