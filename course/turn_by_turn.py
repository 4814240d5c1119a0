"""A conversation played in lines of text: the customer finishes each turn, then the learner replies.

``listen converse`` and ``listen --plain`` both play conversations this way.
Every piece of the customer's turn is said before the learner is asked, so a
reply here never interrupts; each reply gets the app's one-line verdict, and
the customer takes the same branch as in the app (the same
``course.conversation.ConversationRun``). Nothing here reads or prints by
itself: ``say`` prints a line (made safe by whoever prints it) and ``ask``
gives the next reply, or None once the learner stops.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .conversation import ConversationRun, finish_turn, first_name, turn_task
from .judging import reply_verdict

__all__ = ["YOU", "TurnByTurn", "finished_cue"]

YOU = "you> "
"""What the learner's lines start with, and the prompt that asks for one."""


def finished_cue(name: str) -> str:
    """The words that say the customer has finished, as the app's line under the chat says them."""
    return f"✓ {name} has finished: your turn."


@dataclass
class TurnByTurn:
    """One conversation, played a turn at a time through ``say`` and ``ask``."""

    run: ConversationRun
    """The conversation as it stands; its clock must be able to skip ahead (``skip(seconds)``)."""
    say: Callable[[str], None]
    """Prints one line."""
    ask: Callable[[], str | None]
    """The learner's next reply (never blank), or None when they stop."""
    cue: bool = False
    """Say that the customer has finished before each reply is asked for."""
    _said: int = field(default=0, init=False)
    """How much of the run's transcript has been said, so each line is said once."""

    def __post_init__(self) -> None:
        skip = getattr(self.run.clock, "skip", None)
        if not callable(skip):
            raise ValueError("a conversation played turn by turn needs a clock that can skip ahead")
        self._skip: Callable[[float], None] = skip

    @property
    def name(self) -> str:
        """The customer's first name, as the lines call them."""
        return first_name(self.run.conversation.customer)

    def so_far(self) -> None:
        """Say the conversation so far, both sides (going on with one kept from before)."""
        for who, text in self.run.transcript[self._said:]:
            self.say(f"{self.name}: {text.strip()}" if who == "customer" else f"{YOU}{text.strip()}")
        self._said = len(self.run.transcript)

    def _customer(self) -> None:
        """Say what the customer has said since the last look (the learner's own lines are already shown)."""
        for who, text in self.run.transcript[self._said:]:
            if who == "customer":
                self.say(f"{self.name}: {text.strip()}")
        self._said = len(self.run.transcript)

    def play(self, *, fresh: bool = True) -> bool:
        """Play on to the end (True), or until ``ask`` gives None (False: the conversation stands as it was).

        ``fresh``: the turn it stands on starts now, so its task is said first
        (False when going on from a kept conversation, whose task was said before).
        """
        run = self.run
        while not run.finished:
            task = turn_task(run.turn, self.name) if fresh else ""
            if task:
                self.say(f"ℹ {task}")
            finish_turn(run, self._skip)
            self._customer()
            if self.cue:
                self.say(finished_cue(self.name))
            text = self.ask()
            if text is None:
                return False
            reply = run.send(text)
            self._said = len(run.transcript)
            verdict = reply_verdict(reply, self.name)
            self.say(f"  {verdict.words}{verdict.detail}")
            if verdict.advice:
                self.say(f"  {verdict.advice}{verdict.more}")
            fresh = True
        finish_turn(run, self._skip)
        self._customer()
        self.say("■ End of the conversation.")
        return True
