"""The cohort report's promises: per learner, how many were made, kept, renegotiated, and never followed up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from course.progress.promises import Promise

__all__ = ["PromiseRow", "UnkeptPromise", "promise_rows", "TOP_UNKEPT"]

TOP_UNKEPT = 20
"""How many promises never followed up the report lists (the most recent)."""


@dataclass(frozen=True)
class PromiseRow:
    """One learner's promises to customers."""

    learner: str
    made: int
    kept: int
    """Followed up, and done as said."""
    renegotiated: int
    """Followed up, and honestly changed with a new step."""
    waiting: int
    """Not due yet, or due and not yet followed up."""
    not_followed_up: int
    """Left a week past due: the customer heard nothing."""


@dataclass(frozen=True)
class UnkeptPromise:
    """A promise nobody followed up, for the trainer to see what was promised."""

    learner: str
    customer: str
    words: str
    made: str
    """When it was made (ISO-8601)."""


def promise_rows(learners: Sequence[tuple[str, Sequence[Promise]]],
                 now: datetime) -> tuple[tuple[PromiseRow, ...], tuple[UnkeptPromise, ...]]:
    """A row per learner who made any promise, and the latest promises never followed up, as of ``now``."""
    rows = []
    unkept: list[UnkeptPromise] = []
    for learner, promises in learners:
        if not promises:
            continue
        states = [promise.state(now) for promise in promises]
        rows.append(PromiseRow(learner, len(promises), states.count("kept"), states.count("renegotiated"),
                               states.count("open") + states.count("due"), states.count("not_followed_up")))
        unkept.extend(UnkeptPromise(learner, promise.customer, promise.words, promise.made)
                      for promise, state in zip(promises, states, strict=True) if state == "not_followed_up")
    unkept.sort(key=lambda item: item.made, reverse=True)
    return tuple(rows), tuple(unkept[:TOP_UNKEPT])
