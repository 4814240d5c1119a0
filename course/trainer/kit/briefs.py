"""What every role-play brief shares: who is who, how to play the channel, how the customer feels, the rules.

The cards of a written exercise (``cards``) and of a conversation
(``talking``) are both built from these.
"""

from __future__ import annotations

from course.content.model import Exercise

from .phrasing import CHANNEL_WORDS, to_the_customer
from .sheet import Points, Section, Words

__all__ = ["PLAYING_IT", "playable", "channel_words", "who_you_are", "where_you_are", "how_you_feel", "how_it_runs"]

PLAYING_IT = Section("Playing it", (Points((
    "Stay in role until the observer stops you.",
    "Answer what you are asked, no more: don't help the agent along.",
    "Asked something this card doesn't say? Answer as an ordinary customer would, briefly.",
    "Afterwards, tell the agent one moment you felt heard, and one you didn't.",
)),))
"""The same few rules on every customer's card."""

_HOW_IT_RUNS = (
    "The customer speaks first. Hear them out to the end before you answer.",
    "Answer in your own words. You may ask questions, and take notes.",
    "The observer has the course's checklist; you'll talk it through together afterwards.",
)


def playable(exercise: Exercise) -> bool:
    """Whether an exercise becomes a role play: answered in the learner's words, with a customer to play."""
    if exercise.kind == "conversation":
        return exercise.conversation is not None
    return exercise.is_text and exercise.scenario is not None


def channel_words(channel: str) -> tuple[str, str]:
    """How the customer gets in touch (``by email``) and how to play that channel in a room."""
    return CHANNEL_WORDS.get(channel, ("", ""))


def who_you_are(name: str, channel: str) -> Section:
    """The customer card's opening: "You are ..., getting in touch ...", and how to play the channel."""
    how, play = channel_words(channel)
    opening = f"You are {to_the_customer(name)}" + (f", getting in touch {how}." if how else ".")
    return Section("Who you are", (Words(opening),) + ((Words(play),) if play else ()))


def where_you_are(name: str, channel: str) -> Section:
    """The agent card's opening: who is getting in touch, and how."""
    how, _ = channel_words(channel)
    who = f"{name}," if "," in name else name  # "Olumide Bankole, your team leader, gets in touch"
    return Section("Where you are", (Words(f"You are the agent. {who} gets in touch {how}".rstrip() + "."),))


def how_you_feel(feeling_lines: list[str], start: str = "") -> Section:
    """How the customer feels: their mood at the start (conversations), and the lines that carry it."""
    parts: list[Words | Points] = [Words(start)] if start else []
    if feeling_lines:
        parts += [Words("It shows in these words of yours. Say them as you mean them:"), Points(tuple(feeling_lines))]
    elif not start:
        parts.append(Words("Your words don't name a feeling: keep to the tone of your message, "
                           "and let the agent find out how you feel."))
    return Section("How you feel", tuple(parts))


def how_it_runs(extra: tuple[str, ...] = ()) -> Section:
    """The agent's few rules of the room."""
    return Section("How it runs", (Points(_HOW_IT_RUNS + extra),))
