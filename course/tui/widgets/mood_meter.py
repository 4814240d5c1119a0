"""The customer's mood during a conversation: a gauge, the mood in words, and which way it moved."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from course.conversation import mood_words

__all__ = ["MoodMeter", "mood_gauge"]

LOWEST, HIGHEST = -3, 3
"""The ends of the scale: furious to at ease."""


def _mood_style(mood: int) -> str:
    """Colour only helps: the marker's place and the words carry the meaning."""
    return "bold red" if mood < 0 else ("bold green" if mood > 0 else "bold yellow")


def mood_gauge(mood: int, before: int | None = None) -> Text:
    """``− · · · ● · · · +``, the mood in words, and the last change (``▲ up 1``)."""
    mood = max(LOWEST, min(HIGHEST, mood))
    gauge = Text("− ", style="dim")
    for step in range(LOWEST, HIGHEST + 1):
        gauge.append("●" if step == mood else "·", style=_mood_style(mood) if step == mood else "dim")
        gauge.append(" ")
    gauge.append("+", style="dim")
    gauge.append(f"\n{mood_words(mood)} ({mood:+d})" if mood else f"\n{mood_words(mood)} (0)", style="bold")
    if before is not None:
        change = mood - before
        if change > 0:
            gauge.append(f"\n▲ up {change}")
        elif change < 0:
            gauge.append(f"\n▼ down {-change}")
        else:
            gauge.append("\n= no change")
    return gauge


class MoodMeter(Static):
    """How the customer feels right now, on a scale from furious to at ease."""

    def __init__(self, customer: str, mood: int, *, id: str | None = None) -> None:
        super().__init__(mood_gauge(mood), id=id)
        self.border_title = f"{customer.split()[0] if customer.strip() else 'Customer'}'s mood"

    def show(self, mood: int, before: int | None = None) -> None:
        """Move the meter; ``before`` is the mood before the last reply, to show the change."""
        self.update(mood_gauge(mood, before))
