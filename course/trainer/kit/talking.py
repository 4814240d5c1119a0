"""The role-play cards of a conversation: the customer's lines, turn by turn, with when to say each.

A conversation is a graph of turns; the customer's card follows it from the
start, and says for each later turn what brings it on, in the room's words:
the agent cut in, asked about it, heard you, missed it. What the customer
only says when asked (the lines of a turn the agent reaches by listening
well) is there too, under its cue. The agent's card has the task, what the
screen shows at the start, and what it shows later, keyed to the customer's
line that brings it.
"""

from __future__ import annotations

from collections import deque

from course.content.model import Conversation, Exercise, Route, Turn
from course.grading import HARM_PREFIX

from .briefs import PLAYING_IT, how_it_runs, how_you_feel, where_you_are, who_you_are
from .phrasing import asks, feelings
from .sheet import Points, Said, Section, Sheet, Words

__all__ = ["customer_for_conversation", "agent_for_conversation", "turns_in_order", "numbered", "opening_words",
           "MOODS", "SHORT_LINE"]

MOODS = {-3: "furious", -2: "angry", -1: "upset and on edge", 0: "calm, but you want this sorted",
         1: "fairly relaxed", 2: "at ease", 3: "at ease"}
"""A conversation's starting mood (-3 furious to +3 at ease), as the customer's card says it."""

_CUES = {
    "interrupted": "if the agent replies before you have finished",
    "asked": "if the agent asks you about it",
    "named": "if the agent names how you feel",
    "missed": "if the agent misses something you need",
    "met": "if the agent gets this part right",
    "pass": "when the agent has heard you",
    "fail": "if the agent misses what you said, or rushes you",
    "either": "whatever the agent said",
}
_HARM_CUES = {
    "safe-and-private": "if the agent asks for something no one should ask for (a PIN, a password, a code)",
    "no-blame": "if the agent puts the blame on you",
    "no-dismissal": "if the agent brushes your feeling aside",
    "no-outcome-promise": "if the agent promises what they can't control",
    "own-voice": "if the agent reads you a script",
    "own-words": "if the agent just says your words back",
}
_ENDING_CUES = {
    "pass": "if the agent's last reply left you clear and looked after",
    "fail": "if the agent's last reply left you unsure",
    "either": "whatever the agent said",
}
SHORT_LINE = 25
"""A customer's first line shorter than this ("ok") is quoted with the next, so it can be told apart."""


def turns_in_order(conversation: Conversation) -> list[Turn]:
    """Every turn reachable from the start, nearest first (where a pass leads, then routes, then a fail)."""
    seen, queue, order = {conversation.start}, deque([conversation.start]), []
    while queue:
        turn = conversation.turns[queue.popleft()]
        order.append(turn)
        for goto in _targets(turn):
            if goto not in seen and goto in conversation.turns:
                seen.add(goto)
                queue.append(goto)
    return order


def _targets(turn: Turn) -> list[str]:
    """Where a turn leads, the way it goes when the agent listens first, so the card reads in that order."""
    found = [turn.on_pass.goto] if turn.on_pass is not None else []
    found += [route.goto for route in turn.routes]
    return found + ([turn.on_fail.goto] if turn.on_fail is not None else [])


def _route_cue(route: Route) -> str:
    if route.interrupted:
        return _CUES["interrupted"]
    if "asks_question" in route.uses or "asks_open_question" in route.uses:
        return _CUES["asked"]
    if "acknowledges_emotion" in route.uses:
        return _CUES["named"]
    for missed in route.missed:
        if missed.startswith(HARM_PREFIX) and missed[len(HARM_PREFIX):] in _HARM_CUES:
            return _HARM_CUES[missed[len(HARM_PREFIX):]]
    if route.missed:
        return _CUES["missed"]
    return _CUES["met"]


def _cues(conversation: Conversation, numbers: dict[str, int]) -> dict[str, str]:
    """For each later turn, what brings it on: "After 2 or 3, if the agent asks you about it"."""
    found: dict[str, dict[str, list[int]]] = {}

    def add(goto: str, cue: str, source: str) -> None:
        sources = found.setdefault(goto, {}).setdefault(cue, [])
        if numbers.get(source) is not None and numbers[source] not in sources:
            sources.append(numbers[source])

    branches: dict[tuple[str, str], set[str]] = {}
    for turn in conversation.turns.values():
        for route in turn.routes:
            add(route.goto, _route_cue(route), turn.id)
        for key, branch in (("pass", turn.on_pass), ("fail", turn.on_fail)):
            if branch is not None:
                branches.setdefault((branch.goto, turn.id), set()).add(key)
    for (goto, source), keys in branches.items():
        target = conversation.turns.get(goto)
        words = _ENDING_CUES if target is not None and target.rubric is None else _CUES
        add(goto, words["either"] if keys == {"pass", "fail"} else words[next(iter(keys))], source)
    return {goto: "; or ".join(f"after {_numbers(sorted(sources))}, {cue}" for cue, sources in by_cue.items())
            for goto, by_cue in found.items()}


def _numbers(numbers: list[int]) -> str:
    words = [str(number) for number in numbers]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _lines(turn: Turn) -> tuple[str, ...]:
    return tuple(line.text for line in turn.customer)


def opening_words(turn: Turn) -> str:
    """A turn's first line in quotes (with the next when it is as short as "ok"), to know the turn by."""
    lines = _lines(turn)
    if not lines:
        return ""
    said = lines[0] if len(lines[0]) >= SHORT_LINE or len(lines) == 1 else f"{lines[0]} … {lines[1]}"
    return f"“{said}”"


def numbered(conversation: Conversation) -> dict[str, int]:
    """Each reachable turn's number on the customer's card (the opening is 1), as the observer's sheet uses it."""
    return {turn.id: number for number, turn in enumerate(turns_in_order(conversation), start=1)}


def customer_for_conversation(exercise: Exercise) -> Sheet:
    """The customer's brief: who they are, their mood, their first lines, and each later line with its cue."""
    conversation = exercise.conversation
    assert conversation is not None
    turns = turns_in_order(conversation)
    numbers = numbered(conversation)
    cues = _cues(conversation, numbers)
    start, later = turns[0], turns[1:]
    mood = MOODS.get(max(-3, min(3, conversation.mood)), MOODS[0])
    opening = _lines(start)
    sections = [
        who_you_are(conversation.customer, exercise.channel),
        how_you_feel(feelings(list(opening)), start=(
            f"At the start you are {mood}. You warm up when the agent hears you and cool off when they "
            "don't: the lines below follow your mood.")),
        Section("What you say first", (
            Words("One piece at a time, with a short pause between them, the way you would type or talk."),
            Said(opening, cue="1. To open:"),
        )),
    ]
    wants = asks(list(opening))
    if wants:
        sections.append(Section("What you want", (Points(tuple(wants)),)))

    def said(turn: Turn) -> Said:
        cue = cues.get(turn.id, "next, whatever the agent said")
        return Said(_lines(turn), cue=f"{numbers[turn.id]}. {cue[:1].upper()}{cue[1:]}:")

    middle = [turn for turn in later if turn.rubric is not None]
    endings = [turn for turn in later if turn.rubric is None]
    if middle:
        sections.append(Section("What you say next: it depends on the agent", (
            Words("Each piece below says after which of your numbered lines it comes, and what brings it on."),
            *(said(turn) for turn in middle),
        )))
    if endings:
        sections.append(Section("How it ends", tuple(said(turn) for turn in endings)))
    sections.append(PLAYING_IT)
    return Sheet("Customer card", exercise.title, tuple(sections), reference=exercise.id)


def agent_for_conversation(exercise: Exercise) -> Sheet:
    """The agent's brief: the task, the screen at the start, and what the screen says later, keyed to a line."""
    conversation = exercise.conversation
    assert conversation is not None
    turns = turns_in_order(conversation)
    start = turns[0]
    sections = [
        where_you_are(conversation.customer, exercise.channel),
        Section("Your task", (Words(" ".join(exercise.prompt.split())),)),
        Section("What your screen shows", (Words(" ".join(start.prompt.split()) or
                                                 "Nothing yet: listen for what the customer tells you."),)),
    ]
    updates: dict[str, list[str]] = {}
    for turn in turns[1:]:
        prompt = " ".join(turn.prompt.split())
        if prompt and turn.customer:
            updates.setdefault(prompt, []).append(opening_words(turn))
    if updates:
        sections.append(Section("As the conversation goes on", tuple(
            Words(f"When the customer says {' or '.join(lines)}, your screen says: {prompt}")
            for prompt, lines in updates.items()
        )))
    sections.append(how_it_runs())
    return Sheet("Agent card", exercise.title, tuple(sections), reference=exercise.id)
