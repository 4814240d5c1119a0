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

from .briefs import PLAYING_IT, how_it_runs, how_you_feel, playable, where_you_are, who_you_are
from .phrasing import asks, feelings, flowing, known_details, sentences
from .sheet import Points, Said, Section, Sheet, Words
from .talking import agent_for_conversation, customer_for_conversation

__all__ = ["RolePlayCard", "role_play_cards", "card_for"]


@dataclass(frozen=True)
class RolePlayCard:
    """The two briefs for one exercise, printed on separate pages to hand to two people."""

    exercise_id: str
    module_id: str
    title: str
    customer: Sheet
    agent: Sheet


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
        customer, agent = customer_for_conversation(exercise), agent_for_conversation(exercise)
    else:
        customer, agent = _customer(exercise), _agent(exercise)
    return RolePlayCard(exercise.id, exercise.module_id, exercise.title, customer, agent)


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
        sections.append(Section("The reply on your screen", (
            Words("It will not do as it is. Say what it should have said, in your own words."),
            Said((flowing(exercise.original),)),
        )))
    sections += [Section("Your task", (Words(" ".join(exercise.prompt.split())),)),
                 how_it_runs()]
    return Sheet("Agent card", exercise.title, tuple(sections), reference=exercise.id)
