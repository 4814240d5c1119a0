"""How a command ends early: click's own exceptions, one clear line each.

What was typed will not do: ``Refused`` (exit status 2, like click's usage errors). The command
could not do its work: ``click.ClickException`` (exit status 1).
"""

from __future__ import annotations

import click

__all__ = ["Refused", "USAGE_ERROR", "FAILURE"]

USAGE_ERROR = 2
"""The exit status when what was typed will not do."""
FAILURE = 1
"""The exit status when the command could not do its work."""


class Refused(click.ClickException):
    """What was typed will not do: one clear line (``listen: ...`` on standard error), exit status 2."""

    exit_code = USAGE_ERROR
