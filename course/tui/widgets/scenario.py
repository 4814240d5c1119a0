"""The scenario card: who the customer is, where they wrote from, what they said."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.widgets import Static

from course.content.model import Exercise
from course.showing import reflow

__all__ = ["ScenarioCard", "CHANNELS", "reflow"]

CHANNELS = {
    "chat": ("💬", "Chat"),
    "email": ("📧", "Email"),
    "phone": ("📞", "Phone"),
    "social": ("📣", "Social media"),
    "in-person": ("🤝", "In person"),
}
"""An icon and a word for each channel: the word is what carries the meaning."""


def _card(exercise: Exercise) -> RenderableType:
    """The card's lines; customer text is always literal, never markup."""
    parts: list[RenderableType] = []
    scenario = exercise.scenario
    icon, word = CHANNELS.get(exercise.channel, ("", exercise.channel.capitalize()))
    heading = Text()
    if word:
        heading.append(f"{icon} {word}".strip(), style="bold")
    if scenario is not None:
        heading.append(" · " if word else "", style="dim")
        heading.append(scenario.customer, style="bold")
    if heading.plain:
        parts.append(heading)
    if scenario is not None:
        if scenario.history:
            parts.append(Text.assemble(("Note: ", "italic"), (scenario.history.strip(), "italic")))
        parts.append(Text(""))
        parts.append(Text(reflow(scenario.message)))
    if exercise.original:
        parts.append(Text(""))
        parts.append(Text("The reply to rewrite:", style="bold"))
        parts.append(Text(reflow(exercise.original)))
    return Group(*parts)


class ScenarioCard(Static):
    """The customer's side of an exercise, as a card above the answer."""

    def __init__(self, exercise: Exercise, *, id: str | None = None) -> None:
        super().__init__(_card(exercise), id=id, classes="scenario-card")

    @staticmethod
    def has_content(exercise: Exercise) -> bool:
        """Whether there is anything for the card to show."""
        return exercise.scenario is not None or bool(exercise.original)
