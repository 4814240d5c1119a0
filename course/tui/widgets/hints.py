"""Hints, revealed one at a time, gentlest first."""

from __future__ import annotations

from textual.widgets import Static

__all__ = ["HintPanel"]


class HintPanel(Static):
    """Hidden until the first hint is asked for; then shows every hint revealed so far."""

    DEFAULT_CSS = """
    HintPanel { display: none; padding: 0 1; margin-top: 1; border-left: thick $warning; }
    HintPanel.-shown { display: block; }
    """

    def __init__(self, hints: tuple[str, ...], *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.hints = hints
        """All the exercise's hints, gentlest first."""
        self.shown = 0
        """How many are revealed."""

    @property
    def available(self) -> bool:
        """Whether the exercise has hints at all."""
        return bool(self.hints)

    @property
    def exhausted(self) -> bool:
        """Whether every hint is already shown."""
        return self.shown >= len(self.hints)

    def reveal(self) -> None:
        """Show one more hint."""
        if self.exhausted:
            return
        self.shown += 1
        total = len(self.hints)
        self.update(
            "\n".join(
                f"Hint {number} of {total}: {hint.strip()}"
                for number, hint in enumerate(self.hints[: self.shown], start=1)
            )
        )
        self.add_class("-shown")
        self.scroll_visible()

    def action_state(self) -> bool | None:
        """For a screen's ``check_action``: hidden with no hints, greyed out when all are shown."""
        if not self.available:
            return False
        return None if self.exhausted else True

