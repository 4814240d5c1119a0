"""How a command ends early: one clear line and an exit status, as a click exception."""

from __future__ import annotations

import click

__all__ = ["Stop", "USAGE_ERROR", "FAILURE"]

USAGE_ERROR = 2
"""The exit status when what was typed will not do."""
FAILURE = 1
"""The exit status when the command could not do its work."""


class Stop(click.ClickException):
    """Ends the command with one clear line (``listen: ...`` on standard error) and an exit status."""

    def __init__(self, message: str, status: int = USAGE_ERROR) -> None:
        super().__init__(message)
        self.exit_code = status  # type: ignore[misc]  # click types it per class; each Stop says its own

    @property
    def status(self) -> int:
        """The exit status."""
        return self.exit_code
