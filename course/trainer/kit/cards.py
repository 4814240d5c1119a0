"""Role-play cards: for each exercise answered in the learner's own words, a customer's brief and an agent's.

Both come from the exercise itself: the customer's card from the scenario
(their message, what they ask, what they feel, what their account says that
they would know too), the agent's from the channel, the history card and the
task. Neither card carries anything the rubric judges by, nor a model answer
or hint: the agent finds the answer in the room, and the observer's sheet
holds what the course looks for.
"""

from __future__ import annotations

from dataclasses import dataclass

from course.content.model import Course, Exercise

from .phrasing import CHANNEL_WORDS, asks, feelings, flowing, known_details, sentences, to_the_customer
from .sheet import Points, Said, Section, Sheet, Words

__all__ = ["RolePlayCard", "role_play_cards", "playable", "card_for", "PLAYING_IT", "channel_words"]


@dataclass(frozen=True)
class RolePlayCard:
    """The two briefs for one exercise, printed on separate pages to hand to two people."""

    exercise_id: str
    module_id: str
    title: str
    customer: Sheet
    agent: Sheet


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


def role_play_cards(course: Course, module_ids: tuple[str, ...]) -> tuple[RolePlayCard, ...]:
    """A card for every playable exercise of these modules, in course order."""
    return tuple(
        card_for(exercise)
        for module_id in module_ids
        for exercise in course.exercises_of(module_id)
        if playable(exercise)
    )


def card_for(exercise: Exercise) -> RolePlayCard:
    """The customer's and the agent's brief for one playable exercise."""
    if exercise.conversation is not None:
        from .talking import agent_for_conversation, customer_for_conversation

        customer, agent = customer_for_conversation(exercise), agent_for_conversation(exercise)
    else:
        customer, agent = _customer(exercise), _agent(exercise)
    return RolePlayCard(exercise.id, exercise.module_id, exercise.title, customer, agent)


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


def _customer(exercise: Exercise) -> Sheet:
    assert exercise.scenario is not None  # playable() said so
    scenario = exercise.scenario
    message = flowing(scenario.message)
    sections = [
        who_you_are(scenario.customer, exercise.channel),
        Section("What happened, in your words: say this first", (Said((message,)),)),
    ]
    wants = asks([message])
    if wants:
        sections.append(Section("What you want", (Points(tuple(wants)),)))
    sections.append(how_you_feel(feelings([message])))
    details = known_details(scenario.history)
    if details:
        sections.append(Section("What you know, and say only if the agent asks", (Points(tuple(details)),)))
    sections.append(PLAYING_IT)
    return Sheet("Customer card", exercise.title, tuple(sections), reference=exercise.id)


def how_you_feel(feeling_lines: list[str], start: str = "") -> Section:
    """How the customer feels: their mood at the start (conversations), and the lines that carry it."""
    parts: list[Words | Points] = [Words(start)] if start else []
    if feeling_lines:
        parts += [Words("It shows in these words of yours. Say them as you mean them:"), Points(tuple(feeling_lines))]
    elif not start:
        parts.append(Words("Your words don't name a feeling: keep to the tone of your message, "
                           "and let the agent find out how you feel."))
    return Section("How you feel", tuple(parts))


def _agent(exercise: Exercise) -> Sheet:
    assert exercise.scenario is not None
    scenario = exercise.scenario
    history = " ".join(sentences(scenario.history))
    sections = [
        where_you_are(scenario.customer, exercise.channel),
        Section("What your screen shows", (Words(history or "Nothing on file: what the customer tells you is "
                                                  "all you know."),)),
    ]
    if exercise.original:
        sections.append(Section("The reply on your screen, not sent yet", (
            Words("It will not do as it is. Say what it should have said, in your own words."),
            Said((flowing(exercise.original),)),
        )))
    sections += [Section("Your task", (Words(" ".join(exercise.prompt.split())),)),
                 how_it_runs()]
    return Sheet("Agent card", exercise.title, tuple(sections), reference=exercise.id)


def how_it_runs(extra: tuple[str, ...] = ()) -> Section:
    """The agent's few rules of the room."""
    return Section("How it runs", (Points(_HOW_IT_RUNS + extra),))
