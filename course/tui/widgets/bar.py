"""A progress bar as text: filled and empty blocks plus the percentage."""

from __future__ import annotations

from rich.text import Text

__all__ = ["text_bar"]


def text_bar(fraction: float, width: int = 10) -> Text:
    """``███░░░░░░░  30%``: the shape and the number carry the meaning, colour only helps."""
    fraction = min(max(fraction, 0.0), 1.0)
    filled = round(fraction * width)
    bar = Text()
    bar.append("█" * filled, style="green")
    bar.append("░" * (width - filled), style="dim")
    bar.append(f" {round(fraction * 100):>3}%")
    return bar
