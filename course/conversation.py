"""A simulated customer who talks back: the rules of a conversation exercise, without a screen.

The customer says each turn in timed pieces. Sending a reply while pieces
are still to come is an interruption: it is recorded, fed back, and costs
mood. Each reply is graded against the turn's rubric; the outcome picks the
branch and moves the customer's mood. Time comes from an injectable clock so
nothing here (or in its tests) ever sleeps.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .content.model import Branch, Conversation, CustomerLine, Exercise, Route, Turn
from .grading import Grade, detect, grade_rubric
from .grading.figures import Case, case_of

__all__ = [
    "INTERRUPTION_COST",
    "PASS_SCORE",
    "MOOD_WORDS",
    "mood_words",
    "mood_change",
    "SPOKEN",
    "first_name",
    "still_doing",
    "turn_task",
    "turn_context",
    "route_holds",
    "branch_for",
    "Reply",
    "ConversationRun",
    "CustomerClock",
    "finish_turn",
]

INTERRUPTION_COST = 1
"""Mood lost when the learner sends while the customer is still typing."""

PASS_SCORE = 0.6
"""The mean reply score a finished conversation needs (besides its summary and most replies passing)."""

MOOD_WORDS = {
    -3: "furious",
    -2: "angry",
    -1: "uneasy",
    0: "neutral",
    1: "calmer",
    2: "reassured",
    3: "at ease",
}
"""How the mood meter reads in words, so it never relies on colour alone."""


def mood_words(mood: int) -> str:
    """The customer's mood in a word or two."""
    return MOOD_WORDS[max(-3, min(3, mood))]


def first_name(customer: str) -> str:
    """What the chat calls the customer."""
    return customer.split()[0] if customer.strip() else "The customer"


SPOKEN = ("phone", "in-person")
"""Channels where the customer speaks rather than types."""


def still_doing(exercise: Exercise) -> str:
    """What the customer is doing while their pieces come: ``typing``, or ``speaking``."""
    return "speaking" if exercise.channel in SPOKEN else "typing"


def turn_task(turn: Turn, name: str, shape: Callable[[str], str] = str.strip) -> str:
    """What the learner is asked to do at this step, before the customer speaks ("" when nothing more than reply).

    ``shape`` lays out the step's own prompt (the app unwraps its lines to fit the screen).
    """
    if turn.summary:
        text = f"Closing step: sum up what {name} told you and check you have it right."
        return f"{text} {shape(turn.prompt)}" if turn.prompt.strip() else text
    return shape(turn.prompt) if turn.prompt.strip() else ""


def turn_context(conversation: Conversation, turn: Turn, heard: str = "") -> str:
    """What the reply to ``turn`` answers: that turn's words, or, for the summary, everything heard.

    ``heard`` is the customer's words so far on the path taken; without it (when
    proving example answers) every customer line of the conversation is used.
    """
    if turn.summary:
        if heard:
            return heard
        return " ".join(line.text for each in conversation.turns.values() for line in each.customer)
    return " ".join(line.text for line in turn.customer)


def grade_turn(exercise: Exercise, turn: Turn, reply: str, heard: str = "") -> Grade:
    """Grade one reply in a conversation against its turn's rubric."""
    conversation = exercise.conversation
    assert conversation is not None and turn.rubric is not None
    return grade_rubric(
        turn.rubric, reply, context=turn_context(conversation, turn, heard),
        facts=conversation.facts, skill=exercise.skill, case=_case(exercise, turn),
    )


_CASES: dict[tuple[int, int], tuple[Turn, Case]] = {}


def _case(exercise: Exercise, turn: Turn) -> Case:
    """What a conversation's case holds: every customer line, the scenario, and the turn's proven replies."""
    kept = _CASES.get((id(exercise), id(turn)))
    if kept is not None and kept[0] is turn:
        return kept[1]
    conversation = exercise.conversation
    assert conversation is not None
    lines = [line.text for each in conversation.turns.values() for line in each.customer]
    scenario = exercise.scenario
    texts = [*lines, exercise.prompt, turn.prompt]
    if scenario:
        texts += [scenario.message, scenario.history]
    case = case_of(*texts, answers=(turn.model_answer, *turn.examples.passing))
    if len(_CASES) >= 512:
        _CASES.clear()
    _CASES[(id(exercise), id(turn))] = (turn, case)
    return case


def route_holds(route: Route, reply: str, grade: Grade, *, interrupted: bool = False, context: str = "") -> bool:
    """Whether a reply did everything ``route`` asks for: criteria met or missed, techniques, facts said."""
    met = {result.id for result in grade.results if result.met}
    judged = {result.id for result in grade.results}
    if route.passed is not None and route.passed != grade.passed:
        return False
    if route.interrupted is not None and route.interrupted != interrupted:
        return False
    if any(name not in met for name in route.met):
        return False
    if any(name not in judged or name in met for name in route.missed):
        return False
    if any(not detect(technique, reply, context).found for technique in route.uses):
        return False
    if route.says:
        from .grading.facts import fact_spans
        from .grading.text import Text

        text = Text(reply)
        if not any(fact_spans(text, alternatives) for alternatives in route.says):
            return False
    return True


def branch_for(turn: Turn, reply: str, grade: Grade, *, interrupted: bool = False,
               context: str = "") -> Branch | Route | None:
    """Where the conversation goes after ``reply``: the first route that holds, else pass or fail."""
    for route in turn.routes:
        if route_holds(route, reply, grade, interrupted=interrupted, context=context):
            return route
    return turn.on_pass if grade.passed else turn.on_fail


@dataclass(frozen=True)
class Reply:
    """One reply the learner sent, and what came of it."""

    turn_id: str
    text: str
    grade: Grade
    interrupted: bool
    """Sent while the customer still had something to say."""
    unheard: tuple[str, ...]
    """The pieces the customer had not finished saying when the reply went."""
    mood_before: int
    mood_after: int


@dataclass
class ConversationRun:
    """One play-through of a conversation exercise."""

    exercise: Exercise
    clock: Callable[[], float] = time.monotonic
    mood: int = field(init=False)
    turn_id: str = field(init=False)
    replies: list[Reply] = field(init=False, default_factory=list)
    transcript: list[tuple[str, str]] = field(init=False, default_factory=list)
    """(who, text) for everything said and shown so far: "customer" or "you"."""
    notes: str = ""
    _turn_started: float = field(init=False, default=0.0)
    _shown: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        if self.exercise.conversation is None:
            raise ValueError(f"{self.exercise.id} is not a conversation")
        self.mood = self.conversation.mood
        self._enter(self.conversation.start)

    @property
    def conversation(self) -> Conversation:
        assert self.exercise.conversation is not None
        return self.exercise.conversation

    @property
    def turn(self) -> Turn:
        """The turn the customer is on."""
        return self.conversation.turns[self.turn_id]

    @property
    def finished(self) -> bool:
        """True once the customer has reached an ending (a turn without a rubric)."""
        return self.turn.rubric is None

    def _enter(self, turn_id: str) -> None:
        self.turn_id = turn_id
        self._turn_started = self.clock()
        self._shown = 0

    def _schedule(self) -> list[float]:
        """Seconds after the turn starts at which each piece appears."""
        moments, total = [], 0.0
        for line in self.turn.customer:
            total += line.after
            moments.append(total)
        return moments

    def arrived(self) -> list[CustomerLine]:
        """Pieces of this turn the customer has finished typing by now; adds new ones to the transcript."""
        elapsed = self.clock() - self._turn_started
        count = sum(1 for moment in self._schedule() if moment <= elapsed)
        for line in self.turn.customer[self._shown:count]:
            self.transcript.append(("customer", line.text))
        self._shown = max(self._shown, count)
        return list(self.turn.customer[:count])

    def typing(self) -> bool:
        """Whether the customer is still typing (more pieces to come this turn)."""
        return len(self.arrived()) < len(self.turn.customer)

    def seconds_to_next_piece(self) -> float | None:
        """How long until the next piece appears, or None if the customer has finished."""
        elapsed = self.clock() - self._turn_started
        upcoming = [moment - elapsed for moment in self._schedule() if moment > elapsed]
        return max(0.0, upcoming[0]) if upcoming else None

    def heard(self) -> str:
        """Everything the customer has said so far."""
        return " ".join(text for who, text in self.transcript if who == "customer")

    def send(self, text: str) -> Reply:
        """The learner replies: graded, recorded, and the customer moves on."""
        if self.finished:
            raise ValueError("the conversation has ended")
        arrived = self.arrived()
        unheard = tuple(line.text for line in self.turn.customer[len(arrived):])
        interrupted = bool(unheard)
        # An interruption still lets the customer finish their sentence: it is said, not lost.
        for piece in unheard:
            self.transcript.append(("customer", piece))
        self._shown = len(self.turn.customer)
        self.transcript.append(("you", text))
        turn = self.turn
        grade = grade_turn(self.exercise, turn, text, self.heard())
        context = turn_context(self.conversation, turn, self.heard())
        branch = branch_for(turn, text, grade, interrupted=interrupted, context=context)
        before = self.mood
        change = (branch.mood if branch else 0) - (INTERRUPTION_COST if interrupted else 0)
        self.mood = max(-3, min(3, self.mood + change))
        reply = Reply(turn.id, text, grade, interrupted, unheard, before, self.mood)
        self.replies.append(reply)
        if branch is not None:
            self._enter(branch.goto)
        return reply

    @property
    def interruptions(self) -> int:
        """How many replies were sent while the customer was still typing."""
        return sum(reply.interrupted for reply in self.replies)

    @property
    def score(self) -> float:
        """The mean score of the graded replies (0 before any)."""
        if not self.replies:
            return 0.0
        return sum(reply.grade.score for reply in self.replies) / len(self.replies)

    @property
    def passed(self) -> bool:
        """Finished, with the summary step passed and most replies passing."""
        if not self.finished or not self.replies:
            return False
        summary_ok = all(reply.grade.passed for reply in self.replies
                         if self.conversation.turns[reply.turn_id].summary)
        passing = sum(reply.grade.passed for reply in self.replies)
        return summary_ok and passing * 2 > len(self.replies) and self.score >= PASS_SCORE


def mood_change(reply: Reply) -> str:
    """``calmer ▲ up 1``, ``angry ▼ down 2`` or ``neutral, no change``."""
    change = reply.mood_after - reply.mood_before
    word = mood_words(reply.mood_after)
    if change > 0:
        return f"{word} ▲ up {change}"
    if change < 0:
        return f"{word} ▼ down {-change}"
    return f"{word}, no change"


class CustomerClock:
    """The customer's time: it runs at the learner's pace, stands still while paused, and can skip ahead.

    A conversation's run reads the time from it, so a slower pace means the
    customer takes longer over each piece, a pause keeps them from saying the
    next one, and skipping lets them finish at once (the pace "off").
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic, *, rate: float = 1.0) -> None:
        self._clock = clock
        self._rate = rate
        self._started = clock()
        self._at_start = 0.0
        """What this clock read when the rate last changed or it last resumed."""
        self._paused = False

    def __call__(self) -> float:
        if self._paused:
            return self._at_start
        return self._at_start + (self._clock() - self._started) * self._rate

    @property
    def paused(self) -> bool:
        """Whether the customer is waiting for the learner."""
        return self._paused

    @property
    def rate(self) -> float:
        """How fast the customer's time runs beside real time (1: as written, 0.5: half as fast)."""
        return self._rate

    def _restart(self) -> None:
        self._at_start = self()
        self._started = self._clock()

    def set_rate(self, rate: float) -> None:
        """From now on, run at ``rate`` (what has passed so far stays as it was)."""
        self._restart()
        self._rate = rate

    def pause(self) -> None:
        """Stand still until ``resume``."""
        self._restart()
        self._paused = True

    def resume(self) -> None:
        """Go on from where it stood."""
        self._paused = False
        self._started = self._clock()

    def skip(self, seconds: float) -> None:
        """Move on by ``seconds`` at once (the customer says what they had still to say)."""
        self._at_start += seconds


def finish_turn(run: ConversationRun, skip: Callable[[float], None]) -> None:
    """Let the customer say every piece of this turn now, moving their clock on with ``skip``."""
    while (wait := run.seconds_to_next_piece()) is not None:
        skip(wait + 1e-6)
    run.arrived()
